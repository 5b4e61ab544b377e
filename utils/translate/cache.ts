// The translation cache: translations kept in the library database (table `translations`, schema
// v2), keyed by provider, language pair and a hash of the source text, capped in size with
// least-recently-used eviction. Opened only in extension contexts (the background, the options
// page, the saved-article reader); a content script reaches it through messages (port.ts).
//
// Collisions: the key holds a 53-bit hash and the text's length; the row keeps the source text
// itself, and a hit counts only when it is equal. A collision is therefore a miss, and the new
// translation simply replaces the old row.
import type { LibraryDB } from '../library/db';

export interface TranslationCache {
  /** The cached translation of each text, or undefined. */
  getMany(cacheId: string, from: string, to: string, texts: string[]): Promise<(string | undefined)[]>;
  putMany(cacheId: string, from: string, to: string, entries: { source: string; translation: string }[]): Promise<void>;
}

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

/** cyrb53: a fast, well-spread 53-bit string hash (public domain, bryc). */
export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function cacheKey(cacheId: string, from: string, to: string, text: string): string {
  return `${cacheId}|${from}|${to}|${hashText(text)}.${text.length.toString(36)}`;
}

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

/** A cache in memory (tests, and the on-device provider when no extension context answers). */
export class MemoryTranslationCache implements TranslationCache {
  readonly rows = new Map<string, { source: string; translation: string }>();
  async getMany(cacheId: string, from: string, to: string, texts: string[]) {
    return texts.map((text) => {
      const row = this.rows.get(cacheKey(cacheId, from, to, text));
      return row && row.source === text ? row.translation : undefined;
    });
  }
  async putMany(cacheId: string, from: string, to: string, entries: { source: string; translation: string }[]) {
    for (const e of entries) this.rows.set(cacheKey(cacheId, from, to, e.source), { ...e });
  }
}
