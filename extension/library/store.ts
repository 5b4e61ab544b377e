// Reading and writing the saved-articles library. Every function takes the database, so tests
// (and the benchmark) use fresh ones. Every write goes through commit() (commit.ts), which keeps
// the catalog, the search index and their counters right in one read-write transaction; the
// functions here only decide what an article becomes.
import type { Article } from '@/lib/article/types';
import { newestUrls, readCatalog } from '@/extension/library/catalog';
import { type ArticlePut, commit } from '@/extension/library/commit';
import type { LibraryDB } from '@/extension/library/db';
import { guard, LibraryError } from '@/lib/library/errors';
import {
  canonicalUrl,
  clampProgress,
  contentOf,
  inProgress,
  isStatus,
  isWebUrl,
  joinSaved,
  mergeArticle,
  metaOf,
  normalizeTags,
  sameMeta,
  siteOf,
  STATUS_RANK,
} from '@/lib/library/records';
import { putHighlights } from '@/extension/library/highlights';
import { matchUrls, siteCounts, tagCounts, urlsWithStatus } from '@/extension/library/search';
import type { ArticleContent, ArticleMeta, LibraryFilter, SaveStatus, SavedArticle, SavedImage } from '@/lib/library/types';
import type { SavedKeyPoints } from '@/lib/summary/saved';
import type { Highlight } from '@/lib/annotations/highlight';

export { LibraryError } from '@/lib/library/errors';
export { canonicalUrl } from '@/lib/library/records';

function webUrl(raw: string): string {
  const url = canonicalUrl(raw);
  if (!isWebUrl(url))
    throw new LibraryError('invalid-url', `Only web pages (http or https) can be saved, not "${raw.slice(0, 200)}".`);
  return url;
}

export interface SaveOptions {
  /** The address the article was read from (may differ from its canonical URL). */
  pageUrl: string;
  status?: SaveStatus;
  now?: number;
  /** The article's pictures (extension/save-images.ts), stored with it in the same transaction. */
  images?: readonly SavedImage[];
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
  const { value } = await commit(db, [url], (stored) => {
    const existing = stored.get(url);
    const meta: ArticleMeta = {
      ...fresh,
      savedAt: existing?.savedAt ?? now,
      updatedAt: now,
      readAt: existing?.readAt ?? 0,
      progress: existing?.progress ?? 0,
      tags: existing?.tags ?? [],
    };
    return {
      put: [
        {
          meta,
          content: { url, contentHtml: article.contentHtml, text: article.text },
          ...(options.images ? { images: options.images } : {}),
        },
      ],
      value: { created: !existing, meta },
    };
  });
  return value;
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
  const { value } = await commit(db, [url], (stored) => {
    const existing = stored.get(url);
    if (existing && STATUS_RANK[existing.status] > STATUS_RANK.bookmark) return { value: { created: false, meta: existing } };
    const meta: ArticleMeta = {
      url,
      pageUrl: page.pageUrl || page.url.trim() || url,
      title: page.title.trim() || existing?.title || url,
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
    return { put: [{ meta, content: { url, contentHtml: '', text: '' } }], value: { created: !existing, meta } };
  });
  return value;
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

/** Whether a filter is the list as it opens: every article, newest first. */
const isOpening = (f: LibraryFilter) => !f.query?.trim() && !f.site && !f.tag && !f.read && (f.sort ?? 'newest') === 'newest';

/**
 * The first `n` URLs (n ≤ HEAD_SIZE) of the list as it opens, read from the catalog's small head
 * row: the library page shows them before it reads the whole catalog (at 100,000 articles ~230 ms
 * to read and decode, seconds on a busy machine). Null for any other filter (listUrls answers).
 */
export async function openingUrls(db: LibraryDB, filter: LibraryFilter, n: number): Promise<string[] | null> {
  return isOpening(filter) ? guard(() => newestUrls(db, n)) : null;
}

/** Every URL matching the filter (query included), in the filter's order (newest first by default):
 *  keys only, for a virtualized list. Length and progress orders read the matching rows. */
export async function listUrls(db: LibraryDB, filter: LibraryFilter = {}): Promise<string[]> {
  return guard(async () => {
    const urls = await matchUrls(db, filter);
    const sort = filter.sort ?? 'newest';
    if (sort === 'newest') return urls;
    if (sort === 'oldest') return urls.reverse();
    const metas = await db.articles.bulkGet(urls);
    const key =
      sort === 'longest'
        ? (m: ArticleMeta | undefined) => -(m?.wordCount ?? 0)
        : (m: ArticleMeta | undefined) => (!m ? 2 : m.readAt > 0 ? 1 : m.progress);
    const keys = metas.map(key);
    // newest first among equals (the catalog's order)
    const order = urls.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
    return order.map((i) => urls[i]!);
  });
}

/** Articles begun and not finished (5-95 % read), newest first: the library's "Continue reading". */
export async function continueReading(db: LibraryDB, limit = 3): Promise<ArticleMeta[]> {
  return guard(async () => {
    const found = await db.articles.filter(inProgress).toArray();
    return found.sort((a, b) => b.savedAt - a.savedAt || (a.url < b.url ? -1 : 1)).slice(0, limit);
  });
}

/** Metadata for `urls`, aligned with them (undefined where one is gone). */
export async function getMetas(db: LibraryDB, urls: readonly string[]): Promise<(ArticleMeta | undefined)[]> {
  return guard(() => db.articles.bulkGet([...urls]));
}

/** Changes an article's metadata; `often` for writes that seldom show in the catalog (progress). */
async function update(
  db: LibraryDB,
  url: string,
  change: (meta: ArticleMeta) => ArticleMeta,
  often = false,
): Promise<ArticleMeta> {
  const key = canonicalUrl(url);
  const { value } = await commit(
    db,
    [key],
    (stored) => {
      const meta = stored.get(key);
      if (!meta) throw new LibraryError('not-found', `No saved article at ${key}.`);
      const next = change(metaOf(meta));
      return { put: [{ meta: next }], value: next };
    },
    { catalogWhenNeeded: often },
  );
  return value;
}

/** Marks read (keeping the first time it was marked) or unread. */
export function setRead(db: LibraryDB, url: string, read: boolean, options: { now?: number } = {}): Promise<ArticleMeta> {
  return update(db, url, (m) => ({ ...m, readAt: read ? m.readAt || (options.now ?? Date.now()) : 0 }));
}

/** Reading progress, clamped to 0..1 (often written while reading; the catalog has no column for it). */
export function setProgress(db: LibraryDB, url: string, progress: number): Promise<ArticleMeta> {
  return update(db, url, (m) => ({ ...m, progress: clampProgress(progress) }), true);
}

/** Remembers read-aloud's place (a sentence index; 0 when heard to the end). */
export function setListening(db: LibraryDB, url: string, sentence: number): Promise<ArticleMeta> {
  return update(db, url, (m) => ({ ...m, listening: Math.max(0, Math.floor(sentence)) }), true);
}

/** Keeps the article's key points (shown again when it is opened, without making them anew). */
export function setKeyPoints(db: LibraryDB, url: string, points: SavedKeyPoints): Promise<ArticleMeta> {
  return update(db, url, (m) => ({ ...m, keyPoints: points }), true);
}

/** Replaces the tags (trimmed, de-duplicated ignoring case). */
export function setTags(db: LibraryDB, url: string, tags: readonly string[]): Promise<ArticleMeta> {
  return update(db, url, (m) => ({ ...m, tags: normalizeTags(tags) }));
}

/** Deletes articles and returns exactly what was deleted, for restoreArticles (undo). */
export async function removeArticles(db: LibraryDB, urls: readonly string[]): Promise<SavedArticle[]> {
  const keys = [...new Set(urls.map(canonicalUrl))];
  const { removed } = await commit(db, keys, () => ({ remove: keys, value: null }));
  return removed;
}

interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Saved articles of which a differing copy came in and was not taken: left exactly as they were. */
  kept: number;
}

/** An article's rows as a merge found them: null when the merge added it. */
interface Before {
  url: string;
  rows: { meta: ArticleMeta; content: ArticleContent } | null;
}

/** A highlight an import wrote, as it was before (null: the import added it). */
interface HighlightBefore {
  highlight: string;
  article: string;
  before: Highlight | null;
}

/** What merges (and the highlights an import brought) changed, in order, to be put back exactly by undoMerges. */
export type MergeUndo = readonly (Before | HighlightBefore)[];

/** The undo steps of highlights written by putHighlights (its `written` and `before`). */
export function highlightsUndo(written: readonly Highlight[], before: readonly (Highlight | null)[]): HighlightBefore[] {
  return written.map((h, i) => ({ highlight: h.id, article: h.article, before: before[i] ?? null }));
}

export interface MergeResult extends MergeCounts {
  /** The URLs of the kept articles (the user may choose to replace them). */
  keptUrls: string[];
  undo: MergeUndo;
}

/** Cleans an incoming article: canonical URL, its site, tags, progress, status. */
function normalizeSaved(a: SavedArticle): SavedArticle {
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

/** Two incoming copies of one URL (one file lists it twice): the newer copy wins where they differ. */
function mergeSaved(first: SavedArticle, then: SavedArticle): SavedArticle {
  const m = mergeArticle(first, then, { sameText: first.text === then.text, replace: then.updatedAt > first.updatedAt });
  const from = m.takeContent ? then : first;
  return { ...m.meta, contentHtml: from.contentHtml, text: from.text, ...(from.images ? { images: from.images } : {}) };
}

/**
 * Merges whole articles into the library in one transaction (all or nothing), losing nothing
 * (see records.ts mergeArticle): a differing copy of a saved article is kept out unless `replace`.
 * Absent ones are written exactly as given: restoring what removeArticles returned puts back the
 * very same records. The answer carries what the merge found, for undoMerges.
 */
export async function mergeArticles(
  db: LibraryDB,
  articles: readonly SavedArticle[],
  options: {
    replace?: boolean;
    /** The content row written for an incoming article (an import sanitizes a backup's HTML here,
     *  for the articles it writes only). Default: the article's own. */
    content?: (a: SavedArticle) => ArticleContent;
  } = {},
): Promise<MergeResult> {
  const contentRow = options.content ?? contentOf;
  const byUrl = new Map<string, SavedArticle>();
  for (const raw of articles) {
    const a = normalizeSaved(raw);
    const prev = byUrl.get(a.url);
    byUrl.set(a.url, prev ? mergeSaved(prev, a) : a);
  }
  const incoming = [...byUrl.values()];
  if (incoming.length === 0) return { added: 0, updated: 0, unchanged: 0, kept: 0, keptUrls: [], undo: [] };
  const { value } = await commit(
    db,
    incoming.map((a) => a.url),
    (stored, contents) => {
      const result: MergeResult = { added: 0, updated: 0, unchanged: 0, kept: 0, keptUrls: [], undo: [] };
      const undo: Before[] = [];
      const put: ArticlePut[] = [];
      for (const a of incoming) {
        const s = stored.get(a.url);
        if (!s) {
          result.added++;
          undo.push({ url: a.url, rows: null });
          put.push({ meta: metaOf(a), content: contentRow(a), ...(a.images ? { images: a.images } : {}) });
          continue;
        }
        const content = contents.get(a.url);
        if (!content) {
          // the very same row (a backup imported again): its content was not read, nothing changes
          result.unchanged++;
          continue;
        }
        const m = mergeArticle(s, a, { sameText: content.text === a.text, replace: options.replace });
        if (m.kept) {
          result.kept++;
          result.keptUrls.push(a.url);
          continue;
        }
        if (!m.changed) {
          result.unchanged++;
          continue;
        }
        result.updated++;
        undo.push({ url: a.url, rows: { meta: s, content } });
        put.push({
          meta: m.meta,
          ...(m.takeContent ? { content: contentRow(a), ...(a.images ? { images: a.images } : {}) } : {}),
        });
      }
      return { put, value: { ...result, undo } };
    },
    // Bodies are compared (and kept for undo) except where the stored row is the incoming one exactly.
    { withContents: (s) => !sameMeta(s, metaOf(byUrl.get(s.url)!)) },
  );
  return value;
}

/**
 * Undoes merges (an import, then the replacing of the copies it kept out): every article they
 * added is removed and every one they changed gets back its rows exactly as they were before the
 * first of them; the highlights an import added are removed and those it replaced come back.
 */
export async function undoMerges(db: LibraryDB, undo: MergeUndo): Promise<void> {
  const first = new Map<string, Before['rows']>();
  const marks = new Map<string, HighlightBefore>();
  for (const step of undo) {
    if ('highlight' in step) {
      if (!marks.has(step.highlight)) marks.set(step.highlight, step);
    } else if (!first.has(step.url)) first.set(step.url, step.rows);
  }
  const put: ArticlePut[] = [];
  const remove: string[] = [];
  for (const [url, rows] of first) {
    if (rows) put.push(rows);
    else remove.push(url);
  }
  const urls = new Set([...first.keys(), ...[...marks.values()].map((m) => m.article)]);
  await commit(db, [...urls], (stored) => {
    // A highlight comes back only onto an article that stays saved (a removed one takes its own with it).
    const stays = (url: string) => stored.has(url) && !remove.includes(url);
    const back = [...marks.values()].flatMap((m) => (m.before && stays(m.before.article) ? [m.before] : []));
    const added = [...marks.values()].filter((m) => !m.before).map((m) => m.highlight);
    return { put, remove, highlights: { put: back, remove: added }, value: null };
  });
}

/** Undo of removeArticles: puts the articles back exactly (merging with any saved since), with their highlights. */
export async function restoreArticles(db: LibraryDB, saved: readonly SavedArticle[]): Promise<void> {
  await mergeArticles(db, saved);
  const highlights = saved.flatMap((a) => a.highlights ?? []);
  if (highlights.length) await putHighlights(db, highlights, { skipMissing: true });
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
