// The offline reader for a saved article: the same reader view as in pages, fed from the library.
// The stored HTML is sanitized again when shown (SafeHtml); reading progress is remembered.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ReaderView } from '@/components/ReaderView';
import '@/components/reader.css';
import '@/components/entities.css';
import type { Article } from '@/lib/article/types';
import { t, uiLanguage } from '@/platform/i18n';
import { openLibraryNow } from '@/extension/library/db';
import { getArticle, setProgress } from '@/extension/library/store';
import type { SavedArticle } from '@/lib/library/types';
import { DEFAULT_TYPOGRAPHY, loadTypography, saveTypography, siteKey, watchTypography, type EffectiveTypography } from '@/platform/settings/typography';

const db = openLibraryNow();
const url = new URLSearchParams(location.search).get('url') ?? '';

function toArticle(saved: SavedArticle): Article {
  return { ...saved, canonicalUrl: saved.url, url: saved.pageUrl || saved.url, text: saved.text };
}

function SavedReader() {
  const [saved, setSaved] = useState<SavedArticle | null | undefined>(undefined);
  const site = siteKey(url);
  const [typo, setTypo] = useState<EffectiveTypography>({ value: DEFAULT_TYPOGRAPHY, perSite: false });
  const restored = useRef(false);

  useEffect(() => {
    void getArticle(db, url).then((a) => {
      setSaved(a ?? null);
      if (a) document.title = a.title;
    });
    void loadTypography(site).then(setTypo);
    return watchTypography(site, setTypo);
  }, []);

  // Back to where the reader stopped, then remember the place as they read.
  useEffect(() => {
    const scroller = document.querySelector<HTMLElement>('.ra-root');
    if (!saved || !scroller) return;
    if (!restored.current) {
      restored.current = true;
      requestAnimationFrame(() => (scroller.scrollTop = saved.progress * (scroller.scrollHeight - scroller.clientHeight)));
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const max = scroller.scrollHeight - scroller.clientHeight;
        void setProgress(db, saved.url, max > 0 ? Math.min(1, scroller.scrollTop / max) : 1);
      }, 400);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [saved]);

  if (saved === undefined) return null;
  const notice = saved?.status === 'bookmark' ? t('bookmarkNotice') : saved?.status === 'pending' ? t('pendingNotice') : null;
  return (
    <ReaderView
      article={saved ? toArticle(saved) : null}
      error={saved ? null : t('notFound')}
      notice={notice}
      typography={typo.value}
      perSite={typo.perSite}
      site={site}
      onTypography={(value, perSite) => {
        setTypo({ value, perSite });
        void saveTypography(site, value, perSite);
      }}
      onClose={() => location.assign('/library.html')}
      env={{ loadEntities: async () => (await import('@/lib/entities/bundle')).ENTITIES }}
    />
  );
}

document.documentElement.lang = uiLanguage();
render(<SavedReader />, document.getElementById('app')!);
