// The translation cache: translations kept in the library database (table `translations`, schema
// v2), keyed by provider, language pair and a hash of the source text, capped in size with
// least-recently-used eviction. Opened only in extension contexts (the background, the options
// page, the saved-article reader); a content script reaches it through messages (port.ts).
//
// Collisions: the key holds a 53-bit hash and the text's length; the row keeps the source text
// itself, and a hit counts only when it is equal. A collision is therefore a miss, and the new
// translation simply replaces the old row.
import type { LibraryDB } from '@/extension/library/db';
import { cacheKey, type TranslationCache } from '@/lib/translate/cache';

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

interface SizeRow {
  key: string;
  chars: number;
  entries: number;
}

/** The running size lives in a row of its own, outside the lastUsed index. */
export const TRANSLATION_SIZE_KEY = '\u0000size';
/** 20 MB of UTF-16 text by default. */
export const DEFAULT_MAX_CHARS = 10_000_000;
/** A hit refreshes lastUsed only when it is older than this (a read need not always write). */
const TOUCH_AFTER_MS = 60_000;

export interface DexieCacheOptions {
  maxChars?: number;
  now?: () => number;
}

export class DexieTranslationCache implements TranslationCache {
  readonly maxChars: number;
  private readonly now: () => number;

  constructor(private readonly db: LibraryDB, options: DexieCacheOptions = {}) {
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
    const table = this.db.translations;
    const now = this.now();
    const byKey = new Map<string, TranslationRow>();
    for (const { source, translation } of entries) {
      const key = cacheKey(cacheId, from, to, source);
      byKey.set(key, { key, cacheId, from, to, source, translation, chars: source.length + translation.length, createdAt: now, lastUsed: now });
    }
    const rows = [...byKey.values()];
    await this.db.transaction('rw', table, async () => {
      const [old, sizeRow] = await Promise.all([table.bulkGet(rows.map((r) => r.key)), table.get(TRANSLATION_SIZE_KEY)]);
      const size = (sizeRow as unknown as SizeRow | undefined) ?? { key: TRANSLATION_SIZE_KEY, chars: 0, entries: 0 };
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
      await table.bulkPut(rows);
      if (size.chars > this.maxChars) {
        // Evict the least recently used rows down to 90% of the cap (never the rows just written).
        const fresh = new Set(rows.map((r) => r.key));
        const goal = this.maxChars * 0.9;
        const evict: string[] = [];
        await table.orderBy('lastUsed').until(() => size.chars <= goal).each((row) => {
          if (fresh.has(row.key)) return;
          size.chars -= row.chars;
          size.entries--;
          evict.push(row.key);
        });
        await table.bulkDelete(evict);
      }
      await table.put({ ...size, chars: Math.max(0, size.chars), entries: Math.max(0, size.entries) } as unknown as TranslationRow);
    });
  }

  /** What the cache holds: rows and their estimated size in bytes (UTF-16). */
  async size(): Promise<{ entries: number; bytes: number }> {
    const row = (await this.db.translations.get(TRANSLATION_SIZE_KEY)) as unknown as SizeRow | undefined;
    return { entries: row?.entries ?? 0, bytes: (row?.chars ?? 0) * 2 };
  }

  async clear(): Promise<void> {
    await this.db.translations.clear();
  }
}

/** Empties the translation cache (the options page's "Clear translation cache"). */
export function clearTranslationCache(db: LibraryDB): Promise<void> {
  return new DexieTranslationCache(db).clear();
}

export function translationCacheSize(db: LibraryDB): Promise<{ entries: number; bytes: number }> {
  return new DexieTranslationCache(db).size();
}
