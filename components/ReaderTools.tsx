// The reader's second toolbar row: translation (target language, display mode, Translate / Show
// original, progress and Cancel) and the Highlight switch (on a long article, progress and Stop while
// the entities are found). The state is the reader session's.
import { languageName, t } from '@/platform/i18n';
import type { DisplayMode } from '@/lib/translate/segment';
import type { ReaderSession, ReaderState } from '@/page/reader-session';
import { TargetLanguageSelect } from './TargetLanguageSelect';

export function ReaderTools({ session, state }: { session: ReaderSession; state: ReaderState }) {
  const { target: to, mode, highlights } = state;
  const tr = state.translation;
  const running = tr?.state === 'running';
  // Shown once finding the entities has taken more than one turn of the page: long articles only.
  const finding = highlights.loading && highlights.progress !== null ? Math.round(highlights.progress * 100) : null;

  return (
    <div class="ra-tools" role="group" aria-label={t('readerTools')}>
      {to && (
        <div class="ra-translate">
          <label class="ra-field">
            <span>{t('translateTargetLabel')}</span>
            <TargetLanguageSelect value={to} onChange={(code) => session.setTarget(code)} testId="reader-translate-to" />
          </label>
          <label class="ra-field">
            <span>{t('translateModeLabel')}</span>
            <select
              value={mode}
              data-testid="reader-translate-mode"
              onChange={(e) => session.setMode((e.currentTarget as HTMLSelectElement).value as DisplayMode)}
            >
              <option value="side-by-side">{t('translateModeSideBySide')}</option>
              <option value="translation-only">{t('translateModeOnly')}</option>
            </select>
          </label>
          {running ? (
            <button
              type="button"
              class="ra-btn"
              onClick={() => session.cancelTranslation()}
              data-testid="reader-translate-cancel"
            >
              {t('translateCancel')}
            </button>
          ) : tr && tr.state !== 'error' ? (
            <button type="button" class="ra-btn" onClick={() => session.showOriginal()} data-testid="reader-show-original">
              {t('translateShowOriginal')}
            </button>
          ) : (
            <button
              type="button"
              class="ra-btn ra-primary"
              onClick={() => void session.translate(to, mode)}
              data-testid="reader-translate"
            >
              {t('translateButton')}
            </button>
          )}
          {tr && tr.state === 'error' && tr.done > 0 && (
            <button type="button" class="ra-btn" onClick={() => session.showOriginal()} data-testid="reader-show-original">
              {t('translateShowOriginal')}
            </button>
          )}
        </div>
      )}
      <button
        type="button"
        class={highlights.on ? 'ra-btn ra-toggle ra-on' : 'ra-btn ra-toggle'}
        aria-pressed={highlights.on}
        disabled={highlights.loading}
        onClick={() => void session.setHighlights(!highlights.on)}
        data-testid="reader-highlight"
      >
        {t('entityHighlight')}
      </button>
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
      <p class="ra-tools-status" role="status" aria-live="polite" data-testid="reader-translate-status">
        {tr?.state === 'running' && (tr.message ?? t('translateProgress', tr.done, tr.total))}
        {tr?.state === 'done' && t('translateDone', languageName(tr.to) ?? tr.to)}
        {tr?.state === 'error' && <span class="ra-error">{tr.message}</span>}
        {finding !== null && <span data-testid="reader-highlight-progress">{t('entityProgress', String(finding))}</span>}
        {highlights.error && <span class="ra-error">{highlights.error}</span>}
      </p>
    </div>
  );
}
