// @vitest-environment node
// Schema versions: data written by every earlier version must open with the current LibraryDB
// and be found intact. Each version gets a frozen writer here (writeV1, later writeV2…) that uses
// only that version's declaration, never the current class, and a test that opens its data.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { LibraryDB, LIBRARY_SCHEMA_VERSION, SCHEMA_V1 } from '@/utils/library/db';
import { getArticle, listUrls } from '@/utils/library/store';
import { searchLibrary } from '@/utils/library/search';
import type { ArticleContent, ArticleMeta, ArticleTerms } from '@/utils/library/types';

/** Version 1 exactly as it shipped. Do not edit: it is what users' databases contain. */
const FROZEN_V1 = {
  articles: 'url, savedAt, updatedAt, site, readAt, status, *tags',
  contents: 'url',
  terms: 'url, *terms',
};

interface V1Data {
  articles: ArticleMeta[];
  contents: ArticleContent[];
  terms: ArticleTerms[];
}

/** Writes raw v1 records with a Dexie that knows only version 1, then closes it. */
async function writeV1(name: string, data: V1Data): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(FROZEN_V1);
  await old.transaction('rw', old.table('articles'), old.table('contents'), old.table('terms'), async () => {
    await old.table('articles').bulkPut(data.articles);
    await old.table('contents').bulkPut(data.contents);
    await old.table('terms').bulkPut(data.terms);
  });
  old.close();
}

/** Records as version 1 wrote them (terms included: v1 stored them, later versions may rebuild). */
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
  const terms: ArticleTerms[] = [
    { url: 'https://news.example.com/1', terms: ['삼성전자는', '삼성전자', '성전자', '전자', '반도체를', '반도체', '만든다'] },
    { url: 'https://blog.example.org/2', terms: ['cafe', 'culture', 'in', 'paris'] },
    { url: 'https://old.example.net/3', terms: ['https', 'old', 'example', 'net'] },
  ];
  return { articles, contents, terms };
}

test('the current version is declared, and v1 is still the schema it shipped with', () => {
  expect(LIBRARY_SCHEMA_VERSION).toBe(1);
  expect({ ...SCHEMA_V1 }).toEqual(FROZEN_V1);
  expect(Object.isFrozen(SCHEMA_V1)).toBe(true);
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

  // …and usable through the API: indexes, lookups, search.
  expect(await listUrls(db)).toEqual(['https://blog.example.org/2', 'https://news.example.com/1', 'https://old.example.net/3']);
  expect(await listUrls(db, { read: 'read' })).toEqual(['https://blog.example.org/2']);
  expect(await listUrls(db, { tag: '경제' })).toEqual(['https://news.example.com/1']);
  expect((await getArticle(db, 'https://blog.example.org/2'))?.text).toBe('A café in Paris.');
  expect((await searchLibrary(db, { query: '삼성' })).map((m) => m.url)).toEqual(['https://news.example.com/1']);
  expect((await searchLibrary(db, { query: 'cafe' })).map((m) => m.url)).toEqual(['https://blog.example.org/2']);
  db.close();
  await Dexie.delete(name);
});

test('the IndexedDB layout of version 1: stores, key paths, indexes, multiEntry', async () => {
  const name = `schema-layout-${Date.now()}`;
  const db = new LibraryDB(name);
  await db.open();
  const idb = db.backendDB();
  const tx = idb.transaction(['articles', 'contents', 'terms'], 'readonly');
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
    articles: {
      keyPath: 'url',
      autoIncrement: false,
      indexes: ['readAt:readAt', 'savedAt:savedAt', 'site:site', 'status:status', 'tags:tags:multi', 'updatedAt:updatedAt'],
    },
    contents: { keyPath: 'url', autoIncrement: false, indexes: [] },
    terms: { keyPath: 'url', autoIncrement: false, indexes: ['terms:terms:multi'] },
  });
  db.close();
  await Dexie.delete(name);
});
