// The offline reader for a saved article: the same reader view and session as in pages, fed from
// the library. The stored HTML is sanitized again when shown (the session does it); reading
// progress is remembered.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReaderView } from '@/components/ReaderView';
import '@/components/reader.css';
import '@/components/entities.css';
import type { Article } from '@/lib/article/types';
import { entitiesApi, type EntitiesApi } from '@/lib/entities/api';
import { t, uiLanguage } from '@/platform/i18n';
import { openLibraryNow } from '@/extension/library/db';
import { getArticle, setProgress } from '@/extension/library/store';
import type { SavedArticle } from '@/lib/library/types';
import { siteKey } from '@/platform/settings/typography';
import { ReaderSession } from '@/page/reader-session';

const db = openLibraryNow();
const url = new URLSearchParams(location.search).get('url') ?? '';

function toArticle(saved: SavedArticle): Article {
  return { ...saved, canonicalUrl: saved.url, url: saved.pageUrl || saved.url, text: saved.text };
}

let loading: Promise<EntitiesApi> | null = null;

/**
 * The entity recognizer, on first use: the extension's own /entities.js (built from
 * entrypoints/entities.ts, the file the background injects into pages), run here by a <script> of
 * its own origin. It puts the API on this window's global; the page's bundle does not carry it.
 */
function loadEntities(): Promise<EntitiesApi> {
  const ready = entitiesApi();
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<EntitiesApi>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = browser.runtime.getURL('/entities.js');
    script.addEventListener('load', () => {
      const api = entitiesApi();
      if (api) resolve(api);
      else reject(new Error('the entity recognizer did not load'));
    });
    script.addEventListener('error', () => reject(new Error('the entity recognizer did not load')));
    document.head.append(script);
  }).catch((err: unknown) => {
    loading = null; // the next click tries again
    throw err;
  });
  return loading;
}

/** Back to where the reader stopped, then remember the place as they read. */
function followProgress(saved: SavedArticle, signal: AbortSignal): void {
  const scroller = document.querySelector<HTMLElement>('.ra-root');
  if (!scroller) return;
  requestAnimationFrame(() => (scroller.scrollTop = saved.progress * (scroller.scrollHeight - scroller.clientHeight)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const max = scroller.scrollHeight - scroller.clientHeight;
      void setProgress(db, saved.url, max > 0 ? Math.min(1, scroller.scrollTop / max) : 1);
    }, 400);
  };
  scroller.addEventListener('scroll', onScroll, { passive: true, signal });
}

async function main() {
  const saved = (await getArticle(db, url)) ?? null;
  if (saved) document.title = saved.title;
  const session = new ReaderSession({
    article: saved ? toArticle(saved) : null,
    error: saved ? null : t('notFound'),
    notice: saved?.status === 'bookmark' ? t('bookmarkNotice') : saved?.status === 'pending' ? t('pendingNotice') : null,
    site: siteKey(url),
    loadEntities,
  });
  // The typography first: the place to go back to depends on the text's size.
  await session.ready;
  render(<ReaderView session={session} onClose={() => location.assign('/library.html')} />, document.getElementById('app')!);
  if (saved) followProgress(saved, session.signal);
}

document.documentElement.lang = uiLanguage();
void main();
