// Clutter rules: general patterns, by structure, class names, link share, position and wording in
// several languages, never keyed to one site. Each rule says what it removes and why that is safe.
// They run once, on Readability's result (run with `keepClasses`, so class names are still there
// to read; the sanitizer drops them afterwards).

import { squash } from '@/lib/article/text';

/** What a rule may know about the page beside the article's tree. */
export interface ClutterContext {
  /** The article's title. */
  title?: string;
  /** The author from the page's metadata (the reader shows it above the article). */
  byline?: string | null;
  /** The page's address and its canonical one. */
  urls?: string[];
}

export interface ClutterRule {
  id: string;
  /** What the rule removes and why it cannot take article text with it. */
  why: string;
  /** Removes matches below `root` (never `root` itself) and returns how many nodes went. */
  apply(root: Element, context?: ClutterContext): number;
  /** For a rule that removes lines by their text: the text test and the longest text it reads (tests and benchmarks). */
  line?: { test: (text: string) => boolean; maxLen: number };
}

// White space squashed: one helper for the article pipeline (text.ts).
const norm = squash;

const NOT_SPACE = /[^\s\u00a0\u200b]/;

/** Longest text a rule ever reads whole; longer texts are only measured. */
const TEXT_LIMIT = 600;

interface TextInfo {
  /** Length of the normalised text. */
  len: number;
  /** The normalised text, when `len` is at most TEXT_LIMIT. */
  text: string | null;
}

/**
 * Normalised text of elements, computed bottom-up once and kept until a rule changes the tree
 * below them (`drop`, `setText` forget the ancestors): every rule reads every element's text, and
 * reading `textContent` of each element of a page is quadratic. Built per `removeClutter` call.
 */
class TextMemo {
  private cache = new Map<Node, TextInfo>();

  info(node: Node): TextInfo {
    const hit = this.cache.get(node);
    if (hit) return hit;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // Most text nodes between tags are only white space.
      const text = NOT_SPACE.test(data) ? norm(data) : '';
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

/** The words of a class and id (`classWords`), and each run of two or three of them side by side ("about author", "about the author"). */
function classKeys(raw: string): string[] {
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

let active: TextMemo | null = null;

/** Runs `fn` with a text memo: the caller's, or a new one for this call only. */
function withMemo<T>(fn: () => T): T {
  if (active) return fn();
  active = new TextMemo();
  try {
    return fn();
  } finally {
    active = null;
  }
}
const memo = () => active ?? new TextMemo();

/**
 * Text of a node with a space between text nodes: "<li>Share</li><li>Tweet</li>" reads as two
 * words, as on screen, not as "ShareTweet".
 */
function textOf(node: Node): string {
  if (node.nodeType === 3) return norm((node as Text).data);
  const info = memo().info(node);
  if (info.text !== null) return info.text;
  const parts: string[] = [];
  const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
  return norm(parts.join(' '));
}
/** Length of `textOf(node)`, without building the text of a long node. */
const lengthOf = (node: Node) => memo().info(node).len;
/** `textOf(node)` when it is at most `max` characters long, else null. */
function shortText(node: Node, max: number): string | null {
  const info = memo().info(node);
  return info.len <= max ? (info.text ?? textOf(node)) : null;
}

/** Elements below `root` whose text passes `test` (some may have been removed: check `removable`). */
const elementsWith = (root: Element, maxLen: number, test: (text: string) => boolean) => memo().find<Element>(root, 1, maxLen, test);
/** Text nodes below `root` whose text passes `test` (some may have been removed: check `root.contains`). */
const textsWith = (root: Element, maxLen: number, test: (text: string) => boolean) => memo().find<Text>(root, 3, maxLen, test);

/** `test` with its answers kept: nested wrappers often share one text. */
function cached(test: (text: string) => boolean): (text: string) => boolean {
  const seen = new Map<string, boolean>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) seen.set(text, (v = test(text)));
    return v;
  };
}

/** Removes a node, telling the memo its ancestors' text changed. */
function drop(node: Node): void {
  active?.forget(node.parentNode);
  node.parentNode?.removeChild(node);
}
/** Changes a text node's text, telling the memo. */
function setText(node: Text, text: string): void {
  active?.forget(node);
  node.data = text;
}

/** Elements that are the article's frame: a rule may empty parts of them, never drop them. */
const FRAME = /^(?:HTML|BODY|MAIN|ARTICLE)$/;

function removable(el: Element, root: Element): boolean {
  return el !== root && root.contains(el) && !FRAME.test(el.tagName) && !el.contains(root) && el.getAttribute('itemprop') !== 'articleBody';
}

/** Words of a text, split on spaces (Korean eojeol count as words here). */
/** Whether `text` has at least `min` words (stops counting there). */
function wordsAtLeast(text: string, min: number): boolean {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord && ++n >= min) return true;
    inWord = !space;
  }
  return false;
}

function wordsOf(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Running prose rather than a widget label or a notice: a Korean sentence in the plain declarative
 * form news is written in ("…했다.", "…이다.", not the polite "…합니다." of notices), or, in other
 * languages, a sentence of six words or more ending in a full stop that does not open with a call to
 * action ("Subscribe…", "Sign up…").
 */
export function looksLikeProse(text: string): boolean {
  // Characters are read from the end: patterns anchored only at the end are tried at every
  // position, and this runs on most texts of every page.
  let end = text.length;
  while (end > 0 && CLOSING.includes(text[end - 1]!)) end--;
  if (!end) return false;
  const last = text[end - 1]!;
  const sentenceEnd = SENTENCE_END.includes(last);
  const da = last === '다' ? end - 1 : (last === '.' || last === '!') && text[end - 2] === '다' ? end - 2 : -1;
  // Both kinds of sentence end in a full stop (or "다"): anything else is a label, at once.
  if (!sentenceEnd && da < 0) return false;
  const t = end === text.length ? text : text.slice(0, end);
  let hangul = 0;
  let latin = 0;
  if (HANGUL_SYLLABLE.test(t)) {
    for (let i = 0; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xac00 && c <= 0xd7a3) hangul++;
      else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    }
  }
  // Korean: the plain declarative "…다." of news, not the polite "…니다." of notices.
  if (hangul > latin) return da >= 0 && (da === 0 || text[da - 1] !== '니') && wordsAtLeast(t, 3);
  if (CALL_TO_ACTION.test(t)) return false;
  return sentenceEnd && wordsAtLeast(t, 6);
}
const CLOSING = '"\'”’»)]';
const HANGUL_SYLLABLE = /[가-힣]/;
const SENTENCE_END = '.!?。！？';
const CALL_TO_ACTION = /^(?:subscribe|sign\s+up|join|get|follow|click|tap|download|support|donate|register|log\s*in|already)\b/i;

interface ShortTextOptions {
  /** Also remove texts that read like prose (the pattern alone is specific enough). */
  prose?: boolean;
  /** Matches inside an element that matches this selector stay (headings, table cells…). */
  notIn?: string;
  /**
   * The pattern judges a whole line (it is anchored at the line's start): an element whose text
   * matches goes even when part of its text sits in a text node of its own beside a link.
   */
  line?: boolean;
}

const INLINE = /^(?:A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DFN|EM|FONT|I|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR)$/;

/**
 * Whether a node is a line of its own: no running text (text nodes or inline elements with text)
 * right before or after it inside its parent. A match inside a sentence ("the <em>font size</em>
 * was …", "please email <a>x@y.org</a> for …") is part of that sentence.
 */
export function standsAlone(node: Node): boolean {
  const clear = (step: (n: Node) => Node | null) => {
    for (let n = step(node); n; n = step(n)) {
      if (n.nodeType === 3) {
        if (norm(n.textContent)) return false;
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (INLINE.test(el.tagName)) {
        if (lengthOf(el)) return false;
        continue;
      }
      return true;
    }
    return true;
  };
  return clear((n) => n.previousSibling) && clear((n) => n.nextSibling);
}

type TextTest = RegExp | ((text: string) => boolean);
const testText = (test: TextTest, text: string) => (typeof test === 'function' ? test(text) : test.test(text));

/**
 * Removes short lines whose whole text matches `test`: starting from the innermost element (or the
 * text node) that matches, it climbs to the wrapper that holds little else (so a widget goes with
 * its buttons), and removes it when it stands as a line of its own. Texts longer than `maxLen`,
 * texts that read like prose, and matches inside a sentence are left alone: a paragraph that
 * mentions the same words is article text and is never touched. A wrapper that holds a heading
 * which does not match itself is not climbed into (a sticky header repeats the headline beside its
 * font buttons), nor one that holds a picture or a table (a caption's credit is not its figure).
 */
function removeShortMatches(root: Element, test: TextTest, maxLen: number, options: ShortTextOptions = {}): number {
  const plain = (text: string) => testText(test, text) && (options.prose || !looksLikeProse(text));
  // The index hands each distinct text to the test once; the memo is for the climbing below.
  const test1 = cached(plain);
  const matches = (text: string | null) => !!text && text.length <= maxLen && test1(text);
  const matching = new Set<Element>();
  const starts: Node[] = [];
  for (const n of memo().find<Node>(root, 0, maxLen, plain, !options.prose)) {
    if (n.nodeType === 3) {
      if (root.contains(n)) starts.push(n);
    } else if (removable(n as Element, root)) matching.add(n as Element);
  }
  // The innermost matching elements too, after the text nodes: a notice whose text is split by a
  // link ("저작권자 ⓒ 엔터미디어(<a>www…</a>), 무단전재 금지") goes whole when its first part,
  // which matches alone, cannot (it does not stand alone beside the link).
  for (const el of matching) if (!Array.from(el.children).some((c) => matching.has(c))) starts.push(el);
  let removed = 0;
  for (const start of starts) {
    if (!root.contains(start)) continue;
    if (options.notIn && (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest(options.notIn)) continue;
    if (start.nodeType === 1) {
      if (!matches(shortText(start, maxLen))) continue;
      // A sentence of its own beside the match ("시는 … 발표했다.<br>[저작권자 …]"): only the line goes.
      if (!options.line && Array.from(start.childNodes).some((n) => n.nodeType === 3 && !matches(textOf(n)) && (looksLikeProse(textOf(n)) || textOf(n).length > 40))) continue;
    }
    const own = lengthOf(start);
    let box: Node = start;
    for (let parent = box.parentElement; parent && removable(parent, root); parent = parent.parentElement) {
      const len = lengthOf(parent);
      if (len > maxLen || len - own > Math.max(30, own)) break;
      // A sentence beside it in the same parent ("시는 … 발표했다.<br>[저작권자 …]"): the match is one line of several.
      if (Array.from(parent.childNodes).some((n) => n !== box && n.nodeType === 3 && (looksLikeProse(norm(n.textContent)) || norm(n.textContent).length > 40))) break;
      // …or in an element beside it ("<div><p>시는 … 발표했다.</p></div><p>저작권자 …</p>").
      if (Array.from(parent.children).some((c) => c !== box && !matches(shortText(c, maxLen)) && (lengthOf(c) > 300 || looksLikeProse(textOf(c))))) break;
      if (Array.from(parent.querySelectorAll('h1, h2, h3')).some((h) => !matches(textOf(h)))) break;
      // A caption's credit goes, the picture it belongs to stays.
      if (Array.from(parent.querySelectorAll('img, picture, video, audio, iframe, table')).some((m) => !box.contains(m))) break;
      box = parent;
    }
    if (!standsAlone(box)) {
      // Inside a line that matches as a whole ("<figcaption><a>Need more space?</a> <a>Subscribe
      // to …</a></figcaption>"): that line is the next start to try.
      for (let up = start.parentElement; up && up !== root; up = up.parentElement) {
        if (!matching.has(up)) continue;
        if (!starts.includes(up) && !up.querySelector('img, picture, video, audio, iframe, table, h1, h2, h3')) starts.push(up);
        break;
      }
      continue;
    }
    const next = box.nextSibling as Element | null;
    if (box.nodeType === 3 && next?.tagName === 'BR') drop(next);
    drop(box);
    removed++;
  }
  return removed;
}

function shortTextRule(id: string, why: string, pattern: TextTest, maxLen: number, options?: ShortTextOptions): ClutterRule {
  return { id, why, apply: (root) => withMemo(() => removeShortMatches(root, pattern, maxLen, options)), line: { test: (text) => testText(pattern, text), maxLen } };
}

/** Share of an element's text inside links. */
function linkShare(el: Element): number {
  const total = lengthOf(el);
  if (!total) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += lengthOf(a);
  return linked / total;
}

// Words that on their own name a share/like/print control.
const SHARE_WORDS = new Set(
  `공유 공유하기 좋아요 싫어요 추천 추천하기 스크랩 인쇄 프린트 페이스북 트위터 카카오톡 카카오스토리 카카오 링크복사 공감 화나요 슬퍼요
  후속기사 원해요 북마크 share shares sharing tweet print facebook twitter linkedin whatsapp reddit pinterest telegram bookmark
  flipboard messenger`
    .split(/\s+/)
    .filter(Boolean),
);
// Words that appear in share bars but also mean other things ("link", "email", "comments"): a text
// made only of these needs two different ones to count.
const WEAK_SHARE_WORDS = new Set(
  `밴드 네이버 블로그 링크 복사 url 닫기 메일 이메일 보내기 댓글 sns 엑스 x 기사 저장 like likes email e-mail mail copy link line
  save comments comment`
    .split(/\s+/)
    .filter(Boolean),
);
/** Every share endpoint below has one of these in its address. */
const SHARE_HINT = /shar|intent|plugin|pin|submit|wa\.me|whatsapp|line\.me|mailto/i;
const SHARE_HOSTS = /facebook\.com\/sharer|twitter\.com\/(?:intent|share)|x\.com\/intent|linkedin\.com\/(?:share|shareArticle)|share\.kakao|story\.kakao\.com\/share|band\.us\/plugin|line\.me\/R\/msg|pinterest\.com\/pin|reddit\.com\/submit|wa\.me\/|api\.whatsapp\.com\/send|t\.me\/share|mailto:\?/i;

/**
 * The words of a short text are all share/like words and counts, with at least one word that names
 * a share control or two different weaker ones: a share bar, not a number in a table or a "link".
 */
function isShareText(text: string): boolean {
  // Cheap first: the first word (as split below) must already be a share word or a count.
  let start = 0;
  while (start < text.length && SHARE_SEPARATORS.has(text[start]!)) start++;
  let end = start;
  while (end < text.length && !SHARE_SEPARATORS.has(text[end]!)) end++;
  const first = text.slice(start, end).toLowerCase();
  if (!first || (!SHARE_WORDS.has(first) && !WEAK_SHARE_WORDS.has(first) && !/^\d+$/.test(first))) return false;
  const words = text.toLowerCase().replace(SHARE_PUNCTUATION_RUN, ' ').split(/\s+/).filter(Boolean);
  if (!words.length || !words.every((w) => SHARE_WORDS.has(w) || WEAK_SHARE_WORDS.has(w) || /^\d+$/.test(w))) return false;
  if (words.some((w) => SHARE_WORDS.has(w))) return true;
  return new Set(words.filter((w) => WEAK_SHARE_WORDS.has(w))).size >= 2;
}

/** Where a share text splits into words: its (squashed) spaces and the punctuation between words. */
const SHARE_PUNCTUATION = '()[]{}|·•:,/';
const SHARE_PUNCTUATION_RUN = new RegExp(`[${SHARE_PUNCTUATION.replace(/[\]\\[^-]/g, '\\$&')}]+`, 'g');
const SHARE_SEPARATORS = new Set([' ', ...SHARE_PUNCTUATION]);

/** What is left of a text without its share words and counts (a byline with "follow" links keeps its name). */
function nonShareText(text: string): string {
  return text
    .toLowerCase()
    .replace(SHARE_PUNCTUATION_RUN, ' ')
    .split(/\s+/)
    .filter((w) => w && !SHARE_WORDS.has(w) && !WEAK_SHARE_WORDS.has(w) && !/^\d+$/.test(w))
    .join(' ');
}

// Generic words ("more", "top", "latest", "popular") count as a list label only with a noun
// ("Top stories", "Latest news"); a bare "TOP" is a back-to-top button, a bare "More" a button.
const RELATED_LABEL =
  /^[[【<〈「(]?\s*(?:[^\]】>〉」)\s]{0,12}\s)?(?:베스트|인기|많이\s*본|가장\s*많이\s*본|많이\s*읽은|관련|추천|주요|화제의?|핫|오늘의|이\s*시각\s*(?:주요|인기)|함께\s*(?:보면|볼만한)|다른|최신|실시간)\s*(?:기사|뉴스|포토|영상|콘텐츠)(?:\s*(?:더보기|보기))?\s*[\]】>〉」)]?$|^(?:related|trending|most\s+(?:read|popular|viewed|shared)|editor'?s\s+picks?|read\s+(?:more|next|also)|also\s+read|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy))(?:\s+(?:articles?|stories|news|posts|reads|videos|coverage|on\s+this\s+topic))?\s*:?$|^(?:recommended|more(?:\s+\S+){0,2}|popular|top|latest|more\s+from\s+\S+(?:\s+\S+)?)\s+(?:articles?|stories|news|posts|reads|videos|coverage|on\s+this\s+topic)\s*:?$|^also\s+on\s+[\w.-]+\.[a-z]{2,}$|^more\s*:$|^(?:don'?t\s+miss|see\s+more|more\s+from\s+(?:the\s+)?\S+|you\s+(?:may|might)\s+also\s+like)\s*[:.…]*$|^(?:関連記事|関連ニュース|おすすめ記事|人気記事|相关新闻|相關新聞|推荐阅读|推薦閱讀|热门文章|熱門文章|延伸閱讀|延伸阅读)$/i;

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
    while (block !== el && block.parentElement && /^(?:B|STRONG|EM|I|SPAN|FONT|U|MARK|SUB|SUP|SMALL|Q|CITE|ABBR|TIME)$/.test(block.tagName)) block = block.parentElement;
    const len = (own.get(block) ?? 0) + norm(n.textContent).length;
    if (len >= min) return true;
    own.set(block, len);
  }
  return false;
}

/** A sibling that reads like an entry of a headline list: short, or mostly a link. */
function headlineLike(node: Node): boolean {
  if (!lengthOf(node)) return true;
  if (node.nodeType !== 1) {
    const text = shortText(node, 120);
    return !!text && !looksLikeProse(text);
  }
  const el = node as Element;
  if (el.tagName === 'BR' || el.tagName === 'HR') return true;
  if (linkShare(el) >= 0.5) return true;
  // A heading that is not a link opens the article's next section.
  if (/^H[1-6]$/.test(el.tagName)) return false;
  // A list right after the label, each item a link with a few words around it.
  if ((el.tagName === 'UL' || el.tagName === 'OL') && el.children.length >= 2) {
    return Array.from(el.children).every((li) => li.querySelector('a') && lengthOf(li) <= 160 && !li.querySelector('p, ul, ol, table'));
  }
  const text = shortText(el, 120);
  return !!text && !looksLikeProse(text) && !el.querySelector('p, h1, h2, h3, h4, blockquote, figure, table');
}

/**
 * "Related / best / popular articles": a short label that names such a list, with the list.
 * Removes the label's container while the container is mostly links (a list of headlines) or
 * nothing but the label. When the label sits in running content (portals paste
 * "[… 베스트 기사]" and a few headlines after the story), the label goes with the headline-like
 * siblings that follow it, up to the first sibling that reads like prose.
 */
function removeRelatedLists(root: Element): number {
  let removed = 0;
  const isLabel = cached((text) => RELATED_LABEL.test(text));
  for (const label of elementsWith(root, 40, isLabel)) {
    const text = textOf(label);
    if (!removable(label, root)) continue;
    let box: Element = label;
    while (box.parentElement && removable(box.parentElement, root)) {
      const parent = box.parentElement;
      const rest = lengthOf(parent) - text.length;
      if (rest > 0 && (linkShare(parent) < 0.5 || holdsProse(parent))) break;
      box = parent;
    }
    if (box !== label || lengthOf(box.parentElement ?? box) === text.length) {
      drop(box);
      removed++;
      continue;
    }
    let next = label.nextSibling;
    drop(label);
    removed++;
    while (next && headlineLike(next)) {
      const after = next.nextSibling;
      drop(next);
      removed++;
      next = after;
    }
  }
  return removed;
}

// Labels of such boxes ("AI 요약", "AI-generated summary"), the Korean disclaimers that go with
// them ("AI 요약은 OpenAI의 최신 기술을 활용해 …"), and English ones that open with the summary
// ("This summary was generated by AI …").
const AI_SUMMARY_LABEL = /^(?:AI|인공지능)\s*(?:[-\s]generated\s+|[-\s]powered\s+)?(?:요약|summary|summaries)$|^summary\s+by\s+AI$|^AI\s*(?:による)?要約$|^AI\s*(?:摘要|总结|總結)$/i;
const AI_SUMMARY_KO = /(?:^|[^a-z])(?:AI|인공지능)\s*(?:가|이)?\s*(?:요약|정리)|요약(?:은|는)?[^.]{0,30}(?:OpenAI|GPT|인공지능|[^a-z]AI(?:[^a-z]|$))/i;
const AI_SUMMARY_EN = /^(?:this\s+|the\s+)?(?:article\s+|story\s+)?summar(?:y|ies)\b[^.]{0,60}?\b(?:generated|written|created|produced)\s+(?:by|with|using)\s+(?:AI|artificial\s+intelligence|an?\s+(?:AI|language\s+model))/i;
const AI_SUMMARY_JA_ZH = /AI\s*(?:による|で)?要約|AI\s*(?:摘要|总结|總結)/i;

/** A label or disclaimer of a machine-made summary box, not prose that reports on AI summaries. */
function isAiSummaryNote(text: string): boolean {
  if (text.length > 300) return false;
  if (text.length <= 40 && AI_SUMMARY_LABEL.test(text)) return true;
  if (AI_SUMMARY_EN.test(text)) return true;
  if ((AI_SUMMARY_KO.test(text) || AI_SUMMARY_JA_ZH.test(text)) && !looksLikeProse(text)) return true;
  return false;
}

/**
 * Machine-made summary boxes ("AI 요약은 … 기술을 활용해 …", "AI-generated summary"): the
 * disclaimer, with the box around it while that box stays small (summaries are a few sentences)
 * and holds no headline. A sentence in plain news prose that reports on AI summaries is kept.
 */
function removeAiSummaries(root: Element): number {
  let removed = 0;
  const isNote = cached(isAiSummaryNote);
  for (const el of elementsWith(root, 300, isNote)) {
    const text = textOf(el);
    if (!removable(el, root)) continue;
    // Up (at most four levels) to the box that also holds the summary sentences, then through
    // wrappers that add no more than a button's worth of text.
    const own = text.length;
    let box: Element = el;
    let reached = false;
    for (let level = 0; box.parentElement && removable(box.parentElement, root); level++) {
      const parent = box.parentElement;
      const len = lengthOf(parent);
      if (len > 800 || Array.from(parent.querySelectorAll('h1, h2, [itemprop="articleBody"]')).some((h) => !box.contains(h))) break;
      if (reached ? len - lengthOf(box) > 30 : level >= 4) break;
      box = parent;
      if (len - own >= 100) reached = true;
    }
    if (!reached) box = el;
    drop(box);
    removed++;
  }
  return removed;
}

/** Text nodes and elements whose whole text is the pattern, plus links/buttons that say only "top". */
function removeBackToTop(root: Element): number {
  let removed = removeShortMatches(root, BACK_TO_TOP, 30);
  for (const el of elementsWith(root, 12, (t) => /^(?:top|맨\s*위|위로)\s*[↑▲^]?$/i.test(t))) {
    if (!(el.tagName === 'A' || el.tagName === 'BUTTON' || el.getAttribute('role') === 'button')) continue;
    const text = textOf(el);
    if (!removable(el, root)) continue;
    let box: Element = el;
    // The wrapper that holds nothing but the button goes with it.
    while (box.parentElement && removable(box.parentElement, root) && shortText(box.parentElement, 12) === text) box = box.parentElement;
    drop(box);
    removed++;
  }
  return removed;
}

const BACK_TO_TOP =
  /^(?:top\s*으로\s*(?:이동|가기)|맨\s*위로(?:\s*가기|\s*이동)?|위로\s*(?:가기|이동)|상단으로(?:\s*이동|\s*가기)?|(?:back|scroll|return|go)\s+to\s+(?:the\s+)?top|top\s*[↑▲^]|ページの先頭へ|ページトップへ|返回顶部|回到頂部|回到顶部)\s*[↑▲^]?$/i;

// A copyright sign before a year or a capitalised name ("© 2024", "ⓒ 한경닷컴", "© Reuters"), not
// a "™©" flourish inside a sentence; case matters here, so it is apart from the wording below.
const COPYRIGHT_SIGN = /[©ⓒ]\s*(?:\d{4}|[A-Z가-힣])|\([cC]\)\s*(?:\d{4}|[A-Z가-힣])/;
const COPYRIGHT_WORDS =
  /copyrights?\s*(?:©|ⓒ|\(c\)|@|\d{4})|all\s+rights\s+reserved|contents?\s+of\s+this\s+(?:web)?site\s+(?:are|is)\s+(?:©|copyright)|저작권자\s*[©ⓒ(]|(?:무단\s*(?:전재|복제|배포|복사)|재배포)[^.。]{0,40}(?:금지|금합니다|불가|엄금)|無断(?:転載|複製)|転載禁止|転載・複製|禁止转载|版权所有|版權所有|不得转载|不得轉載/i;

/**
 * A copyright or "no redistribution" notice, not prose about copyright. Notice wording counts
 * unless the line is a Korean sentence in news prose ("…'무단 전재 금지' 문구를 붙였다."); English
 * notices are often whole sentences ("This material may not be … redistributed."), so there the
 * wording alone decides.
 */
function isCopyrightNotice(text: string): boolean {
  if (COPYRIGHT_WORDS.test(text)) return !/[가-힣]/.test(text) || !looksLikeProse(text);
  return COPYRIGHT_SIGN.test(text) && !looksLikeProse(text);
}

const STOCK_LABEL = /종목\s*추적기|관심\s*종목\s*(?:추가|등록)|stock\s*tracker|tickers?\s+(?:in|mentioned\s+in)\s+this\s+(?:story|article)|stocks?\s+mentioned/i;
const INVESTMENT_DISCLAIMER =
  /투자\s*유의\s*사항|투자\s*권유를?\s*(?:목적|위한)|투자\s*판단의\s*(?:참고|책임)|not\s+(?:an?\s+)?(?:offer|solicitation|recommendation)\s+to\s+(?:buy|sell)|does\s+not\s+constitute\s+investment\s+advice|(?:is|are)\s+not\s+investment\s+advice|should\s+not\s+be\s+(?:construed|taken)\s+as\s+investment\s+advice/i;

const STOCK_HINT = /투자|종목|stock|ticker|invest|offer|solicit|recommend/i;

/** A stock widget's label (not in a sentence) or an investment disclaimer (notices are sentences). */
function isStockWidget(text: string): boolean {
  if (!STOCK_HINT.test(text)) return false;
  return INVESTMENT_DISCLAIMER.test(text) || (STOCK_LABEL.test(text) && !looksLikeProse(text));
}

const CREDIT_WORD = '(?:사진|사진\\s*(?:제공|출처)|자료\\s*사진|그래픽|영상|촬영|이미지|영상\\s*(?:취재|편집|촬영|제공|디자인)|촬영\\s*기자|편집|취재\\s*지원|photo|photograph|image|credit|picture|illustration|video|graphics?|写真|图片|圖片|照片|责编|責編)';
/** A whole credit line: a credit word, a separator and a short source; or a lone "/연합뉴스". */
const CREDIT_LINE = new RegExp(
  `^[[(【]?\\s*${CREDIT_WORD}\\s*(?:[=:：/|＝]|by\\b)\\s*.{1,40}[\\])】]?$|^\\/\\s*[가-힣A-Za-z]{2,12}$` +
    // "Image source, Getty Images" / "图像来源，Getty Images", and the label before a caption that
    // screen readers get ("Image caption,", "图像加注文字，"): the caption itself is another line.
    `|^(?:image\\s+source|图像来源|圖像來源|图片来源|圖片來源)\\s*[,，:：]\\s*.{1,40}$|^(?:image|media)\\s+caption\\s*[,，:：]?$|^(?:图像加注文字|圖像加註文字)\\s*[,，:：]?$` +
    // "백아영 / 화면캡처 MBC" (a screen-capture credit), "新华社记者 张三 摄", "新华社记者".
    `|^.{0,20}화면\\s*캡[처쳐].{0,20}$|^(?:新华社|中新社|新華社)?(?:记者|記者)(?:\\s*[\\u4e00-\\u9fff]{2,4}){0,3}(?:\\s*摄)?$`,
  'i',
);
/** A credit at the end of a caption ("… 부통령. 사진=BTC미디어", "… 인사하고 있다. [사진 = 김혜진 기자]"). */
const CREDIT_SUFFIX = new RegExp(
  `(?:\\s+[-–—|·])?\\s*[[(【]?\\s*${CREDIT_WORD}\\s*[=:：＝]\\s*[^\\])】=.!?]{1,40}[\\])】]?$|\\s*[<〈[]\\s*[가-힣]{2,4}\\s*(?:기자|특파원)\\s*[>〉\\]]$` +
    // "(AP Photo/David Zalubowski)", and the Japanese "…（ソウルで、３日）＝ＡＰ".
    `|\\s*\\(\\s*(?:AP|AFP|Reuters|EPA|Getty|UPI)\\s+(?:Photo|Images)\\b[^)]{0,40}\\)$|\\s*＝\\s*[^＝\\s。、]{1,12}$` +
    // "… New York, U.S., November 18, 2019. REUTERS/Brendan McDermid"
    `|\\s+(?:REUTERS|AFP|AP|EPA|XINHUA)\\s*\\/\\s*[A-Z][A-Za-z.'’ -]{1,40}$`,
  'i',
);
/**
 * Where a credit suffix starts in `text` (0 or null: none, or the whole text is the credit). The
 * pattern is tried on the last 90 characters only: a credit is short, and the pattern tried at
 * every position of a long caption was the slowest step of the clutter rules.
 */
function creditSuffixAt(text: string): number | null {
  const offset = Math.max(0, text.length - 90);
  const tail = offset ? text.slice(offset) : text;
  // Every form of the pattern holds one of these (a separator, 기자/특파원, an agency in brackets).
  if (!CREDIT_SUFFIX_HINT.test(tail)) return null;
  const m = CREDIT_SUFFIX.exec(tail);
  return m ? offset + m.index || null : null;
}

const CREDIT_SUFFIX_HINT = /[=:：＝]|기자|특파원|\(\s*(?:AP|AFP|Reuters|EPA|Getty|UPI)\b|(?:REUTERS|AFP|AP|EPA|XINHUA)\s*\//i;

/** A source at the end of a Korean caption without a separator ("…인사하고 있다. 연합뉴스", "… 고영권 기자"). */
const CAPTION_SOURCE = /(?<=[.다)」』"”'’])\s+(?:(?:AP|AFP|EPA|UPI|로이터|신화)\s*)?(?:연합뉴스|뉴시스|뉴스1|[가-힣]{2,4}\s*기자|AP|AFP|EPA|로이터)$/;
/** The last character of every source CAPTION_SOURCE knows: most texts are ruled out by it alone. */
const CAPTION_SOURCE_END = new Set(['스', '1', '자', 'P', 'A', '터']);
const mayEndWithCaptionSource = (text: string) => CAPTION_SOURCE_END.has(text[text.length - 1]!) && CAPTION_SOURCE.test(text.slice(-40));

/**
 * Credit lines go whole; a credit that ends a short caption line is cut off it, the caption's
 * words stay. A sentence that ends in a full stop is never cut.
 */
function removeCredits(root: Element): number {
  let removed = removeShortMatches(root, (text) => (text.length <= 60 && CREDIT_LINE.test(text)) || isAgencyCredit(text), 90);
  // A credit printed inside the caption's line ("…sought treatment<span>Credit: EPA</span>",
  // "<cite>NASA Worldview</cite>"): an inline element at the end of a caption, or a cite in a figure.
  const named = new Set(elementsNamed(root, CREDIT_WORDS));
  const candidates = new Set<Element>([...root.querySelectorAll('figure *, figcaption *'), ...named]);
  for (const box of elementsNamed(root, CAPTION_WORDS)) for (const el of box.querySelectorAll('*')) candidates.add(el);
  const creditText = cached((text) => CREDIT_LINE.test(text) || isAgencyCredit(text));
  for (const el of candidates) {
    // Text first (memoised, cheap), the tree checks only for a credit.
    const text = shortText(el, 90);
    if (!text) continue;
    const isCredit = creditText(text) || (el.tagName === 'CITE' && !!el.closest('figure')) || (named.has(el) && !looksLikeProse(text));
    if (!isCredit || !removable(el, root) || el.querySelector('img, picture, video, figcaption, p, div')) continue;
    // Last in its line: nothing but whitespace after it within its parent.
    let after = false;
    for (let n = el.nextSibling; n; n = n.nextSibling) if (norm(n.textContent)) after = true;
    if (after && !standsAlone(el)) continue;
    drop(el);
    removed++;
  }
  // One look at each text: a credit at its end, or (in a caption) a Korean source after the sentence.
  for (const t of textsWith(root, 300, (text) => !!creditSuffixAt(text) || mayEndWithCaptionSource(text))) {
    if (!root.contains(t)) continue;
    const text = textOf(t);
    const at = creditSuffixAt(text);
    if (at) {
      const next = t.nextSibling;
      // The credit must end the line: nothing but a break or the end of the parent after it.
      if (next && !(next.nodeType === 1 && (next as Element).tagName === 'BR') && norm(next.textContent)) continue;
      setText(t, text.slice(0, at));
      removed++;
      continue;
    }
    if (!t.parentElement?.closest('figcaption, figure, [class*="caption" i], [class*="photo" i]')) continue;
    const m = CAPTION_SOURCE.exec(text.slice(-40));
    if (!m) continue;
    setText(t, text.slice(0, text.length - Math.min(40, text.length) + m.index));
    removed++;
  }
  return removed;
}

const CREDIT_WORDS = new Set(['credit', 'credits', 'copyright', 'photographer', 'attribution']);
const CAPTION_WORDS = new Set(['caption', 'captions', 'figcaption']);

const EMAIL = /[[(【<]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[\])】>]?$/;

/** A line that ends in an e-mail address: `whole` when at most six words come before it. */
function signOff(text: string): { whole: boolean; before: string } | null {
  if (!text.includes('@')) return null;
  const m = EMAIL.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index).trim();
  if (/[.!?。]["'”’)]*$/.test(before)) return { whole: false, before };
  return wordsOf(before) <= 6 ? { whole: true, before } : null;
}

/**
 * Reporter sign-offs that end in an e-mail address ("홍길동 기자 hong@example.com"): the whole line
 * when at most six words come before the address; when the words before it are a sentence (a TV
 * sign-off: "MBN뉴스 안진우입니다. [a@b.kr]"), only the address goes.
 */
function removeReporterEmails(root: Element): number {
  let removed = removeShortMatches(root, (text) => !!signOff(text)?.whole, 120, { prose: true });
  for (const t of textsWith(root, 120, (text) => signOff(text)?.whole === false)) {
    const found = signOff(textOf(t));
    if (!found || found.whole || !root.contains(t) || !standsAlone(t)) continue;
    setText(t, found.before);
    removed++;
  }
  return removed;
}

// ---------------------------------------------------------------- news-site boilerplate (English and
// other Latin-script sites, mostly; the wording lists name other languages where they are known)

/**
 * Words of an element's class and id, lower case, split at punctuation and camelCase boundaries
 * ("articleByline__bio" → article, byline, bio). Whole words only: "brand" never reads as "and",
 * "header" never as "ad".
 */
export function classWords(el: Element): Set<string> {
  return wordsOfClass(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

function wordsOfClass(raw: string): Set<string> {
  return new Set(
    raw
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

/** Elements below `root` (document order) whose class/id words include one of `words`. */
function elementsNamed(root: Element, words: Set<string>, pairs: string[] = []): Element[] {
  const m = memo();
  const idx = m.classIndex(root);
  const found = new Set<Element>();
  for (const w of words) for (const el of idx.byWord.get(w) ?? []) found.add(el);
  // Pairs: the words side by side ("about-author") or run together ("aboutAuthor" reads as two).
  for (const pair of pairs) {
    for (const el of idx.byWord.get(pair) ?? []) found.add(el);
    for (const el of idx.byWord.get(pair.replaceAll(' ', '')) ?? []) found.add(el);
  }
  return m.inOrder(root, Array.from(found));
}

interface NamedBoxOptions {
  /** Longest text such a box may hold. */
  maxLen: number;
  /** Least share of the text inside links (menus, tag lists): 0 = any. */
  minLinkShare?: number;
  /** Class-name pairs that also count ("about author", "read more"). */
  pairs?: string[];
  /** Extra check on the box. */
  also?: (el: Element) => boolean;
}

/**
 * Boxes the page itself names as clutter (class or id words such as "newsletter", "byline",
 * "breadcrumb"): removed when they are short, hold no paragraph of prose and are not the article's
 * frame. Readability drops such names only when they do not also say "article", "body" or
 * "content" ("article-body__newsletter" survives it), and never inside the block it chose.
 */
function removeNamedBoxes(root: Element, words: Set<string>, o: NamedBoxOptions): number {
  let removed = 0;
  for (const el of elementsNamed(root, words, o.pairs)) {
    if (!removable(el, root) || el.querySelector('[itemprop="articleBody"]')) continue;
    // A link or a word inside a sentence is the sentence's, whatever its class says; a code
    // highlighter's "comment" is code.
    if ((INLINE.test(el.tagName) && !standsAlone(el)) || el.closest('pre, code')) continue;
    const len = lengthOf(el);
    if (len > o.maxLen) continue;
    if (len && holdsProse(el, 200)) continue;
    if (o.minLinkShare && len > 40 && linkShare(el) < o.minLinkShare) continue;
    if (o.also && !o.also(el)) continue;
    drop(el);
    removed++;
  }
  return removed;
}

/** Class words of text for screen readers only (Korean portals' "blind"), and the pairs ("sr-only", "visually-hidden", "off-screen", "screen_out"…). */
const SCREEN_READER_WORDS = new Set(['blind']);
const SCREEN_READER_PAIRS = ['sr only', 'visually hidden', 'off screen', 'screen out', 'screen reader', 'element invisible', 'a11y hidden'];

/**
 * Text for screen readers only, hidden from sight by a class that says so: "Image caption" and
 * "Image copyright" before a caption, "Share on Facebook" inside an icon, "기사 본문". The reader
 * shows what the page shows, so these go even inside a line. Only short ones (60 characters): a
 * long block hidden by a class may be one the page shows by script.
 */
function removeScreenReaderText(root: Element): number {
  let removed = 0;
  for (const el of elementsNamed(root, SCREEN_READER_WORDS, SCREEN_READER_PAIRS)) {
    if (!removable(el, root) || shortText(el, 60) === null || el.querySelector('img, picture, video, audio, iframe, table')) continue;
    drop(el);
    removed++;
  }
  return removed;
}

function namedBoxRule(id: string, why: string, words: string, o: NamedBoxOptions): ClutterRule {
  const set = new Set(words.split(/\s+/).filter(Boolean));
  return { id, why, apply: (root) => withMemo(() => removeNamedBoxes(root, set, o)) };
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|' +
  'settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|gen|ago|set|ott|dic|giu|lug|mag|okt|dez';
const WEEKDAYS = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
/** The part of a line that is a date or a time. */
const DATE_PART = new RegExp(
  [
    `\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(?:${MONTHS})\\.?(?:,?\\s+(?:de\\s+)?\\d{4})?`,
    `\\b(?:${MONTHS})\\.?\\s+\\d{4}\\b`,
    '\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}\\b',
    '\\b\\d{1,2}(?::\\d{2}){1,2}\\s*(?:[ap]\\.?\\s?m\\.?)?',
    '\\b\\d{1,2}\\s*[ap]\\.?m\\.?',
    '\\b(?:\\d+|an?|one)\\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago\\b',
  ].join('|'),
  'gi',
);
/** Words that say a line is the story's date ("Published", "Updated on", "Posted:"). */
const DATE_LABEL =
  /\b(?:published|updated|posted|modified|first\s+published|last\s+updated|publié|mis\s+à\s+jour|veröffentlicht|aktualisiert|publicado|actualizado|atualizado|pubblicato|aggiornato)\b/i;
/** Words that go with a date ("Tue", "EST", "at", "on"). */
const DATE_WORDS = new RegExp(
  `\\b(?:${WEEKDAYS}|published|updated|posted|modified|created|first|last|on|at|date|time|am|pm|utc|gmt|[ecmp][sd]t|bst|cet|cest|ist|jst|kst|aest|et|pt|today|yesterday|` +
    'publié|mis à jour|veröffentlicht|aktualisiert|am|um|publicado|actualizado|atualizado|pubblicato|aggiornato|alle|le|el|em|de|il|às|a las|\\d{4}|\\d{1,2})\\b',
  'gi',
);
/** A full date (a day and a month, or a numeric date), not a bare time or "48 months". */
const FULL_DATE = new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(?:${MONTHS})\\b|\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}\\b`, 'i');

/**
 * A line that is the story's date and little else: a full date alone ("Nov. 20, 2019, 9:28 AM
 * UTC", "September 10, 2018 |"), or a date or time with a label ("Published 1 day ago", "PUBLISHED:
 * 10:48, Tue, Nov 19, 2019", "Updated at 1:23 p.m.", "Updated on: November 19, 2019 / 10:07 AM /
 * CBS News": with a label, up to three words of a source's name may remain). A bare time ("10
 * p.m.", a live blog's entry) and a date with a place ("July 19 – Toronto, ON", a tour list) stay.
 */
export function isDateLine(text: string): boolean {
  if (text.length > 100 || !/\d/.test(text)) return false;
  DATE_PART.lastIndex = 0;
  if (!DATE_PART.test(text)) return false;
  DATE_PART.lastIndex = 0;
  const labelled = DATE_LABEL.test(text);
  if (!labelled && !FULL_DATE.test(text)) return false;
  const rest = text.replace(DATE_PART, ' ').replace(DATE_WORDS, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return !rest || (labelled && wordsOf(rest) <= 3);
}

// A name in a byline: capitalised words, initials, particles ("Jean-Luc de la Fontaine").
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|de|da|del|der|den|di|du|la|le|van|von|bin|al|y|e)$/u;
const BYLINE_FILLER = /^(?:and|&|with|staff|senior|chief|special|news|political|business|sports|science|health|technology|tech|writer|reporter|correspondent|editor|contributor|columnist|to|for|the|of|in|photographer|analyst)$/i;

/**
 * A byline printed in the body: "By Paul Takahashi", "By Justine Coleman - 11/18/19 11:04 PM EST",
 * "By Regan September 15, 2014", "Written by …", "Von …", "Par …", "Por …"; or a line that is the
 * metadata's author, alone or with a date. A sentence that opens with "By" ("By the end of the
 * year, …") has lower-case words and a full stop, and stays.
 */
/** A wire story's credits: "Reporting by A; additional reporting by B; Editing by C". */
const WIRE_CREDIT =
  /^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|research)\s+by\s+[^.]{2,200}?(?:;|,|\band\b)\s*(?:additional\s+)?(?:reporting|writing|editing|research)\s+by\s+[^.]{2,200}\)?\.?$|^[^.]{3,200}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story|article)\b[^.]{0,60}\.?$/i;

const BYLINE_START = /^(?:by|written\s+by|posted\s+by|words\s+by|story\s+by|text\s+by|reporting\s+by|von|par|por|door|av|af)\s*:?\s+(.+)$/i;

/** The metadata's author without a leading "By" (the last one asked for is kept: a rule asks per line). */
function authorOf(byline: string | null | undefined): string {
  if (byline !== lastByline.byline) lastByline = { byline, author: norm(byline).replace(/^by\s+/i, '') };
  return lastByline.author;
}
let lastByline: { byline: string | null | undefined; author: string } = { byline: undefined, author: '' };

export function isBylineLine(text: string, byline?: string | null): boolean {
  if (text.length > 120) return false;
  const author = authorOf(byline);
  // Cheap first: a byline opens with a "by" word, or holds the author's name.
  if (!/^[\s|·•–—-]*(?:by|written|posted|words|story|text|reporting|von|par|por|door|av|af)\b/i.test(text) && (author.length < 3 || !text.includes(author))) return false;
  const t = text.replace(/^[\s|·•–—-]+|[\s|·•–—,:-]+$/g, '');
  if (author.length >= 3) {
    if (t === author || t.toLowerCase() === `by ${author.toLowerCase()}`) return true;
    if (t.startsWith(author) && isDateLine(t.slice(author.length).trim() || 'x')) return true;
  }
  const m = BYLINE_START.exec(t);
  if (!m) return false;
  let rest = m[1]!;
  // A date after the name ("… - 11/18/19 11:04 PM EST", "… September 15, 2014").
  rest = rest.replace(DATE_PART, ' ').replace(DATE_WORDS, ' ');
  const words = rest.replace(/[,|/·•–—:;()]+|\s-\s/g, ' ').split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 9 || /[.!?]$/.test(t.replace(/\b\p{Lu}\.$/u, ''))) return false;
  let names = 0;
  for (const w of words) {
    if (NAME_WORD.test(w)) names++;
    else if (!BYLINE_FILLER.test(w)) return false;
  }
  return names >= 1;
}

/** "Read more:", "RELATED:", "Also on …", "Leggi anche", "관련기사": a prefix that announces another story. */
const PROMO_PREFIX =
  /^[([]?\s*(?:read\s+(?:more|also|next)|also\s+read|related(?:\s+(?:article|articles|story|stories|content|coverage|news|reading|video))?|see\s+(?:also|more)|more|also|watch|listen|recommended|don'?t\s+miss|must\s+read|trending(?:\s+now)?|popular|top\s+stories|latest|also\s+on\s+[^:：]{2,30}|more\s+(?:on|from|about)\s+[^:：]{1,30}|on\s+[\p{L}\d.-]+\.(?:com|net|org|co\.\w+|\w{2})|leggi\s+anche(?:\s+su)?|lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|lire\s+(?:aussi|également)|à\s+lire\s+(?:aussi|également)|voir\s+aussi|lee\s+también|ver\s+también|leia\s+(?:também|mais)|veja\s+também|관련\s*기사|관련\s*뉴스|함께\s*보면\s*좋은\s*기사|関連記事|相关阅读|相關閱讀|延伸阅读|延伸閱讀)\s*[:：|»>]\s*/iu;

/**
 * A promotion of another story inside the article: a line that opens with a "read more" prefix and
 * whose rest is a link or a headline (not a sentence of the story), an all-capitals line that is
 * one link ("'DANCING WITH THE STARS' … OPENS UP"), or a short all-capitals "click here" line.
 */
function isPromoLine(el: Element): boolean {
  const text = textOf(el);
  if (!text || text.length > 220) return false;
  const m = PROMO_PREFIX.exec(text);
  if (m && m[0].length < text.length) {
    const rest = text.slice(m[0].length);
    if (linkShare(el) >= 0.5 || (!looksLikeProse(rest) && rest.length <= 160)) return true;
  }
  // All capitals: no more than a fifth of the letters in lower case (cheap test first).
  if (/[a-z]{4}/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  const shouting = letters.length >= 12 && upper / letters.length > 0.8;
  if (shouting && wordsOf(text) >= 3 && linkShare(el) >= 0.9) return true;
  return shouting && /\bclick(?:ing)?\s+here\b/i.test(text);
}

/** Promotions of other stories: lines (paragraphs, list items, small boxes) that `isPromoLine` names. */
function removePromoLines(root: Element): number {
  let removed = 0;
  // Through the text index: only blocks whose text could be a promotion are looked at.
  const candidate = (text: string) => PROMO_PREFIX.test(text) || !/[a-z]{4}/.test(text);
  for (const el of elementsWith(root, 220, candidate)) {
    if (!PROMO_BLOCK.test(el.tagName) || !removable(el, root) || el.querySelector('p, li, div, h2, h3, h4, img, figure, table')) continue;
    if (!isPromoLine(el) || !standsAlone(el)) continue;
    drop(el);
    removed++;
  }
  return removed;
}

const SHOUT_CHECK = /\p{Lu}/u;
const PROMO_BLOCK = /^(?:P|LI|H[2-6]|DIV|ASIDE|SECTION)$/;

/** The longest text a closing bio line has. */
const BIO_MAX = 500;

/** "Phil Helsel is a reporter for NBC News." after the story: the author's own bio line. */
function isAuthorBio(text: string, byline: string | null | undefined): boolean {
  const author = authorOf(byline);
  if (author.length < 3 || text.length > BIO_MAX || !SHOUT_CHECK.test(author[0] ?? '')) return false;
  const first = author.split(' ')[0]!;
  const names = [author, ...(first.length >= 3 && first !== author ? [first] : [])];
  return names.some((n) => new RegExp(`^${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(?:is|was|has|joined|covers|writes|reports|lives|previously|also)\\b`).test(text));
}

/**
 * Author bios: a box the page names as such ("author-bio", "about-author"), the "About the
 * author" label with the box after it, and a paragraph among the story's last few that opens with
 * the metadata author's name and tells who they are ("… is a reporter for …", "… joined … in 2017").
 */
function removeAuthorBios(root: Element, context: ClutterContext): number {
  let removed = removeNamedBoxes(root, new Set(['bio', 'biography', 'authorbio', 'bios']), {
    maxLen: 800,
    pairs: ['author box', 'author info', 'author card', 'author details', 'about author', 'author profile', 'author bio', 'about the author'],
  });
  removed += removeShortMatches(root, /^(?:about\s+the\s+author|about\s+the\s+authors|author\s+bio|über\s+den\s+autor|à\s+propos\s+de\s+l'auteur|sobre\s+el\s+autor|기자\s*소개|著者について)$/i, 30);
  // The last five blocks that hold no other block.
  const all = root.querySelectorAll('p, div');
  const blocks: Element[] = [];
  for (let i = all.length - 1; i >= 0 && blocks.length < 5; i--) if (!all[i]!.querySelector('p, div')) blocks.push(all[i]!);
  for (const el of blocks.reverse()) {
    if (!removable(el, root) || !standsAlone(el)) continue;
    // A longer block than a bio can be: its text is never built.
    const text = shortText(el, BIO_MAX);
    if (text === null || !isAuthorBio(text, context.byline)) continue;
    drop(el);
    removed++;
  }
  return removed;
}

/**
 * A paragraph that also holds the text of a hover card (a picture and links, shown only on hover):
 * inside a sentence, an inline element with a picture and two links or more is not the sentence.
 */
function removeHoverCards(root: Element): number {
  let removed = 0;
  for (const img of root.querySelectorAll('p span img, p a img, li span img')) {
    let card: Element | null = img.parentElement;
    // Up through inline wrappers that add no more than the name the card is about.
    while (card?.parentElement && INLINE.test(card.parentElement.tagName) && card.parentElement.closest('p, li') && lengthOf(card.parentElement) - lengthOf(card) <= 40) {
      card = card.parentElement;
    }
    if (!card || !INLINE.test(card.tagName) || !removable(card, root) || !root.contains(card)) continue;
    const block = card.closest('p, li');
    if (!block || card.querySelectorAll('a').length < 2) continue;
    // The paragraph goes on around it: text before or after the card.
    if (lengthOf(block) - lengthOf(card) < 40) continue;
    // The name the card is for stays: the card's first link when it comes before the picture.
    const first = card.querySelector('a');
    if (first && !first.contains(img) && first.compareDocumentPosition(img) & 4 /* FOLLOWING */) {
      for (let n = first.nextSibling; n; ) {
        const next = n.nextSibling;
        drop(n);
        n = next;
      }
      first.replaceWith(...Array.from(first.childNodes));
    } else drop(card);
    removed++;
  }
  return removed;
}

/** Boxes whose blocks are captions: named caption, gallery or slide (besides figures). */
const CAPTION_BOX_WORDS = new Set(['caption', 'captions', 'gallery', 'slide', 'slides', 'slideshow', 'carousel']);

/**
 * The same caption again later in the article (a gallery repeats one caption under every
 * picture, a "truncated" copy sits beside the full one): the first copy stays, later copies of
 * 30 characters or more go. Only captions: a heading repeated by a table of contents, a line of
 * code or a reference said twice are the article's own.
 */
function removeRepeatedCaptions(root: Element): number {
  const seen = new Map<string, Element>();
  let removed = 0;
  const boxes = [...root.querySelectorAll('figure, figcaption'), ...elementsNamed(root, CAPTION_BOX_WORDS)];
  const candidates = new Set<Element>();
  for (const box of boxes) {
    if (box.tagName === 'FIGCAPTION') candidates.add(box);
    for (const el of box.querySelectorAll('figcaption, p, div, span')) candidates.add(el);
  }
  for (const el of memo().inOrder(root, Array.from(candidates))) {
    if (!root.contains(el) || el.querySelector('p, div, figcaption, img, table, li, h2, h3, h4')) continue;
    if (el.closest('pre, code, td')) continue;
    if (el.tagName === 'SPAN' && !standsAlone(el)) continue;
    const text = shortText(el, 2000);
    if (!text || text.length < 30) continue;
    const first = seen.get(text);
    if (!first) {
      seen.set(text, el);
      continue;
    }
    // A wrapper and the one element inside it share their text: that is one block, not two.
    if (first.contains(el) || el.contains(first) || !removable(el, root)) continue;
    drop(el);
    removed++;
  }
  return removed;
}

/** Section names under which a list of links is the article's own (sources, references). */
const OWN_LIST_LABEL =
  /^(?:see\s+also|references?|sources?|notes?|footnotes|further\s+reading|external\s+links|bibliography|links|resources|credits|citations|downloads?|documents?|참고\s*문헌|참고\s*자료|출처|関連リンク|参考文献|参考资料|參考資料|einzelnachweise|weblinks|literatur|références|liens\s+externes|referencias|enlaces\s+externos)\b/i;

/** A block that is a headline of another story: mostly one link, a few words, not a sentence. */
function headlineBlock(el: Element): boolean {
  const text = shortText(el, 160);
  if (!text || text.length < 15 || /[.!?]["'”’]?$/.test(text)) return false;
  return linkShare(el) >= 0.9 && el.querySelectorAll('a').length <= 2;
}

/**
 * Lists of other stories after the story's last paragraph: a list whose items are headlines (most
 * of its text links, several words an item), or a run of two or more paragraphs that are each one
 * headline link, with the short label above them ("More Great … Stories"). A list under a heading
 * that names the article's own material (sources, references, see also, external links) stays, and
 * so does everything before the last paragraph of prose.
 */
function removeTrailingLinkLists(root: Element): number {
  const blocks = root.querySelectorAll('p, blockquote, pre, dd');
  let last: Element | null = null;
  for (let i = blocks.length - 1; i >= 0 && !last; i--) {
    const el = blocks[i]!;
    const len = lengthOf(el);
    if (len >= 120 && root.contains(el) && len * (1 - linkShare(el)) >= 120) last = el;
  }
  if (!last) return 0;
  const after = (el: Element) => !!(last!.compareDocumentPosition(el) & 4 /* FOLLOWING */) && !el.contains(last!);
  const labelOf = (el: Element): Element | null => {
    for (let box: Element | null = el; box && box !== root; box = box.parentElement) {
      const prev = box.previousElementSibling;
      if (prev) return lengthOf(prev) <= 60 ? prev : null;
    }
    return null;
  };
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  // Under a heading that names the article's own material (the nearest heading before it).
  const ownSection = (label: Element | null, el: Element) => {
    if (label && OWN_LIST_LABEL.test(textOf(label))) return true;
    let heading: Element | null = null;
    for (const h of headings) if (h.compareDocumentPosition(el) & 4 /* el FOLLOWS h */) heading = h;
    // …in the heading's own section: the heading's parent holds the list too.
    return !!heading && !!heading.parentElement?.contains(el) && OWN_LIST_LABEL.test(textOf(heading));
  };
  const dropWithLabel = (el: Element, label: Element | null) => {
    drop(el);
    let n = 1;
    if (label && root.contains(label) && removable(label, root) && after(label) && !looksLikeProse(textOf(label)) && !label.querySelector('img, figure, table')) {
      drop(label);
      n++;
    }
    return n;
  };
  let removed = 0;
  for (const list of root.querySelectorAll('ul, ol')) {
    if (!root.contains(list) || !after(list) || !removable(list, root)) continue;
    const items = Array.from(list.children).filter((c) => c.tagName === 'LI' && lengthOf(c));
    if (items.length < 2 || linkShare(list) < 0.6) continue;
    if (items.some((li) => li.querySelector('p, ul, ol, table'))) continue;
    const words = items.reduce((sum, li) => sum + wordsOf(textOf(li)), 0) / items.length;
    if (words < 4) continue;
    const label = labelOf(list);
    if (ownSection(label, list)) continue;
    removed += dropWithLabel(list, label);
  }
  // Runs of headline paragraphs.
  const run: Element[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const label = labelOf(run[0]!);
      if (!ownSection(label, run[0]!)) {
        for (const el of run.slice(1)) {
          if (!root.contains(el)) continue;
          drop(el);
          removed++;
        }
        removed += dropWithLabel(run[0]!, label);
      }
    }
    run.length = 0;
  };
  for (const el of root.querySelectorAll('p, h3, h4, div')) {
    if (!root.contains(el) || !after(el) || el.querySelector('p, div, h3, h4, ul, ol, img, figure')) continue;
    if (!headlineBlock(el) || !removable(el, root)) {
      flush();
      continue;
    }
    if (run.length && run[run.length - 1]!.nextElementSibling !== el) flush();
    run.push(el);
  }
  flush();
  return removed;
}

/** A line that is only the page's own address (a print header repeats it above the story). */
function removeUrlLines(root: Element, context: ClutterContext): number {
  const urls = new Set((context.urls ?? []).flatMap((u) => [u, u.replace(/[?#].*$/, ''), u.replace(/\/$/, '')]));
  if (!urls.size) return 0;
  const longest = Math.max(...Array.from(urls, (u) => u.length)) + 1;
  return removeShortMatches(root, (text) => urls.has(text) || urls.has(text.replace(/\/$/, '')), longest, { prose: true });
}

/**
 * Short lines inside a `<header>` of the article that are not a sentence and not a heading: the
 * section label, date, byline and "Opinion columnist" the page prints above its headline. The
 * headline and the standfirst (a sentence) stay.
 */
function removeHeaderLabels(root: Element): number {
  let removed = 0;
  for (const header of root.querySelectorAll('header')) {
    if (!removable(header, root) || holdsProse(header, 300)) continue;
    for (const el of Array.from(header.querySelectorAll('p, span, div, time, li, a, ol, ul'))) {
      if (!header.contains(el) || el.querySelector('p, div, li, h1, h2, h3, h4, h5, h6, img, picture, video, figure')) continue;
      if (el.closest('h1, h2, h3, h4, h5, h6, figure')) continue;
      const text = shortText(el, 80);
      if (text === null || !text || looksLikeProse(text) || /[.!?…]["'”’]?$/.test(text)) continue;
      if (!standsAlone(el) && el.tagName !== 'LI') continue;
      drop(el);
      removed++;
    }
  }
  return removed;
}

/**
 * Agency and photographer credits that stand for a caption's source: "Getty Images", "J. Scott
 * Applewhite / AP file", "Natalie Naccache | Bloomberg | Getty Images", "(AP Photo/David Zalubowski)",
 * "© John Brecher", "Image copyright". Short, no sentence, and naming a picture agency, the photo
 * word, or a copyright sign before a name.
 */
const AGENCY =
  /\b(?:AP|Associated\s+Press|Reuters|AFP|Getty(?:\s+Images)?|EPA(?:-EFE)?|Shutterstock|Bloomberg|Alamy|iStock(?:photo)?|Corbis|Pool|Handout|Xinhua|Yonhap|Newsis|NurPhoto|SOPA\s+Images|Sipa|Rex\s+Features|PA\s+(?:Images|Wire|Media)|dpa|ANP|Anadolu|Kyodo|Imago|WENN|Splash\s+News|Wireimage|FilmMagic|Contributor|Staff|File)\b|연합뉴스|뉴시스|뉴스1|ＡＰ|ロイター|共同|時事|新华社/;
export function isAgencyCredit(text: string): boolean {
  if (text.length > 90) return false;
  if (/^(?:image|photo|picture)\s+copyright(?:\s+.{1,40})?$/i.test(text)) return !looksLikeProse(text);
  if (/^[©ⓒ]\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}$/u.test(text)) return !looksLikeProse(text);
  // A sentence and then a source ("…연설하고 있다. 연합뉴스") is a caption, not a credit line.
  if (!AGENCY.test(text) || looksLikeProse(text) || /(?:[a-z가-힣]{2}|[가-힣])[.!?。]\s/.test(text)) return false;
  // Names, slashes and bars: "Alex Wong | Getty Images", "Sakib Ali/Hindustan Times/Getty Images".
  const words = text.replace(/[()[\]]/g, '').split(/[\s/|,;·•–—-]+/).filter(Boolean);
  // Names and agencies are short words; a caption in a script without spaces is one long "word".
  if (words.length > 10 || words.some((w) => w.length > 20)) return false;
  return words.every((w) => /^(?:\p{Lu}|\d|[가-힣ぁ-んァ-ン一-龯]|Ｐ|photo|via|for|of|the|file|and|de|del|van|von|by)/u.test(w) || /^(?:photo|images?|pool|file|staff|handout|via|for|courtesy)$/i.test(w));
}

/** Navigation inside the article: `<nav>`, menu roles and boxes named so, when mostly links. */
function removeNavigation(root: Element): number {
  let removed = 0;
  const named = elementsNamed(root, NAV_WORDS);
  const tagged = Array.from(root.querySelectorAll('nav, [role="navigation"], [role="menu"], [role="menubar"]'));
  for (const el of [...new Set([...tagged, ...named])]) {
    if (!removable(el, root)) continue;
    const len = lengthOf(el);
    if (len > 2000 || (len > 60 && linkShare(el) < 0.5) || (len && holdsProse(el, 200))) continue;
    drop(el);
    removed++;
  }
  return removed;
}
const NAV_WORDS = new Set('nav navbar navigation breadcrumb breadcrumbs crumbs topnav subnav sitenav megamenu menu submenu'.split(' '));

const AD_LABEL =
  /^(?:advertisements?|adverts?|ads?|sponsored(?:\s+(?:content|links?|stories|post))?|paid\s+(?:content|partner|post)|promoted(?:\s+(?:content|stories))?|(?:the\s+)?(?:story|article|content|text)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:ad|advertisement|advert))?|continue\s+reading\s+(?:below|the\s+(?:main\s+)?story(?:\s+below)?)|scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:reading|with\s+content))?|publicidad|publicité|anzeige|werbung|pubblicità|reklame?|реклама|광고|広告|广告|廣告)$/i;

const GALLERY_CONTROL =
  /^(?:image|photo|slide|picture|foto|bild)\s+\d+\s*(?:of|\/|von|de|di)\s*\/?\s*\d*$|^\d+\s+(?:of|von|de|di)\s+\d+$|^(?:enlarge\s+(?:this\s+)?image|toggle\s+caption|(?:show|hide)\s+caption|view\s+(?:full\s+)?(?:gallery|slideshow)|(?:launch|open)\s+(?:gallery|slideshow)|view\s+\d+\s+(?:images|photos)|(?:prev(?:ious)?|next)\s+(?:slide|image|photo)|this\s+slideshow\s+requires\s+javascript\.?|skip\s+to\s+(?:main\s+)?content|skip\s+(?:ad|advertisement)|(?:watch|play)\s+(?:the\s+)?video|video\s+player\s+is\s+loading\.?|loading\.{0,3})$/i;

const COMMENT_PROMPT =
  /^(?:\d+\s+)?comments?(?:\s*\(\s*\d*\s*\))?$|^(?:view|show|read|see|load|hide|post|add|leave|write|join)\s+(?:all\s+)?(?:\d+\s+)?(?:a\s+|your\s+|the\s+)?(?:comments?|replies|reply|conversation|discussion)(?:\s*\(?\s*[+\d]*\s*\)?)?$|^(?:tell\s+us\s+what\s+you\s+think|what\s+do\s+you\s+think|have\s+your\s+say|join\s+the\s+(?:conversation|discussion|debate)|comment\s+on\s+this\s+(?:story|article)|be\s+the\s+first\s+to\s+comment)\s*(?:\.{3}|[.!?…])?$|^댓글(?:\s*\d+|\s*(?:쓰기|달기|보기|작성))?$|^コメント(?:\s*\d+|する|を書く)?$|^评论(?:\s*\d+)?$|^(?:kommentare?|commentaires?|comentarios?|commenti|comentários?)(?:\s*\(?\d+\)?)?$/i;

const NEWSLETTER_PROMPT =
  /\b(?:delivered|straight|right|directly)\s+(?:to|in(?:to)?)\s+your\s+inbox|sign\s+up\s+(?:for|to)\s+our\b|sign\s+up\s+(?:for\s+)?(?:the\s+)?(?:free\s+)?(?:\S+\s+){0,4}newsletter|subscribe\s+to\s+our\b|^(?:breaking\s+news|email|e-mail|news)\s+(?:alerts|emails|newsletters?)$|every\s+(?:day|morning|week(?:day)?)\s+we\s+send|want\s+more\s+stories\s+like\s+this|^get\s+(?:the\s+)?(?:latest|best|top|breaking)\s+(?:news|stories|updates|headlines)|^(?:sign\s+up|subscribe)(?:\s+(?:now|today|here))?[.!]?$|let\s+our\s+news\s+meet\s+your\s+inbox|news(?:letter)?\s+(?:and\s+stories\s+)?that\s+matters?,\s+delivered/i;

const COOKIE_NOTICE =
  /\b(?:this|our)\s+(?:web)?site\s+uses\s+cookies|\bwe\s+use\s+cookies|\bby\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:web)?site|\baccept\s+(?:all\s+)?cookies|\bcookie\s+(?:policy|settings|preferences|notice)\b|opt[\s-]out\s+if\s+you\s+wish|쿠키(?:를|\s*사용|\s*정책|\s*설정)|クッキー(?:の使用|ポリシー|を使用)|使用\s*cookie|verwendet\s+cookies|utilise\s+des\s+cookies|utiliza\s+cookies/i;

const SHARE_PROMPT =
  /^(?:(?:did\s+you\s+)?(?:like|enjoy(?:ed)?|love)\s+this\s+(?:article|story|post)\s*\?\s*)?share\s+(?:this|it)\b.{0,40}$|^share\s+(?:on|via)\s+\S+$|^(?:follow|like)\s+(?:us|me|him|her|them|\S+(?:\s+\S+)?)\s+on\s+(?:twitter|facebook|instagram|linkedin|youtube|tiktok|x)\b[^.]{0,60}\.?$|^(?:view|see)\s+(?:the\s+)?(?:author|all)\s+(?:archive|posts|articles|stories)$|^e-?mail\s+the\s+author$|^follow\s+on\s+(?:twitter|facebook|instagram|linkedin)$|^more\s+(?:articles|stories|posts)\s+(?:from|by)\s+.{1,40}$/i;

/**
 * Lines in the article that only repeat its title (the reader shows the title above it). Headings
 * are Readability's to judge (it drops a heading that duplicates the title, and keeps one that
 * opens the story's own sections); a paragraph, caption or label with the title's exact words goes
 * when it is a line of its own (the title's words in bold inside the first sentence stay).
 */
export function removeTitleRepeats(content: Element, title: string): number {
  return withMemo(() => {
    const wanted = norm(title);
    if (wanted.length < 8) return 0;
    let removed = 0;
    for (const el of elementsWith(content, wanted.length, (text) => text === wanted)) {
      if (!/^(?:P|DIV|SPAN|STRONG|B|A|LI|FIGCAPTION)$/.test(el.tagName) || !content.contains(el) || el.querySelector(MEDIA)) continue;
      if (el.closest('table, ul, ol, dl, nav, h1, h2, h3, h4, h5, h6') || shortText(el, wanted.length) !== wanted || !standsAlone(el)) continue;
      drop(el);
      removed++;
    }
    return removed;
  });
}

const LEAF_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, figcaption, blockquote, dd, dt, div';
const MEDIA = 'img, picture, video, iframe, table, svg';
const MEDIA_TAG = /^(?:IMG|PICTURE|VIDEO|IFRAME|TABLE|svg|SVG)$/;

/**
 * A short line repeated right after itself (a caption printed twice, a section label above each of
 * two photos): the second copy goes. Only adjacent leaf blocks with the same text of at most 100
 * characters, with no picture between, and never when both are paragraphs: a refrain the author
 * repeats is the author's.
 */
export function removeAdjacentRepeats(content: Element): number {
  return withMemo(() => {
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
      const text = shortText(el, 100);
      if (text === null) {
        previous = { text: '', tag: el.tagName };
        continue;
      }
      if (!text) continue;
      const repeat = text === previous.text && !(el.tagName === 'P' && previous.tag === 'P');
      if (repeat && text.length >= 4 && !el.querySelector(MEDIA)) {
        drop(el);
        removed++;
        continue;
      }
      previous = { text, tag: el.tagName };
    }
    return removed;
  });
}

const SUBSCRIBE_PROMPT =
  /구독\s*(?:하기|신청|하세요|해\s*주세요)|뉴스레터\s*(?:구독|신청)|기자\s*구독|^subscribe\b|^sign\s+up\b.*\bnewsletter|already\s+a\s+subscriber|newsletter\s+sign[\s-]*up|^get\s+(?:our|the)\s+\S*\s*newsletter|読み放題|有料会員(?:限定|登録|になる|が\S{0,4}無料)|記事利用サービス/i;
/**
 * Calls to subscribe that are whole sentences ("Need more space? Subscribe to our sister title…",
 * "Want more science? Get a subscription…", "Get … delivered through your letterbox every month",
 * "Join our … forums", "Get access to …"): they address the reader, which news prose does not.
 */
const SUBSCRIBE_CALL =
  /^(?:want|need)\s+more\b[^?]{0,40}\?\s*(?:subscribe|sign\s+up|get|join|try|check|follow|download)\b|\bsister\s+(?:title|publication|magazine)\b|\bdelivered\s+(?:to|through|straight\s+to|right\s+to)\s+your\s+(?:inbox|letterbox|door|doorstep|mailbox)|^join\s+our\b|^get\s+access\s+to\b|^click\s+here\s+to\s+(?:subscribe|sign\s+up|register|download|get|join|follow)\b|^subscribe\s+to\s+(?:the\s+)?[^.!?]{0,40}(?:channel|podcast|magazine|newsletter|feed)\b|^(?:there'?s\s+plenty\s+more\s+where\s+that\s+came\s+from\.?\s*)?sign\s+up\s+(?:for|to)\b[^.!?]{0,60}(?:today|now|free|newsletter)/i;

const TIP_OFF =
  /기사\s*문의\s*(?:및|·|\/)?\s*제보|제보\s*(?:하기|하러\s*가기)$|^제보\s*[:：]|당신의\s*제보가\s*뉴스가|카톡\s*\/\s*라인|^(?:send|email)\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?tips?\b|have\s+a\s+(?:news\s+)?tip\?|^(?:you\s+can\s+)?(?:reach|contact|e-?mail)\s+(?:the\s+)?(?:reporters?|writers?|authors?|columnists?)\b|\bmay\s+be\s+reached\s+at\b/i;
/** Tip-off wording that is a notice even as a whole sentence (it speaks to the reader). */
const TIP_OFF_NOTICE = /have\s+a\s+(?:news\s+)?tip\?|^(?:you\s+can\s+)?(?:reach|contact|e-?mail)\s+(?:the\s+)?(?:reporters?|writers?|authors?|columnists?)\b|\bmay\s+be\s+reached\s+at\b|당신의\s*제보가\s*뉴스가/i;

/**
 * Affiliate and sponsorship disclosures ("This post may contain affiliate links…", "Microsoft may
 * earn an Affiliate Commission if you purchase something through recommended links…").
 */
// Crisis-line notices under stories about suicide ("※ 우울감 등 … 자살예방 상담전화 ☎109 …", "… call
// or text 988") are deliberately not clutter: press guidelines ask for them because they help a
// reader at risk, and a reader view must not take that away (tested in clutter.test.ts).

const AFFILIATE_NOTICE =
  /\baffiliate\s+(?:links?|commissions?|partnerships?|programs?)\b|\bmay\s+(?:earn|receive|get)\s+(?:a\s+|an\s+)?(?:small\s+)?(?:affiliate\s+)?(?:commission|share\s+of\s+sales)|\breferral\s+links?\b|\bdisclosure\s+(?:page|policy)\b/i;

const KOREAN_JAPANESE_DATELINE =
  /^(?:기사\s*)?(?:입력|수정|최종\s*수정|등록|승인|송고|업데이트|published|updated|posted)\s*(?:일시|시간)?\s*[:：]?\s*\d{4}[.\-년/]\s*\d{1,2}[.\-월/]\s*\d{1,2}|^\d{4}年\s*\d{1,2}月\s*\d{1,2}日\s*(?:\d{1,2}:\d{2})?\s*(?:[(（]\s*\d{4}年\s*\d{1,2}月\s*\d{1,2}日\s*(?:\d{1,2}:\d{2})?\s*(?:更新|更新済み)\s*[)）])?$/i;

export const CLUTTER_RULES: ClutterRule[] = [
  shortTextRule(
    'font-size-widget',
    'Font-size and display pickers ("본문 글자 크기 조정", "검은색 배경", "Text size") with their buttons: a short label, never a sentence.',
    /글자\s*크기|글씨\s*크기|본문\s*글자|글꼴\s*(?:크기|선택|변경)|폰트\s*크기|글자\s*행간|줄\s*간격|(?:흰색|검은색|검정|어두운|밝은)\s*배경|배경\s*(?:색|설정)|font[\s-]*size|text[\s-]*size|line[\s-]*spacing|(?:dark|night|light)\s*(?:mode|theme)|文字サイズ|文字の大きさ|字号|字體大小|字体大小|字級/i,
    80,
  ),
  shortTextRule(
    'translation-widget',
    'Translation pickers and their placeholders ("번역할 언어 선택", "결과물 출력을 준비하고 있어요"): short labels, never a sentence.',
    /번역할\s*언어|기사\s*번역|언어\s*(?:선택|변경)|결과물\s*출력을\s*준비|번역\s*(?:하기|보기)|translate\s+(?:this|article|page)|select\s+(?:a\s+)?language|choose\s+(?:a\s+)?language|言語を選択|选择语言|選擇語言/i,
    80,
  ),
  { id: 'ai-summary', why: 'Machine-made summary boxes ("AI 요약은 … 활용해", "AI-generated summary") that repeat the story above it.', apply: (root) => withMemo(() => removeAiSummaries(root)) },
  {
    id: 'share-bar',
    why: 'Share, like and print bars: short blocks made only of share words and counts, or of links to share endpoints with hardly any other text (a byline with a "follow" link stays).',
    apply: (root) => withMemo(() => {
      let removed = 0;
      // Only an element that holds two share links can be a bar of links.
      const shareLinkCount = new Map<Element, number>();
      for (const a of root.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href') ?? '';
        if (!SHARE_HINT.test(href) || !SHARE_HOSTS.test(href)) continue;
        for (let p: Element | null = a; p && p !== root; p = p.parentElement) shareLinkCount.set(p, (shareLinkCount.get(p) ?? 0) + 1);
      }
      const textual = elementsWith(root, 120, isShareText);
      const byLinks = Array.from(shareLinkCount).filter(([, n]) => n >= 2).map(([el]) => el);
      const candidates = memo().inOrder(root, [...new Set([...textual, ...byLinks])]);
      for (const el of candidates) {
        const text = shortText(el, 120);
        if (text === null) continue;
        const textBar = !!text && isShareText(text);
        if (!removable(el, root)) continue;
        let isBar = textBar;
        if (!isBar) {
          const links = Array.from(el.querySelectorAll('a[href]'));
          const shareLinks = links.filter((a) => SHARE_HOSTS.test(a.getAttribute('href') ?? ''));
          isBar = shareLinks.length >= 2 && shareLinks.length >= links.length / 2 && nonShareText(text).length <= 15;
        }
        // A "Facebook" link inside a sentence ("visit us on <a>Facebook</a>, …") is not a bar.
        if (!isBar || el.querySelector('p, h1, h2, h3, figure, picture, video') || !standsAlone(el)) continue;
        drop(el);
        removed++;
      }
      return removed;
    }),
  },
  shortTextRule(
    'reaction-prompt',
    'Prompts to like or rate the story and bookmark/copy toasts ("좋아요를 눌러주세요", "해당 기사를 북마크했습니다", "Was this article helpful?").',
    /좋아요를?\s*(?:눌러|클릭)|기사가?\s*(?:마음에\s*(?:드셨|들었|드신)|유익하셨|도움이\s*되셨)|(?:did|do)\s+you\s+(?:like|enjoy|find)\s+this\s+(?:article|story|post)|was\s+this\s+(?:article|story|post|page)\s+(?:helpful|useful)|rate\s+this\s+(?:article|story)|(?:북마크|스크랩)(?:했습니다|되었습니다|가\s*(?:추가|해제|완료))|(?:기사\s*)?URL이\s*복사|bookmark\s+(?:added|removed|saved)|added\s+to\s+(?:your\s+)?(?:bookmarks|reading\s+list)|link\s+copied|この記事(?:は役に立ちましたか|が気に入ったら)|这篇文章对您有帮助吗|이\s*기사\s*어땠나요|중복\s*선택\s*불가|이미\s*공감\s*표현을/i,
    100,
  ),
  { id: 'related-lists', why: 'Lists of other stories (best/popular/related) and the headlines portals paste after their label.', apply: (root) => withMemo(() => removeRelatedLists(root)) },
  shortTextRule(
    'copyright-line',
    'Copyright and "no redistribution" notices ("무단 전재 및 재배포 금지", "© 2024 …", "All rights reserved"): short lines with the notice wording, not prose about copyright.',
    isCopyrightNotice,
    200,
    { prose: true },
  ),
  { id: 'back-to-top', why: '"Top으로 이동" / "Back to top" links and buttons: the whole text is the phrase.', apply: (root) => withMemo(() => removeBackToTop(root)) },
  shortTextRule(
    'stock-tracker',
    'Stock-tracker widgets and investment disclaimers ("종목 추적기", "투자 판단의 책임은 …", "not investment advice"), by wording notices use.',
    isStockWidget,
    600,
    { prose: true },
  ),
  { id: 'reporter-email', why: 'Reporter sign-offs ending in an e-mail address ("홍길동 기자 hong@example.com"); a spoken sign-off sentence keeps its words.', apply: (root) => withMemo(() => removeReporterEmails(root)) },
  { id: 'photo-credit', why: 'Photo, graphic and production credits ("사진=연합뉴스", "영상편집 : 김경준", "Photo: Getty Images"), whole or at the end of a caption; the caption and picture stay.', apply: (root) => withMemo(() => removeCredits(root)) },
  shortTextRule(
    'dateline',
    'Entry and revision time lines ("기사입력 : 2025.02.04", "Updated: …", "PUBLISHED: 10:48, Tue, Nov 19, 2019", "Published 1 day ago"): the reader shows the date itself; a date heading, list item or table cell stays.',
    (text) => /\d/.test(text) && (KOREAN_JAPANESE_DATELINE.test(text) || isDateLine(text)),
    100,
    { notIn: 'h1, h2, h3, h4, h5, h6, td, th, li' },
  ),
  shortTextRule(
    'subscribe-prompt',
    'Subscription prompts ("기자 구독", "Subscribe to our newsletter", "Need more space? Subscribe to our sister title…"): calls to action that address the reader, never a sentence reporting on subscriptions.',
    (text) => SUBSCRIBE_CALL.test(text) || (SUBSCRIBE_PROMPT.test(text) && !looksLikeProse(text)),
    200,
    { line: true, prose: true },
  ),
  shortTextRule(
    'tip-off',
    'Tip-off and contact notices appended to stories ("기사문의 및 제보 : 카톡/라인 …", "당신의 제보가 뉴스가 됩니다", "Send us a tip", "Have a tip? … may be reached at …", "Reach the reporters on Twitter at …"): notice wording, not news prose.',
    (text) => TIP_OFF.test(text) && (TIP_OFF_NOTICE.test(text) || !looksLikeProse(text)),
    200,
    { prose: true },
  ),
  shortTextRule(
    'hashtag-line',
    'Lines made only of hashtags ("#고물가 #짠테크"): two tags or more and nothing else.',
    /^#[^\s#]+(?:\s+#[^\s#]+)+$/,
    300,
    { prose: true },
  ),
  shortTextRule(
    'end-marker',
    'End-of-story markers and lone separators ("(끝)", "<끝>", "-END-", "■"): the whole text is the marker (a "___" rule between sections is the story\'s own).',
    /^(?:[(<[〈【/-]\s*(?:끝|END|완|終|完)\s*[)>\]〉】/-]|[■□◆◇▲△▶▷●○★☆※*#=~\-–—·•]+)$/i,
    12,
    { prose: true, notIn: 'td, th' },
  ),
  {
    id: 'navigation',
    why: 'Menus and breadcrumbs inside the chosen block (<nav>, menu roles, boxes named nav/menu/breadcrumb) while they are mostly links and hold no paragraph.',
    apply: (root) => withMemo(() => removeNavigation(root)),
  },
  {
    id: 'header-labels',
    why: "Section labels, dates and bylines inside the article's <header> (short lines that are not a sentence nor a heading); the headline and standfirst stay.",
    apply: (root) => withMemo(() => removeHeaderLabels(root)),
  },
  namedBoxRule(
    'newsletter-box',
    'Boxes the page names newsletter/signup/subscribe/paywall, when short and without a paragraph of prose.',
    'newsletter newsletters signup subscribe subscription subscriptions paywall optin',
    { maxLen: 600, pairs: ['sign up', 'email alerts', 'email signup'] },
  ),
  namedBoxRule(
    'byline-box',
    'Byline, author and date boxes the page names so (byline, author, dateline, timestamp, meta): the reader shows author and date above the article.',
    'byline bylines dateline timestamp timestamps author authors pubdate published updated meta date',
    { maxLen: 200, also: (el) => !looksLikeProse(textOf(el)) },
  ),
  namedBoxRule(
    'ad-box',
    'Ad slots and sponsored boxes named so (ad, advert, sponsor, promo, outbrain, taboola): short, no paragraph.',
    'ad ads advert adverts advertisement advertising adslot adunit dfp sponsor sponsored promo promoted outbrain taboola',
    { maxLen: 300 },
  ),
  namedBoxRule(
    'related-box',
    'Boxes of other stories named related/recommended/trending/more stories, when a good part of their text is links.',
    'related recommended recommendations recirculation recirc trending mostread morestories readmore',
    { maxLen: 3000, minLinkShare: 0.3, pairs: ['more stories', 'read more', 'most read', 'most popular', 'you may like', 'read next', 'up next'] },
  ),
  namedBoxRule('comment-box', "Comment counts and prompts named comments/disqus (long comment threads are Readability's to drop).", 'comments comment disqus replies respond', {
    maxLen: 300,
  }),
  namedBoxRule('cookie-box', 'Cookie and consent notices named cookie/consent/gdpr.', 'cookie cookies consent gdpr cmp', { maxLen: 1000 }),
  namedBoxRule('tag-list', 'Tag and topic lists named tags/topics/keywords: mostly links, short.', 'tags tag keywords topics', { maxLen: 400, minLinkShare: 0.5 }),
  shortTextRule('ad-label', 'Ad labels ("Advertisement", "Continue reading below", "Anzeige", "광고"): the whole line is the label.', AD_LABEL, 60),
  shortTextRule(
    'gallery-controls',
    'Gallery and player controls ("Image 1 of 9", "Caption", "Close", "This slideshow requires JavaScript."): the whole line is the control.',
    GALLERY_CONTROL,
    60,
    { prose: true, notIn: 'table' },
  ),
  shortTextRule('comment-prompt', 'Comment counts and prompts ("12 Comments", "Post Comment (+)", "Tell us what YOU think...", "댓글 3").', COMMENT_PROMPT, 60, { prose: true }),
  shortTextRule(
    'newsletter-prompt',
    'Newsletter and alert prompts ("Get breaking news alerts…", "…delivered to your inbox", "Sign up for our …"): wording that speaks to the reader, not news prose.',
    NEWSLETTER_PROMPT,
    250,
    { prose: true },
  ),
  shortTextRule(
    'cookie-notice',
    'Cookie notices ("This website uses cookies…", "Accept cookies"): consent wording, not news prose.',
    (text) => /cooki|쿠키|クッキー|opt[\s-]out/i.test(text) && COOKIE_NOTICE.test(text),
    500,
    { prose: true },
  ),
  shortTextRule(
    'share-prompt',
    'Share and follow prompts ("Like this story? Share it with a friend!", "Follow Newsbeat on Instagram…", "View author archive").',
    SHARE_PROMPT,
    200,
    { prose: true },
  ),
  {
    id: 'byline-line',
    why: 'Bylines printed in the body ("By Paul Takahashi", "By … - 11/18/19 11:04 PM EST", the metadata author alone, a wire story\'s "Reporting by …; Editing by …"): the reader shows the author above the article.',
    apply: (root, context = {}) =>
      withMemo(() => removeShortMatches(root, (text) => isBylineLine(text, context.byline) || WIRE_CREDIT.test(text), 300, { notIn: 'h1, h2, h3, td, th, li', prose: true })),
  },
  {
    id: 'promo-line',
    why: 'Promotions of other stories inside the article ("READ MORE: …", "Also on …", an all-capitals line that is one link, "CLICK HERE TO GET THE APP").',
    apply: (root) => withMemo(() => removePromoLines(root)),
  },
  {
    id: 'author-bio',
    why: 'Author bios after the story: boxes named bio/about-author, the "About the author" label, and a closing line that opens with the author\'s name ("… is a reporter for …").',
    apply: (root, context = {}) => withMemo(() => removeAuthorBios(root, context)),
  },
  {
    id: 'hover-card',
    why: 'Hover cards inside a sentence (a picture and links about a name, shown only on hover): the name stays, the card goes.',
    apply: (root) => withMemo(() => removeHoverCards(root)),
  },
  {
    id: 'repeated-caption',
    why: 'Later copies of a caption already in the article (one caption under every picture of a gallery, a truncated copy beside the full one): the first stays.',
    apply: (root) => withMemo(() => removeRepeatedCaptions(root)),
  },
  {
    id: 'trailing-links',
    why: 'Lists of other stories after the last paragraph (headline lists and runs of one-link paragraphs, with their label); lists under "Sources", "References", "See also" stay.',
    apply: (root) => withMemo(() => removeTrailingLinkLists(root)),
  },
  shortTextRule('affiliate-notice', 'Affiliate and referral disclosures ("This post may contain affiliate links…", "… may earn an affiliate commission …").', AFFILIATE_NOTICE, 250, { prose: true }),
  namedBoxRule(
    'carousel-box',
    'Carousels and rails of other stories (boxes named carousel, swiper, slider, rail) while most of their text is links and they hold no paragraph.',
    'carousel swiper slider rail',
    { maxLen: 2000, minLinkShare: 0.4 },
  ),
  { id: 'url-line', why: "A line that is only the page's own address (print headers repeat it).", apply: (root, context = {}) => withMemo(() => removeUrlLines(root, context)) },
  {
    id: 'title-repeat',
    why: 'A line that only repeats the title (the reader shows the title above the article); the title\'s words inside a sentence stay.',
    apply: (root, context = {}) => removeTitleRepeats(root, context.title ?? ''),
  },
  // Last: the other rules read these labels as signs (a font-size widget's hidden "글자 크기").
  {
    id: 'screen-reader-text',
    why: 'Short text for screen readers only ("Image caption", "Image copyright", "Share on Facebook"), hidden by a class that says so (sr-only, visually-hidden, off-screen, blind): the page does not show it.',
    apply: (root) => withMemo(() => removeScreenReaderText(root)),
  },
  { id: 'adjacent-repeat', why: 'A short line printed twice in a row (a caption and its copy): the second goes, never a paragraph after a paragraph.', apply: (root) => removeAdjacentRepeats(root) },
];

/**
 * Runs every rule once below `root`; returns removals per rule (for tests and the benchmark). With
 * `empty`, the empty wrappers the rules left go too (`removeEmpty`, with the rules' index).
 */
export function removeClutter(
  root: Element,
  rules: ClutterRule[] = CLUTTER_RULES,
  context: ClutterContext = {},
  options: { empty?: boolean; phases?: Record<string, number> } = {},
): Record<string, number> {
  const phases = options.phases;
  return withMemo(() => {
    const counts: Record<string, number> = {};
    for (const rule of rules) {
      const t0 = phases ? performance.now() : 0;
      counts[rule.id] = rule.apply(root, context);
      if (phases) phases[`rule:${rule.id}`] = (phases[`rule:${rule.id}`] ?? 0) + performance.now() - t0;
    }
    if (options.empty) removeEmptyIn(root);
    return counts;
  });
}

/** Empty wrappers left behind: no text and no media. */
export function removeEmpty(root: Element): number {
  return withMemo(() => removeEmptyIn(root));
}

const EMPTY_TAGS = 'p, div, span, section, li, ul, ol, figure, figcaption, strong, b, em, a, h1, h2, h3, h4, h5, h6, table, tbody, tr, td';
const EMPTY_TAG = /^(?:P|DIV|SPAN|SECTION|LI|UL|OL|FIGURE|FIGCAPTION|STRONG|B|EM|A|H[1-6]|TABLE|TBODY|TR|TD)$/;

function removeEmptyIn(root: Element): number {
  let removed = 0;
  // The rules' index knows which elements are empty; without one, every candidate is looked at.
  const known = memo().emptyCandidates(root);
  const candidates = known ? memo().inOrder(root, known.filter((el) => EMPTY_TAG.test(el.tagName))) : Array.from(root.querySelectorAll(EMPTY_TAGS));
  candidates.reverse();
  for (const el of candidates) {
    if (el === root || lengthOf(el) || !root.contains(el)) continue;
    if (el.querySelector('img, picture, video, audio, iframe, svg, math, canvas, object, embed, br + br, hr')) continue;
    if (el.tagName === 'TD' || el.tagName === 'TR') continue;
    // "0937-141993<span><br></span>林錦武": an inline element that holds a line break is that break.
    if (INLINE.test(el.tagName) && el.querySelector('br')) continue;
    // "price tag of<b>&nbsp;</b>$35": an inline element that holds only a space is that space.
    active?.forget(el.parentNode);
    if (INLINE.test(el.tagName) && /\s/.test(el.textContent ?? '')) el.replaceWith(el.ownerDocument.createTextNode(' '));
    else el.remove();
    removed++;
  }
  return removed;
}
