// Shared by the library tests (not a test file itself): fresh databases and sample articles.
import 'fake-indexeddb/auto';
import { type CatalogEntry, readCatalog } from '@/extension/library/catalog';
import { LibraryDB, type LibraryOptions } from '@/extension/library/db';
import { describe as describeText } from '@/lib/annotations/anchor';
import type { Highlight } from '@/lib/annotations/highlight';

export { article } from './sample-article';

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

/** A highlight of `quote` in `text` (its first occurrence), on the article at `url`. */
export function highlightIn(text: string, url: string, id: string, quote: string, over: Partial<Highlight> = {}): Highlight {
  const start = text.indexOf(quote);
  return {
    id,
    article: url,
    selectors: describeText(text, start, start + quote.length)!,
    color: 'yellow',
    note: '',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}
