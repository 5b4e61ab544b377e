// Issue 17, the library's Highlights view and search in highlights and notes, in Chromium and
// Firefox ESR: an article is saved from its page (the popup's Save), two highlights are made on it
// through the background's messages (the same `highlights/put` the reader sends), one with a note;
// the Highlights view lists them by article and by colour and finds them by a word of the passage
// or of the note (marked); the library's search finds the article by the note's word and says
// "In a note"; Enter on a highlight opens the saved copy scrolled to it, its mark focused.
// The list exported as an EPUB carries them (Chromium). Screenshots of the view at 400 and 1280 px, light and dark (Chromium), with an axe audit.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { strFromU8, unzipSync } from 'fflate';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startChromium, type ChromiumSession } from './chromium-session';
import { poll, startFirefox, type FirefoxSession } from './firefox-session';
import { audit, SCREENSHOTS } from './helpers';

const NOTE = 'Ask the harbourmaster when the 여객선 timetable changes.';
const QUOTE_EN = 'the new ferry terminal opens in the spring';
const QUOTE_KO = '부두 산책로는 내년 여름에 문을 연다';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The harbour's new terminal</title>
<meta property="og:type" content="article"></head><body><main><article><h1>The harbour's new terminal</h1>
${Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the harbour authority told the council that ${i === 2 ? QUOTE_EN : 'the works are on schedule'}, and residents asked how long the quay would stay closed to the fishing boats that land there every morning.</p>`,
).join('\n')}
<p lang="ko">시 관계자는 ${QUOTE_KO}고 밝혔다. 주민들은 공사 기간 동안 어선의 접안이 어떻게 되는지 물었다.</p>
</article></main></body></html>`;

/** The two highlights, as the reader would send them (the background re-anchors by the quote). */
function highlights(article: string) {
  const at = (exact: string) => ({
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 0 },
    ],
  });
  const now = Date.now();
  return [
    { id: 'hl-e2e-ferry', article, ...at(QUOTE_EN), color: 'yellow', note: NOTE, createdAt: now, updatedAt: now },
    { id: 'hl-e2e-walk', article, ...at(QUOTE_KO), color: 'pink', note: '', createdAt: now, updatedAt: now },
  ];
}

/** Run in an extension page: sends the highlights to the background, as the reader does. */
async function putHighlights(list: unknown[]): Promise<string[]> {
  const runtime = ((globalThis as { browser?: typeof chrome }).browser ?? chrome).runtime;
  const out: string[] = [];
  for (const highlight of list) {
    const answer = (await runtime.sendMessage({ type: 'highlights/put', payload: { highlight } })) as {
      highlight?: { id: string };
      error?: unknown;
    };
    out.push(answer?.highlight?.id ?? JSON.stringify(answer));
  }
  return out;
}

/** Run in the library: what the Highlights view shows. */
function readView() {
  const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return {
    count: text(document.querySelector('[data-testid="highlights-count"]')),
    heads: [...document.querySelectorAll('.hl-group-head')].map((h) => text(h.querySelector('.hl-group-title') ?? h)),
    quotes: [...document.querySelectorAll('.hl-quote')].map(text),
    notes: [...document.querySelectorAll('.hl-note')].map(text),
    marks: [...document.querySelectorAll('.hl-view mark')].map(text),
    empty: text(document.querySelector('[data-testid="highlights-empty"]')),
  };
}

/** Run in the library's article list: the rows shown while searching. */
function readResults() {
  const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return [...document.querySelectorAll('.virtual .article-row')].map((row) => ({
    title: text(row.querySelector('.row-title')),
    from: text(row.querySelector('[data-testid="snippet-from"]')),
    marks: [...row.querySelectorAll('.row-excerpt mark')].map(text),
  }));
}

/** Run in the read page: the highlight that has the focus, and whether it is on screen. */
function focusedHighlight() {
  const el = document.activeElement;
  if (!el?.matches('mark.ra-hl')) return null;
  const box = el.getBoundingClientRect();
  return { ids: el.getAttribute('data-hl'), text: el.textContent, inView: box.top >= 0 && box.bottom <= innerHeight };
}

let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  server = await serveFixtures(0, {
    handle(req: IncomingMessage, res: ServerResponse) {
      if (new URL(req.url ?? '/', 'http://x').pathname !== '/harbour.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return true;
    },
  });
});

afterAll(async () => {
  await server?.close();
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const BY_ARTICLE = {
  count: '2 highlights',
  heads: ["The harbour's new terminal"],
  quotes: [QUOTE_EN, QUOTE_KO],
  notes: [`Note ${NOTE}`],
  marks: [],
  empty: '',
};

describe('Chromium', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await startChromium();
  });

  afterAll(async () => {
    await session?.context.close();
  });

  test('highlights and a note: the Highlights view, search by a note word, Enter opens at the highlight', async () => {
    const url = server.publicUrl('/harbour.html');
    const { page, tabId } = await session.openTab(url);
    const popup = await session.openPopup(tabId);
    await popup.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('save-result').innerText(), { timeout: 20000 }).toMatch(/^Saved/);
    await Promise.all([page.close(), popup.close()]);

    const library = await session.extensionPage('library.html');
    await library.locator('.virtual .article-row').first().waitFor();
    const saved = (await library.locator('.virtual .article-row').first().getAttribute('data-url'))!;
    expect(await library.evaluate(putHighlights, highlights(saved))).toEqual(['hl-e2e-ferry', 'hl-e2e-walk']);

    await library.getByTestId('view-highlights').click();
    await expect.poll(() => library.evaluate(readView)).toEqual(BY_ARTICLE);
    await library.getByTestId('highlights-group').selectOption('color');
    await expect.poll(async () => (await library.evaluate(readView)).heads).toEqual(['Yellow', 'Pink']);
    await library.getByTestId('highlights-group').selectOption('article');

    // a word of the note finds its highlight, marked; a word of nothing says so
    const search = library.getByTestId('library-search');
    await search.fill('harbourmaster');
    await expect.poll(() => library.evaluate(readView)).toEqual({ ...BY_ARTICLE, quotes: [QUOTE_EN], marks: ['harbourmaster'] });
    await search.fill('여객선');
    await expect.poll(async () => (await library.evaluate(readView)).marks).toEqual(['여객선']);
    await search.fill('산책로');
    await expect.poll(async () => (await library.evaluate(readView)).quotes).toEqual([QUOTE_KO]);
    await search.fill('lighthouse');
    await expect.poll(async () => (await library.evaluate(readView)).empty).toBe('No highlight or note holds these words.');

    // the article list's search finds the article by the note's word and says where
    await library.getByTestId('view-articles').click();
    await search.fill('harbourmaster');
    await expect
      .poll(() => library.evaluate(readResults))
      .toEqual([{ title: "The harbour's new terminal", from: 'In a note:', marks: ['harbourmaster'] }]);

    // keyboard: arrows between highlights, Enter opens the saved copy at the one focused
    await search.fill('');
    await library.getByTestId('view-highlights').click();
    const open = library.locator('.hl-open');
    await expect.poll(() => open.count()).toBe(2);
    await open.first().focus();
    await library.keyboard.press('ArrowDown');
    expect(await library.evaluate(() => document.activeElement?.textContent)).toContain(QUOTE_KO);
    const [reader] = await Promise.all([session.context.waitForEvent('page'), library.keyboard.press('Enter')]);
    await reader.waitForURL(/read\.html.*#highlight=hl-e2e-walk$/);
    await expect
      .poll(() => reader.evaluate(focusedHighlight), { timeout: 10000 })
      .toEqual({ ids: 'hl-e2e-walk', text: QUOTE_KO, inView: true });
    await reader.close();

    // the list as an EPUB: the chapter holds the highlights as marks and the note as an endnote
    await library.getByTestId('view-articles').click();
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByTestId('export-epub').click()]);
    const book = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(strFromU8(book.mimetype!)).toBe('application/epub+zip');
    const chapter = strFromU8(book['OEBPS/a0001.xhtml']!);
    expect(chapter).toContain(`<mark class="hl-yellow">${QUOTE_EN}</mark>`);
    expect(chapter).toContain(`<mark class="hl-pink">${QUOTE_KO}</mark>`);
    expect(chapter).toContain('Ask the harbourmaster when the 여객선 timetable changes.');
    await library.getByTestId('view-highlights').click();

    // 400 and 1280 px, light and dark: nothing wider than the page; no axe violation
    for (const [width, scheme] of [
      [1280, 'light'],
      [1280, 'dark'],
      [400, 'light'],
      [400, 'dark'],
    ] as const) {
      await library.setViewportSize({ width, height: 640 });
      await library.emulateMedia({ colorScheme: scheme });
      await library.locator('.hl-entry').first().waitFor();
      expect(await library.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await audit(library)).toEqual([]);
      await library.screenshot({ path: `${SCREENSHOTS}/library-highlights-${width}-${scheme}.png` });
    }
    await library.close();
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

  const ext = () => session.extensionPage;

  test(
    'highlights and a note: the Highlights view, search by a note word, opened at the highlight',
    { timeout: 90000 },
    async () => {
      const { page, tabId } = await session.openTab(server.publicUrl('/harbour.html'));
      await session.showPopup(tabId);
      await session.press('save');
      await poll(
        () => ext().evaluate(() => document.querySelector('[data-testid="save-result"]')?.textContent ?? ''),
        (t) => t.startsWith('Saved'),
        20000,
      );
      await page.close();

      await session.goTo('/library.html');
      await ext().waitForSelector('.virtual .article-row');
      const saved = await ext().evaluate(() => document.querySelector('.virtual .article-row')!.getAttribute('data-url')!);
      expect(await ext().evaluate(putHighlights, highlights(saved))).toEqual(['hl-e2e-ferry', 'hl-e2e-walk']);

      await ext().click('[data-testid="view-highlights"]');
      expect(
        await poll(
          () => ext().evaluate(readView),
          (v) => v.quotes.length === 2,
        ),
      ).toEqual(BY_ARTICLE);

      // typed a key at a time: polled until the whole word is searched
      await ext().type('[data-testid="library-search"]', 'harbourmaster');
      const found = { ...BY_ARTICLE, quotes: [QUOTE_EN], marks: ['harbourmaster'] };
      expect(
        await poll(
          () => ext().evaluate(readView),
          (v) => same(v, found),
        ),
      ).toEqual(found);
      await ext().click('[data-testid="view-articles"]');
      const results = [{ title: "The harbour's new terminal", from: 'In a note:', marks: ['harbourmaster'] }];
      expect(
        await poll(
          () => ext().evaluate(readResults),
          (rows) => same(rows, results),
        ),
      ).toEqual(results);

      await session.goTo(`/read.html?url=${encodeURIComponent(saved)}#highlight=hl-e2e-walk`);
      expect(
        await poll(
          () => ext().evaluate(focusedHighlight),
          (f) => !!f,
        ),
      ).toEqual({ ids: 'hl-e2e-walk', text: QUOTE_KO, inView: true });
    },
  );
});
