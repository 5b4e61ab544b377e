// Key points at the top of the article: the "Key points" button (key K) and the box that shows
// 3 to 5 points, each a link to the sentence it comes from, and which engine made them. The state
// is the session's KeyPoints (page/key-points.ts).
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { ReaderSession } from '@/page/reader-session';
import type { KeyPoints, KeyPointsState } from '@/page/key-points';
import type { KeyPointsEngine } from '@/lib/summary/key-points';

function useKeyPoints(kp: KeyPoints): KeyPointsState {
  const [state, setState] = useState(kp.state);
  useLayoutEffect(() => {
    setState(kp.state);
    return kp.subscribe(setState);
  }, [kp]);
  return state;
}

const ENGINE: Record<KeyPointsEngine, 'keyPointsBySummarizer' | 'keyPointsByProvider' | 'keyPointsByDevice'> = {
  summarizer: 'keyPointsBySummarizer',
  provider: 'keyPointsByProvider',
  extractive: 'keyPointsByDevice',
};

/** The button in the reader's tools. */
export function KeyPointsButton({ session }: { session: ReaderSession }) {
  const kp = session.keyPoints;
  const content = session.content;
  useEffect(() => {
    const root = content?.closest('.ra-root');
    if (!root || !kp) return;
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      if (!k.isTrusted || k.ctrlKey || k.metaKey || k.altKey || k.key.toLowerCase() !== 'k') return;
      if ((k.target as Element | null)?.closest?.('input, select, textarea, [contenteditable]')) return;
      k.preventDefault();
      void kp.make();
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, [kp, content]);
  if (!kp) return null;
  return <Button kp={kp} />;
}

function Button({ kp }: { kp: KeyPoints }) {
  const state = useKeyPoints(kp);
  return (
    <button
      type="button"
      class="ra-btn"
      disabled={state.status === 'working'}
      onClick={() => void kp.make()}
      data-testid="keypoints-make"
      aria-keyshortcuts="K"
      title={`${t('keyPointsButton')} (K)`}
    >
      {t('keyPointsButton')}
    </button>
  );
}

/** The box at the top of the article, once asked for. */
export function KeyPointsBox({ session }: { session: ReaderSession }) {
  const kp = session.keyPoints;
  return kp ? <Box kp={kp} /> : null;
}

function Box({ kp }: { kp: KeyPoints }) {
  const state = useKeyPoints(kp);
  if (state.status === 'idle') return null;
  return (
    <section class="ra-keypoints" aria-labelledby="ra-keypoints-title" data-testid="keypoints">
      <h2 id="ra-keypoints-title">{t('keyPointsTitle')}</h2>
      {state.status === 'working' && (
        <p role="status">
          {state.progress !== null ? t('keyPointsDownloading', Math.round(state.progress * 100)) : t('keyPointsWorking')}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" class="ra-error">
          {state.error}
        </p>
      )}
      {state.result && (
        <>
          <ol>
            {state.result.points.map((p, i) => (
              <li key={i}>
                <a
                  href="#"
                  data-testid="keypoint"
                  onClick={(e) => {
                    e.preventDefault();
                    kp.show(p.source);
                  }}
                >
                  {p.text}
                </a>
              </li>
            ))}
          </ol>
          <p class="ra-keypoints-engine" data-testid="keypoints-engine">
            {t(ENGINE[state.result.engine])}
          </p>
        </>
      )}
    </section>
  );
}
