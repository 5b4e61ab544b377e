// The tab's own zoom (the browser's, for this tab only): −, the percentage (a reset) and +. Not the
// reader's text size, which has its own control (A−/A+) beside it: one meaning per control.
import { t } from '@/platform/i18n';

export function PageZoom({
  percent,
  canShrink,
  canGrow,
  onStep,
}: {
  percent: number;
  canShrink: boolean;
  canGrow: boolean;
  onStep: (direction: -1 | 0 | 1) => void;
}) {
  return (
    <div class="ra-fontsize" role="group" aria-label={t('popupPageZoom')}>
      <button
        type="button"
        class="ra-btn"
        onClick={() => onStep(-1)}
        disabled={!canShrink}
        aria-label={t('zoomOut')}
        title={t('zoomOut')}
      >
        −
      </button>
      <button
        type="button"
        class="ra-btn ra-size"
        onClick={() => onStep(0)}
        aria-label={t('zoomReset', `${percent}%`)}
        title={t('zoomReset', `${percent}%`)}
        data-testid="zoom-percent"
      >
        {percent}%
      </button>
      <button
        type="button"
        class="ra-btn"
        onClick={() => onStep(1)}
        disabled={!canGrow}
        aria-label={t('zoomIn')}
        title={t('zoomIn')}
      >
        +
      </button>
    </div>
  );
}
