// Carrying out a command in a tab: open, close or ask the reader, translate or highlight, from the
// popup (through the background: 'tab/command'), the context menu or a shortcut. The reader script
// is injected on demand (it is not on every page), then spoken to by message. Runs in the
// background, so a popup that closes right after the click loses nothing.
import { browser } from 'wxt/browser';
import { sendToTab, type PageInfo, type TabCommand } from '@/platform/messages';

/**
 * Injects the reader script if it is not there yet. A one-line probe asks first (its flag,
 * entrypoints/reader.content): injecting the whole script again costs ~18 ms against ~2 ms for the
 * probe, measured in the service worker on a loaded machine, as its bundle is read, sent and run
 * again before it notices it is there (it ignores a second injection).
 */
export async function ensureReader(tabId: number): Promise<void> {
  const [probe] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => (globalThis as Record<string, unknown>).__readingAssistantReader === true,
  });
  if (probe?.result === true) return;
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/reader.js'] });
}

/** The reader's own highlights on the tab's page itself, and the selection bar there (injecting the reader script). */
export async function showPageNotes(tabId: number): Promise<void> {
  await ensureReader(tabId);
  await sendToTab(tabId, 'page/notes', undefined);
}

/** Carries out `command` in the tab's reader script (injecting it first); answers the tab's state after it. */
export async function readerCommand(tabId: number, command: TabCommand): Promise<PageInfo> {
  await ensureReader(tabId);
  switch (command.kind) {
    case 'translate':
      return sendToTab(tabId, 'reader/translate', command.request);
    case 'page-translate':
      return sendToTab(tabId, 'page/translate', command.request);
    case 'highlight':
      return sendToTab(tabId, 'reader/highlight', { on: command.on });
    case 'page-highlight':
      return sendToTab(tabId, 'page/highlight', { on: command.on });
    default:
      return sendToTab(tabId, `reader/${command.kind}`, undefined);
  }
}
