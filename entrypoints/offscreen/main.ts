// The parser page: the DOM the background lacks for the extraction pipeline. Chrome opens it as
// its offscreen document; Firefox loads it in a hidden frame of the event page (background/parse-html.ts).
// It parses fetched pages and runs the same extraction as the reader (Save link, pending imports),
// and sanitizes the SVG pictures of articles being saved (the service worker has no DOM for it),
// and runs the library's sync (extension/sync/service.ts), which sanitizes what other devices send.
import { captureFromHtml } from '@/lib/article/from-html';
import { sanitizeSvg } from '@/lib/library/svg';
import { listen } from '@/platform/messages';
import { sanitizeHtml } from '@/lib/article/sanitize';
import type { LibraryDB } from '@/extension/library/db';

let library: LibraryDB | null = null;

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
});
