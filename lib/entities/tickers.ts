// Listed companies: KOSPI/KOSDAQ and the S&P 500, looked up by Korean name, English name or a
// common short form. The table is built by scripts/build-tickers.mjs. Nothing here touches the
// network: `quoteUrl` only makes the address a ticker link opens when the user clicks it.
import data from '@/lib/entities/data/tickers.json';
import { stripParticles } from '@/lib/entities/particles';
import { isCommonWord, lexiconTag } from '@/lib/entities/en-words';
import { isCommonKoreanWord } from '@/lib/entities/korean/evidence';
import { isCommonNoun } from '@/lib/entities/korean/nouns';
import type { Ticker } from '@/lib/entities/types';

type Row = [code: string, market: string, name: string, aliases?: string[]];

/** Names compared without case, spaces or dots: "SK Hynix" = "SK hynix", "록히드 마틴" = "록히드마틴". */
const tickerKey = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.·]/g, '');

let index: Map<string, Ticker> | null = null;
function tickerIndex(): Map<string, Ticker> {
  if (index) return index;
  index = new Map();
  for (const [code, market, name, aliases = []] of (data as unknown as { rows: Row[] }).rows) {
    const ticker: Ticker = { code, market, name };
    for (const n of [name, ...aliases]) {
      const k = tickerKey(n);
      if (!index.has(k)) index.set(k, ticker);
    }
  }
  return index;
}

/** The listing a company name refers to, or null: "삼성전자", "Samsung Electronics", "하이닉스", "Oracle". */
export function lookupTicker(name: string): Ticker | null {
  // An article asks for the same words again and again (each word, with and without particles, and
  // each pair of words): the answers are kept, a few thousand at most.
  const known = looked.get(name);
  if (known !== undefined) return known;
  if (looked.size >= 5000) looked.clear();
  const k = tickerKey(name);
  // "Walt Disney Co.", "Apple Inc.": the legal form is left out of the names readers use.
  const bare = name.replace(LEGAL_FORM, '');
  const ticker = !k ? null : (tickerIndex().get(k) ?? (bare === name ? null : tickerIndex().get(tickerKey(bare))) ?? null);
  looked.set(name, ticker);
  return ticker;
}
const looked = new Map<string, Ticker | null>();
const LEGAL_FORM = /,?\s+(?:Inc|Corp|Co|Ltd|Company|Corporation|Incorporated|Holdings|plc|PLC|N\.V|S\.A|AG|SE)\.?$/;

const KOREA_CONTEXT = /\b(?:Korea|Korean|Koreans|Seoul|KOSPI|KOSDAQ|KRX|chaebol)\b/i;

// Words that place a name in business news: company words and titles, market words (Korean and
// English). A listed name that is also an ordinary word (동서, 태양, Block, Target, Nike) gets its
// ticker only with one of these near one of its mentions.
const COMPANY_KO =
  /주가|주식|상장|매출|실적|영업이익|순이익|시가총액|시총|코스피|코스닥|증권|공시|계열사|그룹|회장|부회장|사장|대표이사|임원|기업|회사|업체|브랜드|출시|인수|합병|지분|주주|㈜|\(주\)|공장|투자|신제품|점포|매장|CEO|최고경영자|플랫폼|포털|서비스|협업|제휴|계약|업계|파트너|자회사|모회사|상장사|창업|스타트업|직원|본사|사옥/;
const COMPANY_EN =
  /\b(?:shares?|stocks?|Inc\.?|Corp\.?|Co\.|company|companies|firm|CEO|chief executive|earnings|revenue|profits?|investors?|NYSE|Nasdaq|S&P|analysts?|quarterly|quarter|brand|retailer|maker|manufacturer|acquired|acquisition|merger|subsidiary|executives?|spokes(?:man|woman|person)|founder|headquarter(?:s|ed)|customers|products?|sales|IPO|valuation|market cap|stores|chain|giant|startup|supplier|rivals?|prices|invest(?:s|ed|ing|ment|ors)?|backed|funding|billion|million)\b|[$€£]\s?\d/i;
const CONTEXT = 80;

/**
 * True when a listed name is an ordinary word too and needs company evidence: a Korean common noun
 * or a Korean name of three syllables or fewer (동서, 대교, 신세계), an English word of the dictionary (Block, Target,
 * Apple) or one the lexicon knows as a place or a person (Corning, Nike). A name of two words or
 * more ("Home Depot") or a listing's full form ("Target Corporation") stands on its own.
 */
function ordinary(name: string): boolean {
  const bare = name.trim();
  if (/^[가-힣]+$/.test(bare)) return bare.length <= 3 || isCommonNoun(bare);
  if (/\s/.test(bare)) return false;
  return isCommonWord(bare) || lexiconTag(bare).some((t) => /Place|City|Country|Region|Person|Name|Noun|Adjective|Verb/.test(t));
}

let evidence: { text: string; seen: Map<string, boolean>; anywhere?: boolean } | null = null;
/** Company words anywhere in `text` (asked once per article). */
function companyAnywhere(text: string): boolean {
  if (evidence?.text !== text) evidence = { text, seen: new Map() };
  evidence.anywhere ??= COMPANY_EN.test(text) || COMPANY_KO.test(text);
  return evidence.anywhere;
}
/** Company words near any mention of `name` in `text` (one entity, one decision: asked once per name and article). */
function companyNear(name: string, text: string): boolean {
  if (evidence?.text !== text) evidence = { text, seen: new Map() };
  const known = evidence.seen.get(name);
  if (known !== undefined) return known;
  const words = /[가-힣]/.test(name) ? COMPANY_KO : COMPANY_EN;
  let found = false;
  for (let at = text.indexOf(name), n = 0; at >= 0 && n < 200 && !found; at = text.indexOf(name, at + name.length), n++) {
    const around = text.slice(Math.max(0, at - CONTEXT), at) + ' ' + text.slice(at + name.length, at + name.length + CONTEXT);
    found = words.test(around);
  }
  evidence.seen.set(name, found);
  return found;
}

/**
 * A listed name's ticker where the text gives it one: an ordinary word only with company words near
 * one of its mentions, another single Latin word (Netflix, Corning) only in a text with company words
 * somewhere (a town's or a goddess's name in a story about a holiday is no company).
 */
export function companyTicker(name: string, text: string): Ticker | null {
  const ticker = lookupTicker(name);
  if (!ticker) return null;
  if (ordinary(name)) return companyNear(name, text) ? ticker : null;
  return /\s/.test(name.trim()) || /[가-힣]/.test(name) || companyAnywhere(text) ? ticker : null;
}

/**
 * The listing an organisation's name refers to in a text. A Korean listing named by one Latin word
 * is linked only when the text is about Korea: its English name may be a foreign company's too
 * (테스 files "TESCO" with DART; "Tesco" in a British story is not 테스). Korean names, names of
 * two words or more ("Samsung Electronics") and US listings need no such context.
 */
export function tickerInText(name: string, text: string): Ticker | null {
  const ticker = companyTicker(name, text);
  if (!ticker || (ticker.market !== 'KOSPI' && ticker.market !== 'KOSDAQ')) return ticker;
  if (/[가-힣]/.test(name) || /\S\s+\S/.test(name.trim())) return ticker;
  // Asked once per organisation of one article: the article is read once.
  if (context?.text !== text) context = { text, korea: KOREA_CONTEXT.test(text) };
  return context.korea ? ticker : null;
}
let context: { text: string; korea: boolean } | null = null;

/**
 * True when a name is too short or too common to be taken as a company without other evidence
 * (성우, 대원, SK, LG, Apple at the start of a sentence is decided by the caller).
 */
export function isAmbiguousName(name: string): boolean {
  return name.replace(/[^가-힣A-Za-z0-9]/g, '').length <= 2;
}

export interface TickerMention {
  start: number;
  end: number;
  ticker: Ticker;
}

/**
 * Company names from the ticker table written in Korean text, one eojeol (or two, for "록히드 마틴")
 * at a time, particles stripped: "삼성전자는" → 삼성전자. Short or common names are skipped.
 */
export function findKoreanTickerMentions(text: string): TickerMention[] {
  const out: TickerMention[] = [];
  const words = [...text.matchAll(/[가-힣A-Za-z0-9&]+/g)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const start = w.index;
    // Two words first ("록히드 마틴은"), when they stand one space apart.
    const next = words[i + 1];
    if (next && next.index === start + w[0].length + 1) {
      const stem = stripParticles(next[0]);
      const ticker = lookupTicker(`${w[0]} ${stem}`);
      if (ticker && /[가-힣]/.test(w[0])) {
        out.push({ start, end: next.index + stem.length, ticker });
        i++;
        continue;
      }
    }
    if (!/[가-힣]/.test(w[0])) continue;
    // A one-syllable particle that also ends names goes only when what is left is a listed name;
    // the longest listed name the word starts with, before particles, comes first ("테슬라는" is
    // 테슬라 and 는, not 테슬 and 라는).
    const stem = lookupTicker(w[0]) ? w[0] : (listedStem(w[0]) ?? stripParticles(w[0]));
    // Two syllables that are a common word (대상, 기아) are left to the model's organisations.
    if (stem.length < 2 || (isAmbiguousName(stem) && (isCommonNoun(stem) || isCommonKoreanWord(stem)))) continue;
    const ticker = companyTicker(stem, text);
    if (ticker) out.push({ start, end: start + stem.length, ticker });
  }
  return out;
}

const PARTICLE_TAIL =
  /^(?:은|는|이|가|을|를|의|과|와|도|에|에서|에게|으로|로|만|까지|부터|보다|처럼|이나|나|와의|과의|에서는|에서도|으로는|로는|이라는|라는|이란|란|랑|이랑|에는|에도|마저|조차)$/;
/** The longest listed name `word` starts with when the rest is a particle, or undefined. */
function listedStem(word: string): string | undefined {
  for (let k = 1; k <= 3 && k < word.length - 1; k++)
    if (PARTICLE_TAIL.test(word.slice(-k)) && lookupTicker(word.slice(0, -k))) return word.slice(0, -k);
  return undefined;
}

// In a module of its own, so the reader has it without the ticker table.
export { quoteUrl } from '@/lib/entities/quote';
