// Bundled by scripts/bench/library.mjs with the library entry and run in its extension page: how
// many highlights made in the reader are placed again (lib/annotations/anchor.ts), on the dev
// corpus pages. For each page the article is extracted as the reader does (extract, then the
// sanitized DOM the reader shows, then textOf), and highlights are made at random (seeded): whole
// sentences and pieces of sentences (3 to 60 characters, cut anywhere). Each is then placed again
//   - after re-extraction (a new parse and extraction of the same page),
//   - after small edits to the surrounding text (a few characters inserted, deleted or replaced
//     within its prefix and suffix, and text added before it, so its position moved),
//   - after a small edit inside it (one character changed: found approximately, or an orphan),
//   - on the live page (the text of the page's own body, clutter and all).
// A placement counts only if it is right: the very passage (at the place it moved to, where that
// is known), not just any occurrence of the words.
import { anchor, describe } from '@/lib/annotations/anchor';
import { extract } from '@/lib/article/extract';
import { sanitizeToFragment } from '@/lib/article/sanitize';
import { textOf } from '@/lib/entities/dom';

/** A small, seeded PRNG (mulberry32): the same highlights on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readerText(html: string, url: string): string | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = extract(doc, url);
  if (!article) return null;
  const div = document.createElement('div');
  div.append(sanitizeToFragment(article.contentHtml));
  return textOf(div).text;
}

const SENTENCE = /[^.!?。！？\n]+[.!?。！？]*/g;

/** Random highlights: half whole sentences, half pieces of them. */
function makeRanges(text: string, count: number, rand: () => number): Array<[number, number]> {
  const sentences = [...text.matchAll(SENTENCE)]
    .map((m) => [m.index!, m.index! + m[0].length] as [number, number])
    .filter(([s, e]) => text.slice(s, e).trim().length >= 8);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < count && sentences.length; i++) {
    const [s, e] = sentences[Math.floor(rand() * sentences.length)]!;
    if (i % 2 === 0) out.push([s, e]);
    else {
      const len = Math.min(e - s, 3 + Math.floor(rand() * 58));
      const from = s + Math.floor(rand() * (e - s - len + 1));
      out.push([from, from + len]);
    }
  }
  return out;
}

const LETTERS = 'abcdefghij가나다라마바사 ,.';
const letters = (n: number, rand: () => number) =>
  Array.from({ length: n }, () => LETTERS[Math.floor(rand() * LETTERS.length)]).join('');

interface Count {
  made: number;
  placed: number;
  how: Record<string, number>;
  failures: string[];
}
const count = (): Count => ({ made: 0, placed: 0, how: {}, failures: [] });
function tally(c: Count, ok: boolean, how: string | undefined, what: string) {
  c.made++;
  if (ok) {
    c.placed++;
    c.how[how!] = (c.how[how!] ?? 0) + 1;
  } else if (c.failures.length < 8) c.failures.push(what.slice(0, 80));
}

export function measureReanchoring(pages: Array<{ id: string; html: string; url: string }>, perPage: number, seed: number) {
  const rand = random(seed);
  const results = { pages: 0, reextracted: count(), surroundings: count(), inside: count(), livePage: count(), ms: 0 };
  const t0 = performance.now();
  for (const page of pages) {
    const text = readerText(page.html, page.url);
    if (!text || text.length < 200) continue;
    results.pages++;
    const again = readerText(page.html, page.url) ?? '';
    const live = textOf(new DOMParser().parseFromString(page.html, 'text/html').body).text;
    for (const [start, end] of makeRanges(text, perPage, rand)) {
      const selectors = describe(text, start, end);
      if (!selectors) continue;
      const [quote, position] = selectors;
      const exact = quote.exact;
      // Re-extraction: the same passage at the same place.
      const a = anchor(again, selectors);
      tally(results.reextracted, !!a && again.slice(a.start, a.end) === exact, a?.how, exact);
      // Live page: the passage itself (the page's text has its clutter around it).
      const l = anchor(live, selectors);
      tally(results.livePage, !!l && live.slice(l.start, l.end) === exact, l?.how, exact);
      // Edits around it: text added well before (it moves), a few characters changed in its prefix
      // and in its suffix. Where it now starts is known.
      const s = position.start;
      const e = position.end;
      const added = letters(5 + Math.floor(rand() * 40), rand);
      const at = Math.floor(rand() * Math.max(1, s - 40));
      const pre = Math.max(0, s - 1 - Math.floor(rand() * 20));
      const preCut = Math.min(s - pre, 1 + Math.floor(rand() * 3));
      const post = e + 1 + Math.floor(rand() * 20);
      const edited =
        text.slice(0, at) +
        added +
        text.slice(at, pre) +
        letters(2, rand) +
        text.slice(pre + preCut, e) +
        text.slice(e, post) +
        letters(3, rand) +
        text.slice(post + 2);
      const moved = s + added.length + 2 - preCut;
      const m = anchor(edited, selectors);
      tally(results.surroundings, !!m && m.start === moved && edited.slice(m.start, m.end) === exact, m?.how, exact);
      // An edit inside it: one character replaced (long enough passages only).
      if (exact.length >= 12) {
        const k = s + 1 + Math.floor(rand() * (exact.length - 2));
        const inside = `${text.slice(0, k)}#${text.slice(k + 1)}`;
        const f = anchor(inside, selectors);
        tally(results.inside, !!f && Math.abs(f.start - s) <= 1 && Math.abs(f.end - e) <= 1, f?.how, exact);
      }
    }
  }
  results.ms = performance.now() - t0;
  return results;
}
