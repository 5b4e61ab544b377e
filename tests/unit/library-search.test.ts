// @vitest-environment node
// Search terms and queries: Korean, Japanese, Chinese and English, folding, filters, paging.
import { article, dropDbs, freshDb } from './library-helpers';
import type { LibraryDB } from '@/extension/library/db';
import { prng } from '@/lib/library/generate';
import { searchLibrary } from '@/extension/library/search';
import { indexPending, indexSettled } from '@/extension/library/search-index';
import { rebuildAll } from '@/extension/library/commit';
import { fold, MAX_TERMS, parseQuery, queryTerms, segments, termsFor } from '@/lib/library/terms';
import {
  listUrls,
  removeArticles,
  restoreArticles,
  saveArticle,
  saveBookmark,
  setRead,
  setTags,
} from '@/extension/library/store';

afterEach(dropDbs);

const T0 = Date.UTC(2024, 0, 1);

describe('folding and terms', () => {
  test('accents, case, compatibility forms folded; kana voicing kept', () => {
    expect(fold('Café RÉSUMÉ naïve Ærøskøbing Straße İstanbul')).toBe('cafe resume naive aeroskobing strasse istanbul');
    expect(fold('ＡＢＣ１２３ ﬁle')).toBe('abc123 file');
    expect(fold('ｶﾞｲﾄﾞ')).toBe('ガイド');
    expect(fold('がか')).toBe('がか');
    expect(fold('삼성전자')).toBe('삼성전자');
  });

  test('spaced scripts: whole distinct words, no one-letter Latin words', () => {
    const t = termsFor('The Café', 'a café, the CAFÉ and I; Москва — 5 COVID-19 iPhone15');
    expect(t).toEqual(['the', 'cafe', 'and', 'москва', 'covid', '19', 'iphone15']);
  });

  test('Korean: eojeol, stem without particles, compound parts from the third syllable on', () => {
    const t = termsFor('', '삼성전자는 서울에서는 대한민국의 LG전자 집에 경기도지사가 발표했다');
    expect(t).toEqual(
      expect.arrayContaining([
        '삼성전자는',
        '삼성전자',
        '전자',
        '서울에서는',
        '서울에서',
        '서울',
        '대한민국의',
        '대한민국',
        '민국',
        'lg',
        '집에',
        '경기도지사',
        '도지사',
        '지사',
        '발표했다',
      ]),
    );
    // not from the second syllable, not from predicates, never a particle alone or a 1-syllable stem
    for (const no of ['성전자', '한민국', '기도지사', '했다', '표했다', '에서', '자는', '집']) expect(t).not.toContain(no);
  });

  test('Japanese and Chinese: bigrams plus the last character of each run', () => {
    expect(termsFor('', '東京都に住む')).toEqual(['東京', '京都', '都に', 'に住', '住む', 'む']);
    expect(termsFor('', '经济。')).toEqual(['经济', '济']);
    expect(termsFor('', '人')).toEqual(['人']);
    expect(termsFor('', 'iPhone用ケース')).toEqual(['iphone', '用ケ', 'ケー', 'ース', 'ス']);
  });

  test('at most MAX_TERMS terms, title terms first; very long words cut', () => {
    const text = Array.from({ length: MAX_TERMS + 500 }, (_, i) => `word${i}`).join(' ');
    const t = termsFor('Zebra headline', text);
    expect(t).toHaveLength(MAX_TERMS);
    expect(t.slice(0, 2)).toEqual(['zebra', 'headline']);
    expect(t).toContain('word0');
    expect(t).not.toContain(`word${MAX_TERMS + 100}`);
    expect(termsFor('', 'x'.repeat(100))).toEqual(['x'.repeat(32)]);
  });

  test('text is cut into runs by script exactly as the defining regular expression does', () => {
    const DEFINITION =
      /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005\u3006\u3007\u303b]+)|(\p{sc=Hangul}+)|([^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30fc\u3005\u3006\u3007\u303b\p{P}\p{S}\p{Z}\p{C}]+)/gu;
    const byRegex = (s: string) =>
      [...s.matchAll(DEFINITION)].map((m) => [m[1] !== undefined ? 'cjk' : m[2] !== undefined ? 'hangul' : 'word', m[0]]);
    const chars = [
      ...'abcXYZ09 가나다삼성전자는에서 東京都に住むカタカナーー々〆 éüñß øæ \u0301\u0308 😀𝒜𠀀 .,;!?-—“”\t\n ㄱㅏ 가 Москва ١٢٣ مرحبا ｶﾞｲﾄﾞ',
      '\ud800',
      '\udc00',
    ];
    const rand = prng(9);
    for (let k = 0; k < 2000; k++) {
      const s = Array.from({ length: Math.floor(rand() * 30) }, () => chars[Math.floor(rand() * chars.length)]).join('');
      expect(segments(s)).toEqual(byRegex(s));
    }
  });

  test('queries are built the same way; a prefix of another query word is dropped', () => {
    expect(queryTerms('  Café  SAMSUNG sam ')).toEqual(['cafe', 'samsung']);
    expect(queryTerms('삼성')).toEqual(['삼성']);
    expect(parseQuery('東京都')).toEqual({ terms: ['東京', '京都'], verify: ['東京都'], blank: false });
    expect(parseQuery('都')).toEqual({ terms: ['都'], verify: [], blank: false });
    expect(parseQuery('a !')).toEqual({ terms: [], verify: [], blank: false });
    expect(parseQuery('  ')).toEqual({ terms: [], verify: [], blank: true });
  });
});

async function seed(db: LibraryDB) {
  const items: [string, string, string][] = [
    ['https://ko.example.com/1', '반도체 수출 회복', '삼성전자는 오늘 새로운 반도체 공장을 공개했다. 대한민국의 수출이 늘었다.'],
    ['https://ko.example.com/2', '날씨', '서울에서는 비가 내렸다. 전자기기 판매는 줄었다.'],
    ['https://en.example.com/3', 'Semiconductors rebound', 'Samsung Electronics said exports of memory chips recovered.'],
    ['https://fr.example.com/4', 'Le Café de Flore', 'Un café célèbre à Paris, où Sartre écrivait.'],
    ['https://jp.example.com/5', '東京都の人口', '東京都に住む人は増えている。'],
    ['https://jp.example.com/6', '旅行記', '京都と東京を旅行した。'],
    ['https://zh.example.com/7', '中国经济', '中国经济增长放缓，出口下降。'],
  ];
  for (const [i, [url, title, text]] of items.entries())
    await saveArticle(db, article({ url, title, text }), { pageUrl: url, now: T0 + i * 1000 });
}

const urlsOf = async (db: LibraryDB, query: string, extra: object = {}) =>
  (await searchLibrary(db, { query, ...extra })).map((m) => m.url.replace(/^https:\/\/|\.example\.com/g, ''));

describe('searchLibrary', () => {
  test('Korean: a prefix of an eojeol finds it; so does a part of its stem; a query with a particle only from the start', async () => {
    const db = freshDb();
    await seed(db);
    expect(await urlsOf(db, '삼성')).toEqual(['ko/1']);
    expect(await urlsOf(db, '삼성전자')).toEqual(['ko/1']);
    expect(await urlsOf(db, '삼성전자는')).toEqual(['ko/1']);
    // "전자" inside "삼성전자는" (a stem suffix) and at the start of "전자기기"
    expect(await urlsOf(db, '전자')).toEqual(['ko/2', 'ko/1']);
    expect(await urlsOf(db, '민국')).toEqual(['ko/1']);
    expect(await urlsOf(db, '전자는')).toEqual([]);
    expect(await urlsOf(db, '서울')).toEqual(['ko/2']);
    expect(await urlsOf(db, '반도체 수출')).toEqual(['ko/1']);
    expect(await urlsOf(db, '반도체 날씨')).toEqual([]);
  });

  test('English and French: prefixes, case and accents folded, all words in any order', async () => {
    const db = freshDb();
    await seed(db);
    expect(await urlsOf(db, 'semicon')).toEqual(['en/3']);
    expect(await urlsOf(db, 'SAMSUNG')).toEqual(['en/3']);
    expect(await urlsOf(db, 'chips samsung')).toEqual(['en/3']);
    expect(await urlsOf(db, 'samsung bananas')).toEqual([]);
    expect(await urlsOf(db, 'cafe')).toEqual(['fr/4']);
    expect(await urlsOf(db, 'CAFÉ célè')).toEqual(['fr/4']);
    expect(await urlsOf(db, 'ecrivait')).toEqual(['fr/4']);
    expect(await urlsOf(db, 'amsung')).toEqual([]);
  });

  test('Japanese and Chinese: substrings of any length, bigram false positives dropped', async () => {
    const db = freshDb();
    await seed(db);
    expect(await urlsOf(db, '東京')).toEqual(['jp/6', 'jp/5']);
    expect(await urlsOf(db, '京都')).toEqual(['jp/6', 'jp/5']);
    // both bigrams 東京 and 京都 occur in jp/6, but not the string 東京都
    expect(await urlsOf(db, '東京都')).toEqual(['jp/5']);
    expect(await urlsOf(db, '住む人')).toEqual(['jp/5']);
    expect(await urlsOf(db, '都')).toEqual(['jp/6', 'jp/5']);
    expect(await urlsOf(db, '経済')).toEqual([]);
    expect(await urlsOf(db, '经济')).toEqual(['zh/7']);
    expect(await urlsOf(db, '济增长')).toEqual(['zh/7']);
    expect(await urlsOf(db, '下降')).toEqual(['zh/7']);
    expect(await urlsOf(db, '降')).toEqual(['zh/7']);
  });

  test('filters combine with the query; no query lists newest first; limit and offset page', async () => {
    const db = freshDb();
    await seed(db);
    await setRead(db, 'https://jp.example.com/5', true);
    await setTags(db, 'https://jp.example.com/6', ['travel']);
    expect(await urlsOf(db, '東京', { read: 'read' })).toEqual(['jp/5']);
    expect(await urlsOf(db, '東京', { read: 'unread' })).toEqual(['jp/6']);
    expect(await urlsOf(db, '東京', { tag: 'travel' })).toEqual(['jp/6']);
    expect(await urlsOf(db, '東京', { site: 'ko.example.com' })).toEqual([]);
    expect(await urlsOf(db, '', { site: 'jp.example.com' })).toEqual(['jp/6', 'jp/5']);
    expect(await urlsOf(db, '')).toEqual(['zh/7', 'jp/6', 'jp/5', 'fr/4', 'en/3', 'ko/2', 'ko/1']);
    expect((await searchLibrary(db, {}, { limit: 2, offset: 1 })).map((m) => m.title)).toEqual(['旅行記', '東京都の人口']);
    expect((await searchLibrary(db, { query: '東京' }, { limit: 1, offset: 1 })).map((m) => m.title)).toEqual(['東京都の人口']);
    expect(await listUrls(db, { query: '東京都' })).toEqual(['https://jp.example.com/5']);
    expect(await urlsOf(db, 'a')).toEqual([]);
  });

  test('bookmarks and imported items are found by title and excerpt', async () => {
    const db = freshDb();
    await saveBookmark(db, { url: 'https://shop.example.com/', title: '여름 세일', excerpt: '東京都内の店舗で開催' });
    expect(await urlsOf(db, '세일')).toEqual(['shop/']);
    expect(await urlsOf(db, '東京都内')).toEqual(['shop/']);
  });

  test.each([
    ['default tuning', { pendingMax: 128, blockIds: 16384 }],
    ['posting lists only, rebuilt after every save, in blocks of a few ids', { pendingMax: 0, blockIds: 8 }],
    ['pending term rows only', { pendingMax: Infinity, blockIds: 16384 }],
  ])('many matching articles (%s): intersection, ordering and verification over hundreds', async (_, tuning) => {
    const db = freshDb('lib', { tuning });
    const rows = Array.from({ length: 450 }, (_, i) => {
      const url = `https://bulk${i % 3}.example.com/${String(i).padStart(3, '0')}`;
      const text = `${i % 2 ? '東京都に住む' : '京都と東京'} common words here ${i % 5 === 0 ? 'rareword' : ''}`;
      return { url, text, now: T0 + ((i * 7919) % 450) * 1000 };
    });
    for (const r of rows)
      await saveArticle(db, article({ url: r.url, title: `Bulk ${r.url}`, text: r.text }), { pageUrl: r.url, now: r.now });
    await indexSettled(db);
    if (tuning.pendingMax === 0) await indexPending(db);
    expect(await db.terms.count()).toEqual(
      tuning.pendingMax === 0 ? 0 : tuning.pendingMax === Infinity ? 450 : expect.any(Number),
    );
    const expectOrder = (pred: (r: (typeof rows)[number], i: number) => boolean) =>
      rows
        .filter(pred)
        .sort((a, b) => b.now - a.now)
        .map((r) => r.url);

    expect(await listUrls(db, { query: 'common' })).toEqual(expectOrder(() => true));
    expect(await listUrls(db, { query: 'common words' })).toEqual(expectOrder(() => true));
    expect(await listUrls(db, { query: 'rare common' })).toEqual(expectOrder((_, i) => i % 5 === 0));
    expect(await listUrls(db, { query: 'rareword common wor' })).toEqual(expectOrder((_, i) => i % 5 === 0));
    expect(await listUrls(db, { query: 'rareword', read: 'unread', site: 'bulk2.example.com' })).toEqual(
      expectOrder((r, i) => i % 5 === 0 && r.url.includes('bulk2')),
    );
    expect(await listUrls(db, { query: 'nowhere common' })).toEqual([]);
    expect(await listUrls(db, { query: '東京都' })).toEqual(expectOrder((_, i) => i % 2 === 1));
    expect(await listUrls(db, { query: '東京都', site: 'bulk1.example.com' })).toEqual(
      expectOrder((r, i) => i % 2 === 1 && r.url.includes('bulk1')),
    );
    const page = await searchLibrary(db, { query: '東京都' }, { limit: 10, offset: 20 });
    expect(page.map((m) => m.url)).toEqual(expectOrder((_, i) => i % 2 === 1).slice(20, 30));
  });

  test('articles saved at the same millisecond come in one order on every path', async () => {
    const db = freshDb();
    const urls = ['https://t.example.com/b', 'https://t.example.com/d', 'https://t.example.com/a', 'https://t.example.com/c'];
    for (const url of urls) await saveArticle(db, article({ url, text: 'same time' }), { pageUrl: url, now: T0 });
    const want = [...urls].sort().reverse();
    expect((await searchLibrary(db, {})).map((m) => m.url)).toEqual(want);
    // pending term rows, then posting lists
    for (const rebuild of [false, true]) {
      if (rebuild) await indexPending(db, { force: true });
      expect(await db.terms.count()).toBe(rebuild ? 0 : 4);
      expect(await listUrls(db, { query: 'same' })).toEqual(want);
      expect(await listUrls(db, { site: 't.example.com' })).toEqual(want);
    }
  });

  test('posting lists and pending rows together: re-saved articles match their new text only, deleted ones nothing', async () => {
    const db = freshDb();
    const url = (i: number) => `https://mix.example.com/${i}`;
    const save = (i: number, text: string, now: number) =>
      saveArticle(db, article({ url: url(i), title: `Mix ${i}`, text }), { pageUrl: url(i), now });
    for (let i = 0; i < 4; i++) await save(i, `alpha 반도체를 number${i}`, T0 + i);
    await indexPending(db, { force: true });
    expect(await db.terms.count()).toBe(0);
    await save(1, 'beta 자동차', T0 + 50); // re-saved: its postings are stale, its new terms pending
    const removed = await removeArticles(db, [url(2)]); // deleted: its postings are stale
    await save(4, 'alpha beta', T0 + 60); // new: pending only
    const found = async (query: string) => (await listUrls(db, { query })).map((u) => Number(u.slice(-1)));
    const check = async () => {
      expect(await found('alpha')).toEqual([4, 3, 0]);
      expect(await found('반도체')).toEqual([3, 0]);
      expect(await found('beta')).toEqual([4, 1]);
      expect(await found('자동')).toEqual([1]);
      expect(await found('number1')).toEqual([]);
      expect(await found('number2')).toEqual([]);
      expect(await found('alpha beta')).toEqual([4]);
      expect(await found('mix')).toEqual([4, 3, 1, 0]); // a re-save keeps savedAt
    };
    await check();
    await indexPending(db, { force: true });
    await check();
    await rebuildAll(db);
    await check();
    await restoreArticles(db, removed);
    expect(await found('number2')).toEqual([2]);
    expect(await found('alpha')).toEqual([4, 3, 2, 0]);
  });
});
