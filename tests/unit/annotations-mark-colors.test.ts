// The reader's highlights on a live page take the page's light or dark (lib/annotations/mark-colors.ts,
// page/live-highlights.ts): the text in every mark keeps WCAG AA contrast, and the palettes are
// the reader's own (components/highlights.css).
import { readFileSync } from 'node:fs';
import { contrast, DARK_MARKS, isDarkArticle, LIGHT_MARKS, pageMarkCss, parseColor } from '@/lib/annotations/mark-colors';
import { HIGHLIGHT_COLORS } from '@/lib/annotations/highlight';
import { liveMarkCss } from '@/page/live-highlights';

test('the text inside every mark has AA contrast (4.5:1) in both palettes', () => {
  for (const palette of [LIGHT_MARKS, DARK_MARKS])
    for (const c of HIGHLIGHT_COLORS) expect(contrast(palette.text, palette.marks[c]), c).toBeGreaterThanOrEqual(4.5);
});

test("the palettes are the reader's own (components/highlights.css)", () => {
  const css = readFileSync('components/highlights.css', 'utf8');
  // Each colour is `light-dark(<light>, <dark>)`: the first for the light theme, the second for dark.
  const pairs = Object.fromEntries(
    HIGHLIGHT_COLORS.map((c) => [c, new RegExp(`--ra-hl-${c}:\\s*light-dark\\((#[0-9a-f]+),\\s*(#[0-9a-f]+)\\)`).exec(css)]),
  );
  expect(Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, pairs[c]?.[1]]))).toEqual(LIGHT_MARKS.marks);
  expect(Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, pairs[c]?.[2]]))).toEqual(DARK_MARKS.marks);
});

test('a dark article by its background, else by its text; a light one otherwise', () => {
  expect(parseColor('rgb(18, 18, 18)')).toEqual([18, 18, 18, 1]);
  expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
  expect(parseColor('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30, 0.5]);
  expect(isDarkArticle({ background: 'rgb(255, 255, 255)', text: 'rgb(20, 20, 20)' })).toBe(false);
  expect(isDarkArticle({ background: 'rgb(18, 18, 18)', text: 'rgb(230, 230, 230)' })).toBe(true);
  expect(isDarkArticle({ background: 'rgb(60, 64, 72)', text: 'rgb(200, 200, 200)' })).toBe(true);
  // a mid grey where dark text reads better stays light
  expect(isDarkArticle({ background: 'rgb(170, 170, 170)', text: 'rgb(0, 0, 0)' })).toBe(false);
  // no background known (all transparent): light text means a dark page
  expect(isDarkArticle({ background: 'rgba(0, 0, 0, 0)', text: 'rgb(235, 235, 235)' })).toBe(true);
  expect(isDarkArticle({ background: null, text: null })).toBe(false);
  expect(pageMarkCss({ background: 'rgb(18, 18, 18)', text: null })).toContain(DARK_MARKS.marks.yellow);
  expect(pageMarkCss({ background: 'rgb(255, 255, 255)', text: null })).toContain(LIGHT_MARKS.marks.yellow);
});

test("the live page: the first opaque background behind the article's text decides", () => {
  document.body.innerHTML = `<div style="background-color: rgb(16, 16, 20)"><main style="background-color: rgba(0, 0, 0, 0)"><p id="first" style="color: rgb(220, 220, 220)">Text</p></main></div>`;
  const css = liveMarkCss(document.getElementById('first')!);
  expect(css).toContain(`background:${DARK_MARKS.marks.pink}`);
  expect(css).toContain(`color:${DARK_MARKS.text}`);
  document.body.innerHTML = `<article style="background-color: #fdfdfd"><p id="first">Text</p></article>`;
  expect(liveMarkCss(document.getElementById('first')!)).toContain(`background:${LIGHT_MARKS.marks.pink}`);
});
