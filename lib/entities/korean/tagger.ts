// Runs a decoded model over a text: features → emission scores → Viterbi → spans.
import type { KoreanModel } from '@/lib/entities/korean/codec';
import { domainCopy, extractFeatures, nameBounds, NF } from '@/lib/entities/korean/features';
import { PERSON_TITLES, SURNAMES } from '@/lib/entities/korean/lexicon';
import { labelsToSpans, viterbi, type KoreanEntity } from '@/lib/entities/korean/decode';
import { isCommonNoun } from '@/lib/entities/korean/nouns';
import { ORG_HEADS } from '@/lib/entities/korean/common-words';

let featBuf = new Int32Array(0);

/** 미국인, 일본인들: a place followed by 인 (and a particle or the end of the word) is a nationality, not tagged in KLUE. */
const NATIONALITY = /^인(?:들)?(?:[은는이가을를의과와도에]|[^가-힣]|$)/;

/**
 * The tagger's rules after the model. The defaults are what the extension ships; the training script
 * turns one off to measure what it is worth (node scripts/train-korean-ner.mjs --eval --no-bounds).
 * Passed per call, so no caller can change how another one tags.
 */
export interface TaggerOptions {
  /** A "person" that is exactly a common noun (골키퍼, 주유소) is dropped. */
  nounFilter: boolean;
  /** Names end and start only where nameBounds allows (a particle, a title, the word's end). */
  nameBounds: boolean;
  /** How far mergePlaces goes: 0 off, 1 places with places, 2 also a one-word place with the organisation after it, 3 any place with the organisation after it. */
  placeMerge: 0 | 1 | 2 | 3;
  /** Glosses in brackets after a name are tagged (glossNames). */
  glosses: boolean;
  /** Places take the smaller division after them (extendPlaces). */
  placeUnits: boolean;
}

const SHIPPED_OPTIONS: Readonly<TaggerOptions> = Object.freeze({
  nounFilter: true,
  nameBounds: true,
  placeMerge: 2,
  glosses: true,
  placeUnits: true,
});

/**
 * Entities in `text` by `model`. `companies` is the company-name gazetteer the model was trained
 * with (companyNames(COMPANY_NAMES) for the shipped model).
 */
export function tagWithModel(
  model: KoreanModel,
  companies: ReadonlySet<string>,
  text: string,
  options: Partial<TaggerOptions> = {},
): KoreanEntity[] {
  const o: TaggerOptions = { ...SHIPPED_OPTIONS, ...options };
  const n = text.length;
  if (n === 0) return [];
  if (featBuf.length < n * NF) featBuf = new Int32Array(Math.max(n * NF, 4096 * NF));
  const feats = extractFeatures(text, model.bits, companies, featBuf);
  const L = model.labels;
  const W = model.weights;
  const news = model.flags & 1;
  const used = usedBuckets(model);
  const emit = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    const eo = i * L;
    for (let k = i * NF, end = k + NF; k < end; k++) {
      const fi = feats[k]!;
      if (fi < 0) continue;
      if (used[fi]) for (let y = 0, wo = fi * L; y < L; y++) emit[eo + y] = emit[eo + y]! + W[wo + y]!;
      if (!news) continue;
      const fd = domainCopy(fi, 1, model.bits);
      if (used[fd]) for (let y = 0, wo = fd * L; y < L; y++) emit[eo + y] = emit[eo + y]! + W[wo + y]!;
    }
  }
  let spans = labelsToSpans(text, viterbi(n, emit, model.trans, o.nameBounds ? nameBounds(text) : undefined));
  spans = dropCoordinationPieces(text, spans);
  spans = mergePlaces(text, spans, o.placeMerge);
  if (o.placeUnits) spans = extendPlaces(text, spans);
  if (o.glosses) spans = glossNames(text, spans);
  return spans
    .map((e) => (e.type === 'person' ? fullName(text, e) : e))
    .map((e) =>
      NAME_TYPE_INDEX[e.type] === undefined ? e : { ...e, score: spanMargin(emit, L, e, NAME_TYPE_INDEX[e.type]!, text) },
    )
    .filter(
      (e) =>
        !(o.nounFilter && e.type === 'person' && commonNounPerson(text.slice(e.start, e.end))) &&
        !(e.type === 'place' && NATIONALITY.test(text.slice(e.end, e.end + 3))),
    );
}

const usedOf = new WeakMap<KoreanModel, Uint8Array>();
/**
 * Which feature buckets hold a weight (a third of them in the shipped model), so that the emission sums skip
 * the empty ones: the sums' share of the tagger's time fell by about a tenth (a CPU profile). Once
 * per model.
 */
function usedBuckets(model: KoreanModel): Uint8Array {
  let used = usedOf.get(model);
  if (used) return used;
  const { weights: W, labels: L } = model;
  used = new Uint8Array(W.length / L);
  for (let b = 0; b < used.length; b++)
    for (let y = 0; y < L; y++)
      if (W[b * L + y]) {
        used[b] = 1;
        break;
      }
  usedOf.set(model, used);
  return used;
}

// The index of a name type among the model's types (B label 1 + 2k, I label 2 + 2k).
const NAME_TYPE_INDEX: Partial<Record<KoreanEntity['type'], number>> = { person: 0, org: 1, place: 2 };

/**
 * How far the model prefers the span's type over "no entity", per character (spaces skipped): the
 * mean over the span of the better of its B and I emission scores minus the O score. Low on names
 * the model barely chose; recognize() turns it into a confidence.
 */
function spanMargin(emit: Float32Array, L: number, e: KoreanEntity, k: number, text: string): number {
  let sum = 0;
  let n = 0;
  for (let i = e.start; i < e.end; i++) {
    if (text.charCodeAt(i) === 32) continue;
    const o = i * L;
    sum += Math.max(emit[o + 1 + 2 * k]!, emit[o + 2 + 2 * k]!) - emit[o]!;
    n++;
  }
  return n ? sum / n : 0;
}

/** A "person" that is a common noun, or a common noun and a particle (제안은, 기록은, 부족과). */
export function commonNounPerson(word: string): boolean {
  if (isCommonNoun(word)) return true;
  const m = /^([가-힣]{2,4})(?:은|는|을|를|과|와|이|가|의|도|에|에서|으로|로)$/.exec(word);
  return !!m && isCommonNoun(m[1]!);
}

const stripParticle = (w: string): string =>
  w.replace(/[^가-힣A-Za-z]+$/, '').replace(/(은|는|이|가|을|를|의|과|와|에게|도)$/, '');

/**
 * 손정의 회장: a three-syllable name whose last syllable is also a particle (의, 이, 은) is cut to two
 * syllables by the tagger. Extend it when it starts with a surname and a title follows within two words.
 */
function fullName(text: string, e: KoreanEntity): KoreanEntity {
  if (e.end - e.start !== 2 || !SURNAMES.has(text[e.start]!) || !'의이은'.includes(text[e.end] ?? 'x')) return e;
  if (e.start > 0 && /[가-힣]/.test(text[e.start - 1]!)) return e;
  const after = text.slice(e.end + 1, e.end + 40);
  if (!/^\s/.test(after)) return e;
  const words = after.trim().split(/\s+/, 2).map(stripParticle);
  return words.some((w) => PERSON_TITLES.has(w)) ? { ...e, end: e.end + 1 } : e;
}

/**
 * KLUE tags a run of places one space apart as one place (중국 베이징, 서울 서초구 서초동; 83 such
 * spans against 2 adjacent separate places in the training news), and a place that qualifies the
 * organisation after it as part of the organisation (미국 법무부, 부산 동래경찰서, 중국 신화통신; 28
 * against 2). Spans the tagger found side by side are joined so. An address of several words
 * before an organisation (서울 서초동 대검찰청) stays a place of its own. From level 2 a one-word
 * place also takes an organisation's head noun written after it as one organisation (콜로라도 대학,
 * 일본 대표팀: ORG_HEADS; KLUE tags all 7 such places in the training news so, none as a place
 * alone). `level` is TaggerOptions.placeMerge.
 */
export function mergePlaces(
  text: string,
  spans: KoreanEntity[],
  level: TaggerOptions['placeMerge'] = SHIPPED_OPTIONS.placeMerge,
): KoreanEntity[] {
  if (!level) return spans;
  const out: KoreanEntity[] = [];
  for (const e of spans) {
    const last = out[out.length - 1];
    if (last && last.type === 'place' && e.start === last.end + 1 && text[last.end] === ' ') {
      const oneWord = !text.slice(last.start, last.end).includes(' ');
      if (e.type === 'place' || (e.type === 'org' && (level > 2 || (level === 2 && oneWord)))) {
        out[out.length - 1] = { start: last.start, end: e.end, type: e.type };
        continue;
      }
    }
    out.push(e);
  }
  return level >= 2 ? out.map((e, k) => withOrgHead(text, e, out[k + 1])) : out;
}

let orgHeads: ReadonlySet<string> | null = null;
const HEAD_PARTICLE = /(?:은|는|이|가|을|를|의|과|와|도|에|에서|으로|로)$/;
/** A one-word place and an organisation head noun as the next word (a particle may follow): one organisation. */
function withOrgHead(text: string, e: KoreanEntity, next: KoreanEntity | undefined): KoreanEntity {
  if (e.type !== 'place' || text[e.end] !== ' ' || text.slice(e.start, e.end).includes(' ')) return e;
  const m = /^[가-힣]+/.exec(text.slice(e.end + 1, e.end + 12));
  if (!m || (next && next.start < e.end + 1 + m[0].length)) return e;
  orgHeads ??= new Set(ORG_HEADS.split(' '));
  const head = orgHeads.has(m[0]) ? m[0] : m[0].replace(HEAD_PARTICLE, '');
  return orgHeads.has(head) ? { start: e.start, end: e.end + 1 + head.length, type: 'org' } : e;
}

// Members of a coordination written with a middle dot (·, ㆍ or ・).
const COORDINATION = /(?<![가-힣A-Za-z0-9])[가-힣]+(?:[·ㆍ・][가-힣]+)+/g;
/**
 * 상·하원, 여·야, 한·미, 대·중소기업: when a member before the last is one syllable, the members
 * share what follows (상·하원 is 상원 and 하원), so a name found inside the coordination is a piece of
 * it (하원 alone would name the lower house only). Such names are dropped; one that spans the
 * whole coordination stays.
 */
export function dropCoordinationPieces(text: string, spans: KoreanEntity[]): KoreanEntity[] {
  if (!/[·ㆍ・]/.test(text)) return spans;
  // [start, start of the last member, end] of each such coordination.
  const pieces: [number, number, number][] = [];
  for (const m of text.matchAll(COORDINATION)) {
    const members = m[0].split(/[·ㆍ・]/);
    const last = m.index + m[0].length - members[members.length - 1]!.length;
    if (members.slice(0, -1).some((w) => w.length === 1)) pieces.push([m.index, last, m.index + m[0].length]);
  }
  if (!pieces.length) return spans;
  return spans.filter((e) => !pieces.some(([a, last, b]) => e.start < b && e.end > a && !(e.start <= a && e.end > last)));
}

const HANJA_GLOSS = /^\(([\u3400-\u4dbf\u4e00-\u9fff]{2,})\)/;
const LATIN_GLOSS = /^\(([A-Za-z][A-Za-z&.' -]*[A-Za-z.])\)/;
/**
 * A name's gloss in brackets right after it is the same entity, as KLUE tags it: Hanja after a
 * person, organisation or place (베이징(北京), 아베 신조(安倍晋三); 11 of 13 such glosses in the
 * training news), Latin letters after an organisation (이투데이(etoday), 유럽연합(EU); 5 of 5).
 */
export function glossNames(text: string, spans: KoreanEntity[]): KoreanEntity[] {
  const out: KoreanEntity[] = [];
  for (let k = 0; k < spans.length; k++) {
    const e = spans[k]!;
    out.push(e);
    if (e.type !== 'person' && e.type !== 'org' && e.type !== 'place') continue;
    const after = text.slice(e.end, e.end + 40);
    const m = HANJA_GLOSS.exec(after) ?? (e.type === 'org' ? LATIN_GLOSS.exec(after) : null);
    if (!m) continue;
    const start = e.end + 1,
      end = start + m[1]!.length;
    const next = spans[k + 1];
    if (next && next.start < end + 1) continue;
    out.push({ start, end, type: e.type });
  }
  return out;
}

// An administrative division named after a larger place: 윈난성, 인주면, 반포동, 오카야마 현.
const DIVISION = /^(?:[가-힣]{1,2}(?:성|주|현|시|군|구|읍|면|동|리)|주|현|성)$/;
const DIVISION_PARTICLE = /(?:은|는|이|가|을|를|의|에|에서|에는|에서는|으로|로|과|와|도|까지|부터)$/;
/**
 * KLUE tags a place and the smaller division written after it as one place (중국 윈난성, 아산시
 * 인주면, 텍사스 주): a place the tagger found takes such a word after it (not a common noun, and
 * where nothing else was found).
 */
export function extendPlaces(text: string, spans: KoreanEntity[]): KoreanEntity[] {
  return spans.map((e, k) => {
    if (e.type !== 'place') return e;
    let end = e.end;
    const next = spans[k + 1];
    for (;;) {
      if (text[end] !== ' ') break;
      const m = /^[^\s]+/.exec(text.slice(end + 1, end + 20));
      if (!m) break;
      let word = m[0].replace(/[^가-힣A-Za-z0-9]+.*$/, '');
      if (!DIVISION.test(word) || isCommonNoun(word)) {
        const bare = word.replace(DIVISION_PARTICLE, '');
        if (bare === word || !DIVISION.test(bare) || isCommonNoun(bare)) break;
        word = bare;
      }
      if (next && next.start < end + 1 + word.length) break;
      end += 1 + word.length;
      if (word.length < m[0].length) break;
    }
    return end === e.end ? e : { ...e, end };
  });
}
