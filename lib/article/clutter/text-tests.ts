// Tests of a text alone, shared by the rules: is it a sentence of news prose, how many words it has,
// is it a date line. They read nothing but the string (the node tests are in node-tests.ts).
import {
  CALL_TO_ACTION,
  CLOSING,
  DATE_LABEL,
  DATE_PART,
  DATE_WORDS,
  FULL_DATE,
  HANGUL_SYLLABLE,
  SENTENCE_END,
} from '@/lib/article/clutter/data';

/** A rule's text test: a pattern or a function. */
export type TextTest = RegExp | ((text: string) => boolean);
export const testText = (test: TextTest, text: string) => (typeof test === 'function' ? test(text) : test.test(text));

/** `test` with its answers kept: nested wrappers often share one text. */
export function cached(test: (text: string) => boolean): (text: string) => boolean {
  const seen = new Map<string, boolean>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) seen.set(text, (v = test(text)));
    return v;
  };
}

// Words of a text are split on spaces (Korean eojeol count as words here).

/** Whether `text` has at least `min` words (stops counting there). */
function wordsAtLeast(text: string, min: number): boolean {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord && ++n >= min) return true;
    inWord = !space;
  }
  return false;
}

/** The number of words of `text`. */
export function wordsOf(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Running prose rather than a widget label or a notice: a Korean sentence in the plain declarative
 * form news is written in ("…했다.", "…이다.", not the polite "…합니다." of notices), or, in other
 * languages, a sentence of six words or more ending in a full stop that does not open with a call to
 * action ("Subscribe…", "Sign up…").
 */
export function looksLikeProse(text: string): boolean {
  // Characters are read from the end: patterns anchored only at the end are tried at every
  // position, and this runs on most texts of every page.
  let end = text.length;
  while (end > 0 && CLOSING.includes(text[end - 1]!)) end--;
  if (!end) return false;
  const last = text[end - 1]!;
  const sentenceEnd = SENTENCE_END.includes(last);
  const da = last === '다' ? end - 1 : (last === '.' || last === '!') && text[end - 2] === '다' ? end - 2 : -1;
  // Both kinds of sentence end in a full stop (or "다"): anything else is a label, at once.
  if (!sentenceEnd && da < 0) return false;
  const t = end === text.length ? text : text.slice(0, end);
  let hangul = 0;
  let latin = 0;
  if (HANGUL_SYLLABLE.test(t)) {
    for (let i = 0; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xac00 && c <= 0xd7a3) hangul++;
      else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    }
  }
  // Korean: the plain declarative "…다." of news, not the polite "…니다." of notices.
  if (hangul > latin) return da >= 0 && (da === 0 || text[da - 1] !== '니') && wordsAtLeast(t, 3);
  if (CALL_TO_ACTION.test(t)) return false;
  return sentenceEnd && wordsAtLeast(t, 6);
}

/**
 * A line that is the story's date and little else: a full date alone ("Nov. 20, 2019, 9:28 AM
 * UTC", "September 10, 2018 |"), or a date or time with a label ("Published 1 day ago", "PUBLISHED:
 * 10:48, Tue, Nov 19, 2019", "Updated at 1:23 p.m.", "Updated on: November 19, 2019 / 10:07 AM /
 * CBS News": with a label, up to three words of a source's name may remain). A bare time ("10
 * p.m.", a live blog's entry) and a date with a place ("July 19 – Toronto, ON", a tour list) stay.
 */
export function isDateLine(text: string): boolean {
  if (text.length > 100 || !/\d/.test(text)) return false;
  DATE_PART.lastIndex = 0;
  if (!DATE_PART.test(text)) return false;
  DATE_PART.lastIndex = 0;
  const labelled = DATE_LABEL.test(text);
  if (!labelled && !FULL_DATE.test(text)) return false;
  const rest = text
    .replace(DATE_PART, ' ')
    .replace(DATE_WORDS, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return !rest || (labelled && wordsOf(rest) <= 3);
}
