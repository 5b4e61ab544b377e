// Feature extraction for the Korean character-level NER tagger. Shared by the runtime
// (index.ts) and the training script (scripts/train-korean-ner.mjs, which bundles this file),
// so that training and inference see exactly the same features.
//
// Every UTF-16 code unit of the text gets NF hashed feature ids (or -1 where a template does
// not apply). A feature id is a bucket in [0, 2^bits).

import {
  JOSA_SET,
  KNOWN_ORGS,
  KOREAN_PLACES,
  MORE_ORGS,
  MORE_PLACES,
  ORG_SUFFIXES,
  PERSON_TITLES,
  PLACE_SUFFIXES,
  SURNAMES,
  WORLD_PLACES,
} from '@/lib/entities/korean/lexicon';

/** Labels: 0 = O, then B/I pairs for the six KLUE types (QT covers money and quantity). */
export const TYPES = ['PS', 'OG', 'LC', 'DT', 'TI', 'QT'] as const;
export const NUM_LABELS = 1 + 2 * TYPES.length;

// Character classes.
const C_SPACE = 1,
  C_HANGUL = 2,
  C_HANJA = 3,
  C_UPPER = 4,
  C_LOWER = 5,
  C_DIGIT = 6,
  C_OPEN = 7,
  C_CLOSE = 8,
  C_QUOTE = 9,
  C_PUNCT = 10,
  C_OTHER = 11,
  C_NUMHAN = 12,
  C_BOUND = 13;
const KOREAN_NUMERALS = '일이삼사오육칠팔구십백천만억조경한두세네';

function charClass(code: number): number {
  if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000) return C_SPACE;
  if (code >= 0xac00 && code <= 0xd7a3) return KOREAN_NUMERALS.includes(String.fromCharCode(code)) ? C_NUMHAN : C_HANGUL;
  if (code >= 48 && code <= 57) return C_DIGIT;
  if (code >= 65 && code <= 90) return C_UPPER;
  if (code >= 97 && code <= 122) return C_LOWER;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return C_HANJA;
  if (
    code === 40 ||
    code === 91 ||
    code === 123 ||
    code === 0x3008 ||
    code === 0x300a ||
    code === 0x300c ||
    code === 0x300e ||
    code === 0x3010 ||
    code === 0xff08
  )
    return C_OPEN;
  if (
    code === 41 ||
    code === 93 ||
    code === 125 ||
    code === 0x3009 ||
    code === 0x300b ||
    code === 0x300d ||
    code === 0x300f ||
    code === 0x3011 ||
    code === 0xff09
  )
    return C_CLOSE;
  if (code === 34 || code === 39 || (code >= 0x2018 && code <= 0x201f)) return C_QUOTE;
  if (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126) ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x3000 && code <= 0x303f) ||
    code === 0xb7 ||
    code === 0x223c ||
    code === 0xff5e
  )
    return C_PUNCT;
  if (code >= 0x3131 && code <= 0x318e) return C_HANGUL;
  return C_OTHER;
}

const isWordClass = (c: number): boolean =>
  c === C_HANGUL || c === C_NUMHAN || c === C_HANJA || c === C_UPPER || c === C_LOWER || c === C_DIGIT || c === C_OTHER;

// Hashing: small integer mixing (deterministic, same in training and at run time).
function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return (h ^ (h >>> 15)) | 0;
}
function fin(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
function strHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

// Gazetteers: type code → set of entries.
const G_KPLACE = 1,
  G_WPLACE = 2,
  G_COMPANY = 3,
  G_ORG = 4;
const orgSet = new Set([...KNOWN_ORGS, ...MORE_ORGS]);
const kplaceSet = new Set(KOREAN_PLACES);
const wplaceSet = new Set([...WORLD_PLACES, ...MORE_PLACES]);
const MAX_GAZ = 16;
/** Suffixes by length, longest first: at most one of each length can end a word. */
const byLength = (list: readonly string[]): Array<[number, ReadonlySet<string>]> =>
  [...new Set(list.map((x) => x.length))].sort((a, b) => b - a).map((n) => [n, new Set(list.filter((x) => x.length === n))]);
const orgSuffixes = byLength(ORG_SUFFIXES);
const placeSuffixes = byLength(PLACE_SUFFIXES);
/** The longest suffix of `list` that `core` ends in, shorter than the core. */
function suffixOf(core: string, list: Array<[number, ReadonlySet<string>]>): string | undefined {
  for (const [n, set] of list) {
    if (core.length <= n) continue;
    const tail = core.slice(-n);
    if (set.has(tail)) return tail;
  }
  return undefined;
}
const MAX_JOSA = Math.max(...[...JOSA_SET].map((j) => j.length));

/**
 * The company-name gazetteer (KRX listed companies) from its list: the model loader builds it from
 * COMPANY_NAMES, the trainer from the KRX file, and both pass it to extractFeatures.
 */
export function companyNames(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.filter((n) => n.length >= 2));
}

export const NF = 45;

interface Token {
  start: number;
  end: number;
  coreStart: number;
  coreEnd: number;
  coreHash: number;
}

/** Splits the text into eojeols (runs of non-space) and finds each one's core (no edge punctuation, no trailing particle). */
function tokenize(text: string, cls: Uint8Array): Token[] {
  const toks: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (cls[i] === C_SPACE) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && cls[i] !== C_SPACE) i++;
    const end = i;
    // Split the eojeol further at punctuation runs: each run of word characters is a token.
    let j = start;
    while (j < end) {
      if (!isWordClass(cls[j]!)) {
        j++;
        continue;
      }
      const ws = j;
      while (j < end && isWordClass(cls[j]!)) j++;
      const we = j;
      let coreEnd = we;
      // Strip the longest particle suffix, keeping at least one character.
      for (let len = Math.min(MAX_JOSA, we - ws - 1); len >= 1; len--) {
        if (JOSA_SET.has(text.slice(we - len, we))) {
          coreEnd = we - len;
          break;
        }
      }
      toks.push({ start: ws, end: we, coreStart: ws, coreEnd, coreHash: 0 });
    }
  }
  // A three-syllable word that starts with a surname and stands before a title is a full name
  // (손정의 회장), even when its last syllable looks like a particle (의, 이, 은, …).
  for (let k = 0; k < toks.length; k++) {
    const tk = toks[k]!;
    const isTitle = (t: Token | undefined): boolean =>
      !!t && PERSON_TITLES.has(text.slice(t.start, t.end).replace(/(은|는|이|가|을|를|의|과|와|에게|도)$/, ''));
    // The title may follow the person's organisation: 손정의 소프트뱅크그룹 회장.
    if (
      tk.end - tk.start === 3 &&
      tk.coreEnd === tk.end - 1 &&
      SURNAMES.has(text[tk.start]!) &&
      (isTitle(toks[k + 1]) || isTitle(toks[k + 2]))
    )
      tk.coreEnd = tk.end;
    tk.coreHash = strHash(text, tk.start, tk.coreEnd);
  }
  return toks;
}

/** Bits of nameBounds(): a name may end after this char; a name may start at this char. */
export const END_OK = 1,
  START_OK = 2;

/**
 * Where a person, organisation or place may end and start (KLUE keeps particles, and titles written
 * onto the name, outside the span): a name ends at the end of a word (a run of letters and digits,
 * so before a space or punctuation), where letters change script (USA투데이), or where the rest of
 * the word is a particle (삼성전자는), a title (박사는, 교수를), a title then a particle, or 모
 * (김모 씨). It starts at the start of a word or where the script changes.
 */
export function nameBounds(text: string): Uint8Array {
  const n = text.length;
  const out = new Uint8Array(n);
  const cls = new Uint8Array(n);
  for (let i = 0; i < n; i++) cls[i] = charClass(text.charCodeAt(i));
  const group = (c: number): number => (c === C_HANGUL || c === C_NUMHAN ? 1 : c === C_UPPER || c === C_LOWER ? 2 : c);
  let i = 0;
  while (i < n) {
    if (!isWordClass(cls[i]!)) {
      out[i] = END_OK | START_OK;
      i++;
      continue;
    }
    const ws = i;
    while (i < n && isWordClass(cls[i]!)) i++;
    for (let j = ws; j < i; j++) {
      if (j === ws || group(cls[j]!) !== group(cls[j - 1]!)) out[j] = out[j]! | START_OK;
      if (j === i - 1 || group(cls[j]!) !== group(cls[j + 1]!) || restIsSuffix(text.slice(j + 1, i))) out[j] = out[j]! | END_OK;
    }
  }
  return out;
}
function restIsSuffix(rest: string): boolean {
  if (rest.startsWith('모')) rest = rest.slice(1);
  if (!rest || JOSA_SET.has(rest) || PERSON_TITLES.has(rest)) return true;
  for (let len = Math.min(MAX_JOSA, rest.length - 1); len >= 1; len--) {
    if (JOSA_SET.has(rest.slice(-len)) && PERSON_TITLES.has(rest.slice(0, -len))) return true;
  }
  return false;
}

/**
 * Domain copies ("frustratingly easy" domain adaptation): a model trained with them has, besides
 * each feature's shared weights, a news copy (domain 1) and a review copy (domain 2); the runtime
 * reads news, so it adds the news copy of every feature.
 */
export function domainCopy(f: number, domain: number, bits: number): number {
  return fin(mix(0x6d0 + domain, f)) & ((1 << bits) - 1);
}

/** Computes NF feature ids per code unit into out (length >= text.length * NF); `companies` from companyNames(). */
export function extractFeatures(text: string, bits: number, companies: ReadonlySet<string>, out?: Int32Array): Int32Array {
  const n = text.length;
  const mask = (1 << bits) - 1;
  const f = out && out.length >= n * NF ? out : new Int32Array(n * NF);
  f.fill(-1, 0, n * NF);
  if (n === 0) return f;
  const cc = new Uint16Array(n);
  const cls = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    cc[i] = text.charCodeAt(i);
    cls[i] = charClass(cc[i]!);
  }
  const code = (i: number): number => (i < 0 || i >= n ? 1 : cc[i]!);
  const klass = (i: number): number => (i < 0 || i >= n ? C_BOUND : cls[i]!);
  // Digits share one code in n-gram features of the "shape" kind; raw char n-grams keep them.
  const norm = (i: number): number => {
    const c = code(i);
    return c >= 48 && c <= 57 ? 48 : c;
  };

  const toks = tokenize(text, cls);
  // Per-position token info.
  const tokIdx = new Int32Array(n).fill(-1);
  for (let k = 0; k < toks.length; k++) for (let i = toks[k]!.start; i < toks[k]!.end; i++) tokIdx[i] = k;

  // Gazetteer roles: per position, per gazetteer, 0 none, 1 B, 2 I, 3 E, 4 S. Matches start at a token start and end at the core end.
  const gaz = new Uint8Array(n * 5);
  const tokFlags = new Uint8Array(toks.length * 4); // per token: org suffix idx, place suffix idx, surname flag, title flag
  const orgSufHash = new Int32Array(toks.length);
  const placeSufHash = new Int32Array(toks.length);
  for (let k = 0; k < toks.length; k++) {
    const tk = toks[k]!;
    const len = tk.coreEnd - tk.coreStart;
    // Longest gazetteer match from the token start ending at the core end or at the token end.
    for (const [g, set] of [
      [G_KPLACE, kplaceSet],
      [G_WPLACE, wplaceSet],
      [G_COMPANY, companies],
      [G_ORG, orgSet],
    ] as const) {
      // Entries of two or three words ("두산 베어스", "LA 다저스"): words one space apart, the last
      // one's core or the whole word.
      let multi = 0;
      for (let j = 2; j >= 1 && !multi; j--) {
        const last = toks[k + j];
        if (!last || last.start - tk.start > MAX_GAZ * 2) continue;
        let spaced = true;
        for (let q = 1; q <= j; q++)
          spaced &&= toks[k + q]!.start === toks[k + q - 1]!.end + 1 && text[toks[k + q - 1]!.end] === ' ';
        if (!spaced) continue;
        for (const e of [last.end, last.coreEnd]) {
          if (!set.has(text.slice(tk.start, e))) continue;
          for (let i = tk.start; i < e; i++) gaz[i * 5 + g] = i === tk.start ? 1 : i === e - 1 ? 3 : 2;
          multi = e;
          break;
        }
      }
      if (multi) continue;
      for (let e = Math.min(tk.end, tk.start + MAX_GAZ); e > tk.start; e--) {
        if (e !== tk.coreEnd && e !== tk.end && !JOSA_SET.has(text.slice(e, tk.end))) continue;
        if (set.has(text.slice(tk.start, e))) {
          for (let i = tk.start; i < e; i++) gaz[i * 5 + g] = e - tk.start === 1 ? 4 : i === tk.start ? 1 : i === e - 1 ? 3 : 2;
          break;
        }
      }
    }
    const core = text.slice(tk.coreStart, tk.coreEnd);
    const orgSuffix = suffixOf(core, orgSuffixes);
    if (orgSuffix) {
      tokFlags[k * 4] = 1;
      orgSufHash[k] = strHash(orgSuffix, 0, orgSuffix.length);
    }
    const placeSuffix = suffixOf(core, placeSuffixes);
    if (placeSuffix) {
      tokFlags[k * 4 + 1] = 1;
      placeSufHash[k] = strHash(placeSuffix, 0, placeSuffix.length);
    }
    const sur2 = len >= 3 && SURNAMES.has(core.slice(0, 2));
    if (len >= 2 && len <= 4 && (SURNAMES.has(core[0]!) || sur2)) tokFlags[k * 4 + 2] = len;
    if (PERSON_TITLES.has(core) || PERSON_TITLES.has(text.slice(tk.start, tk.end))) tokFlags[k * 4 + 3] = 1;
  }

  for (let i = 0; i < n; i++) {
    const o = i * NF;
    let p = 0;
    const put = (h: number): void => {
      f[o + p++] = fin(h) & mask;
    };
    const c0 = code(i),
      cm1 = code(i - 1),
      cp1 = code(i + 1),
      cm2 = code(i - 2),
      cp2 = code(i + 2);
    put(mix(1, 0));
    put(mix(2, c0));
    put(mix(3, cm1));
    put(mix(4, cp1));
    put(mix(5, cm2));
    put(mix(6, cp2));
    put(mix(mix(7, cm1), c0));
    put(mix(mix(8, c0), cp1));
    put(mix(mix(9, cm2), cm1));
    put(mix(mix(10, cp1), cp2));
    put(mix(mix(mix(11, cm1), c0), cp1));
    put(mix(mix(mix(12, cm2), cm1), c0));
    put(mix(mix(mix(13, c0), cp1), cp2));
    put(mix(mix(mix(14, klass(i - 1)), klass(i)), klass(i + 1)));
    put(mix(mix(mix(mix(mix(15, klass(i - 2)), klass(i - 1)), klass(i)), klass(i + 1)), klass(i + 2)));
    put(mix(mix(mix(16, norm(i - 1)), norm(i)), norm(i + 1)));
    const k = tokIdx[i]!;
    if (k < 0) {
      f[o + NF - 1] = fin(mix(17, klass(i))) & mask;
      continue;
    }
    const tk = toks[k]!;
    const clen = tk.coreEnd - tk.coreStart;
    // Role of this char in its token's core: 1 B, 2 I, 3 E, 4 S, 5 in the particle after the core.
    const role = i >= tk.coreEnd ? 5 : clen === 1 ? 4 : i === tk.coreStart ? 1 : i === tk.coreEnd - 1 ? 3 : 2;
    const lenB = Math.min(clen, 8);
    put(mix(mix(18, role), lenB));
    put(mix(mix(19, role), c0));
    put(mix(mix(20, role), tk.coreHash));
    put(mix(mix(mix(21, role), i - tk.coreStart), tk.coreHash));
    // Core suffixes (last one and two chars) with role.
    const last1 = text.charCodeAt(tk.coreEnd - 1);
    const last2 = clen >= 2 ? text.charCodeAt(tk.coreEnd - 2) : 1;
    put(mix(mix(22, role), last1));
    put(mix(mix(mix(23, role), last2), last1));
    // Particle after the core (hashed string) with role.
    put(mix(mix(24, role), tk.end > tk.coreEnd ? strHash(text, tk.coreEnd, tk.end) : 0));
    // Whether the token touches space or punctuation on each side.
    put(mix(mix(mix(25, role), klass(tk.start - 1)), klass(tk.end)));
    // Neighbouring tokens' cores.
    const prev = k > 0 ? toks[k - 1]! : null;
    const next = k + 1 < toks.length ? toks[k + 1]! : null;
    const adjPrev = prev && prev.end === tk.start ? 1 : 0;
    const adjNext = next && next.start === tk.end ? 1 : 0;
    put(mix(mix(26, role), prev ? prev.coreHash : 0));
    put(mix(mix(27, role), next ? next.coreHash : 0));
    put(mix(mix(mix(28, role), adjPrev), adjNext));
    put(mix(mix(mix(29, role), next ? tokFlags[(k + 1) * 4 + 3]! : 2), tokFlags[k * 4 + 2]!));
    put(mix(mix(30, role), prev ? tokFlags[(k - 1) * 4 + 3]! : 2));
    // Gazetteers.
    put(mix(mix(31, gaz[i * 5 + G_KPLACE]!), role));
    put(mix(mix(32, gaz[i * 5 + G_WPLACE]!), role));
    put(mix(mix(33, gaz[i * 5 + G_COMPANY]!), role));
    put(
      mix(
        mix(mix(34, gaz[i * 5 + G_KPLACE]! + 5 * gaz[i * 5 + G_WPLACE]!), gaz[i * 5 + G_COMPANY]!),
        next ? tokFlags[(k + 1) * 4 + 3]! : 2,
      ),
    );
    // Suffix lists.
    put(mix(mix(mix(35, tokFlags[k * 4]!), tokFlags[k * 4 + 1]!), role));
    put(mix(mix(36, orgSufHash[k]!), role));
    put(mix(mix(37, placeSufHash[k]!), role));
    // Surname: first char of a 2–4 char core that begins with a surname.
    put(mix(mix(mix(38, tokFlags[k * 4 + 2]!), role), SURNAMES.has(String.fromCharCode(c0)) ? 1 : 0));
    // Previous/next token gazetteer context (e.g. "서울 서초구", "미국 뉴욕").
    put(mix(mix(39, role), prev ? gaz[prev.start * 5 + G_KPLACE]! + 5 * gaz[prev.start * 5 + G_WPLACE]! : 9));
    put(
      mix(
        mix(40, role),
        next ? gaz[next.start * 5 + G_KPLACE]! + 5 * gaz[next.start * 5 + G_WPLACE]! + 25 * tokFlags[(k + 1) * 4 + 1]! : 99,
      ),
    );
    put(mix(mix(mix(41, role), c0), next ? next.coreHash : 0));
    put(mix(mix(mix(42, role), c0), prev ? prev.coreHash : 0));
    put(mix(mix(44, gaz[i * 5 + G_ORG]!), role));
    put(mix(mix(43, i - tk.start < 4 ? i - tk.start : 4), tk.end - i < 4 ? tk.end - i : 4));
  }
  return f;
}
