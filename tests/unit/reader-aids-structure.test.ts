// The article's parts styled as what they are (lib/reader-aids/structure.ts): bold lines as
// subheadings, repeated quotes as pull quotes, tables in a scrolling box, typed bullets as list
// items, captions and credits; the text itself never changes.
import { enhanceArticle, isSubheading } from '@/lib/reader-aids/structure';

function enhanced(html: string): HTMLElement {
  const root = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body.firstElementChild as HTMLElement;
  const before = root.textContent;
  enhanceArticle(root, { tableLabel: 'Table' });
  expect(root.textContent).toBe(before);
  return root;
}

const BODY = '<p>A paragraph of the body that is clearly longer than any subheading would ever be in a newspaper.</p>';

test('a bold line of its own between body paragraphs is a subheading; a bold sentence is not', () => {
  const root = enhanced(
    `${BODY}<p><strong>Who comes after dark</strong></p>${BODY}<p><b>This is a bold sentence.</b></p>${BODY}`,
  );
  const subs = root.querySelectorAll('.ra-subhead');
  expect(Array.from(subs, (s) => s.textContent)).toEqual(['Who comes after dark']);
  expect(subs[0]!.getAttribute('role')).toBe('heading');
  expect(subs[0]!.getAttribute('aria-level')).toBe('2');
});

test("a line opening with a heading mark is a subheading, one level under the article's h2", () => {
  const root = enhanced(`<h2>Section</h2>${BODY}<p>■ 달라지는 점</p>${BODY}`);
  const sub = root.querySelector('.ra-subhead')!;
  expect(sub.textContent).toBe('■ 달라지는 점');
  expect(sub.getAttribute('aria-level')).toBe('3');
});

test('a bold line inside a list, a table or a quote, or with nothing after it, stays as it is', () => {
  const root = enhanced(
    `<ul><li><p><strong>Item</strong></p><p>long text long text long text</p></li></ul><p><strong>The end</strong></p>`,
  );
  expect(Array.from(root.querySelectorAll('p')).some(isSubheading)).toBe(false);
  expect(root.querySelectorAll('.ra-subhead').length).toBe(0);
});

test('a quote box whose words the article says again is a pull quote; a quote said once is a quote', () => {
  const said = 'Night is the only time many of them have to themselves.';
  const root = enhanced(
    `<p>"We saw people," she said. "${said}"</p><blockquote><p>${said}</p></blockquote><blockquote>A quotation that appears only once in the article text.</blockquote>`,
  );
  const quotes = root.querySelectorAll('blockquote');
  expect(quotes[0]!.classList.contains('ra-pullquote')).toBe(true);
  expect(quotes[1]!.classList.contains('ra-pullquote')).toBe(false);
});

test('a data table goes in a labelled box that can scroll; a photo table is a figure', () => {
  const root = enhanced(
    '<table><caption>Visits</caption><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table><table><tr><td><img src="a.jpg"></td></tr><tr><td>Caption</td></tr></table>',
  );
  const box = root.querySelector('.ra-table')!;
  expect(box.getAttribute('role')).toBe('region');
  expect(box.getAttribute('aria-label')).toBe('Visits');
  expect(box.firstElementChild!.tagName).toBe('TABLE');
  const photo = root.querySelectorAll('table')[1]!;
  expect(photo.classList.contains('ra-figure-table')).toBe(true);
  expect(photo.parentElement!.classList.contains('ra-table')).toBe(false);
  expect(root.querySelector('.ra-figure-table tr:last-child td')!.textContent).toBe('Caption');
  // Twice over the same article (a second session on the same DOM) wraps once.
  enhanceArticle(root, { tableLabel: 'Table' });
  expect(root.querySelectorAll('.ra-table').length).toBe(1);
});

test('two or more lines typed with bullets are list items; one dash-led line is not', () => {
  const root = enhanced(`${BODY}<p>• first change;</p><p>• second change;</p><p>- a line alone</p>${BODY}`);
  expect(Array.from(root.querySelectorAll('.ra-typed-item'), (p) => p.textContent)).toEqual([
    '• first change;',
    '• second change;',
  ]);
});

test('captions and credits after pictures are marked', () => {
  const root = enhanced(
    '<p><img src="a.jpg"></p><p><em>Readers at the desk.</em></p><figure><img src="b.jpg"><figcaption>The map. <small>Map: City hall</small></figcaption></figure><p><img src="c.jpg"></p><p>사진=연합뉴스</p>',
  );
  expect(Array.from(root.querySelectorAll('.ra-caption'), (c) => c.textContent)).toEqual([
    'Readers at the desk.',
    '사진=연합뉴스',
  ]);
  expect(Array.from(root.querySelectorAll('.ra-credit'), (c) => c.textContent)).toEqual(['Map: City hall', '사진=연합뉴스']);
});
