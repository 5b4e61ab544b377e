// Everything that comes from a page is untrusted: this is the one place it is made safe before
// it is shown in the reader or an extension page, and before it is stored.
//
// One policy, two engines. Where the browser has the HTML Sanitizer API (`Element.setHTML`, in
// Chromium and Firefox since early 2026), the browser sanitizes: its parser and its safe baseline
// (no script, no event handler, no javascript: URL, whatever the configuration says) run natively,
// about four times faster than DOMPurify walking the tree in JavaScript (bench:extract measures
// it). Elsewhere (older browsers, the unit tests' jsdom) DOMPurify applies the same policy.
// tests/e2e/sanitize.e2e.ts runs both engines on the same hostile HTML in Chromium and Firefox.
import DOMPurify from 'dompurify';

const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** Dropped with everything inside: styles, frames, plug-ins, page metadata, form controls, SVG and MathML. */
const DROP_WITH_CONTENT = [
  'style',
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'link',
  'meta',
  'base',
  'input',
  'button',
  'select',
  'textarea',
];
/** Dropped, their text kept (a page that wraps its story in a form still shows the story). */
const DROP_KEEP_CONTENT = ['form'];

/**
 * The attributes an article keeps (an allowlist): links, pictures and their sizes, media, tables,
 * lists, quotes, dates and language. Everything else goes: event handlers, styles, classes, ids,
 * data-*, and the page's own ARIA roles and tabindex, which belong to its widgets, not to the reader.
 */
const ALLOWED_ATTR = [
  'href',
  'src',
  'srcset',
  'sizes',
  'media',
  'type',
  'alt',
  'title',
  'width',
  'height',
  'lang',
  'dir',
  'datetime',
  'cite',
  'colspan',
  'rowspan',
  'headers',
  'scope',
  'abbr',
  'span',
  'start',
  'reversed',
  'value',
  'poster',
  'controls',
  'open',
];

/** Links and sources that may stay: web and mail addresses, and addresses relative to the page. */
const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
// eslint-disable-next-line no-control-regex
const URL_WHITESPACE = /[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000]/g;
/** Pictures may also be inline data. */
const SAFE_IMAGE_URL = /^data:image\/(?:png|gif|jpe?g|webp|avif);/i;

/** Links open outside the reader and never tell the page who sent the reader there; pictures load late, without a referrer. */
function finish(node: Element): void {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
}

// ---------------------------------------------------------------- the browser's sanitizer

interface NativeSanitizing {
  setHTML(html: string, options: { sanitizer: unknown }): void;
}
declare const Sanitizer: { new (config: unknown): unknown } | undefined;

let nativeSanitizer: unknown;
let inert: Document | null = null;

/** One document without a browsing context for the sanitizer's work: nothing in it loads or runs. */
function inertDocument(): Document {
  inert ??= document.implementation.createHTMLDocument('');
  return inert;
}

/**
 * The browser's Sanitizer with the policy above, or null where the browser has none, or one that
 * does not do what this file expects (an older draft of the API, a content-script sandbox that
 * hands it over differently): it must pass a small probe first, or DOMPurify does the work.
 */
function native(): unknown {
  if (nativeSanitizer !== undefined) return nativeSanitizer;
  nativeSanitizer = null;
  if (typeof Sanitizer !== 'function' || typeof Element === 'undefined' || !('setHTML' in Element.prototype)) return null;
  try {
    const sanitizer = new Sanitizer({
      removeElements: [...DROP_WITH_CONTENT, { name: 'svg', namespace: SVG_NS }, { name: 'math', namespace: MATHML_NS }],
      replaceWithChildrenElements: DROP_KEEP_CONTENT,
      attributes: ALLOWED_ATTR,
      dataAttributes: false,
      comments: false,
    });
    const probe = inertDocument().createElement('div');
    (probe as unknown as NativeSanitizing).setHTML(PROBE, { sanitizer });
    if (probe.innerHTML === PROBE_RESULT) nativeSanitizer = sanitizer;
  } catch {
    // DOMPurify it is.
  }
  return nativeSanitizer;
}
const PROBE =
  '<p title="t" tabindex="1" data-x="1" onclick="x()">a<script>b</script><svg><g></g></svg><!--c--><b>e</b><a href="javascript:f()">g</a></p><form><button>d</button>h</form>';
const PROBE_RESULT = '<p title="t">a<b>e</b><a>g</a></p>h';

/** The URL rules DOMPurify applies itself, for the browser's sanitizer (it only removes javascript: URLs). */
function checkUrls(root: Element): void {
  for (const el of root.querySelectorAll('[href], [src], [poster], [cite], [srcset]')) {
    for (const attr of ['href', 'cite', 'src', 'poster']) {
      const raw = el.getAttribute(attr);
      if (raw === null) continue;
      // As a URL parser reads it: "java\tscript:" is "javascript:".
      const value = raw.replace(URL_WHITESPACE, '');
      const image = attr === 'src' && (el.tagName === 'IMG' || el.tagName === 'SOURCE');
      if (!SAFE_URL.test(value) && !(image && SAFE_IMAGE_URL.test(value))) el.removeAttribute(attr);
    }
    const set = el.getAttribute('srcset');
    if (
      set !== null &&
      set.split(',').some((part) => !SAFE_URL.test(part.trim().replace(URL_WHITESPACE, '')) && !SAFE_IMAGE_URL.test(part.trim()))
    )
      el.removeAttribute('srcset');
  }
  for (const el of root.querySelectorAll('a[href], img')) finish(el);
}

/** Which engine sanitizes: the browser's HTML Sanitizer API where it has one (else DOMPurify), or DOMPurify. */
export type SanitizerEngine = 'browser' | 'dompurify';

export interface SanitizeOptions {
  /**
   * 'dompurify' sanitizes with DOMPurify even where the browser has a sanitizer (the two engines
   * apply one policy, and tests/e2e/sanitize.e2e.ts compares them in real browsers). The default,
   * 'browser', uses the browser's own where it has one that passes the probe, DOMPurify elsewhere.
   */
  engine?: SanitizerEngine;
}

/** The browser's sanitizer when `options` allow it and the browser has one, else null. */
const nativeFor = (options: SanitizeOptions) => (options.engine === 'dompurify' ? null : native());

/** `html` parsed and sanitized by the browser into a new `<tag>` of `doc` (null without the API, or when DOMPurify is asked for). */
function nativeElement(html: string, doc: Document, tag: string, options: SanitizeOptions): Element | null {
  const sanitizer = nativeFor(options);
  if (!sanitizer) return null;
  const holder = doc.createElement(tag);
  (holder as unknown as NativeSanitizing).setHTML(html, { sanitizer });
  checkUrls(holder);
  return holder;
}

// ---------------------------------------------------------------- DOMPurify, where the browser has none

const CONFIG = {
  FORBID_TAGS: [...DROP_WITH_CONTENT, ...DROP_KEEP_CONTENT, 'svg', 'math'],
  ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

let purifier: ReturnType<typeof DOMPurify> | null = null;
let inPlacePurifier: ReturnType<typeof DOMPurify> | null = null;

function withHooks(p: ReturnType<typeof DOMPurify>): ReturnType<typeof DOMPurify> {
  p.addHook('afterSanitizeAttributes', (node) => finish(node as Element));
  return p;
}

function purify(): ReturnType<typeof DOMPurify> {
  purifier ??= withHooks(DOMPurify(window));
  return purifier;
}

/**
 * An instance of its own for in-place cleaning, configured once: DOMPurify parses a config passed
 * with each call again (new allow and forbid sets every time).
 */
function inPlacePurify(): ReturnType<typeof DOMPurify> {
  if (!inPlacePurifier) {
    inPlacePurifier = withHooks(DOMPurify(window));
    inPlacePurifier.setConfig({ ...CONFIG, IN_PLACE: true });
  }
  return inPlacePurifier;
}

// ---------------------------------------------------------------- the three ways in

/** Which engine sanitizes here with `options` (the benchmark prints it). */
export function sanitizerEngine(options: SanitizeOptions = {}): SanitizerEngine {
  return nativeFor(options) ? 'browser' : 'dompurify';
}

/** Sanitized copy of `html` as a string: no scripts, handlers, styles, forms or frames. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const holder = nativeElement(html, inertDocument(), 'div', options);
  return holder ? holder.innerHTML : (purify().sanitize(html, CONFIG) as unknown as string);
}

/**
 * The sanitized form of a detached element the caller owns (Readability's result): DOMPurify cleans
 * it where it lies; the browser's sanitizer parses its HTML again into a new element of the same
 * document, which costs less than DOMPurify's walk. Use the returned element.
 */
export function sanitizeElement(el: Element, options: SanitizeOptions = {}): Element {
  const holder = nativeElement(el.innerHTML, el.ownerDocument, el.localName, options);
  if (holder) return holder;
  // DOMPurify would drop classes, ids and styles one by one, keeping a record of each removal:
  // dropping them first is cheaper.
  for (const e of el.querySelectorAll('[class], [id], [style]')) {
    e.removeAttribute('class');
    e.removeAttribute('id');
    e.removeAttribute('style');
  }
  inPlacePurify().sanitize(el);
  return el;
}

/**
 * The same, as a fragment ready to be appended (no HTML string round trip). Its nodes belong to a
 * document without a window until they are appended, so nothing in it loads before then (the
 * saved-article page sets remote pictures aside first: lib/article/remote-media.ts).
 */
export function sanitizeToFragment(html: string, options: SanitizeOptions = {}): DocumentFragment {
  const holder = nativeElement(html, inertDocument(), 'div', options);
  if (!holder) return purify().sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  const fragment = inertDocument().createDocumentFragment();
  fragment.append(...Array.from(holder.childNodes));
  return fragment;
}
