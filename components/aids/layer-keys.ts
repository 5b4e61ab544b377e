// Keys for a layer over the reader (the image viewer, the contents drawer): heard on the window in
// the capturing phase, before the reader's own document listener (Esc there closes the whole
// reader, Tab keeps focus in it), so Esc closes the layer alone and Tab stays inside it. Only the
// user's own keys count (page/trusted-events.ts: a page's script must not work the reader).
// Taken off by hand, not with a signal: in Firefox the page's window is another world's.
import { useLayoutEffect, useRef } from 'preact/hooks';

/** While `active`, `onKey` hears the user's keys first; it answers true when it used the key. */
export function useLayerKeys(active: boolean, onKey: (event: KeyboardEvent) => boolean): void {
  const handler = useRef(onKey);
  handler.current = onKey;
  useLayoutEffect(() => {
    if (!active) return;
    const listener = (event: KeyboardEvent) => {
      if (!event.isTrusted || !handler.current(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, [active]);
}

/** Tab and Shift+Tab cycle through `root`'s controls; answers whether it moved the focus. */
export function cycleFocus(event: KeyboardEvent, root: HTMLElement | null): boolean {
  if (event.key !== 'Tab' || !root) return false;
  const items = Array.from(root.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], [tabindex="0"]'));
  if (!items.length) return false;
  const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
  const at = items.indexOf(active as HTMLElement);
  const next = event.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at < 0 || at === items.length - 1 ? 0 : at + 1;
  items[next]!.focus();
  return true;
}
