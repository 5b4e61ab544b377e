// Three to five key points of an article, each linked to the sentence it comes from. Engines in
// order: the browser's on-device Summarizer (Chrome's Summarizer API, where availability() says it
// can run, with its download progress), else the OpenAI-compatible provider the user configured
// (handed in by the caller, which sends the text where the translation goes, with the same errors),
// else the extractive ranking on the device (./extractive.ts: no network, no model). An engine that
// fails hands on to the next, and its error's sentence goes with the points: nothing is lost.
import { TranslateError, translateErrorMessage, toTranslateError } from '@/lib/translate/types';
import { keySentences, pointCount, terms } from './extractive';

export type KeyPointsEngine = 'summarizer' | 'provider' | 'extractive';

export interface KeyPoint {
  text: string;
  /**
   * The index of the sentence it comes from (for written points, the one it shares most with), or
   * null for a written point that matches no sentence well enough to link it.
   */
  source: number | null;
}

export interface KeyPointsResult {
  engine: KeyPointsEngine;
  points: KeyPoint[];
  /** Why an engine before this one made none (one sentence for the user), or absent. */
  error?: string;
  /** The provider's host, for points it wrote ("localhost:11434"). */
  by?: string;
}

/** Chrome's Summarizer API as documented (developer.chrome.com/docs/ai/summarizer-api). */
export interface SummarizerApi {
  availability(options: SummarizerOptions): Promise<'unavailable' | 'downloadable' | 'downloading' | 'available'>;
  create(
    options: SummarizerOptions & {
      monitor?: (m: EventTarget) => void;
      signal?: AbortSignal;
    },
  ): Promise<{ summarize(text: string, options?: { context?: string; signal?: AbortSignal }): Promise<string>; destroy(): void }>;
}

interface SummarizerOptions {
  type: 'key-points';
  format: 'plain-text';
  length: 'short' | 'medium' | 'long';
  expectedInputLanguages?: string[];
  outputLanguage?: string;
}

export interface KeyPointsOptions {
  lang: string | null;
  /** The page's Summarizer (`globalThis.Summarizer`), or null where there is none. */
  summarizer?: SummarizerApi | null;
  /**
   * The user's configured provider: written points for the sentences, or null when it is not to be
   * used after all (the user chose the device). Absent or null: no provider is configured.
   */
  provider?: ((sentences: readonly string[], count: number, signal?: AbortSignal) => Promise<string[] | null>) | null;
  /** The Summarizer's model download, 0 to 1. */
  onProgress?: (share: number) => void;
  signal?: AbortSignal;
}

/** The lines of a key-points answer: bullets and numbers taken off, empty lines dropped. */
export function pointLines(answer: string): string[] {
  return answer
    .split(/\n+/)
    .map((l) =>
      l
        .replace(/^\s*(?:[-*•·]|\d+[.)])\s*/u, '')
        .replace(/\*\*/g, '')
        .trim(),
    )
    .filter((l) => /[\p{L}\p{N}]/u.test(l));
}

/**
 * The share of a point's weight its sentence must hold to be named its source: a written point
 * restates its sentence in fewer words, so most of its terms are there; one holding under a quarter
 * states something else, and a link would mislead. Terms weigh by their rarity in the article
 * (inverse sentence frequency), so words in every sentence ("the", "in", "는") count for little.
 */
const MIN_LINK_SHARE = 0.25;

/** Each written point linked to the sentence sharing the most terms with it; null when none shares enough. */
export function linkToSources(points: readonly string[], sentences: readonly string[]): KeyPoint[] {
  const bags = sentences.map((s) => new Set(terms(s)));
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag) df.set(term, (df.get(term) ?? 0) + 1);
  const weight = (term: string) => Math.log(1 + bags.length / (1 + (df.get(term) ?? 0)));
  return points.map((text) => {
    const mine = new Set(terms(text));
    let total = 0;
    for (const t of mine) total += weight(t);
    let best: number | null = null;
    let bestScore = 0;
    let bestShared = 0;
    bags.forEach((bag, i) => {
      let shared = 0;
      let count = 0;
      for (const t of mine)
        if (bag.has(t)) {
          shared += weight(t);
          count++;
        }
      const score = count / Math.sqrt(bag.size + 1);
      if (score > bestScore) [best, bestScore, bestShared] = [i, score, shared];
    });
    return { text, source: total > 0 && bestShared / total >= MIN_LINK_SHARE ? best : null };
  });
}

/** Key points by the first engine that can make them; a failing engine hands on to the next. */
export async function keyPoints(sentences: readonly string[], options: KeyPointsOptions): Promise<KeyPointsResult> {
  const count = pointCount(sentences.length);
  let error: string | undefined;
  const failed = (err: unknown) => {
    if (options.signal?.aborted) throw err;
    // A provider's errors come as their sentence already (said where the request ran).
    error =
      err instanceof TranslateError || !(err instanceof Error) || !err.message
        ? translateErrorMessage(toTranslateError(err))
        : err.message;
  };
  const summarizer = options.summarizer;
  if (summarizer) {
    try {
      const lines = await summarize(summarizer, sentences, count, options);
      if (lines?.length) return { engine: 'summarizer', points: linkToSources(lines, sentences) };
    } catch (err) {
      failed(err);
    }
  }
  if (options.provider) {
    try {
      const lines = (await options.provider(sentences, count, options.signal))
        ?.map((l) => pointLines(l)[0] ?? '')
        .filter(Boolean);
      if (lines?.length) return { engine: 'provider', points: linkToSources(lines.slice(0, 5), sentences) };
    } catch (err) {
      failed(err);
    }
  }
  const chosen = keySentences(sentences, { count });
  return {
    engine: 'extractive',
    points: chosen.map((i) => ({ text: sentences[i]!, source: i })),
    ...(error ? { error } : {}),
  };
}

/** The Summarizer's points, or null where it cannot run. */
async function summarize(
  summarizer: SummarizerApi,
  sentences: readonly string[],
  count: number,
  options: KeyPointsOptions,
): Promise<string[] | null> {
  const config: SummarizerOptions = {
    type: 'key-points',
    format: 'plain-text',
    length: count >= 5 ? 'long' : count === 4 ? 'medium' : 'short',
    ...(options.lang ? { expectedInputLanguages: [options.lang], outputLanguage: options.lang } : {}),
  };
  const available = await summarizer.availability(config).catch(() => 'unavailable' as const);
  if (available === 'unavailable') return null;
  const model = await summarizer.create({
    ...config,
    signal: options.signal,
    monitor: (m) => m.addEventListener('downloadprogress', (e) => options.onProgress?.((e as Event & { loaded: number }).loaded)),
  });
  try {
    return pointLines(await model.summarize(sentences.join(' '), { signal: options.signal })).slice(0, 5);
  } finally {
    model.destroy();
  }
}
