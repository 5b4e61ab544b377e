// The reader's toolbar: one slim row (44 px) of icon buttons drawn from the tool registry
// (ReaderTools.tsx), each with a visible tooltip and an accessible name, opening a popover under it
// or a drawer at the side; ✕ at the end. It slides away while the reader scrolls down and comes back
// on scrolling up, at the top, when the pointer reaches the top edge, when it holds focus and while a
// popover is open. Which tool is open is the view's state (Esc and the keys reach it there).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { CloseIcon } from './icons';
import { shownTools, toolTip, type ReaderTool, type ToolContext } from './ReaderTools';

export interface ReaderToolbarProps {
  ctx: ToolContext;
  /** The tool whose popover or drawer is open. */
  open: string | null;
  /** What a click on a tool's button does (open or close its panel, or run it). */
  onActivate: (tool: ReaderTool) => void;
  onClose: () => void;
}

/** How far the pointer may be from the top edge to call the hidden bar back, in px. */
const EDGE = 48;

/** True while the bar should be out of sight: scrolled down and nothing calls it back. */
function useAutoHide(bar: { current: HTMLElement | null }): boolean {
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    const scroller = bar.current?.closest<HTMLElement>('.ra-root');
    if (!scroller) return;
    let last = scroller.scrollTop;
    const onScroll = () => {
      const y = scroller.scrollTop;
      if (y < EDGE) setHidden(false);
      else if (y > last + 4) setHidden(true);
      else if (y < last - 4) setHidden(false);
      last = y;
    };
    const onMove = (e: MouseEvent) => e.clientY < EDGE && setHidden(false);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener('mousemove', onMove, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('mousemove', onMove);
    };
  }, [bar]);
  return hidden;
}

/** A popover stays inside the window: moved back from the right (or left) edge when it would cross it. */
function usePlacement(open: string | null, pop: { current: HTMLElement | null }) {
  useLayoutEffect(() => {
    const el = pop.current;
    if (!el) return;
    el.style.removeProperty('--ra-shift');
    const rect = el.getBoundingClientRect();
    const room = document.documentElement.clientWidth || window.innerWidth;
    const shift = rect.right > room - 8 ? room - 8 - rect.right : rect.left < 8 ? 8 - rect.left : 0;
    if (shift) el.style.setProperty('--ra-shift', `${shift}px`);
  }, [open, pop]);
}

/** Focus goes into a panel as it opens: its first control, else the panel itself. */
function useFocusInside(open: string | null, panel: { current: HTMLElement | null }) {
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    const first = el.querySelector<HTMLElement>(
      'input:checked, button:not([disabled]), select, input:not([type="radio"]), a[href]',
    );
    (first ?? el).focus({ preventScroll: true });
  }, [open, panel]);
}

export function ReaderToolbar({ ctx, open, onActivate, onClose }: ReaderToolbarProps) {
  const bar = useRef<HTMLDivElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  const hidden = useAutoHide(bar) && open === null;
  usePlacement(open, pop);
  useFocusInside(open, pop);
  const tools = shownTools(ctx);
  const drawer = tools.find((tool) => tool.id === open && tool.drawer);

  const button = (tool: ReaderTool) => {
    const isOpen = open === tool.id;
    const popover = isOpen && tool.panel && !tool.drawer;
    const opens = !!(tool.panel || tool.outside);
    const tip = toolTip(tool, ctx);
    const badge = tool.badge?.(ctx);
    return (
      <div key={tool.id} class={isOpen ? 'ra-tool ra-tool-open' : 'ra-tool'}>
        <button
          type="button"
          class={tool.active?.(ctx) ? 'ra-icon-btn ra-icon-btn-active' : 'ra-icon-btn'}
          data-tool={tool.id}
          data-testid={tool.testId ?? `reader-tool-${tool.id}`}
          aria-label={tip}
          aria-keyshortcuts={tool.key}
          aria-pressed={tool.pressed ? tool.pressed(ctx) : undefined}
          aria-expanded={opens ? isOpen : undefined}
          aria-controls={popover ? `ra-panel-${tool.id}` : undefined}
          aria-haspopup={opens ? 'dialog' : undefined}
          disabled={tool.disabled?.(ctx)}
          onClick={() => onActivate(tool)}
        >
          {tool.icon()}
          {!!badge && (
            <span class="ra-badge" aria-hidden="true">
              {badge > 99 ? '99+' : badge}
            </span>
          )}
          <span class="ra-tip" aria-hidden="true">
            {tip}
          </span>
        </button>
        {popover && (
          <div
            ref={pop}
            id={`ra-panel-${tool.id}`}
            class="ra-popover"
            role="dialog"
            aria-label={t(tool.label)}
            tabIndex={-1}
            data-testid={`reader-panel-${tool.id}`}
          >
            <h2 class="ra-popover-title">{t(tool.label)}</h2>
            {tool.panel!(ctx)}
          </div>
        )}
      </div>
    );
  };

  return (
    <>
      <div
        ref={bar}
        class={hidden ? 'ra-toolbar ra-toolbar-hidden' : 'ra-toolbar'}
        role="toolbar"
        aria-label={t('readerToolbar')}
        data-testid="reader-toolbar"
      >
        <div class="ra-toolbar-group">{tools.filter((tool) => !tool.end).map(button)}</div>
        <div class="ra-toolbar-group ra-toolbar-end">
          {tools.filter((tool) => tool.end).map(button)}
          <div class="ra-tool">
            <button
              type="button"
              class="ra-icon-btn ra-close"
              onClick={onClose}
              aria-label={t('readerClose')}
              aria-keyshortcuts="Escape"
              data-testid="reader-close"
            >
              <CloseIcon />
              <span class="ra-tip" aria-hidden="true">
                {t('readerClose')}
              </span>
            </button>
          </div>
        </div>
      </div>
      {drawer && (
        <>
          <div class="ra-scrim" onClick={() => ctx.dismiss()} />
          <div
            ref={pop}
            class="ra-drawer"
            role="dialog"
            aria-label={t(drawer.label)}
            tabIndex={-1}
            data-testid={`reader-panel-${drawer.id}`}
          >
            <button
              type="button"
              class="ra-icon-btn ra-drawer-close"
              onClick={() => ctx.dismiss()}
              aria-label={t('readerClosePanel')}
            >
              <CloseIcon />
            </button>
            {drawer.panel!(ctx)}
          </div>
        </>
      )}
    </>
  );
}
