// The catalog: one row holding what every list needs of every article, in list order.
//
// Why one row: in Chromium every IndexedDB read or write of a record or an index entry has a fixed
// cost (measured on the 2-core test machine: ~80 µs a put, ~20 µs an index entry, 5-10 µs a key
// when reading 10,000 keys with getAllKeys), while one row of ~1 MB is read in ~3 ms and written in
// ~5 ms. So the library keeps no secondary index on its articles: ordering, the site / tag / read
// filters, the site and tag counts, the pending list and the numeric ids of the search index all
// come from this row, read once per query. It is rewritten by every write that changes one of
// its columns (save, import, delete, read state, tags; not reading progress), in the same
// transaction, so it always matches the articles table.
//
// Order: newest first — savedAt descending, then URL descending.
// Ids: each article has a numeric id (the search index's posting lists hold ids, not URLs). An id
// stays with its URL while the article is saved; the next id only grows.
// Packs: the row of the contents table that holds the article's content (contents.ts).
import type { LibraryDB } from './db';
import { STATUS_RANK } from './records';
import type { ArticleMeta, SaveStatus } from './types';

/** The catalog as stored (typed arrays and joined strings: cheap to clone). */
export interface CatalogRow {
  nextId: number;
  nextPack: number;
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
  /** The contents pack of each article. */
  pack: Uint32Array;
}

export const CATALOG_KEY = 'catalog';
/** Key of the head row: the newest HEAD_SIZE URLs, joined with "\n" (the popup reads only these). */
export const HEAD_KEY = 'head';
export const HEAD_SIZE = 64;

/** The head row. */
export interface CatalogHead {
  urls: string;
}

const STATUSES = Object.keys(STATUS_RANK) as SaveStatus[];
const statusOf = (rank: number): SaveStatus => STATUSES.find((s) => STATUS_RANK[s] === rank) ?? 'pending';

/** One article as the catalog knows it. */
export interface CatalogEntry {
  id: number;
  url: string;
  savedAt: number;
  read: boolean;
  status: SaveStatus;
  site: string;
  tags: string[];
  pack: number;
}

/** The catalog in memory: parallel columns, newest first (decoded from the row when first used). */
export class Catalog {
  nextId = 1;
  nextPack = 1;
  stale = 0;
  private row: CatalogRow | null = null;
  private cols: {
    ids: number[];
    savedAt: number[];
    urls: string[];
    read: number[];
    status: number[];
    site: string[];
    /** Tags by id (articles without tags are absent). */
    tags: Map<number, string[]>;
    pack: number[];
  } | null = null;
  private positions: Map<string, number> | null = null;

  static decode(row: CatalogRow | undefined): Catalog {
    const c = new Catalog();
    if (!row) return c;
    c.nextId = row.nextId;
    c.nextPack = row.nextPack;
    c.stale = row.stale;
    c.row = row;
    return c;
  }

  private get columns() {
    if (!this.cols) {
      const row = this.row;
      const sites = row?.sites ? row.sites.split('\n') : [];
      this.cols = {
        ids: row ? Array.from(row.ids) : [],
        savedAt: row ? Array.from(row.savedAt) : [],
        urls: row?.urls ? row.urls.split('\n') : [],
        read: row ? Array.from(row.read) : [],
        status: row ? Array.from(row.status) : [],
        site: row ? Array.from(row.site, (i) => sites[i] ?? '') : [],
        tags: new Map(JSON.parse(row?.tags || '[]') as [number, string[]][]),
        pack: row ? Array.from(row.pack) : [],
      };
      this.row = null;
    }
    return this.cols;
  }

  get size(): number {
    return this.row ? this.row.ids.length : this.columns.ids.length;
  }
  get ids(): readonly number[] {
    return this.columns.ids;
  }
  get savedAt(): readonly number[] {
    return this.columns.savedAt;
  }
  get urls(): readonly string[] {
    return this.columns.urls;
  }
  get read(): readonly number[] {
    return this.columns.read;
  }
  get status(): readonly number[] {
    return this.columns.status;
  }
  get site(): readonly string[] {
    return this.columns.site;
  }
  get tags(): ReadonlyMap<number, readonly string[]> {
    return this.columns.tags;
  }
  get pack(): readonly number[] {
    return this.columns.pack;
  }

  /** The contents pack of a URL, or 0. */
  packOf(url: string): number {
    const i = this.indexOf(url);
    return i < 0 ? 0 : this.columns.pack[i]!;
  }

  setPack(url: string, pack: number): void {
    const i = this.indexOf(url);
    if (i < 0) throw new Error(`Not in the catalog: ${url}`);
    this.columns.pack[i] = pack;
  }

  /** The first `n` URLs, without decoding the rest (the popup's newest few). */
  firstUrls(n: number): string[] {
    if (!this.row) return this.urls.slice(0, n);
    const joined = this.row.urls;
    const out: string[] = [];
    for (let from = 0; joined && out.length < n; ) {
      const end = joined.indexOf('\n', from);
      out.push(end < 0 ? joined.slice(from) : joined.slice(from, end));
      if (end < 0) break;
      from = end + 1;
    }
    return out;
  }

  encode(): CatalogRow {
    if (this.row) return { ...this.row, nextId: this.nextId, nextPack: this.nextPack, stale: this.stale };
    const siteIndex = new Map<string, number>();
    const site = new Uint32Array(this.size);
    this.site.forEach((s, i) => {
      let k = siteIndex.get(s);
      if (k === undefined) siteIndex.set(s, (k = siteIndex.size));
      site[i] = k;
    });
    return {
      nextId: this.nextId,
      nextPack: this.nextPack,
      stale: this.stale,
      ids: Uint32Array.from(this.ids),
      savedAt: Float64Array.from(this.savedAt),
      urls: this.urls.join('\n'),
      read: Uint8Array.from(this.read),
      status: Uint8Array.from(this.status),
      sites: [...siteIndex.keys()].join('\n'),
      site,
      tags: JSON.stringify([...this.tags].filter(([, tags]) => tags.length > 0)),
      pack: Uint32Array.from(this.pack),
    };
  }

  /** The position of a URL, or -1. */
  indexOf(url: string): number {
    if (!this.positions) this.positions = new Map(this.urls.map((u, i) => [u, i]));
    return this.positions.get(url) ?? -1;
  }

  entry(i: number): CatalogEntry {
    const id = this.ids[i]!;
    return { id, url: this.urls[i]!, savedAt: this.savedAt[i]!, read: this.read[i] === 1, status: statusOf(this.status[i]!), site: this.site[i]!, tags: [...(this.tags.get(id) ?? [])], pack: this.pack[i]! };
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
    const c = this.columns;
    let id: number;
    let pack = 0;
    if (at >= 0) {
      id = c.ids[at]!;
      pack = c.pack[at]!;
      if (c.savedAt[at] === meta.savedAt) {
        this.setColumns(at, meta);
        return id;
      }
      this.removeAt(at);
    } else {
      id = this.nextId++;
    }
    const i = this.slot(meta.savedAt, meta.url);
    c.ids.splice(i, 0, id);
    c.savedAt.splice(i, 0, meta.savedAt);
    c.urls.splice(i, 0, meta.url);
    c.read.splice(i, 0, 0);
    c.status.splice(i, 0, 0);
    c.site.splice(i, 0, '');
    c.pack.splice(i, 0, pack);
    this.setColumns(i, meta);
    this.positions = null;
    return id;
  }

  private setColumns(i: number, meta: ArticleMeta): void {
    const c = this.columns;
    c.read[i] = meta.readAt > 0 ? 1 : 0;
    c.status[i] = STATUS_RANK[meta.status] ?? 0;
    c.site[i] = meta.site;
    if (meta.tags.length) c.tags.set(c.ids[i]!, [...meta.tags]);
    else c.tags.delete(c.ids[i]!);
  }

  private removeAt(i: number): void {
    const c = this.columns;
    for (const col of [c.ids, c.savedAt, c.urls, c.read, c.status, c.site, c.pack] as unknown[][]) col.splice(i, 1);
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
    const c = this.columns;
    const ids: number[] = [];
    const keep = (_: unknown, i: number) => !gone.has(i);
    for (const i of gone) {
      ids.push(c.ids[i]!);
      c.tags.delete(c.ids[i]!);
    }
    this.cols = {
      ids: c.ids.filter(keep),
      savedAt: c.savedAt.filter(keep),
      urls: c.urls.filter(keep),
      read: c.read.filter(keep),
      status: c.status.filter(keep),
      site: c.site.filter(keep),
      tags: c.tags,
      pack: c.pack.filter(keep),
    };
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
      const was = known === undefined ? undefined : rows[known]!;
      const row: CatalogEntry = { id: was ? was.id : this.nextId++, url: m.url, savedAt: m.savedAt, read: m.readAt > 0, status: m.status, site: m.site, tags: m.tags, pack: was ? was.pack : 0 };
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
    this.row = null;
    this.cols = {
      ids: rows.map((r) => r.id),
      savedAt: rows.map((r) => r.savedAt),
      urls: rows.map((r) => r.url),
      read: rows.map((r) => (r.read ? 1 : 0)),
      status: rows.map((r) => STATUS_RANK[r.status] ?? 0),
      site: rows.map((r) => r.site),
      tags: new Map(rows.filter((r) => r.tags.length).map((r) => [r.id, [...r.tags]])),
      pack: rows.map((r) => r.pack),
    };
    this.positions = null;
  }

  /** A catalog of these articles, with new ids from 1. */
  static of(metas: readonly ArticleMeta[]): Catalog {
    const c = new Catalog();
    c.setRows(metas.map((m) => ({ id: c.nextId++, url: m.url, savedAt: m.savedAt, read: m.readAt > 0, status: m.status, site: m.site, tags: m.tags, pack: 0 })));
    return c;
  }
}

/** Newest first: savedAt descending, then URL descending. */
export function compareEntries(a: { savedAt: number; url: string }, b: { savedAt: number; url: string }): number {
  return b.savedAt - a.savedAt || (a.url < b.url ? 1 : a.url > b.url ? -1 : 0);
}

export async function readCatalog(db: LibraryDB): Promise<Catalog> {
  return Catalog.decode((await db.catalog.get(CATALOG_KEY)) as CatalogRow | undefined);
}

/** The newest `n` URLs, from the small head row when it holds enough (else the catalog). */
export async function newestUrls(db: LibraryDB, n: number): Promise<string[]> {
  const head = n <= HEAD_SIZE ? ((await db.catalog.get(HEAD_KEY)) as CatalogHead | undefined) : undefined;
  if (head) return head.urls ? head.urls.split('\n', n) : [];
  return (await readCatalog(db)).firstUrls(n);
}

/** Writes the catalog and its head row. */
export async function writeCatalog(db: LibraryDB, catalog: Catalog): Promise<void> {
  const head: CatalogHead = { urls: catalog.firstUrls(HEAD_SIZE).join('\n') };
  await db.catalog.bulkPut([catalog.encode(), head], [CATALOG_KEY, HEAD_KEY]);
}
