// Key points computed on the device: the article's most central sentences (TextRank: PageRank
// over a graph whose edges are the sentences' TF-IDF cosine similarity), with no network and no
// model. Terms work for every script: words in lower case for space-separated languages, and
// character bigrams inside runs of Hangul, Kana or Han, where a word carries its particles
// ("도서관이", "도서관은") or is not separated at all. A news article states its point first, so a
// sentence's centrality is weighed with a gentle prior for coming early; near-duplicates of a
// chosen sentence are skipped, and the points come in the article's order.

export interface RankedSentence {
  /** Index in the sentences given. */
  index: number;
  score: number;
}

const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The terms of a sentence: lower-case words, and character bigrams within CJK runs. */
export function terms(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (CJK.test(w)) {
      if (w.length === 1) continue;
      for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
    } else if (w.length > 1 && !/^\d+$/.test(w)) out.push(w);
  }
  return out;
}

type Vector = Map<string, number>;

function vectors(sentences: readonly string[]): Vector[] {
  const bags = sentences.map(terms);
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of new Set(bag)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = sentences.length;
  return bags.map((bag) => {
    const v: Vector = new Map();
    for (const term of bag) v.set(term, (v.get(term) ?? 0) + 1);
    let norm = 0;
    for (const [term, tf] of v) {
      // A term in every sentence tells nothing apart: weight log(n / df), smoothed.
      const w = (1 + Math.log(tf)) * Math.log(1 + n / df.get(term)!);
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });
}

function cosine(a: Vector, b: Vector): number {
  if (a.size > b.size) [a, b] = [b, a];
  let sum = 0;
  for (const [term, w] of a) {
    const o = b.get(term);
    if (o) sum += w * o;
  }
  return sum;
}

/** Every sentence's score: TextRank centrality times a prior for coming early. */
export function rankSentences(
  sentences: readonly string[],
  options: { damping?: number; iterations?: number } = {},
): RankedSentence[] {
  const n = sentences.length;
  if (!n) return [];
  const d = options.damping ?? 0.85;
  const vs = vectors(sentences);
  const weights: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const outSum = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const w = cosine(vs[i]!, vs[j]!);
      if (w <= 0) continue;
      weights[i]![j] = w;
      weights[j]![i] = w;
      outSum[i]! += w;
      outSum[j]! += w;
    }
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < (options.iterations ?? 30); it++) {
    const next = new Array<number>(n).fill((1 - d) / n);
    for (let j = 0; j < n; j++) {
      if (!outSum[j]) continue;
      const share = (d * rank[j]!) / outSum[j]!;
      const row = weights[j]!;
      for (let i = 0; i < n; i++) if (row[i]) next[i]! += share * row[i]!;
    }
    rank = next;
  }
  return rank.map((r, index) => ({ index, score: r * (1 + 1 / Math.sqrt(index + 1)) }));
}

/** How many points an article of `n` sentences gets: 3 to 5. */
export function pointCount(n: number): number {
  return Math.max(3, Math.min(5, Math.round(n / 8)));
}

/**
 * The indices of the key sentences, in the article's order. Sentences too short to stand alone
 * (under `minLength` characters) are not chosen; one too like a chosen one (cosine over 0.5) neither.
 */
export function keySentences(sentences: readonly string[], options: { count?: number; minLength?: number } = {}): number[] {
  const count = options.count ?? pointCount(sentences.length);
  const minLength = options.minLength ?? 25;
  const ranked = rankSentences(sentences).filter((r) => sentences[r.index]!.trim().length >= minLength);
  ranked.sort((a, b) => b.score - a.score);
  const vs = vectors(sentences);
  const chosen: number[] = [];
  for (const r of ranked) {
    if (chosen.length >= count) break;
    if (chosen.some((c) => cosine(vs[c]!, vs[r.index]!) > 0.5)) continue;
    chosen.push(r.index);
  }
  return chosen.sort((a, b) => a - b);
}
