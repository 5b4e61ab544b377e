// The catalog: one row holding what every list needs of every article, in list order.
//
// Why one row: in Chromium every IndexedDB read or write of a record or an index entry has a fixed
// cost (measured on the 2-core test machine: ~80 µs a put, ~20 µs an index entry, 5-10 µs a key
// when reading 10,000 keys with getAllKeys), while one row of ~1 MB is read in ~3 ms and written in
// ~5 ms. So the library keeps no secondary index on its articles: ordering, the site / tag / read
// filters, the site and tag counts, the pending list and the numeric ids of the search index all
// come from this row, read once per query. It is rewritten by every write that changes one of
// its columns (save, import, delete, read state, tags; not reading progress), in the same
// transaction, so it always matches the articles table: commit.ts is the only writer.
//
// Order: newest first — savedAt descending, then URL descending.
// Head: a second, small row (key 'head') holds the newest HEAD_SIZE URLs, written with the catalog
// by writeCatalog; the popup's recent list and the library page's first rows (store.ts
// openingUrls) read it instead of the whole catalog (~1 MB, ~7 ms to read and decode at 10,000
// articles; ~230-360 ms at 100,000). A database without it (none written yet) falls back to the
// catalog.
// Revisions: every write of the catalog gives it a new random `rev`, stored in both rows. A context
// keeps the catalog it decoded last (by database) and reads only the small head row to learn
// whether it is still the stored one: the library page's list, filters, counts and every search
// read the catalog, and at 100,000 articles reading and decoding its row takes ~200 ms.
// Ids: each article has a numeric id (the search index's posting lists hold ids, not URLs). An id
// stays with its URL while the article is saved; the next id only grows.
import type { LibraryDB } from '@/extension/library/db';
import { CATALOG_KEY, type CatalogHead, type CatalogRow, HEAD_KEY, HEAD_SIZE } from '@/extension/library/schema';
import { STATUS_RANK } from '@/lib/library/records';
import type { ArticleMeta, SaveStatus } from '@/lib/library/types';

const STATUSES = Object.keys(STATUS_RANK) as SaveStatus[];
const statusOf = (rank: number): SaveStatus => STATUSES.find((s) => STATUS_RANK[s] === rank) ?? 'pending';

/** The catalog's columns of one article, under `id`. */
const entryOf = (id: number, m: ArticleMeta): CatalogEntry => ({
  id,
  url: m.url,
  savedAt: m.savedAt,
  read: m.readAt > 0,
  status: m.status,
  site: m.site,
  tags: m.tags,
});

/** One article as the catalog knows it. */
export interface CatalogEntry {
  id: number;
  url: string;
  savedAt: number;
  read: boolean;
  status: SaveStatus;
  site: string;
  tags: string[];
}

/** The catalog in memory: parallel columns, newest first. */
export class Catalog {
  /** The revision this catalog was read at or written as (0: none yet). */
  rev = 0;
  nextId = 1;
  stale = 0;
  ids: number[] = [];
  savedAt: number[] = [];
  urls: string[] = [];
  read: number[] = [];
  status: number[] = [];
  site: string[] = [];
  /** Tags by id (articles without tags are absent). */
  tags = new Map<number, string[]>();
  private positions: Map<string, number> | null = null;

  get size(): number {
    return this.ids.length;
  }

  static decode(row: CatalogRow | undefined): Catalog {
    const c = new Catalog();
    if (!row) return c;
    c.rev = row.rev ?? 0;
    c.nextId = row.nextId;
    c.stale = row.stale;
    c.ids = Array.from(row.ids);
    c.savedAt = Array.from(row.savedAt);
    c.urls = row.urls ? row.urls.split('\n') : [];
    c.read = Array.from(row.read);
    c.status = Array.from(row.status);
    const sites = row.sites ? row.sites.split('\n') : [];
    c.site = Array.from(row.site, (i) => sites[i] ?? '');
    c.tags = new Map(JSON.parse(row.tags || '[]') as [number, string[]][]);
    return c;
  }

  /** A copy a writer may change (readers share the decoded catalog). */
  copy(): Catalog {
    const c = new Catalog();
    c.rev = this.rev;
    c.nextId = this.nextId;
    c.stale = this.stale;
    c.ids = this.ids.slice();
    c.savedAt = this.savedAt.slice();
    c.urls = this.urls.slice();
    c.read = this.read.slice();
    c.status = this.status.slice();
    c.site = this.site.slice();
    c.tags = new Map(this.tags);
    return c;
  }

  encode(): CatalogRow {
    const siteIndex = new Map<string, number>();
    const site = new Uint32Array(this.size);
    this.site.forEach((s, i) => {
      let k = siteIndex.get(s);
      if (k === undefined) siteIndex.set(s, (k = siteIndex.size));
      site[i] = k;
    });
    return {
      nextId: this.nextId,
      stale: this.stale,
      ids: Uint32Array.from(this.ids),
      savedAt: Float64Array.from(this.savedAt),
      urls: this.urls.join('\n'),
      read: Uint8Array.from(this.read),
      status: Uint8Array.from(this.status),
      sites: [...siteIndex.keys()].join('\n'),
      site,
      tags: JSON.stringify([...this.tags].filter(([, tags]) => tags.length > 0)),
      rev: this.rev,
    };
  }

  /** The position of a URL, or -1. */
  indexOf(url: string): number {
    if (!this.positions) this.positions = new Map(this.urls.map((u, i) => [u, i]));
    return this.positions.get(url) ?? -1;
  }

  entry(i: number): CatalogEntry {
    const id = this.ids[i]!;
    return {
      id,
      url: this.urls[i]!,
      savedAt: this.savedAt[i]!,
      read: this.read[i] === 1,
      status: statusOf(this.status[i]!),
      site: this.site[i]!,
      tags: this.tags.get(id) ?? [],
    };
  }

  /** Where an article saved at `savedAt` with this URL goes (newest first, then URL descending). */
  private slot(savedAt: number, url: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.savedAt[mid]!;
      if (s > savedAt || (s === savedAt && this.urls[mid]! > url)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds an article, or updates the one at its URL (moving it if savedAt changed). Returns its id. */
  upsert(meta: ArticleMeta): number {
    const at = this.indexOf(meta.url);
    let id: number;
    if (at >= 0) {
      id = this.ids[at]!;
      if (this.savedAt[at] === meta.savedAt) {
        this.setColumns(at, meta);
        return id;
      }
      this.removeAt(at);
    } else {
      id = this.nextId++;
    }
    const i = this.slot(meta.savedAt, meta.url);
    this.ids.splice(i, 0, id);
    this.savedAt.splice(i, 0, meta.savedAt);
    this.urls.splice(i, 0, meta.url);
    this.read.splice(i, 0, 0);
    this.status.splice(i, 0, 0);
    this.site.splice(i, 0, '');
    this.setColumns(i, meta);
    this.positions = null;
    return id;
  }

  private setColumns(i: number, meta: ArticleMeta): void {
    this.read[i] = meta.readAt > 0 ? 1 : 0;
    this.status[i] = STATUS_RANK[meta.status] ?? 0;
    this.site[i] = meta.site;
    if (meta.tags.length) this.tags.set(this.ids[i]!, [...meta.tags]);
    else this.tags.delete(this.ids[i]!);
  }

  private removeAt(i: number): void {
    for (const col of [this.ids, this.savedAt, this.urls, this.read, this.status, this.site] as unknown[][]) col.splice(i, 1);
    this.positions = null;
  }

  /** Removes articles by URL; returns the ids removed. */
  remove(urls: Iterable<string>): number[] {
    const gone = new Set<number>();
    for (const url of urls) {
      const i = this.indexOf(url);
      if (i >= 0) gone.add(i);
    }
    if (gone.size === 0) return [];
    const ids: number[] = [];
    const keep = (_: unknown, i: number) => !gone.has(i);
    for (const i of gone) {
      ids.push(this.ids[i]!);
      this.tags.delete(this.ids[i]!);
    }
    this.ids = this.ids.filter(keep);
    this.savedAt = this.savedAt.filter(keep);
    this.urls = this.urls.filter(keep);
    this.read = this.read.filter(keep);
    this.status = this.status.filter(keep);
    this.site = this.site.filter(keep);
    this.positions = null;
    return ids;
  }

  /**
   * Adds or updates many articles at once (an import): one sort instead of one insertion each.
   * Returns the id of each meta, in order.
   */
  upsertMany(metas: readonly ArticleMeta[]): number[] {
    if (metas.length < 64) return metas.map((m) => this.upsert(m));
    const rows = this.ids.map((_, i) => this.entry(i));
    const byUrl = new Map(rows.map((r, i) => [r.url, i]));
    const ids = metas.map((m) => {
      const known = byUrl.get(m.url);
      const row = entryOf(known === undefined ? this.nextId++ : rows[known]!.id, m);
      if (known === undefined) {
        byUrl.set(m.url, rows.length);
        rows.push(row);
      } else rows[known] = row;
      return row.id;
    });
    this.setRows(rows);
    return ids;
  }

  private setRows(rows: CatalogEntry[]): void {
    rows.sort(compareEntries);
    this.ids = rows.map((r) => r.id);
    this.savedAt = rows.map((r) => r.savedAt);
    this.urls = rows.map((r) => r.url);
    this.read = rows.map((r) => (r.read ? 1 : 0));
    this.status = rows.map((r) => STATUS_RANK[r.status] ?? 0);
    this.site = rows.map((r) => r.site);
    this.tags = new Map(rows.filter((r) => r.tags.length).map((r) => [r.id, [...r.tags]]));
    this.positions = null;
  }

  /** A catalog of these articles, with new ids from 1. */
  static of(metas: readonly ArticleMeta[]): Catalog {
    const c = new Catalog();
    c.setRows(metas.map((m) => entryOf(c.nextId++, m)));
    return c;
  }
}

/** Newest first: savedAt descending, then URL descending. */
export function compareEntries(a: { savedAt: number; url: string }, b: { savedAt: number; url: string }): number {
  return b.savedAt - a.savedAt || (a.url < b.url ? 1 : a.url > b.url ? -1 : 0);
}

/** The catalog each database's readers decoded last, by its revision. */
const decoded = new WeakMap<LibraryDB, Catalog>();

/**
 * The stored catalog. Readers share one decoded copy while the stored revision is the same (it
 * must not be changed); a writer asks for its `own` copy.
 */
export async function readCatalog(db: LibraryDB, options: { own?: boolean } = {}): Promise<Catalog> {
  const head = (await db.catalog.get(HEAD_KEY)) as CatalogHead | undefined;
  const rev = head?.rev;
  let catalog = decoded.get(db);
  if (rev === undefined || catalog?.rev !== rev) {
    const row = await db.catalog.get(CATALOG_KEY);
    catalog = Catalog.decode(row && 'nextId' in row ? row : undefined);
    if (rev !== undefined && catalog.rev === rev) decoded.set(db, catalog);
    else return catalog; // a database written before revisions: nothing to keep
  }
  return options.own ? catalog.copy() : catalog;
}

/** The newest `n` URLs: from the head row when it holds enough, else from the catalog. */
export async function newestUrls(db: LibraryDB, n: number): Promise<string[]> {
  if (n <= 0) return [];
  const head = n <= HEAD_SIZE ? await db.catalog.get(HEAD_KEY) : undefined;
  if (head) return head.urls ? head.urls.split('\n', n) : [];
  return (await readCatalog(db)).urls.slice(0, n);
}

/** Writes the catalog and its head row. */
/** Writes the catalog and its head row, under a new revision. */
export async function writeCatalog(db: LibraryDB, catalog: Catalog): Promise<void> {
  catalog.rev = newRev();
  const head: CatalogHead = { urls: catalog.urls.slice(0, HEAD_SIZE).join('\n'), rev: catalog.rev };
  await db.catalog.bulkPut([catalog.encode(), head], [CATALOG_KEY, HEAD_KEY]);
  // Readers here need not decode what was just written (a write that does not commit leaves a
  // revision no stored head ever has, so this copy is never taken for the stored one).
  decoded.set(db, catalog.copy());
}

/** A revision no other write (in any context) is likely to have drawn: 52 random bits. */
const newRev = () => {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return (high! & 0xfffff) * 2 ** 32 + low! + 1;
};
