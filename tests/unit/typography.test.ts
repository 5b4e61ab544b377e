// @vitest-environment node
// (Settings need no DOM; under jsdom the WXT test plugin trips over esbuild loading there.)
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_TYPOGRAPHY,
  FONT_STEPS,
  fontPercent,
  loadTypography,
  nextZoom,
  normalizeTypography,
  saveTypography,
  siteKey,
  stepFont,
  watchTypography,
} from '@/platform/settings/typography';

beforeEach(() => fakeBrowser.reset());

describe('font size steps', () => {
  test('nine or more steps from about 70% to 200%, 100% the default', () => {
    expect(FONT_STEPS.length).toBeGreaterThanOrEqual(9);
    expect(FONT_STEPS[0]).toBeLessThanOrEqual(75);
    expect(FONT_STEPS[FONT_STEPS.length - 1]).toBe(200);
    expect(fontPercent(DEFAULT_TYPOGRAPHY)).toBe(100);
    expect([...FONT_STEPS]).toEqual([...FONT_STEPS].sort((a, b) => a - b));
  });

  test('A+ and A− walk the steps and stop at the ends; reset returns to 100%', () => {
    let t = DEFAULT_TYPOGRAPHY;
    const seen = [fontPercent(t)];
    for (let i = 0; i < 12; i++) seen.push(fontPercent((t = stepFont(t, 1))));
    expect(seen.slice(-1)[0]).toBe(200);
    expect(new Set(seen.slice(0, 6)).size).toBe(6);
    for (let i = 0; i < 12; i++) t = stepFont(t, -1);
    expect(fontPercent(t)).toBe(FONT_STEPS[0]);
    expect(fontPercent(stepFont(t, 0))).toBe(100);
  });
});

test('a stored value from elsewhere is made safe field by field', () => {
  expect(
    normalizeTypography({ fontStep: 99, font: 'comic' as never, lineHeight: 7, width: 'huge' as never, theme: 'dark' }),
  ).toEqual({
    ...DEFAULT_TYPOGRAPHY,
    fontStep: FONT_STEPS.length - 1,
    theme: 'dark',
  });
  expect(normalizeTypography(null)).toEqual(DEFAULT_TYPOGRAPHY);
});

test('page zoom steps for the popup outside the reader', () => {
  expect(nextZoom(1, 1)).toBe(1.1);
  expect(nextZoom(1, -1)).toBe(0.9);
  expect(nextZoom(1.33, 1)).toBe(1.5);
  expect(nextZoom(2, 1)).toBe(2);
  expect(nextZoom(1.75, 0)).toBe(1);
});

test('site keys ignore www. and refuse non-web pages', () => {
  expect(siteKey('https://www.example.co.kr/news/1')).toBe('example.co.kr');
  expect(siteKey('chrome://settings')).toBeNull();
  expect(siteKey('not a url')).toBeNull();
});

describe('global default and per-site override', () => {
  test('a global change applies to every site without its own choice', async () => {
    await saveTypography('a.example', { ...DEFAULT_TYPOGRAPHY, theme: 'sepia' }, false);
    expect((await loadTypography('b.example')).value.theme).toBe('sepia');
    expect((await loadTypography(null)).value.theme).toBe('sepia');
  });

  test('a per-site choice stays on its site; turning it off returns the site to the default', async () => {
    await saveTypography(null, { ...DEFAULT_TYPOGRAPHY, fontStep: 5 }, false);
    await saveTypography('news.example', { ...DEFAULT_TYPOGRAPHY, fontStep: 8, font: 'sans' }, true);
    expect(await loadTypography('news.example')).toEqual({
      value: { ...DEFAULT_TYPOGRAPHY, fontStep: 8, font: 'sans' },
      perSite: true,
    });
    expect(await loadTypography('other.example')).toEqual({ value: { ...DEFAULT_TYPOGRAPHY, fontStep: 5 }, perSite: false });

    await saveTypography('news.example', { ...DEFAULT_TYPOGRAPHY, fontStep: 6 }, false);
    expect(await loadTypography('news.example')).toEqual({ value: { ...DEFAULT_TYPOGRAPHY, fontStep: 6 }, perSite: false });
    expect((await loadTypography('other.example')).value.fontStep).toBe(6);
  });

  test('open readers hear every change live', async () => {
    const seen: number[] = [];
    const stop = watchTypography('news.example', (t) => seen.push(fontPercent(t.value)));
    await saveTypography('news.example', stepFont(DEFAULT_TYPOGRAPHY, 1), false);
    await vi.waitFor(() => expect(seen).toContain(110));
    stop();
    await saveTypography('news.example', stepFont(DEFAULT_TYPOGRAPHY, -1), false);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).not.toContain(90);
  });
});
