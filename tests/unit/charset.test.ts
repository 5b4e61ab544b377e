// Real bytes of legacy-encoded pages (made by scripts/lib/legacy-encode.mjs from TextDecoder's own
// tables) decoded as a fetched page: the title and text must come out as written, not as mojibake.
import { decodePage, pageEncoding } from '@/lib/net/charset';
import { legacyEncode } from '../../scripts/lib/legacy-encode.mjs';

type Legacy = 'euc-kr' | 'shift_jis' | 'gb18030' | 'windows-1252';

const SAMPLES: Record<Legacy, { title: string; text: string }> = {
  'euc-kr': {
    title: '밤 10시 이후에도 문을 여는 공공도서관',
    text: '한빛시는 다음 달부터 시립 도서관 세 곳을 밤 11시까지 연다고 밝혔다. 참가 신청은 통합예약 누리집에서 받는다.',
  },
  shift_jis: {
    title: '夜も開く公共図書館、来月から',
    text: '市は来月から市立図書館三か所の開館時間を午後十一時まで延長すると発表した。申し込みは予約サイトで受け付ける。',
  },
  gb18030: {
    title: '公共图书馆下月起延长开放时间',
    text: '市政府宣布，从下个月起三家市立图书馆将开放到晚上十一点。市民可以在统一预约网站上报名参加活动。',
  },
  // Straight apostrophes: Node's TextDecoder reads windows-1252's 0x80–0x9F (’, €, …) as Latin-1
  // control characters, unlike browsers, so the test's encoder cannot write them.
  'windows-1252': {
    title: 'La bibliothèque ouvre après 22 h',
    text: "À partir du mois prochain, trois bibliothèques municipales resteront ouvertes jusqu'à 23 h, a annoncé la mairie. Les réservations se font en ligne ; l'entrée est gratuite. Café, crème brûlée et thé à volonté.",
  },
};

const page = (s: { title: string; text: string }, head = '', htmlAttrs = '') =>
  `<!doctype html><html${htmlAttrs}><head>${head}<title>${s.title}</title></head><body><article><h1>${s.title}</h1><p>${s.text}</p></article></body></html>`;

const encodings = Object.keys(SAMPLES) as Legacy[];

describe.each(encodings)('%s', (encoding) => {
  const sample = SAMPLES[encoding];
  test('declared only in the Content-Type header', () => {
    const bytes = legacyEncode(page(sample), encoding);
    expect(pageEncoding(bytes, `text/html; charset=${encoding}`)).toEqual({ encoding: expect.any(String), source: 'header' });
    expect(decodePage(bytes, `text/html; charset=${encoding}`)).toBe(page(sample));
  });
  test('declared only in <meta charset>', () => {
    const html = page(sample, `<meta charset="${encoding}">`);
    expect(pageEncoding(legacyEncode(html, encoding), 'text/html').source).toBe('meta');
    expect(decodePage(legacyEncode(html, encoding), 'text/html')).toBe(html);
  });
  test('declared only in <meta http-equiv="Content-Type">', () => {
    const html = page(sample, `<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=${encoding}">`);
    expect(decodePage(legacyEncode(html, encoding), null)).toBe(html);
  });
  test('not declared at all: guessed from the bytes', () => {
    const html = page(sample);
    const bytes = legacyEncode(html, encoding);
    expect(pageEncoding(bytes, 'text/html', 'https://news.example.com/a').encoding).toBe(new TextDecoder(encoding).encoding);
    expect(decodePage(bytes, 'text/html', 'https://news.example.com/a')).toBe(html);
  });
});

test('labels the Encoding standard knows as aliases work (ks_c_5601-1987, x-sjis, gb2312, latin1)', () => {
  for (const [label, encoding] of [
    ['ks_c_5601-1987', 'euc-kr'],
    ['x-sjis', 'shift_jis'],
    ['gb2312', 'gb18030'],
    ['latin1', 'windows-1252'],
  ] as const) {
    const html = page(SAMPLES[encoding]);
    expect(decodePage(legacyEncode(html, encoding), `text/html;charset="${label}"`)).toBe(html);
  }
});

test('a byte order mark wins over the header, and the header over <meta>', () => {
  const html = page(SAMPLES['euc-kr'], '<meta charset="shift_jis">');
  const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(html)]);
  expect(pageEncoding(utf8, 'text/html; charset=euc-kr')).toEqual({ encoding: 'utf-8', source: 'bom' });
  expect(decodePage(utf8, 'text/html; charset=euc-kr')).toBe(html);
  expect(decodePage(legacyEncode(html, 'euc-kr'), 'text/html; charset=euc-kr')).toBe(html);
});

test('an unknown label is ignored and the next source is used', () => {
  const html = page(SAMPLES['euc-kr'], '<meta charset="euc-kr">');
  expect(pageEncoding(legacyEncode(html, 'euc-kr'), 'text/html; charset=klingon')).toEqual({
    encoding: 'euc-kr',
    source: 'meta',
  });
});

test('a <meta> after the first 1024 bytes is not read; the guess still gets it right', () => {
  const html = page(SAMPLES['euc-kr'], `<!-- ${'x'.repeat(1100)} --><meta charset="euc-kr">`);
  expect(pageEncoding(legacyEncode(html, 'euc-kr'), null).source).toBe('sniffed');
  expect(decodePage(legacyEncode(html, 'euc-kr'), null)).toBe(html);
});

test('UTF-8 without any declaration stays UTF-8', () => {
  const html = page(SAMPLES['euc-kr']);
  expect(decodePage(new TextEncoder().encode(html), 'text/html')).toBe(html);
});

test("the page's language settles a short, ambiguous text", () => {
  // Two Korean syllables alone could be Chinese in GB18030; <html lang="ko"> says which.
  const html = page({ title: '속보', text: '속보' }, '', ' lang="ko"');
  expect(decodePage(legacyEncode(html, 'euc-kr'), 'text/html')).toBe(html);
  const zh = page({ title: '新闻', text: '新闻' }, '', ' lang="zh-CN"');
  expect(decodePage(legacyEncode(zh, 'gb18030'), 'text/html')).toBe(zh);
});
