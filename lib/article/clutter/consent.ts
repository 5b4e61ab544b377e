// Consent prompts and embed placeholders, taken out of the page's copy before Readability reads it:
// a cookie dialog, or the box a page shows where a video, a post or a chart would be until the
// reader agrees to load it ("Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt
// werden", "This content is blocked until you accept…"). Left in, Readability scores their
// sentences as prose and keeps them, or picks its block by them. Found by structure and wording
// together: a control (a button, a check box, a link styled as a button) whose box is short and
// says both that the reader agrees (in many languages) and to what (cookies, personal data, a
// third party's content or platform), while the control says agree, allow, show or load; or a
// dialog that says so. The box's own words must be most of it, and a story about privacy with a
// share button keeps its text (a share button is no consent control).
import { CONSENT_AGREE, CONSENT_CONTROL, CONSENT_OBJECT } from '@/lib/article/clutter/data';
import { squash } from '@/lib/article/text';

/** A consent box is short: at most this many characters. */
const MAX_BOX = 1200;
/** A dialog holding a consent prompt may be longer (the whole list of purposes). */
const MAX_DIALOG = 4000;
/** Text of the box's leaf blocks that says neither agreeing nor to what may be at most this long. */
const MAX_OTHER = 300;
/** How many levels above the control its box may be. */
const MAX_LEVELS = 6;

const CONTROLS = 'button, input, select, [role="button"], [role="switch"], [role="checkbox"]';
const DIALOGS = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
const FRAME = /^(?:BODY|HTML|MAIN|ARTICLE)$/;
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, label, button, a, span, div';

/**
 * Text outside scripts and styles, white space squashed; with `max`, the walk stops once the text
 * is longer than that (a box's ancestors are often the whole page: only "longer than a box" counts).
 */
function shown(el: Element, max = Infinity): string {
  const parts: string[] = [];
  // The length of the squashed whole so far: each text squashed, one space between those with text.
  let length = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n && length <= max; n = walker.nextNode()) {
    if (/^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(n.parentElement?.tagName ?? '')) continue;
    const text = squash((n as Text).data);
    if (!text) continue;
    parts.push(text);
    length += (parts.length > 1 ? 1 : 0) + text.length;
  }
  return parts.join(' ');
}

/** Whether a text says the reader agrees, and to what. */
export const isConsentText = (text: string): boolean => CONSENT_AGREE.test(text) && CONSENT_OBJECT.test(text);

/**
 * Characters of the box's leaf blocks (no block inside) that are sentences of 80 characters or
 * more and say neither agreeing nor to what: the story's text, if the box holds any.
 */
function otherProse(box: Element): number {
  let n = 0;
  for (const el of box.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const text = squash(el.textContent);
    if (text.length >= 80 && !CONSENT_AGREE.test(text) && !CONSENT_OBJECT.test(text)) n += text.length;
  }
  return n;
}

/** What a control says: its text, name or value, or for a check box its label's text. */
function controlText(control: Element): string {
  let text = `${control.textContent ?? ''} ${control.getAttribute('aria-label') ?? ''} ${control.getAttribute('value') ?? ''}`;
  const id = control.getAttribute('id');
  if (control.tagName === 'INPUT') {
    // Its label: around it, or one with its id near it (the copy is detached: no lookup by id).
    let label = control.closest('label');
    for (let near = control.parentElement, i = 0; !label && id && near && i < 3; near = near.parentElement, i++) {
      label = [...near.getElementsByTagName('label')].find((l) => l.getAttribute('for') === id) ?? null;
    }
    text += ` ${label?.textContent ?? ''}`;
  }
  return squash(text);
}

/** The box a control sits in: its highest ancestor (up to MAX_LEVELS) that is still short. */
function boxOf(control: Element): Element | null {
  let box: Element | null = null;
  let el = control.parentElement;
  for (let level = 0; el && level < MAX_LEVELS && !FRAME.test(el.tagName); level++, el = el.parentElement) {
    if (shown(el, MAX_BOX).length > MAX_BOX) break;
    box = el;
  }
  return box;
}

/**
 * Removes the consent prompts and embed placeholders below `body` (a copy of the page); calls
 * `note` with each before it goes. Returns how many went.
 */
export function removeConsentBoxes(body: Element, note?: (el: Element, reason: string) => void): number {
  const found = new Set<Element>();
  for (const control of body.querySelectorAll(CONTROLS)) {
    if (!CONSENT_CONTROL.test(controlText(control))) continue;
    const box = boxOf(control);
    if (!box || [...found].some((f) => f.contains(box))) continue;
    const text = shown(box);
    if (isConsentText(text) && otherProse(box) <= MAX_OTHER) found.add(box);
  }
  for (const dialog of body.querySelectorAll(DIALOGS)) {
    if (FRAME.test(dialog.tagName) || [...found].some((f) => f.contains(dialog))) continue;
    const text = shown(dialog);
    if (text.length <= MAX_DIALOG && isConsentText(text) && otherProse(dialog) <= MAX_OTHER) found.add(dialog);
  }
  let removed = 0;
  for (const box of found) {
    if (!body.contains(box)) continue;
    note?.(box, 'a consent prompt or an embed placeholder: a control, and words of agreeing to cookies, data or a third party');
    box.remove();
    removed++;
  }
  return removed;
}
