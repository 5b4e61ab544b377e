import type { Ticker } from '@/lib/entities/types';

/** The quote page a ticker link opens (only when clicked): Naver Finance for KRX, Yahoo Finance for US. */
export function quoteUrl(ticker: Ticker): string {
  if (ticker.market === 'KOSPI' || ticker.market === 'KOSDAQ')
    return `https://finance.naver.com/item/main.naver?code=${encodeURIComponent(ticker.code)}`;
  return `https://finance.yahoo.com/quote/${encodeURIComponent(ticker.code.replace('.', '-'))}`;
}
