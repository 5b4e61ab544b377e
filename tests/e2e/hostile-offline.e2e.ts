// Issue 21, item 4, in Chromium and Firefox ESR: nothing leaves the machine unless the reader asks.
//   - Browsing ten ordinary pages with default settings: the extension makes no request.
//   - A saved article whose body carries a tracking pixel, a srcset, a <picture> source, a video
//     poster and a CSS background opens with no request at all; placeholders keep the pictures'
//     places; "Load images from the site" (pressed from the keyboard) loads them, and the requests
//     then arrive (so the count can fail). Script canaries in the saved body never fire.
//   - The HTML export opened from a file runs nothing and fetches nothing (the same file with its
//     policy removed does fetch: the count can fail); the Markdown export links no script.
//
// Every request of either browser goes through one local server that is both the sites and their
// proxy (Chromium --proxy-server, Firefox network.proxy.*), so a request to any host is seen,
// whoever makes it: the page, the extension, or the browser.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Page as PwPage, Request } from 'playwright-core';
import { startChromium, type ChromiumSession } from './chromium-session';
import { poll, startFirefox, type ExtApi, type FirefoxSession } from './firefox-session';
import { backupWith } from './helpers';

const SITE = 'news.example.test';
const TRACKER = 'tracker.example.test';
const IMAGES = 'img.example.test';
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Every request the server saw (as the sites and as the proxy), in order. */
const seen: string[] = [];

const paragraphs = (n: number, seed: string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>${seed} paragraph ${i + 1}: the city council met on Tuesday to discuss the harbour plan, and residents who came to the hall asked how the new ferry line would change their commute, what it would cost, and when work on the piers would begin.</p>`,
  ).join('\n');

const KOREAN =
  '시의회는 화요일 항만 계획을 논의했고, 회관을 찾은 주민들은 새 여객선 노선이 출퇴근을 어떻게 바꿀지, 비용은 얼마인지, 부두 공사는 언제 시작하는지 물었다.';

/** An ordinary news page: site header and footer around a story (every other one Korean). */
function ordinaryPage(i: number): string {
  const korean = i % 2 === 0;
  const title = korean ? `항만 계획 ${i}차 공청회 열려` : `Harbour plan hearing number ${i} draws a crowd`;
  const body = korean
    ? Array.from({ length: 8 }, (_, k) => `<p>${k + 1}. ${KOREAN} ${KOREAN}</p>`).join('\n')
    : paragraphs(8, `Story ${i}`);
  return `<!doctype html><html lang="${korean ? 'ko' : 'en'}"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article"></head><body>
<header><nav><a href="/">Home</a> <a href="/news/1.html">News</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">${korean ? '김민지 기자' : 'By Jane Park'}</p>${body}</article></main>
<footer><p>© City News</p></footer></body></html>`;
}

/** A story whose body carries everything that could call home from a saved copy. */
const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour plan divides the city</title>
<meta property="og:type" content="article"></head><body><main><article>
<h1>Harbour plan divides the city</h1>
<p>Offline canary story. <img src="http://${TRACKER}/pixel.gif?id=1" width="1" height="1" alt=""></p>
<figure><img src="http://${IMAGES}/photo.jpg" srcset="http://${IMAGES}/photo-2x.jpg 2x" alt="Harbour at dawn" width="600" height="400"><figcaption>The old pier at dawn.</figcaption></figure>
${paragraphs(3, 'First')}
<picture><source srcset="http://${IMAGES}/picture.webp" type="image/webp"><img src="http://${IMAGES}/picture.jpg" alt="Ferry terminal" width="500" height="300"></picture>
<video poster="http://${IMAGES}/poster.jpg" src="http://${IMAGES}/clip.mp4" controls width="480" height="270"></video>
<p style="background-image:url(http://${TRACKER}/background.gif)">A styled paragraph about the harbour and the ferry plan.</p>
<p><img src="x" onerror="window.__pwned='img'"><a href="javascript:window.__pwned='link'">A link</a></p>
<script>window.__pwned = 'script';</script>
${paragraphs(6, 'Second')}
</article></main></body></html>`;

/** A backup's article with raw hostile HTML (an import is not sanitized when stored). */
const BACKUP = backupWith({
  url: `https://evil.example.test/story`,
  title: 'Imported story with a pixel',
  text: 'Visible text of the imported story.',
  contentHtml: `<p>Visible text of the imported story.</p><img src="http://${TRACKER}/pixel.gif?id=backup" onerror="window.__pwned='img'"><video poster="http://${TRACKER}/poster.gif?id=backup"></video><div style="background:url(http://${TRACKER}/bg.gif?id=backup)">styled</div><script>window.__pwned="script"</script><a href="javascript:window.__pwned='a'">link</a><svg><image href="http://${TRACKER}/svg.gif"/></svg>`,
});

let server: Server;
let port = 0;
let exported = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    // Through the proxy the request line holds the whole address; asked directly, Host says where.
    const raw = req.url ?? '/';
    const target = new URL(/^https?:/.test(raw) ? raw : `http://${req.headers.host}${raw}`);
    seen.push(`${target.host}${target.pathname}${target.search}`);
    const page = target.host === SITE && /^\/news\/(\d+)\.html$/.exec(target.pathname);
    if (page && Number(page[1]) >= 1 && Number(page[1]) <= 10) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ordinaryPage(Number(page[1]) - 1));
    } else if (target.host === SITE && target.pathname === '/hostile.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOSTILE_PAGE);
    } else if (/\.(gif|jpg|webp)$/.test(target.pathname)) {
      res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store' }).end(GIF);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  // HTTPS through the proxy: seen, and refused.
  server.on('connect', (req, socket) => {
    seen.push(`${req.url} (https)`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => server?.close(ok));
});

/**
 * The browsers' own traffic, not the extension's: Chromium's sign-in check at start, Firefox asking
 * its services for settings. Both over HTTPS, so only the host is seen; nothing else is excused.
 */
const browserOwn = (s: string) =>
  /^(accounts\.google\.com|[a-z0-9.-]+\.(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)):443 \(https\)$/.test(s);
/** Everything else that arrived: what a saved copy, an export or the extension asked for. */
const leaked = () => seen.filter((s) => !browserOwn(s));
/** What arrived besides the ten page loads and the browser's favicon requests. */
const unexpected = () => leaked().filter((s) => !/^news\.example\.test\/(news\/([1-9]|10)\.html|favicon\.ico)$/.test(s));

/** Lets late requests (lazy pictures, a poster) arrive before the count is read. */
const settle = () => new Promise((r) => setTimeout(r, 1000));

describe('Chromium', () => {
  let session: ChromiumSession;
  /** http(s) requests the extension itself made (service worker, offscreen document, its pages), as Chromium reports them. */
  const fromExtension: string[] = [];

  beforeAll(async () => {
    session = await startChromium({ args: [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>'] });
    session.context.on('request', (r: Request) => {
      if (!/^https?:/.test(r.url())) return;
      let origin = '';
      try {
        origin = r.serviceWorker() ? 'worker' : (r.frame().url() ?? '');
      } catch {
        origin = 'worker';
      }
      if (origin === 'worker' || origin.startsWith('chrome-extension:')) fromExtension.push(r.url());
    });
  });

  afterAll(async () => {
    await session?.context.close();
  });

  const badge = (tabId: number) => session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  test('browsing ten ordinary pages with default settings: the extension makes no request', async () => {
    seen.length = 0;
    fromExtension.length = 0;
    for (let i = 1; i <= 10; i++) {
      const { page, tabId } = await session.openTab(`http://${SITE}/news/${i}.html`);
      // The detector has run on each (its ✓), so whatever it would ask for has been asked.
      await expect.poll(() => badge(tabId)).toBe('✓');
      await page.close();
    }
    await settle();
    // The ten pages went through the counting proxy (so anything else would be seen too).
    expect(seen.filter((s) => /^news\.example\.test\/news\/\d+\.html$/.test(s))).toHaveLength(10);
    expect(unexpected()).toEqual([]);
    expect(fromExtension).toEqual([]);
  });

  test('a saved article with a tracking pixel opens with no request; "Load images from the site" loads them', async () => {
    const { page, tabId } = await session.openTab(`http://${SITE}/hostile.html`);
    await page.waitForLoadState('load');
    const popup = await session.openPopup(tabId);
    await popup.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('save-result').innerText()).toBe('Saved to your library.');
    const url = await popup.evaluate(() =>
      document.querySelector('[data-testid="saved-list"] li[data-url*="hostile"]')?.getAttribute('data-url'),
    );
    expect(url).toBe(`http://${SITE}/hostile.html`);
    await Promise.all([page.close(), popup.close()]);
    await settle();
    // Saving asked for the article's pictures (to store them with it): the user's request. From
    // here on, opening the saved copy must ask for nothing.
    expect(fromExtension).toContain(`http://${IMAGES}/photo.jpg`);

    seen.length = 0;
    fromExtension.length = 0;
    const reader = await session.extensionPage(`read.html?url=${encodeURIComponent(url!)}`);
    await reader.locator('.ra-content p').first().waitFor();
    await scrollThrough(reader);
    await settle();
    expect(leaked()).toEqual([]);
    expect(fromExtension).toEqual([]);
    expect(await canary(reader)).toBeNull();
    // The placeholders: the picture's alt text and size, the tracking pixel labelled.
    await expect.poll(() => reader.getByTestId('held-media').innerText()).toContain('This saved copy makes no requests');
    const harbour = await reader.locator('.ra-content img[alt="Harbour at dawn"]').boundingBox();
    expect(harbour && harbour.width > 100 && harbour.height > 50).toBe(true);
    expect(await reader.locator('.ra-content img[data-ra-held][alt="Image not stored"]').count()).toBeGreaterThan(0);
    expect(await reader.locator('.ra-content video[data-ra-held]').count()).toBe(1);

    // From the keyboard: the button, Enter.
    await reader.getByTestId('load-remote-media').focus();
    await reader.keyboard.press('Enter');
    await reader.waitForURL(/images=site/);
    await reader.locator('.ra-content p').first().waitFor();
    await expect.poll(() => seen).toContain(`${TRACKER}/pixel.gif?id=1`);
    await expect.poll(() => seen).toContain(`${IMAGES}/photo.jpg`);
    expect(await reader.getByTestId('held-media').count()).toBe(0);
    expect(await canary(reader)).toBeNull();
    await reader.close();
  });

  test("a hostile backup's article opens with no request and runs nothing; the HTML export opened from a file runs and fetches nothing", async () => {
    const library = await session.extensionPage('library.html');
    await library
      .getByTestId('import-file')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(BACKUP)) });
    await expect.poll(() => library.getByTestId('library-message').innerText()).toContain('Imported: 1 new');

    seen.length = 0;
    const reader = await session.extensionPage(`read.html?url=${encodeURIComponent(BACKUP.articles[0]!.url)}`);
    await reader.locator('.ra-content').waitFor();
    await reader
      .locator('.ra-content a')
      .first()
      .click()
      .catch(() => undefined);
    await settle();
    expect(leaked()).toEqual([]);
    expect(await canary(reader)).toBeNull();
    expect(await reader.locator('.ra-content').innerText()).toContain('Visible text of the imported story.');
    await reader.close();

    // The HTML export, written to a file and opened from it.
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Export one HTML file' }).click(),
    ]);
    exported = join(mkdtempSync(join(tmpdir(), 'ra-export-')), 'library.html');
    await download.saveAs(exported);
    const html = readFileSync(exported, 'utf8');
    expect(html).toContain(`http://${TRACKER}/pixel.gif?id=backup`); // the address stays in the file
    seen.length = 0;
    const file = await session.context.newPage();
    await file.goto(pathToFileURL(exported).href, { waitUntil: 'load' });
    await settle();
    expect(leaked()).toEqual([]);
    expect(await canary(file)).toBeNull();
    expect(await file.locator('body > article').count()).toBe(2);

    // The same file without its policy does fetch the pictures: the count above could fail.
    const open = exported.replace(/\.html$/, '-open.html');
    writeFileSync(open, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
    await file.goto(pathToFileURL(open).href, { waitUntil: 'load' });
    await expect.poll(() => seen).toContain(`${TRACKER}/pixel.gif?id=1`);
    await file.close();

    // The Markdown export: no link a viewer could run, no raw HTML.
    const [zip] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Export Markdown (zip)' }).click(),
    ]);
    const files = unzipSync(readFileSync((await zip.path())!));
    const markdown = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(markdown).toContain('Visible text of the imported story.');
    expect(markdown).not.toMatch(/\]\(\s*(javascript|data|vbscript):/i);
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img|svg|video|iframe)/i);
    await library.close();
  });
});

describe('Firefox', () => {
  let session: FirefoxSession;
  let ext: FirefoxSession['extensionPage'];

  beforeAll(async () => {
    session = await startFirefox({
      prefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.no_proxies_on': '',
      },
    });
    ext = session.extensionPage;
  });

  afterAll(async () => {
    await session?.browser.close();
  });

  const badge = (tabId: number) =>
    ext.evaluate((id) => (globalThis as unknown as { browser: ExtApi }).browser.action.getBadgeText({ tabId: id }), tabId);

  test('browsing ten ordinary pages with default settings: the extension makes no request', async () => {
    await settle(); // the add-on's install and its welcome page first
    seen.length = 0;
    for (let i = 1; i <= 10; i++) {
      const { page, tabId } = await session.openTab(`http://${SITE}/news/${i}.html`);
      expect(
        await poll(
          () => badge(tabId),
          (t) => t === '✓',
        ),
      ).toBe('✓');
      await page.close();
    }
    await settle();
    expect(seen.filter((s) => /^news\.example\.test\/news\/\d+\.html$/.test(s))).toHaveLength(10);
    expect(unexpected()).toEqual([]);
  });

  test('a saved article with a tracking pixel opens with no request; "Load images from the site" loads them', async () => {
    const { page, tabId } = await session.openTab(`http://${SITE}/hostile.html`);
    await session.showPopup(tabId);
    await session.press('save');
    expect(
      await poll(
        () => ext.evaluate(() => document.querySelector('[data-testid="save-result"]')?.textContent ?? ''),
        (t) => t.length > 0,
      ),
    ).toBe('Saved to your library.');
    await page.close();
    await settle();

    seen.length = 0;
    await session.goTo(`/read.html?url=${encodeURIComponent(`http://${SITE}/hostile.html`)}`);
    await ext.waitForSelector('.ra-content p');
    await ext.evaluate(async () => {
      const scroller = document.querySelector('.ra-root')!;
      for (let y = 0; y <= scroller.scrollHeight; y += 400) {
        scroller.scrollTop = y;
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    await settle();
    expect(leaked()).toEqual([]);
    const view = await ext.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
      notice: document.querySelector('[data-testid="held-media"]')?.textContent ?? '',
      held: document.querySelectorAll('.ra-content img[data-ra-held]').length,
      harbour: document.querySelector('.ra-content img[alt="Harbour at dawn"]')?.getBoundingClientRect().width ?? 0,
    }));
    expect(view.pwned).toBeNull();
    expect(view.notice).toContain('This saved copy makes no requests');
    expect(view.held).toBeGreaterThan(1);
    expect(view.harbour).toBeGreaterThan(100);

    await ext.focus('[data-testid="load-remote-media"]');
    await ext.keyboard.press('Enter');
    // Firefox asks for a web page's pictures over HTTPS from an extension page (it upgrades mixed
    // content), so the proxy sees the host of the tracking pixel, not its path.
    const pixel = (s: string[]) => s.includes(`${TRACKER}/pixel.gif?id=1`) || s.includes(`${TRACKER}:443 (https)`);
    expect(pixel(await poll(async () => [...seen], pixel))).toBe(true);
    expect(await ext.evaluate(() => location.search)).toContain('images=site');
    expect(await ext.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
  });

  test('the HTML export opened from a file runs and fetches nothing', async () => {
    expect(exported).not.toBe(''); // written by the Chromium part
    await session.goTo('/welcome.html'); // the pictures the last test asked for are not counted here
    await settle();
    seen.length = 0;
    const file = await session.browser.newPage();
    await file.goto(pathToFileURL(exported).href, { waitUntil: 'load' });
    await settle();
    expect(leaked()).toEqual([]);
    expect(await file.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(await file.evaluate(() => document.querySelectorAll('body > article').length)).toBe(2);
    await file.close();
  });
});

/** Scrolls the reader to the end and back, so lazy pictures would load. */
async function scrollThrough(page: PwPage) {
  await page.evaluate(async () => {
    const scroller = document.querySelector('.ra-root')!;
    for (let y = 0; y <= scroller.scrollHeight; y += 400) {
      scroller.scrollTop = y;
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
}

/** Set by any script the saved body carries. */
const canary = (page: PwPage) => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);
