// Highlights on the page itself, beside the reader's own: the article's blocks are found in the live
// page by their text (the extraction ran on a copy, so it cannot point into the page), and each is
// highlighted where it is. Turning them off puts back the very text nodes that were replaced, so the
// page's DOM is as it was; the one style element added for the marks goes too.
import type { EntitiesApi } from './api';
import type { EntityGroup, EntitySpan } from './types';

/** Elements that hold a paragraph's worth of article text. */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dd, dt, td, th, pre';
/** Our own hosts in the page (the reader overlay, the toast) are never part of the article. */
const OURS = 'reading-assistant-reader, reading-assistant-toast';

const squash = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();

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

export interface PageHighlights {
  blocks: Element[];
  style: HTMLStyleElement;
  /** How many marks were drawn. */
  marks: number;
}

/** Highlights the entities of each block in place; `css` styles the marks in the page. */
export function highlightPage(
  doc: Document,
  blocks: Element[],
  api: Pick<EntitiesApi, 'recognize' | 'textOf' | 'highlightEntities'>,
  lang: string | null,
  groups: Iterable<EntityGroup>,
  label: (span: EntitySpan) => string,
  css: string,
): PageHighlights {
  const style = doc.createElement('style');
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
  const enabled = [...groups];
  let marks = 0;
  for (const block of blocks) {
    const spans = api.recognize(api.textOf(block).text, lang);
    marks += api.highlightEntities(block, spans, enabled, { label }).spans.length;
  }
  return { blocks, style, marks };
}

/** Takes the page's highlights away again: its DOM is as before highlightPage. */
export function removePageHighlights(highlights: PageHighlights, api: Pick<EntitiesApi, 'removeHighlights'>): void {
  for (const block of highlights.blocks) api.removeHighlights(block);
  highlights.style.remove();
}
