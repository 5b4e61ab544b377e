// Commands lost with the popup, and pages that try to command the extension (issue 21, item 6), in
// Chromium and in Firefox ESR. The popup closes as soon as the reader clicks the page: each of its
// commands (Open reader, Save, Translate, Highlight, Translate page, Highlight page) is clicked and
// the popup closed at once (Chromium: the popup page closed; Firefox: the extension page sent away
// in the same turn as the click), several times, and the command must still be carried out in the
// tab. A hostile page posts the extension's message names to the window, dispatches DOM events,
// replaces window.chrome and window.browser with a fake that sets a canary, and tries the runtime
// of pages: nothing is saved or fetched, no tab opens, the canary stays unset, and the reader (with
// highlights, whose script messages the background) still works on that page. With the reader
// open, the page's own script clicks its Translate and Highlight, changes its selects and
// dispatches Esc: the provider is asked nothing, no highlight, no setting changes, the reader stays
// open; the user's own clicks (real input) still work.
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { chooseByKeys, inReaderPanel, startChromium, type ChromiumSession } from './chromium-session';
import { chooseInReader, clickInReader, poll, startFirefox, type ExtApi, type FirefoxSession } from './firefox-session';
import { DEMO } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let translator: Awaited<ReturnType<typeof startTranslateServer>>;

beforeAll(async () => {
  server = await serveFixtures();
  translator = await startTranslateServer();
});

afterAll(async () => {
  await server?.close();
  await translator?.close();
});

/**
 * Each command, this many times. Chromium lost a command now and then before the fix (1 in 3 to 9
 * tries here), so it repeats: twice for each of the six commands, twelve tries in all; Firefox lost
 * every one (the page leaves within the click's turn), so once shows it.
 */
const REPEAT = { chromium: 2, firefox: 1 };
const HOSTILE = '/demo/hostile-commands.html';
const HOSTILE_TEXT = 'The library, in a former customs building near the harbour';
const SAVED = /^(Saved to your library\.|Already in your library: updated\.)$/;

/** What a reader sees in the tab: the reader (its text, translation, highlights), the page itself, a toast. */
interface TabState {
  readerText: string;
  readerStatus: string;
  readerTranslations: string[];
  readerMarks: number;
  pageTranslations: string[];
  pageMarks: number;
  toast: string;
  canary: number;
}

/** Runs in the tab (main world): reads TabState. */
function readTab(): TabState {
  const root = document.querySelector('reading-assistant-reader')?.shadowRoot;
  const all = (sel: string) => (root ? Array.from(root.querySelectorAll(sel)) : []);
  return {
    readerText: root?.querySelector('.ra-content')?.textContent ?? '',
    readerStatus: root?.querySelector('[data-testid="reader-translate-status"]')?.textContent ?? '',
    readerTranslations: all('.ra-content .ra-translation').map((el) => el.textContent ?? ''),
    readerMarks: all('mark.ra-ent').length,
    pageTranslations: Array.from(document.querySelectorAll('.ra-translation')).map((el) => el.textContent ?? ''),
    pageMarks: document.querySelectorAll('mark.ra-ent').length,
    toast: document.querySelector('reading-assistant-toast')?.shadowRoot?.querySelector('div')?.textContent ?? '',
    canary: (window as unknown as { __canary?: number }).__canary ?? 0,
  };
}

/** What the tab showed, in one line, for a failure's message. */
const summary = (s: TabState) =>
  `reader ${s.readerText.length} chars, status "${s.readerStatus}", ${s.readerTranslations.length} translations, ` +
  `${s.readerMarks} marks; page ${s.pageTranslations.length} translations, ${s.pageMarks} marks; toast "${s.toast}"`;

const translated = (texts: string[]) => texts.length > 3 && texts.every((t) => t.startsWith('[en] '));

/** The popup's commands: its button, the page it is tried on, and what the tab shows once it is done. */
const COMMANDS: { name: string; testId: string; path: string; done: (s: TabState) => boolean }[] = [
  { name: 'Open reader', testId: 'toggle-reader', path: DEMO.path, done: (s) => s.readerText.includes(DEMO.mustShow[0]!) },
  { name: 'Save', testId: 'save', path: DEMO.path, done: (s) => SAVED.test(s.toast) },
  {
    name: 'Translate',
    testId: 'translate',
    path: DEMO.path,
    done: (s) => s.readerStatus === 'Translated into English.' && translated(s.readerTranslations),
  },
  { name: 'Highlight', testId: 'highlight', path: '/demo/business.html', done: (s) => s.readerMarks > 5 },
  {
    name: 'Translate page',
    testId: 'translate-page',
    path: DEMO.path,
    done: (s) => !s.readerText && translated(s.pageTranslations),
  },
  {
    name: 'Highlight page',
    testId: 'highlight-page',
    path: '/demo/business.html',
    done: (s) => !s.readerText && s.pageMarks > 5,
  },
];

const PROVIDER = () => ({ kind: 'libretranslate', url: translator.origin });

/** The page's attempts, again (it made them once while loading): with the ids of the extension and of tabs. */
const attack = (ids: { ext: string; tabs: number[] }) =>
  (window as unknown as { __attack(ids: { ext: string; tabs: number[] }): void }).__attack(ids);
const pageTries = () => (window as unknown as { __tries: string[] }).__tries;

/**
 * Runs in the tab (main world): the page's script works the open reader as a user would, with
 * element.click() and dispatched events. Answers what it tried.
 */
function pageWorksReader(): string[] {
  const root = document.querySelector('reading-assistant-reader')!.shadowRoot!;
  const tried: string[] = [];
  for (const id of ['reader-translate', 'reader-highlight']) {
    const button = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!button) continue;
    button.click();
    tried.push(id);
  }
  for (const select of root.querySelectorAll('select')) {
    select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
    for (const type of ['input', 'change']) select.dispatchEvent(new Event(type, { bubbles: true }));
    tried.push(select.getAttribute('aria-label') ?? select.id ?? 'select');
  }
  for (const target of [document, root.querySelector('button')!]) {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, composed: true }));
    tried.push('Escape');
  }
  return tried;
}

/** Runs in the tab: the reader's Highlight button, 'loading' while disabled, else its aria-pressed. */
function highlightButton(): string {
  const button = document
    .querySelector('reading-assistant-reader')
    ?.shadowRoot?.querySelector('[data-testid="reader-highlight"]');
  if (!button || button.hasAttribute('disabled')) return 'loading';
  return button.getAttribute('aria-pressed') ?? '';
}

/** The stored settings the reader's controls change (typography, target language, display mode). */
const SETTINGS = { sync: ['typography', 'translateTarget', 'translateMode'], local: ['typographyBySite'] };
type StorageApi = { storage: Record<'sync' | 'local', { get(k: string[]): Promise<object> }> };
async function readSettings(keys: typeof SETTINGS): Promise<object> {
  const api =
    (globalThis as unknown as { chrome?: StorageApi; browser?: StorageApi }).browser ??
    (globalThis as unknown as { chrome: StorageApi }).chrome;
  return { ...(await api.storage.sync.get(keys.sync)), ...(await api.storage.local.get(keys.local)) };
}

/**
 * The case in either browser: `click` and `choose` are the test's real input in the reader. The
 * user's Highlight comes after the page's clicks, so had the page's turned highlights on, the
 * user's would turn them off; by the time its marks are drawn, a translation the page started
 * would have reached the server.
 */
async function pageCannotWorkReader(
  evaluate: <R>(fn: () => R) => Promise<R>,
  settings: () => Promise<object>,
  click: (testId: string) => Promise<void>,
  choose: (testId: string, value: string) => Promise<void>,
  ms: number,
): Promise<void> {
  await poll(
    () => evaluate(readTab),
    (s) => s.readerText.length > 0,
  );
  // Highlights may be remembered on from a test before: the user turns them off first.
  const pressed = await poll(
    () => evaluate(highlightButton),
    (b) => b !== 'loading',
    ms,
  );
  if (pressed === 'true') {
    await click('reader-highlight');
    await poll(
      () => evaluate(readTab),
      (s) => s.readerMarks === 0,
    );
  }
  await choose('reader-translate-to', 'en');
  const before = await settings();
  translator.reset();
  expect(await evaluate(pageWorksReader)).toEqual(expect.arrayContaining(['reader-translate', 'reader-highlight', 'Escape']));
  await click('reader-highlight');
  const state = await poll(
    () => evaluate(readTab),
    (s) => s.readerMarks > 5,
    ms,
  );
  expect(state.readerMarks, summary(state)).toBeGreaterThan(5);
  expect(state.readerTranslations).toEqual([]);
  expect(translator.stats.requests).toBe(0);
  expect(await settings()).toEqual(before);
  // The user's Translate asks the provider, in the language the user chose.
  await click('reader-translate');
  const done = await poll(
    () => evaluate(readTab),
    (s) => s.readerStatus === 'Translated into English.',
    ms,
  );
  expect(translated(done.readerTranslations), summary(done)).toBe(true);
  expect(translator.stats.requests).toBeGreaterThan(0);
  expect(done.canary).toBe(0);
}

describe('Chromium', () => {
  let session: ChromiumSession;
  const tabIds = () => session.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));

  beforeAll(async () => {
    session = await startChromium();
    await session.worker.evaluate((value) => chrome.storage.local.set({ translateProvider: value }), PROVIDER());
  });
  afterAll(async () => {
    await session?.context.close();
  });

  test('a hostile page cannot save, fetch, open tabs or reach the extension; the reader still works there', async () => {
    const before = await tabIds();
    const { page, tabId } = await session.openTab(server.url(HOSTILE));
    const tabs = [...before, tabId];
    await page.evaluate(attack, { ext: session.extensionId, tabs });
    const popup = await session.openPopup(tabId, 600);
    await popup.getByTestId('toggle-reader').click();
    await expect.poll(async () => (await page.evaluate(readTab)).readerText).toContain(HOSTILE_TEXT);
    // Again, now that the reader script is in the page; then highlights, which message the background.
    await page.evaluate(attack, { ext: session.extensionId, tabs });
    await popup.getByTestId('highlight').click();
    const state = await poll(
      () => page.evaluate(readTab),
      (s) => s.readerMarks > 5,
      20000,
    );
    expect(state.readerMarks).toBeGreaterThan(5);
    expect(state.canary).toBe(0);
    // Pages get no runtime of ours (no externally_connectable): every try found none.
    expect(new Set(await page.evaluate(pageTries))).toEqual(new Set(['no runtime for pages']));
    await popup.close();
    // Nothing saved (the library is empty: this runs first), nothing fetched, no tab opened.
    const check = await session.openPopup(tabId, 600);
    await check.locator('[data-testid="saved-list"][aria-busy="false"]').waitFor({ state: 'attached' });
    expect(await check.locator('[data-testid="saved-list"] li').count()).toBe(0);
    await check.close();
    expect(await session.worker.evaluate(() => chrome.storage.local.get('pendingProgress'))).toEqual({});
    expect(await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓');
    expect((await tabIds()).sort()).toEqual(tabs.sort());
    await page.close();
  });

  test("the page's own script clicks the reader's Translate and Highlight, changes its selects, presses Esc: nothing happens; the user's clicks work", async () => {
    const { page, tabId } = await session.openTab(server.url('/demo/business.html'));
    const popup = await session.openPopup(tabId, 600);
    await popup.getByTestId('toggle-reader').click();
    await popup.close();
    const reader = page.locator('reading-assistant-reader');
    await pageCannotWorkReader(
      (fn) => page.evaluate(fn),
      () => session.worker.evaluate(readSettings, SETTINGS),
      async (testId) => (await inReaderPanel(reader, testId)).click(),
      async (testId, value) => chooseByKeys(await inReaderPanel(reader, testId), value),
      20000,
    );
    await page.close();
  });

  for (const command of COMMANDS) {
    test(`${command.name}, the popup closed right after the click: carried out in the tab, ${REPEAT.chromium} times of ${REPEAT.chromium}`, async () => {
      for (let i = 0; i < REPEAT.chromium; i++) {
        const { page, tabId } = await session.openTab(server.url(command.path));
        const popup = await session.openPopup(tabId, 600);
        if (command.testId.startsWith('translate')) await popup.getByTestId('translate-to').selectOption('en');
        await popup.getByTestId(command.testId).click();
        await popup.close();
        const state = await poll(() => page.evaluate(readTab), command.done, 20000);
        expect(command.done(state), `try ${i + 1}: ${summary(state)}`).toBe(true);
        await page.close();
      }
      if (command.testId === 'save') {
        const { page, tabId } = await session.openTab(server.url(command.path));
        const popup = await session.openPopup(tabId, 600);
        await expect.poll(() => popup.getByTestId('saved-list').innerText()).toContain('한빛시, 24시간 무인 도서관 문 연다');
        await popup.close();
        await page.close();
      }
    });
  }
});

describe('Firefox', () => {
  let session: FirefoxSession;
  const tabIds = () =>
    session.extensionPage.evaluate(async () =>
      (await (globalThis as unknown as { browser: ExtApi }).browser.tabs.query({})).map((t) => t.id),
    );

  beforeAll(async () => {
    session = await startFirefox();
    await session.extensionPage.evaluate(
      (value) => (globalThis as unknown as { browser: ExtApi }).browser.storage.local.set({ translateProvider: value }),
      PROVIDER(),
    );
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  const readPage = (page: PuppeteerPage) => page.evaluate(readTab);

  test('a hostile page cannot save, fetch, open tabs or reach the extension; the reader still works there', async () => {
    const ext = session.extensionPage;
    const before = await tabIds();
    const { page, tabId } = await session.openTab(server.url(HOSTILE));
    const tabs = [...before, tabId];
    await page.evaluate(attack, { ext: 'reading-assistant@example.org', tabs });
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    expect(
      (
        await poll(
          () => readPage(page),
          (s) => s.readerText.includes(HOSTILE_TEXT),
        )
      ).readerText,
    ).toContain(HOSTILE_TEXT);
    await page.evaluate(attack, { ext: 'reading-assistant@example.org', tabs });
    await session.press('highlight');
    // Firefox takes seconds to load the recognizer into a new tab.
    const state = await poll(
      () => readPage(page),
      (s) => s.readerMarks > 5,
      30000,
    );
    expect(state.readerMarks).toBeGreaterThan(5);
    expect(state.canary).toBe(0);
    expect(new Set(await page.evaluate(pageTries))).toEqual(new Set(['no runtime for pages']));
    await session.showPopup(tabId);
    await ext.waitForSelector('[data-testid="saved-list"][aria-busy="false"]');
    expect(await ext.evaluate(() => document.querySelectorAll('[data-testid="saved-list"] li').length)).toBe(0);
    const stored = await ext.evaluate(() =>
      (globalThis as unknown as { browser: ExtApi }).browser.storage.local.get('pendingProgress'),
    );
    expect(stored).toEqual({});
    const badge = await ext.evaluate(
      (id) => (globalThis as unknown as { browser: ExtApi }).browser.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe('✓');
    expect((await tabIds()).sort()).toEqual(tabs.sort());
    await page.close();
  });

  test("the page's own script clicks the reader's Translate and Highlight, changes its selects, presses Esc: nothing happens; the user's clicks work", async () => {
    const { page, tabId } = await session.openTab(server.url('/demo/business.html'));
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    await pageCannotWorkReader(
      (fn) => page.evaluate(fn),
      () => session.extensionPage.evaluate(readSettings, SETTINGS),
      (testId) => clickInReader(page, testId),
      (testId, value) => chooseInReader(page, testId, value),
      30000,
    );
    await page.close();
  });

  for (const command of COMMANDS) {
    test(`${command.name}, the popup sent away right after the click: carried out in the tab, ${REPEAT.firefox} times of ${REPEAT.firefox}`, async () => {
      for (let i = 0; i < REPEAT.firefox; i++) {
        const { page, tabId } = await session.openTab(server.url(command.path));
        await session.showPopup(tabId);
        if (command.testId.startsWith('translate')) await session.extensionPage.select('[data-testid="translate-to"]', 'en');
        await session.pressAndLeave(command.testId);
        const state = await poll(() => readPage(page), command.done, 30000);
        expect(command.done(state), `try ${i + 1}: ${summary(state)}`).toBe(true);
        await page.close();
      }
      if (command.testId === 'save') {
        const { page, tabId } = await session.openTab(server.url(command.path));
        await session.showPopup(tabId);
        const list = await poll(
          () => session.extensionPage.evaluate(() => document.querySelector('[data-testid="saved-list"]')?.textContent ?? ''),
          (t) => t.includes('한빛시'),
        );
        expect(list).toContain('한빛시, 24시간 무인 도서관 문 연다');
        await page.close();
      }
    });
  }
});
