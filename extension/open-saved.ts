// Where a saved article is read: the extension's own reader page, offline.
import { browser } from 'wxt/browser';

function savedReaderUrl(url: string): string {
  return browser.runtime.getURL(`/read.html?url=${encodeURIComponent(url)}`);
}

export async function openSaved(url: string): Promise<void> {
  await browser.tabs.create({ url: savedReaderUrl(url) });
}

export async function openLibraryPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
}
