// The library's search index: which articles hold which search terms (lib/library/terms.ts).
//
// Where terms live (no full scan of any table, no index but the primary keys): the posting lists
// (postings.ts) map each term to the numeric ids (catalog.ts) of its articles; the articles
// written since the posting lists were last rebuilt have their terms in the `terms` table instead
// (one row each, the terms joined with spaces), matched one by one, and their older postings, if
// any, are ignored. The catalog's `stale` counts the ids the postings still hold for deleted or
// re-indexed articles; a rebuild drops them.
//
// When the postings are rebuilt: a write that brings more than tuning.pendingMax articles to
// index (an import) merges them, with those already waiting, straight into the postings in its own
// transaction (cheaper than writing rows only to read them back); smaller writes leave pending
// rows, and once more than pendingMax wait (or stale passes the library's size), a rebuild runs in
// the background after the write has committed.
//
// Interface:
//   beginIndexUpdate  inside a commit's transaction (commit.ts, the only writer): reads what the
//                     update needs, then apply() indexes the written articles and forgets the
//                     deleted ones
//   queryIndex        the articles matching every term of a query (search.ts)
//   indexPending      merges the pending rows into the postings (now, or when it is time)
//   indexSettled      waits for a background rebuild
//   indexAll          the whole index anew, from every article (a repair: commit.ts rebuildAll)
import type { Catalog } from '@/extension/library/catalog';
import { readCatalog, writeCatalog } from '@/extension/library/catalog';
import type { LibraryDB } from '@/extension/library/db';
import { mergePostings, prefixPostings, rewritePostings } from '@/extension/library/postings';
import type { PendingTermsRow, PostingBlock } from '@/extension/library/schema';
import { guard } from '@/lib/library/errors';
import { hasPrefix, termsOf } from '@/lib/library/terms';
import type { ArticleMeta } from '@/lib/library/types';

/** Thresholds of the index, given to openLibrary (tests set small ones to cover every path). */
export interface SearchTuning {
  /** Ids per posting block (a block closes once it has this many). */
  blockIds: number;
  /** Articles written since the last rebuild whose terms are matched one by one; beyond, rebuild. */
  pendingMax: number;
}

export const DEFAULT_TUNING: Readonly<SearchTuning> = Object.freeze({ blockIds: 16384, pendingMax: 128 });

/** An article whose terms changed (new, or its title or text changed). */
export interface IndexedArticle {
  id: number;
  url: string;
  meta: Pick<ArticleMeta, 'title' | 'excerpt'>;
  text: string;
  /** The notes of its highlights, joined with line breaks ('' when none). */
  notes: string;
  /** It was indexed before (its old postings become stale). */
  existed: boolean;
}

const splitTerms = (row: PendingTermsRow) => (row.terms ? row.terms.split(' ') : []);

function needsRebuild(db: LibraryDB, cat: Catalog, pending: number): boolean {
  return pending > db.tuning.pendingMax || cat.stale > Math.max(1000, cat.size);
}

/**
 * Rebuilds the posting lists inside the caller's read-write transaction (postings; the catalog is
 * written by the caller): the old postings of live articles (`old`, when already read), except
 * those in `fresh`, whose terms are given. Terms of ids no longer in the catalog are left out.
 */
async function rebuildPostings(
  db: LibraryDB,
  cat: Catalog,
  fresh: Iterable<readonly [number, readonly string[]]>,
  old?: readonly PostingBlock[],
): Promise<void> {
  const keep = new Uint8Array(cat.nextId);
  for (const id of cat.ids) keep[id] = 1;
  const live = keep.slice();
  const added = new Map<string, number[]>();
  for (const [id, terms] of fresh) {
    if (live[id] !== 1) continue;
    keep[id] = 0;
    for (const term of terms) {
      const ids = added.get(term);
      if (ids) ids.push(id);
      else added.set(term, [id]);
    }
  }
  cat.stale = 0;
  await rewritePostings(db, keep, added, old);
}

export interface IndexUpdate {
  /**
   * Indexes `fresh` (ids already in `cat`) and forgets `removed` (URLs already taken out of
   * `cat`), adjusting cat.stale; the caller writes the catalog. Returns how many articles wait on
   * pending rows afterwards.
   */
  apply(cat: Catalog, fresh: readonly IndexedArticle[], removed: readonly string[]): Promise<number>;
}

/**
 * Starts an index update inside the caller's read-write transaction (terms, postings), for a
 * write that brings `adding` articles to index. Every read the update needs happens here, before
 * the caller's writes (in IndexedDB a read waits for the writes issued before it); apply() then
 * works out the terms while the browser stores those writes.
 */
export async function beginIndexUpdate(db: LibraryDB, adding: number): Promise<IndexUpdate> {
  const inline = adding > db.tuning.pendingMax;
  const [waiting, old] = inline ? await Promise.all([db.terms.toArray(), db.postings.toArray()]) : [[], undefined];
  return {
    async apply(cat, fresh, removed) {
      cat.stale += removed.length + fresh.filter((f) => f.existed).length;
      const entries = fresh.map((f) => [f.id, termsOf(f.meta, f.text, f.notes)] as const);
      if (inline) {
        const freshIds = new Set(fresh.map((f) => f.id));
        const older = waiting.filter((row) => !freshIds.has(row.id)).map((row) => [row.id, splitTerms(row)] as const);
        await Promise.all([rebuildPostings(db, cat, [...older, ...entries], old), db.terms.clear()]);
        return 0;
      }
      const writes: Promise<unknown>[] = [];
      if (removed.length) writes.push(db.terms.bulkDelete([...removed]));
      if (entries.length)
        writes.push(db.terms.bulkPut(fresh.map((f, i) => ({ url: f.url, id: f.id, terms: entries[i]![1].join(' ') }))));
      await Promise.all(writes);
      return db.terms.count();
    },
  };
}

/** Marks (by id) the articles having a term that starts with `term`. */
async function termMarks(
  db: LibraryDB,
  term: string,
  pending: readonly PendingTermsRow[],
  skip: Uint8Array,
  size: number,
): Promise<Uint8Array> {
  const marks = new Uint8Array(size);
  for (const ids of await prefixPostings(db, term)) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (skip[id] !== 1) marks[id] = 1;
    }
  }
  for (const row of pending) if (hasPrefix(row.terms, term)) marks[row.id] = 1;
  return marks;
}

/**
 * Marks (by id, up to cat.nextId) the articles having, for every one of `terms`, a term that
 * starts with it. Inside the caller's transaction (terms, postings). Ids of deleted articles may
 * be marked: the caller keeps only the catalog's.
 */
export async function queryIndex(db: LibraryDB, cat: Catalog, terms: readonly string[]): Promise<Uint8Array> {
  const size = cat.nextId;
  if (terms.length === 0) return new Uint8Array(size);
  const pending = await db.terms.toArray();
  const skip = new Uint8Array(size);
  for (const row of pending) skip[row.id] = 1;
  const sets = await Promise.all(terms.map((term) => termMarks(db, term, pending, skip, size)));
  const out = sets[0]!;
  for (const set of sets.slice(1)) for (let id = 0; id < size; id++) out[id]! &= set[id]!;
  return out;
}

const rebuilding = new WeakMap<LibraryDB, Promise<void>>();

/**
 * Merges the terms of the articles written since the last rebuild into the posting lists, when
 * more than tuning.pendingMax wait (or `force`), in one transaction. Writes start it by
 * themselves once they have committed (see scheduleIndexing).
 */
export async function indexPending(db: LibraryDB, options: { force?: boolean } = {}): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.catalog, db.postings, db.terms], async () => {
      const [cat, pending] = await Promise.all([readCatalog(db, { own: true }), db.terms.toArray()]);
      if (!options.force && !needsRebuild(db, cat, pending.length)) return;
      await rebuildPostings(
        db,
        cat,
        pending.map((row) => [row.id, splitTerms(row)] as const),
      );
      await db.terms.clear();
      await writeCatalog(db, cat);
    }),
  );
}

/** After a write has committed: rebuild the postings in the background if it is time. */
export function scheduleIndexing(db: LibraryDB, cat: Catalog, pending: number): void {
  if (!needsRebuild(db, cat, pending) || rebuilding.has(db)) return;
  const run = indexPending(db)
    .catch((err: unknown) => console.warn('Search index rebuild failed; retried after the next save.', err))
    .finally(() => rebuilding.delete(db));
  rebuilding.set(db, run);
}

/** Resolves once a background rebuild of the postings (if one is running) has finished. */
export async function indexSettled(db: LibraryDB): Promise<void> {
  await rebuilding.get(db);
}

/**
 * The whole index anew (inside the caller's read-write transaction on terms and postings) for
 * the articles of `cat`, given with their texts; cat.stale is reset.
 */
export async function indexAll(
  db: LibraryDB,
  cat: Catalog,
  articles: readonly { meta: ArticleMeta; text: string; notes?: string }[],
): Promise<void> {
  const added = new Map<string, number[]>();
  for (const { meta, text, notes } of articles) {
    const id = cat.ids[cat.indexOf(meta.url)]!;
    for (const term of termsOf(meta, text, notes)) {
      const ids = added.get(term);
      if (ids) ids.push(id);
      else added.set(term, [id]);
    }
  }
  const { blocks, keys } = mergePostings([], new Uint8Array(0), added, db.tuning.blockIds);
  cat.stale = 0;
  await Promise.all([db.postings.clear(), db.terms.clear()]);
  if (blocks.length) await db.postings.bulkPut(blocks, keys);
}
