// Translation and entity highlights in Firefox ESR: the options page configures a local
// LibreTranslate server (deterministic "[en] …" answers, counted requests, injected failures), the
// popup drives the reader overlay in the tab, and highlights load the recognizer on first use.
import type { Page } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { chooseInReader, clickInReader, poll, startFirefox, type ExtApi, type FirefoxSession } from './firefox-session';
import { CLUTTER_STRINGS, DEMO, SCREENSHOTS, koreanFixture } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let translator: Awaited<ReturnType<typeof startTranslateServer>>;
let session: FirefoxSession;

beforeAll(async () => {
  server = await serveFixtures();
  translator = await startTranslateServer();
  session = await startFirefox();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.close();
  await translator?.close();
});

type Read = 'text' | 'html' | 'count' | 'texts';
/** What the reader's shadow root holds at `selector`: its text, its HTML, how many, or all their texts. */
function reader(page: Page, selector: string, what: 'count'): Promise<number>;
function reader(page: Page, selector: string, what: 'texts'): Promise<string[]>;
function reader(page: Page, selector: string, what: 'text' | 'html'): Promise<string | null>;
function reader(page: Page, selector: string, what: Read): Promise<unknown> {
  return page.evaluate(
    (sel, kind) => {
      const root = document.querySelector('reading-assistant-reader')?.shadowRoot;
      const all = root ? Array.from(root.querySelectorAll(sel)) : [];
      if (kind === 'count') return all.length;
      if (kind === 'texts') return all.map((el) => el.textContent ?? '');
      const el = all[0];
      return el ? (kind === 'html' ? el.innerHTML : (el.textContent ?? '')) : null;
    },
    selector,
    what,
  );
}

test('options configure LibreTranslate; the popup translates a Korean article side by side; the second run makes no request; a 500 and a refused key keep the original', async () => {
  const ext = session.extensionPage;
  await session.goTo('/options.html');
  await ext.click('#provider-libretranslate');
  await ext.type('#lt-url', translator.origin);
  await ext.click('button[type="submit"]');
  expect(
    await poll(
      () => ext.$eval('p.status', (p) => p.textContent ?? ''),
      (t) => t.includes('Saved.'),
    ),
  ).toContain('127.0.0.1');

  const fixture = koreanFixture('mk-3');
  const { page, tabId } = await session.openTab(server.url(fixture.path));
  await session.showPopup(tabId);
  await session.press('toggle-reader');
  const original = await poll(
    () => reader(page, '.ra-content', 'text'),
    (t) => !!t && t.length > 500,
  );
  await ext.select('[data-testid="translate-to"]', 'en');
  translator.reset();
  await session.press('translate');
  const status = () => reader(page, '[data-testid="reader-translate-status"]', 'text');
  expect(await poll(status, (t) => t === 'Translated into English.', 20000)).toBe('Translated into English.');
  const shown = await reader(page, '.ra-content .ra-translation', 'texts');
  expect(shown.length).toBeGreaterThan(5);
  for (const text of shown) expect(text.startsWith('[en] ')).toBe(true);
  const firstRun = translator.stats.requests;
  expect(firstRun).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOTS}firefox-reader-translated.png` });

  await clickInReader(page, 'reader-show-original');
  expect(
    await poll(
      () => reader(page, '.ra-translation', 'count'),
      (n) => n === 0,
    ),
  ).toBe(0);
  expect(await reader(page, '.ra-content', 'text')).toBe(original);
  await clickInReader(page, 'reader-translate');
  expect(await poll(status, (t) => t === 'Translated into English.', 20000)).toBe('Translated into English.');
  expect(translator.stats.requests).toBe(firstRun);

  // A language never asked for, and a server that fails: the message, and the original untouched.
  await clickInReader(page, 'reader-show-original');
  await chooseInReader(page, 'reader-translate-to', 'fr');
  translator.fail(500, 50);
  await clickInReader(page, 'reader-translate');
  expect(await poll(status, (t) => /failed \(error 500\)/.test(t ?? ''), 30000)).toMatch(/failed \(error 500\)/);
  expect(await reader(page, '.ra-translation', 'count')).toBe(0);
  expect(await reader(page, '.ra-content', 'text')).toBe(original);
  translator.reset();

  // A key the server refuses (401): the message, and the original untouched.
  await session.goTo('/options.html');
  expect(
    await poll(
      () => ext.$eval('#lt-url', (input) => (input as HTMLInputElement).value),
      (v) => v === translator.origin,
    ),
  ).toBe(translator.origin);
  await ext.type('#lt-key', 'bad-key');
  await ext.click('button[type="submit"]');
  expect(
    await poll(
      () => ext.$eval('p.status', (p) => p.textContent ?? ''),
      (t) => t.includes('Saved.'),
    ),
  ).toContain('Saved.');
  await clickInReader(page, 'reader-translate');
  expect(await poll(status, (t) => /refused the API key/.test(t ?? ''), 20000)).toMatch(/refused the API key/);
  expect(await reader(page, '.ra-translation', 'count')).toBe(0);
  expect(await reader(page, '.ra-content', 'text')).toBe(original);
  await page.close();
});

for (const { path, company, ticker, lang } of [
  { path: '/demo/business.html', company: '삼성전자', ticker: '005930', lang: 'ko' },
  { path: '/demo/business-en.html', company: 'Oracle', ticker: 'ORCL', lang: 'en' },
]) {
  test(`highlights on ${path} (${lang}): marks of each kind, ${company} with ${ticker} in the panel, off restores the text`, async () => {
    const { page, tabId } = await session.openTab(server.url(path));
    // Wide enough for the entity panel beside the article (under 960 px it waits in a drawer).
    await page.setViewport({ width: 1280, height: 800 });
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    const before = await poll(
      () => reader(page, '.ra-content', 'html'),
      (t) => !!t,
    );
    await session.press('highlight');
    const kinds = await poll(
      () => Promise.all(['person', 'org', 'place', 'date', 'money'].map((k) => reader(page, `mark.ra-ent-${k}`, 'count'))),
      (counts) => counts.every((n) => n > 0),
      15000,
    );
    expect(kinds.every((n) => n > 0)).toBe(true);
    const row = (await reader(page, '[data-testid="entity-row"]', 'texts')).find((text) => text.includes(company));
    expect(row).toContain(ticker);
    await page.screenshot({ path: `${SCREENSHOTS}firefox-reader-entities-${lang}.png` });
    await clickInReader(page, 'reader-highlight');
    expect(
      await poll(
        () => reader(page, 'mark.ra-ent', 'count'),
        (n) => n === 0,
      ),
    ).toBe(0);
    expect(await reader(page, '.ra-content', 'html')).toBe(before);
    await page.close();
  });
}

test('highlights on the page itself: marks in the article only, the reader stays closed, off puts the page back exactly', async () => {
  const ext = session.extensionPage;
  const { page, tabId } = await session.openTab(server.url('/demo/business.html'));
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await session.showPopup(tabId);
  await session.press('highlight-page');
  // Firefox takes seconds to load the recognizer into a new tab, more on a busy machine.
  const status = await poll(
    () =>
      ext.evaluate(
        () => document.querySelector('[data-testid="highlight-page-status"], [data-testid="tools-error"]')?.textContent ?? '',
      ),
    // The outcome, not the progress line ("Finding names… N %") shown while the names are found.
    (t) => t.length > 0 && !t.startsWith('Finding names'),
    30000,
  );
  expect(status).toMatch(/^\d+ highlights in the page\./);
  const counts = await page.evaluate(() => ({
    reader: document.querySelectorAll('reading-assistant-reader').length,
    all: document.querySelectorAll('mark.ra-ent').length,
    inArticle: document.querySelectorAll('#article-body mark.ra-ent').length,
    kinds: ['person', 'org', 'place', 'date', 'money'].map(
      (k) => document.querySelectorAll(`#article-body mark.ra-ent-${k}`).length,
    ),
  }));
  expect(counts.reader).toBe(0);
  expect(counts.all).toBe(counts.inArticle);
  expect(counts.kinds.every((n) => n > 0)).toBe(true);

  await session.press('highlight-page');
  expect(
    await poll(
      () => page.evaluate(() => document.querySelectorAll('mark.ra-ent').length),
      (n) => n === 0,
    ),
  ).toBe(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  await page.close();
});

test("the page's own article translated in place, side by side; the original back exactly", async () => {
  const ext = session.extensionPage;
  await ext.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: ExtApi }).browser;
    await api.storage.local.set({ translateProvider: { kind: 'libretranslate', url } });
  }, translator.origin);
  const { page, tabId } = await session.openTab(server.url(DEMO.path));
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await session.showPopup(tabId);
  await ext.select('[data-testid="translate-to"]', 'en');
  translator.reset();
  await session.press('translate-page');
  const statusText = () => ext.evaluate(() => document.querySelector('[data-testid="translate-page-status"]')?.textContent ?? '');
  expect(await poll(statusText, (t) => t.startsWith('The page is translated'), 20000)).toBe(
    'The page is translated into English. Press again for its original text.',
  );
  const shown = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.ra-translation')).map((el) => el.textContent ?? ''),
  );
  expect(shown.length).toBeGreaterThan(3);
  for (const text of shown) expect(text.startsWith('[en] ')).toBe(true);
  for (const clutter of CLUTTER_STRINGS) expect(shown.join('\n')).not.toContain(clutter);
  expect(await page.evaluate(() => document.querySelectorAll('reading-assistant-reader').length)).toBe(0);
  expect(translator.stats.requests).toBeLessThan(shown.length);

  await session.press('translate-page');
  expect(
    await poll(
      () => page.evaluate(() => document.querySelectorAll('.ra-translation').length),
      (n) => n === 0,
    ),
  ).toBe(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  await page.close();
});
