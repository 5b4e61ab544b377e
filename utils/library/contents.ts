// Article contents, stored in packs: a row of the `contents` table holds the contents of one or
// more articles. An article saved on its own gets a pack of its own; articles imported together
// share packs of up to PACK_CHARS characters (or PACK_ITEMS articles). The catalog says which pack
// holds each article (catalog.ts, `pack`).
//
// Why: Chromium keeps IndexedDB values under 64 KB in its LevelDB, and larger ones in files of
// their own, which is much cheaper per byte. Measured on the 2-core test machine, the contents of
// 10,000 generated articles (150 MB as UTF-16) take 2.9 s to write one row each and 1.0 s in rows
// of ~8 articles, and 1.9 s against 0.5 s to read back; one pack is still read in ~1.5 ms.
//
// Every function here works inside the caller's transaction, with the catalog it has read (and
// will write).
import type { Catalog } from './catalog';
import type { LibraryDB } from './db';
import type { ArticleContent } from './types';

/** A row of the contents table. */
export interface ContentPack {
  id: number;
  items: ArticleContent[];
}

/** A pack closes once it holds this many characters (UTF-16: twice as many bytes)… */
export const PACK_CHARS = 64 * 1024;
/** …or this many articles. */
export const PACK_ITEMS = 16;

const sizeOf = (c: ArticleContent) => c.contentHtml.length + c.text.length + c.url.length;

/** The contents of `urls`, aligned with them (undefined where there is none). */
export async function readContents(db: LibraryDB, cat: Catalog, urls: readonly string[]): Promise<(ArticleContent | undefined)[]> {
  const packIds = [...new Set(urls.map((url) => cat.packOf(url)).filter((id) => id > 0))];
  const packs = packIds.length ? await db.contents.bulkGet(packIds) : [];
  const byUrl = new Map<string, ArticleContent>();
  for (const pack of packs) for (const item of pack?.items ?? []) byUrl.set(item.url, item);
  return urls.map((url) => byUrl.get(url));
}

/** Every stored content (all packs). */
export async function allContents(db: LibraryDB): Promise<ArticleContent[]> {
  return (await db.contents.toArray()).flatMap((pack) => pack.items);
}

/**
 * Stores contents of articles the catalog lists: a URL already stored is replaced in its pack; new
 * ones go into new packs, together when `together` (an import), else one pack each. The catalog
 * is updated before the first await, so a caller may write it right after calling this.
 */
export async function writeContents(db: LibraryDB, cat: Catalog, contents: readonly ArticleContent[], together: boolean): Promise<void> {
  const replaced = new Map<number, Map<string, ArticleContent>>();
  const writes: ContentPack[] = [];
  let pack: ContentPack | null = null;
  let chars = 0;
  for (const c of contents) {
    const stored = cat.packOf(c.url);
    if (stored > 0) {
      if (!replaced.has(stored)) replaced.set(stored, new Map());
      replaced.get(stored)!.set(c.url, c);
      continue;
    }
    if (!pack || !together || chars >= PACK_CHARS || pack.items.length >= PACK_ITEMS) {
      pack = { id: cat.nextPack++, items: [] };
      writes.push(pack);
      chars = 0;
    }
    pack.items.push(c);
    chars += sizeOf(c);
    cat.setPack(c.url, pack.id);
  }
  if (replaced.size) {
    const ids = [...replaced.keys()];
    const packs = await db.contents.bulkGet(ids);
    ids.forEach((id, i) => {
      const changes = replaced.get(id)!;
      const items = (packs[i]?.items ?? []).filter((item) => !changes.has(item.url));
      writes.push({ id, items: [...items, ...changes.values()] });
    });
  }
  if (writes.length) await db.contents.bulkPut(writes);
}

/** Removes the contents of `urls` from their packs (before they leave the catalog). */
export async function removeContents(db: LibraryDB, cat: Catalog, urls: readonly string[]): Promise<void> {
  const byPack = new Map<number, Set<string>>();
  for (const url of urls) {
    const pack = cat.packOf(url);
    if (pack > 0) byPack.set(pack, (byPack.get(pack) ?? new Set()).add(url));
  }
  if (byPack.size === 0) return;
  const ids = [...byPack.keys()];
  const packs = await db.contents.bulkGet(ids);
  const keep: ContentPack[] = [];
  const drop: number[] = [];
  ids.forEach((id, i) => {
    const items = (packs[i]?.items ?? []).filter((item) => !byPack.get(id)!.has(item.url));
    if (items.length) keep.push({ id, items });
    else drop.push(id);
  });
  await Promise.all([keep.length ? db.contents.bulkPut(keep) : null, drop.length ? db.contents.bulkDelete(drop) : null]);
}
