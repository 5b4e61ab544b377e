// Issue 17, "saved copies complete offline", in Chromium and Firefox ESR: saving an article stores
// its pictures (the background fetches them, sniffs, sanitizes an SVG, scales a wide one to 1600 px,
// makes the lead picture the library's thumbnail); the saved copy then shows them with no request
// at all (the fixture server counts what reaches it); a picture that was no picture waits behind
// its placeholder and its caption is not said twice; deleting the article deletes its pictures.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page as PwPage } from 'playwright-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { stripedPng as png } from '../../scripts/lib/png.mjs';
import { startChromium, type ChromiumSession } from './chromium-session';
import { poll, startFirefox, type FirefoxSession } from './firefox-session';
import { DEMO, SCREENSHOTS } from './helpers';

const PICTURES: Record<string, { type: string; body: Buffer | string }> = {
  '/pics/wide.png': { type: 'image/png', body: png(2400, 1200, 40) },
  '/pics/ferry.png': { type: 'image/png', body: png(640, 400, 160) },
  '/pics/lead.png': { type: 'image/png', body: png(1200, 630, 220) },
  // An SVG whose script would run if it were opened by itself: stored only sanitized.
  '/pics/chart.svg': {
    type: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="400" height="200" onload="alert(1)"><script>alert(2)</script><rect width="200" height="100" fill="#1a7f37"/><circle cx="100" cy="50" r="30" fill="#fff"/></svg>',
  },
  // An error page served as a JPEG: not a picture, left a link.
  '/pics/broken.jpg': { type: 'image/jpeg', body: '<!doctype html><title>404</title><p>Not found</p>' },
};

const para = (i: number) =>
  `<p>Paragraph ${i} of the story: the harbour authority showed the council its plans for the old pier, the new ferry terminal and the walkway along the water, and residents asked how long the works would close the quay to fishing boats.</p>`;

function picturesPage(origin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The harbour in pictures</title>
<meta property="og:type" content="article"><meta property="og:image" content="${origin}/pics/lead.png"></head><body>
<main><article><h1>The harbour in pictures</h1>
${para(1)}${para(2)}
<figure><img src="${origin}/pics/wide.png" alt="The old pier at dawn" width="2400" height="1200"><figcaption>The old pier at dawn</figcaption></figure>
${para(3)}${para(4)}
<figure><img src="${origin}/pics/ferry.png" alt="The ferry terminal" width="640" height="400"><figcaption>The ferry terminal, seen from the quay.</figcaption></figure>
${para(5)}
<figure><img src="${origin}/pics/chart.svg" alt="Passengers by year" width="400" height="200"><figcaption>Passengers by year.</figcaption></figure>
${para(6)}
<figure><img src="${origin}/pics/broken.jpg" alt="Fishing boats at the quay" width="600" height="400"><figcaption>Fishing boats at the quay.</figcaption></figure>
${para(7)}${para(8)}
</article></main></body></html>`;
}

/** A Japanese story: its three-character word 閲覧室 must be found, and marked in the snippet. */
const JAPANESE = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>市立図書館、夜間開館へ</title>
<meta property="og:type" content="article"></head><body><main><article><h1>市立図書館、夜間開館へ</h1>
${Array.from({ length: 6 }, (_, i) => `<p>${i + 1}. 市は来月から市立図書館を夜十時まで開けると発表した。夜間の運営に必要な職員を新たに採用し、閲覧室の照明や暖房も改修する。夜の時間帯には自動貸出機と返却ポストも利用できるようになる。</p>`).join('\n')}
</article></main></body></html>`;

let server: Awaited<ReturnType<typeof serveFixtures>>;
let origin = '';

beforeAll(async () => {
  server = await serveFixtures(0, {
    handle(req: IncomingMessage, res: ServerResponse) {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/japanese.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(JAPANESE);
        return true;
      }
      if (path === '/pictures.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(picturesPage(origin));
        return true;
      }
      const picture = PICTURES[path];
      if (!picture) return false;
      res.writeHead(200, { 'content-type': picture.type, 'cache-control': 'no-store' }).end(picture.body);
      return true;
    },
  });
  origin = new URL(server.publicUrl('/')).origin;
});

afterAll(async () => {
  await server?.close();
});

/** What the saved copy shows, read in the read page. */
interface CopyView {
  stored: { alt: string; width: number; local: boolean }[];
  held: { alt: string; caption: string }[];
  notice: string;
  svgText: string;
  captions: string[];
}

/** Run in the read page: every picture, whether it shows from the database, and what waits. */
async function readCopy(): Promise<CopyView> {
  const imgs = [...document.querySelectorAll<HTMLImageElement>('.ra-content img')];
  // Each brought into view (a lazy picture loads only then); one that fails counts as shown with
  // no width, and the test then says which.
  for (const img of imgs) {
    img.scrollIntoView();
    if (!img.complete)
      await new Promise((r) => {
        img.addEventListener('load', r, { once: true });
        img.addEventListener('error', r, { once: true });
      });
  }
  const svg = imgs.find((img) => img.alt === 'Passengers by year' && img.src.startsWith('blob:'));
  return {
    stored: imgs
      .filter((img) => !img.hasAttribute('data-ra-held'))
      .map((img) => ({ alt: img.alt, width: img.naturalWidth, local: img.src.startsWith('blob:') })),
    held: imgs
      .filter((img) => img.hasAttribute('data-ra-held'))
      .map((img) => ({ alt: img.alt, caption: img.closest('figure')?.querySelector('figcaption')?.textContent ?? '' })),
    notice: document.querySelector('.ra-article .ra-notice')?.textContent ?? '',
    svgText: svg ? await (await fetch(svg.src)).text() : '',
    captions: [...document.querySelectorAll('.ra-content figcaption')].map((c) => c.textContent ?? ''),
  };
}

/** Run in an extension page: how many pictures the library database holds. */
function countAssets(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('library');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('assets')) {
        db.close();
        resolve(-1);
        return;
      }
      const count = db.transaction('assets').objectStore('assets').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
  });
}

/** What both browsers must show of the saved pictures page. */
function expectCopy(view: CopyView) {
  // Three pictures from the database (the wide one scaled to 1600 px), none from the site.
  expect(view.stored.map((s) => [s.alt, s.local])).toEqual([
    ['The old pier at dawn', true],
    ['The ferry terminal', true],
    ['Passengers by year', true],
  ]);
  expect(view.stored.map((s) => s.width)).toEqual([1600, 640, 400]);
  // The SVG was stored sanitized.
  expect(view.svgText).toContain('<rect');
  expect(view.svgText).not.toMatch(/script|onload/i);
  // The error page served as a JPEG waits; its caption is said once (the placeholder says what it is).
  expect(view.held).toEqual([{ alt: 'Image not stored', caption: 'Fishing boats at the quay.' }]);
  expect(view.notice).toContain('3 of the 4 pictures are kept with this copy');
}

describe('Chromium', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await startChromium();
  });

  afterAll(async () => {
    await session?.context.close();
  });

  /** Saves the tab's article; `pictures`: how many stored pictures to wait for (they follow the text). */
  const saveTab = async (url: string, pictures = 0) => {
    const { page, tabId } = await session.openTab(url);
    const popup = await session.openPopup(tabId);
    const had = await popup.evaluate(countAssets);
    await popup.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('save-result').innerText(), { timeout: 20000 }).toMatch(/^Saved/);
    const result = await popup.getByTestId('save-result').innerText();
    await expect.poll(() => popup.evaluate(countAssets), { timeout: 20000 }).toBeGreaterThanOrEqual(had + pictures);
    // The address it is saved under (a page may name another, canonical one): the newest in the list.
    await popup.locator('[data-testid="saved-list"] li').first().waitFor();
    saved = (await popup.locator('[data-testid="saved-list"] li').first().getAttribute('data-url')) ?? '';
    await Promise.all([page.close(), popup.close()]);
    return result;
  };
  let saved = '';

  test('saved with its pictures; the copy shows them with no request; deleting it deletes them', async () => {
    const url = server.publicUrl('/pictures.html');
    expect(await saveTab(url, 4)).toBe('Saved to your library.');
    const before = server.requests.length;
    const reader = await session.extensionPage(`read.html?url=${encodeURIComponent(url)}`);
    await reader.locator('.ra-content p').first().waitFor();
    expectCopy(await reader.evaluate(readCopy));
    await scrollThrough(reader);
    expect(server.requests.slice(before)).toEqual([]);
    await reader.close();

    const library = await session.extensionPage('library.html');
    expect(await library.evaluate(countAssets)).toBe(4); // three pictures and the thumbnail
    await library.locator(`li[data-url="${url}"]`).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => library.evaluate(countAssets)).toBe(0);
    await library.close();
  });

  test('the demo article: its lazy SVG picture is stored and shown offline, its caption once', async () => {
    expect(await saveTab(server.publicUrl(DEMO.path), 1)).toBe('Saved to your library.');
    const before = server.requests.length;
    const reader = await session.extensionPage(`read.html?url=${encodeURIComponent(saved)}`);
    await reader.locator('.ra-content p').first().waitFor();
    const view = await reader.evaluate(readCopy);
    expect(view.stored.filter((s) => s.local && s.width > 0)).toHaveLength(1);
    expect(view.held).toEqual([]);
    expect(server.requests.slice(before)).toEqual([]);
    await reader.close();
  });

  test('search: a snippet with the matched words marked, Korean and a three-character Japanese word', async () => {
    expect(await saveTab(server.publicUrl('/japanese.html'))).toBe('Saved to your library.');
    const library = await session.extensionPage('library.html');
    const errors: string[] = [];
    library.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    library.on('pageerror', (e) => void errors.push(String(e)));
    const search = library.getByTestId('library-search');
    await search.fill('열람실');
    await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 1');
    await expect.poll(() => library.locator('[data-testid="row-snippet"] mark').first().innerText()).toBe('열람실');
    await search.fill('閲覧室');
    await expect
      .poll(async () => ({ titles: await library.locator('.virtual .row-title').allInnerTexts(), errors: [...errors] }))
      .toEqual({ titles: ['市立図書館、夜間開館へ'], errors: [] });
    await expect.poll(() => library.locator('[data-testid="row-snippet"] mark').first().innerText()).toBe('閲覧室');
    await search.fill('');
    await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 2');
    await library.close();
  });

  test('the library at 400 and 1280 px, light and dark: rows with thumbnails, nothing wider than the page', async () => {
    expect(await saveTab(server.publicUrl('/pictures.html'), 4)).toBe('Saved to your library.');
    for (const [width, scheme] of [
      [1280, 'light'],
      [1280, 'dark'],
      [400, 'light'],
      [400, 'dark'],
    ] as const) {
      const library = await session.context.newPage();
      await library.setViewportSize({ width, height: 720 });
      await library.emulateMedia({ colorScheme: scheme });
      await library.goto(`chrome-extension://${session.extensionId}/library.html`);
      await library.locator('.virtual .article-row').first().waitFor();
      await expect.poll(() => library.locator('.virtual .row-thumb img').count()).toBeGreaterThan(0);
      // nothing sticks out sideways (tags, titles, the tool bar)
      expect(await library.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await library.screenshot({ path: `${SCREENSHOTS}/library-${width}-${scheme}.png` });
      await library.close();
    }
  });

  test('keyboard: arrows move through the rows, Enter opens, Delete asks first', async () => {
    const library = await session.extensionPage('library.html');
    const titles = library.locator('.virtual .row-title');
    await expect.poll(() => titles.count()).toBe(3);
    const names = await titles.allInnerTexts();
    const focused = () => library.evaluate(() => document.activeElement?.textContent);
    await titles.first().focus();
    await library.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(names[1]);
    await library.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(names[0]);
    // Delete asks; refused, nothing goes; accepted, the row goes
    library.once('dialog', (d) => void d.dismiss());
    await library.keyboard.press('Delete');
    await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 3');
    library.once('dialog', (d) => void d.accept());
    await library.keyboard.press('Delete');
    await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 2');
    expect(await titles.allInnerTexts()).toEqual(names.slice(1));
    // Enter opens the saved copy in a new tab
    await titles.first().focus();
    const [reader] = await Promise.all([session.context.waitForEvent('page'), library.keyboard.press('Enter')]);
    await reader.waitForURL(/read\.html/);
    await Promise.all([reader.close(), library.close()]);
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

  /** Saves the tab's article; `pictures`: how many stored pictures to wait for (they follow the text). */
  const saveTab = async (url: string, pictures = 0) => {
    const { page, tabId } = await session.openTab(url);
    await session.showPopup(tabId);
    const had = await ext().evaluate(countAssets);
    await session.press('save');
    const result = await poll(
      () => ext().evaluate(() => document.querySelector('[data-testid="save-result"]')?.textContent ?? ''),
      (t) => t.length > 0,
      20000,
    );
    await poll(
      () => ext().evaluate(countAssets),
      (n) => n >= had + pictures,
      20000,
    );
    log('saved', result);
    await poll(
      () => ext().evaluate(() => !!document.querySelector('[data-testid="saved-list"] li')),
      (ok) => ok,
    );
    saved = await ext().evaluate(() => document.querySelector('[data-testid="saved-list"] li')?.getAttribute('data-url') ?? '');
    await page.close();
    return result;
  };
  let saved = '';
  const t0 = Date.now();
  /** Where a slow run spends its time (printed with the test's output). */
  const log = (...what: unknown[]) => console.log(`[firefox ${((Date.now() - t0) / 1000).toFixed(1)} s]`, ...what);

  test(
    'saved with its pictures; the copy shows them with no request; deleting it deletes them',
    { timeout: 120000 },
    async () => {
      const url = server.publicUrl('/pictures.html');
      expect(await saveTab(url, 4)).toBe('Saved to your library.');
      const before = server.requests.length;
      await session.goTo(`/read.html?url=${encodeURIComponent(url)}`);
      log('read page');
      await ext().waitForSelector('.ra-content p');
      log('article shown');
      expectCopy(await ext().evaluate(readCopy));
      log('copy checked');
      expect(server.requests.slice(before)).toEqual([]);

      await session.goTo('/library.html');
      log('library');
      expect(await ext().evaluate(countAssets)).toBe(4);
      await ext().waitForSelector(`li[data-url="${url}"] button[aria-label="Delete"]`);
      await ext().click(`li[data-url="${url}"] button[aria-label="Delete"]`);
      expect(
        await poll(
          () => ext().evaluate(countAssets),
          (n) => n === 0,
        ),
      ).toBe(0);
    },
  );

  test('the demo article: its lazy SVG picture is stored and shown offline, its caption once', async () => {
    expect(await saveTab(server.publicUrl(DEMO.path), 1)).toBe('Saved to your library.');
    const before = server.requests.length;
    await session.goTo(`/read.html?url=${encodeURIComponent(saved)}`);
    await ext().waitForSelector('.ra-content p');
    const view = await ext().evaluate(readCopy);
    expect(view.stored.filter((s) => s.local && s.width > 0)).toHaveLength(1);
    expect(view.held).toEqual([]);
    expect(server.requests.slice(before)).toEqual([]);
  });
});

/** Scrolls the reader to the end, so lazy pictures would load. */
async function scrollThrough(page: PwPage) {
  await page.evaluate(async () => {
    const scroller = document.querySelector('.ra-root')!;
    for (let y = 0; y <= scroller.scrollHeight; y += 400) {
      scroller.scrollTop = y;
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
}
