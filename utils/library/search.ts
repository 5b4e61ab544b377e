// Full-text search over the library, index-based so it stays fast at 10,000 articles.
//
// What is indexed (termsFor): the title and the plain text (the excerpt when an article has no
// text: bookmarks, imported items not fetched yet), folded — Unicode NFKD, accents and
// other combining diacritics removed, lower case, NFC again (so "Café" → "cafe", full-width
// "ＡＢＣ" → "abc", half-width katakana → full width; kana voicing marks are kept: が ≠ か).
// - Spaced scripts (Latin, Cyrillic, Greek…, and Korean Hangul, which is written with spaces):
//   each distinct word once, stored whole. Queries match word PREFIXES with a key range on the
//   multiEntry index (`startsWith`), so "cafe" finds "cafés" and "삼성" finds "삼성전자는".
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
// - At most MAX_TERMS distinct terms per article: the title's first, then the text's in order of
//   appearance, then the Korean suffixes. Text past that point of a very long article is not found.
//
// Query semantics: every query word must match (AND), in any order; filters (site, tag,
// read/unread) narrow further; results are newest first (savedAt, then URL). A query with nothing
// searchable in it (a single Latin letter or digit, punctuation) matches nothing.
//
// Cost (no full scan of any table's records): with several terms, each term's key range on the
// terms index is counted first, and the rarest is read first (primary keys only). Once the
// candidates are few (≤ smallSet), the other terms are checked on those candidates' term rows
// instead of reading more index ranges; when only a page is wanted (searchLibrary with a limit)
// and one term still leaves many candidates, the other terms are checked on term rows in result
// order until the page is full. Ordering reads the savedAt index keys (or the few candidates'
// metadata), then a page of metadata is read; contents are read only to verify 3+ character CJK
// queries, lazily, in result order.
import type { LibraryDB } from './db';
import type { ArticleMeta, LibraryFilter } from './types';

export const MAX_TERMS = 1500;
/** Longer words are cut to this length, at indexing and query time alike. */
export const MAX_TERM_LENGTH = 32;
/** Thresholds of the query plan (changed only by tests, to cover every path). */
export const SEARCH_TUNING = {
  /** Below this many candidates, remaining terms are checked on term rows rather than the index. */
  smallSet: 200,
  /** Up to this many results are ordered from their metadata; more by walking the savedAt index. */
  sortInMemory: 500,
};

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
 * One pass over folded text, by script: 1 CJK (Han, kana, ー 々 〆 〇 〻), 2 Hangul, 3 letters,
 * digits and marks of any other script (the general categories L, M, N are what is left once
 * punctuation P, symbols S, separators Z and controls C are excluded).
 */
const SEGMENT =
  /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005\u3006\u3007\u303b]+)|(\p{sc=Hangul}+)|([^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30fc\u3005\u3006\u3007\u303b\p{P}\p{S}\p{Z}\p{C}]+)/gu;

/** Korean particles and copulas, longest first. Only ever used to add a stem as an extra term. */
const PARTICLES = ['입니다', '에서', '에게', '으로', '까지', '부터', '보다', '처럼', '이다', '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '로', '만'];
const PARTICLE_ENDS = new Set(PARTICLES.map((p) => p[p.length - 1]!));
/** Endings of verbs and adjectives (했다, 하고, 하며, 하면서, 하게, 한데, 하니, 하니까…). */
const PREDICATE_END = /(다|고|며|면|서|게|자|요|죠|데|니|까|록|듯|던|지만)$/u;

function stripParticle(word: string): string | null {
  if (!PARTICLE_ENDS.has(word[word.length - 1]!)) return null;
  for (const p of PARTICLES) {
    if (word.length - p.length >= 2 && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return null;
}

const cut = (s: string) => (s.length > MAX_TERM_LENGTH ? [...s].slice(0, MAX_TERM_LENGTH).join('') : s);

/** Adds the terms of folded text to `out` (words, stems, CJK grams) and `extra` (Korean suffixes). */
function collect(folded: string, out: Set<string>, extra: string[]): void {
  const re = new RegExp(SEGMENT);
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    if (out.size >= MAX_TERMS) return;
    const seg = m[0];
    if (m[3] !== undefined) {
      if (seg.length >= 2) out.add(cut(seg));
    } else if (m[2] !== undefined) {
      out.add(cut(seg));
      const stem1 = stripParticle(seg);
      const stem2 = stem1 && stripParticle(stem1);
      if (stem1) out.add(stem1);
      if (stem2) out.add(stem2);
      const base = stem2 || stem1 || seg;
      // parts of compound nouns start at the third syllable or later (삼성|전자, 대한|민국,
      // 경기|도|지사); predicates ("발표했다", "하면서") are not compounds worth splitting
      if (stem1 || !PREDICATE_END.test(seg)) {
        for (let i = 2; i + 2 <= base.length; i++) extra.push(cut(base.slice(i)));
      }
    } else if (seg.length === 1 || (seg.length === 2 && seg.charCodeAt(0) >= 0xd800 && seg.charCodeAt(0) < 0xdc00)) {
      out.add(seg);
    } else {
      const chars = [...seg];
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
      out.add(chars[chars.length - 1]!);
    }
  }
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

function* segments(folded: string): Generator<[Kind, string]> {
  const re = new RegExp(SEGMENT);
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    if (m[1] !== undefined) yield ['cjk', m[0]];
    else if (m[2] !== undefined) yield ['hangul', m[0]];
    else yield ['word', m[0]];
  }
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

function intersect(a: Set<string> | null, b: Iterable<string>): Set<string> {
  if (a === null) return new Set(b);
  const out = new Set<string>();
  for (const x of b) if (a.has(x)) out.add(x);
  return out;
}

interface Plan {
  /** Candidate URLs (unordered), or null for every article. */
  set: Set<string> | null;
  /** Query terms not applied to `set` yet: checked on the candidates' term rows, in result order. */
  lazy: string[];
}

const hasPrefix = (terms: readonly string[], prefix: string) => terms.some((x) => x.startsWith(prefix));

/**
 * The candidates passing the site/tag/read filters and the query's terms. With several terms,
 * each term's index range is counted first (a count transfers no keys) and the rarest is read
 * first. Once the candidates are few, the other terms are checked on their term rows; when only
 * a page is wanted (`lazy`) and the candidates are still many after one term, the other terms are
 * left to be checked in result order until the page is full.
 */
async function candidates(db: LibraryDB, filter: LibraryFilter, q: ParsedQuery, lazy: boolean): Promise<Plan> {
  const filters: (() => Promise<string[]>)[] = [];
  if (filter.site !== undefined) filters.push(() => db.articles.where('site').equals(filter.site!).primaryKeys());
  if (filter.tag !== undefined) filters.push(() => db.articles.where('tags').equals(filter.tag!).primaryKeys());
  if (filter.read === 'read') filters.push(() => db.articles.where('readAt').above(0).primaryKeys());
  if (filter.read === 'unread') filters.push(() => db.articles.where('readAt').equals(0).primaryKeys());
  let set: Set<string> | null = null;
  for (const keys of filters) {
    if (set?.size === 0) return { set, lazy: [] };
    set = intersect(set, await keys());
  }
  if (q.blank) return { set, lazy: [] };
  if (q.terms.length === 0) return { set: new Set(), lazy: [] };
  let terms = q.terms;
  if (terms.length > 1) {
    const counts = await Promise.all(terms.map((term) => db.terms.where('terms').startsWith(term).count()));
    terms = terms.map((term, i) => [term, counts[i]!] as const).sort((a, b) => a[1] - b[1] || b[0].length - a[0].length).map(([term]) => term);
  }
  for (let i = 0; i < terms.length; i++) {
    if (set?.size === 0) return { set, lazy: [] };
    if (set && set.size <= SEARCH_TUNING.smallSet) {
      const rest = terms.slice(i);
      const rows = await db.terms.bulkGet([...set]);
      const out = new Set<string>();
      for (const row of rows) if (row && rest.every((term) => hasPrefix(row.terms, term))) out.add(row.url);
      return { set: out, lazy: [] };
    }
    if (set && lazy && i > 0) return { set, lazy: terms.slice(i) };
    set = intersect(set, await db.terms.where('terms').startsWith(terms[i]!).primaryKeys());
  }
  return { set, lazy: [] };
}

/** Newest first: savedAt descending, then URL descending (the savedAt index's order reversed). */
async function ordered(db: LibraryDB, set: Set<string> | null): Promise<string[]> {
  if (set !== null && set.size <= SEARCH_TUNING.sortInMemory) {
    const metas = (await db.articles.bulkGet([...set])).filter((m): m is ArticleMeta => !!m);
    metas.sort((a, b) => b.savedAt - a.savedAt || (a.url < b.url ? 1 : a.url > b.url ? -1 : 0));
    return metas.map((m) => m.url);
  }
  // Forward key reads use getAllKeys (fast); reverse ones would walk a cursor.
  const keys = await db.articles.orderBy('savedAt').primaryKeys();
  keys.reverse();
  return set === null ? keys : keys.filter((k) => set.has(k));
}

/**
 * Keeps, in order and until `want` are found, the URLs whose term rows have every `terms` prefix
 * and whose folded title + text contain every `needles` string (CJK runs of 3+ characters).
 */
async function checked(db: LibraryDB, urls: string[], terms: string[], needles: string[], want = Infinity): Promise<string[]> {
  if (needles.length === 0 && terms.length === 0) return urls.slice(0, want);
  const out: string[] = [];
  const CHUNK = 64;
  for (let i = 0; i < urls.length && out.length < want; i += CHUNK) {
    let chunk = urls.slice(i, i + CHUNK);
    if (terms.length) {
      const rows = await db.terms.bulkGet(chunk);
      chunk = chunk.filter((_, j) => {
        const row = rows[j];
        return !!row && terms.every((term) => hasPrefix(row.terms, term));
      });
    }
    if (needles.length && chunk.length) {
      const [metas, contents] = await Promise.all([db.articles.bulkGet(chunk), db.contents.bulkGet(chunk)]);
      chunk = chunk.filter((_, j) => {
        const hay = fold(`${metas[j]?.title ?? ''}\n${contents[j]?.text || metas[j]?.excerpt || ''}`);
        return needles.every((n) => hay.includes(n));
      });
    }
    for (const url of chunk) if (out.length < want) out.push(url);
  }
  return out;
}

function noFilter(filter: LibraryFilter): boolean {
  return !filter.query?.trim() && filter.site === undefined && filter.tag === undefined && filter.read === undefined;
}

/** Every matching URL, newest first (keys only: for a virtualized list). */
export async function matchUrls(db: LibraryDB, filter: LibraryFilter, want = Infinity): Promise<string[]> {
  const q = parseQuery(filter.query ?? '');
  return db.transaction('r', db.articles, db.contents, db.terms, async () => {
    const plan = await candidates(db, filter, q, Number.isFinite(want));
    const urls = await ordered(db, plan.set);
    return checked(db, urls, plan.lazy, q.verify, want);
  });
}

/** Matching articles, newest first; all of them unless `limit` is given. */
export async function searchLibrary(db: LibraryDB, filter: LibraryFilter, options: { limit?: number; offset?: number } = {}): Promise<ArticleMeta[]> {
  const limit = Math.max(0, options.limit ?? Infinity);
  const offset = Math.max(0, options.offset ?? 0);
  if (limit === 0) return [];
  if (noFilter(filter)) {
    let c = db.articles.orderBy('savedAt').reverse().offset(offset);
    if (Number.isFinite(limit)) c = c.limit(limit);
    return c.toArray();
  }
  return db.transaction('r', db.articles, db.contents, db.terms, async () => {
    const urls = (await matchUrls(db, filter, offset + limit)).slice(offset);
    const metas = await db.articles.bulkGet(urls);
    return metas.filter((m): m is ArticleMeta => !!m);
  });
}
