// Tests of a node in its place, shared by the rules: may a rule remove it, is it a line of its own,
// does it hold prose, how much of its text is links. Those that read text take the run's memo.
import { squash } from '@/lib/article/text';
import { TextMemo } from '@/lib/article/clutter/text-memo';

export const INLINE =
  /^(?:A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DFN|EM|FONT|I|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR)$/;

/** Elements that are the article's frame: a rule may empty parts of them, never drop them. */
const FRAME = /^(?:HTML|BODY|MAIN|ARTICLE)$/;

/** Whether a rule may remove `el`: below `root`, not the article's frame nor its body. */
export function removable(el: Element, root: Element): boolean {
  return (
    el !== root &&
    root.contains(el) &&
    !FRAME.test(el.tagName) &&
    !el.contains(root) &&
    el.getAttribute('itemprop') !== 'articleBody'
  );
}

/**
 * Whether a node is a line of its own: no running text (text nodes or inline elements with text)
 * right before or after it inside its parent. A match inside a sentence ("the <em>font size</em>
 * was …", "please email <a>x@y.org</a> for …") is part of that sentence.
 */
export function standsAlone(node: Node, memo: TextMemo = new TextMemo()): boolean {
  const clear = (step: (n: Node) => Node | null) => {
    for (let n = step(node); n; n = step(n)) {
      if (n.nodeType === 3) {
        if (squash(n.textContent)) return false;
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (INLINE.test(el.tagName)) {
        if (memo.length(el)) return false;
        continue;
      }
      return true;
    }
    return true;
  };
  return clear((n) => n.previousSibling) && clear((n) => n.nextSibling);
}

/** Share of an element's text inside links. */
export function linkShare(el: Element, memo: TextMemo): number {
  const total = memo.length(el);
  if (!total) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += memo.length(a);
  return linked / total;
}

/**
 * Whether `el` holds running prose: some element whose own text outside links (its text nodes
 * and inline children together) reaches `min` characters. Headline lists, menus and widgets have
 * none; a container that has some holds the story and is never removed as a whole.
 */
export function holdsProse(el: Element, min = 200): boolean {
  const own = new Map<Element, number>();
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let block = n.parentElement;
    if (!block || block.closest('a')) continue;
    while (
      block !== el &&
      block.parentElement &&
      /^(?:B|STRONG|EM|I|SPAN|FONT|U|MARK|SUB|SUP|SMALL|Q|CITE|ABBR|TIME)$/.test(block.tagName)
    )
      block = block.parentElement;
    const len = (own.get(block) ?? 0) + squash(n.textContent).length;
    if (len >= min) return true;
    own.set(block, len);
  }
  return false;
}
