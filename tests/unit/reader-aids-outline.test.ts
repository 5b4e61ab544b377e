// The table of contents' outline and the time left (lib/reader-aids/outline.ts, reading-time.ts).
import { currentSection, outline } from '@/lib/reader-aids/outline';
import { minutesLeft, readingBlocks, secondsLeftFrom } from '@/lib/reader-aids/reading-time';

function dom(html: string): HTMLElement {
  // Parsed in an inert document, as the reader's article is (sanitizeToFragment).
  return new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body.firstElementChild as HTMLElement;
}

test('the outline lists headings in order, ranked from the highest level the article uses', () => {
  const root = dom(
    '<h2>One</h2><p>x</p><h4>One, detail</h4><p>x</p><p class="ra-subhead" role="heading" aria-level="3">Marked</p><h2>Two</h2><table><tr><td><h3>In a table</h3></td></tr></table><blockquote><h2>Quoted</h2></blockquote><h2> </h2>',
  );
  expect(outline(root).map((e) => [e.text, e.level])).toEqual([
    ['One', 1],
    ['One, detail', 3],
    ['Marked', 2],
    ['Two', 1],
  ]);
});

test('the current section is the last heading at or above the reading line', () => {
  const tops = [100, 900, 2000];
  expect(currentSection(tops, 50)).toBe(-1);
  expect(currentSection(tops, 100)).toBe(0);
  expect(currentSection(tops, 1999)).toBe(1);
  expect(currentSection(tops, 5000)).toBe(2);
  expect(currentSection([], 10)).toBe(-1);
});

test('time left: 230 English words a minute, 500 Hangul characters a minute, at least 1 until the end', () => {
  const words = (n: number) => Array(n).fill('word').join(' ');
  const left = secondsLeftFrom([words(230), words(115), '가'.repeat(500)]);
  expect(left[0]).toBeCloseTo(150);
  expect(minutesLeft(left, 0)).toBe(3); // 2.5 min
  expect(minutesLeft(left, 1)).toBe(2); // 1.5 min
  expect(minutesLeft(left, 1, 0.5)).toBe(1); // 1.25 min
  expect(minutesLeft(left, 2)).toBe(1);
  expect(minutesLeft(left, 2, 0.99)).toBe(1); // a few seconds: still "1 min left"
  expect(minutesLeft(left, 3)).toBe(0);
  // Korean reads by characters: the same screen of Hangul is slower than of English words.
  expect(secondsLeftFrom(['한국어 기사 본문'.repeat(100)])[0]).toBeGreaterThan(secondsLeftFrom(['article text'.repeat(100)])[0]!);
});

test('the reading blocks are leaf blocks in order, none inside another', () => {
  const root = dom(
    '<div><p>a</p><blockquote><p>b</p></blockquote><ul><li>c</li><li><p>d</p></li></ul></div><p class="ra-caption">e</p><table><tr><td>f</td></tr></table>',
  );
  expect(readingBlocks(root).map((b) => b.textContent)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
});
