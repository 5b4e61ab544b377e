// @vitest-environment node
// Schema versions: data written by every earlier version must open with the current LibraryDB
// and be found intact. Each version gets a frozen writer here (writeV1, later writeV2…) that uses
// only that version's declaration, never the current class, and a test that opens its data.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { LibraryDB, LIBRARY_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2 } from '@/extension/library/db';
import { DexieTranslationCache } from '@/extension/translate/cache';
import { getArticle, listUrls, recent, sites, tags } from '@/extension/library/store';
import { searchLibrary } from '@/extension/library/search';
import { pendingUrls } from '@/extension/library/store';
import { FROZEN_V1, v1Data, writeV1 } from '../fixtures/library-v1';

/** Version 2 exactly as it will ship: v1 plus the translation cache (issue 5). */
const FROZEN_V2 = {
  ...FROZEN_V1,
  translations: 'key, lastUsed',
};

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
