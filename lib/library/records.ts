// Pure helpers over library records: canonical URLs, sites, tags, splitting a SavedArticle into
// its table rows, and the merge rule shared by import and undo ("nothing lost").
import type { ArticleContent, ArticleMeta, SaveStatus, SavedArticle } from '@/lib/library/types';

/** Tracking parameters that never change what a page is. */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|yclid)$/i;

/**
 * The key an article is stored under: trimmed, the fragment (#…) dropped, host lower-cased and
 * the URL normalised by the URL parser, tracking parameters (utm_*, fbclid, gclid…) removed.
 * Idempotent. A string that is not a URL is returned trimmed.
 */
export function canonicalUrl(url: string): string {
  const trimmed = url.trim();
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    return trimmed.replace(/#.*$/s, '');
  }
  u.hash = '';
  if (u.search) {
    const params = new URLSearchParams(u.search);
    let changed = false;
    for (const key of [...params.keys()]) {
      if (TRACKING.test(key)) {
        params.delete(key);
        changed = true;
      }
    }
    if (changed) u.search = params.toString();
  }
  return u.href;
}

/** True for the addresses the library stores: http and https. */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** A language tag as BCP 47 spells one ("ko", "en-US", "zh-Hant-TW"). */
export function isLangTag(lang: string): boolean {
  return /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(lang);
}

/** Host name without "www.", for the site filter ('' when not a URL). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Tags trimmed, inner spaces collapsed, empty ones dropped, duplicates (ignoring case) removed. */
export function normalizeTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    if (typeof raw !== 'string') continue;
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 100);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

export function clampProgress(p: unknown): number {
  return typeof p === 'number' && Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

/** The earliest time an imported date may hold: before it, a date is taken as a mistake. */
export const EARLIEST_TIME = Date.UTC(1990, 0, 1);
/** How far ahead of this device's clock another device's may be. */
const CLOCK_SKEW = 10 * 60_000;

/**
 * A time from another device or service made sane: one in the future (beyond a clock skew of ten
 * minutes) becomes `now`, one before 1990 (or not a number) becomes 1990-01-01. A date far in the
 * future must not win every "which is newer" and sort first forever.
 */
export function clampTime(ms: number, now: number): number {
  if (!Number.isFinite(ms) || ms < EARLIEST_TIME) return EARLIEST_TIME;
  return ms > now + CLOCK_SKEW ? now : ms;
}

/** The fields of ArticleMeta, in a fixed order (exports are stable and unknown fields dropped). */
export const META_KEYS = [
  'url',
  'pageUrl',
  'title',
  'byline',
  'siteName',
  'site',
  'lang',
  'dir',
  'publishedTime',
  'excerpt',
  'leadImage',
  'wordCount',
  'readingMinutes',
  'status',
  'savedAt',
  'updatedAt',
  'readAt',
  'progress',
  'tags',
] as const satisfies readonly (keyof ArticleMeta)[];

/** Fields that come from the page (replaced together when newer content is taken). */
const CONTENT_META_KEYS = [
  'pageUrl',
  'title',
  'byline',
  'siteName',
  'lang',
  'dir',
  'publishedTime',
  'excerpt',
  'leadImage',
  'wordCount',
  'readingMinutes',
  'status',
  'updatedAt',
] as const satisfies readonly (keyof ArticleMeta)[];

export function metaOf(a: ArticleMeta): ArticleMeta {
  const out = {} as Record<string, unknown>;
  for (const k of META_KEYS) out[k] = k === 'tags' ? [...a.tags] : a[k];
  // Optional, so absent rather than undefined in every row: read-aloud's place.
  if (typeof a.listening === 'number' && a.listening > 0) out.listening = Math.floor(a.listening);
  // Likewise the key points once made (checked against the text when shown).
  if (a.keyPoints && typeof a.keyPoints === 'object') out.keyPoints = a.keyPoints;
  return out as unknown as ArticleMeta;
}

export function contentOf(a: SavedArticle): ArticleContent {
  return { url: a.url, contentHtml: a.contentHtml, text: a.text };
}

export function joinSaved(meta: ArticleMeta, content: ArticleContent | undefined): SavedArticle {
  return { ...metaOf(meta), contentHtml: content?.contentHtml ?? '', text: content?.text ?? '' };
}

/** How much of a page a row holds: an import never replaces more with less. */
export const STATUS_RANK: Readonly<Record<SaveStatus, number>> = Object.freeze({ pending: 0, bookmark: 1, full: 2 });

/** A known SaveStatus (own keys only: "constructor" is not a status). */
export function isStatus(value: unknown): value is SaveStatus {
  return typeof value === 'string' && Object.hasOwn(STATUS_RANK, value);
}

/** A title is a placeholder when it is empty or just the address. */
function placeholderTitle(meta: ArticleMeta): boolean {
  return !meta.title.trim() || meta.title === meta.url || meta.title === meta.pageUrl;
}

export interface Merged {
  meta: ArticleMeta;
  /** The incoming content replaces the stored one (and the search terms must be rebuilt). */
  takeContent: boolean;
  /** Title or content changed, so the search terms must be rebuilt. */
  reindex: boolean;
  changed: boolean;
  /** The incoming copy differs from the stored one of the same kind and was not taken: the stored
   *  article is left exactly as it was. */
  kept: boolean;
}

export interface MergeOptions {
  /** Whether both hold the same body text (only the caller has the content rows). */
  sameText: boolean;
  /** The user chose to replace their differing copies with the incoming ones. */
  replace?: boolean;
}

/**
 * Merges an incoming article into a stored one, losing nothing:
 * - content (and the page metadata that goes with it) is taken when the incoming side holds more
 *   (full > bookmark > pending): a pending entry or a bookmark gets its text;
 * - a differing copy of the same kind (another text or title; whatever its dates say) is taken
 *   only with `replace`; otherwise the stored article is kept exactly as it was (`kept`);
 * - a placeholder title or a missing excerpt is filled in from the other side;
 * - savedAt: the earlier (the first save); tags: union, stored ones first;
 * - read if either is read (the stored readAt wins when both are); progress: the larger.
 */
export function mergeArticle(stored: ArticleMeta, incoming: ArticleMeta, options: MergeOptions): Merged {
  const rs = STATUS_RANK[stored.status] ?? 0;
  const ri = STATUS_RANK[incoming.status] ?? 0;
  const differs = ri === rs && ri > 0 && (!options.sameText || (!placeholderTitle(incoming) && incoming.title !== stored.title));
  if (differs && !options.replace)
    return { meta: metaOf(stored), takeContent: false, reindex: false, changed: false, kept: true };
  const takeContent = ri > rs || differs;
  const meta = metaOf(stored);
  let reindex = false;
  if (takeContent) {
    const m = meta as unknown as Record<string, unknown>;
    for (const k of CONTENT_META_KEYS) m[k] = incoming[k];
    if (placeholderTitle(incoming) && !placeholderTitle(stored)) meta.title = stored.title;
    meta.excerpt ??= stored.excerpt;
    reindex = true;
  } else {
    if (placeholderTitle(stored) && !placeholderTitle(incoming)) {
      meta.title = incoming.title;
      reindex = true;
    }
    if (meta.excerpt == null && incoming.excerpt != null) meta.excerpt = incoming.excerpt;
  }
  meta.savedAt = Math.min(stored.savedAt, incoming.savedAt);
  meta.tags = normalizeTags([...stored.tags, ...incoming.tags]);
  meta.readAt = stored.readAt > 0 ? stored.readAt : incoming.readAt;
  meta.progress = Math.max(stored.progress, incoming.progress);
  // Read-aloud's place is a sentence of one text: the incoming one's with its text, else the stored
  // one's, else (the same text) the incoming one's.
  const listening = takeContent ? incoming.listening : (stored.listening ?? (options.sameText ? incoming.listening : undefined));
  if (typeof listening === 'number' && listening > 0) meta.listening = Math.floor(listening);
  else delete meta.listening;
  // Key points carry the key of their text: the stored ones, else the incoming ones.
  const keyPoints = takeContent ? incoming.keyPoints : (stored.keyPoints ?? incoming.keyPoints);
  if (keyPoints) meta.keyPoints = keyPoints;
  else delete meta.keyPoints;
  const changed = takeContent || !sameMeta(stored, meta);
  return { meta, takeContent, reindex, changed, kept: false };
}

/** Whether two rows hold the same value in every field. */
export function sameMeta(a: ArticleMeta, b: ArticleMeta): boolean {
  for (const k of META_KEYS) {
    if (k === 'tags') {
      if (a.tags.length !== b.tags.length || a.tags.some((tag, i) => tag !== b.tags[i])) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return (a.listening ?? 0) === (b.listening ?? 0) && (a.keyPoints?.of ?? '') === (b.keyPoints?.of ?? '');
}

/** Begun and not finished (nor marked read): between 5 % and 95 % read. The library's "Continue reading". */
export function inProgress(meta: Pick<ArticleMeta, 'readAt' | 'progress'>): boolean {
  return meta.readAt === 0 && meta.progress >= 0.05 && meta.progress <= 0.95;
}
