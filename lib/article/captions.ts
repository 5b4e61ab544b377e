// Figure captions told apart from the article's body. The reader keeps captions (they stay in the
// article's HTML and text), but the body alone is what an article "is" to a reader listening to it,
// to a summary and to the extraction benchmarks, whose answer keys leave captions out. Only real
// figure captions count: a `<figcaption>`, the text of a `<figure>` that holds a picture, or a
// block named a caption by its class that sits next to a picture. Never a paragraph of the story:
// a block with much text, or one that holds more than a caption would, is not a caption.
import { toPlainText } from '@/lib/article/text';

/** What makes a figure: a picture, a video or a drawing. */
const MEDIA = 'img, picture, video, canvas, svg, iframe, object, embed';

/** A caption is a line or two: a block with more text than this is part of the story. */
const MAX_CAPTION_CHARS = 600;

/** Class or id words that name a caption ("caption", "wp-caption-text", "img_caption", "figure__caption"). */
const CAPTION_NAME = /caption/i;

const hasMedia = (el: Element) => el.matches(MEDIA) || el.querySelector(MEDIA) !== null;

/** Text length of `el` without white space, up to the point where it is too long for a caption. */
function captionLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

/**
 * The blocks of a figure that hold its caption: its children (and, below a child that holds the
 * picture, that child's children) with text and no picture.
 */
function figureTextBlocks(box: Element, out: Element[]): void {
  for (const child of box.children) {
    if (hasMedia(child)) figureTextBlocks(child, out);
    else if (captionLength(child)) out.push(child);
  }
}

/**
 * Whether a picture is next to `el`: in the element right before or after it, or in a parent that
 * holds little more than the two (a picture box, not the article's body with a picture somewhere).
 */
function nextToPicture(caption: Element, length: number): boolean {
  // A wrapper that holds the caption alone (Readability wraps a loose caption beside its picture in
  // a <p> of its own) stands where the caption stood.
  let el = caption;
  while (el.parentElement && captionLength(el.parentElement) === length && !hasMedia(el.parentElement)) el = el.parentElement;
  const parent = el.parentElement;
  if (!parent) return false;
  for (const near of [el.previousElementSibling, el.nextElementSibling]) if (near && hasMedia(near)) return true;
  if (captionLength(parent) > length + 200) return false;
  for (const media of parent.querySelectorAll(MEDIA)) if (!el.contains(media)) return true;
  return false;
}

/** A text without white space, to know a caption again in the page it came from. */
const bare = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '');

/** Blocks that may hold a caption once Readability has rewritten its markup. */
const CAPTION_BLOCKS = 'p, div, span, figcaption, small, em, i';

/**
 * The blocks below `root` whose text is that of one of the page's own figure captions which
 * Readability stripped of what made it one: the picture beside it (one it could not load, such as
 * a placeholder waiting for a script) or its class (a <div class="caption-text"> rewritten as a
 * bare <p>). In the page each is a caption as below (a figure's text, a <figcaption>, a block
 * named a caption next to a picture); one selector over the page finds them.
 */
function captionsOfPage(root: Element, page: Document, found: Set<Element>): Element[] {
  const texts = new Set<string>();
  const add = (el: Element, length: number) => {
    if (length >= 20 && length <= MAX_CAPTION_CHARS) texts.add(bare(el));
  };
  for (const el of page.body?.querySelectorAll('figure, figcaption, [class*="caption" i], [id*="caption" i]') ?? []) {
    if (el.tagName === 'FIGURE') {
      if (!hasMedia(el)) continue;
      const blocks: Element[] = [];
      figureTextBlocks(el, blocks);
      for (const b of blocks) add(b, captionLength(b));
      continue;
    }
    if (hasMedia(el)) continue;
    const length = captionLength(el);
    if (
      el.tagName === 'FIGCAPTION' ||
      (CAPTION_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`) && nextToPicture(el, length))
    )
      add(el, length);
  }
  for (const el of found) texts.delete(bare(el));
  if (!texts.size) return [];
  const out: Element[] = [];
  // The innermost blocks only: a caption is a line or two, never a block of blocks.
  for (const el of root.querySelectorAll(CAPTION_BLOCKS)) {
    if (el.querySelector('p, div') || hasMedia(el)) continue;
    if (texts.has(bare(el))) out.push(el);
  }
  return out;
}

/**
 * The figure captions below `root`, in document order, outermost only: each one's text is a
 * caption of a picture on the page, never a paragraph of the story. Given the `page` `root` was
 * taken from, a block with the very text of one of the page's captions counts too.
 */
export function figureCaptions(root: Element, page?: Document): Element[] {
  const found = new Set<Element>();
  for (const figure of root.querySelectorAll('figure')) {
    if (!hasMedia(figure)) continue; // A <figure> without a picture is a quote or a box, not a figure.
    const blocks: Element[] = [];
    figureTextBlocks(figure, blocks);
    const total = blocks.reduce((n, b) => n + captionLength(b), 0);
    if (total && total <= MAX_CAPTION_CHARS) for (const b of blocks) found.add(b);
  }
  for (const caption of root.getElementsByTagName('figcaption')) {
    if (captionLength(caption) <= MAX_CAPTION_CHARS && !hasMedia(caption)) found.add(caption);
  }
  for (const el of root.querySelectorAll('[class*="caption" i], [id*="caption" i]')) {
    if (found.has(el) || !CAPTION_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) continue;
    const length = captionLength(el);
    if (!length || length > MAX_CAPTION_CHARS) continue;
    // A caption box that wraps its picture ("wp-caption") is a figure: its text blocks are the caption.
    if (hasMedia(el)) {
      const blocks: Element[] = [];
      figureTextBlocks(el, blocks);
      for (const b of blocks) found.add(b);
    } else if (nextToPicture(el, length)) found.add(el);
  }
  if (page) for (const el of captionsOfPage(root, page, found)) found.add(el);
  // Outermost only, in document order.
  const list = [...found].filter((el) => root.contains(el) && el !== root);
  const outer = list.filter((el) => !list.some((other) => other !== el && other.contains(el)));
  return outer.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** The text of an article split into its body and its figure captions. */
export interface BodyAndCaptions {
  body: string;
  captions: string[];
}

/**
 * `text` (the article's plain text, paragraphs between blank lines) without the paragraphs of the
 * caption `elements` (`figureCaptions`, found before sanitizing while class names are still there),
 * and the captions. A caption's paragraphs are taken out where they stand, in document order: a paragraph
 * of the story with the very words of a caption elsewhere stays. A caption that is part of a
 * paragraph (inline beside the picture) has no paragraph of its own and stays in the body.
 */
export function splitCaptions(elements: readonly Element[], text: string): BodyAndCaptions {
  if (!elements.length) return { body: text, captions: [] };
  const paragraphs = text.split('\n\n');
  const keep = paragraphs.map(() => true);
  const captions: string[] = [];
  let at = 0;
  for (const el of elements) {
    const caption = toPlainText(el);
    if (!caption) continue;
    const parts = caption.split('\n\n');
    // The caption's paragraphs, in a row from `at` on.
    let start = -1;
    for (let i = at; i + parts.length <= paragraphs.length; i++) {
      if (parts.every((p, k) => keep[i + k] && paragraphs[i + k] === p)) {
        start = i;
        break;
      }
    }
    if (start < 0) continue;
    for (let k = 0; k < parts.length; k++) keep[start + k] = false;
    at = start + parts.length;
    captions.push(caption);
  }
  return { body: paragraphs.filter((_, i) => keep[i]).join('\n\n'), captions };
}
