// The reader's keys, heard on its root: Space and Shift+Space by screen, + − 0 for the text size,
// each tool's key (ReaderTools.tsx), Esc closing an open popover or drawer before anything else
// (the reader's host closes the reader on the Esc that gets past), and the first Tab from the
// article landing on the toolbar. Keys typed into a field, or with Ctrl, Alt or ⌘, are left alone.
import { stepFont } from '@/platform/settings/typography';
import { shownTools, type ReaderTool, type ToolContext } from './ReaderTools';

export interface KeyTarget {
  ctx: ToolContext;
  /** A popover or drawer is open. */
  open: boolean;
  /** Closes it, focus back to its button. */
  dismiss: () => void;
  /** What a click on the tool's button does. */
  activate: (tool: ReaderTool) => void;
  /** What scrolls (the reader's root) and where the article's focus rests. */
  scroller: HTMLElement;
  main: HTMLElement | null;
  toolbar: HTMLElement | null;
}

/** Space on these does their own thing; letters in these are typed. */
const ACTIVE = 'button, a[href], summary, input, select, textarea, [contenteditable=""], [contenteditable="true"]';
const TYPED =
  'input:not([type="radio"]):not([type="checkbox"]), select, textarea, [contenteditable=""], [contenteditable="true"]';
/** Of a screen, what one Space scrolls: a line or two of what was read stays in sight. */
const SCREEN = 0.85;

export function handleReaderKey(event: KeyboardEvent, k: KeyTarget): void {
  if (event.defaultPrevented || event.isComposing) return;
  const target = event.target instanceof Element ? event.target : null;
  if (event.key === 'Escape') {
    if (!k.open) return; // the host closes the reader
    event.preventDefault();
    event.stopPropagation();
    k.dismiss();
    return;
  }
  if (event.key === 'Tab') {
    // From the article (where focus rests as the reader opens) the first Tab goes to the toolbar, not into the text.
    if (!event.shiftKey && target === k.main) {
      const first = k.toolbar?.querySelector<HTMLElement>('button:not([disabled])');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
    return;
  }
  if (event.ctrlKey || event.altKey || event.metaKey) return;
  if (target?.closest(TYPED)) return;
  const { session, state } = k.ctx;
  const step = (direction: -1 | 0 | 1) => session.setTypography(stepFont(state.typography, direction), state.perSite);
  switch (event.key) {
    case ' ':
      if (target?.closest(ACTIVE)) return;
      k.scroller.scrollBy({ top: (event.shiftKey ? -1 : 1) * k.scroller.clientHeight * SCREEN });
      break;
    case '+':
    case '=':
      step(1);
      break;
    case '-':
    case '_':
      step(-1);
      break;
    case '0':
      step(0);
      break;
    default: {
      const tools = shownTools(k.ctx);
      const is = (key: string) => key === event.key.toLowerCase() || key === event.key;
      const tool = tools.find((t) => t.key && is(t.key));
      const more = tool ? undefined : tools.flatMap((t) => t.keys ?? []).find((m) => is(m.key));
      if (more) more.run(k.ctx);
      else if (!tool || tool.disabled?.(k.ctx)) return;
      else if (tool.onKey) tool.onKey(k.ctx);
      else k.activate(tool);
    }
  }
  event.preventDefault();
}
