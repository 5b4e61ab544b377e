// A list that renders only the rows in view (plus a margin), so 10,000 saved articles scroll as
// smoothly as 10. Rows have a fixed height; the list scrolls inside its own container.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Renders rows [start, end) for the keys given; must return one element per row. */
  renderRows: (start: number, end: number) => ComponentChildren;
  label: string;
  overscan?: number;
  /** The id of the text that says how to move through the list. */
  describedBy?: string;
  onKeyDown?: (e: KeyboardEvent) => void;
  /** A row to bring into view (keyboard navigation); the list scrolls as little as it can. */
  scrollTo?: number | null;
}

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, renderRows, label, overscan = 6, describedBy, onKeyDown, scrollTo } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const el = ref.current;
    if (!el || scrollTo === null || scrollTo === undefined) return;
    const top = scrollTo * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [scrollTo, rowHeight]);
  useEffect(() => {
    const el = ref.current!;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);
  const start = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  return (
    <div ref={ref} class="virtual" data-testid="virtual-list" onKeyDown={onKeyDown}>
      <ul
        class="article-list"
        aria-label={label}
        aria-describedby={describedBy}
        style={{
          height: `${count * rowHeight}px`,
          position: 'relative',
          paddingTop: `${start * rowHeight}px`,
          boxSizing: 'border-box',
        }}
      >
        {renderRows(start, end)}
      </ul>
    </div>
  );
}
