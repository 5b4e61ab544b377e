// One saved article in a list (the popup's recent list and the library): title, site, date,
// reading time and state, with open, read/unread and delete. The library's rows also show the
// thumbnail, the excerpt (or a search result's snippet, its matched words marked), the reading
// progress with the minutes left, and the tags as chips that wrap.
import { formatShortDate, t } from '@/platform/i18n';
import type { ArticleMeta } from '@/lib/library/types';
import type { ResultSnippet } from '@/lib/library/snippet';
import { inProgress } from '@/lib/library/records';

export interface ArticleRowProps {
  meta: ArticleMeta;
  onOpen: (meta: ArticleMeta) => void;
  onToggleRead: (meta: ArticleMeta) => void;
  onDelete: (meta: ArticleMeta) => void;
  /** Library only: a checkbox for bulk actions. */
  selected?: boolean;
  onSelect?: (meta: ArticleMeta, selected: boolean) => void;
  /** Library only: extra controls (tags). */
  children?: preact.ComponentChildren;
  /** Library only: the row in full (thumbnail, excerpt, progress). */
  detailed?: boolean;
  /** The thumbnail's local address (detailed rows). */
  thumb?: string;
  /** A search result's passage, shown instead of the excerpt (detailed rows), and where it was found. */
  snippet?: ResultSnippet | null;
  /** The row's place in its list (keyboard navigation). */
  index?: number;
}

export function ArticleRow(props: ArticleRowProps) {
  const { meta, onOpen, onToggleRead, onDelete, selected, onSelect, children, detailed, thumb, snippet, index } = props;
  const read = meta.readAt > 0;
  const percent = Math.round(meta.progress * 100);
  const left = Math.max(1, Math.ceil(meta.readingMinutes * (1 - meta.progress)));
  const facts = [
    meta.siteName || meta.site,
    formatShortDate(meta.savedAt),
    meta.readingMinutes ? t('minutesRead', meta.readingMinutes) : null,
    meta.status === 'bookmark' ? t('bookmarkLabel') : meta.status === 'pending' ? t('pendingLabel') : null,
    read ? t('readLabel') : null,
    meta.listening ? t('listenContinue') : null,
  ].filter(Boolean);
  return (
    <li class={`article-row${read ? ' read' : ''}${detailed ? ' detailed' : ''}`} data-url={meta.url} data-index={index}>
      {onSelect && (
        <input
          type="checkbox"
          class="row-select"
          checked={!!selected}
          aria-label={t('selectArticle', meta.title)}
          onChange={(e) => onSelect(meta, (e.currentTarget as HTMLInputElement).checked)}
        />
      )}
      {detailed && (
        <div class="row-thumb" aria-hidden="true">
          {thumb ? (
            <img src={thumb} alt="" loading="lazy" decoding="async" />
          ) : (
            <span>{[...(meta.siteName || meta.site || '?')][0]}</span>
          )}
        </div>
      )}
      <div class="row-main">
        <button type="button" class="row-title" onClick={() => onOpen(meta)} lang={meta.lang ?? undefined} dir="auto">
          {meta.title}
        </button>
        <div class="row-facts">{facts.join(' · ')}</div>
        {detailed && (snippet || meta.excerpt) && (
          <p class="row-excerpt" lang={meta.lang ?? undefined} dir="auto" data-testid={snippet ? 'row-snippet' : undefined}>
            {snippet && snippet.from !== 'text' && (
              <span class="snippet-from" data-testid="snippet-from">
                {t(snippet.from === 'note' ? 'snippetInNote' : 'snippetInHighlight')}{' '}
              </span>
            )}
            {snippet ? snippet.parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text)) : meta.excerpt}
          </p>
        )}
        {detailed && inProgress(meta) && meta.readingMinutes > 0 && (
          <div class="row-progress">
            <progress max={100} value={percent} aria-label={t('progressLabel')} />
            <span>{t('progressLeft', percent, left)}</span>
          </div>
        )}
        {meta.tags.length > 0 && (
          <ul class="row-tags" aria-label={t('filterTag')}>
            {meta.tags.map((tag) => (
              <li key={tag} title={tag}>
                {tag}
              </li>
            ))}
          </ul>
        )}
        {children}
      </div>
      <div class="row-actions">
        <button
          type="button"
          class="icon"
          onClick={() => onToggleRead(meta)}
          aria-label={read ? t('markUnread') : t('markRead')}
          title={read ? t('markUnread') : t('markRead')}
        >
          {read ? '◯' : '✓'}
        </button>
        <button
          type="button"
          class="icon"
          onClick={() => onDelete(meta)}
          aria-label={t('deleteArticle')}
          title={t('deleteArticle')}
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}

function TrashIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />
    </svg>
  );
}

/** "Deleted 3. Undo" after a deletion; the deleted articles come back exactly on Undo. */
export function UndoBar({ count, onUndo, onDismiss }: { count: number; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div class="undo-bar" role="status">
      <span>{t('deleted', count)}</span>
      <button type="button" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" class="icon" onClick={onDismiss} aria-label={t('readerClose')}>
        ✕
      </button>
    </div>
  );
}
