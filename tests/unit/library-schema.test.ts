// @vitest-environment node
// Schema versions: data written by every earlier version must open with the current LibraryDB
// and be found intact. Each version gets a frozen writer in tests/fixtures (writeV1, writeV2…) that
// uses only that version's declaration, never the current class, and a test that opens its data.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { LibraryDB, LIBRARY_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from '@/extension/library/db';
import { DexieTranslationCache, TranslationCacheDB } from '@/extension/translate/cache';
import { getArticle, listUrls, pendingUrls, recent, saveArticle, sites, tags } from '@/extension/library/store';
import { searchLibrary } from '@/extension/library/search';
import { FROZEN_V1, v1Data, writeV1 } from '../fixtures/library-v1';
import { FROZEN_V2, v2Data, writeV2, type V2TranslationRow } from '../fixtures/library-v2';
import { FROZEN_V3, writeV3 } from '../fixtures/library-v3';
import { articleImages, thumbnails } from '@/extension/library/assets';
import { removeArticles } from '@/extension/library/store';
import { article } from './library-helpers';

let n = 0;
const names = () => {
  const id = `${Date.now()}-${n++}`;
  return { library: `schema-${id}`, cache: `schema-cache-${id}` };
};
const sortByUrl = <T extends { url: string }>(rows: T[]) => [...rows].sort((a, b) => a.url.localeCompare(b.url));

/** The IndexedDB layout of a database: stores, keys, indexes. */
function layout(db: Dexie) {
  const idb = db.backendDB();
  const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
  return Object.fromEntries(
    [...idb.objectStoreNames].sort().map((store) => {
      const s = tx.objectStore(store);
      const indexes = [...s.indexNames].sort().map((i) => {
        const ix = s.index(i);
        return `${ix.name}:${String(ix.keyPath)}${ix.multiEntry ? ':multi' : ''}${ix.unique ? ':unique' : ''}`;
      });
      return [store, { keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes }];
    }),
  );
}

/** The v1 records, found through the store and the search as the pages use them. */
async function expectV1Library(db: LibraryDB) {
  const data = v1Data();
  expect(sortByUrl(await db.articles.toArray())).toEqual(sortByUrl(data.articles));
  expect(sortByUrl(await db.contents.toArray())).toEqual(sortByUrl(data.contents));
  expect(sortByUrl(await db.terms.toArray())).toEqual(sortByUrl(data.terms));
  expect(await db.catalog.get('catalog')).toEqual(data.catalog);
  expect(await db.postings.toArray()).toEqual(data.postings.map(([, block]) => block));

  expect(await listUrls(db)).toEqual(['https://blog.example.org/2', 'https://news.example.com/1', 'https://old.example.net/3']);
  expect((await recent(db, 2)).map((m) => m.url)).toEqual(['https://blog.example.org/2', 'https://news.example.com/1']);
  expect(await listUrls(db, { read: 'read' })).toEqual(['https://blog.example.org/2']);
  expect(await listUrls(db, { tag: '경제' })).toEqual(['https://news.example.com/1']);
  expect(await listUrls(db, { site: 'old.example.net' })).toEqual(['https://old.example.net/3']);
  expect(await sites(db)).toEqual([
    { site: 'blog.example.org', count: 1 },
    { site: 'news.example.com', count: 1 },
    { site: 'old.example.net', count: 1 },
  ]);
  expect(await tags(db)).toEqual([
    { tag: 'food', count: 1 },
    { tag: 'paris', count: 1 },
    { tag: '경제', count: 1 },
  ]);
  expect(await pendingUrls(db)).toEqual(['https://old.example.net/3']);
  expect((await getArticle(db, 'https://blog.example.org/2'))?.text).toBe('A café in Paris.');
  expect((await searchLibrary(db, { query: '삼성' })).map((m) => m.url)).toEqual(['https://news.example.com/1']);
  expect((await searchLibrary(db, { query: '전자 반도' })).map((m) => m.url)).toEqual(['https://news.example.com/1']);
  expect((await searchLibrary(db, { query: 'cafe' })).map((m) => m.url)).toEqual(['https://blog.example.org/2']);
  expect((await searchLibrary(db, { query: 'exam' })).map((m) => m.url)).toEqual(['https://old.example.net/3']);
}

test('the current version is declared, and v1 to v5 are still the schemas they shipped with', () => {
  expect(LIBRARY_SCHEMA_VERSION).toBe(5);
  expect({ ...SCHEMA_V4 }).toEqual({ ...FROZEN_V1, assets: '[article+hash], article' });
  expect(Object.isFrozen(SCHEMA_V4)).toBe(true);
  expect({ ...SCHEMA_V1 }).toEqual(FROZEN_V1);
  expect(Object.isFrozen(SCHEMA_V1)).toBe(true);
  expect({ ...SCHEMA_V2 }).toEqual(FROZEN_V2);
  expect(Object.isFrozen(SCHEMA_V2)).toBe(true);
  expect({ ...SCHEMA_V3 }).toEqual(FROZEN_V3);
  expect(Object.isFrozen(SCHEMA_V3)).toBe(true);
  expect({ ...SCHEMA_V5 }).toEqual({ ...FROZEN_V1, assets: '[article+hash], article', highlights: 'id, article' });
  expect(Object.isFrozen(SCHEMA_V5)).toBe(true);
});

test('data written by version 1 opens with the current LibraryDB, every record intact', async () => {
  const name = names();
  await writeV1(name.library, v1Data());

  const db = new LibraryDB(name.library, { translationCache: name.cache });
  await db.open();
  expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
  expect(db.tables.map((t) => t.name).sort()).toEqual([
    'articles',
    'assets',
    'catalog',
    'contents',
    'highlights',
    'postings',
    'terms',
  ]);
  await expectV1Library(db);
  // …and writable: a save goes through the catalog and the index written by v1
  await saveArticle(db, article({ url: 'https://news.example.com/4', title: '삼성 새 공장' }), {
    pageUrl: 'https://news.example.com/4',
  });
  expect((await searchLibrary(db, { query: '삼성' })).map((m) => m.url)).toEqual([
    'https://news.example.com/4',
    'https://news.example.com/1',
  ]);
  // there was no cache to carry over: its database was not even created
  expect((await Dexie.getDatabaseNames()).includes(name.cache)).toBe(false);
  db.close();
  await Dexie.delete(name.library);
});

test('data written by version 2 opens with the current LibraryDB: the articles intact, the cached translations moved to their own database', async () => {
  const name = names();
  const data = v2Data();
  await writeV2(name.library, data);

  const db = new LibraryDB(name.library, { translationCache: name.cache });
  await db.open();
  expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
  expect(db.tables.map((t) => t.name).sort()).toEqual([
    'articles',
    'assets',
    'catalog',
    'contents',
    'highlights',
    'postings',
    'terms',
  ]);
  expect([...db.backendDB().objectStoreNames]).not.toContain('translations');
  await expectV1Library(db);

  const cacheDb = new TranslationCacheDB(name.cache);
  const translations = data.translations.filter((r): r is V2TranslationRow => 'source' in r);
  expect(sortByKey(await cacheDb.translations.toArray())).toEqual(sortByKey(translations));
  const cache = new DexieTranslationCache(cacheDb);
  // the options page's figure, and hits as the engine asks for them (the keys are unchanged)
  expect(await cache.size()).toEqual({ entries: 2, bytes: 2 * translations.reduce((sum, r) => sum + r.chars, 0) });
  expect(await cache.getMany('deepl:free', 'ko', 'en', ['삼성전자는 반도체를 만든다.', 'Not cached'])).toEqual([
    'Samsung Electronics makes chips.',
    undefined,
  ]);
  expect(await cache.getMany('libretranslate:https://lt.example.org', 'en', 'ko', ['A café in Paris.'])).toEqual([
    '파리의 카페.',
  ]);
  cacheDb.close();
  db.close();
  await Promise.all([Dexie.delete(name.library), Dexie.delete(name.cache)]);
});

test('data written by version 3 opens with the current LibraryDB: every record intact, no stored picture, and pictures can be stored', async () => {
  const name = names();
  await writeV3(name.library, v1Data());
  const db = new LibraryDB(name.library, { translationCache: name.cache });
  await db.open();
  expect(db.verno).toBe(LIBRARY_SCHEMA_VERSION);
  await expectV1Library(db);
  expect(await db.assets.count()).toBe(0);
  const url = 'https://news.example.com/1';
  expect(await articleImages(db, url)).toEqual([]);
  await saveArticle(db, article({ url, title: '삼성 새 공장' }), {
    pageUrl: url,
    images: [
      { hash: 'thumb', src: 'https://img.example/a.jpg', type: 'image/jpeg', width: 320, height: 200, blob: new Blob(['x']) },
    ],
  });
  expect((await thumbnails(db, [url]))[0]).toBeInstanceOf(Blob);
  await removeArticles(db, [url]);
  expect(await db.assets.count()).toBe(0);
  db.close();
  await Dexie.delete(name.library);
});

const sortByKey = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

test('the carried-over translations join a cache already in use: its own rows and size are kept', async () => {
  const name = names();
  const data = v2Data();
  await writeV2(name.library, data);
  // The background translated something with the new version before the library was opened.
  const cacheDb = new TranslationCacheDB(name.cache);
  const cache = new DexieTranslationCache(cacheDb);
  await cache.putMany('deepl:free', 'ko', 'en', [
    { source: '삼성전자는 반도체를 만든다.', translation: 'Samsung makes semiconductors.' },
    { source: '새 문장', translation: 'A new sentence' },
  ]);
  const before = await cache.size();

  const db = new LibraryDB(name.library, { translationCache: name.cache });
  await db.open();
  expect(await cache.getMany('deepl:free', 'ko', 'en', ['삼성전자는 반도체를 만든다.', '새 문장'])).toEqual([
    'Samsung makes semiconductors.',
    'A new sentence',
  ]);
  expect(await cache.getMany('libretranslate:https://lt.example.org', 'en', 'ko', ['A café in Paris.'])).toEqual([
    '파리의 카페.',
  ]);
  const carried = 'A café in Paris.'.length + '파리의 카페.'.length;
  expect(await cache.size()).toEqual({ entries: before.entries + 1, bytes: before.bytes + 2 * carried });
  cacheDb.close();
  db.close();
  await Promise.all([Dexie.delete(name.library), Dexie.delete(name.cache)]);
});

test('the IndexedDB layouts: the library with no secondary index, the cache with translations by lastUsed', async () => {
  const name = names();
  const db = new LibraryDB(name.library);
  await db.open();
  expect(layout(db)).toEqual({
    articles: { keyPath: 'url', autoIncrement: false, indexes: [] },
    assets: { keyPath: ['article', 'hash'], autoIncrement: false, indexes: ['article:article'] },
    catalog: { keyPath: null, autoIncrement: false, indexes: [] },
    contents: { keyPath: 'url', autoIncrement: false, indexes: [] },
    highlights: { keyPath: 'id', autoIncrement: false, indexes: ['article:article'] },
    postings: { keyPath: null, autoIncrement: false, indexes: [] },
    terms: { keyPath: 'url', autoIncrement: false, indexes: [] },
  });
  const cacheDb = new TranslationCacheDB(name.cache);
  await cacheDb.open();
  expect(layout(cacheDb)).toEqual({
    totals: { keyPath: null, autoIncrement: false, indexes: [] },
    translations: { keyPath: 'key', autoIncrement: false, indexes: ['lastUsed:lastUsed'] },
  });
  cacheDb.close();
  db.close();
  await Promise.all([Dexie.delete(name.library), Dexie.delete(name.cache)]);
});
