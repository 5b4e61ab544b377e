// Cheap "is this an article?" check for the detector content script. It reads the DOM only:
// no changes, no requests, and nothing heavy (the detector bundle must stay under 10 KB).
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import type { Detection } from '@/lib/article/types';

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting)$/;

/** Whether a schema.org `@type` (or a list of them) is an article's. */
export function isArticleType(type: unknown): boolean {
  if (Array.isArray(type)) return type.some(isArticleType);
  return typeof type === 'string' && ARTICLE_TYPES.test(type.replace(/^https?:\/\/schema\.org\//, ''));
}

function hasArticleType(node: unknown, depth = 0): boolean {
  if (!node || typeof node !== 'object' || depth > 4) return false;
  if (Array.isArray(node)) return node.some((n) => hasArticleType(n, depth + 1));
  const obj = node as Record<string, unknown>;
  if (isArticleType(obj['@type'])) return true;
  return hasArticleType(obj['@graph'], depth + 1) || hasArticleType(obj['mainEntity'], depth + 1);
}

/** schema.org Article types in JSON-LD or microdata. */
export function hasStructuredArticle(doc: Document): boolean {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      if (hasArticleType(JSON.parse(script.textContent ?? ''))) return true;
    } catch {
      // Broken JSON-LD is common; it is simply not a signal.
    }
  }
  for (const el of doc.querySelectorAll('[itemtype]')) {
    if (isArticleType(el.getAttribute('itemtype')?.split(/\s+/).pop())) return true;
  }
  return false;
}

const WHITE_RUN = /\s+/g;

/**
 * Length of an element's text with runs of white space counted as one and the ends trimmed. The
 * browser's pattern engine does it: a loop over the characters in JavaScript, faster once compiled,
 * was the first extraction's costliest function (it runs cold there, on every paragraph of the page).
 */
export function textLength(el: Element | null): number {
  const text = el?.textContent;
  return text ? text.replace(WHITE_RUN, ' ').trim().length : 0;
}

/** Share of an element's text that is link text. */
export function linkDensity(el: Element | null): number {
  const total = textLength(el);
  if (!el || !total) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += textLength(a);
  return Math.min(1, linked / total);
}

/**
 * Characters of running prose: paragraph-like blocks of at least 80 characters whose text is
 * mostly not links. Menus, teaser lists and footers rarely have such blocks.
 */
function proseLength(doc: Document): { total: number; together: number } {
  let total = 0;
  // Prose per parent: a story's paragraphs sit side by side, a teaser list's each in its own box.
  const byParent = new Map<Element | null, number>();
  let together = 0;
  for (const el of doc.querySelectorAll('p, pre, blockquote, div, td, section, article')) {
    // Count only the element's own text nodes, so nested blocks are not counted twice.
    let own = 0;
    for (const child of el.childNodes) {
      if (child.nodeType === 3) own += child.textContent!.replace(/\s+/g, ' ').trim().length;
      else if (
        child.nodeType === 1 &&
        /^(?:B|STRONG|EM|I|SPAN|FONT|U|MARK|SUB|SUP|SMALL|Q|CITE|ABBR|TIME)$/.test((child as Element).tagName)
      )
        own += textLength(child as Element);
    }
    if (own >= 80) {
      total += own;
      const sum = (byParent.get(el.parentElement) ?? 0) + own;
      byParent.set(el.parentElement, sum);
      together = Math.max(together, sum);
    }
  }
  return { total, together };
}

const CJK_LANG = /^(?:ko|ja|zh)\b/i;
const CJK_CHAR = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

/** Declared Korean/Japanese/Chinese, or mostly CJK characters in the title and first paragraphs. */
function isCjkDocument(doc: Document): boolean {
  if (CJK_LANG.test(doc.documentElement.getAttribute('lang') ?? '')) return true;
  let sample = doc.title;
  for (const p of doc.querySelectorAll('p')) {
    if (sample.length > 600) break;
    sample += p.textContent ?? '';
  }
  const letters = sample.replace(/[\s\d\p{P}\p{S}]/gu, '').length;
  return letters > 0 && (sample.match(CJK_CHAR)?.length ?? 0) / letters > 0.5;
}

export function detect(doc: Document): Detection {
  const body = doc.body;
  const readerable = body ? isProbablyReaderable(doc) : false;
  // Readability's thresholds count characters as English letters; a Korean, Japanese or Chinese
  // paragraph says as much in about half as many, so its paragraphs are measured at half length.
  const cjk = !!body && isCjkDocument(doc);
  const readerableHere = readerable || (cjk && isProbablyReaderable(doc, { minContentLength: 70 }));
  const structured = hasStructuredArticle(doc);
  const ogType =
    doc.querySelector('meta[property="og:type"], meta[name="og:type"]')?.getAttribute('content')?.trim().toLowerCase() ?? '';
  const ogArticle = ogType === 'article' || ogType.startsWith('article.') || ogType === 'blog';
  let articleElementText = 0;
  let articleElementCount = 0;
  let secondLargest = 0;
  for (const el of doc.querySelectorAll('article')) {
    const len = textLength(el);
    if (len >= 200) articleElementCount++;
    if (el.parentElement?.closest('article')) continue;
    if (len > articleElementText) [articleElementText, secondLargest] = [len, articleElementText];
    else secondLargest = Math.max(secondLargest, len);
  }
  const prose = body ? proseLength(doc) : { total: 0, together: 0 };
  const proseText = prose.total;
  const density = linkDensity(body);

  // A page that lists many articles (a home or section page) is not one article, whatever its
  // metadata says: several substantial <article> teasers of similar size (a story whose comments
  // are <article>s too has one that dwarfs the rest), or a body that is mostly links and little
  // prose (a long story under a heavy menu is still a story; so is a page that declares itself an
  // article in both schema.org and Open Graph).
  // A page that Readability finds readable, that declares itself an article and holds a story's
  // worth of prose side by side (not one paragraph per teaser box) is a story whose related links,
  // comments or embeds are <article>s too.
  const declaredStory = readerableHere && (structured || ogArticle) && prose.together >= 1000;
  const teaserList =
    articleElementCount >= 4 && !(articleElementText >= 2000 && articleElementText >= 2 * secondLargest) && !declaredStory;
  const linkList = density > 0.55 && proseText < 3000 && !(structured && ogArticle);
  const listLike = teaserList || linkList;
  // Korean, Japanese and Chinese say as much in about half the characters.
  const enoughProse = proseText >= (cjk ? 250 : 500);
  const isArticle =
    !listLike &&
    ((readerableHere && (enoughProse || structured || ogArticle)) ||
      ((structured || ogArticle) && proseText >= 250) ||
      (articleElementCount === 1 && articleElementText >= 600 && enoughProse) ||
      // One <article> of a thousand characters on a readable page: a post whose paragraphs are short.
      (readerableHere && articleElementCount === 1 && articleElementText >= 1000 && proseText >= 250));

  return {
    isArticle,
    title: doc.title,
    readerable,
    structured,
    ogArticle,
    articleElementText,
    articleElementCount,
    proseText,
    linkDensity: density,
  };
}
