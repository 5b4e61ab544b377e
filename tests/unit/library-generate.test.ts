// @vitest-environment node
// Generated benchmark data: deterministic, realistic, valid; and search over it agrees with a
// brute-force scan (the query plan against the definition of a match).
import { toPlainText, wordCount } from '@/lib/article/text';
import { dropDbs, freshDb } from './library-helpers';
import { LibraryDB } from '@/extension/library/db';
import { generateArticles, prng } from '@/lib/library/generate';
import { exportJson, importItems, parseImport } from '@/extension/library/io';
import { searchLibrary } from '@/extension/library/search';
import { fold, parseQuery, termsFor } from '@/lib/library/terms';
import { listUrls } from '@/extension/library/store';
import type { LibraryFilter, SavedArticle } from '@/lib/library/types';

afterEach(dropDbs);

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('generateArticles', () => {
  test('same seed, same articles; another seed, others', () => {
    expect(generateArticles(20, 7)).toEqual(generateArticles(20, 7));
    expect(generateArticles(20, 8)[0]!.url).not.toBe(generateArticles(20, 7)[0]!.url);
    expect(prng(1)()).toBe(prng(1)());
  });

  test('realistic: ~5 KB of text, Korean and English, many sites, dates, tags, read states; unique URLs', () => {
    const now = Date.UTC(2026, 0, 1);
    const list = generateArticles(400, 42, { now });
    const sizes = list.map((a) => utf8(a.text));
    const mean = sizes.reduce((s, v) => s + v, 0) / sizes.length;
    expect(mean).toBeGreaterThan(4500);
    expect(mean).toBeLessThan(5800);
    expect(Math.min(...sizes)).toBeGreaterThan(3000);
    expect(new Set(list.map((a) => a.url)).size).toBe(400);
    const ko = list.filter((a) => a.lang === 'ko').length;
    expect(ko).toBeGreaterThan(160);
    expect(ko).toBeLessThan(280);
    expect(new Set(list.map((a) => a.site)).size).toBeGreaterThan(15);
    const read = list.filter((a) => a.readAt > 0).length;
    expect(read).toBeGreaterThan(120);
    expect(read).toBeLessThan(240);
    expect(list.filter((a) => a.tags.length > 0).length).toBeGreaterThan(150);
    expect(
      list.every(
        (a) =>
          a.savedAt <= now &&
          a.savedAt > now - 3.1 * 365 * 864e5 &&
          a.updatedAt >= a.savedAt &&
          (a.readAt === 0 || a.readAt >= a.savedAt),
      ),
    ).toBe(true);
    expect(list.every((a) => a.progress >= 0 && a.progress <= 1 && a.status === 'full')).toBe(true);
    // Korean articles mention companies searched in the benchmark
    expect(list.filter((a) => a.text.includes('삼성')).length).toBeGreaterThan(10);
    expect(list.filter((a) => /semiconductor/i.test(a.text)).length).toBeGreaterThan(10);
  });

  test('text is what the reader would extract from the HTML, and counts match lib/article/text.ts', async () => {
    // jsdom ships no types; this file runs in node (no DOM) apart from this check
    const { JSDOM } = (await import('jsdom' as string)) as { JSDOM: new (html: string) => { window: Window } };
    for (const a of generateArticles(15, 3)) {
      const doc = new JSDOM(`<body>${a.contentHtml}</body>`).window.document;
      expect(toPlainText(doc.body)).toBe(a.text);
      expect(a.wordCount).toBe(wordCount(a.text));
      expect(a.excerpt && a.text.startsWith(a.excerpt.slice(0, 20))).toBeTruthy();
    }
  });

  test('valid for import: a JSON backup of generated articles round-trips', async () => {
    const list = generateArticles(60, 5);
    const db = freshDb();
    expect(
      await importItems(
        db,
        list.map((a) => ({ url: a.url, article: a })),
      ),
    ).toMatchObject({ added: 60, updated: 0, unchanged: 0, kept: 0 });
    const json = await exportJson(db, { now: 0 });
    // (the generator's data is checked here; sanitizing on import is library-io.test.ts's)
    const back = parseImport(json, undefined, { sanitize: (html) => html }).items.map((i) => i.article);
    const byUrl = new Map(list.map((a) => [a.url, a]));
    expect(back.map((a) => byUrl.get(a!.url))).toEqual(back);
  });
});

/** The definition of a match, by brute force over every article. */
function bruteForce(list: SavedArticle[], filter: LibraryFilter): string[] {
  const q = parseQuery(filter.query ?? '');
  return list
    .filter((a) => {
      if (filter.site !== undefined && a.site !== filter.site) return false;
      if (filter.tag !== undefined && !a.tags.includes(filter.tag)) return false;
      if (filter.read === 'read' && !(a.readAt > 0)) return false;
      if (filter.read === 'unread' && a.readAt !== 0) return false;
      if (q.blank) return true;
      if (q.terms.length === 0) return false;
      const terms = termsFor(a.title, a.text);
      const hay = fold(`${a.title}\n${a.text}`);
      return q.terms.every((t) => terms.some((x) => x.startsWith(t))) && q.verify.every((v) => hay.includes(v));
    })
    .sort((a, b) => b.savedAt - a.savedAt || (a.url < b.url ? 1 : -1))
    .map((a) => a.url);
}

describe('search over generated articles agrees with a brute-force scan', () => {
  const list = generateArticles(250, 11);
  // the same articles indexed three ways: imported into posting lists (default), in blocks of a
  // few ids, and saved one by one with every article's terms left on its pending row
  const tunings = [{}, { blockIds: 5 }, { pendingMax: Infinity }];
  const dbs = tunings.map((tuning, i) => new LibraryDB(`generated-${Date.now()}-${i}`, { tuning }));
  beforeAll(async () => {
    for (const [i, db] of dbs.entries()) {
      if (i < 2)
        await importItems(
          db,
          list.map((a) => ({ url: a.url, article: a })),
        );
      else for (const a of list) await importItems(db, [{ url: a.url, article: a }]);
    }
    expect(await Promise.all(dbs.map((db) => db.terms.count()))).toEqual([0, 0, 250]);
    expect(await Promise.all(dbs.map((db) => db.postings.count()))).toEqual([expect.any(Number), expect.any(Number), 0]);
  });
  afterAll(() => Promise.all(dbs.map((db) => db.delete())));

  test.each<[LibraryFilter]>([
    [{ query: '삼성' }],
    [{ query: '삼성전자' }],
    [{ query: '전자' }],
    [{ query: '반도체 투자' }],
    [{ query: 'semicon' }],
    [{ query: 'Samsung electronics' }],
    [{ query: 'the' }],
    [{ query: '정부', read: 'unread' }],
    [{ query: 'market', tag: 'economy' }],
    [{ query: '', site: 'news.techwire.io' }],
    [{ read: 'read', tag: '경제' }],
    [{ query: 'zzzz' }],
  ])('%o', async (filter) => {
    const want = bruteForce(list, filter);
    for (const db of dbs) {
      expect(await listUrls(db, filter)).toEqual(want);
      expect((await searchLibrary(db, filter, { limit: 7, offset: 3 })).map((m) => m.url)).toEqual(want.slice(3, 10));
    }
    if (filter.query === '삼성') {
      expect(want.length).toBeGreaterThan(5);
      // and by meaning: exactly the articles where "삼성" begins a word
      expect(want).toEqual(
        bruteForce(list, {}).filter((u) =>
          /(^|[^가-힣])삼성/.test(list.find((a) => a.url === u)!.title + ' ' + list.find((a) => a.url === u)!.text),
        ),
      );
    }
  });
});
