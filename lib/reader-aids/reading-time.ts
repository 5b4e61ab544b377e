// How long the rest of the article takes to read. The speeds are lib/article/text.ts's
// READING_SPEED (adults reading news silently): 230 words a minute for spaced scripts (Brysbaert
// 2019, "How many words do we read per minute?", J. Memory and Language 109: 238 for non-fiction
// in English, a little less in most other languages), 500 characters a minute for Hangul and 400
// for Han and kana (the popup's "N min read" uses the same figures). Each block of the article gets
// its seconds once; the view looks up the first block not yet read.
import { countText, READING_SPEED, type TextCounts } from '@/lib/article/text';

/** Seconds to read `counts`. */
function secondsFor(counts: TextCounts): number {
  return (
    (counts.words / READING_SPEED.words + counts.hangul / READING_SPEED.hangul + counts.hanKana / READING_SPEED.hanKana) * 60
  );
}

/** For blocks of text in reading order: the seconds from each block's start to the end of the article (one more entry, 0, at the end). */
export function secondsLeftFrom(texts: readonly string[]): Float64Array {
  const left = new Float64Array(texts.length + 1);
  for (let i = texts.length - 1; i >= 0; i--) left[i] = left[i + 1]! + secondsFor(countText(texts[i]!));
  return left;
}

/**
 * Minutes left, when the reader is `within` (0..1) through block `index`: whole minutes, rounded as
 * the article's "N min read" is (so the two agree at the top), at least 1 while anything is left
 * (a reader with 20 seconds to go has "1 min left"), 0 only at the very end.
 */
export function minutesLeft(left: Float64Array, index: number, within = 0): number {
  if (index >= left.length - 1) return 0;
  const i = Math.max(0, index);
  const here = left[i]! - (left[i]! - left[i + 1]!) * Math.min(1, Math.max(0, within));
  return here <= 0.5 ? 0 : Math.max(1, Math.round(here / 60));
}

const BLOCK = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGCAPTION', 'BLOCKQUOTE', 'PRE', 'TD', 'TH', 'DT', 'DD']);

/**
 * The blocks of `content` a reader reads one after another: paragraphs, items, headings, captions,
 * cells, none inside another. One walk down the tree that does not enter a block it has taken.
 */
export function readingBlocks(content: Element): HTMLElement[] {
  const blocks: HTMLElement[] = [];
  const stack: Element[] = Array.from(content.children).reverse();
  while (stack.length) {
    const el = stack.pop()!;
    if (BLOCK.has(el.tagName) || el.classList.contains('ra-caption') || el.classList.contains('ra-subhead')) {
      if (!el.classList.contains('ra-translation')) blocks.push(el as HTMLElement);
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return blocks;
}
