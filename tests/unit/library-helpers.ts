// Shared by the library tests (not a test file itself): fresh databases and sample articles.
import 'fake-indexeddb/auto';
import type { Article } from '@/lib/article/types';
import { wordCount, readingMinutes } from '@/lib/article/text';
import { type CatalogEntry, readCatalog } from '@/extension/library/catalog';
import { LibraryDB, type LibraryOptions } from '@/extension/library/db';

let n = 0;
const opened: LibraryDB[] = [];

/** A new, empty library database with a unique name (options: e.g. the search index's tuning). */
export function freshDb(prefix = 'lib', options?: LibraryOptions): LibraryDB {
  const db = new LibraryDB(`${prefix}-${Date.now()}-${n++}`, options);
  opened.push(db);
  return db;
}

/** Closes and deletes the databases opened by freshDb (call from afterEach/afterAll). */
export async function dropDbs(): Promise<void> {
  for (const db of opened.splice(0)) await db.delete();
}

/** An extracted article as lib/article/extract.ts returns it. */
export function article(over: Partial<Article> & { text?: string } = {}): Article {
  const text = over.text ?? 'Body text of the article, long enough to be a real paragraph of news.';
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  const url = over.url ?? 'https://news.example.com/2024/05/story';
  return {
    title: 'A story',
    byline: 'Kim Min-ji',
    siteName: 'Example News',
    publishedTime: '2024-05-01T09:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'The first lines.',
    leadImage: 'https://news.example.com/lead.jpg',
    url,
    canonicalUrl: over.canonicalUrl ?? url,
    contentHtml: paragraphs.join(''),
    text,
    wordCount: wordCount(text),
    readingMinutes: readingMinutes(text),
    ...over,
  };
}

/** The pending search terms of an article (see extension/library/search-index.ts), or undefined. */
export async function pendingTerms(db: LibraryDB, url: string): Promise<string[] | undefined> {
  return (await db.terms.get(url))?.terms.split(' ');
}

/** The pending-terms table without the internal ids (which a restore or re-import gives anew). */
export async function termRows(db: LibraryDB): Promise<{ url: string; terms: string }[]> {
  return (await db.terms.toArray()).map(({ url, terms }) => ({ url, terms }));
}

/** The catalog's entries in list order, without the internal ids. */
export async function catalogRows(db: LibraryDB): Promise<Omit<CatalogEntry, 'id'>[]> {
  const cat = await readCatalog(db);
  return cat.ids.map((_, i) => {
    const { id: _id, ...rest } = cat.entry(i);
    return rest;
  });
}
