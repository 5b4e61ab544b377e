// Key points at the top of the article (asked for with the toolbar's Key points tool, key K): the
// box that shows 3 to 5 points, each a link to the sentence it comes from, and which engine made them. The state
// is the session's KeyPoints (page/key-points.ts).
import { t } from '@/platform/i18n';
import type { ReaderSession } from '@/page/reader-session';
import type { KeyPoints } from '@/page/key-points';
import { useStore } from './useStore';
import type { KeyPointsEngine } from '@/lib/summary/key-points';

const ENGINE: Record<KeyPointsEngine, 'keyPointsBySummarizer' | 'keyPointsByProvider' | 'keyPointsByDevice'> = {
  summarizer: 'keyPointsBySummarizer',
  provider: 'keyPointsByProvider',
  extractive: 'keyPointsByDevice',
};

/** The box at the top of the article, once asked for. */
export function KeyPointsBox({ session }: { session: ReaderSession }) {
  const kp = session.keyPoints;
  return kp ? <Box kp={kp} /> : null;
}

function Box({ kp }: { kp: KeyPoints }) {
  const state = useStore(kp);
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
