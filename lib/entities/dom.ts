// Entity spans back into the article's DOM, and out again.
//
// Offsets: `textOf(root)` reads the root's text nodes in document order (script, style, template,
// textarea and noscript skipped) and puts one "\n" between blocks (p, li, h1…, br …) that the DOM
// itself does not hold, so "…했다.</p><p>올트먼…" does not run two sentences into one word. A span's
// offsets are into that text; the "\n"s map to no node.
//
// Highlighting replaces each touched text node by pieces (plain text and <mark> elements, a mark
// split wherever the span crosses an element boundary such as a link or <b>) and keeps the original
// node aside; removing puts the very same nodes back, so the DOM (and anything holding a reference
// to one of its text nodes) is exactly as before.
import { entityId } from '@/lib/entities/group';
import { groupOf, type EntityGroup, type EntitySpan } from '@/lib/entities/types';

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'NOSCRIPT']);
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
    ' ',
  ),
);

export interface TextMap {
  text: string;
  /** Each text node with the offset of its first character in `text`, in document order. */
  nodes: Array<{ node: Text; start: number }>;
}

export function textOf(root: Node): TextMap {
  const steps = textMapping(root);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

// Nodes read in one step (steps are kept small: runInSlices measures a slice's time between two,
// and on a loaded machine one step of 2,000 nodes took tens of milliseconds by itself).
const READ_STEP = 500;

/** textOf() in steps of a few thousand nodes (each yields 0: the share is not known before the end). */
export function* textMapping(root: Node): Generator<number, TextMap, void> {
  // The text is gathered in parts and joined once: asking a string built by += whether it ends
  // with "\n" makes the engine copy all of it, every block (120 s for 20,000 paragraphs).
  const parts: string[] = [];
  let length = 0;
  let last = '';
  let seen = 0;
  const nodes: TextMap['nodes'] = [];
  const add = (part: string) => {
    parts.push(part);
    length += part.length;
    last = part[part.length - 1]!;
  };
  const sep = () => {
    if (length && last !== '\n') add('\n');
  };
  function* walk(parent: Node): Generator<number, void, void> {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (++seen % READ_STEP === 0) yield 0;
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (!data) continue;
        nodes.push({ node: child as Text, start: length });
        add(data);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIP.has(el.tagName.toUpperCase())) continue;
        // Marks we added are transparent: their text counts as the text they wrap.
        const block = BLOCK.has(el.tagName.toUpperCase());
        if (block) sep();
        yield* walk(el);
        if (block) sep();
      }
    }
  }
  yield* walk(root);
  return { text: parts.join(''), nodes };
}

export interface HighlightOptions {
  /** The mark's title, e.g. "Organisation: 삼성전자 (005930 KOSPI)"; the type's name alone when absent. */
  label?: (span: EntitySpan) => string;
}

export interface HighlightHandle {
  /** The spans that were drawn, in text order (a mention's index in this list is its data-mention). */
  spans: EntitySpan[];
  /** Each mention of an entity as the marks that draw it (one or more), in document order. */
  mentionsOf(id: string): HTMLElement[][];
  remove(): void;
}

interface Applied {
  original: Text;
  pieces: Node[];
}

const applied = new WeakMap<Node, Applied[]>();

/**
 * Wraps every span whose group is in `enabled` in `<mark class="ra-ent ra-ent-TYPE">`. Spans must not
 * overlap (recognize() returns them so); an overlapping later span is skipped. Any earlier
 * highlights in `root` are removed first.
 */
export function highlightEntities(
  root: Element,
  spans: readonly EntitySpan[],
  enabled: Iterable<EntityGroup | EntitySpan['type']>,
  options: HighlightOptions = {},
): HighlightHandle {
  const steps = highlighting(root, spans, enabled, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

// Text nodes marked in one step (a few dozen marks: ~1 ms; 200 nodes took 5-10 ms, 30-60 ms under load).
const STEP = 25;

/**
 * highlightEntities() in steps that each mark a few text nodes and yield the share done (0 to 1),
 * for a caller that lets the page breathe between them. What is marked so far is on record at
 * every step: removeHighlights(root) takes a half-done highlighting away too.
 */
export function* highlighting(
  root: Element,
  spans: readonly EntitySpan[],
  enabled: Iterable<EntityGroup | EntitySpan['type']>,
  options: HighlightOptions = {},
): Generator<number, HighlightHandle, void> {
  removeHighlights(root);
  const on = new Set<string>(enabled);
  const doc = root.ownerDocument;
  const drawn: EntitySpan[] = [];
  let lastEnd = -1;
  // The recognizer gives them in order: sorted (a copy) only when they are not.
  const inOrder = spans.every((s, i) => i === 0 || spans[i - 1]!.start <= s.start);
  for (const s of inOrder ? spans : [...spans].sort((a, b) => a.start - b.start)) {
    if (!(on.has(s.type) || on.has(groupOf(s.type))) || s.start < lastEnd || s.end <= s.start) continue;
    drawn.push(s);
    lastEnd = s.end;
  }
  const { nodes } = yield* textMapping(root);
  const records: Applied[] = [];
  applied.set(root, records);
  // One title string per entity, shared by its marks (tens of thousands of marks, a few thousand names).
  const titles = new Map<string, string>();
  let k = 0; // first drawn span that may still touch the current node
  for (const [n, { node, start }] of nodes.entries()) {
    if (n % STEP === STEP - 1) yield n / nodes.length;
    const end = start + node.data.length;
    while (k < drawn.length && drawn[k]!.end <= start) k++;
    const cuts: Array<{ from: number; to: number; span: number }> = [];
    for (let i = k; i < drawn.length && drawn[i]!.start < end; i++) {
      const s = drawn[i]!;
      cuts.push({ from: Math.max(s.start, start) - start, to: Math.min(s.end, end) - start, span: i });
    }
    // A node the page took away while the page had its turn is left alone.
    const parent = node.parentNode;
    if (!cuts.length || !parent) continue;
    const pieces: Node[] = [];
    let at = 0;
    for (const c of cuts) {
      if (c.from > at) pieces.push(doc.createTextNode(node.data.slice(at, c.from)));
      const s = drawn[c.span]!;
      const id = entityId(s);
      const mark = doc.createElement('mark');
      mark.className = `ra-ent ra-ent-${s.type}`;
      mark.setAttribute('data-entity-id', id);
      mark.setAttribute('data-entity-type', s.type);
      mark.setAttribute('data-mention', String(c.span));
      const named = `${id}\u0000${s.canonical ?? s.text}`;
      let title = titles.get(named);
      if (title === undefined) titles.set(named, (title = options.label?.(s) ?? s.type));
      mark.title = title;
      mark.textContent = node.data.slice(c.from, c.to);
      pieces.push(mark);
      at = c.to;
    }
    if (at < node.data.length) pieces.push(doc.createTextNode(node.data.slice(at)));
    for (const p of pieces) parent.insertBefore(p, node);
    parent.removeChild(node);
    records.push({ original: node, pieces });
  }
  return {
    spans: drawn,
    mentionsOf: (id) => mentionsOf(root, id),
    remove: () => removeHighlights(root),
  };
}

/** Each mention of entity `id` in `root` as its marks, in document order. */
export function mentionsOf(root: Element, id: string): HTMLElement[][] {
  const byMention = new Map<string, HTMLElement[]>();
  for (const mark of root.querySelectorAll<HTMLElement>('mark.ra-ent')) {
    if (mark.getAttribute('data-entity-id') !== id) continue;
    const key = mark.getAttribute('data-mention') ?? '';
    const list = byMention.get(key);
    if (list) list.push(mark);
    else byMention.set(key, [mark]);
  }
  return [...byMention.values()];
}

/** Puts back the text nodes highlightEntities replaced: the DOM is as it was before. */
export function removeHighlights(root: Element): void {
  const steps = removing(root);
  for (let step = steps.next(); !step.done; step = steps.next());
}

// Marked text nodes put back in one step.
const UNDO_STEP = 100;

/**
 * removeHighlights() in steps of 500 marked nodes, for runInSlices (lib/slices.ts). The
 * marks not yet taken away stay on record: a removeHighlights() or a new highlighting meanwhile
 * takes the rest at once, and this then has nothing left to do.
 */
export function* removing(root: Element): Generator<number, void, void> {
  const records = applied.get(root);
  if (records) {
    const total = records.length;
    for (let done = 1; records.length; done++) {
      if (done % UNDO_STEP === 0) yield done / total;
      // From the end, taken off the record only now: a record is one text node of its own, so the
      // order does not matter, and a stop at the turn above leaves every remaining one on record.
      const { original, pieces } = records.pop()!;
      const first = pieces[0];
      if (!first?.parentNode) continue;
      first.parentNode.insertBefore(original, first);
      for (const p of pieces) p.parentNode?.removeChild(p);
    }
    if (applied.get(root) === records) applied.delete(root);
    return;
  }
  // Marks from another copy of this module (a second injection): unwrap and join the text again.
  const marks = root.querySelectorAll('mark.ra-ent');
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    parent.replaceChild(root.ownerDocument.createTextNode(mark.textContent ?? ''), mark);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}
