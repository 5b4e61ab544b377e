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
import { THUMB_HASH } from '@/extension/library/schema';
import type { SavedImage } from '@/lib/library/types';
import type { Article } from '@/lib/article/types';

/** How a save gets its pictures: the background passes its SVG sanitizer (the parser page). */
export type SaveMedia = ImageOptions;

/**
 * A save under way: the article is stored (`saved`: the library lists it, the copy opens) while
 * its pictures are still fetched, scaled and stored one by one (`done`: the outcome with them).
 */
export interface SaveJob {
  saved: SaveResult;
  done: Promise<SaveResult>;
}

const finished = (saved: SaveResult): SaveJob => ({ saved, done: Promise.resolve(saved) });

/**
 * Saves an article's text at once, then stores its pictures as each is ready (in document order,
 * until the article's budget or the storage is full: what fit stays). Scaling a wide picture costs
 * ~140 ms here, so the text does not wait for twenty of them.
 */
export async function saveWithImages(db: LibraryDB, article: Article, pageUrl: string, media: SaveMedia): Promise<SaveJob> {
  const { created, meta } = await saveArticle(db, article, { pageUrl, images: [] });
  const saved: SaveResult = { ok: true, url: meta.url, title: meta.title, status: meta.status, created };
  const done = (async (): Promise<SaveResult> => {
    let stored = 0;
    let gone = false;
    const keep = async (image: SavedImage) => {
      if ((await addImages(db, meta.url, [image])) === 1) {
        if (image.hash !== THUMB_HASH) stored++;
        return true;
      }
      gone = !(await db.articles.get(meta.url).catch(() => null)); // deleted meanwhile: nothing to say
      return false;
    };
    const { left, total, stopped } = await collectImages(article, { ...media, keep });
    if (stopped && !gone) return { ...saved, images: { stored, total, short: 'quota' } };
    return left > 0 && !stopped ? { ...saved, images: { stored, total, short: 'cap' } } : saved;
  })();
  return { saved, done };
}

async function storeCapture(db: LibraryDB, capture: PageCapture, media: SaveMedia = {}): Promise<SaveJob> {
  try {
    if (capture.article) return await saveWithImages(db, capture.article, capture.url, media);
    const { created, meta } = await saveBookmark(db, { url: capture.url, title: capture.title, excerpt: capture.excerpt });
    return finished({ ok: true, url: meta.url, title: meta.title, status: meta.status, created });
  } catch (err) {
    return finished(failure(err));
  }
}

/** A failed save in the user's terms. */
function failure(err: unknown): SaveResult {
  if (err instanceof LibraryError && err.code === 'quota') return { ok: false, error: 'quota' };
  return { ok: false, error: 'failed', detail: err instanceof Error ? err.message : String(err) };
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
  const job = await storeCapture(db, capture, media);
  const result = job.saved;
  const toast = (r: SaveResult) =>
    sendToTab(tabId, 'reader/toast', { message: saveMessage(r), kind: r.ok ? 'ok' : 'error' }).catch(() => undefined);
  if (!quiet) await toast(result);
  if (result.ok) {
    await browser.action.setBadgeText({ tabId, text: '★' }).catch(() => undefined);
    await browser.action.setTitle({ tabId, title: t('actionTitleSaved', result.title) }).catch(() => undefined);
  }
  // The pictures go on being stored; the page is told only when some were left out.
  void job.done.then(
    async (final) => {
      if (final.ok && final.images) await toast(final);
    },
    (err: unknown) => console.warn('The pictures could not be stored:', err),
  );
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
    return await (await storeCapture(db, capture, media)).done.catch(failure);
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
