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
  /** What the three buttons say and are named: the reader's text size unless given (page zoom: −, +). */
  glyphs?: [string, string];
  names?: { smaller: MessageKey; reset: MessageKey; larger: MessageKey };
  testId?: string;
}

const TEXT_SIZE = { smaller: 'fontSmaller', reset: 'fontReset', larger: 'fontLarger' } as const;

export function FontSizeControl({
  percent,
  canShrink,
  canGrow,
  onStep,
  label,
  glyphs = ['A−', 'A+'],
  names = TEXT_SIZE,
  testId = 'font-percent',
}: FontSizeControlProps) {
  return (
    <div class="ra-fontsize" role="group" aria-label={t(label)}>
      <button
        type="button"
        class="ra-btn"
        onClick={() => onStep(-1)}
        disabled={!canShrink}
        aria-label={t(names.smaller)}
        title={t(names.smaller)}
      >
        {glyphs[0]}
      </button>
      <button
        type="button"
        class="ra-btn ra-size"
        onClick={() => onStep(0)}
        aria-label={t(names.reset, `${percent}%`)}
        title={t(names.reset, `${percent}%`)}
        data-testid={testId}
      >
        {percent}%
      </button>
      <button
        type="button"
        class="ra-btn"
        onClick={() => onStep(1)}
        disabled={!canGrow}
        aria-label={t(names.larger)}
        title={t(names.larger)}
      >
        {glyphs[1]}
      </button>
    </div>
  );
}
