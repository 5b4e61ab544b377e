// The extracted article's blocks in the live page. The extraction ran on a copy, so it cannot point
// into the page: a block of the page is the article's when its text is the text of one of the
// extracted article's blocks. Highlights and translations on the page itself work on these.
import { squash } from '@/lib/article/text';

/** Elements that hold a paragraph's worth of article text. */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dd, dt, td, th, pre';
/** Our own hosts in the page (the reader overlay, the toast) are never part of the article. */
const OURS = 'reading-assistant-reader, reading-assistant-toast, reading-assistant-notes';

/**
 * The live elements of `doc` whose text is a block of the extracted article (`contentHtml`, the
 * sanitized result). Outermost first; a block inside one already found is not taken again.
 */
export function articleBlocks(doc: Document, contentHtml: string): Element[] {
  // An inert document: nothing in it loads or runs.
  const parsed = new DOMParser().parseFromString(contentHtml, 'text/html');
  const wanted = new Set<string>();
  for (const el of parsed.body.querySelectorAll(BLOCKS)) {
    const text = squash(el.textContent);
    if (text.length >= 2) wanted.add(text);
  }
  const found: Element[] = [];
  if (!doc.body || !wanted.size) return found;
  for (const el of doc.body.querySelectorAll(BLOCKS)) {
    // Document order: a descendant of a block found comes right after it.
    if (found.length && found[found.length - 1]!.contains(el)) continue;
    if (el.closest(OURS) || !wanted.has(squash(el.textContent))) continue;
    found.push(el);
  }
  return found;
}
