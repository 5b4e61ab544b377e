// Listed companies: KOSPI/KOSDAQ and the S&P 500, looked up by Korean name, English name or a
// common short form. The table is built by scripts/build-tickers.mjs. Nothing here touches the
// network: `quoteUrl` only makes the address a ticker link opens when the user clicks it.
import data from '@/lib/entities/data/tickers.json';
import { stripParticles } from '@/lib/entities/particles';
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
  const k = tickerKey(name);
  return k ? (tickerIndex().get(k) ?? null) : null;
}

const KOREA_CONTEXT = /\b(?:Korea|Korean|Koreans|Seoul|KOSPI|KOSDAQ|KRX|chaebol)\b/i;

/**
 * The listing an organisation's name refers to in a text. A Korean listing named by one Latin word
 * is linked only when the text is about Korea: its English name may be a foreign company's too
 * (테스 files "TESCO" with DART; "Tesco" in a British story is not 테스). Korean names, names of
 * two words or more ("Samsung Electronics") and US listings need no such context.
 */
export function tickerInText(name: string, text: string): Ticker | null {
  const ticker = lookupTicker(name);
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
    // A one-syllable particle that also ends names goes only when what is left is a listed name.
    const stem = lookupTicker(w[0]) ? w[0] : stripParticles(w[0]);
    if (isAmbiguousName(stem)) continue;
    const ticker = lookupTicker(stem);
    if (ticker) out.push({ start, end: start + stem.length, ticker });
  }
  return out;
}

/** The quote page a ticker link opens (only when clicked): Naver Finance for KRX, Yahoo Finance for US. */
export function quoteUrl(ticker: Ticker): string {
  if (ticker.market === 'KOSPI' || ticker.market === 'KOSDAQ')
    return `https://finance.naver.com/item/main.naver?code=${encodeURIComponent(ticker.code)}`;
  return `https://finance.yahoo.com/quote/${encodeURIComponent(ticker.code.replace('.', '-'))}`;
}
