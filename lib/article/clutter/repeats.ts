// Family "repeats": text the reader would show twice: a line that is only the page's address or
// the article's title (both shown above the article), a caption said again later, and a short line
// printed twice in a row. The first copy, or the reader's own header, stays.
import { CAPTION_BOX_WORDS } from '@/lib/article/clutter/data';
import { ClutterRun, type ClutterRule } from '@/lib/article/clutter/engine';
import { removable, standsAlone } from '@/lib/article/clutter/node-tests';
import { removeShortMatches } from '@/lib/article/clutter/short-lines';
import { squash } from '@/lib/article/text';

/** A line that is only the page's own address (a print header repeats it above the story). */
function removeUrlLines(run: ClutterRun, root: Element): number {
  const urls = new Set((run.context.urls ?? []).flatMap((u) => [u, u.replace(/[?#].*$/, ''), u.replace(/\/$/, '')]));
  if (!urls.size) return 0;
  const longest = Math.max(...Array.from(urls, (u) => u.length)) + 1;
  return removeShortMatches(run, root, (text) => urls.has(text) || urls.has(text.replace(/\/$/, '')), longest, { prose: true });
}

const MEDIA = 'img, picture, video, iframe, table, svg';

/**
 * Lines in the article that only repeat its title (the reader shows the title above it). Headings
 * are Readability's to judge (it drops a heading that duplicates the title, and keeps one that
 * opens the story's own sections); a paragraph, caption or label with the title's exact words goes
 * when it is a line of its own (the title's words in bold inside the first sentence stay).
 */
export function removeTitleRepeats(content: Element, title: string, run: ClutterRun = new ClutterRun()): number {
  const memo = run.memo;
  const wanted = squash(title);
  if (wanted.length < 8) return 0;
  let removed = 0;
  for (const el of memo.elementsWith(content, wanted.length, (text) => text === wanted)) {
    if (!/^(?:P|DIV|SPAN|STRONG|B|A|LI|FIGCAPTION)$/.test(el.tagName) || !content.contains(el) || el.querySelector(MEDIA))
      continue;
    if (
      el.closest('table, ul, ol, dl, nav, h1, h2, h3, h4, h5, h6') ||
      memo.shortText(el, wanted.length) !== wanted ||
      !standsAlone(el, memo)
    )
      continue;
    run.drop(el, 'the title, a line of its own');
    removed++;
  }
  return removed;
}

/**
 * The same caption again later in the article (a gallery repeats one caption under every
 * picture, a "truncated" copy sits beside the full one): the first copy stays, later copies of
 * 30 characters or more go. Only captions: a heading repeated by a table of contents, a line of
 * code or a reference said twice are the article's own.
 */
function removeRepeatedCaptions(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  const seen = new Map<string, Element>();
  let removed = 0;
  const boxes = [...root.querySelectorAll('figure, figcaption'), ...memo.elementsNamed(root, CAPTION_BOX_WORDS)];
  const candidates = new Set<Element>();
  for (const box of boxes) {
    if (box.tagName === 'FIGCAPTION') candidates.add(box);
    for (const el of box.querySelectorAll('figcaption, p, div, span')) candidates.add(el);
  }
  for (const el of memo.inOrder(root, Array.from(candidates))) {
    if (!root.contains(el) || el.querySelector('p, div, figcaption, img, table, li, h2, h3, h4')) continue;
    if (el.closest('pre, code, td')) continue;
    if (el.tagName === 'SPAN' && !standsAlone(el, memo)) continue;
    const text = memo.shortText(el, 2000);
    if (!text || text.length < 30) continue;
    const first = seen.get(text);
    if (!first) {
      seen.set(text, el);
      continue;
    }
    // A wrapper and the one element inside it share their text: that is one block, not two.
    if (first.contains(el) || el.contains(first) || !removable(el, root)) continue;
    run.drop(el, 'a caption already in the article');
    removed++;
  }
  return removed;
}

const LEAF_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, figcaption, blockquote, dd, dt, div';
const MEDIA_TAG = /^(?:IMG|PICTURE|VIDEO|IFRAME|TABLE|svg|SVG)$/;

/**
 * A short line repeated right after itself (a caption printed twice, a section label above each of
 * two photos): the second copy goes. Only adjacent leaf blocks with the same text of at most 100
 * characters, with no picture between, and never when both are paragraphs: a refrain the author
 * repeats is the author's.
 */
export function removeAdjacentRepeats(content: Element, run: ClutterRun = new ClutterRun()): number {
  const memo = run.memo;
  let previous: { text: string; tag: string } = { text: '', tag: '' };
  let removed = 0;
  const list = content.querySelectorAll(`${LEAF_BLOCKS}, ${MEDIA}`);
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    const media = MEDIA_TAG.test(el.tagName);
    // A picture between two captions makes them two captions of two pictures.
    if (media) previous = { text: '', tag: '' };
    // In document order, a block that holds another block is followed by it (pictures aside).
    let j = i + 1;
    while (j < list.length && MEDIA_TAG.test(list[j]!.tagName) && el.contains(list[j]!)) j++;
    const holdsBlock = j < list.length && el.contains(list[j]!);
    if (media || holdsBlock || !content.contains(el)) continue;
    const text = memo.shortText(el, 100);
    if (text === null) {
      previous = { text: '', tag: el.tagName };
      continue;
    }
    if (!text) continue;
    const repeat = text === previous.text && !(el.tagName === 'P' && previous.tag === 'P');
    if (repeat && text.length >= 4 && !el.querySelector(MEDIA)) {
      run.drop(el, `the same line as the <${previous.tag.toLowerCase()}> right before it`);
      removed++;
      continue;
    }
    previous = { text, tag: el.tagName };
  }
  return removed;
}

export const repeatedCaption: ClutterRule = {
  id: 'repeated-caption',
  family: 'repeats',
  why: 'Later copies of a caption already in the article (one caption under every picture of a gallery, a truncated copy beside the full one): the first stays.',
  apply: (root, run) => removeRepeatedCaptions(run, root),
};

export const urlLine: ClutterRule = {
  id: 'url-line',
  family: 'repeats',
  why: "A line that is only the page's own address (print headers repeat it).",
  apply: (root, run) => removeUrlLines(run, root),
};

export const titleRepeat: ClutterRule = {
  id: 'title-repeat',
  family: 'repeats',
  why: "A line that only repeats the title (the reader shows the title above the article); the title's words inside a sentence stay.",
  apply: (root, run) => removeTitleRepeats(root, run.context.title ?? '', run),
};

export const adjacentRepeat: ClutterRule = {
  id: 'adjacent-repeat',
  family: 'repeats',
  why: 'A short line printed twice in a row (a caption and its copy): the second goes, never a paragraph after a paragraph.',
  apply: (root, run) => removeAdjacentRepeats(root, run),
};
