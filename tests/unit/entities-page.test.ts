// Highlights in the page itself: the extracted article's blocks are found in the live page by their
// text (never the menu, the font tool, the reporter line or the footer), marked where they are, and
// the page comes back exactly as it was.
import { readFileSync } from 'node:fs';
import { extract } from '@/lib/article/extract';
import { textOf } from '@/lib/entities/dom';
import { articleBlocks } from '@/lib/article/blocks';
import { pageMarking, pageText, removePageHighlights, spansByBlock, startPageHighlights } from '@/page/entities';
import { runInSlices } from '@/lib/slices';
import type { EntitySpan } from '@/lib/entities/types';

const URL = 'https://news.example.com/demo/business.html';
const page = () => new DOMParser().parseFromString(readFileSync('tests/fixtures/demo/business.html', 'utf8'), 'text/html');
// The recognizer itself is tested on its own (and runs for real, off the page, in the end-to-end
// tests); here a stand-in finds a few names in the text the page would send, so the test is about
// where the marks go and that they come off.
const NAMES: Array<[string, EntitySpan['type']]> = [
  ['삼성전자', 'org'],
  ['김하늘', 'person'],
  ['서울 서초구', 'place'],
  ['4일', 'date'],
  ['5000억 달러', 'money'],
];
function recognize(text: string): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const [name, type] of NAMES)
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1))
      spans.push({ start: i, end: i + name.length, type, text: name });
  return spans.sort((a, b) => a.start - b.start);
}
const GROUPS = ['person', 'org', 'place', 'datetime', 'amount'] as const;
const label = (s: { type: string; text: string }) => `${s.type}: ${s.text}`;

/** What "Highlight page" does with the blocks: their text as one, the names found in it, each block marked. */
async function highlightBlocks(marks: ReturnType<typeof startPageHighlights>, edit?: () => void) {
  const { text, texts, starts } = pageText(marks.blocks);
  const spans = recognize(text);
  edit?.(); // the page's own script, while the names are found off the page
  await runInSlices(pageMarking(marks, texts, spansByBlock(spans, starts, text.length), GROUPS, label));
}

test("the article's paragraphs are found in the page, and nothing around them", () => {
  const doc = page();
  const article = extract(doc, URL)!;
  const blocks = articleBlocks(doc, article.contentHtml);
  // Exactly the story's five paragraphs (the headline is shown above the reader's text, not in it).
  expect(blocks).toEqual(Array.from(doc.querySelectorAll('#article-body p')));
});

test('marks go into those paragraphs only, with a style for them; off, the page is exactly as before', async () => {
  const doc = page();
  const before = doc.documentElement.outerHTML;
  const article = extract(doc, URL)!;
  const marks = startPageHighlights(doc, articleBlocks(doc, article.contentHtml), 'mark.ra-ent{}');
  await highlightBlocks(marks);
  expect(marks.progress).toBeNull();
  const all = Array.from(doc.querySelectorAll('mark.ra-ent'));
  expect(marks.marks).toBe(all.length);
  expect(all.every((m) => m.closest('#article-body'))).toBe(true);
  for (const type of ['person', 'org', 'place', 'date', 'money'])
    expect(doc.querySelector(`#article-body mark.ra-ent-${type}`), type).not.toBeNull();
  expect(doc.querySelector('#article-body mark.ra-ent-org[title="org: 삼성전자"]')).not.toBeNull();
  // The reporter line names the reporter, but it is not the article: untouched.
  expect(doc.querySelector('.reporter mark')).toBeNull();
  expect(doc.head.querySelector('style')?.textContent).toBe('mark.ra-ent{}');

  removePageHighlights(marks);
  expect(doc.documentElement.outerHTML).toBe(before);
});

test('a page whose text no longer matches the article (changed since) gets no marks and keeps its DOM', () => {
  const doc = page();
  const article = extract(doc, URL)!;
  for (const p of doc.querySelectorAll('#article-body p')) p.append(' (수정됨)');
  expect(articleBlocks(doc, article.contentHtml)).toEqual([]);
});

test('each block gets its own names at its own offsets; a span across two blocks and a block the page changed meanwhile get none', async () => {
  const doc = page();
  const before = doc.documentElement.outerHTML;
  const article = extract(doc, URL)!;
  const blocks = articleBlocks(doc, article.contentHtml);
  const { text, starts } = pageText(blocks);
  expect(text.split('\n')).toEqual(blocks.map((b) => textOf(b).text));
  // A span from the end of the first block into the second is no block's.
  const across: EntitySpan = { start: starts[1]! - 3, end: starts[1]! + 2, type: 'org', text: 'x' };
  const second = textOf(blocks[1]!).text;
  const inSecond: EntitySpan = { start: starts[1]! + 1, end: starts[1]! + 3, type: 'person', text: second.slice(1, 3) };
  expect(spansByBlock([across, inSecond], starts, text.length)[1]).toEqual([{ ...inSecond, start: 1, end: 3 }]);
  expect(spansByBlock([across], starts, text.length).flat()).toEqual([]);

  const marks = startPageHighlights(doc, blocks, '');
  const changed = blocks.find((b) => b.textContent!.includes('삼성전자'))!;
  await highlightBlocks(marks, () => changed.append(' (수정됨)'));
  expect(changed.querySelector('mark')).toBeNull();
  const marked = blocks.filter((b) => b.querySelector('mark.ra-ent'));
  expect(marked.length).toBeGreaterThan(0);
  // Every mark holds exactly the name it was found as.
  for (const mark of doc.querySelectorAll<HTMLElement>('mark.ra-ent')) expect(NAMES.map(([n]) => n)).toContain(mark.textContent);
  removePageHighlights(marks);
  changed.lastChild!.remove();
  expect(doc.documentElement.outerHTML).toBe(before);
});
