// @vitest-environment node
// Schema versions: data written by every earlier version must open with the current LibraryDB
// and be found intact. Each version gets a frozen writer here (writeV1, later writeV2…) that uses
// only that version's declaration, never the current class, and a test that opens its data.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { LibraryDB, LIBRARY_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2 } from '@/utils/library/db';
import { DexieTranslationCache } from '@/utils/translate/cache';
import type { CatalogRow } from '@/utils/library/catalog';
import type { PostingBlock } from '@/utils/library/postings';
import { getArticle, listUrls, recent, sites, tags } from '@/utils/library/store';
import { searchLibrary } from '@/utils/library/search';
import { pendingUrls } from '@/utils/library/io';
import type { ArticleContent, ArticleMeta, ArticleTerms } from '@/utils/library/types';

/** Version 1 exactly as it will ship. Do not edit once released: it is what users' databases
 *  contain. (Before any release it was changed in place: the search index moved from a multiEntry
 *  index on `terms` to posting lists, with the catalog.) */
const FROZEN_V1 = {
  articles: 'url',
  contents: 'url',
  catalog: '',
  postings: '',
  terms: 'url',
};

/** Version 2 exactly as it will ship: v1 plus the translation cache (issue 5). */
const FROZEN_V2 = {
  ...FROZEN_V1,
  translations: 'key, lastUsed',
};

interface V1Data {
  articles: ArticleMeta[];
  contents: ArticleContent[];
  catalog: CatalogRow;
  postings: [string, PostingBlock][];
  terms: ArticleTerms[];
}

/** Writes raw v1 records with a Dexie that knows only version 1, then closes it. */
async function writeV1(name: string, data: V1Data): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(FROZEN_V1);
  await old.transaction('rw', ['articles', 'contents', 'catalog', 'postings', 'terms'], async () => {
    await old.table('articles').bulkPut(data.articles);
    await old.table('contents').bulkPut(data.contents);
    await old.table('catalog').put(data.catalog, 'catalog');
    await old.table('postings').bulkPut(
      data.postings.map(([, block]) => block),
      data.postings.map(([key]) => key),
    );
    await old.table('terms').bulkPut(data.terms);
  });
  old.close();
}

/** Records as version 1 writes them: two articles in the posting lists, one still pending. */
function v1Data(): V1Data {
  const base = {
    byline: null, siteName: 'Example News', lang: 'ko', dir: 'ltr' as const, publishedTime: '2024-05-01T09:00:00Z',
    excerpt: '요약', leadImage: null, wordCount: 20, readingMinutes: 1, status: 'full' as const, progress: 0,
  };
  const articles: ArticleMeta[] = [
    { ...base, url: 'https://news.example.com/1', pageUrl: 'https://news.example.com/1', title: '삼성전자는 반도체를', site: 'news.example.com', savedAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, readAt: 0, tags: ['경제'] },
    { ...base, url: 'https://blog.example.org/2', pageUrl: 'https://blog.example.org/2?ref=x', title: 'Café culture', lang: 'en', site: 'blog.example.org', savedAt: 1_700_000_100_000, updatedAt: 1_700_000_200_000, readAt: 1_700_000_300_000, progress: 0.75, tags: ['food', 'paris'] },
    { ...base, url: 'https://old.example.net/3', pageUrl: 'https://old.example.net/3', title: 'https://old.example.net/3', site: 'old.example.net', status: 'pending', wordCount: 0, readingMinutes: 0, excerpt: null, savedAt: 1_600_000_000_000, updatedAt: 1_600_000_000_000, readAt: 0, tags: [] },
  ];
  const contents: ArticleContent[] = [
    { url: 'https://news.example.com/1', contentHtml: '<p>삼성전자는 반도체를 만든다.</p>', text: '삼성전자는 반도체를 만든다.' },
    { url: 'https://blog.example.org/2', contentHtml: '<p>A café in Paris.</p>', text: 'A café in Paris.' },
    { url: 'https://old.example.net/3', contentHtml: '', text: '' },
  ];
  // ids: news 1, blog 2, old 3; newest first: blog, news, old
  const catalog: CatalogRow = {
    nextId: 4,
    stale: 0,
    ids: Uint32Array.of(2, 1, 3),
    savedAt: Float64Array.of(1_700_000_100_000, 1_700_000_000_000, 1_600_000_000_000),
    urls: 'https://blog.example.org/2\nhttps://news.example.com/1\nhttps://old.example.net/3',
    read: Uint8Array.of(1, 0, 0),
    status: Uint8Array.of(2, 2, 0),
    sites: 'blog.example.org\nnews.example.com\nold.example.net',
    site: Uint32Array.of(0, 1, 2),
    tags: JSON.stringify([[2, ['food', 'paris']], [1, ['경제']]]),
  };
  const postings: [string, PostingBlock][] = [
    [
      'cafe',
      {
        terms: ['cafe', 'culture', 'in', 'paris', '만든다', '반도체', '반도체를', '삼성전자', '삼성전자는', '전자'].join('\n'),
        ends: Uint32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        ids: Uint32Array.of(2, 2, 2, 2, 1, 1, 1, 1, 1, 1),
      },
    ],
  ];
  const terms: ArticleTerms[] = [{ url: 'https://old.example.net/3', id: 3, terms: 'https old example net' }];
  return { articles, contents, catalog, postings, terms };
}

test('the current version is declared, and v1 and v2 are still the schemas they shipped with', () => {
  expect(LIBRARY_SCHEMA_VERSION).toBe(2);
  expect({ ...SCHEMA_V1 }).toEqual(FROZEN_V1);
  expect(Object.isFrozen(SCHEMA_V1)).toBe(true);
  expect({ ...SCHEMA_V2 }).toEqual(FROZEN_V2);
  expect(Object.isFrozen(SCHEMA_V2)).toBe(true);
});

test('data written by version 1 opens with the current LibraryDB, every record intact', async () => {
  const name = `schema-v1-${Date.now()}`;
  const data = v1Data();
  await writeV1(name, data);

  const db = new LibraryDB(name);
  await db.open();
  expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
  const sortByUrl = <T extends { url: string }>(rows: T[]) => [...rows].sort((a, b) => a.url.localeCompare(b.url));
  expect(sortByUrl(await db.articles.toArray())).toEqual(sortByUrl(data.articles));
  expect(sortByUrl(await db.contents.toArray())).toEqual(sortByUrl(data.contents));
  expect(sortByUrl(await db.terms.toArray())).toEqual(sortByUrl(data.terms));
  expect(await db.catalog.get('catalog')).toEqual(data.catalog);
  expect(await db.postings.toArray()).toEqual(data.postings.map(([, block]) => block));

  // …and usable through the API: catalog, lookups, search (posting lists and the pending row).
  expect(await listUrls(db)).toEqual(['https://blog.example.org/2', 'https://news.example.com/1', 'https://old.example.net/3']);
  expect((await recent(db, 2)).map((m) => m.url)).toEqual(['https://blog.example.org/2', 'https://news.example.com/1']);
  expect(await listUrls(db, { read: 'read' })).toEqual(['https://blog.example.org/2']);
  expect(await listUrls(db, { tag: '경제' })).toEqual(['https://news.example.com/1']);
  expect(await listUrls(db, { site: 'old.example.net' })).toEqual(['https://old.example.net/3']);
  expect(await sites(db)).toEqual([{ site: 'blog.example.org', count: 1 }, { site: 'news.example.com', count: 1 }, { site: 'old.example.net', count: 1 }]);
  expect(await tags(db)).toEqual([{ tag: 'food', count: 1 }, { tag: 'paris', count: 1 }, { tag: '경제', count: 1 }]);
  expect(await pendingUrls(db)).toEqual(['https://old.example.net/3']);
  expect((await getArticle(db, 'https://blog.example.org/2'))?.text).toBe('A café in Paris.');
  expect((await searchLibrary(db, { query: '삼성' })).map((m) => m.url)).toEqual(['https://news.example.com/1']);
  expect((await searchLibrary(db, { query: '전자 반도' })).map((m) => m.url)).toEqual(['https://news.example.com/1']);
  expect((await searchLibrary(db, { query: 'cafe' })).map((m) => m.url)).toEqual(['https://blog.example.org/2']);
  expect((await searchLibrary(db, { query: 'exam' })).map((m) => m.url)).toEqual(['https://old.example.net/3']);

  // v2's translation cache is there, empty, and works beside the old data.
  expect(await db.translations.count()).toBe(0);
  const cache = new DexieTranslationCache(db);
  await cache.putMany('deepl:x', 'ko', 'en', [{ source: '삼성전자는 반도체를 만든다.', translation: 'Samsung makes chips.' }]);
  expect(await cache.getMany('deepl:x', 'ko', 'en', ['삼성전자는 반도체를 만든다.'])).toEqual(['Samsung makes chips.']);
  expect(sortByUrl(await db.articles.toArray())).toEqual(sortByUrl(data.articles));
  db.close();
  await Dexie.delete(name);
});

test('the IndexedDB layout of version 2: v1 stores with no secondary index, translations by lastUsed', async () => {
  const name = `schema-layout-${Date.now()}`;
  const db = new LibraryDB(name);
  await db.open();
  const idb = db.backendDB();
  const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
  const layout = Object.fromEntries(
    [...idb.objectStoreNames].sort().map((store) => {
      const s = tx.objectStore(store);
      const indexes = [...s.indexNames].sort().map((i) => {
        const ix = s.index(i);
        return `${ix.name}:${String(ix.keyPath)}${ix.multiEntry ? ':multi' : ''}${ix.unique ? ':unique' : ''}`;
      });
      return [store, { keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes }];
    }),
  );
  expect(layout).toEqual({
    articles: { keyPath: 'url', autoIncrement: false, indexes: [] },
    catalog: { keyPath: null, autoIncrement: false, indexes: [] },
    contents: { keyPath: 'url', autoIncrement: false, indexes: [] },
    postings: { keyPath: null, autoIncrement: false, indexes: [] },
    terms: { keyPath: 'url', autoIncrement: false, indexes: [] },
    translations: { keyPath: 'key', autoIncrement: false, indexes: ['lastUsed:lastUsed'] },
  });
  db.close();
  await Dexie.delete(name);
});
