// Saving: the tab's article (read by the reader script in the page) or a linked page (fetched by
// the background and parsed where a DOM is). Used by the background for the menu, the shortcut,
// the popup's Save button and the pending imports.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { t } from '@/platform/i18n';
import type { LibraryDB } from '@/extension/library/db';
import { LibraryError } from '@/extension/library/store';
import { saveArticle, saveBookmark } from '@/extension/library/store';
import { sendToTab, type PageCapture, type SaveResult } from '@/platform/messages';
import { ensureReader } from '@/extension/reader-control';
import { fetchPage, FetchFailure } from '@/extension/fetch-page';
import { addImages } from '@/extension/library/assets';
import { collectImages, type ImageOptions } from '@/extension/save-images';
import type { Article } from '@/lib/article/types';

/** How a save gets its pictures: the background passes its SVG sanitizer (the parser page). */
export type SaveMedia = ImageOptions;

/**
 * Saves an article with its pictures in one transaction; should the storage be too full for all
 * of them, the article is saved alone and its pictures added one by one while they fit.
 */
async function saveWithImages(db: LibraryDB, article: Article, pageUrl: string, media: SaveMedia): Promise<SaveResult> {
  const collected = await collectImages(article, media);
  const { images, left, total } = collected;
  const kept = images.filter((i) => i.hash !== 'thumb').length;
  try {
    const { created, meta } = await saveArticle(db, article, { pageUrl, images });
    const result: SaveResult = { ok: true, url: meta.url, title: meta.title, status: meta.status, created };
    return left > 0 ? { ...result, images: { stored: kept, total, short: 'cap' } } : result;
  } catch (err) {
    if (!(err instanceof LibraryError && err.code === 'quota') || images.length === 0) throw err;
  }
  // The quota was reached with the pictures: the text first, then what fits.
  const { created, meta } = await saveArticle(db, article, { pageUrl, images: [] });
  const ordered = [...images.filter((i) => i.hash === 'thumb'), ...images.filter((i) => i.hash !== 'thumb')];
  const added = await addImages(db, meta.url, ordered);
  const stored = Math.max(0, added - (ordered[0]?.hash === 'thumb' && added > 0 ? 1 : 0));
  return { ok: true, url: meta.url, title: meta.title, status: meta.status, created, images: { stored, total, short: 'quota' } };
}

async function storeCapture(db: LibraryDB, capture: PageCapture, media: SaveMedia = {}): Promise<SaveResult> {
  try {
    if (capture.article) return await saveWithImages(db, capture.article, capture.url, media);
    const { created, meta } = await saveBookmark(db, { url: capture.url, title: capture.title, excerpt: capture.excerpt });
    return { ok: true, url: meta.url, title: meta.title, status: meta.status, created };
  } catch (err) {
    if (err instanceof LibraryError && err.code === 'quota') return { ok: false, error: 'quota' };
    return { ok: false, error: 'failed', detail: err instanceof Error ? err.message : String(err) };
  }
}

/** The message a user sees for a save's outcome. */
export function saveMessage(result: SaveResult): string {
  if (result.ok) {
    if (result.status === 'bookmark') return t('toastSavedBookmark');
    if (result.images)
      return t(
        result.images.short === 'quota' ? 'toastImagesQuota' : 'toastImagesCapped',
        result.images.stored,
        result.images.total,
      );
    return result.created ? t('toastSaved') : t('toastUpdated');
  }
  switch (result.error) {
    case 'quota':
      return t('errorQuota');
    case 'unreachable':
      return t('errorUnreachable', result.detail ?? '');
    case 'not-html':
      return t('errorNotHtml');
    case 'too-large':
      return t('errorTooLarge');
    case 'blocked':
      return t('errorBlocked');
    case 'restricted':
      return t('popupRestrictedOther');
    default:
      return t('errorGeneric', result.detail ?? '');
  }
}

/**
 * Saves the article shown in a tab and confirms it in the page and on the toolbar button; `quiet`
 * leaves the page's confirmation to the caller (the reader says "saved with this highlight" itself).
 */
export async function saveTab(
  db: LibraryDB,
  tabId: number,
  media: SaveMedia = {},
  { quiet = false }: { quiet?: boolean } = {},
): Promise<SaveResult> {
  let capture: PageCapture;
  try {
    await ensureReader(tabId);
    capture = await sendToTab(tabId, 'reader/capture', undefined);
  } catch {
    return { ok: false, error: 'restricted' };
  }
  const result = await storeCapture(db, capture, media);
  if (!quiet)
    await sendToTab(tabId, 'reader/toast', { message: saveMessage(result), kind: result.ok ? 'ok' : 'error' }).catch(
      () => undefined,
    );
  if (result.ok) {
    await browser.action.setBadgeText({ tabId, text: '★' }).catch(() => undefined);
    await browser.action.setTitle({ tabId, title: t('actionTitleSaved', result.title) }).catch(() => undefined);
  }
  return result;
}

/** Fetches and saves a linked page; `parse` turns its HTML into a capture where a DOM exists. */
export async function saveLink(
  db: LibraryDB,
  url: string,
  parse: (html: string, url: string) => Promise<PageCapture>,
  media: SaveMedia = {},
): Promise<SaveResult> {
  try {
    const page = await fetchPage(url);
    const capture = await parse(page.html, page.url);
    return await storeCapture(db, capture, media);
  } catch (err) {
    if (err instanceof FetchFailure) return { ok: false, error: err.code, detail: err.detail };
    return { ok: false, error: 'failed', detail: err instanceof Error ? err.message : String(err) };
  }
}

/** Progress of fetching imported articles that have no content yet (shown in the library). */
export interface PendingProgress {
  running: boolean;
  done: number;
  failed: number;
  total: number;
  /** The first failures, each with the sentence that says why (the library lists them). */
  failures?: Array<{ url: string; message: string }>;
}

/** How many failures the library lists (the count says how many there were in all). */
const LISTED_FAILURES = 50;

/** Progress of the background fetch of imported articles, watched by the library page. */
export const pendingProgress = storage.defineItem<PendingProgress | null>('local:pendingProgress', { fallback: null });

/**
 * Fetches every pending article, two at a time, reporting progress after each. A page that
 * cannot be fetched stays pending (counted as failed) and can be tried again later.
 */
export async function fetchPending(
  db: LibraryDB,
  urls: string[],
  parse: (html: string, url: string) => Promise<PageCapture>,
  onProgress: (p: PendingProgress) => void | Promise<void>,
  concurrency = 2,
  media: SaveMedia = {},
): Promise<PendingProgress> {
  const progress: PendingProgress = { running: true, done: 0, failed: 0, total: urls.length, failures: [] };
  await onProgress({ ...progress });
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const result = await saveLink(
        db,
        url,
        async (html, finalUrl) => {
          const capture = await parse(html, finalUrl);
          // Keep the imported address as the key, so the pending row is the one completed.
          return capture.article ? { ...capture, article: { ...capture.article, canonicalUrl: url } } : { ...capture, url };
        },
        media,
      );
      if (result.ok) progress.done++;
      else {
        progress.failed++;
        if (progress.failures!.length < LISTED_FAILURES) progress.failures!.push({ url, message: saveMessage(result) });
      }
      await onProgress({ ...progress, failures: [...progress.failures!] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  progress.running = false;
  await onProgress({ ...progress, failures: [...progress.failures!] });
  return progress;
}
