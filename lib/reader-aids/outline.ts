// The article's outline for the table of contents: its headings (and the subheadings a site wrote
// as bold lines, marked by structure.ts), in order, with levels counted from the highest used.
// Headings inside a table, a figure, a quote or an aside are not sections of the article.

export interface OutlineEntry {
  element: HTMLElement;
  /** 1 for the highest level the article uses, 2 for the next, … */
  level: number;
  text: string;
}

/** Fewer headings than this make no table of contents: scrolling is quicker. */
export const MIN_OUTLINE = 3;
const MAX_TEXT = 120;

function levelOf(el: Element): number {
  const tag = /^H([1-6])$/.exec(el.tagName);
  if (tag) return Number(tag[1]);
  return Number(el.getAttribute('aria-level')) || 2;
}

/** The article's headings in `content`, in document order. */
export function outline(content: Element): OutlineEntry[] {
  const found: { element: HTMLElement; raw: number; text: string }[] = [];
  for (const el of Array.from(content.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]'))) {
    if (el.closest('table, figure, blockquote, aside')) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    found.push({ element: el, raw: levelOf(el), text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text });
  }
  const levels = [...new Set(found.map((h) => h.raw))].sort((a, b) => a - b);
  // Levels the article skips (h2 then h4) are not two steps deep: ranks, not raw numbers.
  return found.map(({ element, raw, text }) => ({ element, level: Math.min(3, levels.indexOf(raw) + 1), text }));
}

/** The entry whose section holds the line `y` (document coordinates of each heading's top, ascending): the last heading at or above it. */
export function currentSection(tops: readonly number[], y: number): number {
  let lo = 0;
  let hi = tops.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid]! <= y) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
