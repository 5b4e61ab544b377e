// The reader's toolbar, popovers, drawers, keys and isolation from the page, in real Chromium and
// Firefox. On the demo article and on a Korean portal page served without a doctype (quirks mode,
// tests/fixtures/korean/mbn-2, with a table in its story) at 360, 400 and 1280 px in the light,
// sepia and dark themes: the toolbar at most 48 px thick, nothing wider than the window, every
// table cell in the theme's colour and the article's size (A+ too); "Translation only" translates
// the headline and the caption (the local translate server); the first Tab lands on the toolbar,
// Esc closes a popover before the reader; the entity panel opens as a drawer at 400 px; axe finds
// no WCAG 2.1 AA violation with each popover and the drawer open; a picture that cannot load
// (third-party hosts are out of reach) leaves no empty box. Screenshots of each state go to
// tests/screenshots/reader-ui-*.png.
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { startChromium, type ChromiumSession } from './chromium-session';
import { poll, startFirefox, type FirefoxSession } from './firefox-session';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { DEMO, SCREENSHOTS, koreanFixture, servePackagedDemo } from './helpers';

/** The packaged English demo article (headings, pictures): the page both readers are shown on. */
const PACKAGED = '/packaged/article.html';

const AXE_SOURCE: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const QUIRKS = koreanFixture('mbn-2');
const THEMES = ['light', 'sepia', 'dark'] as const;
const THEME_NAMES = { light: 'Light', sepia: 'Sepia', dark: 'Dark' } as const;

let server: Awaited<ReturnType<typeof serveFixtures>>;
let translator: Awaited<ReturnType<typeof startTranslateServer>>;

beforeAll(async () => {
  server = await serveFixtures(0, { handle: servePackagedDemo });
  translator = await startTranslateServer();
});

afterAll(async () => {
  await server?.close();
  await translator?.close();
});

/** What the page shows of the reader: sizes and colours, read in the page. */
function measure() {
  const root = document.querySelector('reading-assistant-reader')?.shadowRoot ?? document;
  const scroller = root.querySelector<HTMLElement>('.ra-root')!;
  // The reader's own width (Firefox's overlay covers the page's scroll bar too).
  const vw = scroller.clientWidth;
  const bar = root.querySelector<HTMLElement>('.ra-toolbar')!.getBoundingClientRect();
  const article = root.querySelector<HTMLElement>('.ra-article')!;
  const style = getComputedStyle(article);
  // Everything but what sits in a box that scrolls sideways on purpose (a wide table).
  const wide = [...root.querySelectorAll<HTMLElement>('.ra-root *')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      if (!r.width || (r.left >= -1 && r.right <= vw + 1)) return false;
      for (let p = el.parentElement; p && p !== scroller; p = p.parentElement)
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
      return true;
    })
    .map((el) => `${el.localName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
  // A cell of a table that only holds a picture is its caption: it takes the theme's caption
  // colour (muted), the others the article's; both follow the theme and A-/A+.
  const probe = document.createElement('span');
  probe.style.color = 'var(--ra-muted)';
  article.append(probe);
  const muted = getComputedStyle(probe).color;
  probe.remove();
  const cells = [...root.querySelectorAll<HTMLElement>('.ra-content td, .ra-content th')]
    .filter((td) => td.textContent!.trim())
    .map((td) => ({
      color: getComputedStyle(td).color,
      size: getComputedStyle(td).fontSize,
      caption: td.matches('.ra-figure-table td, .ra-figure-table th'),
    }));
  // Pictures that could not load (the test browsers reach no third-party host): each takes no room.
  const failed = [...root.querySelectorAll<HTMLImageElement>('.ra-content img[src]')].filter(
    (img) => img.complete && img.naturalWidth === 0 && !img.hasAttribute('data-ra-held'),
  );
  return {
    failedImages: failed.length,
    failedBoxes: failed.filter((img) => img.getBoundingClientRect().height > 0).length,
    vw,
    barHeight: bar.height,
    barWidth: bar.width,
    overflowX: scroller.scrollWidth - scroller.clientWidth,
    wide: wide.slice(0, 5),
    article: { color: style.color, size: style.fontSize },
    background: getComputedStyle(scroller).backgroundColor,
    cells,
    muted,
    quirks: document.compatMode,
  };
}

/** Every table cell in the theme: the article's colour and size, or the caption colour (muted). */
function expectThemed(m: ReturnType<typeof measure>) {
  for (const cell of m.cells) {
    expect(cell.color).toBe(cell.caption ? m.muted : m.article.color);
    if (!cell.caption) expect(cell.size).toBe(m.article.size);
  }
}

describe('Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await startChromium();
    await session.worker.evaluate(
      (url) => chrome.storage.local.set({ translateProvider: { kind: 'libretranslate', url } }),
      translator.origin,
    );
  });
  afterAll(async () => {
    await session?.context.close();
  });

  const reader = (page: Page) => page.locator('reading-assistant-reader');

  /** The reader over `path` at `width` px, opened from the right-click menu. */
  async function openReader(path: string, width: number): Promise<Page> {
    const { page, tabId } = await session.openTab(server.url(path));
    await page.setViewportSize({ width, height: 800 });
    await session.clickMenu('open-reader', tabId);
    await reader(page).locator('.ra-content').waitFor();
    return page;
  }

  /** Opens the popover of tool `id` with a click on its button (if it is not open). */
  async function openTool(scope: Locator | Page, id: string) {
    const button = scope.getByTestId(`reader-tool-${id}`);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await scope.getByTestId(`reader-panel-${id}`).waitFor();
  }

  async function chooseTheme(scope: Locator | Page, theme: (typeof THEMES)[number]) {
    await openTool(scope, 'typography');
    await scope.getByRole('radio', { name: THEME_NAMES[theme] }).check();
    await scope.getByTestId('reader-panel-typography').press('Escape');
  }

  async function axe(page: Page, include?: string) {
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
    return page.evaluate(async (host) => {
      const run = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
      const result = await run.run(host ? { include: [[host]] } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target) }));
    }, include ?? null);
  }

  for (const fixture of [DEMO, QUIRKS]) {
    const name = fixture === DEMO ? 'demo' : 'quirks';
    for (const width of [400, 1280]) {
      test(`${name} at ${width} px in light, sepia and dark: a slim toolbar, nothing too wide, tables in the theme`, async () => {
        const page = await openReader(fixture.path, width);
        for (const theme of THEMES) {
          await chooseTheme(reader(page), theme);
          const m = await page.evaluate(measure);
          if (fixture === QUIRKS) expect(m.quirks).toBe('BackCompat');
          expect(m.barHeight, 'toolbar thickness').toBeLessThanOrEqual(48);
          expect(m.barWidth).toBeLessThanOrEqual(m.vw);
          expect(m.overflowX, 'sideways scrolling').toBeLessThanOrEqual(0);
          expect(m.wide, 'elements wider than the window').toEqual([]);
          if (fixture === QUIRKS) {
            expect(m.cells.length).toBeGreaterThan(0);
            expectThemed(m);
          }
          await page.screenshot({ path: `${SCREENSHOTS}reader-ui-${name}-${width}-${theme}.png` });
        }
        if (fixture === QUIRKS) {
          // A+ reaches the table cells too.
          const before = await page.evaluate(measure);
          await openTool(reader(page), 'typography');
          await reader(page).getByRole('button', { name: 'Larger text' }).click();
          await expect.poll(async () => (await page.evaluate(measure)).article.size).not.toBe(before.article.size);
          const after = await page.evaluate(measure);
          expect(parseFloat(after.article.size)).toBeGreaterThan(parseFloat(before.article.size));
          expectThemed(after);
          after.cells.forEach((cell, i) => expect(parseFloat(cell.size)).toBeGreaterThan(parseFloat(before.cells[i]!.size)));
          if (width === 400) await page.screenshot({ path: `${SCREENSHOTS}reader-ui-popover-typography-400.png` });
          await reader(page).getByTestId('font-percent').click(); // back to 100%
        }
        await page.close();
      });
    }
  }

  test('at 360 px nothing is wider than the window, with a popover open too', async () => {
    const page = await openReader(QUIRKS.path, 360);
    // The story's picture is on the portal's own host, which the test browser cannot reach: no
    // empty box of its size is left, with a broken-image icon (its caption stays).
    await expect.poll(async () => (await page.evaluate(measure)).failedImages).toBeGreaterThan(0);
    let m = await page.evaluate(measure);
    expect(m.failedBoxes, 'boxes of pictures that failed to load').toBe(0);
    expect(m.barHeight).toBeLessThanOrEqual(48);
    expect(m.wide).toEqual([]);
    expect(m.overflowX).toBeLessThanOrEqual(0);
    for (const id of ['typography', 'translate', 'keys']) {
      await openTool(reader(page), id);
      const box = (await reader(page).getByTestId(`reader-panel-${id}`).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      m = await page.evaluate(measure);
      expect(m.overflowX).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  test('"Translation only" translates the headline, the caption and the body', async () => {
    const page = await openReader(DEMO.path, 1280);
    const title = reader(page).locator('h1.ra-title');
    const original = await title.innerText();
    await openTool(reader(page), 'translate');
    const panel = reader(page).getByTestId('reader-panel-translate');
    expect(await panel.getByTestId('reader-translate-to').inputValue()).toBe('en');
    await panel.getByRole('radio', { name: 'Translation only' }).check();
    await page.screenshot({ path: `${SCREENSHOTS}reader-ui-popover-translate.png` });
    await panel.getByTestId('reader-translate').click();
    await expect
      .poll(() => reader(page).getByTestId('reader-translate-status').innerText(), { timeout: 20000 })
      .toBe('Translated into English.');
    expect(await title.innerText()).toBe(`[en] ${original}`);
    expect(await reader(page).locator('.ra-content figcaption').innerText()).toMatch(/^\[en\] /);
    expect(await reader(page).locator('.ra-content p').first().innerText()).toMatch(/^\[en\] /);
    await page.screenshot({ path: `${SCREENSHOTS}reader-ui-translation-only.png` });
    // Show original (in the status line) puts the headline back.
    await reader(page).getByTestId('reader-show-original').click();
    expect(await title.innerText()).toBe(original);
    await page.close();
  });

  test('keys: the first Tab lands on the toolbar; Esc closes a popover before the reader; ? lists the keys; + and Space', async () => {
    const page = await openReader(DEMO.path, 1280);
    const focused = () =>
      reader(page).evaluate((host) => {
        const el = host.shadowRoot!.activeElement;
        return { inBar: !!el?.closest('.ra-toolbar'), testId: el?.getAttribute('data-testid') ?? null, cls: el?.className ?? '' };
      });
    expect((await focused()).cls).toContain('ra-main');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ inBar: true, testId: 'reader-tool-typography' });

    await page.keyboard.press('Enter');
    await reader(page).getByTestId('reader-panel-typography').waitFor();
    await page.keyboard.press('Escape');
    expect(await reader(page).getByTestId('reader-panel-typography').count()).toBe(0);
    expect(await reader(page).count()).toBe(1);
    expect((await focused()).testId).toBe('reader-tool-typography');

    await page.keyboard.press('?');
    await reader(page).getByTestId('reader-keys').waitFor();
    expect(await reader(page).getByTestId('reader-keys').innerText()).toContain('Translate');
    await page.screenshot({ path: `${SCREENSHOTS}reader-ui-keys.png` });
    await page.keyboard.press('Escape');
    await reader(page).locator('.ra-main').focus();

    const size = () =>
      reader(page)
        .locator('.ra-article')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await page.keyboard.press('+');
    await expect.poll(size).toBeGreaterThan(before);
    await page.keyboard.press('0');
    await expect.poll(size).toBe(before);

    await page.setViewportSize({ width: 1280, height: 400 });
    const top = () =>
      reader(page)
        .locator('.ra-root')
        .evaluate((el) => el.scrollTop);
    await page.keyboard.press('Space');
    await expect.poll(top).toBeGreaterThan(200);
    // Reading down hides the bar; scrolling back up brings it back.
    const hidden = () =>
      reader(page)
        .locator('.ra-toolbar')
        .evaluate((el) => el.getBoundingClientRect().bottom <= 0);
    await expect.poll(hidden).toBe(true);
    await page.keyboard.press('Shift+Space');
    await expect.poll(hidden).toBe(false);

    await page.keyboard.press('Escape');
    await expect.poll(() => reader(page).count()).toBe(0);
    await page.close();
  });

  test('at 400 px the entity panel opens as a drawer; Esc closes it and leaves the reader open', async () => {
    const page = await openReader('/demo/business.html', 400);
    await reader(page).getByTestId('reader-highlight').click();
    await expect.poll(() => reader(page).locator('mark.ra-ent').count()).toBeGreaterThan(0);
    // No panel after the article on a narrow screen: it waits in the drawer.
    expect(await reader(page).getByTestId('entity-panel').count()).toBe(0);
    await reader(page).getByTestId('reader-tool-entities').click();
    const drawer = reader(page).getByTestId('reader-panel-entities');
    await drawer.getByTestId('entity-row').first().waitFor();
    const box = (await drawer.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(400);
    expect(box.x).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}reader-ui-drawer-400.png` });
    expect(await axe(page, 'reading-assistant-reader')).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await drawer.count()).toBe(0);
    expect(await reader(page).count()).toBe(1);
    await page.close();
  });

  test('axe: no WCAG 2.1 AA violation with each popover and the drawer open, light and dark (the saved-article reader, where axe sees colours)', async () => {
    const { page, tabId } = await session.openTab(server.url('/demo/business.html'));
    await session.clickMenu('save-article', tabId);
    const library = await session.extensionPage('library.html');
    const row = library.locator('li[data-url]').first();
    await row.waitFor({ timeout: 20000 });
    const url = (await row.getAttribute('data-url'))!;
    await Promise.all([page.close(), library.close()]);
    const saved = await session.extensionPage(`read.html?url=${encodeURIComponent(url)}`);
    await saved.setViewportSize({ width: 400, height: 900 });
    await saved.locator('.ra-content').waitFor();
    for (const theme of ['light', 'sepia', 'dark'] as const) {
      await chooseTheme(saved, theme);
      for (const id of ['typography', 'translate', 'keys']) {
        await openTool(saved, id);
        expect(await axe(saved), `${theme}, ${id} open`).toEqual([]);
        await saved.keyboard.press('Escape');
      }
    }
    // (Highlights may be on already: the drawer test before turned them on, and they are remembered.)
    if ((await saved.getByTestId('reader-highlight').getAttribute('aria-pressed')) !== 'true')
      await saved.getByTestId('reader-highlight').click();
    await saved.getByTestId('reader-tool-entities').click();
    await saved.getByTestId('reader-panel-entities').getByTestId('entity-row').first().waitFor();
    expect(await axe(saved), 'dark, drawer open').toEqual([]);
    await saved.keyboard.press('Escape');
    await chooseTheme(saved, 'light');
    await saved.close();
  });
});

describe('Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await startFirefox();
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  const inReader = (selector: string) => `reading-assistant-reader >>> ${selector}`;
  const click = async (page: FirefoxPage, selector: string) => {
    await page.waitForSelector(inReader(selector));
    await page.click(inReader(selector));
  };

  test('the reader at 1280 px, light and dark: the toolbar, the "Aa" popover, Esc closing it before the reader', async () => {
    const { page, tabId } = await session.openTab(server.url(QUIRKS.path));
    await page.setViewport({ width: 1280, height: 800 });
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    await page.bringToFront();
    await page.waitForSelector(inReader('.ra-content'));
    for (const theme of ['light', 'dark'] as const) {
      await click(page, '[data-testid="reader-tool-typography"]');
      await page.waitForSelector(inReader('[data-testid="reader-panel-typography"]'));
      await click(page, `.ra-swatches input[value="${theme}"]`);
      const m = await poll(
        () => page.evaluate(measure),
        (v) => v.background === (theme === 'dark' ? 'rgb(28, 28, 31)' : 'rgb(255, 255, 255)'),
      );
      expect(m.background).toBe(theme === 'dark' ? 'rgb(28, 28, 31)' : 'rgb(255, 255, 255)');
      expect(m.quirks).toBe('BackCompat');
      expect(m.barHeight).toBeLessThanOrEqual(48);
      expect(m.wide).toEqual([]);
      expect(m.failedImages).toBeGreaterThan(0);
      expect(m.failedBoxes, 'boxes of pictures that failed to load').toBe(0);
      expectThemed(m);
      await page.screenshot({ path: `${SCREENSHOTS}reader-ui-firefox-1280-${theme}.png` });
      await page.keyboard.press('Escape');
      const open = await poll(
        () => page.evaluate(() => !!document.querySelector('reading-assistant-reader')?.shadowRoot?.querySelector('.ra-popover')),
        (v) => !v,
      );
      expect(open).toBe(false);
      expect(await page.evaluate(() => document.querySelectorAll('reading-assistant-reader').length)).toBe(1);
    }
    await page.keyboard.press('Escape');
    await page.close();
  });

  test("beside Firefox's own reader (about:reader) on the same page and width: both screenshots for the README", async () => {
    const url = server.url(PACKAGED);
    const { page, tabId } = await session.openTab(url);
    await page.setViewport({ width: 1280, height: 800 });
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    await page.bringToFront();
    await page.waitForSelector(inReader('.ra-content'));
    await page.screenshot({ path: `${SCREENSHOTS}compare-ours-firefox-1280.png` });
    await page.keyboard.press('Escape');
    await page.goto(`about:reader?url=${encodeURIComponent(url)}`);
    // Firefox's reader shows the same headline once it has parsed the page.
    const title = await poll(
      () => page.evaluate(() => document.querySelector('.reader-title')?.textContent ?? ''),
      (t) => t.length > 0,
    );
    expect(title).toContain('The library that never sleeps');
    await page.screenshot({ path: `${SCREENSHOTS}compare-firefox-reader-1280.png` });
    await page.close();
  });
});
