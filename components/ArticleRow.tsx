// One saved article in a list (the popup's recent list and the library): title, site, date,
// reading time and state, with open, read/unread and delete.
import { formatShortDate, t } from '@/platform/i18n';
import type { ArticleMeta } from '@/lib/library/types';

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
}

export function ArticleRow({ meta, onOpen, onToggleRead, onDelete, selected, onSelect, children }: ArticleRowProps) {
  const read = meta.readAt > 0;
  const facts = [
    meta.siteName || meta.site,
    formatShortDate(meta.savedAt),
    meta.readingMinutes ? t('minutesRead', meta.readingMinutes) : null,
    meta.status === 'bookmark' ? t('bookmarkLabel') : meta.status === 'pending' ? t('pendingLabel') : null,
    read ? t('readLabel') : null,
    meta.listening ? t('listenContinue') : null,
  ].filter(Boolean);
  return (
    <li class={read ? 'article-row read' : 'article-row'} data-url={meta.url}>
      {onSelect && (
        <input
          type="checkbox"
          class="row-select"
          checked={!!selected}
          aria-label={t('selectArticle', meta.title)}
          onChange={(e) => onSelect(meta, (e.currentTarget as HTMLInputElement).checked)}
        />
      )}
      <div class="row-main">
        <button type="button" class="row-title" onClick={() => onOpen(meta)} lang={meta.lang ?? undefined} dir="auto">
          {meta.title}
        </button>
        <div class="row-facts">{facts.join(' · ')}</div>
        {meta.tags.length > 0 && (
          <ul class="row-tags" aria-label={t('filterTag')}>
            {meta.tags.map((tag) => (
              <li key={tag}>{tag}</li>
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
