// Three to five key points of an article, each linked to the sentence it comes from. Engines in
// order: the browser's on-device Summarizer (Chrome's Summarizer API, where availability() says it
// can run, with its download progress), else the OpenAI-compatible provider the user configured
// (handed in by the caller, which sends the text where the translation goes, with the same errors),
// else the extractive ranking on the device (./extractive.ts: no network, no model).
import { keySentences, pointCount, terms } from './extractive';

export type KeyPointsEngine = 'summarizer' | 'provider' | 'extractive';

export interface KeyPoint {
  text: string;
  /** The index of the sentence it comes from (the one it shares most with, for written points). */
  source: number;
}

export interface KeyPointsResult {
  engine: KeyPointsEngine;
  points: KeyPoint[];
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
  /** The user's configured provider: written points for the text, or null when none is configured. */
  provider?: ((text: string, count: number, signal?: AbortSignal) => Promise<string[]>) | null;
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

/** Each written point linked to the sentence sharing the most terms with it. */
export function linkToSources(points: readonly string[], sentences: readonly string[]): KeyPoint[] {
  const bags = sentences.map((s) => new Set(terms(s)));
  return points.map((text) => {
    const mine = new Set(terms(text));
    let best = 0;
    let bestScore = -1;
    bags.forEach((bag, i) => {
      let shared = 0;
      for (const t of mine) if (bag.has(t)) shared++;
      const score = shared / Math.sqrt(bag.size + 1);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    return { text, source: best };
  });
}

/** Key points by the first engine that can make them. */
export async function keyPoints(sentences: readonly string[], options: KeyPointsOptions): Promise<KeyPointsResult> {
  const count = pointCount(sentences.length);
  const text = sentences.join(' ');
  const summarizer = options.summarizer;
  if (summarizer) {
    const config: SummarizerOptions = {
      type: 'key-points',
      format: 'plain-text',
      length: count >= 5 ? 'long' : count === 4 ? 'medium' : 'short',
      ...(options.lang ? { expectedInputLanguages: [options.lang], outputLanguage: options.lang } : {}),
    };
    const available = await summarizer.availability(config).catch(() => 'unavailable' as const);
    if (available !== 'unavailable') {
      const model = await summarizer.create({
        ...config,
        signal: options.signal,
        monitor: (m) =>
          m.addEventListener('downloadprogress', (e) => options.onProgress?.((e as Event & { loaded: number }).loaded)),
      });
      try {
        const lines = pointLines(await model.summarize(text, { signal: options.signal })).slice(0, 5);
        if (lines.length) return { engine: 'summarizer', points: linkToSources(lines, sentences) };
      } finally {
        model.destroy();
      }
    }
  }
  if (options.provider) {
    const lines = (await options.provider(text, count, options.signal)).map((l) => pointLines(l)[0] ?? '').filter(Boolean);
    if (lines.length) return { engine: 'provider', points: linkToSources(lines.slice(0, 5), sentences) };
  }
  const chosen = keySentences(sentences, { count });
  return { engine: 'extractive', points: chosen.map((i) => ({ text: sentences[i]!, source: i })) };
}
