// The saved-articles database (Dexie over IndexedDB). Opened only in extension contexts.
//
// Schema, version 1
// -----------------
//   articles  ArticleMeta, primary key `url` (canonical URL, see records.ts canonicalUrl)
//             indexes: savedAt, updatedAt, site, readAt (0 = unread), status, *tags (multiEntry)
//   contents  ArticleContent, primary key `url` (sanitized HTML + plain text; one row per article,
//             empty strings for pending items)
//   terms     ArticleTerms, primary key `url`, *terms (multiEntry): the search index, see search.ts
//
// Every article has exactly one row in each of the three tables, and every write that touches an
// article writes all three in one transaction.
//
// Changing the schema
// -------------------
// Never edit SCHEMA_V1. Add `SCHEMA_V2` (Dexie wants the full store list of each version, e.g. v2
// adds `translations: 'key, provider, createdAt'` for issue 5), declare
// `this.version(2).stores(SCHEMA_V2).upgrade(tx => …)` below the v1 line, and add a test in
// tests/unit/library-schema.test.ts that writes v1 (and v2…) data with `writeV1` and opens it
// with the current class, finding every record intact.
//
// (Files in utils/library avoid local names that WXT auto-imports — t, storage, browser… — since
// the auto-import transform adds imports for them even where they are local, which would pull
// extension code into this layer and break it in plain Node / jsdom tests.)
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { ArticleContent, ArticleMeta, ArticleTerms } from './types';

export const LIBRARY_DB_NAME = 'library';

/** Version 1 of the schema. Frozen: a later version gets its own constant. */
export const SCHEMA_V1 = Object.freeze({
  articles: 'url, savedAt, updatedAt, site, readAt, status, *tags',
  contents: 'url',
  terms: 'url, *terms',
});

/** The current schema version (Dexie's version number, not IndexedDB's). */
export const LIBRARY_SCHEMA_VERSION = 1;

export class LibraryDB extends Dexie {
  articles!: Table<ArticleMeta, string>;
  contents!: Table<ArticleContent, string>;
  terms!: Table<ArticleTerms, string>;

  constructor(name: string = LIBRARY_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** The library database (opened lazily by Dexie on first use). */
export function openLibrary(name: string = LIBRARY_DB_NAME, options?: DexieOptions): LibraryDB {
  return new LibraryDB(name, options);
}
