// Read-aloud's controls in the reader: Listen, then play/pause, stop, previous and next paragraph,
// speed, volume, the voice for the article's language, what to read after a side-by-side
// translation, where it is ("Sentence 3 of 40"), and "Back to where it is reading" once the user
// has scrolled away. Keys (shown in the buttons' titles and aria-keyshortcuts): P play/pause,
// S stop, [ and ] previous/next paragraph, , and . slower/faster (- and = are the text size). While it reads, a click on a
// paragraph reads from there; Play with text selected in the article starts at the selection.
// The state is the session's ReadAloud (page/read-aloud.ts).
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { ReaderSession } from '@/page/reader-session';
import type { ReadAloud, ReadAloudState } from '@/page/read-aloud';
import type { BilingualMode } from '@/lib/speech/script';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3];

function useReadAloud(ra: ReadAloud): ReadAloudState {
  const [state, setState] = useState(ra.state);
  useLayoutEffect(() => {
    setState(ra.state);
    return ra.subscribe(setState);
  }, [ra]);
  return state;
}

/** The next speed up or down the list from `rate`. */
function step(rate: number, by: 1 | -1): number {
  const i = RATES.findIndex((r) => r >= rate - 1e-9);
  const at = i < 0 ? RATES.length - 1 : i;
  return RATES[Math.min(RATES.length - 1, Math.max(0, at + by))]!;
}

/** Where the user's selection starts inside `content`, if it does (a shadow root has its own selection in Chromium). */
function selectionStart(content: HTMLElement): Node | null {
  const root = content.getRootNode() as ShadowRoot | Document;
  const sel = (root as { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
  if (!sel || sel.isCollapsed || !sel.anchorNode) return null;
  return content.contains(sel.anchorNode) ? sel.anchorNode : null;
}

const KEYS: Record<string, (ra: ReadAloud) => void> = {
  p: (ra) => ra.toggle(),
  s: (ra) => ra.stop(),
  '[': (ra) => ra.previousParagraph(),
  ']': (ra) => ra.nextParagraph(),
  // Speed on , and . (the reader's - and = are the text size).
  ',': (ra) => ra.setRate(step(ra.state.settings.rate, -1)),
  '.': (ra) => ra.setRate(step(ra.state.settings.rate, 1)),
};

/** The Listen button and, once used, the read-aloud bar. */
export function ReadAloudControls({ session }: { session: ReaderSession }) {
  const ra = session.readAloud;
  return ra && session.content ? <Controls ra={ra} content={session.content} /> : null;
}

function Controls({ ra, content }: { ra: ReadAloud; content: HTMLElement }) {
  const state = useReadAloud(ra);
  const [open, setOpen] = useState(false);
  const active = state.status !== 'idle';

  useEffect(() => {
    // Keys work anywhere in the reader but in a field; the user's own presses only.
    const root = content.closest('.ra-root');
    if (!root) return;
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      if (!k.isTrusted || k.ctrlKey || k.metaKey || k.altKey || k.defaultPrevented) return;
      if ((k.target as Element | null)?.closest?.('input, select, textarea, [contenteditable]')) return;
      const run = KEYS[k.key.toLowerCase()];
      if (!run) return;
      k.preventDefault();
      setOpen(true);
      run(ra);
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, [ra, content]);

  useEffect(() => {
    // While it reads, a click on a paragraph (not on a link) reads from there.
    const onClick = (e: MouseEvent) => {
      if (!e.isTrusted || ra.state.status === 'idle' || (e.target as Element).closest('a, button')) return;
      if (selectionStart(content)) return;
      ra.playFrom(e.target as Node);
    };
    content.addEventListener('click', onClick);
    return () => content.removeEventListener('click', onClick);
  }, [ra, content]);

  const play = () => {
    setOpen(true);
    const from = state.status === 'idle' ? selectionStart(content) : null;
    if (from) ra.playFrom(from);
    else ra.toggle();
  };

  if (!open && !active)
    return (
      <button
        type="button"
        class="ra-btn ra-listen-start"
        onClick={play}
        data-testid="listen-play"
        aria-keyshortcuts="P"
        title={`${t('listenPlay')} (P)`}
      >
        {state.index > 0 ? t('listenContinue') : t('listenButton')}
      </button>
    );

  const playing = state.status === 'playing';
  return (
    <div class="ra-listen" role="group" aria-label={t('listenGroup')} data-testid="listen-bar">
      <button
        type="button"
        class="ra-btn"
        onClick={() => ra.previousParagraph()}
        data-testid="listen-previous"
        aria-keyshortcuts="["
        title={`${t('listenPrevious')} ([)`}
        aria-label={t('listenPrevious')}
      >
        ⏮
      </button>
      <button
        type="button"
        class="ra-btn ra-primary"
        onClick={play}
        data-testid={playing ? 'listen-pause' : 'listen-play'}
        aria-keyshortcuts="P"
        title={`${playing ? t('listenPause') : t('listenPlay')} (P)`}
        aria-label={playing ? t('listenPause') : t('listenPlay')}
      >
        {playing ? '⏸' : '▶'}
      </button>
      <button
        type="button"
        class="ra-btn"
        onClick={() => ra.nextParagraph()}
        data-testid="listen-next"
        aria-keyshortcuts="]"
        title={`${t('listenNext')} (])`}
        aria-label={t('listenNext')}
      >
        ⏭
      </button>
      <button
        type="button"
        class="ra-btn"
        onClick={() => (ra.stop(), setOpen(false))}
        data-testid="listen-stop"
        aria-keyshortcuts="S"
        title={`${t('listenStop')} (S)`}
        aria-label={t('listenStop')}
      >
        ⏹
      </button>
      <label class="ra-field">
        <span>{t('listenSpeed')}</span>
        <select
          value={String(state.settings.rate)}
          data-testid="listen-speed"
          aria-keyshortcuts=", ."
          title={t('listenSpeedKeys')}
          onChange={(e) => ra.setRate(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {(RATES.includes(state.settings.rate) ? RATES : [...RATES, state.settings.rate].sort((a, b) => a - b)).map((r) => (
            <option key={r} value={String(r)}>
              {`${r}×`}
            </option>
          ))}
        </select>
      </label>
      <label class="ra-field">
        <span>{t('listenVolume')}</span>
        <input
          type="range"
          min="0"
          max="1"
          step="0.1"
          value={state.settings.volume}
          data-testid="listen-volume"
          onChange={(e) => ra.setVolume(Number((e.currentTarget as HTMLInputElement).value))}
        />
      </label>
      {state.voices.length > 1 && (
        <label class="ra-field">
          <span>{t('listenVoice')}</span>
          <select
            value={state.voice ?? ''}
            data-testid="listen-voice"
            onChange={(e) => ra.setVoice((e.currentTarget as HTMLSelectElement).value)}
          >
            {state.voices.map((v) => (
              <option key={v.uri} value={v.uri}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {state.bilingual && (
        <label class="ra-field">
          <span>{t('listenBilingual')}</span>
          <select
            value={state.settings.bilingual}
            data-testid="listen-bilingual"
            onChange={(e) => ra.setBilingual((e.currentTarget as HTMLSelectElement).value as BilingualMode)}
          >
            <option value="original">{t('listenBilingualOriginal')}</option>
            <option value="translation">{t('listenBilingualTranslation')}</option>
            <option value="both">{t('listenBilingualBoth')}</option>
          </select>
        </label>
      )}
      {active && !state.following && (
        <button type="button" class="ra-btn" onClick={() => ra.follow()} data-testid="listen-follow">
          {t('listenBackToReading')}
        </button>
      )}
      <p class="ra-tools-status" role="status" data-testid="listen-status">
        {state.error ? (
          <span class="ra-error">{state.error}</span>
        ) : (
          state.total > 0 &&
          (active || state.index > 0) &&
          t(playing ? 'listenReading' : 'listenPaused', state.index + 1, state.total)
        )}
      </p>
    </div>
  );
}
