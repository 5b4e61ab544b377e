// The article-body metric of the article-extraction benchmark, reimplemented: texts are split into
// word tokens, tokens are grouped into overlapping 4-token shingles (a multiset), and a page's
// true/false positives and false negatives are the multiset overlaps, normalised so that
// tp + fp + fn = 1 (a long page weighs no more than a short one). Precision and recall are averaged
// over pages; F1 is computed from the two means.
//
// Tokens are Unicode-aware (letters, digits and underscore, like Python's `\w` on str), so Korean
// works as it is. Japanese and Chinese have no spaces: a "word" there is a whole clause, so
// `unit: 'char'` scores them on single characters instead (the corpus README asks for both).

const WORD_TOKEN = /[\p{L}\p{N}_]+/gu;
const CHAR_TOKEN = /[\p{L}\p{N}_]/gu;

/** Word tokens (`unit: 'word'`) or single letter/digit characters (`unit: 'char'`). */
export function tokenize(text, unit = 'word') {
  return (text ?? '').match(unit === 'char' ? CHAR_TOKEN : WORD_TOKEN) ?? [];
}

/**
 * Multiset of n-token shingles. A text shorter than n tokens is one shingle of all its tokens; an
 * empty text has none.
 */
export function shingles(text, { n = 4, unit = 'word' } = {}) {
  const tokens = tokenize(text, unit);
  const counts = new Map();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last && tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** `{tp, fp, fn}` of one page, normalised to sum to 1 (all zero when both texts are empty). */
export function matchPage(truth, pred, options = {}) {
  const t = shingles(truth, options);
  const p = shingles(pred, options);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

/** Page precision; a page with nothing missing and nothing extra scores 1. */
export function precisionOf({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** Page recall; a page with nothing missing and nothing extra scores 1. */
export function recallOf({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/**
 * Corpus figures from per-page `{tp, fp, fn}`: mean precision over pages that predicted something
 * (tp + fp > 0), mean recall over pages that have a truth (tp + fn > 0), F1 of the two means.
 */
export function aggregate(pages) {
  const precision = mean(pages.filter((m) => m.tp + m.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((m) => m.tp + m.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, pages: pages.length };
}

/** Per-page F1 (for ranking the worst pages). */
export function pageF1(m) {
  const p = precisionOf(m);
  const r = recallOf(m);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}
