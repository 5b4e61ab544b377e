// Entity-level scoring for bench:entities: exact (same start, end and type) and relaxed (a
// prediction and a gold span of the same type that overlap, each gold span matched once).
// Only the types a sentence's source annotates are scored there (`annotated_types`): a DATE
// predicted on an English UNER sentence is neither right nor wrong.

/** @typedef {{start: number, end: number, type: string}} Span */

const emptyCounts = () => ({ tp: 0, fp: 0, fn: 0, rtp: 0, rfp: 0, rfn: 0 });

/**
 * @param {Array<{gold: Span[], pred: Span[], annotated: string[]}>} items
 * @param {string[]} types the types to report
 */
export function score(items, types) {
  const byType = Object.fromEntries(types.map((ty) => [ty, emptyCounts()]));
  for (const { gold, pred, annotated } of items) {
    for (const ty of types) {
      if (!annotated.includes(ty)) continue;
      const g = gold.filter((s) => s.type === ty);
      const p = pred.filter((s) => s.type === ty);
      const c = byType[ty];
      const exact = new Set(g.map((s) => `${s.start}:${s.end}`));
      const hits = p.filter((s) => exact.has(`${s.start}:${s.end}`)).length;
      c.tp += hits;
      c.fp += p.length - hits;
      c.fn += g.length - hits;
      const used = new Set();
      let rhits = 0;
      for (const s of p) {
        const i = g.findIndex((x, k) => !used.has(k) && x.start < s.end && s.start < x.end);
        if (i >= 0) {
          used.add(i);
          rhits++;
        }
      }
      c.rtp += rhits;
      c.rfp += p.length - rhits;
      c.rfn += g.length - rhits;
    }
  }
  const prf = (tp, fp, fn) => {
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: tp + fn };
  };
  const report = (c) => ({ exact: prf(c.tp, c.fp, c.fn), relaxed: prf(c.rtp, c.rfp, c.rfn) });
  const total = emptyCounts();
  for (const c of Object.values(byType)) for (const k of Object.keys(total)) total[k] += c[k];
  return { types: Object.fromEntries(types.map((ty) => [ty, report(byType[ty])])), overall: report(total) };
}
