// The tab's own zoom (the browser's, for this tab only): −, the percentage (a reset) and +. Not the
// reader's text size, which has its own control (A−/A+) beside it: one meaning per control.
import { FontSizeControl } from '@/components/FontSizeControl';

const ZOOM = { smaller: 'zoomOut', reset: 'zoomReset', larger: 'zoomIn' } as const;

export function PageZoom(props: {
  percent: number;
  canShrink: boolean;
  canGrow: boolean;
  onStep: (direction: -1 | 0 | 1) => void;
}) {
  return <FontSizeControl {...props} label="popupPageZoom" glyphs={['−', '+']} names={ZOOM} testId="zoom-percent" />;
}
