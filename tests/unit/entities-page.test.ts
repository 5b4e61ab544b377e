// Highlights in the page itself: the extracted article's blocks are found in the live page by their
// text (never the menu, the font tool, the reporter line or the footer), marked where they are, and
// the page comes back exactly as it was.
import { readFileSync } from 'node:fs';
import { extract } from '@/lib/article/extract';
import { highlighting, removeHighlights, textOf } from '@/lib/entities/dom';
import { articleBlocks } from '@/lib/article/blocks';
import { pageHighlighting, removePageHighlights, startPageHighlights } from '@/page/entities';
import { runInSlices } from '@/lib/slices';
import type { EntitySpan } from '@/lib/entities/types';

const URL = 'https://news.example.com/demo/business.html';
const page = () => new DOMParser().parseFromString(readFileSync('tests/fixtures/demo/business.html', 'utf8'), 'text/html');
// The recognizer itself is tested on its own (and runs for real in the end-to-end tests); here a
// stand-in finds a few names, so the test is about where the marks go and that they come off.
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
// eslint-disable-next-line require-yield -- recognition() in one step
function* recognition(text: string): Generator<number, EntitySpan[], void> {
  return recognize(text);
}
const api = { recognition, textOf, highlighting, removeHighlights };
const label = (s: { type: string; text: string }) => `${s.type}: ${s.text}`;

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
  await runInSlices(pageHighlighting(marks, api, article.lang, ['person', 'org', 'place', 'datetime', 'amount'], label));
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

  removePageHighlights(marks, api);
  expect(doc.documentElement.outerHTML).toBe(before);
});

test('a page whose text no longer matches the article (changed since) gets no marks and keeps its DOM', () => {
  const doc = page();
  const article = extract(doc, URL)!;
  for (const p of doc.querySelectorAll('#article-body p')) p.append(' (수정됨)');
  expect(articleBlocks(doc, article.contentHtml)).toEqual([]);
});
