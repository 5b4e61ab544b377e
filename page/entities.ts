// Highlights on the page itself, beside the reader's own: the article's blocks are found in the live
// page by their text (lib/article/blocks.ts), and each is highlighted where it is. Turning them
// off puts back the very text nodes that were replaced, so the page's DOM is as it was; the one
// style element added for the marks goes too.
import type { EntitiesApi } from '@/lib/entities/api';
import type { EntityGroup, EntitySpan } from '@/lib/entities/types';
import { part } from '@/lib/slices';

export interface PageHighlights {
  blocks: Element[];
  style: HTMLStyleElement;
  /** How many marks were drawn (so far). */
  marks: number;
  /** The share done (0 to 1) while they are being drawn; null once they all are. */
  progress: number | null;
}

/** The page's highlights about to be drawn in `blocks`: the style sheet `css` for the marks goes into the page. */
export function startPageHighlights(doc: Document, blocks: Element[], css: string): PageHighlights {
  const style = doc.createElement('style');
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
  return { blocks, style, marks: 0, progress: 0 };
}

/**
 * Highlights the entities of each block in place, in steps (for runInSlices, lib/slices.ts) that
 * yield the share done; `page.marks` counts the marks drawn. Stopped halfway, removePageHighlights
 * takes away what was drawn.
 */
export function* pageHighlighting(
  page: PageHighlights,
  api: Pick<EntitiesApi, 'recognition' | 'textOf' | 'highlighting'>,
  lang: string | null,
  groups: Iterable<EntityGroup>,
  label: (span: EntitySpan) => string,
): Generator<number, void, void> {
  const enabled = [...groups];
  const n = page.blocks.length;
  for (const [k, block] of page.blocks.entries()) {
    const spans = yield* part(api.recognition(api.textOf(block).text, lang), k / n, (k + FINDING) / n);
    const drawn = yield* part(api.highlighting(block, spans, enabled, { label }), (k + FINDING) / n, (k + 1) / n);
    page.marks += drawn.spans.length;
    yield (k + 1) / n;
  }
  page.progress = null;
}
// Of each block's share, finding its entities (the rest is marking them).
const FINDING = 0.8;

/** Takes the page's highlights away again: its DOM is as before highlightPage. */
export function removePageHighlights(highlights: PageHighlights, api: Pick<EntitiesApi, 'removeHighlights'>): void {
  for (const block of highlights.blocks) api.removeHighlights(block);
  highlights.style.remove();
}
