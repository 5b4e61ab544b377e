// Which text under a picture is its caption, by structure alone: the article's class names are gone
// by the time the reader shows it (the sanitizer drops them), so "looks like a caption" is read
// from the markup every site shares. A caption is the picture's <figcaption>, or the block right
// after the picture that is short and either wholly set apart (italic, small, a <cite>) or opens
// with a caption mark (▲, △, ↑: the convention of Korean and Japanese papers) or a "Photo:" label,
// or the next row of a one-column table that holds the picture (portals lay photos out so).

/** Text longer than this (in characters) is a paragraph, not a caption. */
const MAX_CAPTION = 300;
/** Elements whose text is set apart from the body: a block wholly inside them reads as a caption. */
const SET_APART = 'em, i, small, cite, sub, figcaption';
/** A caption's mark at its start ("▲ 17일 …", "↑ …") or a picture label ("Photo:", "사진=", "写真："). */
const CAPTION_START =
  /^\s*(?:[▲△▴▵↑⬆]|(?:photo|image|picture|pictured|above|below|foto|bild|사진|그림|이미지|写真|图片|圖片|图|圖)\s*[:=：|]|\((?:photo|사진)\b)/iu;
/** A credit line alone: who took or owns the picture ("Photo: Getty Images", "사진=연합뉴스", "© AP"). */
const CREDIT =
  /^\s*(?:[([]\s*)?(?:(?:photo|image|picture|illustration|graphic|map|video|credit|source|foto|사진|그래픽|영상|출처|제공|写真|图片|圖片)s?\s*[:=：/]|©|ⓒ)/iu;
const MEDIA = 'img, picture, video, svg';
const NOT_CAPTION = 'h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote, pre, figure';

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** An element that shows a picture and no text of its own (the picture, or a box around it alone). */
function isMediaBlock(el: Element): boolean {
  if (el.matches(MEDIA)) return true;
  return !!el.querySelector(MEDIA) && textOf(el) === '';
}

/** The outermost box around `media` that holds nothing else, below `root`. */
function mediaBlock(media: Element, root: Element): Element {
  let block = media;
  while (block.parentElement && block.parentElement !== root && isMediaBlock(block.parentElement)) block = block.parentElement;
  return block;
}

/** Every text of `el` lies inside an element that sets it apart (italic, small, cite). */
function whollySetApart(el: Element): boolean {
  if (el.matches(SET_APART)) return true;
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue?.trim()) continue;
    seen = true;
    const holder = node.parentElement?.closest(SET_APART);
    if (!holder || !el.contains(holder)) return false;
  }
  return seen;
}

/** The next element after `el` with something in it (empty paragraphs between are skipped). */
function nextBlock(el: Element): Element | null {
  let next = el.nextElementSibling;
  while (next && textOf(next) === '' && !next.querySelector(MEDIA)) next = next.nextElementSibling;
  return next;
}

/** The caption of the picture `media` (an img, picture, video or svg) inside `root`, or null. */
export function captionFor(media: Element, root: Element): Element | null {
  const figure = media.closest('figure');
  if (figure && root.contains(figure)) {
    const caption = figure.querySelector('figcaption');
    if (caption && textOf(caption)) return caption;
  }
  const block = mediaBlock(media, root);
  // A one-column table of photo over caption: the next row's cell.
  const cell = media.closest('td, th');
  if (cell && root.contains(cell) && isMediaBlock(cell)) {
    const row = cell.parentElement;
    const nextRow = row?.nextElementSibling;
    if (row && nextRow && row.children.length === 1 && nextRow.children.length === 1) {
      const below = nextRow.children[0]!;
      const text = textOf(below);
      if (text && text.length <= MAX_CAPTION && !below.querySelector(MEDIA)) return below;
    }
  }
  const next = nextBlock(block);
  if (!next || next.matches(NOT_CAPTION) || isMediaBlock(next) || next.querySelector(MEDIA)) return null;
  const text = textOf(next);
  if (!text || text.length > MAX_CAPTION) return null;
  return whollySetApart(next) || CAPTION_START.test(text) ? next : null;
}

/** A caption's text is only a credit ("Photo: Reuters", "사진=연합뉴스"). */
export function isCredit(text: string): boolean {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= 80 && CREDIT.test(clean);
}
