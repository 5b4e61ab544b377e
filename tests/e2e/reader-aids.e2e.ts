// The reading aids in real Chromium and Firefox ESR, on the demo article bundled with the extension
// (public/demo/article.html: five sections, three pictures with captions, a wide table), served
// from 127.0.0.1: the contents list the headings and jump to them (the section read is marked),
// the progress bar and "N min left" follow scrolling, a picture opens large with its caption (←/→
// move between pictures, Esc closes it and not the reader, the focus goes back to the picture);
// the same on the saved-article page. Also the popup (no English → English offer on an English
// article; page zoom and the reader's text size are two named controls) and the welcome page (how
// to pin the button, the demo article, the settings). axe: 0 violations with the contents and the
// image viewer open (on the saved-article page, where axe can judge colours).
import type { Locator, Page } from 'playwright-core';
import type { KeyInput, Page as FxPage } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startChromium, type ChromiumSession } from './chromium-session';
import { poll, startFirefox, type FirefoxSession } from './firefox-session';
import { SCREENSHOTS, audit, servePackagedDemo } from './helpers';

const ARTICLE = '/packaged/article.html';
const SECTIONS = [
  'A trial month that became a year',
  'Who comes after dark', // a bold line in the page: a subheading by structure
  'What the night hours cost',
  'Three more branches',
  'What comes next',
];
const CAPTIONS = [
  'The central library at 11 p.m. on a weekday.',
  'The main reading room keeps its desk lamps on until two in the morning; the lights over the shelves dim at eleven.',
  'The four branches that now open after dark. Map: Reading Assistant', // the credit stays with its caption
];

let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  server = await serveFixtures(0, { handle: servePackagedDemo });
});

afterAll(async () => {
  await server?.close();
});

const minutes = (text: string | null) => Number(/(\d+) min left/.exec(text ?? '')?.[1] ?? NaN);

describe('Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await startChromium();
  });
  afterAll(async () => {
    await session?.context.close();
  });

  /** The aids on `root` (the reader's host in a tab, or the saved-article page's body), one test of everything. */
  async function checkAids(page: Page, root: Locator, shot: string) {
    const contents = root.getByRole('navigation', { name: 'Contents' });
    await expect.poll(() => contents.getByRole('link').allInnerTexts()).toEqual(SECTIONS);
    const progress = root.getByRole('progressbar', { name: 'Reading progress' });
    const left = root.getByTestId('time-left');
    expect(await progress.getAttribute('aria-valuenow')).toBe('0');
    const atTop = minutes(await left.innerText());
    expect(atTop).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${SCREENSHOTS}${shot}-1280-light.png` });

    // Reading on: a click in the text, then Page Down three times.
    await root.locator('.ra-content p').first().click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(10);
    await expect.poll(async () => minutes(await left.innerText())).toBeLessThan(atTop);

    // A click on an entry: its heading at the top, the entry marked as the section being read.
    const entry = contents.getByRole('link', { name: 'What the night hours cost' });
    await entry.click();
    const heading = root.getByRole('heading', { name: 'What the night hours cost' });
    await expect.poll(() => heading.evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(160);
    await expect.poll(() => heading.evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await expect.poll(() => entry.getAttribute('aria-current')).toBe('location');
    // Enter on another: the same, and the focus goes to the section (reading goes on from there).
    const next = contents.getByRole('link', { name: 'Three more branches' });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => next.getAttribute('aria-current')).toBe('location');
    expect(await entry.getAttribute('aria-current')).toBeNull();
    expect(await root.getByRole('heading', { name: 'Three more branches' }).evaluate((h) => h.matches(':focus'))).toBe(true);

    // Pictures: a click opens the first large with its caption; arrows move; Esc closes it alone.
    const pictures = root.locator('.ra-content img');
    await pictures.first().scrollIntoViewIfNeeded();
    await pictures.first().click();
    const viewer = root.getByRole('dialog', { name: CAPTIONS[0] });
    await viewer.waitFor();
    expect(await viewer.getByTestId('lightbox-count').innerText()).toBe('Image 1 of 3');
    await page.screenshot({ path: `${SCREENSHOTS}${shot}-lightbox-1280.png` });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => root.getByTestId('lightbox-caption').innerText()).toBe(CAPTIONS[1]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => root.getByTestId('lightbox-count').innerText()).toBe('Image 3 of 3');
    expect(await root.getByTestId('lightbox-caption').innerText()).toBe(CAPTIONS[2]);
    await page.keyboard.press('Escape');
    await expect.poll(() => root.getByTestId('lightbox').count()).toBe(0);
    await expect.poll(() => pictures.first().evaluate((img) => img.matches(':focus'))).toBe(true);
    // Enter on a picture opens it too.
    await pictures.nth(1).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => root.getByTestId('lightbox-count').innerText()).toBe('Image 2 of 3');
    await page.keyboard.press('Escape');
    await expect.poll(() => root.getByTestId('lightbox').count()).toBe(0);
  }

  test('in the reader over a page: contents, progress and time left, the image viewer; the popup offers no English → English and names its two size controls', async () => {
    const { page, tabId } = await session.openTab(server.url(ARTICLE));
    await page.setViewportSize({ width: 1280, height: 800 });
    const popup = await session.openPopup(tabId, 600);
    // An English article in an English browser: the target is another language, and no red error.
    await popup.getByTestId('translate-to').waitFor();
    expect(await popup.getByTestId('translate-to').inputValue()).not.toBe('en');
    expect(await popup.locator('.error').count()).toBe(0);
    // Two controls, each named for what it does.
    const zoom = popup.getByRole('group', { name: 'Page zoom' });
    await expect.poll(() => zoom.getByRole('button').count()).toBe(3);
    expect(await zoom.getByRole('button', { name: 'Zoom in' }).count()).toBe(1);
    const text = popup.getByRole('group', { name: 'Reader text size' });
    expect(await text.getByRole('button', { name: 'A+: larger text' }).count()).toBe(1);
    await popup.screenshot({ path: `${SCREENSHOTS}popup-aids-en-article.png` });
    await popup.getByTestId('toggle-reader').click();
    await popup.close();
    await page.bringToFront();
    const reader = page.locator('reading-assistant-reader');
    await reader.locator('.ra-content').waitFor();
    await checkAids(page, reader, 'reader-aids');
    // Esc with no layer open closes the reader, as before.
    await page.keyboard.press('Escape');
    await expect.poll(() => reader.count()).toBe(0);

    // 400 px, dark: the contents are a drawer opened from the reading bar.
    await page.setViewportSize({ width: 400, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const again = await session.openPopup(tabId, 600);
    await again.getByTestId('toggle-reader').click();
    await again.close();
    await page.bringToFront();
    await reader.locator('.ra-content').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}reader-aids-400-dark.png` });
    expect(await reader.getByRole('navigation', { name: 'Contents' }).isVisible()).toBe(false);
    await reader.getByTestId('contents-toggle').click();
    const drawer = reader.getByRole('dialog', { name: 'Contents' });
    await drawer.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}reader-aids-contents-400-dark.png` });
    await drawer.getByRole('link', { name: 'What comes next' }).click();
    await expect.poll(() => drawer.count()).toBe(0);
    await expect
      .poll(() =>
        reader.getByRole('heading', { name: 'What comes next' }).evaluate((h) => Math.round(h.getBoundingClientRect().top)),
      )
      .toBeLessThan(400);
    await page.close();
  });

  test('the saved-article page has the same aids; axe finds nothing with the contents and the image viewer open, light and dark, 1280 and 400 px', async () => {
    const { page, tabId } = await session.openTab(server.url(ARTICLE));
    const popup = await session.openPopup(tabId, 600);
    await popup.getByTestId('save').click();
    // Saving fetches and stores the article's pictures too: seconds on a loaded machine.
    await expect.poll(() => popup.getByTestId('save-result').innerText(), { timeout: 20000 }).toMatch(/library/);
    await Promise.all([page.close(), popup.close()]);
    const saved = await session.extensionPage(`read.html?url=${encodeURIComponent(server.url(ARTICLE))}`);
    await saved.setViewportSize({ width: 1280, height: 800 });
    const body = saved.locator('body');
    // A saved copy holds the site's pictures back until asked: asked, they load and open large.
    await body.getByTestId('load-remote-media').click();
    await saved.waitForURL(/images=site/);
    await body.locator('.ra-content img[src]').first().waitFor();
    await checkAids(saved, body, 'saved-aids');

    for (const scheme of ['light', 'dark'] as const) {
      await saved.emulateMedia({ colorScheme: scheme });
      await saved.setViewportSize({ width: 1280, height: 800 });
      expect(await audit(saved), `contents beside the article, ${scheme}`).toEqual([]);
      await body.locator('.ra-content img').first().click();
      await body.getByTestId('lightbox').waitFor();
      expect(await audit(saved), `image viewer, ${scheme}`).toEqual([]);
      await saved.keyboard.press('Escape');
      await saved.setViewportSize({ width: 400, height: 800 });
      await body.getByTestId('contents-toggle').click();
      await body.getByRole('dialog', { name: 'Contents' }).waitFor();
      expect(await audit(saved), `contents drawer, ${scheme}`).toEqual([]);
      await saved.screenshot({ path: `${SCREENSHOTS}saved-aids-contents-400-${scheme}.png` });
      await saved.keyboard.press('Escape');
      await expect.poll(() => body.getByRole('dialog', { name: 'Contents' }).count()).toBe(0);
      // Esc closed the drawer alone: the focus is back on its button.
      expect(await body.getByTestId('contents-toggle').evaluate((b) => b.matches(':focus'))).toBe(true);
    }
    await saved.setViewportSize({ width: 1280, height: 800 });
    await saved.screenshot({ path: `${SCREENSHOTS}saved-aids-1280-dark.png` });
    await saved.close();
  });

  test('the welcome page shows how to pin the button in Chrome and Firefox, opens the demo article and the settings', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const welcome = await session.extensionPage('welcome.html');
      await welcome.setViewportSize({ width: scheme === 'light' ? 1280 : 400, height: 900 });
      await welcome.emulateMedia({ colorScheme: scheme });
      await welcome.getByTestId('welcome-try').waitFor();
      expect(await welcome.getByTestId('pin-chrome').innerText()).toMatch(/puzzle piece[\s\S]*pin next to Reading Assistant/);
      expect(await welcome.getByTestId('pin-firefox').innerText()).toMatch(/Extensions button[\s\S]*Pin to Toolbar/);
      expect(await welcome.getByTestId('pin-chrome').innerText()).toContain('Your browser');
      expect(await audit(welcome), `welcome, ${scheme}`).toEqual([]);
      await welcome.screenshot({
        path: `${SCREENSHOTS}welcome-${scheme === 'light' ? 1280 : 400}-${scheme}.png`,
        fullPage: true,
      });
      if (scheme === 'dark') {
        await welcome.close();
        continue;
      }
      const options = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') });
      await welcome.getByTestId('welcome-settings').click();
      const opened = await options;
      await opened.locator('form, main').first().waitFor();
      await opened.close();
      await welcome.getByTestId('welcome-try').click();
      await welcome.locator('.ra-content').waitFor();
      expect(await welcome.locator('.ra-title').innerText()).toMatch(/^The library that never sleeps/);
      await expect
        .poll(() => welcome.getByRole('navigation', { name: 'Contents' }).getByRole('link').count())
        .toBe(SECTIONS.length);
      // Its pictures are the extension's own: they show (a saved copy's remote pictures would wait).
      await expect
        .poll(() =>
          welcome
            .locator('.ra-content img')
            .first()
            .evaluate((i: HTMLImageElement) => i.naturalWidth),
        )
        .toBeGreaterThan(0);
      await welcome.close();
    }
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

  /** In a tab the aids are in the reader's shadow root; on the saved-article page, in the document. */
  async function checkAids(page: FxPage, scope: string, shot: string) {
    const q = (sel: string) => (scope ? `${scope} >>> ${sel}` : sel);
    const read = (sel: string, what: 'text' | 'current' | 'count' | 'value' | 'focused') =>
      page.evaluate(
        (s, w, inShadow) => {
          const root: ParentNode | null | undefined = inShadow
            ? document.querySelector('reading-assistant-reader')?.shadowRoot
            : document;
          const all = root ? Array.from(root.querySelectorAll<HTMLElement>(s)) : [];
          if (w === 'count') return String(all.length);
          const el = all[0];
          if (!el) return null;
          if (w === 'current') return el.getAttribute('aria-current');
          if (w === 'value') return el.getAttribute('aria-valuenow');
          if (w === 'focused') return String((root as Document | ShadowRoot).activeElement === el);
          return el.textContent;
        },
        sel,
        what,
        !!scope,
      );
    const texts = await poll(
      () =>
        page.evaluate((inShadow) => {
          const root = inShadow ? document.querySelector('reading-assistant-reader')?.shadowRoot : document;
          return Array.from(root?.querySelectorAll('[data-testid="contents"] a') ?? [], (a) => a.textContent ?? '');
        }, !!scope),
      (t) => t.length === SECTIONS.length,
    );
    expect(texts).toEqual(SECTIONS);
    expect(await read('[data-testid="reading-progress"]', 'value')).toBe('0');
    const atTop = minutes(await read('[data-testid="time-left"]', 'text'));
    expect(atTop).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${SCREENSHOTS}firefox-${shot}-1280.png` });

    await page.click(q('.ra-content p'));
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown' as KeyInput);
    expect(
      Number(
        await poll(
          () => read('[data-testid="reading-progress"]', 'value'),
          (v) => Number(v) > 10,
        ),
      ),
    ).toBeGreaterThan(10);
    expect(
      minutes(
        await poll(
          () => read('[data-testid="time-left"]', 'text'),
          (t) => minutes(t) < atTop,
        ),
      ),
    ).toBeLessThan(atTop);

    const entry = '[data-testid="contents"] li:nth-child(3) a';
    await page.click(q(entry));
    expect(
      await poll(
        () => read(entry, 'current'),
        (v) => v === 'location',
      ),
    ).toBe('location');

    // The first picture, large; arrows; Esc closes the viewer alone and the focus is back on it.
    const first = await page.waitForSelector(q('.ra-content img'));
    await first!.scrollIntoView();
    await first!.click();
    await first!.dispose();
    expect(
      await poll(
        () => read('[data-testid="lightbox-caption"]', 'text'),
        (t) => t === CAPTIONS[0],
      ),
    ).toBe(CAPTIONS[0]);
    await page.screenshot({ path: `${SCREENSHOTS}firefox-${shot}-lightbox-1280.png` });
    await page.keyboard.press('ArrowRight' as KeyInput);
    expect(
      await poll(
        () => read('[data-testid="lightbox-caption"]', 'text'),
        (t) => t === CAPTIONS[1],
      ),
    ).toBe(CAPTIONS[1]);
    await page.keyboard.press('Escape' as KeyInput);
    expect(
      await poll(
        () => read('[data-testid="lightbox"]', 'count'),
        (n) => n === '0',
      ),
    ).toBe('0');
    expect(
      await poll(
        () => read('.ra-content img', 'focused'),
        (v) => v === 'true',
      ),
    ).toBe('true');
  }

  test('in the reader over a page (1280 px): contents, progress and time left, the image viewer', async () => {
    const { page, tabId } = await session.openTab(server.url(ARTICLE));
    await page.setViewport({ width: 1280, height: 800 });
    await session.showPopup(tabId);
    // No English → English offer on an English article.
    expect(await session.extensionPage.$eval('[data-testid="translate-to"]', (s) => (s as HTMLSelectElement).value)).not.toBe(
      'en',
    );
    await session.press('toggle-reader');
    await page.bringToFront();
    await page.waitForSelector('reading-assistant-reader >>> .ra-content');
    await checkAids(page, 'reading-assistant-reader', 'reader-aids');
    // Esc once more: the reader closes (the viewer had taken the first one alone).
    await page.keyboard.press('Escape' as KeyInput);
    expect(
      await poll(
        () => page.evaluate(() => document.querySelector('reading-assistant-reader') === null),
        (v) => v,
      ),
    ).toBe(true);
    await page.close();
  });

  test('the saved-article page has the same aids', async () => {
    const { page, tabId } = await session.openTab(server.url(ARTICLE));
    await session.showPopup(tabId);
    await session.press('save');
    await poll(
      () => session.extensionPage.evaluate(() => document.querySelector('[data-testid="save-result"]')?.textContent ?? ''),
      (t) => /library/.test(t),
    );
    await page.close();
    const ext = session.extensionPage;
    await ext.setViewport({ width: 1280, height: 800 });
    await session.goTo(`/read.html?url=${encodeURIComponent(server.url(ARTICLE))}&images=site`);
    await ext.waitForSelector('.ra-content img[src]');
    await checkAids(ext, '', 'saved-aids');
  });
});
