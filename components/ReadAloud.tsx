// Read-aloud's player in the reader: it shows at the foot of the screen while it reads (the
// toolbar's Listen button, key P, starts and pauses it: ReaderTools.tsx), with previous and next
// paragraph, play/pause, stop, speed, volume, the voice for the article's language, what to read
// after a side-by-side translation, where it is ("Sentence 3 of 40"), and "Back to where it is
// reading" once the user has scrolled away. Its keys (S stop, [ and ] paragraphs, , and . speed,
// < and > volume, V the next voice)
// are the Listen tool's, listed in the "?" overlay. While it reads, a click on a paragraph reads
// from there; Play with text selected in the article starts at the selection.
// The state is the session's ReadAloud (page/read-aloud.ts).
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { ReaderSession } from '@/page/reader-session';
import type { ReadAloud } from '@/page/read-aloud';
import type { BilingualMode } from '@/lib/speech/script';
import { NextIcon, PauseIcon, PlayIcon, PreviousIcon, StopIcon } from './icons';
import type { ToolKey } from './ReaderTools';
import { useStore } from './useStore';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3];

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

/** Play, or pause; from the selection when it starts with text selected in the article. */
export function playOrPause(ra: ReadAloud, content: HTMLElement): void {
  const from = ra.state.status === 'idle' ? selectionStart(content) : null;
  if (from) ra.playFrom(from);
  else ra.toggle();
}

const keyOf =
  (run: (ra: ReadAloud) => void): ToolKey['run'] =>
  ({ session }) =>
    session.readAloud && run(session.readAloud);

/** The Listen tool's keys beyond P. Speed is on , and . (the reader's - and = are the text size). */
export const LISTEN_KEYS: ToolKey[] = [
  { key: 's', label: 'listenStop', run: keyOf((ra) => ra.stop()) },
  { key: '[', label: 'listenPrevious', run: keyOf((ra) => ra.previousParagraph()) },
  { key: ']', label: 'listenNext', run: keyOf((ra) => ra.nextParagraph()) },
  { key: ',', label: 'listenSlower', run: keyOf((ra) => ra.setRate(step(ra.state.settings.rate, -1))) },
  { key: '.', label: 'listenFaster', run: keyOf((ra) => ra.setRate(step(ra.state.settings.rate, 1))) },
  // Volume on < and > (Shift with the speed keys), in tenths; V the next voice for the article's language.
  { key: '<', label: 'listenQuieter', run: keyOf((ra) => ra.setVolume(louder(ra.state.settings.volume, -1))) },
  { key: '>', label: 'listenLouder', run: keyOf((ra) => ra.setVolume(louder(ra.state.settings.volume, 1))) },
  { key: 'v', label: 'listenNextVoice', run: keyOf(nextVoice) },
];

/** The volume a tenth up or down, within 0..1. */
function louder(volume: number, by: 1 | -1): number {
  return Math.round(Math.min(1, Math.max(0, volume + by / 10)) * 10) / 10;
}

/** The next of the voices offered for the article's language (round the list). */
function nextVoice(ra: ReadAloud): void {
  const { voices, voice } = ra.state;
  if (voices.length < 2) return;
  const at = voices.findIndex((v) => v.uri === voice);
  ra.setVoice(voices[(at + 1) % voices.length]!.uri);
}

/** One of the player's icon buttons: its name, with its key in the tooltip. */
function PlayerButton(props: {
  label: string;
  keys: string;
  testId: string;
  primary?: boolean;
  onClick: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={props.primary ? 'ra-icon-btn ra-play' : 'ra-icon-btn'}
      onClick={props.onClick}
      data-testid={props.testId}
      aria-keyshortcuts={props.keys}
      title={`${props.label} (${props.keys})`}
      aria-label={props.label}
    >
      {props.children}
    </button>
  );
}

/** The player, while read-aloud reads or is paused (or has something to say). */
export function ReadAloudPlayer({ session }: { session: ReaderSession }) {
  const ra = session.readAloud;
  return ra && session.content ? <Controls ra={ra} content={session.content} /> : null;
}

function Controls({ ra, content }: { ra: ReadAloud; content: HTMLElement }) {
  const state = useStore(ra);
  const active = state.status !== 'idle';

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

  if (!active && !state.error) return null;
  const playing = state.status === 'playing';
  return (
    <div class="ra-listen ra-floating" role="group" aria-label={t('listenGroup')} data-testid="listen-bar">
      <PlayerButton label={t('listenPrevious')} keys="[" testId="listen-previous" onClick={() => ra.previousParagraph()}>
        <PreviousIcon />
      </PlayerButton>
      <PlayerButton
        label={playing ? t('listenPause') : t('listenPlay')}
        keys="P"
        testId={playing ? 'listen-pause' : 'listen-play'}
        primary
        onClick={() => playOrPause(ra, content)}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </PlayerButton>
      <PlayerButton label={t('listenNext')} keys="]" testId="listen-next" onClick={() => ra.nextParagraph()}>
        <NextIcon />
      </PlayerButton>
      <PlayerButton label={t('listenStop')} keys="S" testId="listen-stop" onClick={() => ra.stop()}>
        <StopIcon />
      </PlayerButton>
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
