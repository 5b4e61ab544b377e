// The reader's own highlights, anchored to the article's text so they are found again when the
// page, the extraction or our clutter rules change. A highlight is described by two W3C Web
// Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors) over the text the
// reader shows (`textOf` of lib/entities/dom.ts: text nodes in order, one "\n" between blocks):
//   - a TextQuoteSelector: the exact text with up to 32 characters before (prefix) and after (suffix);
//   - a TextPositionSelector: its start and end offsets in that text.
// Placing it again (`anchor`) tries, in order: the position, if the quote is still there; the exact
// quote wherever it occurs, the occurrence whose context best matches prefix and suffix (and lies
// nearest the old place); a bounded approximate match of the quote (an edit distance of at most a
// fifth of its length, around the places where pieces of it or its context still occur). What none
// of these places is an orphan: the caller keeps it and lists it with its text, never drops it.
import { CONTEXT, type HighlightSelectors, type TextPositionSelector, type TextQuoteSelector } from '@/lib/annotations/highlight';
import { textOf, type TextMap } from '@/lib/entities/dom';

export type { HighlightSelectors } from '@/lib/annotations/highlight';

/** Where a highlight was placed, and how it was found. */
export interface Anchored {
  start: number;
  end: number;
  how: 'position' | 'quote' | 'fuzzy';
}

/** The selectors of text[start, end), white space at both ends left out (null when nothing is left). */
export function describe(text: string, start: number, end: number): HighlightSelectors | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s === e) return null;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(Math.max(0, s - CONTEXT), s),
      suffix: text.slice(e, e + CONTEXT),
    },
    { type: 'TextPositionSelector', start: s, end: e },
  ];
}

/** The offset in `map.text` of a DOM boundary point (inside or between the text nodes of the root). */
function offsetOf(map: TextMap, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const entry = map.nodes.find((n) => n.node === container);
    if (entry) return entry.start + Math.min(offset, (container as Text).data.length);
  }
  // Between nodes: the first text node at or after the point (nodes are in document order).
  const point = (container.ownerDocument ?? (container as Document)).createRange();
  point.setStart(container, offset);
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(map.nodes[mid]!.node, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < map.nodes.length ? map.nodes[lo]!.start : map.text.length;
}

/** The selectors of a DOM range inside `root` (a selection in the reader); null when it holds no text of root. */
export function describeRange(root: Node, range: Range, map: TextMap = textOf(root)): HighlightSelectors | null {
  if (!root.contains(range.commonAncestorContainer)) return null;
  return describe(
    map.text,
    offsetOf(map, range.startContainer, range.startOffset),
    offsetOf(map, range.endContainer, range.endOffset),
  );
}

// ------------------------------------------------------------ placing again

/** Occurrences of the exact quote looked at (a one-word quote in a long article has many). */
const MAX_OCCURRENCES = 1000;
/** Places around which an approximate match is tried. */
const MAX_CANDIDATES = 40;
/** The longest quote compared by edit distance (longer ones: their head and tail). */
const MAX_FUZZY = 2000;
/** The edit distance allowed, as a share of the quote's length. */
const FUZZY_SHARE = 0.2;

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well the context around text[start, end) matches the selector's prefix and suffix (0 to 1). */
function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = commonSuffix(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix);
  const after = commonPrefix(text.slice(end, end + quote.suffix.length), quote.suffix);
  const total = quote.prefix.length + quote.suffix.length;
  return total ? (before + after) / total : 1;
}

/** Nearness to the old place, as a small tie-breaker (0 to 1). */
const nearness = (at: number, old: number | undefined, length: number) =>
  old === undefined ? 0 : 1 - Math.min(1, Math.abs(at - old) / Math.max(1, length));

function findExact(text: string, quote: TextQuoteSelector, old: number | undefined): Anchored | null {
  let best: { at: number; score: number } | null = null;
  let count = 0;
  for (let at = text.indexOf(quote.exact); at >= 0 && count < MAX_OCCURRENCES; at = text.indexOf(quote.exact, at + 1), count++) {
    const score = contextScore(text, at, at + quote.exact.length, quote) * 2 + nearness(at, old, text.length) * 0.1;
    if (!best || score > best.score) best = { at, score };
  }
  return best && { start: best.at, end: best.at + quote.exact.length, how: 'quote' };
}

/**
 * The substring of `window` nearest to `pattern` by edit distance (Sellers' algorithm: an
 * alignment free to start and end anywhere in the window): its end, and the distance.
 */
function bestEnd(pattern: string, window: string): { end: number; distance: number } {
  const m = pattern.length;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = { end: 0, distance: m };
  for (let j = 1; j <= window.length; j++) {
    cur[0] = 0;
    const c = window[j - 1];
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern[i - 1] === c ? 0 : 1);
      cur[i] = Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1);
    }
    if (cur[m]! < best.distance) best = { end: j, distance: cur[m]! };
    [prev, cur] = [cur, prev];
  }
  return best;
}

const reverse = (s: string) => [...s].reverse().join('');

/** Places where the quote may start: where pieces of it, or its context, still occur. */
function candidates(text: string, quote: TextQuoteSelector): number[] {
  const { exact, prefix, suffix } = quote;
  const found = new Set<number>();
  const add = (at: number) => found.size < MAX_CANDIDATES * 4 && found.add(Math.max(0, at));
  const piece = Math.max(4, Math.min(24, Math.floor(exact.length / 4)));
  // Pieces of the quote at its start, a quarter, the middle, three quarters and its end.
  const starts = new Set([0, exact.length >> 2, exact.length >> 1, (exact.length * 3) >> 2, exact.length - piece]);
  for (const from of starts) {
    if (from < 0 || from + piece > exact.length) continue;
    const needle = exact.slice(from, from + piece);
    let n = 0;
    for (let at = text.indexOf(needle); at >= 0 && n < MAX_CANDIDATES; at = text.indexOf(needle, at + 1), n++) add(at - from);
  }
  // The context on either side (the quote itself may have changed throughout).
  if (prefix.length >= 8) {
    let n = 0;
    for (let at = text.indexOf(prefix); at >= 0 && n < MAX_CANDIDATES; at = text.indexOf(prefix, at + 1), n++)
      add(at + prefix.length);
  }
  if (suffix.length >= 8) {
    let n = 0;
    for (let at = text.indexOf(suffix); at >= 0 && n < MAX_CANDIDATES; at = text.indexOf(suffix, at + 1), n++)
      add(at - exact.length);
  }
  return [...found];
}

function findFuzzy(text: string, quote: TextQuoteSelector, old: number | undefined): Anchored | null {
  const exact = quote.exact.length > MAX_FUZZY ? null : quote.exact;
  if (!exact || exact.length < 4) return null;
  const allowed = Math.max(1, Math.floor(exact.length * FUZZY_SHARE));
  const slack = allowed + 8;
  let best: (Anchored & { score: number }) | null = null;
  const seen = new Set<string>();
  for (const at of candidates(text, quote)) {
    const from = Math.max(0, at - slack);
    const to = Math.min(text.length, at + exact.length + slack);
    const window = text.slice(from, to);
    const { end, distance } = bestEnd(exact, window);
    if (distance > allowed) continue;
    // The start: the same alignment, read backwards from that end.
    const back = bestEnd(reverse(exact), reverse(window.slice(0, end)));
    const start = from + end - back.end;
    const key = `${start}:${from + end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const score =
      1 - distance / exact.length + contextScore(text, start, from + end, quote) * 0.5 + nearness(start, old, text.length) * 0.05;
    if (!best || score > best.score) best = { start, end: from + end, how: 'fuzzy', score };
  }
  return best && { start: best.start, end: best.end, how: best.how };
}

/** Places a highlight in `text` again, or null: an orphan (listed with its text, never dropped). */
export function anchor(text: string, selectors: readonly [TextQuoteSelector, TextPositionSelector?]): Anchored | null {
  const [quote, position] = selectors;
  if (!quote.exact) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    // The quote is where it was, but another occurrence may fit its context better (text added before it).
    const here = contextScore(text, position.start, position.end, quote);
    if (here === 1) return { start: position.start, end: position.end, how: 'position' };
    const found = findExact(text, quote, position.start);
    if (found && contextScore(text, found.start, found.end, quote) > here) return found;
    return { start: position.start, end: position.end, how: 'position' };
  }
  return findExact(text, quote, position?.start) ?? findFuzzy(text, quote, position?.start);
}
