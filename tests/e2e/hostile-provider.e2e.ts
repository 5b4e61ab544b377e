// A hostile or struggling translation provider, in Chromium and in Firefox ESR (issue 21): a
// local LibreTranslate server on 127.0.0.1 answers 429 with Retry-After, an enormous answer, an
// answer that trickles out, and translations carrying markup. In the reader: "Waiting N s for the
// service…" (the popup says it too), then the translation; Cancel during the wait or a slow
// answer ends it at once, keeps the original and asks nothing more (the server counts requests and
// connections dropped); an enormous answer is one sentence; markup in a translation is text, runs
// nothing and loads nothing.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { chooseByKeys, inReaderPanel, startChromium, type ChromiumSession } from './chromium-session';
import { chooseInReader, clickInReader, poll, startFirefox, type ExtApi, type FirefoxSession } from './firefox-session';
import { koreanFixture } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let translator: Awaited<ReturnType<typeof startTranslateServer>>;

beforeAll(async () => {
  server = await serveFixtures();
  translator = await startTranslateServer();
});

afterAll(async () => {
  await server?.close();
  await translator?.close();
});

/** What the tests need of a page, whichever library drives it. */
type Evaluate = <R, A>(fn: (arg: A) => R, arg: A) => Promise<Awaited<R>>;

/** The reader in the tab and the popup beside it. */
interface Reader {
  /** The text(s) at `selector` in the reader's shadow root. */
  texts(selector: string): Promise<string[]>;
  click(testId: string): Promise<void>;
  /** Chooses the reader's target language. */
  target(code: string): Promise<void>;
  /** Set by the canary markup if it ever runs. */
  canary(): Promise<string | null>;
  popupStatus(): Promise<string>;
}

/** Real input in the reader, by mouse and keyboard (it ignores what a script dispatches). */
type Input = Pick<Reader, 'click' | 'target'>;

function readerOf(evaluate: Evaluate, input: Input, popupStatus: () => Promise<string>): Reader {
  return {
    texts: (selector) =>
      evaluate((sel) => {
        const root = document.querySelector('reading-assistant-reader')?.shadowRoot;
        return root ? Array.from(root.querySelectorAll(sel)).map((el) => el.textContent ?? '') : [];
      }, selector),
    ...input,
    canary: () => evaluate(() => document.documentElement.getAttribute('data-canary'), null),
    popupStatus,
  };
}

// Markup a hostile provider may put in a translation: each would set the canary, or ask the
// server for /canary, if it were ever made an element.
const CANARY = (origin: string) =>
  ` <img src="${origin}/canary" onerror="document.documentElement.setAttribute('data-canary','img')">` +
  `<script>document.documentElement.setAttribute('data-canary','script')</script>` +
  `<svg onload="document.documentElement.setAttribute('data-canary','svg')"></svg>`;

const STATUS = '[data-testid="reader-translate-status"]';
const TRANSLATIONS = '.ra-content .ra-translation';
const CANCELLED = 'Translation cancelled. What was translated stays.';
const WAITING = /^Waiting [12] s for the service…$/;

const status = async (r: Reader) => (await r.texts(STATUS))[0] ?? '';
const content = async (r: Reader) => (await r.texts('.ra-content'))[0] ?? '';
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

/** The original article shown and nothing running, whatever the case before left (so a failing case fails alone). */
async function fresh(r: Reader): Promise<void> {
  if ((await r.texts('[data-testid="reader-show-original"]')).length) await r.click('reader-show-original');
  await poll(
    () => r.texts('[data-testid="reader-translate-cancel"]'),
    (t) => t.length === 0,
  );
}

/** The cases, the same in both browsers; each starts from the reader showing the original. */
function hostileProviderCases(open: () => Promise<Reader>) {
  let r: Reader;
  let original: string;

  test('a 429 with Retry-After: 2 says "Waiting N s for the service…" in the reader and the popup, then the translation comes', async () => {
    r = await open();
    original = await content(r);
    expect(original.length).toBeGreaterThan(500);
    await r.target('en');
    translator.reset();
    translator.fail(429, 1, { retryAfter: 2 });
    await r.click('reader-translate');
    // The reader and the popup, watched together: the wait lasts two seconds.
    const [inReader, inPopup] = await Promise.all([
      poll(
        () => status(r),
        (t) => WAITING.test(t),
      ),
      poll(
        () => r.popupStatus(),
        (t) => WAITING.test(t),
      ),
    ]);
    expect(inReader).toMatch(WAITING);
    expect(inPopup).toMatch(WAITING);
    expect(
      await poll(
        () => status(r),
        (t) => t === 'Translated into English.',
        20000,
      ),
    ).toBe('Translated into English.');
    const shown = await r.texts(TRANSLATIONS);
    expect(shown.length).toBeGreaterThan(5);
    for (const text of shown) expect(text.startsWith('[en] ')).toBe(true);
    await r.click('reader-show-original');
    expect(
      await poll(
        () => r.texts(TRANSLATIONS),
        (t) => t.length === 0,
      ),
    ).toEqual([]);
    expect(await content(r)).toBe(original);
  });

  test('Cancel while waiting for a 429: at once, the original kept, no request after it', async () => {
    await fresh(r);
    await r.target('ja');
    translator.reset();
    translator.fail(429, 100, { retryAfter: 2 });
    await r.click('reader-translate');
    expect(
      await poll(
        () => status(r),
        (t) => WAITING.test(t),
      ),
    ).toMatch(WAITING);
    await r.click('reader-translate-cancel');
    expect(
      await poll(
        () => status(r),
        (t) => t === CANCELLED,
      ),
    ).toBe(CANCELLED);
    const asked = translator.stats.requests;
    await settle(); // past the 2 s the service asked for: a retry would have gone by now
    expect(translator.stats.requests).toBe(asked);
    expect(await r.texts(TRANSLATIONS)).toEqual([]);
    expect(await content(r)).toBe(original);
    expect(await status(r)).toBe(CANCELLED);
  });

  test('an enormous answer: one sentence, nothing shown, the original kept', async () => {
    await fresh(r);
    translator.reset();
    translator.oversize(20_000_000, 50);
    await r.click('reader-translate');
    expect(
      await poll(
        () => status(r),
        (t) => /far more text than it was sent/.test(t),
        30000,
      ),
    ).toBe(
      'The translation service answered with far more text than it was sent, so its answer was not used. The original is kept.',
    );
    expect(await r.texts(TRANSLATIONS)).toEqual([]);
    expect(await content(r)).toBe(original);
  });

  test('an answer that trickles out: progress shows, Cancel ends it at once and drops the connections', async () => {
    await fresh(r);
    translator.reset();
    translator.drip(4, 500, 100); // a few kilobytes at 8 bytes a second: minutes
    await r.click('reader-translate');
    expect(
      await poll(
        () => status(r),
        (t) => /^Translating… 0 \/ [1-9]\d*$/.test(t),
      ),
    ).toMatch(/^Translating… 0 \/ \d+$/);
    expect(
      await poll(
        () => Promise.resolve(translator.stats.requests),
        (n) => n > 0,
      ),
    ).toBeGreaterThan(0);
    await r.click('reader-translate-cancel');
    expect(
      await poll(
        () => status(r),
        (t) => t === CANCELLED,
      ),
    ).toBe(CANCELLED);
    const asked = translator.stats.requests;
    expect(
      await poll(
        () => Promise.resolve(translator.stats.dropped),
        (n) => n === asked,
      ),
    ).toBe(asked);
    await settle();
    expect(translator.stats.requests).toBe(asked);
    expect(await r.texts(TRANSLATIONS)).toEqual([]);
    expect(await content(r)).toBe(original);
  });

  test('markup in a translation is shown as text: no script runs, no image loads', async () => {
    await fresh(r);
    await r.target('de');
    translator.reset();
    translator.append(CANARY(translator.origin), 100);
    await r.click('reader-translate');
    expect(
      await poll(
        () => status(r),
        (t) => t === 'Translated into German.',
        20000,
      ),
    ).toBe('Translated into German.');
    const shown = await r.texts(TRANSLATIONS);
    expect(shown.length).toBeGreaterThan(5);
    for (const text of shown) {
      expect(text.startsWith('[de] ')).toBe(true);
      expect(text).toContain(`<img src="${translator.origin}/canary" onerror=`);
      expect(text).toContain('<script>');
    }
    await settle();
    expect(await r.canary()).toBeNull();
    expect((translator.stats.byPath as Record<string, number>)['/canary']).toBeUndefined();
    await r.click('reader-show-original');
    expect(
      await poll(
        () => r.texts(TRANSLATIONS),
        (t) => t.length === 0,
      ),
    ).toEqual([]);
    expect(await content(r)).toBe(original);
  });
}

const PROVIDER = () => ({ kind: 'libretranslate', url: translator.origin });
const FIXTURE = koreanFixture('mk-3');

describe('Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await startChromium();
  });
  afterAll(async () => {
    await session?.context.close();
  });

  hostileProviderCases(async () => {
    await session.worker.evaluate((value) => chrome.storage.local.set({ translateProvider: value }), PROVIDER());
    const { page, tabId } = await session.openTab(server.url(FIXTURE.path));
    const popup = await session.openPopup(tabId, 600);
    await popup.getByTestId('toggle-reader').click();
    await page.locator('reading-assistant-reader').getByTestId('reader-tool-translate').waitFor();
    const tab = page as PlaywrightPage;
    const inReader = tab.locator('reading-assistant-reader');
    return readerOf(
      (fn, arg) => tab.evaluate(fn as never, arg) as never,
      {
        click: async (testId) => (await inReaderPanel(inReader, testId)).click(),
        target: async (code) => chooseByKeys(await inReaderPanel(inReader, 'reader-translate-to'), code),
      },
      () => popup.evaluate(() => document.querySelector('[data-testid="translate-status"]')?.textContent ?? ''),
    );
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

  hostileProviderCases(async () => {
    const ext = session.extensionPage;
    await ext.evaluate(async (value) => {
      const api = (globalThis as unknown as { browser: ExtApi }).browser;
      await api.storage.local.set({ translateProvider: value });
    }, PROVIDER());
    const { page, tabId } = await session.openTab(server.url(FIXTURE.path));
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    const tab = page as PuppeteerPage;
    const evaluate: Evaluate = (fn, arg) => tab.evaluate(fn as never, arg) as never;
    const input: Input = {
      click: (testId) => clickInReader(tab, testId),
      target: (code) => chooseInReader(tab, 'reader-translate-to', code),
    };
    const r = readerOf(evaluate, input, () =>
      ext.evaluate(() => document.querySelector('[data-testid="translate-status"]')?.textContent ?? ''),
    );
    await poll(
      () => r.texts('[data-testid="reader-tool-translate"]'),
      (t) => t.length > 0,
    );
    return r;
  });
});
