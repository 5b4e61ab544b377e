// The library database's schema: every table's row type and every version's store declaration.
// Every other module of the library takes its row types from here, never the reverse.
//
// Tables (version 1, still the layout in version 3)
// ------
//   articles  ArticleRow (= ArticleMeta, lib/library/types.ts), primary key `url` (canonical URL,
//             see records.ts canonicalUrl). No other index: lists, filters and counts come from the
//             catalog (an index entry costs about a quarter of a put in Chromium, and reading 10,000
//             index keys 50-100 ms).
//   contents  ContentRow (= ArticleContent), primary key `url` (sanitized HTML + plain text; one
//             row per article, empty strings for pending items)
//   catalog   two out-of-line keys: CATALOG_KEY, a CatalogRow with every article's id, savedAt,
//             URL, read state, status, site and tags, newest first (catalog.ts); and HEAD_KEY, a
//             CatalogHead with the newest HEAD_SIZE URLs (the popup's recent list reads only this)
//   postings  PostingBlock rows, out-of-line key = the block's first term: the search index's
//             posting lists (postings.ts)
//   terms     PendingTermsRow, primary key `url`: the terms of articles written since the postings
//             were last rebuilt (search-index.ts); emptied when they are merged into the postings
//   assets    AssetRow (version 4), primary key [article+hash], index `article`: the pictures stored
//             with an article (Blobs, sniffed and scaled: lib/library/images.ts) and its thumbnail.
//             Whatever hangs off an article later (highlights) follows the same pattern: the
//             article's URL as the first part of the key, deleted in the same commit as the article.
//   highlights HighlightRow (version 5), primary key `id`, index `article`: the reader's own
//             highlights and notes (lib/annotations/highlight.ts), each with its W3C selectors;
//             deleted in the same commit as their article
//
// Invariants, kept by the one write path (commit.ts) and nothing else: every article has exactly
// one row in articles and contents and one entry in the catalog; assets belong to a saved article
// (a deletion removes them in the same transaction); the head row is the catalog's
// first HEAD_SIZE URLs; an article's current terms are either in the postings under its id or
// on its pending row (whose terms win over any older postings of that id); `stale` counts the
// ids the postings still hold for deleted or re-indexed articles.
//
// Versions
// --------
//   1  the tables above.
//   2  + `translations` (the translation cache, key 'key', index 'lastUsed').
//   3  `translations` dropped: the cache has its own database (extension/translate/cache.ts),
//      and the upgrade carries the cached translations over to it (db.ts).
//   4  + `assets` (stored pictures). A new table only: the upgrade writes nothing, every older
//      article simply has no stored picture (its reader keeps "Load images from the site").
//   5  + `highlights`. A new table only: the upgrade writes nothing.
// A released version is frozen: a change is a new version with its own constant here, its
// `this.version(n)` line in db.ts, a frozen writer of the previous version's data in
// tests/fixtures/ (library-v1.ts, library-v2.ts) and a test in library-schema.test.ts that opens
// that data with the current class and finds every record intact.
import type { Highlight } from '@/lib/annotations/highlight';
import type { ArticleContent, ArticleMeta } from '@/lib/library/types';

/** A row of `articles`: the metadata every list shows (the shape the UI shares, in lib/). */
export type ArticleRow = ArticleMeta;
/** A row of `contents`. */
export type ContentRow = ArticleContent;

/** The catalog row (key CATALOG_KEY), as stored: typed arrays and joined strings, cheap to clone. */
export interface CatalogRow {
  nextId: number;
  /** Ids that the posting lists still hold for deleted or re-indexed articles. */
  stale: number;
  ids: Uint32Array;
  savedAt: Float64Array;
  /** URLs joined with "\n" (a canonical web URL holds no line break). */
  urls: string;
  /** 1 where readAt > 0. */
  read: Uint8Array;
  /** STATUS_RANK of each article's status. */
  status: Uint8Array;
  /** The distinct sites joined with "\n", and each article's index into them. */
  sites: string;
  site: Uint32Array;
  /** JSON of [id, tags][] for the articles that have tags. */
  tags: string;
  /** A random number new with every write of the catalog (absent before the first such write). */
  rev?: number;
}

/** The head row (key HEAD_KEY): the catalog's first HEAD_SIZE URLs joined with "\n", and the
 *  catalog's `rev`, so a reader knows whether the catalog it decoded last is still the stored one. */
export interface CatalogHead {
  urls: string;
  rev?: number;
}

export const CATALOG_KEY = 'catalog';
export const HEAD_KEY = 'head';
export const HEAD_SIZE = 64;

/** A row of `postings`: consecutive terms in key order with their id lists (postings.ts). */
export interface PostingBlock {
  /** The block's terms in key order, joined with "\n" (terms hold no line breaks). */
  terms: string;
  /** ends[i] is where term i's ids end in `ids` (they start where term i-1's end, or at 0). */
  ends: Uint32Array;
  ids: Uint32Array;
}

/** A row of `terms`: the search terms of an article not yet in the posting lists (folded words,
 *  Korean stems and compound parts, CJK bigrams: see lib/library/terms.ts), joined with spaces. */
export interface PendingTermsRow {
  url: string;
  /** The article's id in the catalog. */
  id: number;
  terms: string;
}

/** A row of `assets`: one stored picture of an article, or its thumbnail (hash THUMB_HASH). */
export interface AssetRow {
  /** The article's URL (its key in `articles`). */
  article: string;
  /** sourceKey(src) (lib/library/images.ts), or THUMB_HASH. */
  hash: string;
  /** The picture's address in the article's HTML (pickSource), by which the reader finds it. */
  src: string;
  /** The type its bytes were sniffed as, never the one a server or an import declared. */
  type: string;
  width: number;
  height: number;
  blob: Blob;
}

/** The hash of an article's thumbnail row (a SHA-256 prefix is hex, so it never collides). */
export const THUMB_HASH = 'thumb';
/** A row of `highlights`. */
export type HighlightRow = Highlight;

/** Version 1 of the schema. Frozen: a later version gets its own constant. */
export const SCHEMA_V1 = Object.freeze({
  articles: 'url',
  contents: 'url',
  catalog: '',
  postings: '',
  terms: 'url',
});

/** Version 2: v1 plus the translation cache. Frozen. */
export const SCHEMA_V2 = Object.freeze({
  ...SCHEMA_V1,
  translations: 'key, lastUsed',
});

/** Version 3: the translation cache moves to its own database (null deletes the table). */
export const SCHEMA_V3 = Object.freeze({
  ...SCHEMA_V1,
  translations: null,
});

/** Version 4: the pictures stored with articles. Frozen. */
export const SCHEMA_V4 = Object.freeze({
  ...SCHEMA_V1,
  assets: '[article+hash], article',
});

/** Version 5: the reader's highlights and notes. Frozen. */
export const SCHEMA_V5 = Object.freeze({
  ...SCHEMA_V4,
  highlights: 'id, article',
});

/** The current schema version (Dexie's version number, not IndexedDB's). */
export const LIBRARY_SCHEMA_VERSION = 5;
