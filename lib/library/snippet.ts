// A search result's snippet: the passage of an article's text around the first place the query
// matches, with every matched word marked. Words are matched as the search index matches them
// (lib/library/terms.ts): folded (case, accents, width), at the start of a word in spaced scripts
// (Latin…, Korean: "삼성" marks the start of "삼성전자는"), anywhere for Japanese and Chinese runs.
import { fold, segments } from '@/lib/library/terms';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** The text folded code point by code point, with where each folded unit came from. */
function foldWithMap(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = fold(text.slice(i, i + width));
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + width);
    }
    folded += f;
    i += width;
  }
  return { folded, from, to };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

const needlesOf = (query: string) => segments(fold(query)).filter(([kind, seg]) => kind !== 'word' || seg.length >= 2);

/** Where each of `needles` occurs in folded text (at a word's start, but for CJK). */
function* occurrences(folded: string, needles: ReturnType<typeof needlesOf>): Generator<[number, number, number]> {
  for (let n = 0; n < needles.length; n++) {
    const [kind, needle] = needles[n]!;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      if (kind !== 'cjk' && at > 0 && WORD_CHAR.test(folded[at - 1]!)) continue; // not a word's start
      yield [n, at, at + needle.length];
    }
  }
}

/** Whether `text` holds every word of `query` as the search matches them (false for a query of no word). */
export function matchesEvery(text: string, query: string): boolean {
  const needles = needlesOf(query);
  if (needles.length === 0 || !text) return false;
  const found = new Set<number>();
  for (const [n] of occurrences(fold(text), needles)) found.add(n);
  return found.size === needles.length;
}

/** Where the query's words occur in `text`: [start, end) ranges of the original text, in order, merged. */
export function matchRanges(text: string, query: string): [number, number][] {
  const needles = needlesOf(query);
  if (needles.length === 0 || !text) return [];
  const { folded, from, to } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const [, at, end] of occurrences(folded, needles)) ranges.push([from[at]!, to[end - 1]!]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * About `width` characters of `text` around the first match of `query`, as parts to show, marked
 * where the query's words are; null when nothing in the text matches (the title did).
 */
export function snippet(text: string, query: string, width = 200): SnippetPart[] | null {
  const ranges = matchRanges(text, query);
  if (ranges.length === 0) return null;
  const first = ranges[0]![0];
  let start = Math.max(0, first - Math.floor(width / 3));
  // Begin at a word's start where the text has spaces near (not inside a word).
  if (start > 0) {
    const space = text.slice(start, first).search(/\s/);
    if (space >= 0 && space < 20) start += space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.slice(end - 20, end).lastIndexOf(' ');
    if (space >= 0) end = end - 20 + space;
  }
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) parts.push({ text: text.slice(at, from), mark: false });
    parts.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  for (const p of parts) p.text = squash(p.text);
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** A search result's passage and where it was found: a note of the article, a highlight, or its text. */
export interface ResultSnippet {
  parts: SnippetPart[];
  from: 'note' | 'highlight' | 'text';
}

/**
 * The passage a search result shows: from the first note, else the first highlighted passage,
 * holding the query's words (what the reader marked says most about why the article matched),
 * else from the text; null when only the title matched.
 */
export function resultSnippet(
  text: string,
  highlights: readonly { quote: string; note: string }[],
  query: string,
  width = 200,
): ResultSnippet | null {
  for (const from of ['note', 'highlight'] as const) {
    for (const h of highlights) {
      const parts = snippet(from === 'note' ? h.note : h.quote, query, width);
      if (parts) return { parts, from };
    }
  }
  const parts = snippet(text, query, width);
  return parts ? { parts, from: 'text' } : null;
}
