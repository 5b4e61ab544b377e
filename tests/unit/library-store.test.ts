// @vitest-environment node
// Saving, updating, de-duplicating, read state, tags, remove/undo, quota errors (fake-indexeddb).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { article, catalogRows, dropDbs, freshDb, pendingTerms, termRows } from './library-helpers';
import type { LibraryDB } from '@/extension/library/db';
import {
  getArticle,
  getMetas,
  LibraryError,
  listUrls,
  recent,
  removeArticles,
  restoreArticles,
  saveArticle,
  saveBookmark,
  setProgress,
  setRead,
  setTags,
  sites,
  storageEstimate,
  tags,
  canonicalUrl,
} from '@/extension/library/store';
import { isQuotaError } from '@/lib/library/errors';
import { readCatalog } from '@/extension/library/catalog';
import { HEAD_KEY, HEAD_SIZE } from '@/extension/library/schema';

afterEach(dropDbs);

const T0 = Date.UTC(2024, 4, 1);

async function counts(db: LibraryDB) {
  return { articles: await db.articles.count(), contents: await db.contents.count(), terms: await db.terms.count() };
}

describe('canonical URLs', () => {
  test.each([
    ['  https://News.Example.com/a?id=1#comments ', 'https://news.example.com/a?id=1'],
    ['https://example.com/a?utm_source=x&id=2&fbclid=y', 'https://example.com/a?id=2'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com', 'https://example.com/'],
  ])('%s → %s', (raw, want) => {
    expect(canonicalUrl(raw)).toBe(want);
    expect(canonicalUrl(want)).toBe(want);
  });
});

describe('saving', () => {
  test('a new article is stored in all three tables with its metadata', async () => {
    const db = freshDb();
    const a = article({ title: '삼성전자, 새 반도체 공개', text: '삼성전자는 오늘 새 반도체를 공개했다.', lang: 'ko' });
    const { created, meta } = await saveArticle(db, a, { pageUrl: 'https://m.news.example.com/2024/05/story?from=app', now: T0 });
    expect(created).toBe(true);
    expect(meta).toMatchObject({
      url: 'https://news.example.com/2024/05/story',
      pageUrl: 'https://m.news.example.com/2024/05/story?from=app',
      title: '삼성전자, 새 반도체 공개',
      site: 'news.example.com',
      status: 'full',
      savedAt: T0,
      updatedAt: T0,
      readAt: 0,
      progress: 0,
      tags: [],
      wordCount: a.wordCount,
      readingMinutes: a.readingMinutes,
      lang: 'ko',
    });
    expect(await counts(db)).toEqual({ articles: 1, contents: 1, terms: 1 });
    const saved = await getArticle(db, 'https://news.example.com/2024/05/story#top');
    expect(saved?.contentHtml).toBe(a.contentHtml);
    expect(saved?.text).toBe(a.text);
    expect(await pendingTerms(db, meta.url)).toContain('삼성전자');
  });

  test('saving the same canonical URL again updates it and keeps savedAt, tags, read state and progress', async () => {
    const db = freshDb();
    const url = 'https://news.example.com/2024/05/story';
    await saveArticle(db, article({ text: 'First version.' }), { pageUrl: url, now: T0 });
    await setTags(db, url, ['tech', 'korea']);
    await setRead(db, url, true, { now: T0 + 10 });
    await setProgress(db, url, 0.4);
    const again = await saveArticle(
      db,
      article({
        title: 'A story, updated',
        text: 'Second version, longer.',
        url: `${url}?utm_source=feed`,
        canonicalUrl: `${url}#x`,
      }),
      {
        pageUrl: `${url}?utm_source=feed`,
        now: T0 + 1000,
      },
    );
    expect(again.created).toBe(false);
    expect(again.meta).toMatchObject({
      url,
      title: 'A story, updated',
      savedAt: T0,
      updatedAt: T0 + 1000,
      readAt: T0 + 10,
      progress: 0.4,
      tags: ['tech', 'korea'],
    });
    expect(await counts(db)).toEqual({ articles: 1, contents: 1, terms: 1 });
    expect((await getArticle(db, url))?.text).toBe('Second version, longer.');
    expect(await pendingTerms(db, url)).toContain('updated');
    expect(await pendingTerms(db, url)).not.toContain('first');
  });

  test('two saves of the same URL at once make one row', async () => {
    const db = freshDb();
    const results = await Promise.all([
      saveArticle(db, article({ text: 'Tab one.' }), { pageUrl: 'https://news.example.com/2024/05/story', now: T0 }),
      saveArticle(db, article({ text: 'Tab two.' }), { pageUrl: 'https://news.example.com/2024/05/story?a=1', now: T0 + 1 }),
      saveArticle(db, article({ text: 'Tab three.' }), { pageUrl: 'https://news.example.com/2024/05/story?a=2', now: T0 + 2 }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await counts(db)).toEqual({ articles: 1, contents: 1, terms: 1 });
    const saved = await getArticle(db, 'https://news.example.com/2024/05/story');
    expect(saved?.savedAt).toBe(T0);
    expect(saved?.text).toBe('Tab three.');
  });

  test('concurrent saves of different URLs are all kept', async () => {
    const db = freshDb();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        saveArticle(db, article({ url: `https://news.example.com/${i}` }), {
          pageUrl: `https://news.example.com/${i}`,
          now: T0 + i,
        }),
      ),
    );
    expect(await counts(db)).toEqual({ articles: 20, contents: 20, terms: 20 });
    expect((await recent(db, 3)).map((m) => m.url)).toEqual([
      'https://news.example.com/19',
      'https://news.example.com/18',
      'https://news.example.com/17',
    ]);
  });

  test('only web pages can be saved', async () => {
    const db = freshDb();
    await expect(
      saveArticle(db, article({ url: 'javascript:alert(1)', canonicalUrl: '' }), { pageUrl: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid-url' });
    await expect(saveBookmark(db, { url: 'file:///etc/passwd', title: 'x' })).rejects.toBeInstanceOf(LibraryError);
    expect(await counts(db)).toEqual({ articles: 0, contents: 0, terms: 0 });
  });

  test('a bookmark for a page without an article, searchable by title and excerpt; it never replaces a full article', async () => {
    const db = freshDb();
    const { created, meta } = await saveBookmark(
      db,
      { url: 'https://shop.example.com/list', title: 'Summer sale', excerpt: 'Everything half price' },
      { now: T0 },
    );
    expect(created).toBe(true);
    expect(meta).toMatchObject({
      status: 'bookmark',
      title: 'Summer sale',
      excerpt: 'Everything half price',
      site: 'shop.example.com',
      wordCount: 0,
    });
    expect(await pendingTerms(db, meta.url)).toEqual(expect.arrayContaining(['summer', 'sale', 'everything', 'half', 'price']));

    const url = 'https://news.example.com/2024/05/story';
    await saveArticle(db, article(), { pageUrl: url, now: T0 });
    const b = await saveBookmark(db, { url, title: 'Nothing here' }, { now: T0 + 5 });
    expect(b.created).toBe(false);
    expect(b.meta.status).toBe('full');
    expect((await getArticle(db, url))?.title).toBe('A story');
  });
});

describe('read state, progress, tags', () => {
  test('mark read keeps the first time; unread resets to 0; progress is clamped; tags are cleaned', async () => {
    const db = freshDb();
    const url = 'https://news.example.com/2024/05/story';
    await saveArticle(db, article(), { pageUrl: url, now: T0 });
    expect((await setRead(db, url, true, { now: T0 + 1 })).readAt).toBe(T0 + 1);
    expect((await setRead(db, url, true, { now: T0 + 2 })).readAt).toBe(T0 + 1);
    expect((await setRead(db, url, false)).readAt).toBe(0);
    expect((await setProgress(db, url, 1.7)).progress).toBe(1);
    expect((await setProgress(db, url, -1)).progress).toBe(0);
    expect((await setTags(db, url, [' Tech ', 'tech', '', '경제  뉴스', 'AI'])).tags).toEqual(['Tech', '경제 뉴스', 'AI']);
  });

  test('unknown URLs give not-found', async () => {
    const db = freshDb();
    await expect(setRead(db, 'https://nowhere.example.com/', true)).rejects.toMatchObject({ code: 'not-found' });
    expect(await getArticle(db, 'https://nowhere.example.com/')).toBeUndefined();
  });

  test('sites and tags with counts, most first', async () => {
    const db = freshDb();
    const save = (url: string, t: string[]) =>
      saveArticle(db, article({ url }), { pageUrl: url, now: T0 }).then(() => setTags(db, url, t));
    await save('https://www.a.example.com/1', ['x', 'y']);
    await save('https://a.example.com/2', ['x']);
    await save('https://b.example.com/3', []);
    expect(await sites(db)).toEqual([
      { site: 'a.example.com', count: 2 },
      { site: 'b.example.com', count: 1 },
    ]);
    expect(await tags(db)).toEqual([
      { tag: 'x', count: 2 },
      { tag: 'y', count: 1 },
    ]);
  });
});

describe('lists', () => {
  test('listUrls gives keys newest first with filters; getMetas aligns with the keys', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i++) {
      const url = `https://${i % 2 ? 'odd' : 'even'}.example.com/${i}`;
      await saveArticle(db, article({ url }), { pageUrl: url, now: T0 + i * 1000 });
    }
    await setRead(db, 'https://even.example.com/2', true);
    await setTags(db, 'https://odd.example.com/3', ['later']);
    expect(await listUrls(db)).toEqual([4, 3, 2, 1, 0].map((i) => `https://${i % 2 ? 'odd' : 'even'}.example.com/${i}`));
    expect(await listUrls(db, { site: 'odd.example.com' })).toEqual(['https://odd.example.com/3', 'https://odd.example.com/1']);
    expect(await listUrls(db, { read: 'read' })).toEqual(['https://even.example.com/2']);
    expect(await listUrls(db, { read: 'unread', site: 'even.example.com' })).toEqual([
      'https://even.example.com/4',
      'https://even.example.com/0',
    ]);
    expect(await listUrls(db, { tag: 'later' })).toEqual(['https://odd.example.com/3']);
    expect(await listUrls(db, { tag: 'later', site: 'even.example.com' })).toEqual([]);
    const metas = await getMetas(db, ['https://odd.example.com/1', 'https://gone.example.com/', 'https://even.example.com/0']);
    expect(metas.map((m) => m?.url)).toEqual(['https://odd.example.com/1', undefined, 'https://even.example.com/0']);
  });
});

describe('the catalog', () => {
  test('matches the articles table after every kind of write', async () => {
    const db = freshDb();
    const fromArticles = async () =>
      (await db.articles.toArray())
        .sort((a, b) => b.savedAt - a.savedAt || (a.url < b.url ? 1 : -1))
        .map((m) => ({ url: m.url, savedAt: m.savedAt, read: m.readAt > 0, status: m.status, site: m.site, tags: m.tags }));
    const steps: (() => Promise<unknown>)[] = [
      () => saveArticle(db, article({ url: 'https://a.example.com/1' }), { pageUrl: 'https://a.example.com/1', now: T0 + 5 }),
      () => saveArticle(db, article({ url: 'https://b.example.com/2' }), { pageUrl: 'https://b.example.com/2', now: T0 + 5 }),
      () => saveBookmark(db, { url: 'https://c.example.com/3', title: 'C' }, { now: T0 + 1 }),
      () => setTags(db, 'https://a.example.com/1', ['x', 'y']),
      () => setRead(db, 'https://b.example.com/2', true, { now: T0 + 9 }),
      () => setProgress(db, 'https://b.example.com/2', 0.5),
      () => saveArticle(db, article({ url: 'https://c.example.com/3' }), { pageUrl: 'https://c.example.com/3', now: T0 + 20 }),
      () =>
        restoreArticles(db, [
          {
            ...article({ url: 'https://d.example.com/4' }),
            url: 'https://d.example.com/4',
            pageUrl: 'https://d.example.com/4',
            site: 'd.example.com',
            status: 'full',
            savedAt: T0 - 100,
            updatedAt: T0,
            readAt: T0,
            progress: 0,
            tags: ['z'],
          },
        ]),
      () => removeArticles(db, ['https://a.example.com/1']),
      () => setTags(db, 'https://b.example.com/2', []),
    ];
    for (const step of steps) {
      await step();
      expect(await catalogRows(db)).toEqual(await fromArticles());
      expect((await recent(db, 64)).map((m) => m.url)).toEqual((await fromArticles()).map((m) => m.url));
    }
    const cat = await readCatalog(db);
    expect(new Set(cat.ids).size).toBe(cat.size);
    expect(Math.max(...cat.ids)).toBeLessThan(cat.nextId);
  });
});

describe('the newest articles (the popup)', () => {
  test('recent() follows saves, deletes and undo past the head row, and reads a library that has none', async () => {
    const db = freshDb();
    const url = (i: number) => `https://head.example.com/${i}`;
    const saved = Array.from({ length: HEAD_SIZE + 6 }, (_, i) => ({
      ...article({ url: url(i) }),
      url: url(i),
      pageUrl: url(i),
      site: 'head.example.com',
      status: 'full' as const,
      savedAt: T0 + i,
      updatedAt: T0 + i,
      readAt: 0,
      progress: 0,
      tags: [],
    }));
    await restoreArticles(db, saved);
    const newest = async (n: number) => (await recent(db, n)).map((m) => m.url);
    expect(await newest(8)).toEqual((await listUrls(db)).slice(0, 8));
    expect(await newest(HEAD_SIZE + 10)).toEqual(await listUrls(db));
    expect(await newest(0)).toEqual([]);

    const removed = await removeArticles(db, [url(HEAD_SIZE + 5), url(HEAD_SIZE + 3)]);
    await saveArticle(db, article({ url: 'https://head.example.com/new' }), {
      pageUrl: 'https://head.example.com/new',
      now: T0 + 1000,
    });
    expect(await newest(3)).toEqual(['https://head.example.com/new', url(HEAD_SIZE + 4), url(HEAD_SIZE + 2)]);
    await restoreArticles(db, removed);
    expect(await newest(3)).toEqual(['https://head.example.com/new', url(HEAD_SIZE + 5), url(HEAD_SIZE + 4)]);

    // a library written before the head row existed: the catalog answers
    await db.catalog.delete(HEAD_KEY);
    expect(await newest(3)).toEqual(['https://head.example.com/new', url(HEAD_SIZE + 5), url(HEAD_SIZE + 4)]);
    // …until the next write puts the head row back
    await setRead(db, url(HEAD_SIZE + 5), true);
    expect(await db.catalog.get(HEAD_KEY)).toBeDefined();
    expect((await recent(db, 2)).map((m) => [m.url, m.readAt > 0])).toEqual([
      ['https://head.example.com/new', false],
      [url(HEAD_SIZE + 5), true],
    ]);
  });
});

describe('remove and undo', () => {
  test('removeArticles returns what it removed and restoreArticles puts back exactly that', async () => {
    const db = freshDb();
    for (let i = 0; i < 3; i++) {
      const url = `https://news.example.com/${i}`;
      await saveArticle(db, article({ url, title: `Story ${i}`, text: `한국어 본문 ${i}. English body.` }), {
        pageUrl: url,
        now: T0 + i,
      });
    }
    await setTags(db, 'https://news.example.com/1', ['keep']);
    await setRead(db, 'https://news.example.com/1', true, { now: T0 + 50 });
    await setProgress(db, 'https://news.example.com/1', 0.5);
    const before = {
      articles: await db.articles.toArray(),
      contents: await db.contents.toArray(),
      terms: await termRows(db),
      catalog: await catalogRows(db),
    };

    const removed = await removeArticles(db, [
      'https://news.example.com/1',
      'https://news.example.com/2#x',
      'https://never.example.com/',
    ]);
    expect(removed.map((a) => a.url)).toEqual(['https://news.example.com/1', 'https://news.example.com/2']);
    expect(removed[0]).toMatchObject({ tags: ['keep'], readAt: T0 + 50, progress: 0.5, text: '한국어 본문 1. English body.' });
    expect(await counts(db)).toEqual({ articles: 1, contents: 1, terms: 1 });

    await restoreArticles(db, removed);
    expect({
      articles: await db.articles.toArray(),
      contents: await db.contents.toArray(),
      terms: await termRows(db),
      catalog: await catalogRows(db),
    }).toEqual(before);
  });
});

describe('quota and atomicity', () => {
  /** A database whose writes to `table` fail as a full disk makes them fail. */
  function failingDb(table: string, error: () => unknown): LibraryDB {
    const db = freshDb('quota');
    db.use({
      stack: 'dbcore',
      name: 'fail-writes',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return name === table ? { ...t, mutate: () => Promise.reject(error()) } : t;
        },
      }),
    });
    return db;
  }

  test.each([
    ['DOMException QuotaExceededError', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    [
      'wrapped as inner',
      () =>
        Object.assign(new Error('Transaction aborted'), {
          name: 'AbortError',
          inner: new DOMException('full', 'QuotaExceededError'),
        }),
    ],
    ["Dexie's QuotaExceededError", () => new Dexie.QuotaExceededError('Quota exceeded')],
    [
      "Dexie's AbortError with the quota error inside",
      () => new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError')),
    ],
  ])('%s on the last table of a new article → LibraryError quota, nothing written', async (_, error) => {
    const db = failingDb('terms', error);
    const err = await saveArticle(db, article(), { pageUrl: 'https://news.example.com/2024/05/story' }).catch((e) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect(err.code).toBe('quota');
    expect(err.message).toMatch(/storage/);
    expect(await counts(db)).toEqual({ articles: 0, contents: 0, terms: 0 });
  });

  test('a failed update leaves the previous version whole', async () => {
    const name = `atomic-${Date.now()}`;
    const { LibraryDB } = await import('@/extension/library/db');
    const url = 'https://news.example.com/2024/05/story';
    const first = new LibraryDB(name);
    await saveArticle(first, article({ text: 'Version one.' }), { pageUrl: url, now: T0 });
    const before = { a: await first.articles.toArray(), c: await first.contents.toArray(), t: await first.terms.toArray() };
    first.close();

    const db = new LibraryDB(name);
    db.use({
      stack: 'dbcore',
      name: 'fail-contents',
      create: (down) => ({
        ...down,
        table: (t) => {
          const table = down.table(t);
          // articles are written first (succeeds), contents second: this put throws mid-transaction.
          return t === 'contents'
            ? { ...table, mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) }
            : table;
        },
      }),
    });
    await expect(
      saveArticle(db, article({ title: 'Changed', text: 'Version two.' }), { pageUrl: url, now: T0 + 1 }),
    ).rejects.toMatchObject({ code: 'quota' });
    db.close();
    const check = new LibraryDB(name);
    expect({ a: await check.articles.toArray(), c: await check.contents.toArray(), t: await check.terms.toArray() }).toEqual(
      before,
    );
    await check.delete();
  });

  test('other failures become LibraryError database', async () => {
    const db = failingDb('articles', () => new DOMException('boom', 'UnknownError'));
    await expect(saveArticle(db, article(), { pageUrl: 'https://news.example.com/2024/05/story' })).rejects.toMatchObject({
      code: 'database',
    });
  });

  test('isQuotaError sees through Dexie wrappings', () => {
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), { name: 'QuotaExceededError' }] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: { name: 'QuotaExceededError' } } })).toBe(true);
    expect(isQuotaError(Object.assign(new Error('x'), { cause: { name: 'NS_ERROR_DOM_QUOTA_REACHED' } }))).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError in message only'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('storage estimate', () => {
  test('reports usage and quota, or null where the browser has no estimate', async () => {
    const nav = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    try {
      Object.defineProperty(globalThis, 'navigator', {
        value: { storage: { estimate: async () => ({ usage: 1234, quota: 99999 }) } },
        configurable: true,
      });
      expect(await storageEstimate()).toEqual({ usage: 1234, quota: 99999 });
      Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
      expect(await storageEstimate()).toBeNull();
      Object.defineProperty(globalThis, 'navigator', {
        value: { storage: { estimate: async () => Promise.reject(new Error('denied')) } },
        configurable: true,
      });
      expect(await storageEstimate()).toBeNull();
    } finally {
      if (nav) Object.defineProperty(globalThis, 'navigator', nav);
    }
  });
});
