// Block-level segmentation of an article and rendering of its translation.
//
// Each segment is the inline content of one block (paragraph, heading, list item, caption,
// quote, table cell…) written as a compact markup that providers accepting HTML/XML keep intact:
//   <a1>…</a1>  the segment's first link (its href stays here, never sent), <a2>… the second
//   <b> <i> <u> <s> <code> <sub> <sup> <mark>  emphasis, without attributes
//   <br/>       a line break
//   <x1/>       a URL or e-mail address written in the text: sent as a placeholder, put back as is
// Text is escaped (&amp; &lt; &gt;). Translations are parsed back into DOM nodes by hand (no
// innerHTML of the provider's answer); a link gets the original, already sanitized href.
//
// Rendering never changes an original node: side by side adds an element per segment; translation
// only moves the original nodes out and keeps them, so showOriginal puts the very same nodes back
// (the DOM, listeners included, is exactly as before).

export type DisplayMode = 'side-by-side' | 'translation-only';

export interface Segment {
  /** The block that holds the text. */
  block: Element;
  /** The block's child nodes this segment covers: all of them, or one run between nested blocks. */
  nodes: Node[];
  /** True when `nodes` are all of the block's children. */
  whole: boolean;
  /** Where a side-by-side translation goes: after the block, at its end, or after the run. */
  place: 'after' | 'inside' | 'run';
  /** The inline markup sent for translation. */
  text: string;
  /** hrefs for <a1>, <a2>… ('' when the href was not safe to keep). */
  links: string[];
  /** Literal strings for <x1/>, <x2/>… (URLs and e-mail addresses, never translated). */
  keep: string[];
  /** Images and other media inside the text, shown again in translation-only mode. */
  media: Element[];
}

/** Blocks whose inline content is translated. */
const TEXT_BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'TD',
  'TH',
  'DT',
  'DD',
  'CAPTION',
  'SUMMARY',
  'DIV',
  'SECTION',
  'ARTICLE',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'MAIN',
  'FIGURE',
  'DETAILS',
  'ADDRESS',
]);
/** Elements that end an inline run (block-level); they are segmented on their own. */
const BLOCK_LEVEL = new Set([
  ...TEXT_BLOCKS,
  'UL',
  'OL',
  'DL',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'COLGROUP',
  'NAV',
  'HR',
  'FORM',
  'FIELDSET',
  'PRE',
  'MENU',
  'HGROUP',
]);
/** Never translated: code, scripts, vector graphics, our own output. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'PRE', 'SVG', 'MATH', 'TEXTAREA', 'svg', 'math']);
/** Kept in the markup as emphasis, by the short name sent. */
const INLINE: Record<string, string> = {
  B: 'b',
  STRONG: 'b',
  I: 'i',
  EM: 'i',
  CITE: 'i',
  U: 'u',
  INS: 'u',
  S: 's',
  DEL: 's',
  STRIKE: 's',
  CODE: 'code',
  KBD: 'code',
  SAMP: 'code',
  SUB: 'sub',
  SUP: 'sup',
  MARK: 'mark',
};
const ELEMENT_FOR: Record<string, string> = {
  b: 'strong',
  i: 'em',
  u: 'u',
  s: 's',
  code: 'code',
  sub: 'sub',
  sup: 'sup',
  mark: 'mark',
};
const MEDIA = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED']);
/** Translated block shown after the original (as a sibling of the same kind) rather than inside it. */
const SIBLING_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'DIV', 'ADDRESS']);
const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv']);

const TRANSLATION_CLASS = 'ra-translation';

const isBlockLevel = (n: Node): n is Element => n.nodeType === 1 && BLOCK_LEVEL.has((n as Element).tagName.toUpperCase());
const isOurs = (el: Element) => el.classList.contains(TRANSLATION_CLASS);

/** Every translatable block under `root`, in document order; a nested block is listed once. */
export function segmentArticle(root: Element): Segment[] {
  const out: Segment[] = [];
  const visit = (el: Element) => {
    if (SKIP.has(el.tagName) || isOurs(el)) return;
    const children = Array.from(el.childNodes);
    const hasBlocks = children.some(isBlockLevel);
    if (!hasBlocks) {
      if (el === root || TEXT_BLOCKS.has(el.tagName.toUpperCase())) push(el, children, true);
      return;
    }
    let run: Node[] = [];
    const flush = () => {
      if (run.length) push(el, run, false);
      run = [];
    };
    for (const child of children) {
      if (isBlockLevel(child)) {
        flush();
        visit(child);
      } else {
        run.push(child);
      }
    }
    flush();
  };
  const push = (block: Element, nodes: Node[], whole: boolean) => {
    // Never after the root itself: showOriginal(root) must find every translation inside it.
    const place = !whole ? 'run' : block !== root && SIBLING_BLOCKS.has(block.tagName.toUpperCase()) ? 'after' : 'inside';
    const seg: Segment = { block, nodes, whole, place, text: '', links: [], keep: [], media: [] };
    seg.text = toMarkup(nodes, seg);
    if (/\p{L}/u.test(plainText(seg.text))) out.push(seg);
  };
  visit(root);
  return out;
}

// ---------------------------------------------------------------- DOM → markup

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** URLs (with a scheme or starting www.) and e-mail addresses: sent as placeholders. */
const LITERAL = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/giu;

function toMarkup(nodes: Node[], seg: Segment): string {
  const textPiece = (raw: string) => {
    let out = '';
    let last = 0;
    for (const m of raw.matchAll(LITERAL)) {
      out += escapeText(raw.slice(last, m.index));
      seg.keep.push(m[0]);
      out += `<x${seg.keep.length}/>`;
      last = m.index! + m[0].length;
    }
    return out + escapeText(raw.slice(last));
  };
  const walk = (node: Node): string => {
    if (node.nodeType === 3) return textPiece(node.nodeValue ?? '');
    if (node.nodeType !== 1) return '';
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(el.tagName) || SKIP.has(tag) || isOurs(el)) return '';
    if (MEDIA.has(tag)) {
      seg.media.push(el);
      return '';
    }
    if (tag === 'BR') return '<br/>';
    const inner = Array.from(el.childNodes).map(walk).join('');
    if (tag === 'A' && el.hasAttribute('href')) {
      if (!inner.trim()) return inner;
      seg.links.push(safeHref(el.getAttribute('href') ?? '', el.ownerDocument.baseURI));
      const n = seg.links.length;
      return `<a${n}>${inner}</a${n}>`;
    }
    const short = INLINE[tag];
    if (short && inner.trim()) return `<${short}>${inner}</${short}>`;
    return inner;
  };
  return nodes.map(walk).join('').replace(/\s+/g, ' ').trim();
}

/** Only web and mail links survive; anything else (javascript:, data:…) becomes ''. */
function safeHref(href: string, base: string): string {
  try {
    const url = new URL(href, base);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : '';
  } catch {
    return '';
  }
}

/** The text a reader would see in a markup string (tags removed, entities decoded, <xN/> put back). */
export function plainText(markup: string, keep: readonly string[] = []): string {
  return decodeEntities(
    markup.replace(/<[^<>]*>/g, (tag) => {
      const m = /^<\s*x\s*(\d+)/i.exec(tag);
      return m ? (keep[Number(m[1]) - 1] ?? '') : '';
    }),
  );
}

// ---------------------------------------------------------------- markup → DOM

/** Our tags, tolerant of what providers do to them: spaces, attributes added, a missing slash. */
const TAG = /<\s*(\/?)\s*(a\s*\d+|x\s*\d+|br|code|sub|sup|mark|b|i|u|s)(?=[\s/>])[^<>]*>/giu;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39|nbsp);/gi, (whole, name: string) => {
    const n = name.toLowerCase();
    if (n.startsWith('#x')) return safeChar(parseInt(n.slice(2), 16), whole);
    if (n.startsWith('#')) return safeChar(parseInt(n.slice(1), 10), whole);
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[n] ?? whole;
  });
}
const safeChar = (code: number, fallback: string) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback);

/** A translation in our markup as DOM nodes: text nodes and the few elements we send. */
export function markupToFragment(markup: string, seg: Pick<Segment, 'links' | 'keep'>, doc: Document): DocumentFragment {
  const frag = doc.createDocumentFragment();
  const stack: { name: string; el: Element | DocumentFragment }[] = [{ name: '', el: frag }];
  const top = () => stack[stack.length - 1]!.el;
  let last = 0;
  const text = (s: string) => {
    if (s) top().appendChild(doc.createTextNode(decodeEntities(s)));
  };
  for (const m of markup.matchAll(TAG)) {
    text(markup.slice(last, m.index));
    last = m.index! + m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase().replace(/\s+/g, '');
    if (name === 'br') {
      if (!closing) top().appendChild(doc.createElement('br'));
      continue;
    }
    if (name.startsWith('x')) {
      const literal = seg.keep[Number(name.slice(1)) - 1];
      if (!closing && literal !== undefined) top().appendChild(doc.createTextNode(literal));
      continue;
    }
    if (closing) {
      const at = stack.map((s) => s.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    let el: Element;
    if (name.startsWith('a')) {
      const href = seg.links[Number(name.slice(1)) - 1];
      el = doc.createElement('a');
      if (href) {
        el.setAttribute('href', href);
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    } else {
      el = doc.createElement(ELEMENT_FOR[name] ?? 'span');
    }
    top().appendChild(el);
    stack.push({ name, el });
  }
  text(markup.slice(last));
  return frag;
}

// ---------------------------------------------------------------- rendering

interface Rendered {
  /** Original nodes moved out (translation-only), to be put back before the translation element. */
  removed: Node[];
}
const rendered = new WeakMap<Element, Rendered>();
const bySegment = new WeakMap<Segment, Element>();

function restore(el: Element) {
  const record = rendered.get(el);
  if (!record) return;
  for (const node of record.removed) el.parentNode?.insertBefore(node, el);
  el.remove();
  rendered.delete(el);
}

/** Shows one segment's translation (replacing an earlier rendering of it): progressive rendering. */
export function renderSegment(seg: Segment, translation: string, mode: DisplayMode, lang: string): Element {
  const previous = bySegment.get(seg);
  if (previous) restore(previous);
  const doc = seg.block.ownerDocument;
  const content = markupToFragment(translation, seg, doc);
  let el: Element;
  if (mode === 'translation-only') {
    el = doc.createElement('span');
    // Pictures inside the paragraph stay visible: copies of the (already sanitized) originals.
    for (const media of seg.media) el.appendChild(media.cloneNode(true));
    el.appendChild(content);
    const first = seg.nodes[0];
    const parent = first?.parentNode ?? seg.block;
    parent.insertBefore(el, first ?? null);
    const removed = seg.nodes.filter((n) => n.parentNode === parent);
    for (const node of removed) node.parentNode!.removeChild(node);
    rendered.set(el, { removed });
  } else {
    const sibling = seg.place === 'after' && seg.block.parentNode;
    el = doc.createElement(sibling ? seg.block.tagName.toLowerCase() : 'div');
    el.appendChild(content);
    if (sibling) {
      seg.block.after(el);
    } else if (seg.place === 'inside') {
      seg.block.appendChild(el);
    } else {
      const lastNode = seg.nodes[seg.nodes.length - 1]!;
      lastNode.parentNode!.insertBefore(el, lastNode.nextSibling);
    }
    rendered.set(el, { removed: [] });
  }
  el.classList.add(TRANSLATION_CLASS, `${TRANSLATION_CLASS}-${mode}`);
  el.setAttribute('lang', lang);
  el.setAttribute('dir', RTL.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'auto');
  bySegment.set(seg, el);
  return el;
}

/** Shows every translation given (undefined: that segment keeps its original alone). */
export function renderTranslations(
  segments: Segment[],
  translations: (string | undefined)[],
  mode: DisplayMode,
  lang: string,
): void {
  segments.forEach((seg, i) => {
    const text = translations[i];
    if (text !== undefined) renderSegment(seg, text, mode, lang);
  });
}

/** Removes every translation under `root` and puts the original nodes back where they were. */
export function showOriginal(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(`.${TRANSLATION_CLASS}`))) restore(el);
}

/** True while `root` shows a translation. */
export function hasTranslation(root: Element): boolean {
  return Array.from(root.querySelectorAll(`.${TRANSLATION_CLASS}`)).some((el) => rendered.has(el));
}
