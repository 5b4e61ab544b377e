// @vitest-environment node
import { findKoreanTickerMentions, isAmbiguousName, lookupTicker, quoteUrl, tickerInText } from '@/lib/entities/tickers';
import { recognize } from '@/lib/entities';
import { cleanEnglish, parseCsv } from '../../scripts/build-tickers.mjs';

describe('ticker lookup', () => {
  it('finds KOSPI companies by Korean name, English name and short form', () => {
    expect(lookupTicker('삼성전자')).toEqual({ code: '005930', market: 'KOSPI', name: '삼성전자' });
    expect(lookupTicker('Samsung Electronics')?.code).toBe('005930');
    expect(lookupTicker('SK하이닉스')?.code).toBe('000660');
    expect(lookupTicker('SK hynix')?.code).toBe('000660');
    expect(lookupTicker('하이닉스')?.code).toBe('000660');
    expect(lookupTicker('카카오')).toMatchObject({ code: '035720', market: 'KOSPI' });
    expect(lookupTicker('현대자동차')?.code).toBe('005380');
  });

  it('finds S&P 500 companies by name, short form and Korean spelling', () => {
    expect(lookupTicker('Oracle')).toMatchObject({ code: 'ORCL', market: 'NYSE/NASDAQ' });
    expect(lookupTicker('Oracle Corporation')?.code).toBe('ORCL');
    expect(lookupTicker('오라클')?.code).toBe('ORCL');
    expect(lookupTicker('Lockheed Martin')?.code).toBe('LMT');
    expect(lookupTicker('Lockheed')?.code).toBe('LMT');
    expect(lookupTicker('록히드 마틴')?.code).toBe('LMT');
  });

  it('has no preferred shares or SPACs, and no answer for unknown names', () => {
    expect(lookupTicker('삼성전자우')).toBeNull();
    expect(lookupTicker('오픈AI')).toBeNull();
    expect(lookupTicker('')).toBeNull();
  });

  it('finds listed companies in Korean text with particles, and skips short common names', () => {
    // Names of three syllables or fewer need company words near them (기업들): 카카오, 오라클.
    const text = '삼성전자는 SK하이닉스와 카카오, 오라클 등 기업들과 만났다. 성우는 대원에서 노래했다.';
    expect(findKoreanTickerMentions(text).map((m) => `${text.slice(m.start, m.end)}=${m.ticker.code}`)).toEqual([
      '삼성전자=005930',
      'SK하이닉스=000660',
      '카카오=035720',
      '오라클=ORCL',
    ]);
    expect(isAmbiguousName('성우')).toBe(true);
    expect(isAmbiguousName('LG')).toBe(true);
    expect(isAmbiguousName('삼성전자')).toBe(false);
  });

  it('links a Korean listing named by one English word only in a text about Korea', () => {
    // 테스 (KOSDAQ) files its English name as "TESCO"; the British grocer is not listed here.
    expect(tickerInText('Tesco', 'Tesco raised prices in its London stores.')).toBeNull();
    expect(tickerInText('Tesco', 'Tesco, the Korean chip-equipment maker, rose on the KOSDAQ.')?.code).toBe('095610');
    expect(tickerInText('Samsung Electronics', 'Samsung Electronics sold more phones.')?.code).toBe('005930');
    // "Oracle" is a dictionary word too: company words near it give the ticker.
    expect(tickerInText('Oracle', 'Oracle sold more databases to its customers.')?.code).toBe('ORCL');
    const uk = recognize('Tesco raised prices at its stores in London, the company said on Tuesday.', 'en').find(
      (s) => s.text === 'Tesco',
    );
    expect(uk?.type).toBe('org');
    expect(uk?.ticker).toBeUndefined();
  });

  it('makes quote addresses without requesting them', () => {
    expect(quoteUrl({ code: '005930', market: 'KOSPI', name: '삼성전자' })).toBe(
      'https://finance.naver.com/item/main.naver?code=005930',
    );
    expect(quoteUrl({ code: 'BRK.B', market: 'NYSE/NASDAQ', name: 'Berkshire Hathaway' })).toBe(
      'https://finance.yahoo.com/quote/BRK-B',
    );
  });
});

describe('build-tickers', () => {
  it('reads quoted CSV fields with commas and keeps codes as strings', () => {
    expect(parseCsv('code,name_en\n005930,"SAMSUNG ELECTRONICS CO,.LTD"\n')).toEqual([
      { code: '005930', name_en: 'SAMSUNG ELECTRONICS CO,.LTD' },
    ]);
  });
  it('cleans DART English names', () => {
    expect(cleanEnglish('SAMSUNG ELECTRONICS CO,.LTD')).toBe('Samsung Electronics');
    expect(cleanEnglish('SK hynix Inc.')).toBe('SK hynix');
    expect(cleanEnglish('Oracle Corporation')).toBe('Oracle');
  });
});
