// Clutter rules of the repeats family: text the reader would show twice: the page's address, the title, repeated captions and lines.
// Each rule's case: the clutter goes, article text that mentions the same things stays.
import { CLUTTER_RULES, removeClutter } from '@/lib/article/clutter';
import { type Case, familyTests } from './clutter-helpers';
import { parse } from './article-helpers';

const CASES: Record<string, Case> = {
  'repeated-caption': {
    clutter: `<figure><img src="b.jpg" alt="b"><figcaption>A long row of unsold cars at a dealership in Colorado.</figcaption></figure>`,
    gone: [],
    keep: `<figure><img src="a.jpg" alt="a"><figcaption>A long row of unsold cars at a dealership in Colorado.</figcaption></figure>
      <h2>Why it matters</h2><ul><li><a href="#w">Why it matters</a></li></ul>`,
    kept: ['A long row of unsold cars', 'Why it matters'],
  },
  'url-line': {
    context: { urls: ['https://example.com/news/article.html'] },
    clutter: `<div><span>https://example.com/news/article.html</span></div>`,
    gone: ['https://example.com/news/article.html'],
    keep: `<p>The plan is online at https://example.com/plan.pdf for anyone to read.</p>`,
    kept: ['https://example.com/plan.pdf'],
  },
  'title-repeat': {
    context: { title: 'Libraries stay open late' },
    clutter: `<p>Libraries stay open late</p>`,
    gone: [],
    keep: `<p>Why <b>Libraries stay open late</b> is the question the council asked.</p>`,
    kept: ['Why Libraries stay open late is'],
  },
  'adjacent-repeat': {
    clutter: `<p class="cap">Photo of the library</p><div class="cap">Photo of the library</div>`,
    gone: [],
    keep: `<p>Open late.</p>
      <p>Open late.</p>`,
    kept: ['Open late. Open late.'],
  },
};

familyTests('repeats', CASES);

test('title-repeat leaves a heading (and the link inside it) to Readability', () => {
  const root = parse(
    '<!doctype html><html><body><div><h3><a href="/x">Libraries stay open late</a></h3><p>The council voted on Tuesday.</p></div></body></html>',
  ).body;
  removeClutter(root, CLUTTER_RULES, { title: 'Libraries stay open late' });
  expect(root.querySelector('h3 a')?.textContent).toBe('Libraries stay open late');
});
