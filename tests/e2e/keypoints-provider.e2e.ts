// Key points written by the user's OpenAI-compatible provider, in Chromium and in Firefox ESR,
// against the local chat server on 127.0.0.1 (scripts/lib/translate-server.mjs: its key points are
// sentences of the article with their last word taken off). The reader asks before the article is
// first sent (nothing goes out until Send) and remembers the answer for that address; the points
// come linked to their sentences, and the engine line names the server. Its 401, 429 and 500: the
// points chosen on the device are shown, with the error's sentence. A hostile answer (markup, a
// point the article does not hold) is plain text: nothing runs, nothing loads, that point links to
// nothing. (Chrome's Summarizer would go first: this machine has no model, so it is never there.)
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { inReaderPanel, startChromium, type ChromiumSession } from './chromium-session';
import { clickInReader, poll, startFirefox, type ExtApi, type FirefoxSession } from './firefox-session';
import { DEMO, SCREENSHOTS, audit } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let chat: Awaited<ReturnType<typeof startTranslateServer>>;

beforeAll(async () => {
  server = await serveFixtures();
  chat = await startTranslateServer();
});
afterAll(async () => {
  await server?.close();
  await chat?.close();
});

const PROVIDER = (apiKey?: string) => ({
  kind: 'openai',
  baseUrl: chat.url('/v1'),
  model: 'echo-1',
  ...(apiKey ? { apiKey } : {}),
});

/** What the cases need of a reader over the demo article, whichever library drives it. */
interface Reader {
  texts(selector: string): Promise<string[]>;
  /** How many elements match in the reader's shadow root. */
  count(selector: string): Promise<number>;
  click(testId: string): Promise<void>;
  canary(): Promise<string | null>;
  screenshot(name: string): Promise<void>;
}

interface Driver {
  /** Stores these in the extension's local storage (the provider, the remembered answer). */
  store(values: Record<string, unknown>): Promise<void>;
  /** The demo article in a new tab, the reader open on it. */
  open(): Promise<Reader>;
}

const BOX = '[data-testid="keypoints"]';
const POINTS = '[data-testid="keypoint"]';
const LINKED = 'a[data-testid="keypoint"]';
const ENGINE = '[data-testid="keypoints-engine"]';
const ERROR = '[data-testid="keypoints-error"]';
const DEVICE_LINE = 'Sentences of the article, chosen on this device (no network). Each links to where it stands.';

const one = async (r: Reader, selector: string) => (await r.texts(selector))[0] ?? '';
const until = (r: Reader, selector: string, ok: (t: string) => boolean, ms = 15000) => poll(() => one(r, selector), ok, ms);

function cases(driver: () => Driver, browser: string) {
  test('the first time: asked before anything is sent; Send writes the points, each a part of the article linked to its sentence; remembered', async () => {
    const d = driver();
    await d.store({ translateProvider: PROVIDER(), keyPointsProvider: null });
    chat.reset();
    const r = await d.open();
    const article = await one(r, '.ra-content');
    await r.click('keypoints-make');
    const host = new URL(chat.origin).host;
    expect(await until(r, '[data-testid="keypoints-ask"]', (t) => t.length > 0)).toBe(
      `Your translation provider's model at ${host} can write the key points: the article's text will be sent there. Send it, or choose sentences on this device?`,
    );
    expect(chat.stats.keyPoints).toBe(0);
    await r.click('keypoints-send');
    expect(await until(r, ENGINE, (t) => t.startsWith('Written'))).toBe(
      `Written by the model at ${host}, your translation provider. Each point links to its sentence. Choose them on this device instead`,
    );
    expect(chat.stats.keyPoints).toBe(1);
    const points = await r.texts(POINTS);
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(5);
    const flat = article.replace(/\s+/g, ' ');
    for (const p of points) expect(flat).toContain(p);
    expect(await r.count(LINKED)).toBe(points.length);
    await r.screenshot(`${browser}-keypoints-provider`);

    // Another reader: the answer is remembered for this address, so no question.
    const again = await d.open();
    await again.click('keypoints-make');
    expect(await until(again, ENGINE, (t) => t.startsWith('Written'))).toContain(host);
    expect(await again.count('[data-testid="keypoints-ask"]')).toBe(0);
    expect(chat.stats.keyPoints).toBe(2);
    // "On this device instead": the device's sentences, nothing sent, and remembered.
    await again.click('keypoints-switch');
    expect(await until(again, ENGINE, (t) => t.startsWith('Sentences'))).toBe(`${DEVICE_LINE} Have ${host} write them`);
    expect(chat.stats.keyPoints).toBe(2);
  });

  test("the server's 401, 429 and 500: the device's points, with the error's sentence; asking the server again after each", async () => {
    const d = driver();
    await d.store({ translateProvider: PROVIDER('bad-key'), keyPointsProvider: { origin: chat.origin, allow: true } });
    chat.reset();
    const r = await d.open();
    const faults: Array<[string, () => Promise<void>]> = [
      ['The translation service refused the API key. Check the key in the options.', () => r.click('keypoints-make')],
      [
        'The translation service is receiving too many requests. Try again in a minute.',
        async () => {
          // The key put right in the options; the server now busy. "Have … write them" asks again.
          await d.store({ translateProvider: PROVIDER() });
          chat.fail(429);
          await r.click('keypoints-switch');
        },
      ],
      [
        'The translation service failed (error 500). Try again later.',
        async () => {
          chat.fail(500);
          await r.click('keypoints-switch');
        },
      ],
    ];
    for (const [sentence, act] of faults) {
      const asked = chat.stats.requests;
      await act();
      expect(await until(r, ERROR, (t) => t.includes(sentence))).toBe(
        `The provider wrote no key points: ${sentence} These sentences were chosen on this device instead.`,
      );
      expect(chat.stats.requests).toBe(asked + 1); // one request, no retry behind the user's back
      expect(await one(r, ENGINE)).toMatch(/^Sentences of the article, chosen on this device/);
      expect((await r.texts(POINTS)).length).toBeGreaterThanOrEqual(3);
      expect(await r.count(LINKED)).toBe((await r.texts(POINTS)).length);
    }
    // The server well again: the same button gets its points.
    await r.click('keypoints-switch');
    expect(await until(r, ENGINE, (t) => t.startsWith('Written'))).toContain(new URL(chat.origin).host);
    expect(await r.count(ERROR)).toBe(0);
  });

  test('a hostile answer: markup is text and loads nothing; a point the article does not hold links to nothing', async () => {
    const d = driver();
    await d.store({ translateProvider: PROVIDER(), keyPointsProvider: { origin: chat.origin, allow: true } });
    chat.reset();
    const canary = (what: string) => `document.documentElement.setAttribute('data-canary','${what}')`;
    chat.keyPointsAnswer(
      JSON.stringify([
        `<img src="${chat.origin}/canary" onerror="${canary('img')}">밤 10시 이후에도 문을 여는 공공도서관이 생긴다`,
        `<script>${canary('script')}</script>The weather in Paris was sunny and mild all week`,
        '참가 신청은 한빛시 통합예약 누리집에서 받는다',
        ...Array.from({ length: 5 }, (_, i) => `Extra point ${i + 1}`),
      ]),
    );
    const r = await d.open();
    await r.click('keypoints-make');
    await until(r, ENGINE, (t) => t.startsWith('Written'));
    const points = await r.texts(POINTS);
    expect(points).toEqual([
      '밤 10시 이후에도 문을 여는 공공도서관이 생긴다',
      'The weather in Paris was sunny and mild all week',
      '참가 신청은 한빛시 통합예약 누리집에서 받는다',
      'Extra point 1',
      'Extra point 2',
    ]);
    // The two the article holds link to their sentences; the others to nothing.
    expect(await r.texts(LINKED)).toEqual([points[0], points[2]]);
    expect(await r.count(`${BOX} img, ${BOX} script`)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await r.canary()).toBeNull();
    expect((chat.stats.byPath as Record<string, number>)['/canary']).toBeUndefined();
  });
}

/** The reader's shadow root, read in the page. */
const readTexts = (selector: string) => {
  const root = document.querySelector('reading-assistant-reader')?.shadowRoot;
  return root ? Array.from(root.querySelectorAll(selector)).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()) : [];
};

describe('Chromium', () => {
  let session: ChromiumSession;
  const pages: PlaywrightPage[] = [];
  beforeAll(async () => {
    session = await startChromium();
  });
  afterAll(async () => {
    await session?.context.close();
  });

  cases(
    () => ({
      store: (values) => session.worker.evaluate((v) => chrome.storage.local.set(v), values),
      async open() {
        while (pages.length) await pages.pop()!.close();
        const { page, tabId } = await session.openTab(server.url(DEMO.path));
        pages.push(page);
        const popup = await session.openPopup(tabId);
        await popup.getByTestId('toggle-reader').click();
        await popup.close();
        await page.bringToFront();
        const host = page.locator('reading-assistant-reader');
        await host.locator('.ra-content').waitFor();
        return {
          texts: (selector) => page.evaluate(readTexts, selector),
          count: (selector) => host.locator(selector).count(),
          click: (testId) => host.getByTestId(testId).click(),
          canary: () => page.evaluate(() => document.documentElement.getAttribute('data-canary')),
          async screenshot(name) {
            await host.locator(BOX).scrollIntoViewIfNeeded();
            await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
          },
        };
      },
    }),
    'chromium',
  );

  test('a saved copy keeps its points: translated with the article, shown again at once when it is opened; the question and the points pass axe in both themes', async () => {
    await session.worker.evaluate((v) => chrome.storage.local.set(v), {
      translateProvider: PROVIDER(),
      keyPointsProvider: null,
    });
    const { page, tabId } = await session.openTab(server.url(DEMO.path));
    const popup = await session.openPopup(tabId, 600);
    await popup.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('save-result').innerText(), { timeout: 20000 }).toMatch(/library/);
    const row = popup.locator('[data-testid="saved-list"][aria-busy="false"] li[data-url]', { hasText: '한빛시' }).first();
    const url = (await row.getAttribute('data-url'))!;
    await Promise.all([page.close(), popup.close()]);
    chat.reset();

    const saved = await session.extensionPage(`read.html?url=${encodeURIComponent(url)}`);
    await saved.getByTestId('keypoints-make').click();
    // The question, then the points, pass axe's WCAG 2.1 AA rules in the light and the dark theme.
    await saved.getByTestId('keypoints-ask').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await saved.emulateMedia({ colorScheme: scheme });
      expect(await audit(saved, '[data-testid="keypoints"]'), scheme).toEqual([]);
    }
    await saved.getByTestId('keypoints-send').click();
    await expect.poll(() => saved.getByTestId('keypoints-engine').innerText()).toMatch(/^Written by the model/);
    for (const scheme of ['dark', 'light'] as const) {
      await saved.emulateMedia({ colorScheme: scheme });
      expect(await audit(saved, '[data-testid="keypoints"]'), scheme).toEqual([]);
    }
    const points = await saved.getByTestId('keypoint').allInnerTexts();
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(chat.stats.keyPoints).toBe(1);

    await (await inReaderPanel(saved, 'reader-translate')).click();
    await expect
      .poll(() => saved.getByTestId('reader-translate-status').innerText(), { timeout: 20000 })
      .toMatch(/^Translated into/);
    const translated = await saved.locator('.ra-keypoints-list .ra-translation').allInnerTexts();
    expect(translated).toHaveLength(points.length);
    translated.forEach((text, i) => expect(text).toBe(`[en] ${points[i]}`));
    await saved.getByTestId('keypoints').scrollIntoViewIfNeeded();
    await saved.screenshot({ path: `${SCREENSHOTS}chromium-keypoints-translated.png` });

    await saved.reload();
    await expect.poll(() => saved.getByTestId('keypoint').allInnerTexts()).toEqual(points);
    expect(await saved.getByTestId('keypoints-engine').innerText()).toMatch(/^Written by the model/);
    expect(chat.stats.keyPoints).toBe(1);
    await saved.close();
  });
});

describe('Firefox', () => {
  let session: FirefoxSession;
  const pages: PuppeteerPage[] = [];
  beforeAll(async () => {
    session = await startFirefox();
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  cases(
    () => ({
      store: (values) =>
        session.extensionPage.evaluate(async (v) => {
          await (globalThis as unknown as { browser: ExtApi }).browser.storage.local.set(v);
        }, values),
      async open() {
        while (pages.length) await pages.pop()!.close();
        const { page, tabId } = await session.openTab(server.url(DEMO.path));
        pages.push(page);
        await session.showPopup(tabId);
        await session.press('toggle-reader');
        const r: Reader = {
          texts: (selector) => page.evaluate(readTexts, selector),
          count: async (selector) => (await page.evaluate(readTexts, selector)).length,
          click: (testId) => clickInReader(page, testId),
          canary: () => page.evaluate(() => document.documentElement.getAttribute('data-canary')),
          async screenshot(name) {
            await page.bringToFront();
            await page.evaluate(() =>
              document
                .querySelector('reading-assistant-reader')
                ?.shadowRoot?.querySelector('[data-testid="keypoints"]')
                ?.scrollIntoView({ block: 'center' }),
            );
            await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
          },
        };
        await poll(
          () => r.texts('.ra-content'),
          (t) => t.length > 0,
        );
        return r;
      },
    }),
    'firefox',
  );
});
