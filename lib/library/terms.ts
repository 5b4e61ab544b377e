// Search terms: what the library's search index holds of an article, and what a query asks of
// it. Pure, so the index (extension/library/search-index.ts), the search, the tests' brute-force
// oracles and the benchmark all make terms the same way.
//
// What is indexed (termsFor): the title and the plain text (the excerpt when an article has no
// text: bookmarks, imported items not fetched yet), folded — Unicode NFKD, accents and
// other combining diacritics removed, lower case, NFC again (so "Café" → "cafe", full-width
// "ＡＢＣ" → "abc", half-width katakana → full width; kana voicing marks are kept: が ≠ か).
// - Spaced scripts (Latin, Cyrillic, Greek…, and Korean Hangul, which is written with spaces):
//   each distinct word once, stored whole. Queries match word PREFIXES with a key range on the
//   posting blocks (extension/library/postings.ts), so "cafe" finds "cafés" and "삼성" finds "삼성전자는".
//   A word is split where the script changes ("LG전자" → "lg", "전자"). One-character words in
//   spaced scripts other than Hangul ("a", "I", "5") are not indexed.
// - Korean: besides the eojeol itself ("삼성전자는"), its stem with trailing particles removed
//   (up to two: "서울에서는" → "서울에서", "서울"; stems of 2+ syllables only) and the suffixes of
//   2+ syllables of the shortest stem that start at its third syllable or later ("삼성전자" →
//   "전자"; "경기도지사" → "도지사", "지사"), where the second part of a compound noun begins
//   (Sino-Korean morphemes are mostly two syllables). So "전자" finds "삼성전자는", "민국" finds
//   "대한민국의", "시장" finds "성남시장과"; a part starting at the second syllable is not found
//   ("성전자", "통령" in "대통령"), nor a part of a predicate ("표했다"), and a query that carries its own particle matches from the
//   start of a word only ("전자는" does not find "삼성전자는"; "삼성전자는" does). Suffixes cost
//   about 15-20% more Korean terms; dropping them changes what old indexes match (rebuild).
// - Japanese and Chinese (Han, hiragana, katakana, ー 々): each run becomes its character bigrams,
//   plus the run's last character alone (so every character starts some term and a one-character
//   query finds it anywhere). A query of 2 characters is one bigram; a query of 3+ characters needs
//   all its bigrams, and the candidates are then verified against the stored text (the only
//   place search reads article text), so "東京都" does not match "京都と東京".
// - The notes of the reader's highlights on an article are indexed with it, after its title (the
//   highlighted passages are in its text already): search finds an article by a note's word.
// - At most MAX_TERMS distinct terms per article: the title's (and notes') first, then the text's in order of
//   appearance, then the Korean suffixes. Text past that point of a very long article is not found.
//
// Query semantics: every query word must match (AND), in any order; filters (site, tag,
// read/unread) narrow further; results are newest first (savedAt, then URL). A query with nothing
// searchable in it (a single Latin letter or digit, punctuation) matches nothing.
import type { ArticleMeta } from '@/lib/library/types';

export const MAX_TERMS = 1500;
/** Longer words are cut to this length, at indexing and query time alike. */
const MAX_TERM_LENGTH = 32;
/** Combining diacritical marks (Latin, Greek, Cyrillic accents), not kana voicing or Indic vowel signs. */
// eslint-disable-next-line no-misleading-character-class -- ranges of combining marks, on purpose
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
const LETTER_MAP: Record<string, string> = { ß: 'ss', ø: 'o', đ: 'd', ł: 'l', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };
const MAPPED = /[ßøđłæœıþ]/g;

/** Text that folding leaves alone but for case: ASCII, Hangul syllables, common quotes and dashes. */
const SIMPLE = /^[\t\n\r\x20-\x7e\uac00-\ud7a3\u2013\u2014\u2018-\u201f\u00b7]*$/;

/** Search folding: NFKD, lower case, diacritics removed, a few letters spelled out, NFC. */
export function fold(s: string): string {
  if (SIMPLE.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(DIACRITICS, '')
    .replace(MAPPED, (c) => LETTER_MAP[c] ?? c)
    .normalize('NFC');
}

/**
 * Folded text is cut into runs by script: CJK (Han, kana, ー 々 〆 〇 〻), Hangul, and WORD:
 * letters, digits and marks of any other script (the general categories L, M, N are what is left
 * once punctuation P, symbols S, separators Z and controls C are excluded). What a global match of
 * /([CJK]+)|(\p{sc=Hangul}+)|([WORD]+)/gu finds, by a table lookup per code point (2.4× faster,
 * and most of the cost of indexing an import).
 */
const SEGMENT_CLASSES = {
  cjk: /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005\u3006\u3007\u303b]/u,
  hangul: /\p{sc=Hangul}/u,
  none: /[\p{P}\p{S}\p{Z}\p{C}]/u,
};
const NONE = 0;
const CJK = 1;
const HANGUL = 2;
const WORD = 3;
type SegmentClass = typeof CJK | typeof HANGUL | typeof WORD;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (SEGMENT_CLASSES.cjk.test(ch)) return CJK;
  if (SEGMENT_CLASSES.hangul.test(ch)) return HANGUL;
  return SEGMENT_CLASSES.none.test(ch) ? NONE : WORD;
}

/** Class + 1 of each BMP code point met so far (0: not yet known); astral ones in a map. */
const BMP_CLASS = new Uint8Array(0x10000);
const ASTRAL_CLASS = new Map<number, number>();

function classOf(cp: number): number {
  if (cp >= 0xac00 && cp <= 0xd7a3) return HANGUL;
  if (cp < 0x10000) {
    const known = BMP_CLASS[cp]!;
    if (known) return known - 1;
    const k = classify(cp);
    BMP_CLASS[cp] = k + 1;
    return k;
  }
  let k = ASTRAL_CLASS.get(cp);
  if (k === undefined) ASTRAL_CLASS.set(cp, (k = classify(cp)));
  return k;
}

/**
 * Calls `visit` with each maximal run of code points of one class (what a global match of
 * `(CJK+)|(Hangul+)|(WORD+)` finds, by a table lookup per code point) until it returns false.
 */
function eachSegment(s: string, visit: (kind: SegmentClass, seg: string) => boolean | void): void {
  const n = s.length;
  let i = 0;
  let k = NONE;
  let width = 1;
  const read = (at: number) => {
    let cp = s.charCodeAt(at);
    width = 1;
    if (cp >= 0xd800 && cp < 0xdc00 && at + 1 < n) {
      const low = s.charCodeAt(at + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    k = classOf(cp);
  };
  while (i < n) {
    read(i);
    if (k === NONE) {
      i += width;
      continue;
    }
    const kind = k as SegmentClass;
    let j = i + width;
    while (j < n) {
      read(j);
      if (k !== kind) break;
      j += width;
    }
    if (visit(kind, s.slice(i, j)) === false) return;
    i = j;
  }
}

/** Korean particles and copulas, longest first. Only ever used to add a stem as an extra term. */
const PARTICLES = [
  '입니다',
  '에서',
  '에게',
  '으로',
  '까지',
  '부터',
  '보다',
  '처럼',
  '이다',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '와',
  '과',
  '도',
  '로',
  '만',
];
/** The particles by their last character, in the order above. */
const PARTICLES_BY_END = new Map<string, string[]>();
for (const p of PARTICLES) PARTICLES_BY_END.set(p[p.length - 1]!, [...(PARTICLES_BY_END.get(p[p.length - 1]!) ?? []), p]);
/** Endings of verbs and adjectives (했다, 하고, 하며, 하면서, 하게, 한데, 하니, 하니까…). */
const PREDICATE_ENDS = new Set(['다', '고', '며', '면', '서', '게', '자', '요', '죠', '데', '니', '까', '록', '듯', '던']);
const isPredicate = (word: string) => PREDICATE_ENDS.has(word[word.length - 1]!) || word.endsWith('지만');

function stripParticle(word: string): string | null {
  const candidates = PARTICLES_BY_END.get(word[word.length - 1]!);
  if (!candidates) return null;
  for (const p of candidates) {
    if (word.length - p.length >= 2 && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return null;
}

const cut = (s: string) => (s.length > MAX_TERM_LENGTH ? [...s].slice(0, MAX_TERM_LENGTH).join('') : s);

/** Adds the terms of folded text to `out` (words, stems, CJK grams) and `extra` (Korean suffixes). */
function collect(folded: string, out: Set<string>, extra: string[]): void {
  eachSegment(folded, (kind, seg) => {
    if (out.size >= MAX_TERMS) return false;
    if (kind === WORD) {
      if (seg.length >= 2) out.add(cut(seg));
    } else if (kind === HANGUL) {
      out.add(cut(seg));
      const stem1 = stripParticle(seg);
      const stem2 = stem1 && stripParticle(stem1);
      if (stem1) out.add(stem1);
      if (stem2) out.add(stem2);
      const base = stem2 || stem1 || seg;
      // parts of compound nouns start at the third syllable or later (삼성|전자, 대한|민국,
      // 경기|도|지사); predicates ("발표했다", "하면서") are not compounds worth splitting
      if (stem1 || !isPredicate(seg)) {
        for (let i = 2; i + 2 <= base.length; i++) extra.push(cut(base.slice(i)));
      }
    } else if (seg.length === 1 || (seg.length === 2 && seg.charCodeAt(0) >= 0xd800 && seg.charCodeAt(0) < 0xdc00)) {
      out.add(seg);
    } else {
      const chars = [...seg];
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
      out.add(chars[chars.length - 1]!);
    }
  });
}

/** The search terms of an article: title terms first, at most MAX_TERMS. */
export function termsFor(title: string, text: string): string[] {
  const out = new Set<string>();
  const addAll = (terms: string[]) => {
    for (const term of terms) {
      if (out.size >= MAX_TERMS) return;
      out.add(term);
    }
  };
  const titleExtra: string[] = [];
  collect(fold(title), out, titleExtra);
  addAll(titleExtra);
  const extra: string[] = [];
  collect(fold(text), out, extra);
  addAll(extra);
  return [...out];
}

type Kind = 'cjk' | 'hangul' | 'word';

/** The runs of folded text by script, in order. */
export function segments(folded: string): [Kind, string][] {
  const out: [Kind, string][] = [];
  eachSegment(folded, (kind, seg) => void out.push([kind === CJK ? 'cjk' : kind === HANGUL ? 'hangul' : 'word', seg]));
  return out;
}

export interface ParsedQuery {
  /** Prefix terms, all of which must match. */
  terms: string[];
  /** Folded CJK runs of 3+ characters the stored text must contain. */
  verify: string[];
  /** The query held something (even if nothing searchable). */
  blank: boolean;
}

export function parseQuery(query: string): ParsedQuery {
  const terms = new Set<string>();
  const verify: string[] = [];
  for (const [kind, seg] of segments(fold(query))) {
    if (kind === 'word') {
      if (seg.length >= 2) terms.add(cut(seg));
    } else if (kind === 'hangul') {
      terms.add(cut(seg));
    } else {
      const chars = [...seg];
      if (chars.length === 1) terms.add(seg);
      for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
      if (chars.length >= 3) verify.push(seg);
    }
  }
  // A term that is a prefix of another adds nothing: the longer one's match implies it.
  const list = [...terms].filter((term) => ![...terms].some((o) => o !== term && o.startsWith(term)));
  return { terms: list, verify, blank: query.trim() === '' };
}

/** The prefix terms of a query, built the same way as the index. */
export function queryTerms(query: string): string[] {
  return parseQuery(query).terms;
}

/** True when one of the space-joined `terms` starts with `prefix`. */
export function hasPrefix(terms: string, prefix: string): boolean {
  return terms.startsWith(prefix) || terms.includes(` ${prefix}`);
}

/** What is searched of an article: its title and text, or its excerpt when it has no text. */
export function termsOf(meta: Pick<ArticleMeta, 'title' | 'excerpt'>, text: string, notes = ''): string[] {
  // The reader's notes on the article count as its words too, right after the title (a note is
  // short and the user's own: it must not fall past MAX_TERMS in a long article).
  return termsFor(notes ? `${meta.title}\n${notes}` : meta.title, text || meta.excerpt || '');
}
