// Key points at the top of the article (asked for with the toolbar's Key points tool, key K): the
// box that shows 3 to 5 points, each a link to the sentence it comes from (a written point that
// matches none is plain text), which engine made them, and, the first time the user's provider
// would write them, the question whether the article may be sent there. The state and the list of
// points are the session's KeyPoints (page/key-points.ts): the list is placed here, so a
// translation takes it in.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { ReaderSession } from '@/page/reader-session';
import type { KeyPoints } from '@/page/key-points';
import { useStore } from './useStore';
import type { KeyPointsEngine } from '@/lib/summary/key-points';

const ENGINE: Record<Exclude<KeyPointsEngine, 'provider'>, 'keyPointsBySummarizer' | 'keyPointsByDevice'> = {
  summarizer: 'keyPointsBySummarizer',
  extractive: 'keyPointsByDevice',
};

/** The points: the session's own list (built from text, translated with the article), placed here. */
function Points({ kp }: { kp: KeyPoints }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(kp.list);
  }, [kp]);
  return <div ref={ref} />;
}

/** The box at the top of the article, once asked for. */
export function KeyPointsBox({ session }: { session: ReaderSession }) {
  const kp = session.keyPoints;
  return kp ? <Box kp={kp} /> : null;
}

function Box({ kp }: { kp: KeyPoints }) {
  const state = useStore(kp);
  if (state.status === 'idle') return null;
  const provider = state.provider;
  const result = state.result;
  return (
    <section class="ra-keypoints" aria-labelledby="ra-keypoints-title" data-testid="keypoints">
      <h2 id="ra-keypoints-title">{t('keyPointsTitle')}</h2>
      {state.status === 'working' && (
        <p role="status">
          {state.progress !== null ? t('keyPointsDownloading', Math.round(state.progress * 100)) : t('keyPointsWorking')}
        </p>
      )}
      {state.status === 'ask' && provider && (
        <div class="ra-keypoints-ask" role="group" aria-labelledby="ra-keypoints-ask">
          <p id="ra-keypoints-ask" data-testid="keypoints-ask">
            {t('keyPointsAsk', provider.host)}
          </p>
          <div class="ra-row">
            <button type="button" class="ra-btn ra-primary" onClick={() => kp.answer(true)} data-testid="keypoints-send">
              {t('keyPointsSend', provider.host)}
            </button>
            <button type="button" class="ra-btn" onClick={() => kp.answer(false)} data-testid="keypoints-device">
              {t('keyPointsOnDevice')}
            </button>
          </div>
        </div>
      )}
      {state.status === 'error' && (
        <p role="alert" class="ra-error">
          {state.error}
        </p>
      )}
      {result && (
        <>
          {result.error && (
            <p role="alert" class="ra-keypoints-note" data-testid="keypoints-error">
              {t('keyPointsFellBack', result.error)}
            </p>
          )}
          <Points kp={kp} />
          <p class="ra-keypoints-engine" data-testid="keypoints-engine">
            {result.engine === 'provider' ? t('keyPointsByProvider', result.by ?? '?') : t(ENGINE[result.engine])}
            {provider && result.engine !== 'summarizer' && (
              <>
                {' '}
                <button
                  type="button"
                  class="ra-link-btn"
                  onClick={() => void kp.remake(result.engine !== 'provider')}
                  data-testid="keypoints-switch"
                >
                  {result.engine === 'provider' ? t('keyPointsUseDevice') : t('keyPointsUseProvider', provider.host)}
                </button>
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}
