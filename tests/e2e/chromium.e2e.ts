// The built Chrome extension in Debian's Chromium, driven by Playwright; pages come from a server
// on 127.0.0.1 that this test starts.
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startChromium, type ChromiumSession } from './chromium-session';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { CLUTTER_STRINGS, DEMO, SCREENSHOTS, koreanFixture, popupBottom, squash } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let context: BrowserContext;
let worker: Worker;
let session: ChromiumSession;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveFixtures();
  session = await startChromium();
  ({ context, worker } = session);
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

const openTab = (path: string) => session.openTab(server.url(path));

const openPopup = (tabId: number, height?: number) => session.openPopup(tabId, height);

const readerText = (page: Page) => page.locator('reading-assistant-reader .ra-article').innerText();
const badge = (tabId: number) => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
const actionTitle = (tabId: number) => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);

test('the badge marks an article page and stays off on a portal home page', async () => {
  const article = await openTab(DEMO.path);
  await expect.poll(() => badge(article.tabId)).toBe('✓');
  expect(await actionTitle(article.tabId)).toContain('article found');

  const home = await openTab('/demo/home.html');
  // The title changes once the detector has answered, so the empty badge is its verdict.
  await expect.poll(() => actionTitle(home.tabId)).toBe('Reading Assistant: no article on this page');
  expect(await badge(home.tabId)).toBe('');
  await article.page.close();
  await home.page.close();
});

test('after a single-page-app navigation the detector checks again', async () => {
  const { page, tabId } = await openTab('/demo/home.html');
  await expect.poll(() => actionTitle(tabId)).toBe('Reading Assistant: no article on this page');
  // The app swaps in an article and changes the URL without loading a page.
  const articleHtml = await (await fetch(server.url(DEMO.path))).text();
  await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
    history.pushState({}, '', '/demo/story/1');
  }, articleHtml);
  await expect.poll(() => badge(tabId), { timeout: 10000 }).toBe('✓');
  await page.close();
});

for (const fixture of [DEMO, koreanFixture('mk-3')]) {
  test(`the reader shows the article of ${fixture.path} without the portal's clutter`, async () => {
    const { page, tabId } = await openTab(fixture.path);
    const before = await page.evaluate(() => document.body.outerHTML);
    const popup = await openPopup(tabId);
    await expect.poll(() => popup.getByTestId('status').innerText()).toBe('Article found');
    await popup.getByTestId('toggle-reader').click();
    await page.locator('reading-assistant-reader .ra-content').waitFor();
    const text = squash(await readerText(page));
    for (const sentence of fixture.mustShow) expect(text).toContain(squash(sentence));
    for (const clutter of CLUTTER_STRINGS) expect(text, clutter).not.toContain(clutter);
    // The page underneath is untouched: the reader lives beside <body>, in its own shadow root.
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
    await popup.close();
    await page.close();
  });
}

test('a right-to-left article reads right to left in the reader', async () => {
  const { page, tabId } = await openTab('/readability/rtl-1/source.html');
  const popup = await openPopup(tabId);
  await popup.getByTestId('toggle-reader').click();
  const article = page.locator('reading-assistant-reader .ra-article');
  await article.waitFor();
  expect(await article.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await Promise.all([page.close(), popup.close()]);
});

test('A+ in the popup grows the reader text; Esc closes the reader at the same scroll position', async () => {
  const { page, tabId } = await openTab(DEMO.path);
  await page.evaluate(() => window.scrollTo(0, 300));
  const scrollBefore = await page.evaluate(() => window.scrollY);
  expect(scrollBefore).toBeGreaterThan(0);
  const popup = await openPopup(tabId);
  await popup.getByTestId('toggle-reader').click();
  const article = page.locator('reading-assistant-reader .ra-article');
  await article.waitFor();
  const size = () => article.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const base = await size();

  // Reopened, the popup sees the reader open and offers the reader's font size.
  await popup.reload();
  await expect.poll(() => popup.getByTestId('toggle-reader').innerText()).toBe('Close reader view');
  await popup.getByRole('button', { name: 'A+: larger text' }).click();
  await popup.getByRole('button', { name: 'A+: larger text' }).click();
  await expect.poll(() => popup.getByTestId('font-percent').innerText()).toBe('125%');
  await expect.poll(size).toBeCloseTo(base * 1.25, 1);
  // Reset: back to 100% (the setting is global and persists, so later tests start from it).
  await popup.getByRole('button', { name: /reset text size/ }).click();
  await expect.poll(size).toBeCloseTo(base, 1);

  await page.bringToFront();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('reading-assistant-reader').count()).toBe(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

  await page.close();
  await popup.close();
});

test('a typography choice shows at once in every open reader; "Only for this site" keeps it to that site, and it stays', async () => {
  const home = await openTab(DEMO.path);
  // The same server under another host name: another site.
  const other = await session.openTab(server.url('/demo/business.html').replace('//127.0.0.1:', '//localhost:'));
  const root = (page: Page) => page.locator('reading-assistant-reader .ra-root');
  const openReader = async (tabId: number, page: Page) => {
    const popup = await openPopup(tabId);
    await popup.getByTestId('toggle-reader').click();
    await root(page).locator('.ra-content').waitFor();
    await popup.close();
  };
  await openReader(home.tabId, home.page);
  await openReader(other.tabId, other.page);
  const otherTheme = await root(other.page).getAttribute('data-theme');

  // A global choice in one reader reaches the other at once.
  await home.page.bringToFront();
  // The choices are in the toolbar's "Aa" popover.
  const aa = async (page: Page) => {
    if ((await root(page).getByTestId('reader-tool-typography').getAttribute('aria-expanded')) !== 'true')
      await root(page).getByTestId('reader-tool-typography').click();
    return root(page).getByTestId('reader-panel-typography');
  };
  await (await aa(home.page)).getByRole('radio', { name: 'Sans-serif' }).check();
  await expect.poll(() => root(other.page).getAttribute('class')).toContain('ra-font-sans');

  // A choice for this site only: the other site's reader keeps its theme.
  await (await aa(home.page)).getByLabel('Only for this site').check();
  await (await aa(home.page)).getByRole('radio', { name: 'Sepia' }).check();
  await expect.poll(() => root(home.page).getAttribute('data-theme')).toBe('sepia');
  await other.page.waitForTimeout(500); // the change has had time to arrive there
  expect(await root(other.page).getAttribute('data-theme')).toBe(otherTheme);

  // Closed and opened again (Esc closes the popover, then the reader), the site keeps its own choice.
  await home.page.keyboard.press('Escape');
  await home.page.keyboard.press('Escape');
  await expect.poll(() => home.page.locator('reading-assistant-reader').count()).toBe(0);
  await openReader(home.tabId, home.page);
  expect(await root(home.page).getAttribute('data-theme')).toBe('sepia');
  expect(await (await aa(home.page)).getByLabel('Only for this site').isChecked()).toBe(true);

  // Unticked, this site's look becomes everyone's (the box says "only for this site"); then back
  // to the defaults for the tests after this one.
  await (await aa(home.page)).getByLabel('Only for this site').uncheck();
  await expect.poll(() => root(other.page).getAttribute('data-theme')).toBe('sepia');
  await (await aa(home.page)).getByRole('radio', { name: 'Follow the system' }).check();
  await (await aa(home.page)).getByRole('radio', { name: 'Serif', exact: true }).check();
  await expect.poll(() => root(other.page).getAttribute('class')).toContain('ra-font-serif');
  expect(await root(other.page).getAttribute('data-theme')).toBe('system');
  await Promise.all([home.page.close(), other.page.close()]);
});

test("the popup's page zoom (+) zooms the page itself, for this tab only", async () => {
  const { page, tabId } = await openTab(DEMO.path);
  const popup = await openPopup(tabId);
  await popup.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => worker.evaluate((id) => chrome.tabs.getZoom(id), tabId)).toBeCloseTo(1.1, 5);
  expect(await popup.getByTestId('zoom-percent').innerText()).toBe('110%');
  const other = await openTab(DEMO.path);
  expect(await worker.evaluate((id) => chrome.tabs.getZoom(id), other.tabId)).toBe(1);
  await popup.getByRole('button', { name: /reset page zoom/ }).click();
  await expect.poll(() => worker.evaluate((id) => chrome.tabs.getZoom(id), tabId)).toBe(1);
  await Promise.all([page.close(), popup.close(), other.page.close()]);
});

test('on a page with no article the reader says so instead of showing the page', async () => {
  const { page, tabId } = await openTab('/demo/home.html');
  const popup = await openPopup(tabId);
  expect(await popup.getByTestId('status').innerText()).toBe('No article was found on this page.');
  await popup.getByTestId('toggle-reader').click();
  const empty = page.locator('reading-assistant-reader .ra-empty');
  await empty.waitFor();
  expect(await empty.innerText()).toContain('does not seem to hold an article');
  await Promise.all([page.close(), popup.close()]);
});

test('where extensions cannot run, the popup says so in one sentence', async () => {
  // A PDF: the address is ours to read (host permission), so the popup names the PDF viewer.
  const pdf = await openTab('/demo/document.pdf');
  const pdfPopup = await openPopup(pdf.tabId);
  expect(await pdfPopup.getByTestId('restricted').innerText()).toBe('Extensions cannot read documents shown in the PDF viewer.');
  // A browser page: without the user's click (activeTab) even its address is hidden, so the
  // popup falls back to the general sentence; a real click names browser pages.
  const page = await context.newPage();
  await page.goto('chrome://version');
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  const popup = await openPopup(tabId);
  expect(await popup.getByTestId('restricted').innerText()).toBe('Extensions cannot run on this page.');
  expect(await popup.getByTestId('toggle-reader').count()).toBe(0);
  await Promise.all([page.close(), popup.close(), pdf.page.close(), pdfPopup.close()]);
});

test('every keyboard shortcut is assigned by the browser and shown in the popup', async () => {
  // Chromium keeps some Alt+Shift keys for itself and then assigns nothing: a suggested key it
  // refuses leaves the user without the shortcut the README promises.
  const { page, tabId } = await openTab(DEMO.path);
  const popup = await openPopup(tabId);
  // Folded under their heading: a click shows them.
  await popup.getByText('Keyboard shortcuts').click();
  await expect.poll(() => popup.locator('.shortcuts kbd').first().isVisible()).toBe(true);
  const keys = await popup.locator('.shortcuts kbd').allInnerTexts();
  expect(keys.sort()).toEqual(['Alt+Shift+O', 'Alt+Shift+S', 'Alt+Shift+V']);
  await Promise.all([page.close(), popup.close()]);
});

test('on an article, with nothing saved yet, the whole popup fits in the 600 pixels Chrome gives a popup', async () => {
  // Chrome cuts a popup at 600 pixels and makes the rest scroll: the article's actions, the
  // translation and highlight buttons, the saved list's heading and the shortcuts must all show.
  const { page, tabId } = await openTab(DEMO.path);
  const popup = await openPopup(tabId, 600);
  await expect.poll(() => popup.getByTestId('translate-destination').isVisible()).toBe(true);
  await popup.getByRole('button', { name: 'Open library' }).waitFor();
  expect(await popupBottom(popup)).toBeLessThanOrEqual(600);
  expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
  await Promise.all([page.close(), popup.close()]);
});

test('screenshots of the popup and the reader, light and dark', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const { page, tabId } = await openTab(DEMO.path);
    await page.emulateMedia({ colorScheme: scheme });
    const popup = await openPopup(tabId);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.screenshot({ path: `${SCREENSHOTS}chromium-popup-${scheme}.png`, fullPage: true });
    await popup.getByTestId('toggle-reader').click();
    await page.locator('reading-assistant-reader .ra-content').waitFor();
    await page.bringToFront();
    const background = await page
      .locator('reading-assistant-reader .ra-root')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    // Dark mode follows the system: the reader's background is dark only when the system is.
    expect(background).toBe(scheme === 'dark' ? 'rgb(28, 28, 31)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: `${SCREENSHOTS}chromium-reader-${scheme}.png` });
    await Promise.all([page.close(), popup.close()]);
  }
});
