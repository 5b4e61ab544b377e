// The reader's status line, at the foot of the screen while something runs or is shown: the
// translation's progress (or "Waiting N s…") with Cancel, its end with Show original, its error;
// finding names "N %" with Stop. Empty (and out of sight) otherwise; the live region stays, so a
// screen reader hears each change.
import { languageName, t } from '@/platform/i18n';
import type { ReaderSession, ReaderState } from '@/page/reader-session';

export function ReaderStatus({ session, state }: { session: ReaderSession; state: ReaderState }) {
  const tr = state.translation;
  const { highlights } = state;
  // Shown once finding the entities has taken more than one turn of the page: long articles only.
  const finding = highlights.loading && highlights.progress !== null ? Math.round(highlights.progress * 100) : null;
  const active = !!tr || finding !== null || !!highlights.error;
  return (
    <div class={active ? 'ra-status ra-status-on' : 'ra-status'}>
      <p class="ra-status-text" role="status" aria-live="polite" data-testid="reader-translate-status">
        {tr?.state === 'running' && (tr.message ?? t('translateProgress', tr.done, tr.total))}
        {tr?.state === 'done' && t('translateDone', languageName(tr.to) ?? tr.to)}
        {tr?.state === 'error' && <span class="ra-error">{tr.message}</span>}
        {finding !== null && <span data-testid="reader-highlight-progress">{t('entityProgress', String(finding))}</span>}
        {highlights.error && <span class="ra-error">{highlights.error}</span>}
      </p>
      {tr?.state === 'running' && (
        <button type="button" class="ra-btn" onClick={() => session.cancelTranslation()} data-testid="reader-translate-cancel">
          {t('translateCancel')}
        </button>
      )}
      {tr && tr.state !== 'running' && (tr.state !== 'error' || tr.done > 0) && (
        <button type="button" class="ra-btn" onClick={() => session.showOriginal()} data-testid="reader-show-original">
          {t('translateShowOriginal')}
        </button>
      )}
      {finding !== null && (
        <button
          type="button"
          class="ra-btn"
          onClick={() => void session.setHighlights(false)}
          data-testid="reader-highlight-cancel"
        >
          {t('entityCancel')}
        </button>
      )}
    </div>
  );
}
