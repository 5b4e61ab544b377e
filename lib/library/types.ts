// The saved-articles library: the article shapes the popup, the library page and the background
// share (ArticleMeta and ArticleContent are also the rows of the library database's articles and
// contents tables: extension/library/schema.ts). Dexie is opened only in extension contexts.
import type { Highlight } from '@/lib/annotations/highlight';
import type { SavedKeyPoints } from '@/lib/summary/saved';

/** full: extracted article; bookmark: the page held no article (title and what could be read);
 *  pending: imported without content, to be fetched later. */
export type SaveStatus = 'full' | 'bookmark' | 'pending';

/** Metadata of a saved article: one row per canonical URL (the primary key). Small, so a page of
 *  a list reads fast; the content lives in its own table, the search index in others. */
export interface ArticleMeta {
  /** Canonical URL: saving the same article again updates this row. */
  url: string;
  /** The address it was saved from (may differ from the canonical URL). */
  pageUrl: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Host name without "www.", for the site filter. */
  site: string;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  publishedTime: string | null;
  excerpt: string | null;
  leadImage: string | null;
  wordCount: number;
  readingMinutes: number;
  status: SaveStatus;
  /** Epoch milliseconds. savedAt is the first save; updatedAt the last. */
  savedAt: number;
  updatedAt: number;
  /** When it was marked read; 0 when unread (0, not null, so it can be indexed). */
  readAt: number;
  /** Reading progress, 0..1. */
  progress: number;
  /** Read-aloud's place: the sentence to go on from (absent when never listened to or heard to the end). */
  listening?: number;
  /** The key points once made, with the key of the text they were made from (lib/summary/key-points.ts). */
  keyPoints?: SavedKeyPoints;
  tags: string[];
}

/** The article body: sanitized HTML (sanitized again when shown) and plain text. */
export interface ArticleContent {
  url: string;
  contentHtml: string;
  text: string;
}

/** A picture stored with an article (extension/library/schema.ts AssetRow without its article). */
export interface SavedImage {
  /** sourceKey(src), or 'thumb' for the library's thumbnail. */
  hash: string;
  src: string;
  /** Sniffed from the bytes (lib/library/images.ts), never taken from a server or an import. */
  type: string;
  width: number;
  height: number;
  blob: Blob;
}

/** A whole saved article, as exported and imported; `images` when its pictures travel with it
 *  (a JSON backup, an undo), absent when they are left as they are; `highlights` likewise (an
 *  undo of a delete, a backup, an export). */
export type SavedArticle = ArticleMeta & Omit<ArticleContent, 'url'> & { images?: SavedImage[]; highlights?: Highlight[] };

/** The library's orders: by savedAt, by length (words), or least read (progress; read ones last). */
export type SortOrder = 'newest' | 'oldest' | 'longest' | 'least-read';

export interface LibraryFilter {
  query?: string;
  site?: string;
  tag?: string;
  read?: 'read' | 'unread';
  /** Default 'newest'. */
  sort?: SortOrder;
}
