// The reader's own highlights and notes, in Chromium (Playwright) and Firefox ESR (puppeteer over
// BiDi): text selected with the real mouse across a bold run in the reader over a page, highlighted
// with a note (which saves the article); there again after the reader is closed and reopened; in
// the saved copy; deleted there from the panel and brought back with Undo, then deleted for good.
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startChromium, type ChromiumSession } from './chromium-session';
import { poll, startFirefox, type FirefoxSession } from './firefox-session';
import { DEMO, SCREENSHOTS } from './helpers';

/** Crosses the end of the demo's bold lead sentence into the plain text after it. */
const QUOTE = '공공도서관이 생긴다. 한빛시는';
const NOTE = '야간 개관은 다음 달부터';

let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  server = await serveFixtures();
});
afterAll(async () => {
  await server?.close();
});

/**
 * Where to press and release the mouse to select `quote` in the article (the reader's shadow root,
 * or the saved-article page): just inside its first and last characters. Runs in the page.
 */
function dragPoints({ quote, live }: { quote: string; live: boolean }): { from: [number, number]; to: [number, number] } | null {
  const root = document.querySelector('reading-assistant-reader')?.shadowRoot ?? document;
  const content = live ? document.body : root.querySelector('.ra-content');
  if (!content) return null;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    text += (n as Text).data;
  }
  const at = text.indexOf(quote);
  if (at < 0) return null;
  const point = (offset: number) => {
    let before = 0;
    for (const node of nodes) {
      if (offset < before + node.data.length) return { node, offset: offset - before };
      before += node.data.length;
    }
    return null;
  };
  const charRect = (offset: number) => {
    const p = point(offset)!;
    const r = document.createRange();
    r.setStart(p.node, p.offset);
    r.setEnd(p.node, p.offset + 1);
    return r.getClientRects()[0]!;
  };
  // In view first (the live page's article may start below the window).
  point(at)!.node.parentElement?.scrollIntoView({ block: 'center' });
  const first = charRect(at);
  const last = charRect(at + quote.length - 1);
  return {
    from: [first.left + 1, first.top + first.height / 2],
    to: [last.right - 1, last.top + last.height / 2],
  };
}

/** What the article shows highlighted, and the panel's entries (quote and note), in the reader or the saved copy. */
function shown(): { marks: string; items: string[] } {
  const root = document.querySelector('reading-assistant-reader')?.shadowRoot ?? document;
  return {
    marks: Array.from(root.querySelectorAll('.ra-content mark.ra-hl'))
      .map((m) => m.textContent)
      .join(''),
    items: Array.from(root.querySelectorAll('[data-testid="highlight-item"]')).map((li) => li.textContent ?? ''),
  };
}

type AnyPage = PwPage | PpPage;

/** The live page's own marks of the reader's highlights (in the page, not in a reader). */
const pageMarks = () =>
  Array.from(document.body.querySelectorAll('mark.ra-hl'))
    .map((m) => m.textContent)
    .join('');

/**
 * Clicks the first colour of the selection bar over the live page's selection. The bar is in a
 * closed shadow root (no test can reach into it), so by where it is drawn: above the selection,
 * centred on it (components/ReaderHighlights.tsx barPlace; the yellow swatch first).
 */
async function clickYellow(page: AnyPage) {
  const at = await (page as PwPage).evaluate(() => {
    const r = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
    const left = Math.max(8, Math.min(r.left + r.width / 2 - 200, window.innerWidth - 408));
    const top = r.top > 60 ? r.top - 48 : r.bottom + 8;
    return [left + 23, top + 22] as [number, number];
  });
  await page.mouse.click(...at);
}
const drag = async (page: AnyPage, quote: string, live = false) => {
  const points = await (page as PwPage).evaluate(dragPoints, { quote, live });
  if (!points) throw new Error(`"${quote}" is not in the article`);
  await page.mouse.move(...points.from);
  await page.mouse.down();
  await page.mouse.move(...points.to, { steps: 8 });
  await page.mouse.up();
};

describe('Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await startChromium();
  });
  afterAll(async () => {
    await session?.context.close();
  });

  test('select with the mouse, highlight with a note, reopen the reader, open the saved copy, delete with undo', async () => {
    const { page, tabId } = await session.openTab(server.url(DEMO.path));
    const popup = await session.openPopup(tabId);
    await popup.getByTestId('toggle-reader').click();
    const reader = page.locator('reading-assistant-reader');
    await reader.locator('.ra-content').waitFor();
    await page.bringToFront();

    await drag(page, QUOTE);
    const bar = reader.getByTestId('highlight-bar');
    await bar.waitFor();
    await bar.getByTestId('highlight-note').click();
    await bar.getByTestId('highlight-note-text').fill(NOTE);
    await page.screenshot({ path: `${SCREENSHOTS}highlights-note-chromium.png` });
    await bar.getByTestId('highlight-note-save').click();

    await expect.poll(() => page.evaluate(shown)).toMatchObject({ marks: QUOTE });
    // Across the bold run: one mark inside <b>, one after it.
    expect(await reader.locator('.ra-content b mark.ra-hl').count()).toBe(1);
    await reader.getByText('The article was saved to your library with this highlight.').waitFor();
    // Said once, by the reader: no second "Saved to your library." over the page.
    expect(await page.locator('reading-assistant-toast').count()).toBe(0);
    await reader.getByTestId('highlights-toggle').click();
    expect((await page.evaluate(shown)).items).toEqual([`${QUOTE}${NOTE}Edit noteDelete`]);
    await page.screenshot({ path: `${SCREENSHOTS}highlights-panel-chromium.png` });

    // Closed and opened again: the highlight comes back from the library.
    await popup.bringToFront();
    await popup.getByTestId('toggle-reader').click();
    await expect.poll(() => reader.count()).toBe(0);
    await popup.getByTestId('toggle-reader').click();
    await reader.locator('.ra-content').waitFor();
    await expect.poll(() => page.evaluate(shown).then((s) => s.marks)).toBe(QUOTE);

    // The saved copy shows it too.
    const library = await session.extensionPage('library.html');
    const url = await library.locator('[data-testid="virtual-list"] li').first().getAttribute('data-url');
    const saved = await session.extensionPage(`read.html?url=${encodeURIComponent(url!)}`);
    await saved.locator('.ra-content').waitFor();
    await expect.poll(() => saved.evaluate(shown).then((s) => s.marks)).toBe(QUOTE);

    // Deleted from the panel, back with Undo; deleted again, gone after a reload too.
    await saved.getByTestId('highlights-toggle').click();
    await saved.getByTestId('highlight-delete').click();
    await expect.poll(() => saved.evaluate(shown)).toEqual({ marks: '', items: [] });
    await saved.getByTestId('highlight-undo-button').click();
    await expect.poll(() => saved.evaluate(shown)).toMatchObject({ marks: QUOTE, items: [`${QUOTE}${NOTE}Edit noteDelete`] });
    await saved.getByTestId('highlight-delete').click();
    await expect.poll(() => saved.evaluate(shown).then((s) => s.marks)).toBe('');
    await saved.reload();
    await saved.locator('.ra-content').waitFor();
    await saved.getByTestId('highlights-toggle').click();
    await saved.getByText('Select text in the article').waitFor();
    expect(await saved.evaluate(shown)).toEqual({ marks: '', items: [] });
    await Promise.all([page.close(), popup.close(), library.close(), saved.close()]);
  });

  test('on the live page: nothing changes until a selection in the article; highlighted there, back after a reload and in the reader', async () => {
    const { page, tabId } = await session.openTab(server.url(DEMO.path));
    await page.bringToFront();
    // A dark site (its own style sheet): the marks must take dark colours with light text.
    await page.evaluate(() => {
      const dark = document.createElement('style');
      dark.textContent = 'html,body,.content{background:#15171a!important;color:#e6e6e6!important}';
      document.head.append(dark);
    });
    const untouched = await page.evaluate(() => document.documentElement.outerHTML);
    await drag(page, QUOTE, true);
    // The bar's host comes beside <body>; the page's own markup is as it was.
    await page.locator('reading-assistant-notes').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(untouched.match(/<body[\s\S]*<\/body>/)![0]);
    await clickYellow(page);
    await expect.poll(() => page.evaluate(pageMarks)).toBe(QUOTE);
    // The reader's dark-theme yellow (#5c4d00) under light text (#f2f2f2), not a glaring light mark on the dark page.
    expect(
      await page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('mark.ra-hl')!);
        return [style.backgroundColor, style.color];
      }),
    ).toEqual(['rgb(92, 77, 0)', 'rgb(242, 242, 242)']);
    await page.screenshot({ path: `${SCREENSHOTS}highlights-live-page-chromium.png` });

    await page.reload();
    await expect.poll(() => page.evaluate(pageMarks), { timeout: 15000 }).toBe(QUOTE);
    const popup = await session.openPopup(tabId);
    await popup.getByTestId('toggle-reader').click();
    await expect.poll(() => page.evaluate(shown).then((s) => s.marks)).toBe(QUOTE);
    await Promise.all([page.close(), popup.close()]);
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

  const inReader = (testId: string) => `reading-assistant-reader >>> [data-testid="${testId}"]`;
  /** Opens the reader from the popup and answers what it shows highlighted once that is the quote (or the time is up). */
  const readerMarksAfterOpening = async (page: PpPage, tabId: number) => {
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    return poll(
      () => page.evaluate(shown).then((s) => s.marks),
      (m) => m === QUOTE,
    );
  };

  test('select with the mouse, highlight with a note, reopen the reader, open the saved copy, delete with undo', async () => {
    const { page, tabId } = await session.openTab(server.url(DEMO.path));
    const ext = session.extensionPage;
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    await page.bringToFront();
    await page.waitForSelector('reading-assistant-reader >>> .ra-content');

    await drag(page, QUOTE);
    await page.click(inReader('highlight-note'));
    await page.waitForSelector(inReader('highlight-note-text'));
    await page.keyboard.type(NOTE);
    await page.click(inReader('highlight-note-save'));
    expect(
      await poll(
        () => page.evaluate(shown),
        (s) => s.marks === QUOTE,
      ),
    ).toMatchObject({ marks: QUOTE });
    await page.click(inReader('highlights-toggle'));
    await page.screenshot({ path: `${SCREENSHOTS}highlights-panel-firefox.png` });
    await page.waitForSelector(inReader('highlights-panel'), { timeout: 5000 });
    expect(
      await poll(
        () => page.evaluate(shown),
        (s) => s.items.length === 1,
      ),
    ).toEqual({ marks: QUOTE, items: [`${QUOTE}${NOTE}Edit noteDelete`] });

    // Closed and opened again from the popup: it comes back from the library.
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    expect(
      await poll(
        () => page.$('reading-assistant-reader'),
        (el) => el === null,
      ),
    ).toBeNull();
    expect(await readerMarksAfterOpening(page, tabId)).toBe(QUOTE);

    // The saved copy shows it; deleted with Undo, then for good.
    await session.goTo('/library.html');
    await ext.waitForSelector('[data-testid="virtual-list"] li');
    const url = await ext.evaluate(() => document.querySelector('[data-testid="virtual-list"] li')!.getAttribute('data-url')!);
    await session.goTo(`/read.html?url=${encodeURIComponent(url)}`);
    expect(
      await poll(
        () => ext.evaluate(shown).then((s) => s.marks),
        (m) => m === QUOTE,
      ),
    ).toBe(QUOTE);
    await session.press('highlights-toggle');
    await session.press('highlight-delete');
    expect(
      await poll(
        () => ext.evaluate(shown),
        (s) => s.marks === '',
      ),
    ).toEqual({ marks: '', items: [] });
    await session.press('highlight-undo-button');
    expect(
      await poll(
        () => ext.evaluate(shown),
        (s) => s.marks === QUOTE,
      ),
    ).toMatchObject({ marks: QUOTE });
    await session.press('highlight-delete');
    expect(
      await poll(
        () => ext.evaluate(shown),
        (s) => s.marks === '',
      ),
    ).toMatchObject({ marks: '' });
    await session.goTo(`/read.html?url=${encodeURIComponent(url)}&again=1`);
    await ext.waitForSelector('.ra-content');
    await session.press('highlights-toggle');
    await ext.waitForSelector('[data-testid="highlights-panel"]');
    expect(await ext.evaluate(shown)).toEqual({ marks: '', items: [] });
    await page.close();
  });

  test('on the live page: highlighted from the selection bar, back after a reload and in the reader', async () => {
    const { page, tabId } = await session.openTab(server.url(DEMO.path));
    await page.bringToFront();
    await drag(page, QUOTE, true);
    await page.waitForSelector('reading-assistant-notes');
    await clickYellow(page);
    expect(
      await poll(
        () => page.evaluate(pageMarks),
        (m) => m === QUOTE,
      ),
    ).toBe(QUOTE);
    await page.screenshot({ path: `${SCREENSHOTS}highlights-live-page-firefox.png` });
    await page.reload();
    expect(
      await poll(
        () => page.evaluate(pageMarks),
        (m) => m === QUOTE,
      ),
    ).toBe(QUOTE);
    expect(await readerMarksAfterOpening(page, tabId)).toBe(QUOTE);
    await page.close();
  });
});
