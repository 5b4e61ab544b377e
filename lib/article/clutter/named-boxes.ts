// Family "named-boxes": boxes the page itself names as clutter by the words of their class or id
// ("newsletter", "byline", "breadcrumb", "sr-only"), removed while they are short and hold no
// paragraph of prose. The mechanism (`removeNamedBoxes`) also serves the author bios (credits.ts).
import { BOX_NAMES } from '@/lib/article/clutter/data';
import type { ClutterFamily, ClutterRule, ClutterRun } from '@/lib/article/clutter/engine';
import { holdsProse, INLINE, linkShare, removable, standsAlone } from '@/lib/article/clutter/node-tests';
import { classKeys } from '@/lib/article/clutter/text-memo';
import { looksLikeProse } from '@/lib/article/clutter/text-tests';

export interface NamedBoxOptions {
  /** Longest text such a box may hold. */
  maxLen: number;
  /** Least share of the text inside links (menus, tag lists): 0 = any. */
  minLinkShare?: number;
  /** Class-name pairs that also count ("about author", "read more"). */
  pairs?: string[];
  /** Extra check on the box. */
  also?: (el: Element, run: ClutterRun) => boolean;
}

/** The words of a box's class or id that named it (for the removal record). */
function namedBy(el: Element, words: Set<string>, pairs: string[] = []): string {
  const wanted = new Set([...words, ...pairs, ...pairs.map((p) => p.replaceAll(' ', ''))]);
  const key = classKeys(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`).find((k) => wanted.has(k));
  return `class or id says "${key ?? '?'}"`;
}

const wordSet = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/**
 * Boxes the page itself names as clutter (class or id words such as "newsletter", "byline",
 * "breadcrumb"): removed when they are short, hold no paragraph of prose and are not the article's
 * frame. Readability drops such names only when they do not also say "article", "body" or
 * "content" ("article-body__newsletter" survives it), and never inside the block it chose.
 */
export function removeNamedBoxes(run: ClutterRun, root: Element, words: Set<string>, o: NamedBoxOptions): number {
  const memo = run.memo;
  let removed = 0;
  for (const el of memo.elementsNamed(root, words, o.pairs)) {
    if (!removable(el, root) || el.querySelector('[itemprop="articleBody"]')) continue;
    // A link or a word inside a sentence is the sentence's, whatever its class says; a code
    // highlighter's "comment" is code.
    if ((INLINE.test(el.tagName) && !standsAlone(el, memo)) || el.closest('pre, code')) continue;
    const len = memo.length(el);
    if (len > o.maxLen) continue;
    if (len && holdsProse(el, 200)) continue;
    if (o.minLinkShare && len > 40 && linkShare(el, memo) < o.minLinkShare) continue;
    if (o.also && !o.also(el, run)) continue;
    run.drop(el, () => namedBy(el, words, o.pairs));
    removed++;
  }
  return removed;
}

function namedBoxRule(
  id: string,
  family: ClutterFamily,
  why: string,
  names: { words: string; pairs?: string[] },
  o: Omit<NamedBoxOptions, 'pairs'>,
): ClutterRule {
  const set = wordSet(names.words);
  const options = { ...o, pairs: names.pairs };
  return { id, family, why, apply: (root, run) => removeNamedBoxes(run, root, set, options) };
}

const NAV_WORDS = wordSet(BOX_NAMES.nav.words);

/** Navigation inside the article: `<nav>`, menu roles and boxes named so, when mostly links. */
function removeNavigation(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = 0;
  const named = memo.elementsNamed(root, NAV_WORDS);
  const tagged = Array.from(root.querySelectorAll('nav, [role="navigation"], [role="menu"], [role="menubar"]'));
  for (const el of [...new Set([...tagged, ...named])]) {
    if (!removable(el, root)) continue;
    const len = memo.length(el);
    if (len > 2000 || (len > 60 && linkShare(el, memo) < 0.5) || (len && holdsProse(el, 200))) continue;
    run.drop(el, () =>
      tagged.includes(el)
        ? `<${el.tagName.toLowerCase()}${el.getAttribute('role') ? ` role="${el.getAttribute('role')}"` : ''}>, mostly links`
        : `${namedBy(el, NAV_WORDS)}, mostly links`,
    );
    removed++;
  }
  return removed;
}

const SCREEN_READER_WORDS = wordSet(BOX_NAMES.screenReader.words);

/**
 * Text for screen readers only, hidden from sight by a class that says so: "Image caption" and
 * "Image copyright" before a caption, "Share on Facebook" inside an icon, "기사 본문". The reader
 * shows what the page shows, so these go even inside a line. Only short ones (60 characters): a
 * long block hidden by a class may be one the page shows by script.
 */
function removeScreenReaderText(run: ClutterRun, root: Element): number {
  let removed = 0;
  for (const el of run.memo.elementsNamed(root, SCREEN_READER_WORDS, BOX_NAMES.screenReader.pairs)) {
    if (
      !removable(el, root) ||
      run.memo.shortText(el, 60) === null ||
      el.querySelector('img, picture, video, audio, iframe, table')
    )
      continue;
    run.drop(el, () => `hidden for screen readers: ${namedBy(el, SCREEN_READER_WORDS, BOX_NAMES.screenReader.pairs)}`);
    removed++;
  }
  return removed;
}

export const navigation: ClutterRule = {
  id: 'navigation',
  family: 'named-boxes',
  why: 'Menus and breadcrumbs inside the chosen block (<nav>, menu roles, boxes named nav/menu/breadcrumb) while they are mostly links and hold no paragraph.',
  apply: (root, run) => removeNavigation(run, root),
};

export const newsletterBox = namedBoxRule(
  'newsletter-box',
  'named-boxes',
  'Boxes the page names newsletter/signup/subscribe/paywall, when short and without a paragraph of prose.',
  BOX_NAMES.newsletter,
  { maxLen: 600 },
);

export const bylineBox = namedBoxRule(
  'byline-box',
  'named-boxes',
  'Byline, author and date boxes the page names so (byline, author, dateline, timestamp, meta): the reader shows author and date above the article.',
  BOX_NAMES.byline,
  { maxLen: 200, also: (el, run) => !looksLikeProse(run.memo.text(el)) },
);

export const adBox = namedBoxRule(
  'ad-box',
  'named-boxes',
  'Ad slots and sponsored boxes named so (ad, advert, sponsor, promo, outbrain, taboola): short, no paragraph.',
  BOX_NAMES.ad,
  { maxLen: 300 },
);

export const relatedBox = namedBoxRule(
  'related-box',
  'named-boxes',
  'Boxes of other stories named related/recommended/trending/more stories, when a good part of their text is links.',
  BOX_NAMES.related,
  { maxLen: 3000, minLinkShare: 0.3 },
);

export const commentBox = namedBoxRule(
  'comment-box',
  'named-boxes',
  "Comment counts and prompts named comments/disqus (long comment threads are Readability's to drop).",
  BOX_NAMES.comment,
  {
    maxLen: 300,
  },
);

export const cookieBox = namedBoxRule(
  'cookie-box',
  'named-boxes',
  'Cookie and consent notices named cookie/consent/gdpr.',
  BOX_NAMES.cookie,
  { maxLen: 1000 },
);

export const tagList = namedBoxRule(
  'tag-list',
  'named-boxes',
  'Tag and topic lists named tags/topics/keywords: mostly links, short.',
  BOX_NAMES.tags,
  { maxLen: 400, minLinkShare: 0.5 },
);

export const carouselBox = namedBoxRule(
  'carousel-box',
  'named-boxes',
  'Carousels and rails of other stories (boxes named carousel, swiper, slider, rail) while most of their text is links and they hold no paragraph.',
  BOX_NAMES.carousel,
  { maxLen: 2000, minLinkShare: 0.4 },
);

export const screenReaderText: ClutterRule = {
  id: 'screen-reader-text',
  family: 'named-boxes',
  why: 'Short text for screen readers only ("Image caption", "Image copyright", "Share on Facebook"), hidden by a class that says so (sr-only, visually-hidden, off-screen, blind): the page does not show it.',
  apply: (root, run) => removeScreenReaderText(run, root),
};
