// The clean reader: toolbar and article. Used by the in-page overlay (in a shadow root) and,
// later, by the library's offline reader.
import { useEffect, useRef } from 'preact/hooks';
import type { Article } from '@/utils/article/types';
import { formatDate, t } from '@/utils/i18n';
import type { Typography } from '@/utils/settings/typography';
import { SafeHtml } from './SafeHtml';
import { TypographyControls, typographyStyle } from './TypographyControls';

export interface ReaderViewProps {
  /** The article, null when the page holds none, or an error message. */
  article: Article | null;
  error?: string | null;
  /** A line above the article (a saved bookmark, an item imported without text). */
  notice?: string | null;
  typography: Typography;
  perSite: boolean;
  site: string | null;
  onTypography: (value: Typography, perSite: boolean) => void;
  onClose: () => void;
}

export function ReaderView({ article, error, notice, typography, perSite, site, onTypography, onClose }: ReaderViewProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Keyboard users land in the article, so arrows and Space scroll it at once.
    mainRef.current?.focus({ preventScroll: true });
  }, []);

  const date = formatDate(article?.publishedTime);
  const meta = article
    ? [article.siteName, article.byline && t('readerBy', article.byline), date && t('readerPublished', date), article.readingMinutes ? t('minutesRead', article.readingMinutes) : null].filter(Boolean)
    : [];

  return (
    <div class={`ra-root ra-font-${typography.font}`} data-theme={typography.theme} style={typographyStyle(typography)}>
      <div class="ra-toolbar" role="toolbar" aria-label={t('readerToolbar')}>
        <TypographyControls value={typography} perSite={perSite} site={site} onChange={onTypography} />
        <button ref={closeRef} type="button" class="ra-btn ra-close" onClick={onClose} aria-label={t('readerClose')} title={t('readerClose')}>
          ✕
        </button>
      </div>
      <main ref={mainRef} class="ra-main" tabIndex={-1}>
        {article ? (
          <article class="ra-article" lang={article.lang ?? undefined} dir={article.dir}>
            {notice && (
              <p class="ra-notice" role="note">
                {notice}
              </p>
            )}
            <h1 class="ra-title">{article.title}</h1>
            {meta.length > 0 && <p class="ra-meta">{meta.join(' · ')}</p>}
            <SafeHtml class="ra-content" html={article.contentHtml} />
            <p class="ra-source">
              <a href={article.url} target="_blank" rel="noopener noreferrer">
                {t('readerOriginal')}
              </a>
            </p>
          </article>
        ) : (
          <section class="ra-article ra-empty" role="status">
            <h1 class="ra-title">{t('readerNoArticleTitle')}</h1>
            <p>{error ?? t('readerNoArticle')}</p>
          </section>
        )}
      </main>
    </div>
  );
}
