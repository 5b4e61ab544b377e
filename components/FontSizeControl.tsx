// A−, the current size (a reset button) and A+: used by the reader toolbar and the popup.
import { t, type MessageKey } from '@/platform/i18n';

export interface FontSizeControlProps {
  /** Shown in the middle, e.g. "125%". */
  percent: number;
  canShrink: boolean;
  canGrow: boolean;
  onStep: (direction: -1 | 0 | 1) => void;
  /** Names the group for assistive technology ("Reader font size", "Page zoom"). */
  label: MessageKey;
}

export function FontSizeControl({ percent, canShrink, canGrow, onStep, label }: FontSizeControlProps) {
  return (
    <div class="ra-fontsize" role="group" aria-label={t(label)}>
      <button
        type="button"
        class="ra-btn"
        onClick={() => onStep(-1)}
        disabled={!canShrink}
        aria-label={t('fontSmaller')}
        title={t('fontSmaller')}
      >
        A−
      </button>
      <button
        type="button"
        class="ra-btn ra-size"
        onClick={() => onStep(0)}
        aria-label={t('fontReset', `${percent}%`)}
        title={t('fontReset', `${percent}%`)}
        data-testid="font-percent"
      >
        {percent}%
      </button>
      <button
        type="button"
        class="ra-btn"
        onClick={() => onStep(1)}
        disabled={!canGrow}
        aria-label={t('fontLarger')}
        title={t('fontLarger')}
      >
        A+
      </button>
    </div>
  );
}
