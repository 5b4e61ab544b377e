// The article's table of contents: a column beside the article on a wide screen, a drawer from the
// side on a narrow one (opened by the toolbar's Contents tool). The current section is marked; a click or
// Enter on an entry scrolls to its heading and moves the focus there, so reading goes on from it.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { OutlineEntry } from '@/lib/reader-aids/outline';
import { cycleFocus, useLayerKeys } from './layer-keys';

export function Contents({
  entries,
  current,
  side,
  drawer,
  onJump,
  onClose,
}: {
  entries: OutlineEntry[];
  /** The entry of the section being read, -1 above the first heading. */
  current: number;
  /** Its width as a column beside the article, 0 when there is no room for one. */
  side: number;
  /** Shown as a drawer (a narrow screen, opened from the bar). */
  drawer: boolean;
  onJump: (index: number) => void;
  onClose: () => void;
}) {
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    if (drawer) nav.current?.querySelector<HTMLElement>('[aria-current="location"], a')?.focus({ preventScroll: true });
  }, [drawer]);
  useLayerKeys(drawer, (event) => (event.key === 'Escape' ? (onClose(), true) : cycleFocus(event, nav.current)));

  return (
    <nav
      ref={nav}
      class={side ? 'ra-toc ra-toc-side' : drawer ? 'ra-toc ra-toc-drawer' : 'ra-toc'}
      style={side ? { width: `${side}px` } : undefined}
      aria-labelledby="ra-toc-title"
      data-testid="contents"
      {...(drawer ? { role: 'dialog', 'aria-modal': 'true' } : {})}
    >
      <div class="ra-toc-head">
        <h2 id="ra-toc-title" class="ra-toc-title">
          {t('aidsContents')}
        </h2>
        {drawer && (
          <button
            type="button"
            class="ra-btn ra-toc-close"
            onClick={onClose}
            aria-label={t('aidsContentsClose')}
            title={t('aidsContentsClose')}
          >
            <span aria-hidden="true">✕</span>
          </button>
        )}
      </div>
      <ol class="ra-toc-list">
        {entries.map((entry, i) => (
          <li key={i} class={`ra-toc-l${entry.level}`}>
            <a
              href={`#ra-section-${i}`}
              aria-current={i === current ? 'location' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onJump(i);
              }}
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
