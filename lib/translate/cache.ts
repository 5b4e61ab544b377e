// The translation cache's contract and keys: what the engine asks of a cache, and how a text is
// keyed (provider, language pair and a hash of the source). Pure: the Dexie-backed cache is in
// extension/translate/cache.ts; a content script reaches it through messages (platform/translate/port.ts).
//
// Collisions: the key holds a 53-bit hash and the text's length; a stored row keeps the source text
// itself, and a hit counts only when it is equal. A collision is therefore a miss.

export interface TranslationCache {
  /** The cached translation of each text, or undefined. */
  getMany(cacheId: string, from: string, to: string, texts: string[]): Promise<(string | undefined)[]>;
  putMany(cacheId: string, from: string, to: string, entries: { source: string; translation: string }[]): Promise<void>;
}

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
