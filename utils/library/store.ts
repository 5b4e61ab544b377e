// Reading and writing the saved-articles library. Every function takes the database, so tests
// (and the benchmark) use fresh ones. Every write of an article touches its three rows (articles,
// contents, terms) in one read-write transaction: a failure (quota…) leaves nothing half-written,
// and IndexedDB runs overlapping read-write transactions one after the other, so two saves of the
// same URL at once (two tabs, two windows) end as one row.
import type { Article } from '../article/types';
import type { LibraryDB } from './db';
import { guard, LibraryError } from './errors';
import { canonicalUrl, clampProgress, contentOf, isStatus, isWebUrl, joinSaved, mergeArticle, metaOf, normalizeTags, siteOf, STATUS_RANK } from './records';
import { matchUrls, termsFor } from './search';
import type { ArticleMeta, ArticleTerms, LibraryFilter, SaveStatus, SavedArticle } from './types';

export { LibraryError, isQuotaError } from './errors';
export type { LibraryErrorCode } from './errors';
export { canonicalUrl } from './records';

/** What is searched of an article: its title and text, or its excerpt when it has no text. */
export function termsOf(meta: Pick<ArticleMeta, 'url' | 'title' | 'excerpt'>, text: string): ArticleTerms {
  return { url: meta.url, terms: termsFor(meta.title, text || meta.excerpt || '') };
}

function tables(db: LibraryDB) {
  return [db.articles, db.contents, db.terms] as const;
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
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      const existing = await db.articles.get(url);
      const meta: ArticleMeta = {
        ...fresh,
        savedAt: existing?.savedAt ?? now,
        updatedAt: now,
        readAt: existing?.readAt ?? 0,
        progress: existing?.progress ?? 0,
        tags: existing?.tags ?? [],
      };
      await db.articles.put(meta);
      await db.contents.put({ url, contentHtml: article.contentHtml, text: article.text });
      await db.terms.put(terms);
      return { created: !existing, meta };
    }),
  );
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
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      const existing = await db.articles.get(url);
      if (existing && STATUS_RANK[existing.status] > STATUS_RANK.bookmark) return { created: false, meta: existing };
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
      await db.articles.put(meta);
      await db.contents.put({ url, contentHtml: '', text: '' });
      await db.terms.put(termsOf(meta, ''));
      return { created: !existing, meta };
    }),
  );
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

/** The `limit` newest saved articles. */
export async function recent(db: LibraryDB, limit: number): Promise<ArticleMeta[]> {
  return guard(() => db.articles.orderBy('savedAt').reverse().limit(Math.max(0, limit)).toArray());
}

/** Every URL matching the filter (query included), newest first: keys only, for a virtualized list. */
export async function listUrls(db: LibraryDB, filter: LibraryFilter = {}): Promise<string[]> {
  return guard(() => matchUrls(db, filter));
}

/** Metadata for `urls`, aligned with them (undefined where one is gone). */
export async function getMetas(db: LibraryDB, urls: readonly string[]): Promise<(ArticleMeta | undefined)[]> {
  return guard(() => db.articles.bulkGet([...urls]));
}

async function update(db: LibraryDB, url: string, change: (meta: ArticleMeta) => ArticleMeta): Promise<ArticleMeta> {
  const key = canonicalUrl(url);
  return guard(() =>
    db.transaction('rw', db.articles, async () => {
      const meta = await db.articles.get(key);
      if (!meta) throw new LibraryError('not-found', `No saved article at ${key}.`);
      const next = change(metaOf(meta));
      await db.articles.put(next);
      return next;
    }),
  );
}

/** Marks read (keeping the first time it was marked) or unread. */
export function setRead(db: LibraryDB, url: string, read: boolean, options: { now?: number } = {}): Promise<ArticleMeta> {
  return update(db, url, (m) => ({ ...m, readAt: read ? m.readAt || (options.now ?? Date.now()) : 0 }));
}

/** Reading progress, clamped to 0..1. */
export function setProgress(db: LibraryDB, url: string, progress: number): Promise<ArticleMeta> {
  return update(db, url, (m) => ({ ...m, progress: clampProgress(progress) }));
}

/** Replaces the tags (trimmed, de-duplicated ignoring case). */
export function setTags(db: LibraryDB, url: string, tags: readonly string[]): Promise<ArticleMeta> {
  return update(db, url, (m) => ({ ...m, tags: normalizeTags(tags) }));
}

/** Deletes articles and returns exactly what was deleted, for restoreArticles (undo). */
export async function removeArticles(db: LibraryDB, urls: readonly string[]): Promise<SavedArticle[]> {
  const keys = [...new Set(urls.map(canonicalUrl))];
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      const [metas, contents] = await Promise.all([db.articles.bulkGet(keys), db.contents.bulkGet(keys)]);
      const removed: SavedArticle[] = [];
      metas.forEach((meta, i) => {
        if (meta) removed.push(joinSaved(meta, contents[i]));
      });
      await Promise.all([db.articles.bulkDelete(keys), db.contents.bulkDelete(keys), db.terms.bulkDelete(keys)]);
      return removed;
    }),
  );
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
  return guard(() =>
    db.transaction('rw', tables(db), async () => {
      const stored = await db.articles.bulkGet(incoming.map((a) => a.url));
      const metas: ArticleMeta[] = [];
      const contents: SavedArticle[] = [];
      const terms: ArticleTerms[] = [];
      const retitled: ArticleMeta[] = [];
      incoming.forEach((a, i) => {
        const s = stored[i];
        if (!s) {
          counts.added++;
          metas.push(metaOf(a));
          contents.push(a);
          terms.push(termsOf(a, a.text));
          return;
        }
        const m = mergeArticle(s, a);
        if (!m.changed) {
          counts.unchanged++;
          return;
        }
        counts.updated++;
        metas.push(m.meta);
        if (m.takeContent) {
          contents.push(a);
          terms.push(termsOf(m.meta, a.text));
        } else if (m.reindex) retitled.push(m.meta);
      });
      if (retitled.length) {
        const texts = await db.contents.bulkGet(retitled.map((m) => m.url));
        retitled.forEach((m, i) => terms.push(termsOf(m, texts[i]?.text ?? '')));
      }
      await db.articles.bulkPut(metas);
      await db.contents.bulkPut(contents.map(contentOf));
      await db.terms.bulkPut(terms);
      return counts;
    }),
  );
}

/** Undo of removeArticles: puts the articles back exactly (merging with any saved since). */
export async function restoreArticles(db: LibraryDB, saved: readonly SavedArticle[]): Promise<void> {
  await mergeArticles(db, saved);
}

/** Sites with their article counts, most articles first. */
export async function sites(db: LibraryDB): Promise<{ site: string; count: number }[]> {
  const keys = (await guard(() => db.articles.orderBy('site').keys())) as string[];
  return countKeys(keys).map(([site, count]) => ({ site, count }));
}

/** Tags with their article counts, most used first. */
export async function tags(db: LibraryDB): Promise<{ tag: string; count: number }[]> {
  const keys = (await guard(() => db.articles.orderBy('tags').keys())) as string[];
  return countKeys(keys).map(([tag, count]) => ({ tag, count }));
}

function countKeys(keys: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
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
