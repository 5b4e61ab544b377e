// A story printed as a row of sibling blocks of one kind (a picture, an ad or a teaser between
// them): Readability keeps the block it scores best, and the split-body step brings back the
// blocks that continue the story, not the offer, the hidden paywall text, the comments or the
// list of other stories beside them.
import { extract } from '@/lib/article/extract';
import { storyContinuations } from '@/lib/article/clutter/split-body';
import { parse } from './article-helpers';

const para = (part: number, i: number) =>
  `Part ${part}, paragraph ${i}: the harbour authority said the new breakwater would protect the fishing fleet from winter storms, and the work would start in spring after a year of talks with the town (${part}.${i}).`;

/** Wraps a column as the page wraps each block (deep enough that Readability scores one block only). */
const wrap = (inner: string, cls = 'story-block flex', attrs = '') =>
  `<div class="${cls}"${attrs}><aside class="side"><a href="/x">Listen</a></aside><div class="col-wrap"><div class="grid"><div class="cell"><div class="column wide"><div class="inner">${inner}</div></div></div></div></div></div>`;

/** One block of the story: its paragraphs, each in its own wrapper. */
const block = (part: number, n: number) =>
  wrap(Array.from({ length: n }, (_, i) => `<div class="px"><p>${para(part, i + 1)}</p></div>`).join(''));

const OFFER = wrap(
  `<div class="px"><p>Read on for free: try our digital subscription for two weeks, cancel at any time, no strings attached at all.</p></div>`,
);
const HIDDEN = wrap(`<div class="px"><p>Paywalled: ${para(9, 1)}</p></div>`, 'story-block flex', ' hidden');
const RELATED = wrap(
  `<h2>More stories</h2><ul>${Array.from(
    { length: 8 },
    (_, i) => `<li><a href="/s${i}">Another story about the harbour and its history, number ${i}</a></li>`,
  ).join('')}</ul>`,
);

function page(middle: string): Document {
  return parse(
    `<!doctype html><html lang="en"><head><title>A new breakwater for the harbour</title></head><body>
      <header><a href="/">The Coast News</a></header>
      <main><article><h1>A new breakwater for the harbour</h1>
        <div class="story">${middle}</div>
      </article></main>
      <footer><p>© The Coast News</p></footer>
    </body></html>`,
    'https://coast.example/harbour',
  );
}

describe('a story split across sibling blocks', () => {
  const split = page(
    `${block(1, 3)}<div class="ad-slot"><a href="/ad">Advertisement</a></div>${block(2, 4)}${OFFER}${HIDDEN}${block(3, 2)}${RELATED}`,
  );

  test('the blocks that continue the story are in the article, in order', () => {
    const text = extract(split, 'https://coast.example/harbour')!.bodyText ?? '';
    for (const [part, n] of [
      [1, 3],
      [2, 4],
      [3, 2],
    ] as const)
      for (let i = 1; i <= n; i++) expect(text).toContain(para(part, i));
    expect(text.indexOf(para(1, 3))).toBeLessThan(text.indexOf(para(2, 1)));
    expect(text.indexOf(para(2, 4))).toBeLessThan(text.indexOf(para(3, 1)));
  });

  test('not the offer, the hidden paywall text nor the list of other stories', () => {
    const text = extract(split, 'https://coast.example/harbour')!.bodyText ?? '';
    expect(text).not.toContain('digital subscription');
    expect(text).not.toContain('Paywalled');
    expect(text).not.toContain('Another story about the harbour');
  });

  test('a block of another kind (a claim box of a fact check) is not the story', () => {
    const claim = wrap(`<div class="px"><p>${para(7, 1)}</p></div>`, 'claim box');
    const doc = page(`${block(1, 5)}${claim}`);
    expect(extract(doc, 'https://coast.example/harbour')!.bodyText ?? '').not.toContain(para(7, 1));
  });

  test('a block Readability already took, its paragraphs cut anew at line breaks, is not added twice', () => {
    const doc = page(`${block(1, 3)}${wrap(`<div class="px"><p>${para(2, 1)}<br>${para(2, 2)}</p></div>`)}${block(3, 2)}`);
    const content = doc.createElement('div');
    for (const [part, i] of [
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 1],
      [2, 2],
    ] as const)
      content.append(Object.assign(doc.createElement('p'), { textContent: para(part, i) }));
    const added = storyContinuations(doc, content)
      .map((c) => c.node.textContent)
      .join(' ');
    expect(added).toContain(para(3, 1));
    expect(added).not.toContain(para(2, 1));
  });

  test('a story in one block is left as Readability found it', () => {
    const doc = page(block(1, 6));
    const content = doc.createElement('div');
    for (let i = 1; i <= 6; i++) content.append(Object.assign(doc.createElement('p'), { textContent: para(1, i) }));
    expect(storyContinuations(doc, content)).toEqual([]);
  });
});
