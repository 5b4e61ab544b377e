// Part of npm run bench:library (also alone: npm run bench:library -- --reanchor-only): the share of
// highlights made on the dev corpus pages that are placed again after re-extraction, after small
// edits around them, after an edit inside them, and on the live page. The work itself runs in the
// benchmark's extension page (scripts/bench/reanchor-entry.ts, bundled with the library entry);
// this loads the corpora, hands the pages over one at a time and adds the counts up.
import path from 'node:path';
import { loadCorpus } from './corpus.mjs';

/** The dev corpora the re-anchoring rate is measured on (../shared/corpus). */
const REANCHOR_CORPORA = ['korean-portals', 'extraction/zyte-dev'];
const PER_PAGE = 20;

export async function measureReanchoring(page, corpusRoot) {
  const totals = {};
  const add = (kind, c) => {
    const t = (totals[kind] ??= { made: 0, placed: 0, how: {}, failures: [] });
    t.made += c.made;
    t.placed += c.placed;
    for (const [how, n] of Object.entries(c.how)) t.how[how] = (t.how[how] ?? 0) + n;
    if (t.failures.length < 10) t.failures.push(...c.failures.slice(0, 10 - t.failures.length));
  };
  let pages = 0;
  let ms = 0;
  for (const corpus of REANCHOR_CORPORA) {
    const items = loadCorpus(path.join(corpusRoot, corpus)).pages.filter((p) => p.isArticle);
    for (const [i, item] of items.entries()) {
      const r = await page.evaluate(
        ({ html, url, id, seed, perPage }) => window.__lib.measureReanchoring([{ id, html, url }], perPage, seed),
        { html: item.html, url: item.url, id: item.id, seed: 1000 + i, perPage: PER_PAGE },
      );
      pages += r.pages;
      ms += r.ms;
      for (const kind of ['reextracted', 'surroundings', 'inside', 'livePage']) add(kind, r[kind]);
    }
  }
  return { corpora: REANCHOR_CORPORA, pages, perPage: PER_PAGE, ms, ...totals };
}

export function printReanchoring(r, row) {
  const pct = (c) => `${((100 * c.placed) / Math.max(1, c.made)).toFixed(2)} %`;
  const how = (c) =>
    Object.entries(c.how)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  console.log(
    `\nRe-anchoring: ${r.pages} article pages of ${r.corpora.join(' + ')}, ${r.perPage} highlights each (sentences and pieces)`,
  );
  row(`  after re-extraction (${r.reextracted.made})`, pct(r.reextracted), '≥ 99 %');
  row(`  after small edits around them (${r.surroundings.made})`, pct(r.surroundings), '≥ 99 %');
  row(`  after one character changed inside (${r.inside.made})`, pct(r.inside));
  row(`  on the live page (${r.livePage.made})`, pct(r.livePage), '≥ 99 %');
  console.log(
    `  found by: re-extraction ${how(r.reextracted)}; edits around ${how(r.surroundings)}; inside ${how(r.inside)}; live page ${how(r.livePage)}`,
  );
  console.log(`  ${r.ms.toFixed(0)} ms in all (extraction included)`);
  for (const kind of ['surroundings', 'livePage'])
    if (r[kind].failures.length)
      console.log(`  not placed (${kind}): ${r[kind].failures.map((f) => JSON.stringify(f)).join(' · ')}`);
}
