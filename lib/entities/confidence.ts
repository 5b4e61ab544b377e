// How sure a name is, 0 to 1, and which names the reader is shown. Every person, organisation and
// place gets a confidence from the evidence that found it; the panel and the marks show only names
// at or above CONFIDENT, or at or above UNSURE when the user asked to see less certain ones too.
// Dates, amounts, e-mail addresses and links are found by patterns and are always shown.
import type { RawSpan } from '@/lib/entities/patterns';
import type { EntitySpan } from '@/lib/entities/types';

/**
 * The threshold shipped: the names shown by default. Chosen by a rule on cross-validation over the
 * KLUE training news (never dev): the threshold with the highest exact F0.5, precision counting
 * twice as much as recall (bench:entities prints the table and what the rule picks: 0.5, P 0.785
 * R 0.557 against P 0.710 R 0.638 with everything shown).
 */
export const CONFIDENT = 0.5;
/** "Show less certain ones too": everything but what is known not to be a name. */
export const UNSURE = 0.1;

const NAME_TYPES = new Set(['person', 'org', 'place']);

// The Korean model's margin (tagger.ts spanMargin) → confidence: a logistic curve centred where
// cross-validation on the KLUE training news puts half of the names right (scripts/bench/NOTES.md).
const KO_MARGIN_MID = 90;
const KO_MARGIN_SCALE = 40;

/** A Korean name's confidence from the model's margin for it. */
export function koreanConfidence(margin: number): number {
  return 1 / (1 + Math.exp(-(margin - KO_MARGIN_MID) / KO_MARGIN_SCALE));
}

/** Sure evidence beside the model (a listed company's name, a title after a person, a gazetteer entry). */
export const SURE = 0.95;

/** A span's confidence (names without one, and every other kind, count as sure). */
const confidenceOf = (s: RawSpan | EntitySpan): number => (NAME_TYPES.has(s.type) ? (s.confidence ?? SURE) : 1);

/**
 * One entity, one confidence: every mention of a name takes the highest confidence of the mentions
 * that share its type and canonical name (a name once found with a title is sure everywhere), then
 * the spans under `min` are dropped.
 */
export function keepConfident(spans: EntitySpan[], min: number): EntitySpan[] {
  const best = new Map<string, number>();
  const key = (s: EntitySpan) => `${s.type}\u0000${s.ticker?.code ?? s.canonical ?? s.text}`;
  for (const s of spans) if (NAME_TYPES.has(s.type)) best.set(key(s), Math.max(best.get(key(s)) ?? 0, confidenceOf(s)));
  const out: EntitySpan[] = [];
  for (const s of spans) {
    if (NAME_TYPES.has(s.type)) {
      s.confidence = best.get(key(s))!;
      if (s.confidence < min) continue;
    }
    out.push(s);
  }
  return out;
}
