// Full-text search over the library, index-based so it stays fast at 10,000 articles. What a
// term is and what a query asks are in lib/library/terms.ts; where terms are kept, in
// search-index.ts.
//
// A query reads, per term, the posting blocks of the term's prefix range, plus the pending rows
// (queryIndex); intersects the id sets; walks the catalog (catalog.ts: every article, newest
// first, one row) for order and for the site / tag / read filters; and reads metadata for a page
// only. Contents are read only to verify 3+ character CJK queries, lazily, in result order.
import { type Catalog, readCatalog } from '@/extension/library/catalog';
import type { LibraryDB } from '@/extension/library/db';
import { queryIndex } from '@/extension/library/search-index';
import { STATUS_RANK } from '@/lib/library/records';
import { fold, type ParsedQuery, parseQuery } from '@/lib/library/terms';
import type { ArticleMeta, LibraryFilter } from '@/lib/library/types';

/** Marks (by catalog position) the articles passing the site / tag / read filters, or null for all. */
function filterMask(cat: Catalog, filter: LibraryFilter): Uint8Array | null {
  if (filter.site === undefined && filter.tag === undefined && filter.read === undefined) return null;
  const mask = new Uint8Array(cat.size);
  const wantRead = filter.read === undefined ? -1 : filter.read === 'read' ? 1 : 0;
  for (let i = 0; i < cat.size; i++) {
    if (filter.site !== undefined && cat.site[i] !== filter.site) continue;
    if (wantRead >= 0 && cat.read[i] !== wantRead) continue;
    if (filter.tag !== undefined && !(cat.tags.get(cat.ids[i]!) ?? []).includes(filter.tag)) continue;
    mask[i] = 1;
  }
  return mask;
}

/** Marks (by id) the articles matching every query term, or null when the query has none (all). */
async function queryMarks(db: LibraryDB, cat: Catalog, q: ParsedQuery): Promise<Uint8Array | null> {
  if (q.blank) return null;
  return queryIndex(db, cat, q.terms);
}

/**
 * Keeps, in order and until `want` are found, the URLs whose folded title + text contain every
 * `needles` string (CJK runs of 3+ characters).
 */
async function verified(db: LibraryDB, urls: string[], needles: string[], want: number): Promise<string[]> {
  if (needles.length === 0) return urls.slice(0, want);
  const out: string[] = [];
  const CHUNK = 64;
  for (let i = 0; i < urls.length && out.length < want; i += CHUNK) {
    const chunk = urls.slice(i, i + CHUNK);
    const [metas, contents, marks] = await Promise.all([
      db.articles.bulkGet(chunk),
      db.contents.bulkGet(chunk),
      db.highlights.where('article').anyOf(chunk).toArray(),
    ]);
    // the notes are searched too (search-index.ts indexes them with the article)
    const notes = new Map<string, string>();
    for (const h of marks) if (h.note) notes.set(h.article, `${notes.get(h.article) ?? ''}\n${h.note}`);
    chunk.forEach((url, j) => {
      const hay = fold(`${metas[j]?.title ?? ''}\n${notes.get(url) ?? ''}\n${contents[j]?.text || metas[j]?.excerpt || ''}`);
      if (out.length < want && needles.every((n) => hay.includes(n))) out.push(url);
    });
  }
  return out;
}

/** Every matching URL, newest first (keys only: for a virtualized list). */
export async function matchUrls(db: LibraryDB, filter: LibraryFilter, want = Infinity): Promise<string[]> {
  const q = parseQuery(filter.query ?? '');
  const candidates = await db.transaction('r', [db.catalog, db.postings, db.terms], async () => {
    const cat = await readCatalog(db);
    const mask = filterMask(cat, filter);
    const marks = await queryMarks(db, cat, q);
    const limit = q.verify.length ? Infinity : want;
    const urls: string[] = [];
    for (let i = 0; i < cat.size && urls.length < limit; i++) {
      if ((mask === null || mask[i] === 1) && (marks === null || marks[cat.ids[i]!] === 1)) urls.push(cat.urls[i]!);
    }
    return urls;
  });
  // The check of 3+ character CJK runs reads the candidates' text in reads of its own, after the
  // index's transaction: inside it, under a liveQuery (the library's list), Chromium and
  // fake-indexeddb alike ended the transaction before its answer ("Transaction committed too
  // early"), and the list kept the previous query's rows (a search for 閲覧室 showed nothing new).
  // A candidate deleted in between has no text, and is not kept.
  return verified(db, candidates, q.verify, want);
}

/** Matching articles, newest first; all of them unless `limit` is given. */
export async function searchLibrary(
  db: LibraryDB,
  filter: LibraryFilter,
  options: { limit?: number; offset?: number } = {},
): Promise<ArticleMeta[]> {
  const limit = Math.max(0, options.limit ?? Infinity);
  const offset = Math.max(0, options.offset ?? 0);
  if (limit === 0) return [];
  return db.transaction('r', [db.catalog, db.postings, db.terms, db.articles, db.contents, db.highlights], async () => {
    const urls = (await matchUrls(db, filter, offset + limit)).slice(offset);
    const metas = await db.articles.bulkGet(urls);
    return metas.filter((m): m is ArticleMeta => !!m);
  });
}

/** Sites with their article counts, most articles first. */
export function siteCounts(cat: Catalog): { site: string; count: number }[] {
  return countKeys(cat.site).map(([site, count]) => ({ site, count }));
}

/** Tags with their article counts, most used first. */
export function tagCounts(cat: Catalog): { tag: string; count: number }[] {
  return countKeys([...cat.tags.values()].flat()).map(([tag, count]) => ({ tag, count }));
}

function countKeys(keys: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** URLs of the articles with a status, newest first. */
export function urlsWithStatus(cat: Catalog, status: keyof typeof STATUS_RANK): string[] {
  const rank = STATUS_RANK[status];
  return cat.urls.filter((_, i) => cat.status[i] === rank);
}
