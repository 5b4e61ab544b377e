// The translation cache: translations kept in a database of their own ('translation-cache'),
// keyed by provider, language pair and a hash of the source text (lib/translate/cache.ts), capped
// in size with least-recently-used eviction. Opened only in extension contexts (the background,
// the options page); a content script reaches it through messages (platform/translate/port.ts).
//
// Schema, version 1
// -----------------
//   translations  TranslationRow, primary key `key`, index `lastUsed` (eviction order)
//   totals        CacheTotals, one row under TOTALS_KEY: the running size, so the options page and
//                 the cap need not read every row
// Until library schema v3 the cache was a table of the library database, its size a row of a
// different shape in the same table; the library's v3 upgrade hands those rows to
// carryOverTranslations (extension/library/db.ts).
//
// Collisions: the key holds a 53-bit hash and the text's length; the row keeps the source text
// itself, and a hit counts only when it is equal. A collision is therefore a miss, and the new
// translation simply replaces the old row.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { cacheKey, type TranslationCache } from '@/lib/translate/cache';

export const TRANSLATION_CACHE_DB_NAME = 'translation-cache';

/** Version 1 of the cache's schema. Frozen once released: a change is a new version. */
export const CACHE_SCHEMA_V1 = Object.freeze({
  translations: 'key, lastUsed',
  totals: '',
});

export interface TranslationRow {
  key: string;
  cacheId: string;
  from: string;
  to: string;
  source: string;
  translation: string;
  /** Characters held (source + translation): what the size cap counts. */
  chars: number;
  createdAt: number;
  lastUsed: number;
}

/** The running size of the cache (one row, key TOTALS_KEY). */
export interface CacheTotals {
  chars: number;
  entries: number;
}

const TOTALS_KEY = 'size';
/** 20 MB of UTF-16 text by default. */
const DEFAULT_MAX_CHARS = 10_000_000;
/** A hit refreshes lastUsed only when it is older than this (a read need not always write). */
const TOUCH_AFTER_MS = 60_000;

export class TranslationCacheDB extends Dexie {
  translations!: Table<TranslationRow, string>;
  totals!: Table<CacheTotals, string>;

  constructor(name: string = TRANSLATION_CACHE_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(CACHE_SCHEMA_V1);
  }
}

/** The translation cache's database (opened lazily by Dexie on first use). */
export function openTranslationCache(name: string = TRANSLATION_CACHE_DB_NAME, options?: DexieOptions): TranslationCacheDB {
  return new TranslationCacheDB(name, options);
}

export interface DexieCacheOptions {
  maxChars?: number;
  now?: () => number;
}

export class DexieTranslationCache implements TranslationCache {
  readonly maxChars: number;
  private readonly now: () => number;

  constructor(
    private readonly db: TranslationCacheDB = openTranslationCache(),
    options: DexieCacheOptions = {},
  ) {
    this.maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    this.now = options.now ?? Date.now;
  }

  async getMany(cacheId: string, from: string, to: string, texts: string[]): Promise<(string | undefined)[]> {
    if (!texts.length) return [];
    const keys = texts.map((text) => cacheKey(cacheId, from, to, text));
    const table = this.db.translations;
    return this.db.transaction('rw', table, async () => {
      const rows = await table.bulkGet(keys);
      const now = this.now();
      const touched: TranslationRow[] = [];
      const out = rows.map((row, i) => {
        if (!row || row.source !== texts[i]) return undefined;
        if (now - row.lastUsed > TOUCH_AFTER_MS) touched.push({ ...row, lastUsed: now });
        return row.translation;
      });
      if (touched.length) await table.bulkPut(touched);
      return out;
    });
  }

  async putMany(cacheId: string, from: string, to: string, entries: { source: string; translation: string }[]): Promise<void> {
    if (!entries.length) return;
    const { translations, totals } = this.db;
    const now = this.now();
    const byKey = new Map<string, TranslationRow>();
    for (const { source, translation } of entries) {
      const key = cacheKey(cacheId, from, to, source);
      byKey.set(key, {
        key,
        cacheId,
        from,
        to,
        source,
        translation,
        chars: source.length + translation.length,
        createdAt: now,
        lastUsed: now,
      });
    }
    const rows = [...byKey.values()];
    await this.db.transaction('rw', translations, totals, async () => {
      const [old, stored] = await Promise.all([translations.bulkGet(rows.map((r) => r.key)), totals.get(TOTALS_KEY)]);
      const size: CacheTotals = { chars: stored?.chars ?? 0, entries: stored?.entries ?? 0 };
      old.forEach((row) => {
        if (row) {
          size.chars -= row.chars;
          size.entries--;
        }
      });
      for (const row of rows) {
        size.chars += row.chars;
        size.entries++;
      }
      await translations.bulkPut(rows);
      if (size.chars > this.maxChars) {
        // Evict the least recently used rows down to 90% of the cap (never the rows just written).
        const fresh = new Set(rows.map((r) => r.key));
        const goal = this.maxChars * 0.9;
        const evict: string[] = [];
        await translations
          .orderBy('lastUsed')
          .until(() => size.chars <= goal)
          .each((row) => {
            if (fresh.has(row.key)) return;
            size.chars -= row.chars;
            size.entries--;
            evict.push(row.key);
          });
        await translations.bulkDelete(evict);
      }
      await totals.put({ chars: Math.max(0, size.chars), entries: Math.max(0, size.entries) }, TOTALS_KEY);
    });
  }

  /** What the cache holds: rows and their estimated size in bytes (UTF-16). */
  async size(): Promise<{ entries: number; bytes: number }> {
    const row = await this.db.totals.get(TOTALS_KEY);
    return { entries: row?.entries ?? 0, bytes: (row?.chars ?? 0) * 2 };
  }

  async clear(): Promise<void> {
    const { translations, totals } = this.db;
    await this.db.transaction('rw', translations, totals, () => Promise.all([translations.clear(), totals.clear()]));
  }
}

/** Empties the translation cache (the options page's "Clear translation cache"). */
export function clearTranslationCache(db: TranslationCacheDB): Promise<void> {
  return new DexieTranslationCache(db).clear();
}

export function translationCacheSize(db: TranslationCacheDB): Promise<{ entries: number; bytes: number }> {
  return new DexieTranslationCache(db).size();
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A stored translation as the library database's v2 table held it (its size row is not one). */
function asTranslationRow(raw: unknown): TranslationRow | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (!isText(r.key) || !isText(r.cacheId) || !isText(r.from) || !isText(r.to) || !isText(r.source) || !isText(r.translation))
    return null;
  if (!isCount(r.createdAt) || !isCount(r.lastUsed)) return null;
  const { key, cacheId, from, to, source, translation, createdAt, lastUsed } = r;
  return { key, cacheId, from, to, source, translation, chars: source.length + translation.length, createdAt, lastUsed };
}

/**
 * Adds translations kept by an earlier version (the library database's `translations` table,
 * read by its v3 upgrade) to the cache, in one transaction, and returns how many were added.
 * Rows that are not translations (the old size row) are left out; a translation the cache
 * already holds under the same key keeps the cache's (it is at least as recent). The totals
 * count what was added; a cache over its cap evicts at its next write.
 */
export async function carryOverTranslations(db: TranslationCacheDB, rows: readonly unknown[]): Promise<number> {
  const incoming = rows.map(asTranslationRow).filter((r): r is TranslationRow => r !== null);
  if (incoming.length === 0) return 0;
  const { translations, totals } = db;
  return db.transaction('rw', translations, totals, async () => {
    const [present, stored] = await Promise.all([translations.bulkGet(incoming.map((r) => r.key)), totals.get(TOTALS_KEY)]);
    const added = incoming.filter((_, i) => !present[i]);
    await translations.bulkPut(added);
    const chars = added.reduce((sum, r) => sum + r.chars, 0);
    await totals.put({ chars: (stored?.chars ?? 0) + chars, entries: (stored?.entries ?? 0) + added.length }, TOTALS_KEY);
    return added.length;
  });
}
