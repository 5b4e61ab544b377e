// Chrome's offscreen document: the DOM the service worker lacks. It parses fetched pages and runs
// the same extraction as the reader (Save link, pending imports). Nothing is shown.
import { captureFromHtml } from '@/utils/article/from-html';
import { listen } from '@/utils/messages';

listen({ 'offscreen/extract': ({ html, url }) => captureFromHtml(html, url) });
