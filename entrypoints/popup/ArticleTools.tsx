// The popup's translation and highlight controls for the current tab. They drive the reader in
// the tab (opening it when needed) through the background, which finishes each command even if
// the popup closes at once: the translation and the highlights are shown there. Their progress
// reaches the popup pushed by the tab (App's watchPageInfo), not by asking it.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { languageName, t, uiLanguage } from '@/platform/i18n';
import { sendToBackground, type PageInfo, type TabCommand, type TranslationStatus } from '@/platform/messages';
import { normalizeLang, TARGET_LANGUAGES } from '@/lib/translate/languages';
import { providerDestination } from '@/lib/translate/providers/index';
import type { DisplayMode } from '@/lib/translate/segment';
import { displayMode, displayModeItem, effectiveProvider, targetLanguage } from '@/platform/translate/settings';
import type { ProviderConfig } from '@/lib/translate/providers/registry';
import { TargetLanguageSelect } from '@/components/TargetLanguageSelect';

export function ArticleTools({ tabId, info, onInfo }: { tabId: number; info: PageInfo; onInfo: (info: PageInfo) => void }) {
  const detected = normalizeLang(info.lang);
  const [from, setFrom] = useState<string>(detected ?? '');
  const [to, setTo] = useState<string | null>(null);
  const [mode, setMode] = useState<DisplayMode>('side-by-side');
  const [provider, setProvider] = useState<ProviderConfig | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void targetLanguage(uiLanguage(), detected).then(setTo);
    void displayMode().then(setMode);
    void effectiveProvider().then(setProvider);
  }, []);

  // A request the tab could not carry out (the page went away, the recognizer did not load) says so.
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (command: TabCommand, failed: (detail: string) => string = (d) => t('readerError', d)) => {
    setBusy(true);
    setFailure(null);
    try {
      // Carried out by the background (see App's tabCommand): it finishes even if the popup closes now.
      onInfo(await sendToBackground('tab/command', { tabId, command }));
    } catch (err) {
      setFailure(failed(err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };
  // What to translate into, how, and from what (when the user chose the source language).
  const request = () => ({ to: to!, mode, ...(from ? { from } : {}) });
  const translate = () => run({ kind: 'translate', request: request() });
  const original = () => run({ kind: 'translate', request: null });
  const highlightFailed = (detail: string) => t('entityLoadFailed', detail);
  const highlight = (on: boolean) => run({ kind: 'highlight', on }, highlightFailed);
  const highlightPage = (on: boolean) => run({ kind: 'page-highlight', on }, highlightFailed);
  const translatePage = (on: boolean) => run({ kind: 'page-translate', request: on ? request() : null });
  const pageTr = info.pageTranslation;

  const tr = info.translation;
  const languages = [...new Set([...(detected ? [detected] : []), ...TARGET_LANGUAGES])];
  return (
    <section class="tools" aria-labelledby="tools-heading">
      <h2 id="tools-heading" class="visually-hidden">
        {t('readerTools')}
      </h2>
      <div class="row field-row">
        <label>
          <span class="row-label">{t('translateFromLabel')}</span>
          <select
            value={from}
            onChange={(e) => setFrom((e.currentTarget as HTMLSelectElement).value)}
            data-testid="translate-from"
          >
            {!detected && <option value="">{t('translateFromUnknown')}</option>}
            {languages.map((code) => (
              <option value={code} key={code}>
                {languageName(code)}
                {code === detected ? ` (${t('translateDetected')})` : ''}
              </option>
            ))}
          </select>
        </label>
        {to && (
          <label>
            <span class="row-label">{t('translateTargetLabel')}</span>
            <TargetLanguageSelect value={to} onChange={setTo} testId="translate-to" />
          </label>
        )}
      </div>
      <fieldset class="row mode">
        <legend class="row-label">{t('translateModeLabel')}</legend>
        {(['side-by-side', 'translation-only'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="translate-mode"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                void displayModeItem.setValue(m);
              }}
            />
            {m === 'side-by-side' ? t('translateModeSideBySide') : t('translateModeOnly')}
          </label>
        ))}
      </fieldset>
      {provider !== undefined && (
        <p class={provider ? 'privacy' : 'privacy none'} data-testid="translate-destination">
          {providerDestination(provider)}{' '}
          {!provider && (
            <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('translateOpenOptions')}
            </button>
          )}
        </p>
      )}
      <div class="row buttons">
        {tr && tr.state !== 'error' ? (
          <button type="button" onClick={() => void original()} disabled={busy} data-testid="show-original">
            {t('translateShowOriginal')}
          </button>
        ) : (
          <button type="button" onClick={() => void translate()} disabled={busy || !to || !provider} data-testid="translate">
            {t('translateButton')}
          </button>
        )}
        <button
          type="button"
          aria-pressed={!!info.highlights}
          onClick={() => void highlight(!info.highlights)}
          disabled={busy}
          data-testid="highlight"
        >
          {t('entityHighlight')}
        </button>
      </div>
      {tr && <TranslationLine status={tr} done="translateDone" testId="translate-status" />}
      <div class="row buttons">
        <button
          type="button"
          aria-pressed={!!pageTr}
          onClick={() => void translatePage(!pageTr)}
          disabled={busy || (!pageTr && (!to || !provider))}
          data-testid="translate-page"
        >
          {t('translatePage')}
        </button>
        <button
          type="button"
          aria-pressed={!!info.pageHighlights}
          onClick={() => void highlightPage(!info.pageHighlights)}
          disabled={busy}
          data-testid="highlight-page"
        >
          {t('entityHighlightPage')}
        </button>
      </div>
      {pageTr && <TranslationLine status={pageTr} done="translatePageDone" testId="translate-page-status" />}
      {info.pageHighlights && (
        <p class="save-result" role="status" data-testid="highlight-page-status">
          {typeof info.pageHighlights.progress === 'number'
            ? t('entityProgress', String(Math.round(info.pageHighlights.progress * 100)))
            : info.pageHighlights.marks
              ? t('entityPageMarks', String(info.pageHighlights.marks))
              : t('entityPageNone')}
        </p>
      )}
      {failure && (
        <p class="save-result error" role="status" data-testid="tools-error">
          {failure}
        </p>
      )}
    </section>
  );
}

/** Where a translation (in the reader, or in the page) stands, in one line. */
function TranslationLine({
  status,
  done,
  testId,
}: {
  status: TranslationStatus;
  done: 'translateDone' | 'translatePageDone';
  testId: string;
}) {
  return (
    <p class={status.state === 'error' ? 'save-result error' : 'save-result'} role="status" data-testid={testId}>
      {status.state === 'running' && (status.message ?? t('translateProgress', status.done, status.total))}
      {status.state === 'done' && t(done, languageName(status.to) ?? status.to)}
      {status.state === 'error' && status.message}
    </p>
  );
}
