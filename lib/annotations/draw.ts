// The reader's own highlights drawn into the article as <mark>s, and taken away again exactly.
//
// Highlights may overlap: the text is cut at every highlight's start and end, and each piece that
// any highlight covers becomes one <mark class="ra-hl"> naming every highlight over it
// (data-hl="id id…", the colour of the last one drawn on top); a highlight crossing a link,
// emphasis or a paragraph is one mark per piece. So marks never nest and never straddle an
// element: no overlap can corrupt the article. As with entity marks (lib/entities/dom.ts), each
// replaced text node is kept aside and put back by eraseHighlights, so the DOM is exactly as
// before. Mark text is set with textContent only.
import type { HighlightColor } from '@/lib/annotations/highlight';
import { textOf } from '@/lib/entities/dom';

/** A highlight placed in the text (offsets into textOf(root).text). */
export interface PlacedHighlight {
  id: string;
  start: number;
  end: number;
  color: HighlightColor;
}

interface Applied {
  original: Text;
  pieces: Node[];
}

const applied = new WeakMap<Node, Applied[]>();

/** Draws `items` (earlier ones under later ones) in `root`, after taking away any drawn before. */
export function drawHighlights(root: Element, items: readonly PlacedHighlight[]): void {
  eraseHighlights(root);
  const list = items.filter((h) => h.end > h.start);
  if (!list.length) return;
  const doc = root.ownerDocument;
  const { nodes } = textOf(root);
  const records: Applied[] = [];
  applied.set(root, records);
  for (const { node, start } of nodes) {
    const end = start + node.data.length;
    const over = list.filter((h) => h.start < end && h.end > start);
    const parent = node.parentNode;
    if (!over.length || !parent) continue;
    const cuts = new Set([0, node.data.length]);
    for (const h of over) {
      if (h.start > start) cuts.add(h.start - start);
      if (h.end < end) cuts.add(h.end - start);
    }
    const at = [...cuts].sort((a, b) => a - b);
    const pieces: Node[] = [];
    for (let i = 0; i + 1 < at.length; i++) {
      const from = at[i]!;
      const to = at[i + 1]!;
      const piece = node.data.slice(from, to);
      const covering = over.filter((h) => h.start < start + to && h.end > start + from);
      if (!covering.length) {
        pieces.push(doc.createTextNode(piece));
        continue;
      }
      const top = covering[covering.length - 1]!;
      const mark = doc.createElement('mark');
      mark.className = `ra-hl ra-hl-${top.color}${covering.length > 1 ? ' ra-hl-overlap' : ''}`;
      mark.setAttribute('data-hl', covering.map((h) => h.id).join(' '));
      mark.textContent = piece;
      pieces.push(mark);
    }
    for (const p of pieces) parent.insertBefore(p, node);
    parent.removeChild(node);
    records.push({ original: node, pieces });
  }
}

/** Puts back the text nodes drawHighlights replaced. */
export function eraseHighlights(root: Element): void {
  const records = applied.get(root);
  if (!records) return;
  applied.delete(root);
  for (let r = records.pop(); r; r = records.pop()) {
    const first = r.pieces[0];
    if (!first?.parentNode) continue;
    first.parentNode.insertBefore(r.original, first);
    for (const p of r.pieces) p.parentNode?.removeChild(p);
  }
}

/** The marks that draw highlight `id`, in document order. */
export function marksOf(root: Element, id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('mark.ra-hl')].filter((m) =>
    (m.getAttribute('data-hl') ?? '').split(' ').includes(id),
  );
}
