// Service worker (Chrome) / event page (Firefox): the badge, the context menu and the shortcuts.
// It holds no state of its own: everything it needs comes with the event.
import { browser } from 'wxt/browser';
import type { Detection } from '@/utils/article/types';
import { t } from '@/utils/i18n';
import { listen } from '@/utils/messages';
import { readerCommand } from '@/utils/reader-control';

const MENU_OPEN_READER = 'open-reader';

/** Badge and title for a tab from the detector's verdict. */
export async function showDetection(tabId: number, detection: Detection): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: detection.isArticle ? '✓' : '' }),
    browser.action.setTitle({ tabId, title: detection.isArticle ? t('actionTitleArticle', detection.title) : t('actionTitleNoArticle') }),
  ]);
}

async function createMenus() {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_OPEN_READER, title: t('menuOpenReader'), contexts: ['page'] });
}

async function runReader(tabId: number | undefined, action: 'open' | 'toggle') {
  if (tabId === undefined || tabId < 0) return;
  try {
    await readerCommand(tabId, action);
  } catch (err) {
    // Pages where extensions cannot run: there is nothing to open; the popup explains why.
    console.warn('Reader could not run in this tab:', err);
  }
}

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
      if (sender.tab?.id !== undefined && sender.frameId === 0) await showDetection(sender.tab.id, detection);
    },
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_OPEN_READER) void runReader(tab?.id, 'open');
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-reader') return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    await runReader(target?.id, 'toggle');
  });
});
