// The detector: runs on every http(s) page at document_idle and only answers "article or not".
// It changes nothing on the page and makes no request. It talks through the bare `chrome`
// runtime (present in Chrome and Firefox content scripts) rather than the polyfill, which alone
// would be larger than this whole script's 10 KB budget; the message shapes still come from
// platform/messages.ts. For the same reason it is an unlisted script (WXT's content-script wrapper
// brings the polyfill along) declared as a content script in wxt.config.ts.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detect } from '@/lib/article/detect';
import type { Message, Res } from '@/platform/messages';

/** The few runtime calls the detector makes, as both browsers expose them on `chrome`. */
interface BareRuntime {
  sendMessage(message: Message): Promise<unknown>;
  onMessage: {
    addListener(cb: (message: Message, sender: unknown, sendResponse: (reply: Res<'detector/get'>) => void) => undefined): void;
  };
}

export default defineUnlistedScript({
  main() {
    const runtime = (globalThis as unknown as { chrome: { runtime: BareRuntime } }).chrome.runtime;
    let last = detect(document);
    let lastUrl = location.href;
    let lastSent = '';

    const report = () => {
      const key = `${lastUrl}|${last.isArticle}`;
      if (key === lastSent) return;
      lastSent = key;
      // Where the article may be saved under (its highlights come back on the page).
      const addresses = [
        document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href,
        document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
      ].filter((a): a is string => !!a);
      const message: Message<'detector/result'> = { type: 'detector/result', payload: { ...last, addresses } };
      runtime.sendMessage(message).catch(() => {
        // The background may be restarting; the popup asks again when it opens.
      });
    };
    report();

    // The first selection of text in an article asks for the selection bar of the reader's own
    // highlights (the reader script then handles every later one). Listening changes nothing.
    const selected = () => {
      if (!last.isArticle || !document.getSelection()?.toString().trim()) return;
      document.removeEventListener('mouseup', later);
      document.removeEventListener('keyup', later);
      const message: Message<'detector/selection'> = { type: 'detector/selection', payload: undefined };
      runtime.sendMessage(message).catch(() => undefined);
    };
    // After the browser has settled the selection; the user's own input only, never a page's script.
    const later = (e: Event) => e.isTrusted && setTimeout(selected, 0);
    document.addEventListener('mouseup', later, { passive: true });
    document.addEventListener('keyup', later, { passive: true });

    runtime.onMessage.addListener((message, _sender, sendResponse) => {
      if (message?.type !== 'detector/get') return undefined;
      last = detect(document);
      sendResponse(last);
      return undefined;
    });

    // Single-page apps change the URL without a load: re-check shortly after each change, and
    // once more later for content that renders slowly.
    const recheck = () => {
      if (location.href === lastUrl) return;
      lastUrl = location.href;
      for (const delay of [600, 2500]) {
        setTimeout(() => {
          last = detect(document);
          report();
        }, delay);
      }
    };
    window.addEventListener('popstate', recheck);
    setInterval(() => document.visibilityState === 'visible' && recheck(), 1000);
  },
});
