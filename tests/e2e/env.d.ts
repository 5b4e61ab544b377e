// Code passed to Playwright's worker.evaluate runs in the extension's service worker, where the
// promise-based `chrome` namespace is a global.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
