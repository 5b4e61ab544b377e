// Everything that comes from a page is untrusted: this is the one place it is made safe before
// it is shown in the reader or an extension page (and, later, stored).
import DOMPurify from 'dompurify';

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'base', 'object', 'embed', 'iframe', 'frame', 'frameset'];
const FORBID_ATTR = ['style', 'class', 'id', 'srcdoc', 'formaction', 'ping', 'background'];

let purifier: ReturnType<typeof DOMPurify> | null = null;
let inPlacePurifier: ReturnType<typeof DOMPurify> | null = null;

/** Links open outside the reader and never tell the page who sent the reader there. */
function withHooks(p: ReturnType<typeof DOMPurify>): ReturnType<typeof DOMPurify> {
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  return p;
}

function purify(): ReturnType<typeof DOMPurify> {
  purifier ??= withHooks(DOMPurify(window));
  return purifier;
}

/**
 * An instance of its own for in-place cleaning, configured once: DOMPurify parses a config passed
 * with each call again (new allow and forbid sets every time), a cost the extraction paid per page.
 */
function inPlacePurify(): ReturnType<typeof DOMPurify> {
  if (!inPlacePurifier) {
    inPlacePurifier = withHooks(DOMPurify(window));
    inPlacePurifier.setConfig({ ...CONFIG, IN_PLACE: true });
  }
  return inPlacePurifier;
}

const CONFIG = { FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false, USE_PROFILES: { html: true } };

/** Sanitized copy of `html` as a string: no scripts, handlers, styles, forms or frames. */
export function sanitizeHtml(html: string | Node): string {
  return purify().sanitize(html, CONFIG) as unknown as string;
}

/**
 * Sanitizes a detached element in place (no copy of the tree): the extraction pipeline owns
 * Readability's result, so cleaning it where it lies saves a full clone of the article.
 */
export function sanitizeInPlace(el: Element): Element {
  inPlacePurify().sanitize(el);
  return el;
}

/** The same, as a fragment ready to be appended (no HTML string round trip). */
export function sanitizeToFragment(html: string | Node): DocumentFragment {
  return purify().sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}
