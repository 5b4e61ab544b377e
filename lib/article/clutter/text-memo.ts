// The text of the article's nodes as the rules read it, kept for one clutter run. Every rule reads
// every element's text, and reading `textContent` of each element of a page is quadratic: the memo
// computes it bottom-up once and forgets a node's ancestors when a rule changes the tree below
// them. It belongs to one run (engine.ts makes one per run and hands it to every rule), never to
// the module: two runs never share what one of them learnt.
import { squash } from '@/lib/article/text';
import { looksLikeProse } from '@/lib/article/clutter/text-tests';

const NOT_SPACE = /[^\s\u00a0\u200b]/;

/** Longest text a rule ever reads whole; longer texts are only measured. */
const TEXT_LIMIT = 600;

interface TextInfo {
  /** Length of the normalised text. */
  len: number;
  /** The normalised text, when `len` is at most TEXT_LIMIT. */
  text: string | null;
}

interface ClassIndex {
  /** Elements by a word of their class or id, or by two or three such words side by side. */
  byWord: Map<string, Element[]>;
}

interface TextIndex {
  /** Elements and text nodes by their text (texts of at most TEXT_LIMIT characters). */
  byText: Map<string, Node[]>;
  /** Each element and each text node with text (and `root`, 0) by its place in document order. */
  order: Map<Node, number>;
  /** The same entries, shortest text first (made on first use). */
  byLength?: [string, Node[]][];
  /** Those whose text does not look like prose (`looksLikeProse`; made on first use). */
  notProse?: [string, Node[]][];
  /** Elements without text when the index was built, in document order. */
  empty: Element[];
}

/** Nodes sorted into document order (lists here are short). */
export function inDocumentOrder<T extends Node>(nodes: T[]): T[] {
  if (nodes.length < 2) return nodes;
  return nodes.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* b FOLLOWS a */ ? -1 : 1));
}

/**
 * Words of a class and id, lower case, split at punctuation and camelCase boundaries
 * ("articleByline__bio" → article, byline, bio). Whole words only: "brand" never reads as "and",
 * "header" never as "ad".
 */
function wordsOfClass(raw: string): Set<string> {
  return new Set(
    raw
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

/** The words of a class and id (`classWords`), and each run of two or three of them side by side ("about author", "about the author"). */
export function classKeys(raw: string): string[] {
  const list = Array.from(wordsOfClass(raw));
  const keys: string[] = [];
  for (let i = 0; i < list.length; i++) {
    keys.push(list[i]!);
    if (i + 1 < list.length) keys.push(`${list[i]} ${list[i + 1]}`);
    if (i + 2 < list.length) keys.push(`${list[i]} ${list[i + 1]} ${list[i + 2]}`);
  }
  return keys;
}

function add(idx: ClassIndex, key: string, el: Element): void {
  const list = idx.byWord.get(key);
  if (!list) idx.byWord.set(key, [el]);
  else if (list[list.length - 1] !== el) list.push(el);
}

export class TextMemo {
  private cache = new Map<Node, TextInfo>();

  info(node: Node): TextInfo {
    const hit = this.cache.get(node);
    if (hit) return hit;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // Most text nodes between tags are only white space.
      const text = NOT_SPACE.test(data) ? squash(data) : '';
      const own: TextInfo = { len: text.length, text: text.length <= TEXT_LIMIT ? text : null };
      this.cache.set(node, own);
      return own;
    }
    const parts: TextInfo[] = [];
    let len = 0;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 3 && c.nodeType !== 1) continue;
      const i = this.info(c);
      if (!i.len) continue;
      len += (parts.length ? 1 : 0) + i.len;
      parts.push(i);
    }
    // A wrapper around one text (the common case) shares its child's string.
    const text = len > TEXT_LIMIT ? null : parts.length === 1 ? parts[0]!.text : parts.map((i) => i.text).join(' ');
    const info: TextInfo = parts.length === 1 ? parts[0]! : { len, text };
    this.cache.set(node, info);
    return info;
  }

  /**
   * Text of a node with a space between text nodes: "<li>Share</li><li>Tweet</li>" reads as two
   * words, as on screen, not as "ShareTweet".
   */
  text(node: Node): string {
    if (node.nodeType === 3) return squash((node as Text).data);
    const info = this.info(node);
    if (info.text !== null) return info.text;
    const parts: string[] = [];
    const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
    return squash(parts.join(' '));
  }

  /** Length of `text(node)`, without building the text of a long node. */
  length(node: Node): number {
    return this.info(node).len;
  }

  /** `text(node)` when it is at most `max` characters long, else null. */
  shortText(node: Node, max: number): string | null {
    const info = this.info(node);
    return info.len <= max ? (info.text ?? this.text(node)) : null;
  }

  /** Elements below `root` whose text passes `test` (some may have been removed: check `removable`). */
  elementsWith(root: Element, maxLen: number, test: (text: string) => boolean): Element[] {
    return this.find<Element>(root, 1, maxLen, test);
  }

  /** Text nodes below `root` whose text passes `test` (some may have been removed: check `root.contains`). */
  textsWith(root: Element, maxLen: number, test: (text: string) => boolean): Text[] {
    return this.find<Text>(root, 3, maxLen, test);
  }

  private classIndexes = new Map<Element, ClassIndex>();

  /** Elements below `root` by the words of their class and id (`classWords`), built once per memo. */
  classIndex(root: Element): ClassIndex {
    let idx = this.classIndexes.get(root);
    if (!idx) {
      idx = { byWord: new Map() };
      // Many elements share one class attribute (a code highlighter's spans): its words are read once.
      const keysOf = new Map<string, string[]>();
      for (const el of root.querySelectorAll('[class], [id]')) {
        const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
        let keys = keysOf.get(raw);
        if (!keys) keysOf.set(raw, (keys = classKeys(raw)));
        for (const key of keys) add(idx, key, el);
      }
      this.classIndexes.set(root, idx);
    }
    return idx;
  }

  /** Elements below `root` (document order) whose class/id words include one of `words`, or one of `pairs` side by side or run together. */
  elementsNamed(root: Element, words: Set<string>, pairs: string[] = []): Element[] {
    const idx = this.classIndex(root);
    const found = new Set<Element>();
    for (const w of words) for (const el of idx.byWord.get(w) ?? []) found.add(el);
    // Pairs: the words side by side ("about-author") or run together ("aboutAuthor" reads as two).
    for (const pair of pairs) {
      for (const el of idx.byWord.get(pair) ?? []) found.add(el);
      for (const el of idx.byWord.get(pair.replaceAll(' ', '')) ?? []) found.add(el);
    }
    return this.inOrder(root, Array.from(found));
  }

  private indexes = new Map<Element, TextIndex>();

  /**
   * Elements below `root` that may be empty now: those empty when the index was built and those
   * whose text changed since (null when there is no index to ask).
   */
  emptyCandidates(root: Element): Element[] | null {
    const idx = this.indexes.get(root);
    if (!idx) return null;
    const out = new Set<Element>(idx.empty);
    for (const n of this.changed) if (n.nodeType === 1 && n !== root && root.contains(n)) out.add(n as Element);
    return Array.from(out);
  }
  /** Nodes whose text changed since the indexes were built. */
  private changed = new Set<Node>();

  /**
   * Short elements and text nodes below `root` grouped by their text, built once per memo: rules
   * never add nodes, so each rule tests every distinct short text once instead of walking the tree.
   */
  index(root: Element): TextIndex {
    let idx = this.indexes.get(root);
    if (!idx) {
      idx = { byText: new Map(), empty: [], order: new Map([[root, 0]]) };
      // Document order, each element before its text nodes; nodes without text (or with more
      // than TEXT_LIMIT characters) are never a rule's match and are left out.
      const walker = root.ownerDocument.createTreeWalker(root, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
      let position = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const info = this.info(n);
        if (n.nodeType === 1) {
          idx.order.set(n, ++position);
          if (!info.len) idx.empty.push(n as Element);
        }
        const text = info.text;
        if (!text) continue;
        if (n.nodeType === 3) idx.order.set(n, ++position);
        const list = idx.byText.get(text);
        if (list) list.push(n);
        else idx.byText.set(text, [n]);
      }
      this.indexes.set(root, idx);
    }
    return idx;
  }

  /**
   * `nodes` (below `root`) sorted into document order by their place when the index was built:
   * rules never add nodes, and on a long article comparing positions in the tree cost more than
   * all the rules' tests (4 ms of 15 on Readability's toc-missing page).
   */
  inOrder<T extends Node>(root: Element, nodes: T[]): T[] {
    if (nodes.length < 2) return nodes;
    const order = this.index(root).order;
    const keyed: [number, T][] = [];
    for (const n of nodes) {
      const at = order.get(n);
      if (at === undefined) return inDocumentOrder(nodes);
      keyed.push([at, n]);
    }
    keyed.sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < keyed.length; i++) nodes[i] = keyed[i]![1];
    return nodes;
  }

  /**
   * Nodes below `root` (elements or text nodes, as `kind` says) whose current text is at most
   * `maxLen` long and passes `test`, in document order. Some may since have been removed.
   */
  find<T extends Node>(root: Element, kind: 0 | 1 | 3, maxLen: number, test: (text: string) => boolean, proseless = false): T[] {
    const idx = this.index(root);
    const hits: Node[] = [];
    // Texts by length, shortest first: a rule reads only the texts it could match.
    idx.byLength ??= Array.from(idx.byText).sort((a, b) => a[0].length - b[0].length);
    // A test that passes no prose reads only the texts that are not (most of an article's are).
    if (proseless) idx.notProse ??= idx.byLength.filter(([text]) => !looksLikeProse(text));
    for (const [text, nodes] of proseless ? idx.notProse! : idx.byLength) {
      if (text.length > maxLen) break;
      if (test(text)) for (const n of nodes) hits.push(n);
    }
    // Nodes whose text changed since (an ancestor of a removed node may now match).
    for (const n of this.changed) if (this.info(n).len <= maxLen && root.contains(n)) hits.push(n);
    const out: T[] = [];
    const seen = new Set<Node>();
    for (const node of hits) {
      if ((kind && node.nodeType !== kind) || seen.has(node)) continue;
      seen.add(node);
      const info = this.info(node);
      if (info.len <= maxLen && info.text && test(info.text)) out.push(node as T);
    }
    return this.inOrder(root, out);
  }

  /** Forgets `node` and its ancestors (their text changed). */
  forget(node: Node | null): void {
    for (let n = node; n; n = n.parentNode) {
      this.cache.delete(n);
      if (this.indexes.size) this.changed.add(n);
    }
  }
}
