// The reader's own highlights on the live page: the marks' colours for this page's article (light
// marks on a light article, dark ones on a dark article: lib/annotations/mark-colors.ts), read from
// the article's computed colours when the marks are first drawn.
import { pageMarkCss, parseColor } from '@/lib/annotations/mark-colors';

/** How many elements up from the article's text a background is looked for (the page's <html> is reached in most). */
const MAX_DEPTH = 40;

/** The marks' style sheet for the article whose first block of text is `block`. */
export function liveMarkCss(block: Element): string {
  const view = block.ownerDocument.defaultView;
  const style = (el: Element) => view?.getComputedStyle(el) ?? null;
  let background: string | null = null;
  let depth = 0;
  for (let el: Element | null = block; el && depth < MAX_DEPTH; el = el.parentElement, depth++) {
    const bg = style(el)?.backgroundColor ?? null;
    // the first background that is not transparent (nor nearly so) is what the text is seen on
    if ((parseColor(bg)?.[3] ?? 0) > 0.5) {
      background = bg;
      break;
    }
  }
  return pageMarkCss({ background, text: style(block)?.color ?? null });
}
