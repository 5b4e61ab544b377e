// The reader's translation popover: the language to translate into, how to show it (side by side or
// translation only) and Translate. Progress, Cancel and Show original are in the reader's status
// line (ReaderStatus), where they stay in sight while the article is read.
import { useId } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { DisplayMode } from '@/lib/translate/segment';
import type { ReaderSession, ReaderState } from '@/page/reader-session';
import { Choice } from './Choice';
import { TargetLanguageSelect } from './TargetLanguageSelect';

/** The "t" key: translates with the current choices, or puts the original back when a translation is shown. */
export function toggleTranslation(session: ReaderSession, state: ReaderState): void {
  const tr = state.translation;
  if (tr?.state === 'running') session.cancelTranslation();
  else if (tr && tr.state !== 'error') session.showOriginal();
  else if (state.target) void session.translate(state.target, state.mode);
}

export function TranslateControls({
  session,
  state,
  dismiss,
}: {
  session: ReaderSession;
  state: ReaderState;
  dismiss: () => void;
}) {
  const id = useId();
  const to = state.target;
  if (!to) return null;
  const running = state.translation?.state === 'running';
  return (
    <div class="ra-stack">
      <div class="ra-row">
        <label for={id}>{t('translateTargetLabel')}</label>
        <TargetLanguageSelect id={id} value={to} onChange={(code) => session.setTarget(code)} testId="reader-translate-to" />
      </div>
      <Choice<DisplayMode>
        legend={t('translateModeLabel')}
        value={state.mode}
        options={[
          ['side-by-side', t('translateModeSideBySide')],
          ['translation-only', t('translateModeOnly')],
        ]}
        onChange={(mode) => session.setMode(mode)}
        testId="reader-translate-mode"
      />
      <button
        type="button"
        class="ra-btn ra-primary"
        disabled={running}
        onClick={() => {
          void session.translate(to, state.mode);
          dismiss();
        }}
        data-testid="reader-translate"
      >
        {t('translateButton')}
      </button>
    </div>
  );
}
