// Opening, closing and asking the reader in a tab, from the popup, the context menu or a shortcut.
// The reader script is injected on demand (it is not on every page), then spoken to by message.
import { browser } from 'wxt/browser';
import { sendToTab, type PageInfo } from '@/platform/messages';

export type ReaderAction = 'info' | 'open' | 'close' | 'toggle';

/** Injects the reader script if it is not there yet (it ignores a second injection). */
export async function ensureReader(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/reader.js'] });
}

export async function readerCommand(tabId: number, action: ReaderAction): Promise<PageInfo> {
  await ensureReader(tabId);
  return sendToTab(tabId, `reader/${action}`, undefined);
}
