// The parser page: the DOM the background lacks for the extraction pipeline. Chrome opens it as
// its offscreen document; Firefox loads it in a hidden frame of the event page (background/parse-html.ts).
// It parses fetched pages and runs the same extraction as the reader (Save link, pending imports),
// and sanitizes the SVG pictures of articles being saved (the service worker has no DOM for it),
// and runs the library's sync (extension/sync/service.ts), which sanitizes what other devices send,
// and finds the entities of a reader's article (background/entities-port.ts).
import { captureFromHtml } from '@/lib/article/from-html';
import { sanitizeSvg } from '@/lib/library/svg';
import { listen, sendToBackground } from '@/platform/messages';
import { runInSlices } from '@/lib/slices';
import { entitiesApi, type EntitiesApi } from '@/lib/entities/api';
import { browser } from 'wxt/browser';
import { sanitizeHtml } from '@/lib/article/sanitize';
import type { LibraryDB } from '@/extension/library/db';

let library: LibraryDB | null = null;
let recognizer: Promise<EntitiesApi> | null = null;

/** /entities.js, run here once; it puts the API on this window's global. */
function loadRecognizer(): Promise<EntitiesApi> {
  recognizer ??= new Promise<EntitiesApi>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = browser.runtime.getURL('/entities.js');
    const failed = () => reject(new Error('the entity recognizer did not load'));
    script.addEventListener('load', () => {
      const api = entitiesApi();
      if (api) resolve(api);
      else failed();
    });
    script.addEventListener('error', failed);
    document.head.append(script);
  }).catch((err: unknown) => {
    recognizer = null; // the next request tries again
    throw err;
  });
  return recognizer;
}

/** The readers' entity jobs under way (background/entities-port.ts), to stop. */
const recognizing = new Map<number, AbortController>();

listen({
  'offscreen/extract': ({ html, url }) => captureFromHtml(html, url),
  'offscreen/sanitize-svg': ({ text }) => sanitizeSvg(text),
  // Sync runs here: bodies from other devices are sanitized like an imported backup's.
  // Loaded only when a sync runs, so parsing a page loads none of it.
  'offscreen/sync': async ({ config, before }) => {
    const [{ openLibrary }, { syncNow }] = await Promise.all([
      import('@/extension/library/db'),
      import('@/extension/sync/service'),
    ]);
    return syncNow((library ??= openLibrary()), (html) => sanitizeHtml(html), config, before);
  },
  // A reader's entities, found here rather than in its page (whose main thread it would hold), in
  // slices all the same: a stop is heard between two, and the progress goes back to the reader.
  // The recognizer (compromise's lexicon, the Korean model) is loaded on the first job only: the
  // extension's one /entities.js, by a <script> (no web page loads it).
  'offscreen/recognize': async ({ job, text, lang, min }) => {
    const stop = new AbortController();
    recognizing.set(job, stop);
    try {
      const { recognition } = await loadRecognizer();
      stop.signal.throwIfAborted();
      return await runInSlices(recognition(text, lang, min), {
        // No web page waits on this thread: slices only as short as Stop needs (fewer turns, sooner done).
        sliceMs: 50,
        signal: stop.signal,
        onProgress: (share) => void sendToBackground('entities/progress', { job, share }).catch(() => undefined),
      });
    } finally {
      recognizing.delete(job);
    }
  },
  'offscreen/recognize-stop': ({ job }) => recognizing.get(job)?.abort(),
});
