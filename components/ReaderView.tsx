// The clean reader: toolbar and article. Used by the in-page overlay (in a shadow root) and,
// later, by the library's offline reader.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '@/lib/article/types';
import { DEFAULT_HIGHLIGHTS, loadHighlightSettings, setGroupEnabled, watchHighlightSettings } from '@/platform/settings/entities';
import type { EntityGroup } from '@/lib/entities/types';
import { formatDate, t } from '@/platform/i18n';
import type { TranslationStatus } from '@/platform/messages';
import type { Typography } from '@/platform/settings/typography';
import type { DisplayMode } from '@/lib/translate/segment';
import { EntityPanel } from './EntityPanel';
import { ReaderTools } from './ReaderTools';
import { SafeHtml } from './SafeHtml';
import { TypographyControls, typographyStyle } from './TypographyControls';
import { useReaderTools, type ReaderToolsState as Tools, type ReaderToolsEnv } from './useReaderTools';

/** Commands from outside the reader (the popup): translate, show the original, highlights. */
export type ReaderCommand = { kind: 'translate'; to: string; mode: DisplayMode; from?: string } | { kind: 'original' } | { kind: 'highlight'; on: boolean };

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
  env: ReaderToolsEnv;
  /** Lets the host send commands to the reader (the popup's Translate and Highlight). */
  commands?: { current: ((command: ReaderCommand) => void) | null };
  /** Told when translation or highlights change (the popup asks the host). */
  onToolsChange?: (state: { translation: TranslationStatus | null; highlights: boolean }) => void;
}

export function ReaderView({ article, error, notice, typography, perSite, site, onTypography, onClose, env, commands, onToolsChange }: ReaderViewProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const [groups, setGroups] = useState<EntityGroup[]>(DEFAULT_HIGHLIGHTS.groups);
  const content = () => mainRef.current?.querySelector<HTMLElement>('.ra-content') ?? null;
  const tools = useReaderTools(content, article, env, groups, (state) => {
    onToolsChange?.(state);
  });
  useEffect(() => {
    // The kinds shown are remembered; so is whether highlights were on, which then come back.
    void loadHighlightSettings().then((s) => {
      setGroups(s.groups);
      if (s.on && article) void tools.setHighlights(true, false);
    });
    return watchHighlightSettings((s) => setGroups(s.groups));
  }, []);
  useEffect(() => tools.setEnabledGroups(groups), [groups]);
  if (commands) commands.current = (command) => runCommand(tools, command);
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
      {article && <ReaderTools tools={tools} canTranslate lang={article.lang} />}
      <div class={tools.highlights.on ? 'ra-body ra-with-entities' : 'ra-body'}>
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
      {tools.highlights.on && tools.api && (
        <EntityPanel
          groups={tools.highlights.groups}
          enabled={groups}
          onToggle={(group, on) => void setGroupEnabled(group, on).then((s) => setGroups(s.groups))}
          root={content()}
          api={tools.api}
        />
      )}
      </div>
    </div>
  );
}

function runCommand(tools: Tools, command: ReaderCommand): void {
  if (command.kind === 'translate') tools.translate(command.to, command.mode, command.from);
  else if (command.kind === 'original') tools.showOriginal();
  else void tools.setHighlights(command.on);
}
