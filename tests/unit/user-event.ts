// Events as the user makes them. Everything a script dispatches is untrusted, in jsdom as in a
// browser (dispatchEvent sets isTrusted false); jsdom dispatches its own input events trusted,
// through the object behind the target, and so does this.
import { implForWrapper } from 'jsdom/lib/jsdom/living/generated/utils.js';

/** Dispatches `event` at `target` as the user's input (isTrusted true); answers false if it was cancelled. */
export function dispatchAsUser(target: EventTarget, event: Event): boolean {
  const on = implForWrapper(target);
  const impl = implForWrapper(event);
  if (!on || !impl) throw new Error('not a jsdom object');
  impl.isTrusted = true;
  return on._dispatch(impl);
}
