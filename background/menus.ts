// The right-click menu: its three entries and what a click on each does. The background wires them
// to the browser's events (entrypoints/background.ts) and passes its own actions, so this file
// holds only the menu itself and a unit test can click every entry.
import { browser, type Browser } from 'wxt/browser';
import { t } from '@/platform/i18n';

const MENU = { openReader: 'open-reader', saveArticle: 'save-article', saveLink: 'save-link' } as const;

/** What the entries do, as the background does it. */
export interface MenuActions {
  /** Opens the reader over the tab's page. */
  openReader(tabId: number | undefined): Promise<void>;
  /** Saves the tab's article to the library. */
  saveTab(tabId: number): Promise<unknown>;
  /** Fetches the linked page and saves its article; the tab, when there is one, shows the result. */
  saveLink(url: string, tabId: number | undefined): Promise<void>;
}

/** The entries, in the browser's language: the reader and saving on a page, saving on a link. */
function menuEntries(): Browser.contextMenus.CreateProperties[] {
  return [
    { id: MENU.openReader, title: t('menuOpenReader'), contexts: ['page'] },
    { id: MENU.saveArticle, title: t('menuSaveArticle'), contexts: ['page'] },
    { id: MENU.saveLink, title: t('menuSaveLink'), contexts: ['link'] },
  ];
}

/** Makes the entries afresh: the browser keeps them across restarts and refuses a second entry with the same id. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const menu of menuEntries()) browser.contextMenus.create(menu);
}

/** Runs the action of the entry clicked, in the tab it was clicked in. */
export async function onMenuClicked(
  actions: MenuActions,
  info: Browser.contextMenus.OnClickData,
  tab?: Browser.tabs.Tab,
): Promise<void> {
  if (info.menuItemId === MENU.openReader) await actions.openReader(tab?.id);
  if (info.menuItemId === MENU.saveArticle && tab?.id !== undefined) await actions.saveTab(tab.id);
  if (info.menuItemId === MENU.saveLink && info.linkUrl) await actions.saveLink(info.linkUrl, tab?.id);
}
