// Hostile imports in the real browsers (issue 21), Chromium then Firefox, one launch each: the reader
// saves an article; a backup holding the same address with another title and text and dates in the
// year 2999 changes nothing of it and says so; "Replace my copies" replaces it when asked; "Undo
// import" puts its rows back byte for byte. A backup whose article has a javascript: source address
// is refused (listed, the rest imported), and nothing runs in the library or the saved copy, whose
// source link is a web address.
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startChromium, type ChromiumSession } from './chromium-session';
import { poll, startFirefox, type FirefoxSession } from './firefox-session';
import { DEMO } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  server = await serveFixtures();
});

afterAll(async () => {
  await server?.close();
});

const YEAR_2999 = Date.UTC(2999, 0, 1);

/** What the tests need of an extension page, in either browser. */
interface Driver {
  /** Runs `fn` in the current extension page. */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Opens an extension page, e.g. '/library.html', once it has loaded. */
  goTo(path: string): Promise<void>;
  /** Chooses a file in the library's import input, as the reader does. */
  importFile(name: string, text: string): Promise<void>;
  /** Clicks the button `data-testid=testId`. */
  press(testId: string): Promise<void>;
}

function backup(articles: object[]): string {
  return JSON.stringify({ format: 'reading-assistant-library', version: 1, exportedAt: new Date().toISOString(), articles });
}

/** The article's rows in the library database as stored (its article and content records). */
function storedRows(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('library');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articles', 'contents'], 'readonly');
      const a = tx.objectStore('articles').get(url);
      const c = tx.objectStore('contents').get(url);
      tx.oncomplete = () => {
        db.close();
        resolve(JSON.stringify({ a: a.result ?? null, c: c.result ?? null }));
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';

async function until(d: Driver, selector: string, ok: (t: string) => boolean): Promise<string> {
  return poll(() => d.run(text, selector), ok, 15000);
}

async function scenario(d: Driver, pageUrlCanary: string) {
  // The article the reader saved (from the popup, before this): its address, title and rows.
  await d.goTo('/library.html');
  const url = await poll(
    () => d.run(() => document.querySelector('[data-testid="virtual-list"] li')?.getAttribute('data-url') ?? '', null),
    (u) => u.length > 0,
    15000,
  );
  const title = await d.run(text, '[data-testid="virtual-list"] .row-title');
  expect(title).toContain('한빛시');
  const before = await d.run(storedRows, url);
  expect(JSON.parse(before).c.text).toContain(DEMO.mustShow[0]);

  // 1. A backup with the same address, another title and text, dated 2999: nothing of it is taken.
  const imported = {
    url,
    pageUrl: url,
    title: 'Imported title from 2999',
    text: 'Imported text that must not replace the saved one.',
    contentHtml: '<p>Imported text that must not replace the saved one.</p>',
    status: 'full',
    savedAt: YEAR_2999,
    updatedAt: YEAR_2999,
    readAt: 0,
    progress: 0,
    tags: ['imported'],
  };
  await d.importFile('backup-2999.json', backup([imported]));
  expect(await until(d, '[data-testid="library-message"]', (t) => t.startsWith('Imported'))).toBe(
    'Imported: 0 new, 0 updated, 0 unchanged. Skipped because your saved copy differs (yours is kept as it was): 1.',
  );
  expect(await d.run(text, '[data-testid="virtual-list"] .row-title')).toBe(title);
  expect(await d.run(storedRows, url)).toBe(before);

  // 2. The reader chooses to replace their copy: the imported one is taken (its date clamped to now).
  await d.press('import-replace');
  expect(await until(d, '[data-testid="library-message"]', (t) => t.startsWith('Replaced'))).toBe(
    'Replaced 1 of your copies with the imported ones.',
  );
  expect(await until(d, '[data-testid="virtual-list"] .row-title', (t) => t !== title)).toBe('Imported title from 2999');
  const replaced = JSON.parse(await d.run(storedRows, url));
  expect(replaced.c.text).toBe(imported.text);
  expect(replaced.a.updatedAt).toBeLessThanOrEqual(Date.now() + 60_000);

  // 3. Undo: the saved rows come back byte for byte.
  await d.press('import-undo');
  expect(await until(d, '[data-testid="library-message"]', (t) => t.includes('undone'))).toBe(
    'The import was undone: your library is as it was before it.',
  );
  expect(await until(d, '[data-testid="virtual-list"] .row-title', (t) => t === title)).toBe(title);
  expect(await d.run(storedRows, url)).toBe(before);

  // 4. A backup with a javascript: source address, a hostile lead image, language and body: the
  // article with the bad address is refused and listed, the other one imported clean.
  const hostile = 'https://hostile.example/story';
  const cleaned = 'https://hostile.example/cleaned';
  await d.importFile(
    'hostile.json',
    backup([
      { ...imported, url: hostile, pageUrl: 'javascript:window.__canary=1', title: 'Hostile source' },
      {
        ...imported,
        url: cleaned,
        pageUrl: pageUrlCanary,
        title: 'Cleaned on the way in',
        lang: '"><script>window.__canary=1</script>',
        leadImage: 'javascript:window.__canary=1',
        savedAt: 1,
        contentHtml:
          '<p>Visible text.</p><script>window.__canary=1</script><img src="x" onerror="window.__canary=1"><a href="javascript:window.__canary=1">link</a>',
        text: 'Visible text.',
        unknownField: 'dropped',
      },
    ]),
  );
  expect(await until(d, '[data-testid="library-message"]', (t) => t.startsWith('Imported'))).toBe(
    'Imported: 1 new, 0 updated, 0 unchanged. Skipped because they were not valid: 1.',
  );
  expect(await d.run(text, '[data-testid="import-skipped"] li')).toBe(
    'article 1: "pageUrl" is not a web address (http or https)',
  );
  expect(JSON.parse(await d.run(storedRows, hostile))).toEqual({ a: null, c: null });
  const clean = JSON.parse(await d.run(storedRows, cleaned));
  expect(clean.a).toMatchObject({ pageUrl: pageUrlCanary, lang: null, leadImage: null, savedAt: Date.UTC(1990, 0, 1) });
  expect(Object.keys(clean.a)).not.toContain('unknownField');
  expect(clean.c.contentHtml).not.toMatch(/script|onerror|javascript:/i);

  // The refused article has no saved copy; the clean one's source link is its web address, and
  // following it runs nothing here.
  await d.goTo(`/read.html?url=${encodeURIComponent(hostile)}`);
  expect(await until(d, '.ra-article', (t) => t.length > 0)).toContain('This article is not in your library any more.');
  await d.goTo(`/read.html?url=${encodeURIComponent(cleaned)}`);
  expect(await until(d, '.ra-content', (t) => t.includes('Visible text.'))).toContain('Visible text.');
  const links = await d.run(() => [...document.querySelectorAll('.ra-article a')].map((a) => a.getAttribute('href')), null);
  expect(links.every((href) => href === null || /^https?:/.test(href))).toBe(true);
  expect(await d.run(() => document.querySelector('.ra-source a')?.getAttribute('href') ?? '', null)).toBe(pageUrlCanary);
  await d.run(() => (document.querySelector('.ra-source a') as HTMLElement).click(), null);
  await d.run(() => (document.querySelector('.ra-content a') as HTMLElement | null)?.click(), null);
  expect(await d.run(() => (window as unknown as { __canary?: unknown }).__canary ?? null, null)).toBeNull();
}

describe('Chromium', () => {
  let session: ChromiumSession;
  let library: PwPage;

  beforeAll(async () => {
    session = await startChromium();
  });

  afterAll(async () => {
    await session?.context.close();
  });

  test('an import that would replace a newer saved copy loses nothing; a javascript: source is refused', async () => {
    const { page, tabId } = await session.openTab(server.url(DEMO.path));
    const popup = await session.openPopup(tabId);
    await popup.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('save-result').innerText()).toBe('Saved to your library.');
    await Promise.all([page.close(), popup.close()]);
    library = await session.extensionPage('library.html');
    const driver: Driver = {
      run: (fn, arg) => library.evaluate(fn as (a: unknown) => never, arg),
      goTo: async (path) => {
        await library.goto(`chrome-extension://${session.extensionId}${path}`);
      },
      importFile: (name, body) =>
        library.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) }),
      press: (testId) => library.getByTestId(testId).click(),
    };
    // A source link to the fixture server, opened in a new tab as a reader's click opens it.
    const canary = server.url('/demo/home.html');
    const opened = session.context.waitForEvent('page', { timeout: 60000 });
    await scenario(driver, canary);
    expect((await opened).url()).toBe(canary);
  });
});

describe('Firefox', () => {
  let session: FirefoxSession;
  let page: PpPage;

  beforeAll(async () => {
    session = await startFirefox();
    page = session.extensionPage;
  });

  afterAll(async () => {
    await session?.browser.close();
  });

  test('an import that would replace a newer saved copy loses nothing; a javascript: source is refused', async () => {
    const { page: tab, tabId } = await session.openTab(server.url(DEMO.path));
    await session.showPopup(tabId);
    await session.press('save');
    expect(
      await poll(
        () => page.evaluate(() => document.querySelector('[data-testid="save-result"]')?.textContent ?? ''),
        (t) => t.length > 0,
      ),
    ).toBe('Saved to your library.');
    await tab.close();
    const driver: Driver = {
      run: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
      goTo: (path) => session.goTo(path),
      // The file is built in the page and handed to the input as a chooser would (BiDi has no file chooser here).
      importFile: (name, body) =>
        page.evaluate(
          (n, b) => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
            const files = new DataTransfer();
            files.items.add(new File([b], n, { type: 'application/json' }));
            input.files = files.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
          },
          name,
          body,
        ),
      press: (testId) => session.press(testId),
    };
    await scenario(driver, server.url('/demo/home.html'));
  });
});
