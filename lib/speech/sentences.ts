// Sentences of a paragraph, as offsets into its text: what read-aloud speaks one utterance at a
// time (browsers stop or stall on long utterances) and what the key points rank.
//
// Intl.Segmenter's sentence boundaries (Unicode UAX #29) where the engine has them, which handle
// Korean "…다. " as well as English; a rule of terminal punctuation followed by a space elsewhere.
// Either way an abbreviation that UAX #29 splits at ("Mr. Kim") is joined again when the part before
// the break is one short word, and a sentence longer than `max` characters is cut at the last comma
// or space before it, so no utterance is long.

export interface SentenceSpan {
  /** Offset of the first character (white space before it skipped). */
  start: number;
  /** Offset after the last character (white space after it dropped). */
  end: number;
}

/** Characters per utterance at most: about 15 s of speech at 1×, well under the ~15 s stalls browsers are known for on one utterance only with very long ones. */
export const MAX_SENTENCE = 240;

// Terminal punctuation of many scripts: Latin and Hangul . ! ? …, CJK 。！？, Devanagari ।, Arabic ؟.
const FALLBACK = /[.!?…。！？।؟]+["'”’»)\]]*\s+/gu;

function segmenter(lang: string | null): Intl.Segmenter | null {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return null;
  try {
    return new Intl.Segmenter(lang ?? undefined, { granularity: 'sentence' });
  } catch {
    return new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
}

/** Raw boundaries: the offsets where a sentence starts (0 first). */
function starts(text: string, lang: string | null): number[] {
  const seg = segmenter(lang);
  if (seg) return Array.from(seg.segment(text), (s) => s.index);
  const out = [0];
  for (const m of text.matchAll(FALLBACK)) out.push(m.index + m[0].length);
  return out;
}

// A break right after a title-like word of at most three letters ("Mr.", "Dr.", "Mrs.", "St.") or
// dotted initials ("U.S.", "J.") is an abbreviation's, never the end of a sentence.
const ABBREVIATION = /(?:^|\s)(?:\p{Lu}\p{Ll}{0,2}|(?:\p{L}\.)+\p{L}?)\.\s*$/u;

/** Splits a sentence longer than `max` at its last comma, else its last space, before `max`. */
function cut(text: string, span: SentenceSpan, max: number, out: SentenceSpan[]): void {
  let { start } = span;
  while (span.end - start > max) {
    const window = text.slice(start, start + max);
    let at = Math.max(window.lastIndexOf(', '), window.lastIndexOf('، '), window.lastIndexOf('、'));
    if (at < max / 3) at = window.lastIndexOf(' ');
    const end = at < max / 3 ? start + max : start + at + 1;
    out.push({ start, end: trimEnd(text, start, end) });
    start = skipSpace(text, end);
  }
  if (start < span.end) out.push({ start, end: span.end });
}

const skipSpace = (text: string, i: number) => {
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return i;
};
const trimEnd = (text: string, start: number, end: number) => {
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end;
};

/** The sentences of `text` in order; empty ones (white space only) left out. */
export function splitSentences(text: string, lang: string | null = null, max = MAX_SENTENCE): SentenceSpan[] {
  const bounds = starts(text, lang);
  const merged: SentenceSpan[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const start = skipSpace(text, bounds[i]!);
    const end = trimEnd(text, start, bounds[i + 1] ?? text.length);
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && ABBREVIATION.test(text.slice(last.start, bounds[i]!))) last.end = end;
    else merged.push({ start, end });
  }
  const out: SentenceSpan[] = [];
  for (const span of merged) cut(text, span, max, out);
  return out;
}
