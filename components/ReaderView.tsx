// The clean reader: toolbar and article. Used by the in-page overlay (in a shadow root) and by the
// saved-article page. The toolbar's tools are a registry (ReaderTools.tsx); which one is open, and
// the reader's keys (reader-keys.ts), are held here. It renders the state of a reader session (page/reader-session.ts) and calls
// its methods: the session, not the view, holds the article's DOM, the translation and the
// highlights, so the popup's commands reach it without going through the view.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatDate, t } from '@/platform/i18n';
import { isWebUrl } from '@/lib/library/records';
import type { ReaderSession, ReaderState } from '@/page/reader-session';
import { EntityPanel } from './EntityPanel';
import { handleReaderKey } from './reader-keys';
import { ReaderHighlights } from './ReaderHighlights';
import { ReaderStatus } from './ReaderStatus';
import { ReaderToolbar } from './ReaderToolbar';
import { shownTools, type ReaderTool, type ToolContext } from './ReaderTools';
import { typographyStyle } from './TypographyControls';
import { ReadAloudPlayer } from './ReadAloud';
import { KeyPointsBox } from './KeyPoints';
import { ReadingAids } from './aids/ReadingAids';
import { useStore } from './useStore';

export interface ReaderViewProps {
  session: ReaderSession;
  /** ✕: the overlay closes, the saved-article page goes back to the library. */
  onClose: () => void;
  /** "Load images from the site", where the session holds remote pictures back (the saved-article page). */
  onLoadRemoteMedia?: () => void;
}

/** Under this width the entity panel (and other side panels) come as drawers. */
const NARROW = '(max-width: 959px)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

export function ReaderView({ session, onClose, onLoadRemoteMedia }: ReaderViewProps) {
  const state: ReaderState = useStore(session);
  const listen = useStore(session.readAloud);
  const keyPoints = useStore(session.keyPoints);
  const notes = useStore(session.notes);
  const [contents, setContents] = useState<ToolContext['contents']>('none');
  const mainRef = useRef<HTMLElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const { article } = session;
  const { typography } = state;
  const narrow = useNarrow();
  const [open, setOpen] = useState<string | null>(null);
  useLayoutEffect(() => {
    // The article's DOM is the session's (translation and highlights change it in place): placed, never re-rendered.
    if (session.content) contentRef.current?.replaceChildren(session.content);
    if (session.title) titleRef.current?.replaceChildren(session.title);
  }, [session]);
  useEffect(() => {
    // Keyboard users land in the article, so arrows and Space scroll it at once.
    mainRef.current?.focus({ preventScroll: true });
  }, []);

  /** Closes the open popover or drawer; focus goes back to its button. */
  const dismiss = useCallback(() => {
    setOpen((id) => {
      if (id) rootRef.current?.querySelector<HTMLElement>(`[data-tool="${id}"]`)?.focus({ preventScroll: true });
      return null;
    });
  }, []);
  const ctx: ToolContext = { session, state, dismiss, narrow, open, listen, keyPoints, notes, contents };
  const activate = (tool: ReaderTool) => {
    if (tool.panel || tool.outside) setOpen((id) => (id === tool.id ? null : tool.id));
    else tool.run?.(ctx);
  };
  const date = formatDate(article?.publishedTime);
  const panel = state.highlights.on || state.highlights.loading;
  // A drawer whose tool went away (wider window, highlights off) closes.
  if ((open === 'entities' && !(narrow && panel)) || (open === 'contents' && contents !== 'drawer')) setOpen(null);
  const meta = article
    ? [
        article.siteName,
        article.byline && t('readerBy', article.byline),
        date && t('readerPublished', date),
        article.readingMinutes ? t('minutesRead', article.readingMinutes) : null,
      ].filter(Boolean)
    : [];

  return (
    <div
      ref={rootRef}
      class={`ra-root ra-font-${typography.font}`}
      data-theme={typography.theme}
      style={typographyStyle(typography)}
      onKeyDown={(event) =>
        handleReaderKey(event, {
          ctx,
          open: open !== null,
          dismiss,
          activate,
          scroller: event.currentTarget as HTMLElement,
          main: mainRef.current,
          toolbar: rootRef.current?.querySelector('.ra-toolbar') ?? null,
        })
      }
      onPointerDown={(event) => {
        // A press outside the open popover or drawer (and its button) closes it. A panel drawn
        // outside the bar (the notes beside the article) stays while the user selects and reads;
        // its own close button, Esc or its scrim close it.
        const target = event.target as Element;
        const tool = open ? shownTools(ctx).find((t) => t.id === open) : undefined;
        if (tool && !tool.outside && !target.closest('.ra-tool-open, .ra-drawer')) setOpen(null);
      }}
    >
      <ReaderToolbar ctx={ctx} open={open} onActivate={activate} onClose={onClose} />
      {/* The panel's column comes as highlighting starts, while the article has no mark: laying out a
          long article again beside it then is quick, where 40,000 marks would hold the page. */}
      <div class={panel && !narrow ? 'ra-body ra-with-entities' : 'ra-body'}>
        <main ref={mainRef} class="ra-main" tabIndex={-1}>
          {article ? (
            <article class="ra-article" lang={article.lang ?? undefined} dir={article.dir}>
              {session.notice && (
                <p class="ra-notice" role="note">
                  {session.notice}
                </p>
              )}
              {session.heldMedia > 0 && onLoadRemoteMedia && (
                <p class="ra-notice ra-held-media" role="note" data-testid="held-media">
                  {t('remoteMediaHeld')}{' '}
                  <button type="button" class="ra-btn" data-testid="load-remote-media" onClick={onLoadRemoteMedia}>
                    {t('loadRemoteMedia')}
                  </button>
                </p>
              )}
              <div ref={titleRef} />
              {meta.length > 0 && <p class="ra-meta">{meta.join(' · ')}</p>}
              {/* listen: key points, on demand */}
              <KeyPointsBox session={session} />
              <div ref={contentRef} />
              {/* A saved copy stored before imports were checked may carry any address: link web pages only. */}
              {isWebUrl(article.url) && (
                <p class="ra-source">
                  <a href={article.url} target="_blank" rel="noopener noreferrer">
                    {t('readerOriginal')}
                  </a>
                </p>
              )}
            </article>
          ) : (
            <section class="ra-article ra-empty" role="status">
              <h1 class="ra-title">{t('readerNoArticleTitle')}</h1>
              <p>{session.error ?? t('readerNoArticle')}</p>
            </section>
          )}
        </main>
        {panel && !narrow && (
          <EntityPanel
            groups={state.highlights.on ? state.highlights.groups : null}
            enabled={state.enabledGroups}
            onToggle={(group, on) => void session.setGroupEnabled(group, on)}
            root={session.content}
            api={state.entities ?? null}
          />
        )}
      </div>
      {article && <ReaderStatus session={session} state={state} />}
      {/* Read-aloud's player, at the foot while it reads (ReadAloud.tsx). */}
      {article && <ReadAloudPlayer session={session} />}
      {/* Reading aids (components/aids): progress, time left, contents, image viewer. */}
      {article && session.content && (
        <ReadingAids content={session.content} drawer={open === 'contents'} onCloseDrawer={dismiss} onContents={setContents} />
      )}
      {/* The user's own highlights and notes: selection bar, panel, status (ReaderHighlights.tsx). */}
      {session.notes && session.content && (
        <ReaderHighlights
          notes={session.notes}
          content={session.content}
          translated={!!state.translation}
          panel={open === 'notes'}
          onClosePanel={dismiss}
        />
      )}
    </div>
  );
}
