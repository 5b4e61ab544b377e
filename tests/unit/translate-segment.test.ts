// Segmentation of an article into blocks with inline markup, and the rendering of translations
// back into the DOM (side by side, translation only, and back to the original exactly).
import {
  markupToFragment,
  plainText,
  renderSegment,
  renderTranslations,
  segmentArticle,
  showOriginal,
  hasTranslation,
} from '@/lib/translate/segment';

function article(html: string): HTMLElement {
  const root = document.createElement('div');
  // Test fixture written here, not page input.
  // eslint-disable-next-line no-unsanitized/property
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

/** "[ko] " + text: keeps the markup, as a provider that accepts HTML does. */
const fake = (text: string) => `[ko] ${text}`;

const SAMPLE = `
  <h2>Samsung <em>rises</em></h2>
  <p>Shares of <a href="https://example.com/samsung">Samsung Electronics</a> rose <strong>3.5%</strong> to 71,200 won &amp; more &lt;tags&gt;.</p>
  <figure><img src="https://example.com/a.jpg" alt=""><figcaption>Photo: <i>Yonhap</i></figcaption></figure>
  <blockquote><p>A quote inside a quote block.</p></blockquote>
  <ul><li>First item</li><li>Second with <b>bold</b><ul><li>Nested item</li></ul></li></ul>
  <table><tbody><tr><th>Company</th><td>Price 1,000</td><td>2024</td></tr></tbody></table>
  <p>See https://example.org/report?id=7 or write to press@example.com.</p>
  <pre>code stays</pre>
  <p>   </p>
`;

test('every text block is one segment, nested blocks once, in reading order', () => {
  const root = article(SAMPLE);
  const segments = segmentArticle(root);
  expect(segments.map((s) => plainText(s.text, s.keep))).toEqual([
    'Samsung rises',
    'Shares of Samsung Electronics rose 3.5% to 71,200 won & more <tags>.',
    'Photo: Yonhap',
    'A quote inside a quote block.',
    'First item',
    'Second with bold',
    'Nested item',
    'Company',
    'Price 1,000',
    'See https://example.org/report?id=7 or write to press@example.com.',
  ]);
  // The "2024" cell has no letters, the <pre> is code, the empty paragraph is nothing.
});

test('links, emphasis and literal URLs become placeholders; text is escaped; no href is sent', () => {
  const segments = segmentArticle(article(SAMPLE));
  const p = segments[1]!;
  expect(p.text).toBe('Shares of <a1>Samsung Electronics</a1> rose <b>3.5%</b> to 71,200 won &amp; more &lt;tags&gt;.');
  expect(p.links).toEqual(['https://example.com/samsung']);
  expect(segments[0]!.text).toBe('Samsung <i>rises</i>');
  const urls = segments[9]!;
  expect(urls.text).toBe('See <x1/> or write to <x2/>.');
  expect(urls.keep).toEqual(['https://example.org/report?id=7', 'press@example.com']);
  expect(segments.some((s) => s.text.includes('example.com/samsung'))).toBe(false);
});

test('side by side: each translation right under its original, marked, with the target language', () => {
  const root = article(SAMPLE);
  const segments = segmentArticle(root);
  renderTranslations(
    segments,
    segments.map((s) => fake(s.text)),
    'side-by-side',
    'ko',
  );
  const translations = [...root.querySelectorAll('.ra-translation')];
  expect(translations).toHaveLength(segments.length);
  expect(translations.every((el) => el.getAttribute('lang') === 'ko')).toBe(true);
  // The paragraph's translation is the next paragraph, with its link and emphasis back.
  const p = root.querySelectorAll('p')[0]!;
  const next = p.nextElementSibling!;
  expect(next.tagName).toBe('P');
  expect(next.textContent).toBe('[ko] Shares of Samsung Electronics rose 3.5% to 71,200 won & more <tags>.');
  const link = next.querySelector('a')!;
  expect(link.getAttribute('href')).toBe('https://example.com/samsung');
  expect(link.textContent).toBe('Samsung Electronics');
  expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(next.querySelector('strong')?.textContent).toBe('3.5%');
  // A list item's translation stays in the item (no extra bullet), before its nested list.
  const second = root.querySelectorAll('li')[1]!;
  expect(second.children[1]!.className).toContain('ra-translation');
  expect(second.children[1]!.textContent).toBe('[ko] Second with bold');
  expect(second.children[2]!.tagName).toBe('UL');
  // URLs and e-mail addresses come back exactly.
  expect(root.textContent).toContain('[ko] See https://example.org/report?id=7 or write to press@example.com.');
});

test('translation only replaces the text but keeps pictures; showOriginal restores the DOM exactly', () => {
  const root = article(
    `<p>Look <img src="https://example.com/x.png" alt="x"> at <a href="https://e.com/">this</a>.</p>${SAMPLE}`,
  );
  const before = root.innerHTML;
  const originalLink = root.querySelector('a');
  const segments = segmentArticle(root);
  renderTranslations(
    segments,
    segments.map((s) => fake(s.text)),
    'translation-only',
    'ko',
  );
  expect(root.textContent).not.toContain('Shares of Samsung Electronics rose 3.5% to 71,200 won & more <tags>. ');
  expect(root.querySelector('p')!.textContent).toBe('[ko] Look at this.');
  expect(root.querySelector('p img')?.getAttribute('src')).toBe('https://example.com/x.png');
  expect(hasTranslation(root)).toBe(true);

  showOriginal(root);
  expect(root.innerHTML).toBe(before);
  expect(root.querySelector('a')).toBe(originalLink); // the same node, not a copy
  expect(hasTranslation(root)).toBe(false);

  renderTranslations(
    segments,
    segments.map((s) => fake(s.text)),
    'side-by-side',
    'ko',
  );
  showOriginal(root);
  expect(root.innerHTML).toBe(before);
});

test('progressive: one segment at a time, re-rendering a segment replaces it, mode can change', () => {
  const root = article(SAMPLE);
  const before = root.innerHTML;
  const segments = segmentArticle(root);
  renderSegment(segments[1]!, fake(segments[1]!.text), 'side-by-side', 'ko');
  expect(root.querySelectorAll('.ra-translation')).toHaveLength(1);
  renderSegment(segments[1]!, fake(segments[1]!.text), 'side-by-side', 'ko');
  expect(root.querySelectorAll('.ra-translation')).toHaveLength(1);
  renderSegment(segments[1]!, fake(segments[1]!.text), 'translation-only', 'ko');
  expect(root.querySelectorAll('.ra-translation')).toHaveLength(1);
  expect(root.querySelectorAll('p')[0]!.textContent).toMatch(/^\[ko\] Shares/);
  // Untranslated segments keep their original alone.
  renderTranslations(segments, [undefined, undefined, 'Sajin'], 'side-by-side', 'ko');
  expect(root.querySelectorAll('.ra-translation')).toHaveLength(2);
  showOriginal(root);
  expect(root.innerHTML).toBe(before);
});

test("a provider's answer is text, never markup: scripts, handlers and foreign links stay inert", () => {
  const root = article('<p>Read <a href="https://ok.example/">this</a> now.</p>');
  const [seg] = segmentArticle(root);
  renderSegment(
    seg!,
    '<img src=x onerror="alert(1)"><script>alert(2)</script> <a1 href="javascript:alert(3)">이것</a1> <a7>없는</a7>',
    'side-by-side',
    'ko',
  );
  const out = root.querySelector('.ra-translation')!;
  expect(out.querySelector('img, script')).toBeNull();
  expect(out.textContent).toContain('<img src=x onerror="alert(1)">');
  const links = [...out.querySelectorAll('a')];
  expect(links[0]!.getAttribute('href')).toBe('https://ok.example/'); // the original href, not the answer's
  expect(links[1]!.hasAttribute('href')).toBe(false); // a link we never sent has no target
});

test('unsafe hrefs are not carried over; mangled tags from a provider are still understood', () => {
  const root = article('<p>A <a href="javascript:alert(1)">bad</a> and <a href="/rel">relative</a> link, <b>bold</b>.</p>');
  const [seg] = segmentArticle(root);
  expect(seg!.links).toEqual(['', new URL('/rel', document.baseURI).href]);
  const frag = markupToFragment(
    'Un < a1 >mauvais</ a1 > et <a2>relatif</a2>, <B>gras</B> &amp; &#169; &lt;b&gt;',
    seg!,
    document,
  );
  const div = document.createElement('div');
  div.append(frag);
  expect(div.textContent).toBe('Un mauvais et relatif, gras & © <b>');
  expect(div.querySelectorAll('a')[0]!.hasAttribute('href')).toBe(false);
  expect(div.querySelectorAll('a')[1]!.getAttribute('href')).toBe(new URL('/rel', document.baseURI).href);
  expect(div.querySelector('strong')?.textContent).toBe('gras');
});

test('an article that is one paragraph keeps its translation inside it', () => {
  const root = article('');
  const p = document.createElement('p');
  p.textContent = 'Only paragraph.';
  root.replaceWith(p);
  const before = p.outerHTML;
  const [seg] = segmentArticle(p);
  renderSegment(seg!, '[ko] Only paragraph.', 'side-by-side', 'ko');
  expect(p.querySelector('.ra-translation')?.textContent).toBe('[ko] Only paragraph.');
  expect(p.nextSibling).toBeNull();
  showOriginal(p);
  expect(p.outerHTML).toBe(before);
});
