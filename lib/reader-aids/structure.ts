// The article's parts styled as what they are, whatever the site's markup: captions and credits
// (captions.ts), subheadings a site wrote as a bold line, pull quotes, tables (a box that scrolls
// sideways when too wide) and lists typed as lines that start with a bullet. Only classes, roles
// and wrappers are added: the text, and so translation and highlights, are untouched. Runs once on
// the reader's copy of the article, before it is shown; linear in the article (a 20,000-paragraph
// article is read once, by structure, with no layout).
import { captionFor, isCredit } from './captions';

export interface EnhanceOptions {
  /** The accessible name of a table's scrolling box when the table has no caption. */
  tableLabel: string;
}

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const BOLD = 'strong, b';
/** Marks that open a subheading written as a line of its own ("■ 달라지는 점", "◆ Background"). */
const HEADING_MARK = /^[■◆◇□▶▷●○◎◈▣【［[]/u;
/** A line that ends a sentence is a bold sentence, not a heading. */
const SENTENCE_END = /[.!?。．！？…:：,，]["'”’)\]」』]*$/u;
const MAX_SUBHEADING = 90;
/** A line typed as a list item: a bullet or a number, then a space. */
const BULLET = /^\s*([•·∙◦‣▪▸●○■□◆◇\-–—*]|\d{1,2}[.)])\s+\S/u;
/** A pull quote repeats a sentence of the article; shorter repeats prove nothing. */
const MIN_PULL_QUOTE = 25;
const MAX_PULL_QUOTE = 320;

/** Marks captions, credits, subheadings, pull quotes, tables and typed lists in `content`. */
export function enhanceArticle(content: Element, options: EnhanceOptions): void {
  markCaptions(content);
  markSubheadings(content);
  markPullQuotes(content);
  wrapTables(content, options.tableLabel);
  markTypedLists(content);
}

function markCaptions(content: Element): void {
  for (const media of Array.from(content.querySelectorAll('img, picture, video'))) {
    if (media.matches('picture img')) continue; // the <picture> speaks for it
    const caption = captionFor(media, content);
    // A figcaption is styled as one already.
    if (!caption || caption.tagName === 'FIGCAPTION' || caption.classList.contains('ra-caption')) continue;
    caption.classList.add('ra-caption');
    if (isCredit(textOf(caption))) caption.classList.add('ra-credit');
  }
  // A credit printed apart inside a caption ("… <small>Photo: AP</small>") is set apart as one.
  for (const el of Array.from(content.querySelectorAll('figcaption small, figcaption cite, .ra-caption small, .ra-caption cite')))
    if (isCredit(textOf(el))) el.classList.add('ra-credit');
}

/**
 * A short block whose whole text is bold (or that opens with a heading mark), that does not end a
 * sentence, standing between blocks of the body, inside no list, table, quote or caption.
 */
export function isSubheading(el: Element): boolean {
  if (!el.matches('p, div') || el.closest('li, td, th, blockquote, figure, figcaption, aside, .ra-caption')) return false;
  if (el.querySelector('p, div, img, picture, video, ul, ol, table')) return false;
  const text = textOf(el);
  if (text.length < 2 || text.length > MAX_SUBHEADING || SENTENCE_END.test(text)) return false;
  const next = el.nextElementSibling;
  if (!next || textOf(next).length <= text.length) return false; // a body block follows it
  if (HEADING_MARK.test(text)) return true;
  const bold = el.children.length === 1 && el.children[0]!.matches(BOLD) ? el.children[0]! : null;
  return !!bold && textOf(bold) === text;
}

function markSubheadings(content: Element): void {
  const level = content.querySelector('h2') ? '3' : '2';
  for (const el of Array.from(content.querySelectorAll('p, div'))) {
    // Cheap tests first: most paragraphs are long or hold no single bold child.
    if ((el.textContent?.length ?? 0) > MAX_SUBHEADING * 2) continue;
    if (!isSubheading(el)) continue;
    el.classList.add('ra-subhead');
    el.setAttribute('role', 'heading');
    el.setAttribute('aria-level', level);
  }
}

/** A quote box whose words are said again in the article's text: a pull quote, styled large. */
function markPullQuotes(content: Element): void {
  const boxes = Array.from(content.querySelectorAll('blockquote, aside')).filter((box) => {
    const length = textOf(box).length;
    return length >= MIN_PULL_QUOTE && length <= MAX_PULL_QUOTE && !box.querySelector('img, picture, video, table');
  });
  if (!boxes.length) return;
  const all = textOf(content);
  for (const box of boxes) {
    const quote = textOf(box)
      .replace(/^["'“‘«「『]+|["'”’»」』]+$/gu, '')
      .trim();
    if (quote.length < MIN_PULL_QUOTE) continue;
    const first = all.indexOf(quote);
    if (first >= 0 && all.indexOf(quote, first + 1) >= 0) box.classList.add('ra-pullquote');
  }
}

/**
 * Every data table in a box of its own that scrolls sideways when the table is too wide (the view
 * makes the box focusable once it does scroll). A one-column table that holds a picture is a
 * portal's layout for photo and caption: styled as a figure instead.
 */
function wrapTables(content: Element, label: string): void {
  for (const table of Array.from(content.querySelectorAll('table'))) {
    if (table.parentElement?.closest('table')) continue;
    const rows = Array.from(table.rows);
    const layout = rows.every((r) => r.cells.length <= 1) && !!table.querySelector('img, picture, video');
    if (layout) {
      table.classList.add('ra-figure-table');
      continue;
    }
    if (table.parentElement?.classList.contains('ra-table')) continue;
    const box = table.ownerDocument.createElement('div');
    box.className = 'ra-table';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', textOf(table.caption ?? table).length && table.caption ? textOf(table.caption) : label);
    table.replaceWith(box);
    box.append(table);
  }
}

/** Two or more paragraphs in a row typed as list items with the same mark ("• …", "- …", "1. …"): a list's hanging indent. */
function markTypedLists(content: Element): void {
  const markOf = new Map<Element, string>();
  for (const p of Array.from(content.querySelectorAll('p'))) {
    const m = BULLET.exec(p.textContent ?? '');
    if (m) markOf.set(p, /\d/.test(m[1]!) ? '1' : m[1]!);
  }
  for (const [p, mark] of markOf) {
    const prev = p.previousElementSibling;
    const next = p.nextElementSibling;
    if ((prev && markOf.get(prev) === mark) || (next && markOf.get(next) === mark)) p.classList.add('ra-typed-item');
  }
}
