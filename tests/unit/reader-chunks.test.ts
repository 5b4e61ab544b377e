// A very long article is put in runs of blocks (laid out only near the screen); its text, its
// order and every node stay the same, and a short article is left as it is.
import { textOf } from '@/lib/entities/dom';
import { chunkLongArticle } from '@/page/reader-chunks';

function article(paragraphs: number): HTMLElement {
  const content = document.createElement('div');
  // As Readability gives it: <div><div><article>…
  const page = document.createElement('article');
  page.id = 'readability-page-1';
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p');
    p.append(`문단 ${i}의 `, Object.assign(document.createElement('b'), { textContent: '굵은 글' }), '.');
    page.append(p, '\n');
  }
  const wrap = document.createElement('div');
  wrap.append(page);
  content.append(document.createElement('div'));
  content.firstElementChild!.append(wrap);
  return content;
}

test('2,000 paragraphs go in runs of 40: the same paragraphs in the same order, the same text', () => {
  const content = article(2_000);
  const paragraphs = [...content.querySelectorAll('p')];
  const text = textOf(content).text;
  expect(chunkLongArticle(content)).toBe(50);
  const runs = content.querySelectorAll('#readability-page-1 > .ra-chunk');
  expect(runs).toHaveLength(50);
  expect(content.querySelector('#readability-page-1')!.children).toHaveLength(50);
  expect(runs[0]!.querySelectorAll('p')).toHaveLength(40);
  const after = [...content.querySelectorAll('p')];
  expect(after.length).toBe(paragraphs.length);
  expect(after.every((p, i) => p === paragraphs[i])).toBe(true);
  expect(textOf(content).text).toBe(text);
});

test('a long read of a few hundred paragraphs is left as it is', () => {
  const content = article(300);
  const before = content.innerHTML;
  expect(chunkLongArticle(content)).toBe(0);
  expect(content.innerHTML).toBe(before);
});
