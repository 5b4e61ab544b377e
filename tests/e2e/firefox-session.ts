// Firefox ESR with the add-on, over WebDriver BiDi (puppeteer-core). BiDi may not navigate to
// moz-extension:// pages, so the tests work through the page the add-on opens itself on install
// (the welcome page): from there they ask the add-on's APIs and open its pages.
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox } from '../../scripts/lib/browsers.mjs';

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
  /** The popup for a tab, in the extension page. */
  showPopup(tabId: number): Promise<void>;
  /** Another page of the add-on, e.g. '/options.html'. */
  goTo(path: string): Promise<void>;
}

export async function startFirefox(): Promise<FirefoxSession> {
  const { browser } = await launchFirefox();
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
      const tabId = await ext.evaluate(async (u) => {
        const api = (globalThis as unknown as { browser: ExtApi }).browser;
        return (await api.tabs.query({})).find((t) => t.url === u)!.id;
      }, url);
      return { page, tabId };
    },
    async showPopup(tabId) {
      await ext.evaluate((id) => location.assign(`/popup.html?tab=${id}`), tabId);
      await ext.waitForSelector('[data-testid="toggle-reader"], [data-testid="restricted"]');
    },
    async goTo(path) {
      await ext.evaluate((p) => location.assign(p), path);
      await ext.waitForFunction((p) => location.pathname === p && document.readyState === 'complete', {}, path);
    },
  };
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
