// Highlights on the page itself, beside the reader's own: the article's blocks are found in the live
// page by their text (lib/article/blocks.ts), their text is sent off the page to be recognized, as
// the reader's is (page/find-entities.ts: the parser page's thread, never the page's), and each
// block is marked where it is, in slices. Turning them off puts back the very text nodes that were
// replaced, so the page's DOM is as it was; the one style element added for the marks goes too.
import { highlighting, removeHighlights, textOf } from '@/lib/entities/dom';
import type { EntityGroup, EntitySpan } from '@/lib/entities/types';
import { part } from '@/lib/slices';

export interface PageHighlights {
  blocks: Element[];
  style: HTMLStyleElement;
  /** How many marks were drawn (so far). */
  marks: number;
  /** The share done (0 to 1) while they are being found and drawn; null once they all are. */
  progress: number | null;
}

/** The page's highlights about to be drawn in `blocks`: the style sheet `css` for the marks goes into the page. */
export function startPageHighlights(doc: Document, blocks: Element[], css: string): PageHighlights {
  const style = doc.createElement('style');
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
  return { blocks, style, marks: 0, progress: 0 };
}

/** The blocks' text as one, a "\n" between two (as textOf puts one between blocks), each block's text and where it starts. */
export function pageText(blocks: readonly Element[]): { text: string; texts: string[]; starts: number[] } {
  const texts = blocks.map((block) => textOf(block).text);
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += text.length + 1;
  }
  return { text: texts.join('\n'), texts, starts };
}

/**
 * The spans found in pageText's text, each given to its block with offsets into that block's own
 * text; a span that runs from one block into the next is dropped (the blocks are apart on the page).
 */
export function spansByBlock(spans: readonly EntitySpan[], starts: readonly number[], length: number): EntitySpan[][] {
  const out = starts.map((): EntitySpan[] => []);
  for (const span of spans) {
    // The last block that starts at or before the span (starts ascend).
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= span.start) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo] ?? 0;
    const end = lo + 1 < starts.length ? starts[lo + 1]! - 1 : length;
    if (span.start < start || span.end > end) continue;
    out[lo]?.push({ ...span, start: span.start - start, end: span.end - start });
  }
  return out;
}

/**
 * Marks each block's spans (spansByBlock) in place, in steps (for runInSlices, lib/slices.ts) that
 * yield the share done; `page.marks` counts the marks drawn. A block whose text is no longer
 * `texts[k]`, the text that was recognized (the page's script changed it meanwhile), is left as it
 * is. Stopped halfway, removePageHighlights takes away what was drawn.
 */
export function* pageMarking(
  page: PageHighlights,
  texts: readonly string[],
  spans: readonly EntitySpan[][],
  groups: Iterable<EntityGroup>,
  label: (span: EntitySpan) => string,
): Generator<number, void, void> {
  const enabled = [...groups];
  const n = page.blocks.length;
  for (const [k, block] of page.blocks.entries()) {
    if (textOf(block).text !== texts[k]) continue;
    const drawn = yield* part(highlighting(block, spans[k] ?? [], enabled, { label }), k / n, (k + 1) / n);
    page.marks += drawn.spans.length;
    yield (k + 1) / n;
  }
  page.progress = null;
}

/** Takes the page's highlights away again: its DOM is as before highlightPage. */
export function removePageHighlights(highlights: PageHighlights): void {
  for (const block of highlights.blocks) removeHighlights(block);
  highlights.style.remove();
}
