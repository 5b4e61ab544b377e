// Chromium with the built extension (Playwright), as the Chromium end-to-end files use it: tabs on
// the fixture server found by their address, the popup for a tab opened as a page (a test cannot
// click the toolbar button), and the extension's own pages.
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { chromiumTabId, launchChromium } from '../../scripts/lib/browsers.mjs';
import { READER_PANELS, arrowsTo } from './helpers';

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens `url` in a new tab, in front, and returns the page with the extension's tab id. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** The popup for a tab, ready (it shows the reader button or says why it cannot). */
  openPopup(tabId: number, height?: number): Promise<Page>;
  /** A page of the extension, e.g. 'library.html'. */
  extensionPage(path: string): Promise<Page>;
  /**
   * Clicks a right-click entry as Chromium does: the extension's onClicked event in the service
   * worker fires with the entry, the page and the tab, and the background's own listener runs.
   * (Headless Chromium has no menu to click; `dispatch` is the event object's own, not public API.)
   */
  clickMenu(entry: string, tabId: number, linkUrl?: string): Promise<void>;
}

export async function startChromium(options: { uiLanguage?: string; args?: string[] } = {}): Promise<ChromiumSession> {
  const { context, worker, extensionId } = await launchChromium({ ...options, onlyLocal: true });
  const extensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  return {
    context,
    worker,
    extensionId,
    extensionPage,
    async openTab(url) {
      const page = await context.newPage();
      // The DOM is enough: the fixtures' own third-party resources fail at once (onlyLocal).
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.bringToFront();
      return { page, tabId: await chromiumTabId(worker, page) };
    },
    async clickMenu(entry, tabId, linkUrl) {
      await worker.evaluate(
        async ({ entry, tabId, linkUrl }) => {
          const tab = await chrome.tabs.get(tabId);
          const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void };
          onClicked.dispatch({ menuItemId: entry, pageUrl: tab.url, editable: false, ...(linkUrl ? { linkUrl } : {}) }, tab);
        },
        { entry, tabId, linkUrl },
      );
    },
    async openPopup(tabId, height = 480) {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 340, height });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.getByTestId('toggle-reader').or(popup.getByTestId('restricted')).waitFor();
      return popup;
    },
  };
}

/**
 * The reader's control `testId` in `scope` (the reader's host, or a saved-article page), with the
 * toolbar popover it lives in opened first by a click on its tool's button (READER_PANELS).
 */
export async function inReaderPanel(scope: Locator | Page, testId: string): Promise<Locator> {
  const control = scope.getByTestId(testId);
  const tool = READER_PANELS[testId];
  if (tool && !(await control.count())) {
    await scope.getByTestId(`reader-tool-${tool}`).click();
    await control.waitFor();
  }
  return control;
}

/** Chooses `value` in the <select> at `select` with the keyboard, as a user does (see arrowsTo). */
export async function chooseByKeys(select: Locator, value: string): Promise<void> {
  for (const key of await select.evaluate(arrowsTo, value)) await select.press(key);
}
