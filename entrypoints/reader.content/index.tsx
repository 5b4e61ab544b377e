// The reader: injected on demand into the current tab (never on every page). Its one object,
// PageReader (page/page-reader.ts), extracts the article from a copy of the page, shows it over the
// page in a shadow root, and translates or highlights the page's own article when the user asks;
// the messages below await its methods, and the popup hears its state pushed while it is open.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { render } from 'preact';
import { listen } from '@/platform/messages';
import { PageReader } from '@/page/page-reader';
import { ReaderView } from '@/components/ReaderView';
import { PageNotes } from '@/components/PageNotes';
import css from '@/components/reader.css?inline';
import aidsCss from '@/components/aids/aids.css?inline';
import entitiesCss from '@/components/entities.css?inline';
import listenCss from '@/components/listen.css?inline';
import highlightsCss from '@/components/highlights.css?inline';
import { showToast } from './toast';
import { markOpening } from '@/page/open-marks';

const FLAG = '__readingAssistantReader';
/** The bar's host over the live page takes no room and no clicks; only the bar and its status do. */
const PAGE_NOTES_HOST_CSS = `:host{inset:auto!important;width:0!important;height:0!important}.ra-root.ra-page-notes{position:static;inset:auto;overflow:visible;width:0;height:0;--ra-bar-height:0px}.ra-page-notes .ra-hl-bar{max-width:min(480px,calc(100vw - 16px))}`;

export default defineContentScript({
  registration: 'runtime',
  main() {
    const w = window as unknown as Record<string, unknown>;
    if (w[FLAG]) return; // Already here: a second injection must not add a second listener.
    w[FLAG] = true;
    markOpening('script');

    const reader = new PageReader({
      readerCss: css + listenCss + aidsCss + highlightsCss,
      entitiesCss,
      mountView: (session, mount, close) => {
        render(<ReaderView session={session} onClose={close} />, mount);
        return () => render(null, mount);
      },
      mountPageNotes: (notes, content, accepts, root) => {
        const style = document.createElement('style');
        style.textContent = css + highlightsCss + PAGE_NOTES_HOST_CSS;
        const mount = document.createElement('div');
        mount.className = 'ra-root ra-page-notes';
        mount.dataset.theme = 'system';
        root.append(style, mount);
        render(<PageNotes notes={notes} content={content} accepts={accepts} />, mount);
        return () => render(null, mount);
      },
    });
    // Each answer is the page's state once the request has been carried out.
    const unlisten = listen({
      'reader/info': () => reader.info(),
      'reader/open': async () => (markOpening('command'), await reader.open(), reader.info()),
      'reader/close': () => (reader.close(), reader.info()),
      'reader/toggle': async () => (markOpening('command'), await reader.toggle(), reader.info()),
      'reader/translate': async (request) => (await reader.translate(request), reader.info()),
      'reader/highlight': async ({ on }) => (await reader.highlight(on), reader.info()),
      'page/translate': async (request) => (await reader.translatePage(request), reader.info()),
      'page/highlight': async ({ on }) => (await reader.highlightPage(on), reader.info()),
      'page/notes': () => reader.showPageNotes(),
      'reader/capture': () => reader.capture(),
      'reader/toast': ({ message, kind }) => showToast(message, kind),
    });
    reader.signal.addEventListener('abort', unlisten, { once: true });
  },
});
