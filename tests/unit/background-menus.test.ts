// @vitest-environment node
// The right-click menu (background/menus.ts): the entries a user finds on a page and on a link, in
// the browser's language, and what a click on each does.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { createMenus, onMenuClicked, type MenuActions } from '@/background/menus';
import { installEnglishMessages } from './translate-helpers';

/** The browser's menu as the fake holds it: what create() made, removeAll() empties it. */
let shown: Browser.contextMenus.CreateProperties[];

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
  shown = [];
  // The fake browser has no menus of its own: these keep them the way the browser does.
  Object.assign(fakeBrowser.contextMenus, {
    removeAll: async () => void (shown = []),
    create: (entry: Browser.contextMenus.CreateProperties) => {
      if (shown.some((e) => e.id === entry.id)) throw new Error(`Cannot create item with duplicate id ${entry.id}`);
      shown.push(entry);
      return entry.id!;
    },
  });
});

/** Records every action a click asks for. */
function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    openReader: async (tabId) => void calls.push(`open reader in tab ${tabId}`),
    saveTab: async (tabId) => void calls.push(`save tab ${tabId}`),
    saveLink: async (url, tabId) => void calls.push(`save ${url} from tab ${tabId}`),
  };
  return { calls, actions };
}

const tab = { id: 7 } as Browser.tabs.Tab;
const click = (info: Partial<Browser.contextMenus.OnClickData>) =>
  ({ editable: false, menuItemId: '', ...info }) as Browser.contextMenus.OnClickData;

test('a page offers "Open in reader view" and "Save article"; a link offers "Save linked article"', async () => {
  await createMenus();
  expect(shown.map((e) => [e.id, e.title, e.contexts])).toEqual([
    ['open-reader', 'Open in reader view', ['page']],
    ['save-article', 'Save article', ['page']],
    ['save-link', 'Save linked article', ['link']],
  ]);
});

test('the entries are made afresh on every start, never twice (the browser keeps them and refuses a duplicate)', async () => {
  await createMenus();
  await createMenus();
  expect(shown.map((e) => e.id)).toEqual(['open-reader', 'save-article', 'save-link']);
});

test('each entry does its own action in the tab it was clicked in', async () => {
  const { calls, actions } = recorder();
  await onMenuClicked(actions, click({ menuItemId: 'open-reader' }), tab);
  await onMenuClicked(actions, click({ menuItemId: 'save-article' }), tab);
  await onMenuClicked(actions, click({ menuItemId: 'save-link', linkUrl: 'https://news.example.com/story' }), tab);
  expect(calls).toEqual(['open reader in tab 7', 'save tab 7', 'save https://news.example.com/story from tab 7']);
});

test('"Save linked article" saves the link even without a tab to speak in; nothing happens without a tab to save or a link', async () => {
  const { calls, actions } = recorder();
  await onMenuClicked(actions, click({ menuItemId: 'save-link', linkUrl: 'https://news.example.com/story' }));
  await onMenuClicked(actions, click({ menuItemId: 'save-article' }));
  await onMenuClicked(actions, click({ menuItemId: 'save-link' }), tab);
  await onMenuClicked(actions, click({ menuItemId: 'someone-else' }), tab);
  expect(calls).toEqual(['save https://news.example.com/story from tab undefined']);
});
