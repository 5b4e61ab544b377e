// Where a saved article is read: the extension's own reader page, offline.
import { browser } from 'wxt/browser';

function savedReaderUrl(url: string, highlight?: string): string {
  const at = highlight ? `#highlight=${encodeURIComponent(highlight)}` : '';
  return browser.runtime.getURL(`/read.html?url=${encodeURIComponent(url)}${at}`);
}

/** Opens the saved copy (at one of its highlights: the library's Highlights view). */
export async function openSaved(url: string, highlight?: string): Promise<void> {
  await browser.tabs.create({ url: savedReaderUrl(url, highlight) });
}

export async function openLibraryPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
}
