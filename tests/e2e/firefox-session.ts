// Firefox ESR with the add-on, over WebDriver BiDi (puppeteer-core). BiDi may not navigate to
// moz-extension:// pages, so the tests work through the page the add-on opens itself on install
// (the welcome page): from there they ask the add-on's APIs and open its pages.
import type { Browser, KeyInput, Page } from 'puppeteer-core';
import { launchFirefox } from '../../scripts/lib/browsers.mjs';
import { READER_PANELS, arrowsTo } from './helpers';

/** `browser` inside the add-on's own pages (the WebExtension API, not puppeteer's). */
export type ExtApi = {
  tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> };
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
  storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> } };
};

export interface FirefoxSession {
  browser: Browser;
  /** The add-on's own page (first the welcome page); navigate it with `showPopup` or `goTo`. */
  extensionPage: Page;
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** The popup for a tab, in the extension page, once it has loaded what it shows (its tools' settings too). */
  showPopup(tabId: number): Promise<void>;
  /** Another page of the add-on, e.g. '/options.html' or '/read.html?url=…', once it has loaded. */
  goTo(path: string): Promise<void>;
  /** Clicks the extension page's button `data-testid=testId` once it is enabled (the popup's are disabled while a request runs). */
  press(testId: string): Promise<void>;
  /** Clicks like press and, in the same turn, sends the page away (to the welcome page): a popup closed right after a click. */
  pressAndLeave(testId: string): Promise<void>;
}

/**
 * Firefox's right-click menu, in the browser window itself (WebDriver BiDi's chrome scope, which
 * launchFirefox allows): 'list' gives the titles of our entries in the open menu, 'close' closes it,
 * and a title clicks that entry, which runs the add-on's menus.onClicked as a reader's click does.
 */
export async function menuInFirefox(browser: Browser, action: 'list' | 'close' | string): Promise<string[]> {
  type Answer = {
    result: { contexts?: Array<{ context: string }>; result?: { value?: string }; exceptionDetails?: { text: string } };
  };
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<Answer> } }).connection;
  const chromeWindow = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result
    .contexts![0]!.context;
  const expression = `(() => {
    const menu = document.getElementById('contentAreaContextMenu');
    if (menu.state !== 'open') return '[]';
    // The add-on's entries: ids Firefox makes from the add-on's id and the entry's own.
    const ours = [...menu.querySelectorAll('menuitem[id*="-menuitem-_"]')].filter((item) => !item.hidden);
    const action = ${JSON.stringify(action)};
    if (action === 'close') menu.hidePopup();
    else if (action !== 'list') menu.activateItem(ours.find((item) => item.label === action));
    return JSON.stringify(ours.map((item) => item.label));
  })()`;
  const answer = await connection.send('script.evaluate', { expression, target: { context: chromeWindow }, awaitPromise: false });
  if (answer.result.exceptionDetails) throw new Error(`In Firefox's window: ${answer.result.exceptionDetails.text}`);
  return JSON.parse(answer.result.result?.value ?? '[]') as string[];
}

/** The tab in front (the one whose document is visible), if any. */
async function frontPage(browser: Browser): Promise<Page | undefined> {
  for (const page of await browser.pages())
    if (await page.evaluate(() => document.visibilityState === 'visible').catch(() => false)) return page;
  return undefined;
}

/** Set on the extension page's document that is being left: the next one does not have it. */
const LEAVING = '__raLeaving';

export async function startFirefox(options: { prefs?: Record<string, unknown> } = {}): Promise<FirefoxSession> {
  const { browser } = await launchFirefox({ ...options, onlyLocal: true });
  let extensionPage: Page | undefined;
  // Puppeteer reports the welcome tab's URL as about:blank; its document knows better.
  const end = Date.now() + 30000;
  while (!extensionPage && Date.now() < end) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.endsWith('/welcome.html')) extensionPage = page;
    }
    if (!extensionPage) await new Promise((r) => setTimeout(r, 250));
  }
  if (!extensionPage) throw new Error('The add-on did not open its welcome page on install');
  const ext = extensionPage;
  return {
    browser,
    extensionPage: ext,
    async openTab(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      // The tabs API may learn the new address a moment after the page has it.
      const find = () =>
        ext.evaluate(async (u) => {
          const api = (globalThis as unknown as { browser: ExtApi }).browser;
          return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? null;
        }, url);
      const tabId = await poll(find, (id) => id !== null);
      if (tabId === null) throw new Error(`No tab shows ${url}`);
      return { page, tabId };
    },
    async showPopup(tabId) {
      await navigate(ext, `/popup.html?tab=${tabId}`);
      // The popup's state, then an article's tools (target language, provider) arrive one after another.
      await until(ext, `the popup of tab ${tabId}`, () => {
        const has = (id: string) => !!document.querySelector(`[data-testid="${id}"]`);
        if (has('restricted')) return true;
        return has('toggle-reader') && (!has('translate-from') || (has('translate-to') && has('translate-destination')));
      });
    },
    async goTo(path) {
      await navigate(ext, path);
    },
    async press(testId) {
      const selector = `[data-testid="${testId}"]:not([disabled])`;
      // A user looks at the popup to click it, then at the page again. In a tab behind another,
      // Firefox runs few animation frames, and a click (which waits for them) took 2 to 8 s
      // instead of 0.1 to 0.3 s; the page in front stays in front as it was.
      const front = await frontPage(browser);
      await ext.bringToFront();
      await ext.waitForSelector(selector);
      await ext.click(selector);
      if (front && front !== ext) await front.bringToFront();
    },
    async pressAndLeave(testId) {
      const selector = `[data-testid="${testId}"]:not([disabled])`;
      await ext.waitForSelector(selector);
      await navigate(ext, '/welcome.html', selector);
    },
  };
}

/**
 * Sends the extension page to `path` and waits until the new document has loaded. location.assign
 * only starts the navigation: until it commits, the old document answers, and it may hold the very
 * selector a test waits for (the popup of the test before). A handle found in that old document and
 * used after the commit (waitForSelector hands it from puppeteer's isolated world to the page's;
 * click and select pass it back) makes Firefox's BiDi fail with "Not allowed to define cross-origin
 * object as property on [Object] or [Array] XrayWrapper". So the old document is marked, and only a
 * document without the mark will do. `clickFirst` (a selector) is clicked just before leaving.
 */
async function navigate(page: Page, path: string, clickFirst = ''): Promise<void> {
  await page.evaluate(
    (p, mark, click) => {
      if (click) (document.querySelector(click) as HTMLElement).click();
      (window as unknown as Record<string, boolean>)[mark] = true;
      location.assign(p);
    },
    path,
    LEAVING,
    clickFirst,
  );
  await until(
    page,
    path,
    (mark) => !(window as unknown as Record<string, boolean>)[mark!] && document.readyState === 'complete',
    LEAVING,
  );
}

/**
 * Asks `check` in the page until it answers true. Plain evaluates that pass and return no handles
 * (waitForFunction passes its helpers' handles), so a document replaced meanwhile is just asked
 * again; an evaluate cut off by the navigation counts as "not yet".
 */
async function until(page: Page, what: string, check: (arg?: string) => boolean, arg?: string, ms = 30000): Promise<void> {
  let error: unknown = null;
  const ok = await poll(
    () =>
      page.evaluate(check, arg).catch((err: unknown) => {
        error = err;
        return false;
      }),
    (v) => v,
    ms,
  );
  if (!ok)
    throw new Error(`The extension page did not show ${what} in ${ms / 1000} s${error ? ` (last error: ${String(error)})` : ''}`);
}

/** Reads until `ok` or the time is up; answers the last value (the test's expect says what was wrong). */
export async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/** Puppeteer's selector for `selector` inside the reader's shadow root in a tab. */
const inReader = (selector: string) => `reading-assistant-reader >>> ${selector}`;

/**
 * Clicks the reader's control `testId` in `page` with the mouse, as a user does: the reader ignores
 * clicks a script makes (element.click()).
 */
export async function clickInReader(page: Page, testId: string): Promise<void> {
  await page.bringToFront();
  await openPanelFor(page, testId);
  const selector = inReader(`[data-testid="${testId}"]:not([disabled])`);
  await page.waitForSelector(selector);
  await page.click(selector);
}

/** Opens the toolbar popover that holds the reader's control `testId` (READER_PANELS), with a click on its tool's button. */
async function openPanelFor(page: Page, testId: string): Promise<void> {
  const tool = READER_PANELS[testId];
  if (!tool) return;
  const present = (selector: string) =>
    page.evaluate((s) => !!document.querySelector('reading-assistant-reader')?.shadowRoot?.querySelector(s), selector);
  await poll(
    () => present(`[data-testid="reader-tool-${tool}"]`),
    (v) => v,
  );
  if (await present(`[data-testid="${testId}"]`)) return;
  await page.click(inReader(`[data-testid="reader-tool-${tool}"]`));
}

/** Chooses `value` in the reader's <select> `testId` with the keyboard, as a user does (see arrowsTo). */
export async function chooseInReader(page: Page, testId: string, value: string): Promise<void> {
  await page.bringToFront();
  await openPanelFor(page, testId);
  const select = await page.waitForSelector(inReader(`[data-testid="${testId}"]`));
  if (!select) throw new Error(`no ${testId} in the reader`);
  for (const key of await select.evaluate(arrowsTo as (el: Element, v: string) => string[], value))
    await page.keyboard.press(key as KeyInput);
  await select.dispose();
}
