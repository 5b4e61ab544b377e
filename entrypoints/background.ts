// Service worker (Chrome) / event page (Firefox): the badge, the context menus, the shortcuts and
// every write to the library. It keeps no state of its own between events.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { Detection } from '@/lib/article/types';
import { createMenus, onMenuClicked, type MenuActions } from '@/background/menus';
import { parseHtml, recognizeInParser, sanitizeSvgInParser, stopRecognizing } from '@/background/parse-html';
import { serveEntityPorts } from '@/background/entities-port';
import { t } from '@/platform/i18n';
import { openLibrary } from '@/extension/library/db';
import { pendingUrls } from '@/extension/library/store';
import { listen } from '@/platform/messages';
import { readerCommand, showPageNotes } from '@/extension/reader-control';
import { hasHighlights } from '@/extension/library/highlights';
import { highlightHandlers } from '@/extension/highlight-requests';
import { fetchPending, pendingProgress, saveLink, saveMessage, saveTab } from '@/extension/save-page';
import { DexieTranslationCache } from '@/extension/translate/cache';
import { listenForTranslatePorts, translateCacheHandlers } from '@/background/translate-port';
import { keyPointsHandlers } from '@/background/key-points';
import { normalizeProviderConfig } from '@/lib/translate/providers/index';
import { providerConfigItem } from '@/platform/translate/settings';
import { syncLibrary, watchForSync } from '@/background/sync';

const db = openLibrary();
/** Saving keeps the article's pictures; SVGs are sanitized by the parser page (it has a DOM). */
const media = { sanitizeSvg: sanitizeSvgInParser };
// The translation cache has its own database ('translation-cache', extension/translate/cache.ts).
const translations = new DexieTranslationCache();

/** Badge and title for a tab from the detector's verdict. */
export async function showDetection(tabId: number, detection: Detection): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: detection.isArticle ? '✓' : '' }),
    browser.action.setTitle({
      tabId,
      title: detection.isArticle ? t('actionTitleArticle', detection.title) : t('actionTitleNoArticle'),
    }),
  ]);
}

async function runReader(tabId: number | undefined, action: 'open' | 'toggle') {
  if (tabId === undefined || tabId < 0) return;
  try {
    await readerCommand(tabId, { kind: action });
  } catch (err) {
    // Pages where extensions cannot run: there is nothing to open; the popup explains why.
    console.warn('Reader could not run in this tab:', err);
  }
}

async function saveLinkFromTab(url: string, tabId: number | undefined) {
  const result = await saveLink(db, url, parseHtml, media);
  if (tabId !== undefined && tabId >= 0) {
    await runReaderToast(tabId, saveMessage(result), result.ok ? 'ok' : 'error');
  }
}

async function runReaderToast(tabId: number, message: string, kind: 'ok' | 'error') {
  try {
    await readerCommand(tabId, { kind: 'info' });
    await browser.tabs.sendMessage(tabId, { type: 'reader/toast', payload: { message, kind } });
  } catch {
    // No page to speak in (a browser page): the result is in the library all the same.
  }
}

/** What the right-click entries do (background/menus.ts). */
const menuActions: MenuActions = {
  openReader: (tabId) => runReader(tabId, 'open'),
  saveTab: (tabId) => saveTab(db, tabId, media),
  saveLink: saveLinkFromTab,
};

let fetching: Promise<unknown> | null = null;

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createMenus();
    // Once, on a fresh install: a short page that says what the extension does and how to use it.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void createMenus());
  void browser.action.setBadgeBackgroundColor({ color: '#1a7f37' });

  listen({
    'detector/result': async (detection, sender) => {
      if (sender.tab?.id === undefined || sender.frameId !== 0) return;
      await showDetection(sender.tab.id, detection);
      // The reader's own highlights come back on the page itself (the article's address is the
      // page's, canonicalised; one index key read, and nothing is injected into other pages).
      const addresses = [sender.tab.url, ...(detection.addresses ?? []).slice(0, 2)].filter(
        (a): a is string => typeof a === 'string' && /^https?:\/\//i.test(a),
      );
      if (!detection.isArticle || !addresses.length) return;
      const found = await Promise.all(addresses.map((a) => hasHighlights(db, a).catch(() => false)));
      if (found.some(Boolean)) await showPageNotes(sender.tab.id).catch(() => undefined);
    },
    // Text selected in an article: the selection bar of the reader's own highlights.
    'detector/selection': async (_, sender) => {
      if (sender.tab?.id !== undefined && sender.frameId === 0) await showPageNotes(sender.tab.id);
    },
    // Who may send each of these (extension pages only for saving, fetching and commands in a
    // tab) is declared once in platform/messages.ts (CALLERS) and checked by listen().
    'library/save-tab': ({ tabId }) => saveTab(db, tabId, media),
    // The popup's commands, finished here whatever happens to the popup meanwhile.
    'tab/command': ({ tabId, command }) => readerCommand(tabId, command),
    // A reader's entities are found in the parser page, off the web page's main thread.
    ...serveEntityPorts({ recognize: recognizeInParser, stop: stopRecognizing }),
    ...translateCacheHandlers(translations),
    // Key points written by the user's chat provider, sent from here like translation.
    ...keyPointsHandlers({ getConfig: async () => normalizeProviderConfig(await providerConfigItem.getValue()) }),
    // The readers' own highlights (a reader in a page: its own page's article only).
    ...highlightHandlers(db, media),
    'library/fetch-pending': async () => {
      if (fetching) return { started: false };
      const urls = await pendingUrls(db);
      fetching = fetchPending(db, urls, parseHtml, (p) => pendingProgress.setValue(p), 2, media).finally(() => (fetching = null));
      return { started: urls.length > 0 };
    },
    'sync/run': () => syncLibrary(),
  });
  // Sync of the library through the reader's own WebDAV folder (background/sync.ts).
  watchForSync();

  // Translation with a network provider runs here (the cache is here, and the provider's host
  // permission): pages stream their paragraphs over a 'translate' port (background/translate-port.ts).
  listenForTranslatePorts({
    getConfig: async () => normalizeProviderConfig(await providerConfigItem.getValue()),
    cache: translations,
  });

  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(menuActions, info, tab));

  browser.commands.onCommand.addListener(async (command, tab) => {
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (command === 'toggle-reader') await runReader(target?.id, 'toggle');
    if (command === 'save-article' && target?.id !== undefined) await saveTab(db, target.id, media);
  });
});
