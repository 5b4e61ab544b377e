// Reading and writing the saved-articles library. Every function takes the database, so tests
// (and the benchmark) use fresh ones. Every write of an article touches its rows (articles,
// contents, the catalog, its pending search terms) in one read-write transaction: a failure
// (quota…) leaves nothing half-written, and IndexedDB runs overlapping read-write transactions one
// after the other, so two saves of the same URL at once (two tabs, two windows) end as one row.
import type { Article } from '@/lib/article/types';
import { Catalog, newestUrls, readCatalog, writeCatalog } from '@/extension/library/catalog';
import type { LibraryDB } from '@/extension/library/db';
import { guard, LibraryError } from '@/lib/library/errors';
import { mergePostings, type PostingBlock, rewritePostings, SEARCH_TUNING } from '@/extension/library/postings';
import { canonicalUrl, clampProgress, contentOf, isStatus, isWebUrl, joinSaved, mergeArticle, metaOf, normalizeTags, siteOf, STATUS_RANK } from '@/lib/library/records';
import { forgetRecentSnapshot } from '@/extension/library/recent-snapshot';
import { matchUrls, siteCounts, tagCounts, termsFor, urlsWithStatus } from '@/extension/library/search';
import type { ArticleContent, ArticleMeta, LibraryFilter, SaveStatus, SavedArticle } from '@/lib/library/types';

export { LibraryError, isQuotaError } from '@/lib/library/errors';
export type { LibraryErrorCode } from '@/lib/library/errors';
export { canonicalUrl } from '@/lib/library/records';

/** What is searched of an article: its title and text, or its excerpt when it has no text. */
export function termsOf(meta: Pick<ArticleMeta, 'title' | 'excerpt'>, text: string): string[] {
  return termsFor(meta.title, text || meta.excerpt || '');
}

function tables(db: LibraryDB) {
  return [db.articles, db.contents, db.catalog, db.terms] as const;
}

// ---------------------------------------------------------------------------------------------
// The search index: posting lists, and the terms of articles saved since they were built.

function needsRebuild(cat: Catalog, pending: number): boolean {
  return pending > SEARCH_TUNING.pendingMax || cat.stale > Math.max(1000, cat.size);
}

/**
 * Rebuilds the posting lists inside the caller's read-write transaction (catalog, postings):
 * the old postings of live articles (`old`, when already read), except those in `fresh`, whose
 * terms are given.
 */
async function rebuildPostings(db: LibraryDB, cat: Catalog, fresh: Iterable<readonly [number, readonly string[]]>, old?: readonly PostingBlock[]): Promise<void> {
  const keep = new Uint8Array(cat.nextId);
  for (const id of cat.ids) keep[id] = 1;
  const added = new Map<string, number[]>();
  for (const [id, terms] of fresh) {
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

const rebuilding = new WeakMap<LibraryDB, Promise<void>>();

/**
 * Merges the terms of the articles saved since the last rebuild into the posting lists, when
 * more than SEARCH_TUNING.pendingMax wait (or `force`), in one transaction. Writes start it by
 * themselves once they have committed (see afterWrite).
 */
export async function indexPending(db: LibraryDB, options: { force?: boolean } = {}): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.catalog, db.postings, db.terms], async () => {
      const [cat, pending] = await Promise.all([readCatalog(db), db.terms.toArray()]);
      if (!options.force && !needsRebuild(cat, pending.length)) return;
      await rebuildPostings(db, cat, pending.map((row) => [row.id, row.terms ? row.terms.split(' ') : []] as const));
      await db.terms.clear();
      await writeCatalog(db, cat);
    }),
  );
}

/** After a write has committed: rebuild the postings in the background if it is time. */
function afterWrite(db: LibraryDB, cat: Catalog, pending: number): void {
  if (!needsRebuild(cat, pending) || rebuilding.has(db)) return;
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
 * Rebuilds the catalog and the search index from the articles and their contents (new ids). For
 * repairs and schema upgrades; nothing needs it in normal use.
 */
export async function rebuildIndex(db: LibraryDB): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.articles, db.contents, db.catalog, db.postings, db.terms], async () => {
      const [metas, contents] = await Promise.all([db.articles.toArray(), db.contents.toArray()]);
      const texts = new Map(contents.map((c) => [c.url, c.text]));
      const cat = Catalog.of(metas);
      const added = new Map<string, number[]>();
      cat.urls.forEach((url, i) => {
        const meta = metas.find((m) => m.url === url)!;
        for (const term of termsOf(meta, texts.get(url) ?? '')) {
          const ids = added.get(term);
          if (ids) ids.push(cat.ids[i]!);
          else added.set(term, [cat.ids[i]!]);
        }
      });
      const { blocks, keys } = mergePostings([], new Uint8Array(0), added);
      await Promise.all([db.postings.clear(), db.terms.clear()]);
      if (blocks.length) await db.postings.bulkPut(blocks, keys);
      await writeCatalog(db, cat);
    }),
  );
}

/**
 * Writes one article's rows (in the caller's transaction, catalog read): metadata, content when
 * given, and, when its text or title changed, its terms (pending until the next rebuild).
 */
async function putArticle(db: LibraryDB, cat: Catalog, meta: ArticleMeta, content: ArticleContent, terms: string[], existed: boolean): Promise<void> {
  const id = cat.upsert(meta);
  if (existed) cat.stale++;
  await Promise.all([db.articles.put(meta), db.contents.put(content), db.terms.put({ url: meta.url, id, terms: terms.join(' ') })]);
  await writeCatalog(db, cat);
}

function webUrl(raw: string): string {
  const url = canonicalUrl(raw);
  if (!isWebUrl(url)) throw new LibraryError('invalid-url', `Only web pages (http or https) can be saved, not "${raw.slice(0, 200)}".`);
  return url;
}

export interface SaveOptions {
  /** The address the article was read from (may differ from its canonical URL). */
  pageUrl: string;
  status?: SaveStatus;
  now?: number;
}

export interface SaveOutcome {
  /** false when the URL was already saved and has been updated. */
  created: boolean;
  meta: ArticleMeta;
}

/**
 * Saves an extracted article under its canonical URL. Saving it again replaces the content and
 * page metadata and keeps savedAt, tags, read state and reading progress.
 */
export async function saveArticle(db: LibraryDB, article: Article, options: SaveOptions): Promise<SaveOutcome> {
  const url = webUrl(article.canonicalUrl || article.url);
  const now = options.now ?? Date.now();
  const title = article.title.trim() || url;
  const fresh = {
    url,
    pageUrl: options.pageUrl || article.url || url,
    title,
    byline: article.byline,
    siteName: article.siteName,
    site: siteOf(url),
    lang: article.lang,
    dir: article.dir === 'rtl' ? 'rtl' : 'ltr',
    publishedTime: article.publishedTime,
    excerpt: article.excerpt,
    leadImage: article.leadImage,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    status: options.status ?? 'full',
  } satisfies Partial<ArticleMeta>;
  const terms = termsOf(fresh, article.text);
  const { outcome, cat, pending } = await guard(() =>
    db.transaction('rw', tables(db), async () => {
      const [existing, cat] = await Promise.all([db.articles.get(url), readCatalog(db)]);
      const meta: ArticleMeta = {
        ...fresh,
        savedAt: existing?.savedAt ?? now,
        updatedAt: now,
        readAt: existing?.readAt ?? 0,
        progress: existing?.progress ?? 0,
        tags: existing?.tags ?? [],
      };
      await putArticle(db, cat, meta, { url, contentHtml: article.contentHtml, text: article.text }, terms, !!existing);
      return { outcome: { created: !existing, meta }, cat, pending: await db.terms.count() };
    }),
  );
  afterWrite(db, cat, pending);
  return outcome;
}

export interface Bookmark {
  url: string;
  title: string;
  excerpt?: string | null;
  pageUrl?: string;
  siteName?: string | null;
  lang?: string | null;
  leadImage?: string | null;
}

/**
 * Saves a page that holds no article: its title and what could be read (status 'bookmark').
 * An article already saved in full at that URL is left as it is (created: false).
 */
export async function saveBookmark(db: LibraryDB, page: Bookmark, options: { now?: number } = {}): Promise<SaveOutcome> {
  const url = webUrl(page.url);
  const now = options.now ?? Date.now();
  const excerpt = page.excerpt?.trim() || null;
  const { outcome, cat, pending } = await guard(() =>
    db.transaction('rw', tables(db), async () => {
      const [existing, cat] = await Promise.all([db.articles.get(url), readCatalog(db)]);
      if (existing && STATUS_RANK[existing.status] > STATUS_RANK.bookmark) return { outcome: { created: false, meta: existing }, cat, pending: 0 };
      const title = page.title.trim() || existing?.title || url;
      const meta: ArticleMeta = {
        url,
        pageUrl: page.pageUrl || page.url.trim() || url,
        title,
        byline: null,
        siteName: page.siteName ?? null,
        site: siteOf(url),
        lang: page.lang ?? null,
        dir: 'ltr',
        publishedTime: null,
        excerpt: excerpt ?? existing?.excerpt ?? null,
        leadImage: page.leadImage ?? null,
        wordCount: 0,
        readingMinutes: 0,
        status: 'bookmark',
        savedAt: existing?.savedAt ?? now,
        updatedAt: now,
        readAt: existing?.readAt ?? 0,
        progress: existing?.progress ?? 0,
        tags: existing?.tags ?? [],
      };
      await putArticle(db, cat, meta, { url, contentHtml: '', text: '' }, termsOf(meta, ''), !!existing);
      return { outcome: { created: !existing, meta }, cat, pending: await db.terms.count() };
    }),
  );
  afterWrite(db, cat, pending);
  return outcome;
}

/** The saved article at `url` (canonicalised), with its content. */
export async function getArticle(db: LibraryDB, url: string): Promise<SavedArticle | undefined> {
  const key = canonicalUrl(url);
  return guard(() =>
    db.transaction('r', db.articles, db.contents, async () => {
      const meta = await db.articles.get(key);
      return meta ? joinSaved(meta, await db.contents.get(key)) : undefined;
    }),
  );
}

/** The `limit` newest saved articles (up to HEAD_SIZE of them read from the catalog's head row). */
export async function recent(db: LibraryDB, limit: number): Promise<ArticleMeta[]> {
  return guard(() =>
    db.transaction('r', db.catalog, db.articles, async () => {
      const metas = await db.articles.bulkGet(await newestUrls(db, limit));
      return metas.filter((m): m is ArticleMeta => !!m);
    }),
  );
}

/** Every URL matching the filter (query included), newest first: keys only, for a virtualized list. */
export async function listUrls(db: LibraryDB, filter: LibraryFilter = {}): Promise<string[]> {
  return guard(() => matchUrls(db, filter));
}

/** Metadata for `urls`, aligned with them (undefined where one is gone). */
export async function getMetas(db: LibraryDB, urls: readonly string[]): Promise<(ArticleMeta | undefined)[]> {
  return guard(() => db.articles.bulkGet([...urls]));
}

/** Changes an article's metadata; `listed` when the change shows in the catalog (read state, tags). */
async function update(db: LibraryDB, url: string, listed: boolean, change: (meta: ArticleMeta) => ArticleMeta): Promise<ArticleMeta> {
  const key = canonicalUrl(url);
  return guard(() =>
    db.transaction('rw', listed ? [db.articles, db.catalog] : [db.articles], async () => {
      const [meta, cat] = await Promise.all([db.articles.get(key), listed ? readCatalog(db) : null]);
      if (!meta) throw new LibraryError('not-found', `No saved article at ${key}.`);
      const next = change(metaOf(meta));
      await db.articles.put(next);
      if (cat) {
        cat.upsert(next);
        await writeCatalog(db, cat);
      }
      return next;
    }),
  );
}

/** Marks read (keeping the first time it was marked) or unread. */
export function setRead(db: LibraryDB, url: string, read: boolean, options: { now?: number } = {}): Promise<ArticleMeta> {
  return update(db, url, true, (m) => ({ ...m, readAt: read ? m.readAt || (options.now ?? Date.now()) : 0 }));
}

/** Reading progress, clamped to 0..1 (often written while reading: the catalog is left alone). */
export function setProgress(db: LibraryDB, url: string, progress: number): Promise<ArticleMeta> {
  return update(db, url, false, (m) => ({ ...m, progress: clampProgress(progress) }));
}

/** Replaces the tags (trimmed, de-duplicated ignoring case). */
export function setTags(db: LibraryDB, url: string, tags: readonly string[]): Promise<ArticleMeta> {
  return update(db, url, true, (m) => ({ ...m, tags: normalizeTags(tags) }));
}

/** Deletes articles and returns exactly what was deleted, for restoreArticles (undo). */
export async function removeArticles(db: LibraryDB, urls: readonly string[]): Promise<SavedArticle[]> {
  const keys = [...new Set(urls.map(canonicalUrl))];
  const { removed, cat } = await guard(() =>
    db.transaction('rw', tables(db), async () => {
      const [metas, contents, cat] = await Promise.all([db.articles.bulkGet(keys), db.contents.bulkGet(keys), readCatalog(db)]);
      const removed: SavedArticle[] = [];
      metas.forEach((meta, i) => {
        if (meta) removed.push(joinSaved(meta, contents[i]));
      });
      cat.stale += cat.remove(keys).length;
      await Promise.all([db.articles.bulkDelete(keys), db.contents.bulkDelete(keys), db.terms.bulkDelete(keys), writeCatalog(db, cat)]);
      return { removed, cat };
    }),
  );
  afterWrite(db, cat, 0);
  // The popup's early list must not show a deleted title again (recent-snapshot.ts).
  forgetRecentSnapshot();
  return removed;
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** Cleans an incoming article: canonical URL, its site, tags, progress, status. */
export function normalizeSaved(a: SavedArticle): SavedArticle {
  const url = canonicalUrl(a.url);
  return {
    ...a,
    url,
    site: siteOf(url),
    tags: normalizeTags(a.tags),
    progress: clampProgress(a.progress),
    status: isStatus(a.status) ? a.status : 'pending',
    dir: a.dir === 'rtl' ? 'rtl' : 'ltr',
  };
}

function mergeSaved(stored: SavedArticle, incoming: SavedArticle): SavedArticle {
  const m = mergeArticle(stored, incoming);
  const from = m.takeContent ? incoming : stored;
  return { ...m.meta, contentHtml: from.contentHtml, text: from.text };
}

/**
 * Merges whole articles into the library in one transaction (all or nothing), losing nothing
 * (see records.ts mergeArticle). Absent ones are written exactly as given: restoring what
 * removeArticles returned puts back the very same records.
 */
export async function mergeArticles(db: LibraryDB, articles: readonly SavedArticle[]): Promise<MergeCounts> {
  const byUrl = new Map<string, SavedArticle>();
  for (const raw of articles) {
    const a = normalizeSaved(raw);
    const prev = byUrl.get(a.url);
    byUrl.set(a.url, prev ? mergeSaved(prev, a) : a);
  }
  const incoming = [...byUrl.values()];
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  if (incoming.length === 0) return counts;
  const { cat, pending } = await guard(() =>
    db.transaction('rw', [db.articles, db.contents, db.catalog, db.terms, db.postings], async () => {
      const cat = await readCatalog(db);
      // only URLs the catalog knows can be stored: an import into an empty library reads nothing
      const known = incoming.filter((a) => cat.indexOf(a.url) >= 0);
      const storedRows = known.length ? await db.articles.bulkGet(known.map((a) => a.url)) : [];
      const stored = new Map(storedRows.filter((m): m is ArticleMeta => !!m).map((m) => [m.url, m]));
      const metas: ArticleMeta[] = [];
      const contents: ArticleContent[] = [];
      /** Articles whose terms change, with their text. */
      const reindex: { meta: ArticleMeta; text: string | null }[] = [];
      let restale = 0;
      for (const a of incoming) {
        const s = stored.get(a.url);
        if (!s) {
          counts.added++;
          const meta = metaOf(a);
          metas.push(meta);
          contents.push(contentOf(a));
          reindex.push({ meta, text: a.text });
          continue;
        }
        const m = mergeArticle(s, a);
        if (!m.changed) {
          counts.unchanged++;
          continue;
        }
        counts.updated++;
        metas.push(m.meta);
        if (m.takeContent) contents.push(contentOf(a));
        if (m.reindex) {
          reindex.push({ meta: m.meta, text: m.takeContent ? a.text : null });
          restale++;
        }
      }
      const retitled = reindex.filter((r) => r.text === null);
      if (retitled.length) {
        const texts = await db.contents.bulkGet(retitled.map((r) => r.meta.url));
        retitled.forEach((r, i) => (r.text = texts[i]?.text ?? ''));
      }
      // Many at once (an import) go straight into the posting lists, with those already waiting.
      const waiting = await db.terms.toArray();
      const rebuild = waiting.length + reindex.length > SEARCH_TUNING.pendingMax;
      // Every read before the writes (a read would wait for them), then the writes: the browser
      // stores them while the terms and postings are worked out here.
      const old = rebuild ? await db.postings.toArray() : undefined;
      const writes: Promise<unknown>[] = [db.articles.bulkPut(metas), db.contents.bulkPut(contents)];
      const ids = cat.upsertMany(metas);
      const idOf = new Map(metas.map((m, i) => [m.url, ids[i]!]));
      cat.stale += restale;
      const fresh = reindex.map((r) => [idOf.get(r.meta.url)!, termsOf(r.meta, r.text ?? '')] as const);
      let pending = 0;
      if (rebuild) {
        const freshIds = new Set(fresh.map(([id]) => id));
        const older = waiting.filter((row) => !freshIds.has(row.id)).map((row) => [row.id, row.terms ? row.terms.split(' ') : []] as const);
        writes.push(rebuildPostings(db, cat, [...older, ...fresh], old), db.terms.clear());
      } else {
        writes.push(db.terms.bulkPut(reindex.map((r, i) => ({ url: r.meta.url, id: fresh[i]![0], terms: fresh[i]![1].join(' ') }))));
        pending = new Set([...waiting.map((row) => row.url), ...reindex.map((r) => r.meta.url)]).size;
      }
      writes.push(writeCatalog(db, cat));
      await Promise.all(writes);
      return { cat, pending };
    }),
  );
  afterWrite(db, cat, pending);
  return counts;
}

/** Undo of removeArticles: puts the articles back exactly (merging with any saved since). */
export async function restoreArticles(db: LibraryDB, saved: readonly SavedArticle[]): Promise<void> {
  await mergeArticles(db, saved);
}

/** Sites with their article counts, most articles first. */
export async function sites(db: LibraryDB): Promise<{ site: string; count: number }[]> {
  return siteCounts(await guard(() => readCatalog(db)));
}

/** Tags with their article counts, most used first. */
export async function tags(db: LibraryDB): Promise<{ tag: string; count: number }[]> {
  return tagCounts(await guard(() => readCatalog(db)));
}

/** Storage used and available to the extension, or null where the browser does not say. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const manager = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
    if (!manager?.estimate) return null;
    const e = await manager.estimate();
    return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
  } catch {
    return null;
  }
}

/** URLs imported without content, waiting to be fetched, newest first (as the list shows them). */
export async function pendingUrls(db: LibraryDB): Promise<string[]> {
  return guard(async () => urlsWithStatus(await readCatalog(db), 'pending'));
}
