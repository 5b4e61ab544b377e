// The article pipeline of docs/DESIGN.md: clone → drop scripts and styles → Readability → clutter
// rules on its result → lazy images and absolute URLs → sanitize → metadata. The same function serves the reader, saving and
// the benchmark, in a page or in a test's DOM.
import { Readability } from '@mozilla/readability';
import { CLUTTER_RULES, removeClutter, removeEmpty } from './clutter';

// Kept here for callers that used them before they became clutter rules.
export { removeAdjacentRepeats, removeTitleRepeats } from './clutter';
import { detect, linkDensity } from './detect';
import { sanitizeInPlace } from './sanitize';
import { countText, languageFromScript, minutesFor, toPlainText } from './text';
import type { Article } from './types';

export interface ExtractOptions {
  /** Skip our clutter rules (the benchmark's "raw Readability" baseline shares everything else). */
  raw?: boolean;
}

/** Below this much text the result is not an article the reader should show. */
export const MIN_ARTICLE_CHARS = 140;

const RTL_LANGS = /^(?:ar|he|iw|fa|ur|ps|yi|dv|sd|ug|ku-arab|ckb)(?:-|$)/i;
const LAZY_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-url', 'data-lazy', 'data-echo', 'data-actualsrc'];

function meta(doc: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = el?.getAttribute('content')?.trim();
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

/** Images that load their real source from a data attribute when scrolled into view. */
export function resolveLazyImages(root: Element | Document, base: string): void {
  for (const img of root.querySelectorAll('img')) {
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
}

/** Every link and media source made absolute against the page URL; other schemes dropped. */
export function absolutizeUrls(root: Element, base: string): void {
  for (const el of root.querySelectorAll('[href], [src], [poster]')) {
    for (const attr of ['href', 'src', 'poster']) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      if (attr === 'href' && value.startsWith('#')) continue;
      const abs = absolute(value, base);
      if (abs) el.setAttribute(attr, abs);
      else el.removeAttribute(attr);
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

/** "기사입력 : 2025년02월04일 16:20" and the like, when a page has no machine-readable date. */
function visibleDate(doc: Document): string | null {
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  if (time && !Number.isNaN(Date.parse(time))) return new Date(time).toISOString();
  const text = doc.body?.textContent?.slice(0, 20000) ?? '';
  const m = /(?:입력|기사입력|등록|송고|게재)\s*(?:일시|시간)?\s*[:：]?\s*(\d{4})\s*[.\-년/]\s*(\d{1,2})\s*[.\-월/]\s*(\d{1,2})\s*일?\s*(?:(\d{1,2}):(\d{2}))?/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0'] = m;
  // Korean portals print Korea Standard Time (UTC+9).
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:00+09:00`;
  return Number.isNaN(Date.parse(iso)) ? null : new Date(iso).toISOString();
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

/** Classes that hide an element from sight (print copies, screen-reader text). */
const HIDDEN_CLASSES = '[class~="hide"], [class~="hidden"], [class~="blind"], [class~="sr-only"], [class~="screen_out"], [class~="visually-hidden"]';

/**
 * Print copies and other hidden duplicates: an element hidden by its class whose long text also
 * appears elsewhere on the page (a portal's "print area" repeats the whole story). Readability
 * cannot see classes as styles, so it would keep both. An element whose text is nowhere else stays.
 */
export function removeHiddenCopies(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  let pageText: string | null = null;
  let removed = 0;
  for (const el of body.querySelectorAll(HIDDEN_CLASSES)) {
    if (!el.isConnected || /:/.test(el.getAttribute('class') ?? '')) continue; // "hidden md:block" shows on wide screens
    const text = squash(el.textContent);
    if (text.length < 200) continue;
    pageText ??= squash(body.textContent);
    const middle = Math.floor(text.length / 2);
    const probe = text.slice(middle - 40, middle + 40);
    // Found more often on the page than inside the element itself: a copy.
    if (occurrences(pageText, probe) > occurrences(text, probe)) {
      el.remove();
      pageText = squash(body.textContent);
      removed++;
    }
  }
  return removed;
}

function canonicalUrl(doc: Document, url: string): string {
  const link = absolute(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), url);
  const og = absolute(meta(doc, 'og:url'), url);
  const u = new URL(link ?? og ?? url);
  u.hash = '';
  return u.href;
}

/**
 * The clean article of `doc`, or null when the page holds none. `doc` is not modified:
 * everything runs on a clone.
 */
export function extract(doc: Document, url: string = doc.location?.href ?? doc.URL, options: ExtractOptions = {}): Article | null {
  const clone = doc.cloneNode(true) as Document;
  const base = doc.baseURI || url;
  if (clone.body) {
    resolveLazyImages(clone, base);
    if (!options.raw) {
      // Scripts, styles and templates are not text, and Readability is faster without them. JSON-LD
      // stays: Readability reads its metadata. The clutter rules run once, on Readability's result
      // rather than on the whole page: measured on the three corpora, cleaning the page first did not
      // help Readability choose (zyte-dev F1 0.948 with it, 0.955 without; the Korean pages alike) and
      // cost more than Readability itself.
      for (const el of clone.querySelectorAll('script:not([type="application/ld+json"]), style, template')) el.remove();
      removeHiddenCopies(clone);
    }
  }
  // keepClasses: the clutter rules read class names (the sanitizer drops them afterwards).
  const parsed = new Readability(clone, { keepClasses: !options.raw, serializer: (el: Node) => el as Element }).parse();
  const content = parsed?.content;
  if (!parsed || !content) return null;

  if (!options.raw) {
    removeClutter(content, CLUTTER_RULES, { title: parsed.title || '', byline: parsed.byline, urls: [url, canonicalUrl(doc, url)] });
    removeEmpty(content);
  }
  absolutizeUrls(content, base);
  // Readability's result is ours (a detached tree of the clone): sanitized where it lies.
  const holder = sanitizeInPlace(content);
  const contentHtml = holder.outerHTML;
  const text = toPlainText(holder);
  if (text.replace(/\s+/g, '').length < MIN_ARTICLE_CHARS) return null;
  // A page that is not an article and whose "article" is a fifth links or more is a list page (the
  // pages the detector misses have text with a tenth links at most; portal fronts a quarter or more).
  if (!options.raw && linkDensity(holder) > 0.2 && !detect(doc).isArticle) return null;

  const lang = (parsed.lang || doc.documentElement.getAttribute('lang') || meta(doc, 'og:locale')?.replace('_', '-') || languageFromScript(text) || '').trim() || null;
  const declaredDir = (parsed.dir || doc.documentElement.getAttribute('dir') || doc.body?.getAttribute('dir') || '').toLowerCase();
  const dir = declaredDir === 'rtl' || (!declaredDir && lang && RTL_LANGS.test(lang)) ? 'rtl' : 'ltr';
  const leadImage = absolute(meta(doc, 'og:image', 'twitter:image', 'og:image:url'), base) ?? absolute(holder.querySelector('img[src]')?.getAttribute('src'), base);
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // about:blank and the like have no host.
  }

  const counts = countText(text);
  return {
    title: (parsed.title || meta(doc, 'og:title') || doc.title || host).trim(),
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || meta(doc, 'og:site_name', 'application-name') || host || null,
    publishedTime: parsed.publishedTime || meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'date') || visibleDate(doc),
    lang,
    dir,
    excerpt: parsed.excerpt?.trim() || null,
    leadImage,
    url,
    canonicalUrl: canonicalUrl(doc, url),
    contentHtml,
    text,
    wordCount: counts.words + counts.hangul + counts.hanKana,
    readingMinutes: minutesFor(counts),
  };
}
