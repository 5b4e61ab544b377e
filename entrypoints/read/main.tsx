// The offline reader for a saved article: the same reader view and session as in pages, fed from
// the library. The stored HTML is sanitized again when shown (the session does it); reading
// progress is remembered.
//
// Opening a saved copy makes no request: the pictures stored with it are shown from the database
// (blob: URLs), the site's other pictures and media wait (the session sets them aside, and a
// Content-Security-Policy allows only local images and media should anything slip through) until
// the reader presses "Load images from the site", which opens this view again with `images=site`
// (a policy cannot be lifted from a page once set) at the same place. The choice is for this view
// only: the next opening makes no request again.
import { render } from 'preact';
import { ReaderView } from '@/components/ReaderView';
import { goToHighlight } from '@/components/ReaderHighlights';
import '@/components/reader.css';
import '@/components/aids/aids.css';
import '@/components/entities.css';
import '@/components/listen.css';
import '@/components/highlights.css';
import type { Article } from '@/lib/article/types';
import { t, uiLanguage } from '@/platform/i18n';
import { openLibraryNow } from '@/extension/library/db';
import { getArticle, setKeyPoints, setListening, setProgress } from '@/extension/library/store';
import { articleImages } from '@/extension/library/assets';
import { imageSources } from '@/lib/library/images';
import { listHighlights, putHighlights, removeHighlight } from '@/extension/library/highlights';
import type { HighlightStore } from '@/page/highlights';
import { readerEntities } from '@/page/find-entities';
import type { SavedArticle } from '@/lib/library/types';
import { siteKey } from '@/platform/settings/typography';
import { ReaderSession } from '@/page/reader-session';
import { demoArticle } from '@/extension/demo-article';

const db = openLibraryNow();
const params = new URLSearchParams(location.search);
const url = params.get('url') ?? '';
const remoteImages = params.get('images') === 'site';
/** The welcome page's "Try the reader": the bundled demo article, nothing saved. */
const demo = params.has('demo');

if (!remoteImages) {
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  // blob: the stored pictures; data: pictures inline in the saved HTML (the copy's own bytes).
  policy.content = 'img-src blob: data:; media-src blob: data:';
  document.head.prepend(policy);
}

function toArticle(saved: SavedArticle): Article {
  return { ...saved, canonicalUrl: saved.url, url: saved.pageUrl || saved.url, text: saved.text };
}

/** How far down the article the reader is, 0..1. */
function place(scroller: HTMLElement): number {
  const max = scroller.scrollHeight - scroller.clientHeight;
  return max > 0 ? Math.min(1, scroller.scrollTop / max) : 1;
}

/** Back to where the reader stopped (unless `stay`: opened at a highlight), then remember the place as they read. */
function followProgress(saved: SavedArticle, signal: AbortSignal, stay: boolean): void {
  const scroller = document.querySelector<HTMLElement>('.ra-root');
  if (!scroller) return;
  if (!stay) requestAnimationFrame(() => (scroller.scrollTop = saved.progress * (scroller.scrollHeight - scroller.clientHeight)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void setProgress(db, saved.url, place(scroller)), 400);
  };
  scroller.addEventListener('scroll', onScroll, { passive: true, signal });
}

/** "Load images from the site": this view again, at the same place, with the site's pictures. */
async function loadRemoteMedia(saved: SavedArticle): Promise<void> {
  const scroller = document.querySelector<HTMLElement>('.ra-root');
  // (an article that fits on the screen has no place to keep, and is not read for that)
  if (scroller && scroller.scrollHeight > scroller.clientHeight)
    await setProgress(db, saved.url, place(scroller)).catch(() => undefined);
  const next = new URLSearchParams(location.search);
  next.set('images', 'site');
  location.replace(`${location.pathname}?${next.toString()}`);
}

/** The pictures stored with the copy, as local addresses for as long as the page is open. */
async function storedImages(saved: SavedArticle | null): Promise<Map<string, string>> {
  const local = new Map<string, string>();
  if (!saved) return local;
  const rows = await articleImages(db, saved.url).catch((err: unknown) => {
    console.warn('The stored pictures could not be read:', err);
    return [];
  });
  for (const row of rows) local.set(row.src, URL.createObjectURL(row.blob));
  addEventListener('pagehide', () => local.forEach((u) => URL.revokeObjectURL(u)), { once: true });
  return local;
}

/** What the reader is told above the article: a bookmark, a pending item, or pictures left out. */
function noticeFor(saved: SavedArticle | null, images: ReadonlyMap<string, string>): string | null {
  if (saved?.status === 'bookmark') return t('bookmarkNotice');
  if (saved?.status === 'pending') return t('pendingNotice');
  if (!saved || images.size === 0) return null;
  const total = imageSources(saved.contentHtml).length;
  return total > images.size ? t('imagesPartlyStored', images.size, total) : null;
}
/** The saved copy's highlights, straight from the library (this page is the extension's own). */
const highlightStore: HighlightStore = {
  list: (article) => listHighlights(db, article),
  put: async (highlight) => ({ highlight: (await putHighlights(db, [highlight])).written[0]!, saved: null }),
  remove: (id) => removeHighlight(db, id),
};

/**
 * Opened at a highlight (`#highlight=<id>`, the library's Highlights view): once the article's
 * highlights are drawn, scrolls to that one and focuses it. False when no highlight is asked for.
 */
function goToTarget(session: ReaderSession): boolean {
  const id = /^#highlight=([\w-]+)$/.exec(location.hash)?.[1];
  const notes = session.notes;
  if (!id || !notes) return false;
  let tries = 0;
  // after the view's own effects (which put the focus in the article): a frame, then a task
  const go = () => requestAnimationFrame(() => setTimeout(() => !goToHighlight(notes, id) && ++tries < 30 && go()));
  if (notes.state.loaded) go();
  else {
    const off = notes.subscribe((state) => {
      if (!state.loaded) return;
      off();
      go();
    });
  }
  return true;
}

async function main() {
  const saved = demo ? null : ((await getArticle(db, url)) ?? null);
  const article = demo ? await demoArticle() : saved ? toArticle(saved) : null;
  if (article) document.title = article.title;
  const images = await storedImages(saved);
  const session = new ReaderSession({
    article,
    error: article ? null : t('notFound'),
    notice: noticeFor(saved, images),
    site: siteKey(url),
    // The recognizer runs in the parser page, as for the reader over a web page.
    loadEntities: async () => readerEntities,
    holdRemoteMedia: !remoteImages && !demo,
    // Read-aloud goes on from where it stopped, offline (the browser's own voices).
    listening: saved
      ? { start: saved.listening ?? 0, onPosition: (i) => void setListening(db, saved.url, i).catch(() => undefined) }
      : undefined,
    storedImages: images,
    highlightStore,
    // Key points once made are kept with the saved copy and shown again when it is opened.
    keyPointsStore: saved
      ? { get: async () => saved.keyPoints ?? null, put: async (points) => void (await setKeyPoints(db, saved.url, points)) }
      : undefined,
  });
  // The typography first: the place to go back to depends on the text's size.
  await session.ready;
  render(
    <ReaderView
      session={session}
      onClose={() => location.assign('/library.html')}
      onLoadRemoteMedia={saved ? () => void loadRemoteMedia(saved) : undefined}
    />,
    document.getElementById('app')!,
  );
  const atHighlight = goToTarget(session);
  if (saved) followProgress(saved, session.signal, atHighlight);
}

document.documentElement.lang = uiLanguage();
void main();
