// What read-aloud speaks, taken from the article as the reader shows it: the title, then each block
// of the body in order, captions, credits, tables and code left out; after a side-by-side
// translation, the original, the translation, or each sentence then its translation (the user's
// choice). Each sentence keeps where its text is in the DOM (text nodes and offsets), so the
// reader can mark it and the word being spoken without changing the article.
import { splitSentences } from './sentences';

export type BilingualMode = 'original' | 'translation' | 'both';

export interface Spoken {
  /** What is said. */
  text: string;
  /** Its language (a voice is chosen by it). */
  lang: string | null;
  /** Where each character of `text` is: text nodes and the offset of each in `text`. */
  nodes: Text[];
  offsets: number[];
  /** The paragraph (block) it belongs to: previous/next paragraph move by this. */
  paragraph: number;
  /** The block element it is in (scrolled to, clicked to start from). */
  block: Element;
}

/** Blocks read as paragraphs. */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, dd, dt, pre';
/** Never read: captions and credits of pictures, tables, code, what is hidden or ours. */
const SKIP = 'figcaption, figure, caption, table, pre, code, script, style, [hidden], [aria-hidden="true"]';
const TRANSLATION = '.ra-translation';

interface Piece {
  block: Element;
  nodes: Text[];
  offsets: number[];
  text: string;
  lang: string | null;
}

/** The text of `root` that is read, with its text nodes; `skipTranslations` leaves translations out. */
function pieceOf(block: Element, root: Element, lang: string | null, skipTranslations: boolean): Piece {
  const nodes: Text[] = [];
  const offsets: number[] = [];
  let text = '';
  const walker = block.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent) return NodeFilter.FILTER_REJECT;
      if (parent.closest(SKIP)) return NodeFilter.FILTER_REJECT;
      if (skipTranslations && parent.closest(TRANSLATION)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    offsets.push(text.length);
    text += (n as Text).data;
  }
  return { block, nodes, offsets, text, lang };
}

function langOf(el: Element, fallback: string | null): string | null {
  return el.closest('[lang]')?.getAttribute('lang') || fallback;
}

/** The blocks of `content` read as paragraphs, outermost first; our own translation blocks are not among them. */
function readableBlocks(content: Element): Element[] {
  const out: Element[] = [];
  for (const el of content.querySelectorAll(BLOCKS)) {
    if (el.closest(SKIP) || el.matches(TRANSLATION)) continue;
    if (out.length && out[out.length - 1]!.contains(el)) continue;
    out.push(el);
  }
  return out;
}

/** Sentences of one piece, each as a Spoken. */
function sentencesOf(piece: Piece, paragraph: number, out: Spoken[]): void {
  for (const span of splitSentences(piece.text, piece.lang)) {
    // Re-based onto the sentence: the nodes it covers and their offsets in it.
    const nodes: Text[] = [];
    const offsets: number[] = [];
    piece.nodes.forEach((node, i) => {
      const from = piece.offsets[i]!;
      const to = from + node.data.length;
      if (to <= span.start || from >= span.end) return;
      nodes.push(node);
      offsets.push(from - span.start);
    });
    // As it stands in the text (line breaks and all): a boundary's charIndex is an offset in it.
    const text = piece.text.slice(span.start, span.end);
    // A sentence of symbols only ("—", "***") says nothing.
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    out.push({ text, lang: piece.lang, nodes, offsets, paragraph, block: piece.block });
  }
}

/**
 * Everything read, in order: `title` (an element showing it) first, as paragraph 0, then the
 * body's blocks. `mode` matters only where translations are shown beside the original.
 */
export function buildScript(
  content: Element,
  options: { title?: Element | null; lang: string | null; mode?: BilingualMode },
): Spoken[] {
  const mode = options.mode ?? 'original';
  const out: Spoken[] = [];
  let paragraph = 0;
  if (options.title) {
    sentencesOf(pieceOf(options.title, options.title, options.lang, true), paragraph, out);
    if (out.length) paragraph++;
  }
  for (const block of readableBlocks(content)) {
    const before = out.length;
    // A translation shown after the block (side by side) or inside it (at its end).
    const next = block.nextElementSibling;
    const translation = next?.matches(TRANSLATION) ? next : block.querySelector(`:scope > ${TRANSLATION}`);
    const original = pieceOf(block, block, langOf(block, options.lang), true);
    if (!translation || mode === 'original') sentencesOf(original, paragraph, out);
    else {
      const tr = pieceOf(translation, translation, langOf(translation, null), false);
      if (mode === 'translation') sentencesOf(tr, paragraph, out);
      else {
        const a: Spoken[] = [];
        const b: Spoken[] = [];
        sentencesOf(original, paragraph, a);
        sentencesOf(tr, paragraph, b);
        // Each sentence then its translation; a translation with more or fewer sentences pairs the
        // rest at the end.
        for (let i = 0; i < Math.max(a.length, b.length); i++) {
          if (a[i]) out.push(a[i]!);
          if (b[i]) out.push(b[i]!);
        }
      }
    }
    if (out.length > before) paragraph++;
  }
  return out;
}

/** Where character `offset` of the sentence is in the DOM. */
function point(s: Spoken, offset: number): { node: Text; at: number } {
  let i = s.nodes.length - 1;
  while (i > 0 && s.offsets[i]! > offset) i--;
  const node = s.nodes[i]!;
  return { node, at: Math.max(0, Math.min(node.data.length, offset - s.offsets[i]!)) };
}

/** A DOM range over characters `start` to `end` of the sentence (all of it by default). */
export function rangeOf(s: Spoken, start = 0, end = s.text.length): Range | null {
  if (!s.nodes.length || !s.nodes[0]!.isConnected) return null;
  const a = point(s, Math.max(0, start));
  const b = point(s, Math.min(s.text.length, end));
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.at);
  range.setEnd(b.node, b.at);
  return range;
}
