// The saved-articles database (Dexie over IndexedDB), opened only in extension contexts. Its
// tables, row types and versions are declared in schema.ts; this file opens it, with its options
// (the search index's tuning), and runs the upgrades.
//
// (Files in extension/library avoid local names that WXT auto-imports — t, storage, browser… — since
// the auto-import transform adds imports for them even where they are local, which would pull
// extension code into this layer and break it in plain Node / jsdom tests.)
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import { carryOverTranslations, openTranslationCache, TRANSLATION_CACHE_DB_NAME } from '@/extension/translate/cache';
import { DEFAULT_TUNING, type SearchTuning } from '@/extension/library/search-index';
import {
  type ArticleRow,
  type AssetRow,
  type CatalogHead,
  type CatalogRow,
  type ContentRow,
  type HighlightRow,
  type PendingTermsRow,
  type PostingBlock,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
} from '@/extension/library/schema';

export { LIBRARY_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from '@/extension/library/schema';

const LIBRARY_DB_NAME = 'library';

export interface LibraryOptions extends DexieOptions {
  /** Thresholds of the search index (tests set small ones to cover every path). */
  tuning?: Partial<SearchTuning>;
  /** The database the v3 upgrade carries cached translations to (default 'translation-cache'). */
  translationCache?: string;
}

/** How long the v3 upgrade waits for the translation cache before going on without it. */
const CARRY_TIMEOUT_MS = 10_000;

export class LibraryDB extends Dexie {
  articles!: Table<ArticleRow, string>;
  contents!: Table<ContentRow, string>;
  catalog!: Table<CatalogRow | CatalogHead, string>;
  postings!: Table<PostingBlock, string>;
  terms!: Table<PendingTermsRow, string>;
  assets!: Table<AssetRow, [string, string]>;
  highlights!: Table<HighlightRow, string>;
  readonly tuning: Readonly<SearchTuning>;

  constructor(name: string = LIBRARY_DB_NAME, options: LibraryOptions = {}) {
    const { tuning, translationCache = TRANSLATION_CACHE_DB_NAME, ...dexieOptions } = options;
    super(name, dexieOptions);
    this.tuning = Object.freeze({ ...DEFAULT_TUNING, ...tuning });
    this.version(1).stores(SCHEMA_V1);
    // New table only: no upgrade function needed (existing rows are untouched).
    this.version(2).stores(SCHEMA_V2);
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => carryTranslations(tx, translationCache));
    // New table only: older articles have no stored picture.
    this.version(4).stores(SCHEMA_V4);
    // New table only: older articles have no highlight.
    this.version(5).stores(SCHEMA_V5);
  }
}

/**
 * v2 → v3: the cached translations go to the translation cache's own database before their
 * table is dropped. The upgrade transaction waits for that database (Dexie.waitFor keeps it
 * alive); should it fail or take too long, the library opens anyway and the cache starts empty:
 * a cache is worth less than a library that does not open.
 */
async function carryTranslations(tx: Transaction, target: string): Promise<void> {
  const rows: unknown[] = await tx.table('translations').toArray();
  if (rows.length === 0) return;
  const carry = async () => {
    const cache = openTranslationCache(target);
    try {
      await carryOverTranslations(cache, rows);
    } finally {
      cache.close();
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CARRY_TIMEOUT_MS)));
  await Dexie.waitFor(Promise.race([carry(), timeout]).finally(() => clearTimeout(timer))).catch((err: unknown) => {
    console.warn('Cached translations could not be carried over to their own database; the cache starts empty.', err);
  });
}

/** The library database (opened lazily by Dexie on first use). */
export function openLibrary(name: string = LIBRARY_DB_NAME, options?: LibraryOptions): LibraryDB {
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
