// The reader's second toolbar row: translation (target language, display mode, Translate / Show
// original, progress and Cancel) and the Highlight switch. State lives in useReaderTools.
import { useEffect, useState } from 'preact/hooks';
import { languageName, t, uiLanguage } from '@/platform/i18n';
import type { DisplayMode } from '@/lib/translate/segment';
import { displayModeItem, targetLanguage } from '@/platform/translate/settings';
import type { ReaderToolsState as Tools } from './useReaderTools';
import { TargetLanguageSelect } from './TargetLanguageSelect';

export function ReaderTools({ tools, canTranslate, lang }: { tools: Tools; canTranslate: boolean; lang: string | null }) {
  const [to, setTo] = useState<string | null>(null);
  const [mode, setMode] = useState<DisplayMode>('side-by-side');
  useEffect(() => {
    void targetLanguage(uiLanguage(), lang).then(setTo);
    void displayModeItem.getValue().then((m) => setMode(m === 'translation-only' ? 'translation-only' : 'side-by-side'));
  }, []);
  const tr = tools.translation;
  // A translation started elsewhere (the popup) names its language here, so Translate after
  // "Show original" asks for the same one.
  useEffect(() => {
    if (tr?.to) setTo(tr.to);
  }, [tr?.to]);
  const running = tr?.state === 'running';
  const { highlights } = tools;

  return (
    <div class="ra-tools" role="group" aria-label={t('readerTools')}>
      {canTranslate && to && (
        <div class="ra-translate">
          <label class="ra-field">
            <span>{t('translateTargetLabel')}</span>
            <TargetLanguageSelect value={to} onChange={setTo} testId="reader-translate-to" />
          </label>
          <label class="ra-field">
            <span>{t('translateModeLabel')}</span>
            <select
              value={mode}
              data-testid="reader-translate-mode"
              onChange={(e) => {
                const value = (e.currentTarget as HTMLSelectElement).value as DisplayMode;
                setMode(value);
                void displayModeItem.setValue(value);
                tools.setMode(value);
              }}
            >
              <option value="side-by-side">{t('translateModeSideBySide')}</option>
              <option value="translation-only">{t('translateModeOnly')}</option>
            </select>
          </label>
          {running ? (
            <button type="button" class="ra-btn" onClick={tools.cancelTranslation} data-testid="reader-translate-cancel">
              {t('translateCancel')}
            </button>
          ) : tr && tr.state !== 'error' ? (
            <button type="button" class="ra-btn" onClick={tools.showOriginal} data-testid="reader-show-original">
              {t('translateShowOriginal')}
            </button>
          ) : (
            <button type="button" class="ra-btn ra-primary" onClick={() => tools.translate(to, mode)} data-testid="reader-translate">
              {t('translateButton')}
            </button>
          )}
          {tr && tr.state === 'error' && tr.done > 0 && (
            <button type="button" class="ra-btn" onClick={tools.showOriginal} data-testid="reader-show-original">
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
        onClick={() => void tools.setHighlights(!highlights.on)}
        data-testid="reader-highlight"
      >
        {t('entityHighlight')}
      </button>
      <p class="ra-tools-status" role="status" aria-live="polite" data-testid="reader-translate-status">
        {tr?.state === 'running' && (tr.message ?? t('translateProgress', tr.done, tr.total))}
        {tr?.state === 'done' && t('translateDone', languageName(tr.to) ?? tr.to)}
        {tr?.state === 'error' && <span class="ra-error">{tr.message}</span>}
        {highlights.error && <span class="ra-error">{highlights.error}</span>}
      </p>
    </div>
  );
}
