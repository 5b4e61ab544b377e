// The article pipeline of docs/DESIGN.md: clone → drop scripts and styles → Readability → clutter
// rules on its result → lazy images and absolute URLs → sanitize → metadata. The same function serves the reader, saving and
// the benchmark, in a page or in a test's DOM.
import { Readability } from '@mozilla/readability';
import { CLUTTER_RULES, inDocumentOrder, removeClutter, type Removal } from '@/lib/article/clutter';

// Kept here for callers that used them before they became clutter rules.
export { removeAdjacentRepeats, removeTitleRepeats } from '@/lib/article/clutter';
import { figureCaptions, splitCaptions } from '@/lib/article/captions';
import { detect, linkDensity, textLength } from '@/lib/article/detect';
import { removeConsentBoxes } from '@/lib/article/clutter/consent';
import { storyContinuations } from '@/lib/article/clutter/split-body';
import { sanitizeElement } from '@/lib/article/sanitize';
import { findStandfirst } from '@/lib/article/standfirst';
import { fullerBody } from '@/lib/article/structured-body';
import { countText, languageFromScript, minutesFor, squash, toPlainText } from '@/lib/article/text';
import type { Article } from '@/lib/article/types';

export interface ExtractOptions {
  /** Skip our clutter rules (the benchmark's "raw Readability" baseline shares everything else). */
  raw?: boolean;
  /** When given, milliseconds spent in each phase are added to it (bench:extract's breakdown). */
  phases?: Record<string, number>;
  /**
   * When given, every node our pipeline removed is added to it: before Readability (hidden print
   * copies, the site's frame) and after it (the clutter rules), with the rule, why and the text
   * (`bench:extract -- --why`). Without it nothing is recorded.
   */
  removals?: Removal[];
  /** Let Readability serialize the page's body before its first pass, as it does unaided (for the tests). */
  eagerSnapshot?: boolean;
  /** Steps of the pipeline left out (bench:extract's `--ablate all`: what each step is worth). */
  without?: readonly PipelineStep[];
}

/**
 * The pipeline's own steps beside the clutter rules, each of which `without` can leave out:
 * before Readability, print copies hidden by their class, the site's frame and consent prompts
 * taken out of the copy; after it, a story split across sibling blocks brought back, figure
 * captions told apart from the body, the page's structured body when it is much longer, the
 * standfirst, and declining a page whose "article" is mostly links.
 */
export const PIPELINE_STEPS = [
  'hidden-copies',
  'site-frame',
  'consent',
  'split-body',
  'captions',
  'structured-body',
  'standfirst',
  'link-list',
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/** Whether `options` run `step` (always, but for the raw baseline's own and an ablation's). */
const runs = (options: ExtractOptions, step: PipelineStep) => !options.raw && !options.without?.includes(step);

/** Adds the time since the last call to `phases[name]`; a no-op without a record to fill. */
function phaseClock(phases: Record<string, number> | undefined): (name: string) => void {
  if (!phases) return () => {};
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    phases[name] = (phases[name] ?? 0) + now - last;
    last = now;
  };
}

/** Notes a node the preparation of the page's copy removes, before Readability reads it. */
type Note = (node: Element, rule: string, reason: string) => void;

/** A `Note` that adds to `removals` (none without a record to fill). */
function noteInto(removals: Removal[] | undefined): Note | undefined {
  if (!removals) return undefined;
  return (node, rule, reason) =>
    removals.push({
      rule,
      family: 'prepare',
      reason,
      text: squash(readableText(node, ' ')),
      node: node.tagName.toLowerCase(),
      stage: 'before-readability',
    });
}

/** Below this much text the result is not an article the reader should show. */
const MIN_ARTICLE_CHARS = 140;

const RTL_LANGS = /^(?:ar|he|iw|fa|ur|ps|yi|dv|sd|ug|ku-arab|ckb)(?:-|$)/i;
const LAZY_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-url', 'data-lazy', 'data-echo', 'data-actualsrc'];

/** `<meta>` contents by property, name and itemprop (the first of each), read in one pass. */
type Metas = Map<string, string>;

function metasOf(doc: Document): Metas {
  const out: Metas = new Map();
  // getElementsByTagName is the fast path; a selector per name scanned the whole page for each miss.
  for (const el of doc.getElementsByTagName('meta')) {
    const value = el.getAttribute('content')?.trim();
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr);
      if (key && !out.has(key)) out.set(key, value);
    }
  }
  return out;
}

function meta(metas: Metas, ...names: string[]): string | null {
  for (const name of names) {
    const value = metas.get(name);
    if (value) return value;
  }
  return null;
}

function absolute(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** An image that loads its real source from a data attribute when scrolled into view. */
function resolveLazyImage(img: Element, base: string): void {
  const src = img.getAttribute('src') ?? '';
  const placeholder = !src || src.startsWith('data:') || /blank|spacer|placeholder|transparent|lazy|loading/i.test(src);
  if (placeholder) {
    for (const attr of LAZY_ATTRS) {
      const candidate = absolute(img.getAttribute(attr), base);
      if (candidate) {
        img.setAttribute('src', candidate);
        break;
      }
    }
  }
  const lazySet = img.getAttribute('data-srcset') ?? img.getAttribute('data-lazy-srcset');
  if (lazySet && !img.getAttribute('srcset')) img.setAttribute('srcset', lazySet);
}

/** Every link and media source made absolute against the page URL; other schemes dropped. */
function absolutizeUrls(root: Element, base: string): void {
  for (const el of root.querySelectorAll('[href], [src], [poster]')) {
    for (const attr of ['href', 'src', 'poster']) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      if (attr === 'href' && value.startsWith('#')) continue;
      const abs = absolute(value, base);
      if (!abs) el.removeAttribute(attr);
      else if (abs !== value) el.setAttribute(attr, abs);
    }
  }
  for (const el of root.querySelectorAll('[srcset]')) {
    const set = (el.getAttribute('srcset') ?? '')
      .split(',')
      .map((part) => {
        const [u, d] = part.trim().split(/\s+/, 2);
        const abs = absolute(u, base);
        return abs ? (d ? `${abs} ${d}` : abs) : null;
      })
      .filter(Boolean);
    if (set.length) el.setAttribute('srcset', set.join(', '));
    else el.removeAttribute('srcset');
  }
}

/** The first `max` characters of an element's text, without reading the rest of a long page. */
function leadingText(el: Element | null, max: number): string {
  if (!el) return '';
  const parts: string[] = [];
  let length = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n && length < max; n = walker.nextNode()) {
    const data = (n as Text).data;
    parts.push(data);
    length += data.length;
  }
  return parts.join('').slice(0, max);
}

/**
 * A `<time datetime>` on the page, or "기사입력 : 2025년02월04일 16:20" and the like in the text of a
 * Korean article (`korean`: the article has Hangul; the labels are Korean, so other pages are spared
 * reading 20,000 characters), when a page has no machine-readable date.
 */
function visibleDate(doc: Document, korean: boolean): string | null {
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  if (time && !Number.isNaN(Date.parse(time))) return new Date(time).toISOString();
  if (!korean) return null;
  const text = leadingText(doc.body, 20000);
  const m =
    /(?:입력|기사입력|등록|송고|게재)\s*(?:일시|시간)?\s*[:：]?\s*(\d{4})\s*[.\-년/]\s*(\d{1,2})\s*[.\-월/]\s*(\d{1,2})\s*일?\s*(?:(\d{1,2}):(\d{2}))?/.exec(
      text,
    );
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0'] = m;
  // Korean portals print Korea Standard Time (UTC+9).
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:00+09:00`;
  return Number.isNaN(Date.parse(iso)) ? null : new Date(iso).toISOString();
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

/** Classes that hide an element from sight (print copies, screen-reader text). */
const HIDDEN_CLASSES = ['hide', 'hidden', 'blind', 'sr-only', 'screen_out', 'visually-hidden'];

/**
 * Elements below `root` with one of HIDDEN_CLASSES that hold text enough to be a copy of the story,
 * in document order (the many short ones are never sorted). (A lookup by class name per class costs
 * a third less than one selector list over a whole page.)
 */
function hiddenByClass(root: Element): Element[] {
  const found: Element[] = [];
  for (const name of HIDDEN_CLASSES)
    for (const el of root.getElementsByClassName(name)) if (holdsText(el, COPY_MIN)) found.push(el);
  return found.length < 2 ? found : inDocumentOrder([...new Set(found)]);
}

/** A hidden copy of the story is at least this long (shorter hidden labels are many: "blind" on Korean portals). */
const COPY_MIN = 200;

/**
 * Whether `el` holds `min` characters of text outside scripts and styles, counted before squashing
 * (which only shortens), without reading further: a cheap first look before `readableText`.
 */
function holdsText(el: Element, min: number): boolean {
  let length = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const tag = n.parentElement?.tagName;
    if (
      tag !== 'SCRIPT' &&
      tag !== 'STYLE' &&
      tag !== 'NOSCRIPT' &&
      tag !== 'TEMPLATE' &&
      (length += (n as Text).data.length) >= min
    )
      return true;
  }
  return false;
}

/**
 * Print copies and other hidden duplicates: an element hidden by its class whose long text also
 * appears elsewhere on the page (a portal's "print area" repeats the whole story). Readability
 * cannot see classes as styles, so it would keep both. An element whose text is nowhere else stays.
 */
/** Text of an element without what scripts, styles and templates hold (JSON can repeat the story); `between` goes between its text nodes. */
function readableText(el: Element, between = ''): string {
  const parts: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const tag = n.parentElement?.tagName;
    if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'NOSCRIPT' && tag !== 'TEMPLATE') parts.push((n as Text).data);
  }
  return parts.join(between);
}

export function removeHiddenCopies(page: Document | Element): number {
  const body = 'body' in page ? page.body : page;
  return body ? removeHiddenCopiesAmong(body, hiddenByClass(body)) : 0;
}

function removeHiddenCopiesAmong(body: Element, candidates: Iterable<Element>, note?: Note): number {
  let pageText: string | null = null;
  let removed = 0;
  for (const el of candidates) {
    if (!body.contains(el) || /:/.test(el.getAttribute('class') ?? '')) continue; // "hidden md:block" shows on wide screens
    const text = squash(readableText(el));
    if (text.length < COPY_MIN) continue;
    pageText ??= squash(readableText(body));
    const middle = Math.floor(text.length / 2);
    const probe = text.slice(middle - 40, middle + 40);
    // Found more often on the page than inside the element itself: a copy.
    if (occurrences(pageText, probe) > occurrences(text, probe)) {
      note?.(el, 'hidden-copy', `hidden by its class ("${el.getAttribute('class')}") and its text is elsewhere on the page`);
      el.remove();
      pageText = squash(readableText(body));
      removed++;
    }
  }
  return removed;
}

/** Characters in the paragraphs below `el`. */
function paragraphText(el: Element): number {
  let n = 0;
  for (const p of el.getElementsByTagName('p')) n += textLength(p);
  return n;
}

/**
 * The site's footers, navigation menus and mastheads, taken out of the copy before Readability so
 * that it does not walk and score them. Nothing an article shows goes with them: Readability drops
 * every `<footer>` from the article it picks, a `<nav>` is the site's menu, breadcrumbs or links to
 * other stories, and a `<header>` outside the article with neither a headline nor a paragraph is
 * the site's logo and tagline. One that holds an article, its body or the page's main part stays,
 * and so does a nav whose paragraphs hold 200 characters or more (a page that wraps its story in
 * a `<nav>`; menus have no paragraphs).
 */
function removeSiteFrame(body: Element, note?: Note): void {
  const frame = [
    ...body.getElementsByTagName('footer'),
    ...body.getElementsByTagName('nav'),
    ...body.getElementsByTagName('header'),
  ];
  for (const el of frame) {
    if (!body.contains(el) || el.querySelector('article, main, [itemprop="articleBody"]')) continue;
    if (el.tagName === 'NAV' && paragraphText(el) >= 200) continue;
    // A header inside the article, or one with the headline or a paragraph (a standfirst), is the story's own.
    if (el.tagName === 'HEADER' && (el.closest('article, main, [itemprop="articleBody"]') || el.querySelector('h1, p'))) continue;
    note?.(
      el,
      'site-frame',
      el.tagName === 'FOOTER'
        ? 'a <footer> outside the article (Readability drops footers)'
        : el.tagName === 'NAV'
          ? 'a <nav> without paragraphs'
          : 'a <header> without a headline or a paragraph',
    );
    el.remove();
  }
}

/**
 * The members of a Document that Readability (0.6) reads, over a copy of the page: its
 * constructor reads `documentElement` and `firstChild`; `parse` reads `body`, `title`, `baseURI`,
 * `documentURI`, `createElement`, `createTextNode`, `getElementsByTagName` and `querySelectorAll`.
 * (A unit test runs Readability on it and on a whole-document clone and expects the same result.)
 */
export interface PageCopy {
  documentElement: Element;
  firstChild: Node;
  body: HTMLElement | null;
  head: HTMLHeadElement | null;
  title: string;
  baseURI: string;
  documentURI: string;
  URL: string;
  createElement(tag: string): HTMLElement;
  createTextNode(text: string): Text;
  getElementsByTagName(tag: string): HTMLCollectionOf<Element>;
  querySelector(selectors: string): Element | null;
  querySelectorAll(selectors: string): NodeListOf<Element>;
}

/**
 * A copy of the page for Readability to take apart. `doc.cloneNode(true)` builds a new document and
 * inserts the copied tree into it, and in Chromium the insertion costs twice the copy itself (on
 * zyte-dev 1.6 ms a page against 0.5 ms to import the tree and leave it detached). So the page's
 * `<html>` is imported into a new inert document (no browsing context: nothing loads, nothing
 * runs) and stays detached, and Readability gets the few document members it reads over it.
 */
export function pageCopy(doc: Document): PageCopy {
  const inert = doc.implementation.createHTMLDocument('');
  const root = inert.importNode(doc.documentElement, true) as HTMLElement;
  let body: HTMLElement | null = null;
  let head: HTMLHeadElement | null = null;
  for (const child of root.children) {
    if (!head && child.tagName === 'HEAD') head = child as HTMLHeadElement;
    if (!body && (child.tagName === 'BODY' || child.tagName === 'FRAMESET')) body = child as HTMLElement;
  }
  return {
    documentElement: root,
    firstChild: root,
    body,
    head,
    title: doc.title,
    baseURI: doc.baseURI,
    documentURI: doc.documentURI,
    URL: doc.URL,
    createElement: (tag) => inert.createElement(tag),
    createTextNode: (text) => inert.createTextNode(text),
    getElementsByTagName: (tag) => root.getElementsByTagName(tag),
    querySelector: (selectors) => root.querySelector(selectors),
    querySelectorAll: (selectors) => root.querySelectorAll(selectors),
  };
}

/**
 * The copy Readability reads: lazy images given their real source and, unless `raw`, the page's
 * print copies, site frame and drawings taken out (see extract).
 */
function preparedCopy(
  doc: Document,
  base: string,
  options: ExtractOptions,
  phase: (name: string) => void,
  note?: Note,
): PageCopy {
  const copy = pageCopy(doc);
  phase('copy');
  if (copy.body) {
    // On the copy, lazy images get their real source, and elements hidden by their class are
    // looked at as possible print copies. Scripts and styles are Readability's to drop
    // (dropping them first saved it less than the pass cost). The clutter rules run once, on
    // Readability's result rather than on the whole page: measured on the three corpora, cleaning
    // the page first did not help Readability choose (zyte-dev F1 0.948 with it, 0.955 without; the
    // Korean pages alike) and cost more than Readability itself.
    for (const img of copy.body.getElementsByTagName('img')) resolveLazyImage(img, base);
    if (!options.raw) {
      if (runs(options, 'hidden-copies')) removeHiddenCopiesAmong(copy.body, hiddenByClass(copy.body), note);
      phase('prepare:hidden-copies');
      if (runs(options, 'site-frame')) removeSiteFrame(copy.body, note);
      phase('prepare:site-frame');
      if (runs(options, 'consent')) removeConsentBoxes(copy.body, note && ((el, reason) => note(el, 'consent', reason)));
      phase('prepare:consent');
      // The reader never shows SVG drawings (the sanitizer drops them): their insides are emptied
      // so that Readability does not walk icon paths (2% of the time on zyte-dev, the same text on
      // all 291 pages). The empty <svg> stays where it was, for the rules that look for pictures.
      // (Not in the removal record: no drawing ever reaches the reader.)
      // A static list: emptying one while walking the live collection made it walk the page again.
      for (const svg of copy.body.querySelectorAll('svg')) svg.replaceChildren();
    }
  }
  phase('prepare:rest');
  return copy;
}

/** Thrown by the copy's body when Readability asks for the snapshot it starts again from. */
const START_AGAIN = new Error('Readability starts again from its snapshot of the page');

/**
 * Readability's result on a prepared copy of `doc`. Before its first pass Readability keeps the
 * whole body as HTML (`body.innerHTML`), to start again from it with looser settings when the pass
 * finds less than 500 characters (on 25 of the benchmark's 291 pages). Serializing the body costs
 * time on every page, so the copy's body answers with an empty string instead. When Readability
 * writes it back (a second pass is due), the write throws, that first pass is dropped and
 * Readability runs again on a fresh copy whose body serializes as usual: those pages pay for one
 * pass more. Readability itself is unchanged, and the article is the same either way (all 291
 * pages; tests/unit/extract.test.ts compares the two on a page that needs the second pass).
 *
 * This relies on when Readability reads and writes `body.innerHTML`, so package.json pins
 * @mozilla/readability to exactly 0.6.0, and a unit test (extract.test.ts, "Readability's
 * internals") fails if a version no longer reads the body's HTML before its first pass or no
 * longer writes it back to start again. Kept after measuring the plain way (2026-12, bench:extract-ab,
 * work = without the trick, base = with it, work/base per page): 1.042 on zyte-dev (ratio of the
 * medians 1.093; ours/raw 1.170 -> 1.237), 1.017 on Readability's pages, the same text on all 263
 * pages: bench:extract's headline ours/raw ratio would move by some 0.1, more than its run-to-run
 * spread (±0.08), for a serialization that Readability needs on one page in twelve.
 */
function parseCopy(doc: Document, base: string, options: ExtractOptions, phase: (name: string) => void) {
  // keepClasses: the clutter rules read class names (the sanitizer drops them afterwards).
  const settings = { keepClasses: !options.raw, serializer: (el: Node) => el as Element };
  const removals = options.removals;
  const recorded = removals?.length ?? 0;
  const copy = preparedCopy(doc, base, options, phase, noteInto(removals));
  if (copy.body && !options.eagerSnapshot) {
    // Readability writes the body's HTML only to go back to its snapshot; any write here means
    // starting again on a fresh copy, so nothing the copy was given is ever parsed from a string.
    Object.defineProperty(copy.body, 'innerHTML', {
      configurable: true,
      get: () => '',
      set: () => {
        throw START_AGAIN;
      },
    });
  }
  try {
    return new Readability(copy as unknown as Document, settings).parse();
  } catch (e) {
    if (e !== START_AGAIN) throw e;
  }
  // The fresh copy is prepared again: the record keeps its removals, not the dropped copy's.
  if (removals) removals.length = recorded;
  return new Readability(preparedCopy(doc, base, options, () => {}, noteInto(removals)) as unknown as Document, settings).parse();
}

function canonicalUrl(doc: Document, metas: Metas, url: string): string {
  let link: string | null = null;
  for (const el of doc.getElementsByTagName('link')) {
    if (/(?:^|\s)canonical(?:\s|$)/i.test(el.getAttribute('rel') ?? '')) {
      link = absolute(el.getAttribute('href'), url);
      break;
    }
  }
  const og = absolute(meta(metas, 'og:url'), url);
  const u = new URL(link ?? og ?? url);
  u.hash = '';
  return u.href;
}

/**
 * The clean article of `doc`, or null when the page holds none. `doc` is not modified:
 * everything runs on a clone.
 */
export function extract(
  doc: Document,
  url: string = doc.location?.href ?? doc.URL,
  options: ExtractOptions = {},
): Article | null {
  const phase = phaseClock(options.phases);
  const base = doc.baseURI || url;
  const parsed = parseCopy(doc, base, options, phase);
  const content = parsed?.content;
  phase('readability');
  if (!parsed || !content) return null;

  const metas = metasOf(doc);
  const canonical = canonicalUrl(doc, metas, url);
  phase('metadata');
  if (!options.raw) {
    // The rest of a story split across sibling blocks, before the rules clean it with the rest.
    const page = content.querySelector('#readability-page-1') ?? content;
    const first = page.firstChild;
    for (const { node, before } of runs(options, 'split-body') ? storyContinuations(doc, content) : []) {
      for (const img of node.getElementsByTagName('img')) resolveLazyImage(img, base);
      if (before) page.insertBefore(node, first);
      else page.append(node);
    }
    phase('split-body');
    removeClutter(
      content,
      CLUTTER_RULES,
      { title: parsed.title || '', byline: parsed.byline, urls: [url, canonical] },
      { empty: true, phases: options.phases, removals: options.removals },
    );
  }
  phase('clutter');
  // Found while class names are still there (the sanitizer drops them); read after it.
  const captionElements = options.without?.includes('captions') ? [] : figureCaptions(content, doc);
  phase('captions');
  absolutizeUrls(content, base);
  phase('urls');
  // Readability's result is ours (a detached tree of the copy): the sanitizer may take it apart.
  let holder = sanitizeElement(content);
  phase('sanitize');
  let text = toPlainText(holder);
  phase('text');
  let { body: bodyText, captions } = splitCaptions(captionElements, text);
  phase('captions-apart');
  // Part of a story split across blocks: the page's structured body when it is much longer.
  const fuller = runs(options, 'structured-body') ? fullerBody(doc, bodyText, content.ownerDocument) : null;
  if (fuller) {
    holder = fuller;
    text = bodyText = toPlainText(holder);
    captions = [];
  }
  phase('structured-body');
  // The lead paragraph under the headline, when the page prints it apart from the body.
  const lead = runs(options, 'standfirst')
    ? findStandfirst(doc, parsed.title || '', meta(metas, 'description', 'og:description', 'twitter:description'), text)
    : null;
  if (lead) {
    const p = holder.ownerDocument.createElement('p');
    p.textContent = lead;
    holder.prepend(p);
    text = `${lead}\n\n${text}`;
    bodyText = `${lead}\n\n${bodyText}`;
  }
  phase('standfirst');
  const contentHtml = holder.outerHTML;
  phase('serialize');
  if (text.replace(/\s+/g, '').length < MIN_ARTICLE_CHARS) return null;
  // A page that is not an article and whose "article" is a fifth links or more is a list page (the
  // pages the detector misses have text with a tenth links at most; portal fronts a quarter or more).
  if (runs(options, 'link-list') && linkDensity(holder) > 0.2 && !detect(doc).isArticle) return null;
  phase('decline');

  const lang =
    (
      parsed.lang ||
      doc.documentElement.getAttribute('lang') ||
      meta(metas, 'og:locale')?.replace('_', '-') ||
      languageFromScript(text) ||
      ''
    ).trim() || null;
  const declaredDir = (
    parsed.dir ||
    doc.documentElement.getAttribute('dir') ||
    doc.body?.getAttribute('dir') ||
    ''
  ).toLowerCase();
  const dir = declaredDir === 'rtl' || (!declaredDir && lang && RTL_LANGS.test(lang)) ? 'rtl' : 'ltr';
  const leadImage =
    absolute(meta(metas, 'og:image', 'twitter:image', 'og:image:url'), base) ??
    absolute(holder.querySelector('img[src]')?.getAttribute('src'), base);
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // about:blank and the like have no host.
  }

  const counts = countText(text);
  const publishedTime =
    parsed.publishedTime ||
    meta(metas, 'article:published_time', 'datePublished', 'pubdate', 'date') ||
    visibleDate(doc, counts.hangul > 0);
  phase('details');
  return {
    title: (parsed.title || meta(metas, 'og:title') || doc.title || host).trim(),
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || meta(metas, 'og:site_name', 'application-name') || host || null,
    publishedTime,
    lang,
    dir,
    excerpt: parsed.excerpt?.trim() || null,
    leadImage,
    url,
    canonicalUrl: canonical,
    contentHtml,
    text,
    bodyText,
    captions,
    wordCount: counts.words + counts.hangul + counts.hanKana,
    readingMinutes: minutesFor(counts),
  };
}
