// The saved-articles database (Dexie over IndexedDB). Opened only in extension contexts.
//
// Schema, version 1
// -----------------
//   articles  ArticleMeta, primary key `url` (canonical URL, see records.ts canonicalUrl). No other
//             index: lists, filters and counts come from the catalog (an index entry costs about a
//             quarter of a put in Chromium, and reading 10,000 index keys 50-100 ms).
//   contents  ArticleContent, primary key `url` (sanitized HTML + plain text; one row per article,
//             empty strings for pending items)
//   catalog   one row, key 'catalog' (catalog.ts): every article's id, savedAt, URL, read state,
//             status, site and tags, newest first; and key 'head': the newest 64 URLs (the
//             popup's recent list reads only this row)
//   postings  the search index (postings.ts): blocks of posting lists, key = the block's first term
//   terms     ArticleTerms, primary key `url`: the terms of articles saved since the postings were
//             last rebuilt (search.ts); emptied when they are merged into the postings
//
// Version 2 (issue 5)
// ---------------------
//   translations  TranslationRow (extension/translate/cache.ts), primary key `key`
//             (cacheId | from | to | hash of the source text), index `lastUsed` for LRU eviction.
//             One row without `lastUsed` (key TRANSLATION_SIZE_KEY) keeps the running size; having
//             no `lastUsed`, it is outside the index and never evicted. Nothing to migrate: the
//             table starts empty, and v1's stores are unchanged.
//
// Every article has exactly one row in articles and contents and one entry in the catalog, and
// every write that touches an article writes them in one transaction (with its terms row, when
// its text or title changed).
//
// Changing the schema
// -------------------
// Version 1 is frozen once released (it was redesigned in place before any release: posting
// lists instead of a multiEntry index). Add `SCHEMA_V2` (Dexie wants the full store list of each
// version, e.g. v2 adds `translations: 'key, provider, createdAt'` for issue 5), declare
// `this.version(2).stores(SCHEMA_V2).upgrade(tx => …)` below the v1 line, and add a test in
// tests/unit/library-schema.test.ts that writes v1 (and v2…) data with `writeV1` and opens it
// with the current class, finding every record intact.
//
// (Files in extension/library avoid local names that WXT auto-imports — t, storage, browser… — since
// the auto-import transform adds imports for them even where they are local, which would pull
// extension code into this layer and break it in plain Node / jsdom tests.)
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { CatalogHead, CatalogRow } from '@/extension/library/catalog';
import type { PostingBlock } from '@/extension/library/postings';
import type { ArticleContent, ArticleMeta, ArticleTerms } from '@/lib/library/types';
import type { TranslationRow } from '@/extension/translate/cache';

export const LIBRARY_DB_NAME = 'library';

/** Version 1 of the schema. Frozen: a later version gets its own constant. */
export const SCHEMA_V1 = Object.freeze({
  articles: 'url',
  contents: 'url',
  catalog: '',
  postings: '',
  terms: 'url',
});

/** Version 2: v1 plus the translation cache. Frozen once released. */
export const SCHEMA_V2 = Object.freeze({
  ...SCHEMA_V1,
  translations: 'key, lastUsed',
});

/** The current schema version (Dexie's version number, not IndexedDB's). */
export const LIBRARY_SCHEMA_VERSION = 2;

export class LibraryDB extends Dexie {
  articles!: Table<ArticleMeta, string>;
  contents!: Table<ArticleContent, string>;
  catalog!: Table<CatalogRow | CatalogHead, string>;
  postings!: Table<PostingBlock, string>;
  terms!: Table<ArticleTerms, string>;
  translations!: Table<TranslationRow, string>;

  constructor(name: string = LIBRARY_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    // New table only: no upgrade function needed (existing rows are untouched).
    this.version(2).stores(SCHEMA_V2);
  }
}

/** The library database (opened lazily by Dexie on first use). */
export function openLibrary(name: string = LIBRARY_DB_NAME, options?: DexieOptions): LibraryDB {
  return new LibraryDB(name, options);
}

/**
 * The library database, opening from now on: for the pages that show it as soon as they load
 * (popup, library, saved reader). The browser opens it while the page renders, instead of at the
 * page's first query, which Dexie's liveQuery runs a task after subscribing (about 10-15 ms of the
 * popup's first render on the 2-core test machine). A failed open is reported, as with Dexie's own
 * opening on first use, by every query that follows.
 */
export function openLibraryNow(): LibraryDB {
  const db = openLibrary();
  void db.open().catch(() => undefined);
  return db;
}
