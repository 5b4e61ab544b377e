// Highlights on the page itself, beside the reader's own: the article's blocks are found in the live
// page by their text (lib/article/blocks.ts), and each is highlighted where it is. Turning them
// off puts back the very text nodes that were replaced, so the page's DOM is as it was; the one
// style element added for the marks goes too.
import type { EntitiesApi } from '@/lib/entities/api';
import type { EntityGroup, EntitySpan } from '@/lib/entities/types';

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
