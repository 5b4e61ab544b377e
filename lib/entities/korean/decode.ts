// Viterbi decoding with BIO constraints, and label sequences → typed spans.
// Shared by the runtime (index.ts) and the training script.

import { CURRENCY_UNITS } from '@/lib/entities/korean/lexicon';
import { END_OK, NUM_LABELS, START_OK, TYPES } from '@/lib/entities/korean/features';

type KoreanEntityType = 'person' | 'org' | 'place' | 'date' | 'time' | 'money' | 'quantity';
export interface KoreanEntity {
  start: number;
  end: number;
  type: KoreanEntityType;
  /** Names only: the model's margin for the span's type over no entity (tagger.ts spanMargin). */
  score?: number;
}

const L = NUM_LABELS;
/** Labels 1..6: B/I of PS, OG, LC (names). */
const NAME_LABELS = 6;
/** allowed[prev * L + cur]: an I-X label may only follow B-X or I-X. prev = L is the start state. */
const allowed = new Uint8Array((L + 1) * L);
for (let prev = 0; prev <= L; prev++) {
  for (let cur = 0; cur < L; cur++) {
    const isI = cur > 0 && cur % 2 === 0;
    allowed[prev * L + cur] = !isI || (prev < L && prev > 0 && Math.floor((prev - 1) / 2) === Math.floor((cur - 1) / 2)) ? 1 : 0;
  }
}

/**
 * emit: n*L emission scores; trans: (L+1)*L transition scores (row L = start).
 * Returns the best label per position.
 */
export function viterbi(n: number, emit: Float32Array, trans: Float32Array, bounds?: Uint8Array): Uint8Array {
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  const back = new Uint8Array(n * L);
  let prevScore = new Float32Array(L);
  let curScore = new Float32Array(L);
  for (let y = 0; y < L; y++)
    prevScore[y] =
      allowed[L * L + y] && !(bounds && y > 0 && y <= NAME_LABELS && !(bounds[0]! & START_OK))
        ? emit[y]! + trans[L * L + y]!
        : -Infinity;
  for (let i = 1; i < n; i++) {
    const eo = i * L;
    // A person, organisation or place may not end after char i - 1, nor start at i, unless bounds allow it.
    const noEnd = bounds ? !(bounds[i - 1]! & END_OK) : false;
    const noStart = bounds ? !(bounds[i]! & START_OK) : false;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      if (noStart && y > 0 && y <= NAME_LABELS && y % 2 === 1) {
        curScore[y] = -Infinity;
        back[eo + y] = 0;
        continue;
      }
      for (let q = 0; q < L; q++) {
        if (!allowed[q * L + y]) continue;
        if (noEnd && q > 0 && q <= NAME_LABELS && y !== 2 + 2 * ((q - 1) >> 1)) continue;
        const s = prevScore[q]! + trans[q * L + y]!;
        if (s > best) {
          best = s;
          arg = q;
        }
      }
      curScore[y] = best + emit[eo + y]!;
      back[eo + y] = arg;
    }
    const tmp = prevScore;
    prevScore = curScore;
    curScore = tmp;
  }
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++)
    if (prevScore[y]! > best) {
      best = prevScore[y]!;
      arg = y;
    }
  labels[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) {
    arg = back[i * L + arg]!;
    labels[i - 1] = arg;
  }
  return labels;
}

const MONEY_UNIT = new RegExp(
  `(?:[0-9일이삼사오육칠팔구십백천만억조경]\\s?여?\\s?|[0-9일이삼사오육칠팔구십백천만억조경])(?:캐나다|홍콩|호주|싱가포르|대만|뉴질랜드|미국|미)?(?:${CURRENCY_UNITS.join('|')})(?:대|권|어치)?$`,
);
const CLOCK = /^(?:(?:오전|오후|새벽|밤|낮)\s?)?[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?$/;
const MONEY_SYMBOL = /^[$₩€£¥]\s?[0-9]/;

/** The corpus rule for telling an amount of money from another quantity (ko-klue README). */
export function isMoney(span: string): boolean {
  return MONEY_SYMBOL.test(span) || MONEY_UNIT.test(span);
}

const TYPE_NAMES: Record<(typeof TYPES)[number], KoreanEntityType> = {
  PS: 'person',
  OG: 'org',
  LC: 'place',
  DT: 'date',
  TI: 'time',
  QT: 'quantity',
};

/** BIO labels → spans (a stray I starts a span), spaces trimmed, QT split into money/quantity. */
export function labelsToSpans(text: string, labels: Uint8Array): KoreanEntity[] {
  const out: KoreanEntity[] = [];
  const n = labels.length;
  let i = 0;
  while (i < n) {
    const y = labels[i]!;
    if (y === 0) {
      i++;
      continue;
    }
    const t = Math.floor((y - 1) / 2);
    let j = i + 1;
    while (j < n && labels[j] === 2 + 2 * t) j++;
    let s = i,
      e = j;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) {
      let type = TYPE_NAMES[TYPES[t]!];
      const span = text.slice(s, e);
      if (type === 'quantity' && isMoney(span)) type = 'money';
      // Clock times (16:20, 오후 3:30) are TIME in KLUE; the model sometimes calls them quantities.
      if (type === 'quantity' && CLOCK.test(span)) type = 'time';
      out.push({ start: s, end: e, type });
    }
    i = j;
  }
  return out;
}
