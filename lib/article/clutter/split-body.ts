// A story split across sibling blocks. Many pages print an article as a row of blocks side by
// side (one per paragraph group, a box between them for an ad, a picture or a "read also" link),
// and Readability keeps the one block it scored best: the rest of the story is lost (recall 0.16 to
// 0.59 on such pages). Like Defuddle, which keeps the whole container and then removes what is not
// the story, this finds the block Readability took in the page, climbs to the level where the
// page's other prose sits beside it, and brings back the sibling blocks that continue the story:
// prose paragraphs, few links, not named as a box of something else, not another story's headline.
// Boxes between them (an ad, a teaser, a picture) are stepped over; a large block of something
// else (a comment section, a list of other stories, a second article) ends the story. Blocks the
// page hides stay hidden: a paywall's hidden text is never revealed.
import { classKeys } from '@/lib/article/clutter/text-memo';
import { NOT_STORY_BOX_WORDS, SUBSCRIPTION_WORDS } from '@/lib/article/clutter/data';
import { textLength } from '@/lib/article/detect';
import { squash } from '@/lib/article/text';

/** A paragraph counts as the story's prose from this many characters. */
const MIN_PARAGRAPH = 60;
/** How many levels above the block Readability took are looked at for the story's other blocks. */
const MAX_LEVELS = 6;
/** A sibling that is not the story and has at least this much text ends the story. */
const HEAVY = 300;
/** Links may be this share of a continuing block's text at most (a sentence with a few links). */
const MAX_LINK_SHARE = 0.25;
/** A continuing block is mostly paragraphs: their text is at least this share of its text. */
const MIN_PROSE_SHARE = 0.5;

/** Boundaries the search never looks past: the story's own frame, and the page. */
const FRAME = /^(?:ARTICLE|MAIN|BODY|HTML)$/;
/** Blocks that are never the story's continuation, whatever they hold. */
const NOT_STORY_TAGS = /^(?:ASIDE|NAV|FOOTER|HEADER|FORM|DIALOG|SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/;
/** Classes that hide a block from sight (as extract.ts's print copies). */
const HIDDEN_CLASS_WORDS = new Set(['hide', 'hidden', 'blind', 'invisible']);

/** A subscription offer is short: a longer block that names subscriptions may be a story about them. */
const OFFER_MAX = 1000;

/** The words of an element's class (not the pairs `classKeys` also gives). */
const classWords = (el: Element) => classKeys(el.getAttribute('class') ?? '').filter((k) => !k.includes(' '));

/**
 * Whether `a` and `b` are blocks of one kind, as a page repeats them for the parts of one story:
 * the same element, and at least half of their class words in common (neither with a class counts
 * too). A grid's shared "col" alone does not make a claim box a part of the story.
 */
function sameKind(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName) return false;
  const wordsA = new Set(classWords(a));
  const wordsB = new Set(classWords(b));
  const union = new Set([...wordsA, ...wordsB]).size;
  if (!union) return true;
  let common = 0;
  for (const w of wordsA) if (wordsB.has(w)) common++;
  return common * 2 >= union;
}

/** Whether the page hides `el` (attribute, ARIA, inline style or a class that says so). */
function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style') ?? '';
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return classKeys(el.getAttribute('class') ?? '').some((k) => HIDDEN_CLASS_WORDS.has(k));
}

/** Characters of `el`'s text outside scripts, styles and templates (JSON can hold the whole page), white space squashed. */
function shownLength(el: Element): number {
  let n = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!/^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(t.parentElement?.tagName ?? '')) n += squash((t as Text).data).length;
  }
  return n;
}

/** A text without white space: where a line break falls does not change it. */
const bare = (text: string | null) => (text ?? '').replace(/\s+/g, '');

/** Paragraph lengths of the page's prose paragraphs (by element), read once. */
type Prose = Map<Element, number>;

function proseOf(el: Element, prose: Prose): number {
  let n = prose.get(el) ?? 0;
  for (const p of el.getElementsByTagName('p')) n += prose.get(p) ?? 0;
  return n;
}

/** The deepest element that holds every one of `nodes`. */
function commonAncestor(nodes: Element[]): Element | null {
  let common: Element | null = nodes[0] ?? null;
  for (const n of nodes.slice(1)) {
    while (common && !common.contains(n)) common = common.parentElement;
  }
  return common;
}

/** Why a sibling is not the story's continuation, or null when it is one. */
function notStory(el: Element, block: Element, prose: Prose): string | null {
  if (!sameKind(el, block)) return 'not a block of the same kind';
  if (NOT_STORY_TAGS.test(el.tagName)) return `a <${el.tagName.toLowerCase()}>`;
  if (el.tagName === 'ARTICLE' || el.querySelector('h1')) return 'another story (its own headline)';
  // Teaser cards of other stories (each an <article>) may sit inside a block of the story; a block
  // that is mostly such cards is a list of other stories.
  const length = shownLength(el);
  let cards = 0;
  for (const card of el.getElementsByTagName('article')) if (!card.parentElement?.closest('article')) cards += shownLength(card);
  if (cards * 2 > length) return 'other stories (<article> cards)';
  const named = classKeys(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`).find((k) =>
    NOT_STORY_BOX_WORDS.has(k),
  );
  if (named) return `named "${named}"`;
  const own = proseOf(el, prose);
  if (own < MIN_PARAGRAPH) return 'no paragraph of prose';
  if (own < MIN_PROSE_SHARE * length) return 'mostly not paragraphs';
  if (length < OFFER_MAX && SUBSCRIPTION_WORDS.test(el.textContent ?? '')) return 'a subscription offer';
  // Links outside the cards: a card is all links, and the rules remove it with the others.
  let linked = 0;
  for (const a of el.getElementsByTagName('a')) {
    const card = a.closest('article');
    if (!card || !el.contains(card)) linked += shownLength(a);
  }
  if (linked > MAX_LINK_SHARE * (length - cards)) return 'mostly links';
  return null;
}

/** One block brought back: where it goes and what it is. */
export interface Continuation {
  /** A copy of the page's block, made in the article's document. */
  node: Element;
  /** Before the block Readability took, or after it. */
  before: boolean;
}

/**
 * The sibling blocks of `doc` that continue the story Readability found (`content`, its result),
 * copied into `content`'s document, in page order; none when the article is not split. The page
 * is only read.
 */
export function storyContinuations(doc: Document, content: Element): Continuation[] {
  const found = new Set<string>();
  let foundLength = 0;
  for (const p of content.getElementsByTagName('p')) {
    const text = squash(p.textContent);
    if (text.length >= MIN_PARAGRAPH) {
      found.add(text);
      foundLength += text.length;
    }
  }
  if (!found.size) return [];
  // The page's prose paragraphs; a page with little more prose than what was found is not split.
  const prose: Prose = new Map();
  const matched: Element[] = [];
  let pageLength = 0;
  for (const p of doc.getElementsByTagName('p')) {
    const length = textLength(p);
    if (length < MIN_PARAGRAPH) continue;
    prose.set(p, length);
    pageLength += length;
    if (found.has(squash(p.textContent))) matched.push(p);
  }
  if (pageLength < foundLength + MIN_PARAGRAPH * 2 || matched.length * 2 < found.size) return [];
  // The block Readability took, then up to the level where other prose sits beside it.
  let block = commonAncestor(matched);
  for (let level = 0; block && level < MAX_LEVELS; level++) {
    // Readability took the story's whole frame: what is beside it is not the story.
    if (FRAME.test(block.tagName)) return [];
    const parent: Element | null = block.parentElement;
    if (!parent || proseOf(parent, prose) >= proseOf(block, prose) + MIN_PARAGRAPH) break;
    block = parent;
  }
  if (!block || FRAME.test(block.tagName)) return [];
  const out: Continuation[] = [];
  const inert = content.ownerDocument;
  let contentText: string | undefined;
  const walk = (step: (el: Element) => Element | null, before: boolean) => {
    const taken: Element[] = [];
    for (let s = step(block!); s; s = step(s)) {
      if (hidden(s)) continue;
      const why = notStory(s, block!, prose);
      if (why) {
        if (shownLength(s) >= HEAVY) break;
        continue;
      }
      // Already in what Readability found (it keeps some siblings itself, and may have cut their
      // paragraphs anew at line breaks): stepped over.
      const paragraphs = [...s.getElementsByTagName('p')].filter((p) => prose.has(p));
      if (paragraphs.filter((p) => found.has(squash(p.textContent))).length * 2 >= paragraphs.length) continue;
      contentText ??= bare(content.textContent);
      if (paragraphs.every((p) => contentText!.includes(bare(p.textContent)))) continue;
      taken.push(s);
    }
    if (before) taken.reverse();
    for (const s of taken) {
      const copy = inert.importNode(s, true) as Element;
      for (const h of [...copy.querySelectorAll('*')]) if (copy.contains(h) && hidden(h)) h.remove();
      out.push({ node: copy, before });
    }
  };
  walk((el) => el.previousElementSibling, true);
  walk((el) => el.nextElementSibling, false);
  return out;
}
