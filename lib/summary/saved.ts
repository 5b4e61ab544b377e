// Key points kept with a saved article (its row's `keyPoints`, a backup's too): the shape, the key
// of the sentences they were made from (points are shown only over that very text), and a stored or
// imported value made safe. No dependency but the types, so the library's import code may use it.
import type { KeyPoint, KeyPointsEngine, KeyPointsResult } from './key-points';

/** Points kept with a saved article, with the key of the sentences they were made from. */
export interface SavedKeyPoints extends Omit<KeyPointsResult, 'error'> {
  /** sentencesKey() of the article's sentences then: points of another text are not shown. */
  of: string;
}

/** A short key of the sentences (their count and an FNV-1a hash of their text). */
export function sentencesKey(sentences: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const s of sentences)
    for (let i = 0; i <= s.length; i++) {
      h ^= i < s.length ? s.charCodeAt(i) : 0x1f;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  return `${sentences.length}:${h.toString(16)}`;
}

const ENGINES: readonly KeyPointsEngine[] = ['summarizer', 'provider', 'extractive'];

/** A stored value made safe: saved points for `count` sentences, or null. */
export function readSavedKeyPoints(value: unknown, count: number): SavedKeyPoints | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.of !== 'string' || !ENGINES.includes(v.engine as KeyPointsEngine) || !Array.isArray(v.points)) return null;
  const points: KeyPoint[] = [];
  for (const p of v.points.slice(0, 5) as unknown[]) {
    const { text, source } = (p ?? {}) as Record<string, unknown>;
    if (typeof text !== 'string' || !text.trim()) return null;
    const ok = source === null || (Number.isInteger(source) && (source as number) >= 0 && (source as number) < count);
    points.push({ text: text.slice(0, 1000), source: ok ? (source as number | null) : null });
  }
  if (!points.length) return null;
  return {
    of: v.of,
    engine: v.engine as KeyPointsEngine,
    points,
    ...(typeof v.by === 'string' && v.by.length < 300 ? { by: v.by } : {}),
  };
}
