// Family "related": other stories inside the article, found by the share of their text in links
// and by the labels above them: "related / best / popular" lists, "READ MORE:" promotions, and the
// headline lists and one-link paragraphs after the story's last paragraph.
import { OWN_LIST_LABEL, PROMO_PREFIX, RELATED_LABEL } from '@/lib/article/clutter/data';
import { clip, type ClutterRule, type ClutterRun } from '@/lib/article/clutter/engine';
import { holdsProse, linkShare, removable, standsAlone } from '@/lib/article/clutter/node-tests';
import type { TextMemo } from '@/lib/article/clutter/text-memo';
import { cached, looksLikeProse, wordsOf } from '@/lib/article/clutter/text-tests';

/** A sibling that reads like an entry of a headline list: short, or mostly a link. */
function headlineLike(node: Node, memo: TextMemo): boolean {
  if (!memo.length(node)) return true;
  if (node.nodeType !== 1) {
    const text = memo.shortText(node, 120);
    return !!text && !looksLikeProse(text);
  }
  const el = node as Element;
  if (el.tagName === 'BR' || el.tagName === 'HR') return true;
  if (linkShare(el, memo) >= 0.5) return true;
  // A heading that is not a link opens the article's next section.
  if (/^H[1-6]$/.test(el.tagName)) return false;
  // A list right after the label, each item a link with a few words around it.
  if ((el.tagName === 'UL' || el.tagName === 'OL') && el.children.length >= 2) {
    return Array.from(el.children).every(
      (li) => li.querySelector('a') && memo.length(li) <= 160 && !li.querySelector('p, ul, ol, table'),
    );
  }
  const text = memo.shortText(el, 120);
  return !!text && !looksLikeProse(text) && !el.querySelector('p, h1, h2, h3, h4, blockquote, figure, table');
}

/**
 * "Related / best / popular articles": a short label that names such a list, with the list.
 * Removes the label's container while the container is mostly links (a list of headlines) or
 * nothing but the label. When the label sits in running content (portals paste
 * "[… 베스트 기사]" and a few headlines after the story), the label goes with the headline-like
 * siblings that follow it, up to the first sibling that reads like prose.
 */
function removeRelatedLists(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = 0;
  const isLabel = cached((text) => RELATED_LABEL.test(text));
  for (const label of memo.elementsWith(root, 40, isLabel)) {
    const text = memo.text(label);
    if (!removable(label, root)) continue;
    let box: Element = label;
    while (box.parentElement && removable(box.parentElement, root)) {
      const parent = box.parentElement;
      const rest = memo.length(parent) - text.length;
      if (rest > 0 && (linkShare(parent, memo) < 0.5 || holdsProse(parent))) break;
      box = parent;
    }
    if (box !== label || memo.length(box.parentElement ?? box) === text.length) {
      run.drop(box, () =>
        box === label
          ? `the label «${clip(text, 40)}» alone in its box`
          : `the list under the label «${clip(text, 40)}», mostly links`,
      );
      removed++;
      continue;
    }
    let next = label.nextSibling;
    run.drop(label, 'a label that names a list of other stories');
    removed++;
    while (next && headlineLike(next, memo)) {
      const after = next.nextSibling;
      run.drop(next, () => `a headline after the label «${clip(text, 40)}»`);
      removed++;
      next = after;
    }
  }
  return removed;
}

const PROMO_BLOCK = /^(?:P|LI|H[2-6]|DIV|ASIDE|SECTION)$/;

/**
 * A promotion of another story inside the article: a line that opens with a "read more" prefix and
 * whose rest is a link or a headline (not a sentence of the story), an all-capitals line that is
 * one link ("'DANCING WITH THE STARS' … OPENS UP"), or a short all-capitals "click here" line.
 */
function isPromoLine(el: Element, memo: TextMemo): boolean {
  const text = memo.text(el);
  if (!text || text.length > 220) return false;
  const m = PROMO_PREFIX.exec(text);
  if (m && m[0].length < text.length) {
    const rest = text.slice(m[0].length);
    if (linkShare(el, memo) >= 0.5 || (!looksLikeProse(rest) && rest.length <= 160)) return true;
  }
  if (labelledLink(el, text, memo)) return true;
  // All capitals: no more than a fifth of the letters in lower case (cheap test first).
  if (/[a-z]{4}/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  const shouting = letters.length >= 12 && upper / letters.length > 0.8;
  if (shouting && wordsOf(text) >= 3 && linkShare(el, memo) >= 0.9) return true;
  return shouting && /\bclick(?:ing)?\s+here\b/i.test(text);
}

/** A label of a few words and a separator before a link: "LEIA TAMBÉM |", "Lees ook:". */
const LINK_LABEL = /^(\S.{0,39}?)\s*[|:：»>]$/u;
/** Where a line may hold a label before a link (a cheap test on the text index). */
const LABEL_SEPARATOR = /[|:：»>]/;

/**
 * A line that is a short label, a separator and one link to another story, the link the whole rest
 * of the line: "<strong>LEIA TAMBÉM |</strong> <a>headline</a>", "Lees ook: <a>…</a>",
 * whatever the label's language. The link reads as a headline (three words or more, not a
 * sentence); labels that name the article's own material ("Sources:", "Quelle:") are not promotions.
 */
function labelledLink(el: Element, text: string, memo: TextMemo): boolean {
  const links = el.getElementsByTagName('a');
  if (links.length !== 1) return false;
  const headline = memo.text(links[0]!);
  if (!headline || !text.endsWith(headline) || wordsOf(headline) < 3 || looksLikeProse(headline)) return false;
  const label = LINK_LABEL.exec(text.slice(0, text.length - headline.length).trim());
  return !!label && wordsOf(label[1]!) <= 6 && !OWN_LIST_LABEL.test(label[1]!);
}

/** Promotions of other stories: lines (paragraphs, list items, small boxes) that `isPromoLine` names. */
function removePromoLines(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = 0;
  // Through the text index: only blocks whose text could be a promotion are looked at.
  const candidate = (text: string) => PROMO_PREFIX.test(text) || !/[a-z]{4}/.test(text) || LABEL_SEPARATOR.test(text);
  for (const el of memo.elementsWith(root, 220, candidate)) {
    if (!PROMO_BLOCK.test(el.tagName) || !removable(el, root) || el.querySelector('p, li, div, h2, h3, h4, img, figure, table'))
      continue;
    if (!isPromoLine(el, memo) || !standsAlone(el, memo)) continue;
    run.drop(el, () =>
      PROMO_PREFIX.test(memo.text(el)) ? 'a "read more" prefix and a headline' : 'an all-capitals link or "click here" line',
    );
    removed++;
  }
  return removed;
}

/** A block that is a headline of another story: mostly one link, a few words, not a sentence. */
function headlineBlock(el: Element, memo: TextMemo): boolean {
  const text = memo.shortText(el, 160);
  if (!text || text.length < 15 || /[.!?]["'”’]?$/.test(text)) return false;
  return linkShare(el, memo) >= 0.9 && el.querySelectorAll('a').length <= 2;
}

/**
 * Lists of other stories after the story's last paragraph: a list whose items are headlines (most
 * of its text links, several words an item), or a run of two or more paragraphs that are each one
 * headline link, with the short label above them ("More Great … Stories"). A list under a heading
 * that names the article's own material (sources, references, see also, external links) stays, and
 * so does everything before the last paragraph of prose.
 */
function removeTrailingLinkLists(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  const blocks = root.querySelectorAll('p, blockquote, pre, dd');
  let last: Element | null = null;
  for (let i = blocks.length - 1; i >= 0 && !last; i--) {
    const el = blocks[i]!;
    const len = memo.length(el);
    if (len >= 120 && root.contains(el) && len * (1 - linkShare(el, memo)) >= 120) last = el;
  }
  if (!last) return 0;
  const after = (el: Element) => !!(last!.compareDocumentPosition(el) & 4 /* FOLLOWING */) && !el.contains(last!);
  const labelOf = (el: Element): Element | null => {
    for (let box: Element | null = el; box && box !== root; box = box.parentElement) {
      const prev = box.previousElementSibling;
      if (prev) return memo.length(prev) <= 60 ? prev : null;
    }
    return null;
  };
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  // Under a heading that names the article's own material (the nearest heading before it).
  const ownSection = (label: Element | null, el: Element) => {
    if (label && OWN_LIST_LABEL.test(memo.text(label))) return true;
    let heading: Element | null = null;
    for (const h of headings) if (h.compareDocumentPosition(el) & 4 /* el FOLLOWS h */) heading = h;
    // …in the heading's own section: the heading's parent holds the list too.
    return !!heading && !!heading.parentElement?.contains(el) && OWN_LIST_LABEL.test(memo.text(heading));
  };
  const dropWithLabel = (el: Element, label: Element | null, what: string) => {
    run.drop(el, what);
    let n = 1;
    if (
      label &&
      root.contains(label) &&
      removable(label, root) &&
      after(label) &&
      !looksLikeProse(memo.text(label)) &&
      !label.querySelector('img, figure, table')
    ) {
      run.drop(label, 'the label above it');
      n++;
    }
    return n;
  };
  let removed = 0;
  for (const list of root.querySelectorAll('ul, ol')) {
    if (!root.contains(list) || !after(list) || !removable(list, root)) continue;
    const items = Array.from(list.children).filter((c) => c.tagName === 'LI' && memo.length(c));
    if (items.length < 2 || linkShare(list, memo) < 0.6) continue;
    if (items.some((li) => li.querySelector('p, ul, ol, table'))) continue;
    const words = items.reduce((sum, li) => sum + wordsOf(memo.text(li)), 0) / items.length;
    if (words < 4) continue;
    const label = labelOf(list);
    if (ownSection(label, list)) continue;
    removed += dropWithLabel(list, label, 'a list of headlines after the last paragraph');
  }
  // Runs of headline paragraphs.
  const headlines: Element[] = [];
  const flush = () => {
    if (headlines.length >= 2) {
      const label = labelOf(headlines[0]!);
      if (!ownSection(label, headlines[0]!)) {
        for (const el of headlines.slice(1)) {
          if (!root.contains(el)) continue;
          run.drop(el, 'one of a run of headline links after the last paragraph');
          removed++;
        }
        removed += dropWithLabel(headlines[0]!, label, 'one of a run of headline links after the last paragraph');
      }
    }
    headlines.length = 0;
  };
  for (const el of root.querySelectorAll('p, h3, h4, div')) {
    if (!root.contains(el) || !after(el) || el.querySelector('p, div, h3, h4, ul, ol, img, figure')) continue;
    if (!headlineBlock(el, memo) || !removable(el, root)) {
      flush();
      continue;
    }
    if (headlines.length && headlines[headlines.length - 1]!.nextElementSibling !== el) flush();
    headlines.push(el);
  }
  flush();
  return removed;
}

export const relatedLists: ClutterRule = {
  id: 'related-lists',
  family: 'related',
  why: 'Lists of other stories (best/popular/related) and the headlines portals paste after their label.',
  apply: (root, run) => removeRelatedLists(run, root),
};

export const promoLine: ClutterRule = {
  id: 'promo-line',
  family: 'related',
  why: 'Promotions of other stories inside the article ("READ MORE: …", "Also on …", a short label and a separator before one headline link, an all-capitals line that is one link, "CLICK HERE TO GET THE APP").',
  apply: (root, run) => removePromoLines(run, root),
};

export const trailingLinks: ClutterRule = {
  id: 'trailing-links',
  family: 'related',
  why: 'Lists of other stories after the last paragraph (headline lists and runs of one-link paragraphs, with their label); lists under "Sources", "References", "See also" stay.',
  apply: (root, run) => removeTrailingLinkLists(run, root),
};
