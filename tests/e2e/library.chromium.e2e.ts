// Saved articles in Chromium: save from a tab (the handler behind the menu, the shortcut and the
// popup's button), the popup's list, the library, and the offline reader, which must run nothing
// that came from a page.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startChromium, type ChromiumSession } from './chromium-session';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { backupWith, DEMO, SCREENSHOTS, squash } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let context: BrowserContext;
let worker: Worker;
let session: ChromiumSession;

beforeAll(async () => {
  server = await serveFixtures();
  session = await startChromium();
  ({ context, worker } = session);
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

const openTab = (path: string) => session.openTab(server.url(path));

const extensionPage = (path: string) => session.extensionPage(path);

test('the popup saves the tab: a toast in the page, the badge, and the article in the list', async () => {
  const { page, tabId } = await openTab(DEMO.path);
  const popup = await extensionPage(`popup.html?tab=${tabId}`);
  await popup.getByTestId('save').click();
  await expect.poll(() => popup.getByTestId('save-result').innerText()).toBe('Saved to your library.');
  await expect.poll(() => page.locator('reading-assistant-toast div').innerText()).toBe('Saved to your library.');
  expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('★');
  await expect.poll(() => popup.getByTestId('saved-list').innerText()).toContain('한빛시, 24시간 무인 도서관 문 연다');

  // Saving again updates the same entry and says so.
  await popup.getByTestId('save').click();
  await expect.poll(() => popup.getByTestId('save-result').innerText()).toBe('Already in your library: updated.');
  expect(await popup.locator('[data-testid="saved-list"] > li').count()).toBe(1);
  await Promise.all([page.close(), popup.close()]);
});

test('the library lists it, finds it by a Korean word inside an eojeol prefix, and opens it offline', async () => {
  const library = await extensionPage('library.html');
  await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 1');
  await library.getByTestId('library-search').fill('도서관');
  await expect.poll(() => library.getByTestId('virtual-list').innerText()).toContain('한빛시');
  await library.getByTestId('library-search').fill('없는단어');
  await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 0');
  await library.getByTestId('library-search').fill('');

  await server.close(); // offline from here on
  const [reader] = await Promise.all([context.waitForEvent('page'), library.getByRole('button', { name: /한빛시/ }).click()]);
  await reader.locator('.ra-content').waitFor();
  const text = squash(await reader.locator('.ra-article').innerText());
  for (const sentence of DEMO.mustShow) expect(text).toContain(squash(sentence));
  expect(text).not.toContain('무단 전재');
  server = await serveFixtures();
  await Promise.all([library.close(), reader.close()]);
});

test('a hostile saved page runs nothing in the extension page', async () => {
  const { page, tabId } = await openTab('/demo/hostile.html');
  const popup = await extensionPage(`popup.html?tab=${tabId}`);
  await popup.getByTestId('save').click();
  await expect.poll(() => popup.getByTestId('save-result').innerText()).toBe('Saved to your library.');
  const url = await popup.evaluate(async () => {
    // The row's data-url is the saved article's key.
    return document.querySelector('[data-testid="saved-list"] li[data-url*="hostile"]')?.getAttribute('data-url');
  });
  expect(url).toContain('/demo/hostile.html');
  const reader = await extensionPage(`read.html?url=${encodeURIComponent(url!)}`);
  await reader.locator('.ra-content').waitFor();
  await reader.evaluate(() => {
    // Give every handler its chance: click everything, wait for images to fail.
    for (const el of document.querySelectorAll<HTMLElement>('.ra-content *')) el.click?.();
  });
  await reader.waitForTimeout(500);
  expect(await reader.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
  expect(await dangerousNodes(reader)).toEqual([]);
  expect(await reader.locator('.ra-content').innerText()).toContain('ordinary article text');
  await Promise.all([page.close(), popup.close(), reader.close()]);
});

/** Elements and attributes that could run code, left in the rendered article. */
function dangerousNodes(page: Page): Promise<string[]> {
  return page.locator('.ra-content').evaluate((root) => {
    const found: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      if (/^(script|iframe|object|embed|frame)$/i.test(el.localName)) found.push(el.localName);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${el.localName}[${attr.name}]`);
        if (/^\s*(javascript|data|vbscript):/i.test(attr.value) && /href|src|action/i.test(attr.name))
          found.push(`${el.localName}[${attr.name}=${attr.value}]`);
      }
    }
    return found;
  });
}

test('a backup file with hostile HTML is sanitized when shown (stored HTML is never trusted)', async () => {
  const hostile = backupWith({
    url: 'https://evil.example/story',
    title: 'Imported hostile story',
    text: 'Visible text of the imported story.',
    contentHtml:
      '<p>Visible text of the imported story.</p><script>window.__pwned="script"</script><img src=x onerror="window.__pwned=\'img\'"><a href="javascript:window.__pwned=\'a\'">link</a><svg><script>window.__pwned="svg"</script></svg><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe><form action="javascript:alert(1)"><button>go</button></form>',
  });
  const library = await extensionPage('library.html');
  await library
    .getByTestId('import-file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  await expect.poll(() => library.getByTestId('library-message').innerText()).toContain('Imported: 1 new');
  const reader = await extensionPage(`read.html?url=${encodeURIComponent('https://evil.example/story')}`);
  await reader.locator('.ra-content').waitFor();
  await reader
    .locator('.ra-content a')
    .click()
    .catch(() => undefined);
  await reader.waitForTimeout(500);
  expect(await reader.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
  expect(await dangerousNodes(reader)).toEqual([]);
  expect(await reader.locator('.ra-content').innerText()).toContain('Visible text of the imported story.');
  await Promise.all([library.close(), reader.close()]);
});

const clickMenu = (entry: string, tabId: number, linkUrl?: string) => session.clickMenu(entry, tabId, linkUrl);

/** Whether the browser holds a right-click entry with this id (update() rejects an unknown one). */
const menuExists = (id: string) =>
  worker.evaluate(
    (menuId) =>
      chrome.contextMenus.update(menuId, {}).then(
        () => true,
        () => false,
      ),
    id,
  );

test('the right-click entries exist; "Save linked article" fetches and saves the link (offscreen parser)', async () => {
  const ids = ['open-reader', 'save-article', 'save-link', 'not-ours'];
  const exists = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await menuExists(id)])));
  expect(exists).toEqual({ 'open-reader': true, 'save-article': true, 'save-link': true, 'not-ours': false });

  const home = await openTab('/demo/home.html');
  const link = server.publicUrl('/korean/mk-3/source.html');
  await clickMenu('save-link', home.tabId, link);
  await expect.poll(() => home.page.locator('reading-assistant-toast div').innerText()).toBe('Saved to your library.');
  const library = await extensionPage('library.html');
  await library.getByTestId('library-search').fill('');
  // The linked page's own site name, read by the extraction that ran in the offscreen document.
  await expect.poll(() => library.getByTestId('virtual-list').innerText()).toContain('매일경제');
  await Promise.all([home.page.close(), library.close()]);
});

test('"Save article" from the menu on a page without an article keeps a bookmark and says so', async () => {
  const home = await openTab('/demo/home.html');
  await clickMenu('save-article', home.tabId);
  await expect
    .poll(() => home.page.locator('reading-assistant-toast div').innerText())
    .toBe('No article here: saved as a bookmark.');
  await home.page.close();
});

test('screenshots of the popup with saved articles and of the library, light and dark', async () => {
  const { page, tabId } = await openTab(DEMO.path);
  for (const scheme of ['light', 'dark'] as const) {
    const popup = await extensionPage(`popup.html?tab=${tabId}`);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 340, height: 640 });
    await popup.locator('[data-testid="saved-list"][aria-busy="false"] li').first().waitFor();
    await popup.screenshot({ path: `${SCREENSHOTS}chromium-popup-saved-${scheme}.png`, fullPage: true });
    const library = await extensionPage('library.html');
    await library.emulateMedia({ colorScheme: scheme });
    await library.setViewportSize({ width: 1100, height: 700 });
    await library.getByTestId('virtual-list').locator('li').first().waitFor();
    await library.screenshot({ path: `${SCREENSHOTS}chromium-library-${scheme}.png` });
    await Promise.all([popup.close(), library.close()]);
  }
  await page.close();
});

test('a list of URLs imports as items without text; fetching them shows progress and fills them in', async () => {
  const library = await extensionPage('library.html');
  const list = [
    `# reading list`,
    server.publicUrl('/demo/article.html?from=list'),
    server.publicUrl('/korean/mk-3/source.html?from=list'),
    server.publicUrl('/missing.html'),
  ].join('\n');
  await library.getByTestId('import-file').setInputFiles({ name: 'urls.txt', mimeType: 'text/plain', buffer: Buffer.from(list) });
  await expect.poll(() => library.getByTestId('library-message').innerText()).toContain('Imported: 3 new');
  await library.getByTestId('fetch-pending').click();
  await expect
    .poll(() => library.getByTestId('fetch-progress').innerText(), { timeout: 20000 })
    .toBe('Fetched 2 of 3 (1 failed; they stay in the list to try again).');
  await library.getByTestId('library-search').fill('무인 도서관');
  await expect.poll(() => library.getByTestId('virtual-list').locator('li').count()).toBeGreaterThanOrEqual(2);
  // The missing page stays pending, to be tried again.
  await library.getByTestId('library-search').fill('');
  await expect.poll(() => library.getByTestId('fetch-pending').innerText()).toBe('Fetch the text of imported articles (1)');
  await library.close();
});

test('the popup deletes an article and Undo brings it back exactly', async () => {
  const { page, tabId } = await openTab(DEMO.path);
  const popup = await extensionPage(`popup.html?tab=${tabId}`);
  // The first paint may be the list as the popup last showed it; wait for the database's answer.
  const rows = popup.locator('[data-testid="saved-list"][aria-busy="false"] li.article-row');
  await rows.first().waitFor();
  const title = await rows.first().locator('.row-title').innerText();
  // The popup lists the newest 8: with more saved, the next one moves up into the list, so the
  // deleted article is followed by its title, not by the number of rows.
  const titled = rows.filter({ has: popup.locator('.row-title', { hasText: title }) });
  const before = await titled.count();
  await rows.first().getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => titled.count()).toBe(before - 1);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => titled.count()).toBe(before);
  expect(await rows.first().locator('.row-title').innerText()).toBe(title);
  await Promise.all([page.close(), popup.close()]);
});
