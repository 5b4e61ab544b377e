// The reader lives in the web page, in a shadow root the page's own scripts can reach. What a
// script makes (element.click(), dispatchEvent of a key, a change or an input) arrives with
// `isTrusted` false; what the user does with the mouse, the keyboard or touch arrives trusted. The
// reader acts on the user's events only, so a page cannot press Translate (which sends the article
// to the user's provider), turn on highlights, change the saved settings or close the reader.

/** Every event the reader's controls and keys act on, and those that lead to one. */
const USER_INPUT = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
] as const;

/** True when the user made `event` (the browser's own input), false when a script dispatched it. */
export function byUser(event: Event): boolean {
  return event.isTrusted;
}

/**
 * Stops every script-made input event at `root` before any listener inside it hears it (a
 * capturing listener on the root runs first), and cancels what it would do (a checkbox stays as it
 * was, a link is not followed). Nothing to take off: the listeners go with the root.
 */
export function acceptUserInputOnly(root: ShadowRoot): void {
  const drop = (event: Event) => {
    if (byUser(event)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of USER_INPUT) root.addEventListener(type, drop, true);
}
