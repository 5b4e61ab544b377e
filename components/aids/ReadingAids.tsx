// The reading aids, mounted into the reader view (overlay and saved-article page) beside the
// article: a thin progress bar and "N min left" that follow the reading position, the table of
// contents (three headings or more) with the current section marked, as a column beside the
// article or, with no room for one, a drawer that the toolbar's Contents tool opens (the view holds
// which tool is open and hears how the contents show), and the image viewer (a click or Enter on a
// picture). Self-contained: it reads the article's DOM (the session's `content`,
// already marked by lib/reader-aids/structure.ts) and the reader's scrolling box, and changes
// nothing in them but the pictures' focusability.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { captionFor } from '@/lib/reader-aids/captions';
import { MIN_OUTLINE, currentSection, outline } from '@/lib/reader-aids/outline';
import { minutesLeft, readingBlocks, secondsLeftFrom } from '@/lib/reader-aids/reading-time';
import { Contents } from './Contents';
import { Lightbox, type LightboxImage } from './Lightbox';

/** Where reading is: the line a third of the way down the screen (the top is under the toolbar). */
const READING_LINE = 0.3;
/** Pictures smaller than this (icons, bullets, badges) do not open large. */
const MIN_ZOOM = 96;
/** The contents stand beside the article when this much room is free there (px); a drawer otherwise. */
const MIN_SIDE = 200;
const MAX_SIDE = 280;

interface Position {
  /** 0..1 of the article scrolled through. */
  progress: number;
  minutes: number;
  section: number;
  /** Room beside the article for the contents as a column (px), 0 when there is too little: a drawer then. */
  side: number;
}

/** The index of the first of `blocks` whose bottom is below `y` (viewport coordinates): one binary search, a few layouts read. */
function firstUnread(blocks: HTMLElement[], y: number): { index: number; within: number } {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = blocks.length;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.getBoundingClientRect().bottom > y) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  if (found >= blocks.length) return { index: found, within: 0 };
  const box = blocks[found]!.getBoundingClientRect();
  return { index: found, within: box.height > 0 ? Math.min(1, Math.max(0, (y - box.top) / box.height)) : 0 };
}

function zoomable(img: HTMLImageElement): boolean {
  if (img.hasAttribute('data-ra-held') || !img.getAttribute('src')) return false;
  const width = Number(img.getAttribute('width'));
  if (width && width < MIN_ZOOM) return false;
  return !(img.complete && img.naturalWidth > 0 && img.naturalWidth < MIN_ZOOM);
}

export interface ReadingAidsProps {
  content: HTMLElement;
  /** The contents drawer is open (the toolbar's Contents tool), and what closes it. */
  drawer: boolean;
  onCloseDrawer: () => void;
  /** Hears how the contents show: none (under three headings), a column, or a drawer from the bar. */
  onContents: (mode: 'none' | 'column' | 'drawer') => void;
}

export function ReadingAids({ content, drawer, onCloseDrawer, onContents }: ReadingAidsProps) {
  const entries = useMemo(() => outline(content), [content]);
  const blocks = useMemo(() => readingBlocks(content), [content]);
  const left = useMemo(() => secondsLeftFrom(blocks.map((b) => b.textContent ?? '')), [blocks]);
  const [pos, setPos] = useState<Position>({ progress: 0, minutes: minutesLeft(left, 0), section: -1, side: 0 });
  const bar = useRef<HTMLDivElement>(null);
  // The pictures shown, which one, and the one that opened the viewer (the focus goes back to it).
  const [viewer, setViewer] = useState<{ images: LightboxImage[]; index: number; opener: HTMLElement } | null>(null);
  const hasContents = entries.length >= MIN_OUTLINE;
  const mode = !hasContents ? 'none' : pos.side ? 'column' : 'drawer';
  useEffect(() => onContents(mode), [mode, onContents]);

  // Progress, time left and the current section, measured at most once a frame while scrolling;
  // headings crossing the reading line (an IntersectionObserver) and size changes measure too.
  useLayoutEffect(() => {
    // This view's own box (the article's is placed by the reader view after this effect runs).
    const scroller = bar.current?.closest<HTMLElement>('.ra-root');
    if (!scroller) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const view = scroller.getBoundingClientRect();
      const max = scroller.scrollHeight - scroller.clientHeight;
      const progress = max > 0 ? Math.min(1, scroller.scrollTop / max) : 1;
      const line = view.top + scroller.clientHeight * READING_LINE;
      // At the very bottom everything has been seen, however short the last screen.
      const { index, within } = progress >= 1 ? { index: blocks.length, within: 0 } : firstUnread(blocks, view.top + 1);
      const tops = hasContents ? entries.map((e) => e.element.getBoundingClientRect().top) : [];
      const column = content.closest('.ra-article')?.getBoundingClientRect();
      const rtl = getComputedStyle(scroller).direction === 'rtl';
      const room = column ? (rtl ? view.right - column.right : column.left - view.left) - 48 : 0;
      const side = room >= MIN_SIDE ? Math.min(MAX_SIDE, Math.floor(room)) : 0;
      const next = { progress, minutes: minutesLeft(left, index, within), section: currentSection(tops, line), side };
      setPos((p) =>
        Math.abs(p.progress - next.progress) < 0.001 &&
        p.minutes === next.minutes &&
        p.section === next.section &&
        p.side === next.side
          ? p
          : next,
      );
    };
    const schedule = () => (frame ||= requestAnimationFrame(measure));
    scroller.addEventListener('scroll', schedule, { passive: true });
    // (Both observers exist in every browser the extension runs in; a DOM without them, as in unit
    // tests, measures on scrolling alone.)
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    resize?.observe(content);
    resize?.observe(scroller);
    const crossing =
      hasContents && typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(schedule, { root: scroller, rootMargin: `0px 0px -${100 - READING_LINE * 100}% 0px` })
        : null;
    for (const entry of hasContents ? entries : []) crossing?.observe(entry.element);
    // The first measure once the article is on screen: reading its layout here, before the first
    // paint, made the browser lay the whole article out twice before showing it (the read, then the
    // change it makes); after that frame the layout is there to read.
    let first = 0;
    frame = requestAnimationFrame(() => {
      frame = 0;
      first = window.setTimeout(measure);
    });
    return () => {
      clearTimeout(first);
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      resize?.disconnect();
      crossing?.disconnect();
    };
  }, [content, blocks, left, entries, hasContents]);

  // Pictures open large: reachable by Tab, named for what they do, opened by a click or Enter.
  useEffect(() => {
    const marked = new Set<HTMLImageElement>();
    const mark = () => {
      for (const img of Array.from(content.querySelectorAll('img'))) {
        if (marked.has(img) || !zoomable(img)) continue;
        marked.add(img);
        img.tabIndex = 0;
        img.setAttribute('role', 'button');
        img.setAttribute('aria-haspopup', 'dialog');
        img.setAttribute('aria-label', img.alt ? t('aidsImageOpenNamed', img.alt) : t('aidsImageOpen'));
        img.classList.add('ra-zoomable');
      }
    };
    mark();
    const open = (img: HTMLImageElement) => {
      // A picture that failed to load is hidden (page/failed-images.ts): not one to step through.
      const images = Array.from(content.querySelectorAll<HTMLImageElement>('img.ra-zoomable:not([data-ra-failed])'))
        .filter((i) => i.naturalWidth === 0 || i.naturalWidth >= MIN_ZOOM)
        .map((element) => ({ element, caption: (captionFor(element, content)?.textContent ?? '').replace(/\s+/g, ' ').trim() }));
      const index = images.findIndex((i) => i.element === img);
      if (index >= 0) setViewer({ images, index, opener: img });
    };
    const target = (event: Event) => {
      const img = (event.target as Element | null)?.closest?.('img.ra-zoomable');
      return img instanceof HTMLImageElement || (img && img.tagName === 'IMG') ? (img as HTMLImageElement) : null;
    };
    const onClick = (event: MouseEvent) => {
      const img = target(event);
      if (!img || img.closest('a[href]')) return; // a picture that is a link stays a link
      event.preventDefault();
      open(img);
    };
    const onKey = (event: KeyboardEvent) => {
      const img = target(event);
      if (!img || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      open(img);
    };
    content.addEventListener('click', onClick);
    content.addEventListener('keydown', onKey);
    // Pictures still loading are judged by their size once they have it.
    content.addEventListener('load', mark, true);
    return () => {
      content.removeEventListener('click', onClick);
      content.removeEventListener('keydown', onKey);
      content.removeEventListener('load', mark, true);
    };
  }, [content]);

  // A table too wide for the column scrolls sideways in its box, which the keyboard can then reach.
  useEffect(() => {
    const boxes = Array.from(content.querySelectorAll<HTMLElement>('.ra-table'));
    if (!boxes.length || typeof ResizeObserver !== 'function') return;
    const check = () => {
      for (const box of boxes) {
        if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
        else box.removeAttribute('tabindex');
      }
    };
    const resize = new ResizeObserver(check);
    for (const box of boxes) resize.observe(box);
    return () => resize.disconnect();
  }, [content]);

  const jump = (index: number) => {
    const heading = entries[index]?.element;
    if (!heading) return;
    if (drawer) onCloseDrawer();
    heading.scrollIntoView({ block: 'start' });
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  };
  const closeViewer = () => {
    const back = viewer?.opener;
    setViewer(null);
    back?.focus({ preventScroll: true });
  };

  const percent = Math.round(pos.progress * 100);
  return (
    <>
      <div
        ref={bar}
        class="ra-progress"
        role="progressbar"
        aria-label={t('aidsProgress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="reading-progress"
      >
        <div class="ra-progress-fill" style={{ transform: `scaleX(${pos.progress})` }} />
      </div>
      <div class="ra-aids-bar">
        <span class="ra-time-left" data-testid="time-left">
          {pos.minutes > 0 ? t('aidsMinutesLeft', pos.minutes) : t('aidsFinished')}
        </span>
      </div>
      {hasContents && (
        <>
          {drawer && !pos.side && <div class="ra-toc-scrim" onClick={onCloseDrawer} />}
          <Contents
            entries={entries}
            current={pos.section}
            side={pos.side}
            drawer={drawer && !pos.side}
            onJump={jump}
            onClose={onCloseDrawer}
          />
        </>
      )}
      {viewer && (
        <Lightbox
          images={viewer.images}
          index={viewer.index}
          onIndex={(index) => setViewer({ ...viewer, index })}
          onClose={closeViewer}
        />
      )}
    </>
  );
}
