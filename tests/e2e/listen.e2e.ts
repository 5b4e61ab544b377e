// Read-aloud in real browsers, on the Korean and the English demo articles and on a saved copy.
//
// Voices: headless Chromium lists no voice on this machine (speech-dispatcher and espeak-ng are
// installed, but Chromium reaches them only in a headful build; checked with and without
// --enable-speech-dispatcher), so Chromium speaks to a synthesizer written to the Web Speech API
// specification (tests/fake-speech.ts), put in the extension's isolated world (where the reader's
// content script runs) before the reader opens. Firefox ESR speaks with the real espeak-ng voices
// through speech-dispatcher into a null PulseAudio sink (scripts/lib/speech.mjs), Korean and English.
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { ensureAudioSink } from '../../scripts/lib/speech.mjs';
import { chooseByKeys, startChromium, type ChromiumSession } from './chromium-session';
import { chooseInReader, clickInReader, poll, startFirefox, type FirefoxSession } from './firefox-session';
import { DEMO, SCREENSHOTS } from './helpers';
import { installFakeSpeech, type FakeSpeechLog } from '../fake-speech';

const ENGLISH = '/demo/business-en.html';
let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  server = await serveFixtures();
});
afterAll(async () => {
  await server?.close();
});

/** The fake's source as a function of (options) run in a world: installs it on that world's window. */
const FAKE = `function (options) { const __name = (f) => f; (${installFakeSpeech.toString()})(globalThis, options); }`;
const FAKE_OPTIONS = { msPerChar: 30 };

describe('Chromium (a synthesizer written to the Web Speech API specification)', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await startChromium();
  });
  afterAll(async () => {
    await session?.context.close();
  });

  /** Runs `func` (source of a function of one argument) in the extension's isolated world of the tab. */
  const isolated = <T>(tabId: number, func: string, arg: unknown = null): Promise<T> =>
    session.worker.evaluate(
      `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: ${func}, args: [${JSON.stringify(arg)}] }).then((r) => r[0].result)`,
    ) as Promise<T>;
  /** The text under the reader's sentence mark (CSS Custom Highlight), as the content script sees it. */
  const MARKED = `function () { const h = CSS.highlights.get('ra-reading'); const r = h && [...h][0]; return r ? r.toString() : null; }`;
  const LOG = `function () { return globalThis.__fakeSpeechLog; }`;

  const reader = (page: PwPage) => page.locator('reading-assistant-reader');

  async function openReader(path: string) {
    const { page, tabId } = await session.openTab(server.url(path));
    await isolated(tabId, FAKE, FAKE_OPTIONS);
    const popup = await session.openPopup(tabId);
    await popup.getByTestId('toggle-reader').click();
    await popup.close();
    await page.bringToFront();
    await reader(page).locator('.ra-content').waitFor();
    return { page, tabId };
  }

  /** Distinct marked sentences seen until `n` of them (or the time is up). */
  async function marks(tabId: number, n: number, ms = 15000): Promise<string[]> {
    const seen: string[] = [];
    const end = Date.now() + ms;
    while (seen.length < n && Date.now() < end) {
      const m = await isolated<string | null>(tabId, MARKED);
      if (m && seen[seen.length - 1] !== m) seen.push(m);
      await new Promise((r) => setTimeout(r, 50));
    }
    return seen;
  }

  test('the Korean demo article: the mark moves through the sentences; pause, resume, next paragraph, speed and stop; closing the reader stops speech', async () => {
    const { page, tabId } = await openReader(DEMO.path);
    const bar = reader(page);
    await bar.getByTestId('reader-tool-listen').click();
    const seen = await marks(tabId, 3);
    expect(seen.length).toBe(3);
    // The title first, then the article's sentences, one utterance each.
    expect(seen[0]).toContain('한빛시');
    expect(seen.join(' ')).toContain(DEMO.mustShow[0]);
    const log = () => isolated<FakeSpeechLog>(tabId, LOG);
    expect((await log()).started.every((u) => u.voice === 'Fake Korean' && u.text.length <= 240)).toBe(true);
    await expect.poll(() => bar.getByTestId('listen-status').innerText()).toMatch(/^Reading sentence \d+ of \d+$/);

    await bar.getByTestId('listen-pause').click();
    await expect.poll(() => bar.getByTestId('listen-status').innerText()).toMatch(/^Paused at sentence (\d+) of \d+$/);
    const pausedAt = await isolated<string | null>(tabId, MARKED);
    const spoken = (await log()).started.length;
    await new Promise((r) => setTimeout(r, 600));
    expect((await log()).started.length).toBe(spoken);
    // Resume: the paused sentence again.
    await bar.getByTestId('listen-play').click();
    await expect.poll(async () => (await log()).started.length).toBeGreaterThan(spoken);
    expect((await log()).started[spoken]!.text.trim()).toBe(pausedAt!.trim());

    // Next paragraph: the mark jumps to the first sentence of the paragraph after.
    const before = await isolated<string>(tabId, MARKED);
    await bar.getByTestId('listen-next').click();
    await expect.poll(() => isolated<string>(tabId, MARKED)).not.toBe(before);
    const paragraphs = await bar.locator('.ra-content p').allInnerTexts();
    const now = (await isolated<string>(tabId, MARKED))!;
    expect(paragraphs.some((p) => p.trim().startsWith(now.trim()))).toBe(true);

    // Speed: chosen with the keyboard, heard at once, remembered.
    await chooseByKeys(bar.getByTestId('listen-speed'), '2');
    await expect.poll(async () => (await log()).started.at(-1)!.rate).toBe(2);
    // And "," slows it down again ("-" is the reader's text size).
    await bar.locator('.ra-main').focus();
    await page.keyboard.press(',');
    await expect.poll(async () => (await log()).started.at(-1)!.rate).toBe(1.75);
    await page.screenshot({ path: `${SCREENSHOTS}chromium-listen.png` });

    await bar.getByTestId('listen-stop').click();
    await expect.poll(() => isolated(tabId, MARKED)).toBeNull();
    const stopped = (await log()).started.length;
    await new Promise((r) => setTimeout(r, 600));
    expect((await log()).started.length).toBe(stopped);

    // Reading again, then the reader closes: speech stops.
    await bar.getByTestId('reader-tool-listen').click();
    await expect.poll(async () => (await log()).started.length).toBeGreaterThan(stopped);
    await bar.locator('.ra-close').click();
    await expect.poll(() => reader(page).locator('.ra-content').count()).toBe(0);
    const closed = (await log()).started.length;
    await new Promise((r) => setTimeout(r, 800));
    expect((await log()).started.length).toBe(closed);
    expect(await isolated(tabId, MARKED)).toBeNull();
    await page.close();
  });

  test('the English demo article is read in an English voice', async () => {
    const { page, tabId } = await openReader(ENGLISH);
    await reader(page).getByTestId('reader-tool-listen').click();
    const seen = await marks(tabId, 3);
    expect(seen.length).toBe(3);
    expect(seen[1]).toMatch(/^AUSTIN, Texas/);
    const log = await isolated<FakeSpeechLog>(tabId, LOG);
    expect(log.started.every((u) => u.voice === 'Fake English')).toBe(true);
    await page.close();
  });

  test('a saved article is read offline and goes on where it stopped; the library says "Continue listening"', async () => {
    const { page, tabId } = await session.openTab(server.url(DEMO.path));
    const popup = await session.openPopup(tabId, 600);
    await popup.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('save-result').innerText()).toMatch(/library/);
    const row = popup.locator('[data-testid="saved-list"][aria-busy="false"] li[data-url]', { hasText: '한빛시' }).first();
    const url = (await row.getAttribute('data-url'))!;
    await Promise.all([page.close(), popup.close()]);

    const open = async () => {
      const saved = await session.context.newPage();
      await saved.addInitScript(`(${FAKE})(${JSON.stringify(FAKE_OPTIONS)})`);
      await saved.goto(`chrome-extension://${session.extensionId}/read.html?url=${encodeURIComponent(url)}`);
      await saved.locator('.ra-content').waitFor();
      return saved;
    };
    const log = (p: PwPage) => p.evaluate(() => (globalThis as unknown as { __fakeSpeechLog: FakeSpeechLog }).__fakeSpeechLog);
    let saved = await open();
    await saved.getByTestId('reader-tool-listen').click();
    await expect.poll(async () => (await log(saved)).started.length, { timeout: 15000 }).toBeGreaterThanOrEqual(4);
    await saved.getByTestId('listen-pause').click();
    const status = await saved.getByTestId('listen-status').innerText();
    const at = Number(/sentence (\d+)/.exec(status)![1]);
    expect(at).toBeGreaterThanOrEqual(4);
    // The sentence paused in: the last one started (the next is queued, not started).
    const where = (await log(saved)).started.at(-1)!.text;
    await saved.close();

    const library = await session.extensionPage('library.html');
    await expect.poll(() => library.locator(`li[data-url="${url}"]`).innerText()).toContain('Continue listening');
    await library.close();

    saved = await open();
    await expect.poll(() => saved.getByTestId('reader-tool-listen').getAttribute('aria-label')).toBe('Continue listening (P)');
    await saved.getByTestId('reader-tool-listen').click();
    await expect.poll(async () => (await log(saved)).started.length).toBeGreaterThan(0);
    expect((await log(saved)).started[0]!.text).toBe(where);
    await saved.close();
  });
});

describe('Firefox ESR (real espeak-ng voices through speech-dispatcher)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    expect(ensureAudioSink()).toBe(true);
    // Speech synthesis is on in Firefox's defaults; said here so a changed default shows as this.
    session = await startFirefox({ prefs: { 'media.webspeech.synth.enabled': true } });
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  const inReader = <T>(page: PpPage, fn: string) =>
    page.evaluate(
      `(() => { const root = document.querySelector('reading-assistant-reader')?.shadowRoot; return (${fn})(root); })()`,
    ) as Promise<T>;
  const status = (page: PpPage) =>
    inReader<string>(page, `(root) => root?.querySelector('[data-testid="listen-status"]')?.textContent ?? ''`);
  const marked = (page: PpPage) =>
    page.evaluate(() => {
      const h = CSS.highlights.get('ra-reading');
      const r = h && [...h][0];
      return r ? r.toString() : null;
    });
  const sentence = async (page: PpPage) => Number(/sentence (\d+)/.exec(await status(page))?.[1] ?? 0);

  async function openReader(path: string) {
    const { page, tabId } = await session.openTab(server.url(path));
    await session.showPopup(tabId);
    await session.press('toggle-reader');
    await page.bringToFront();
    await poll(
      () => inReader<boolean>(page, `(root) => !!root?.querySelector('.ra-content')`),
      (v) => v,
    );
    return page;
  }

  test('the Korean and the English demo articles are read aloud by real voices; pause, next paragraph, speed, stop; closing the reader stops speech', async () => {
    // speech-dispatcher lists espeak-ng's 13,000 voice variants: Firefox takes seconds to learn them.
    const voices = await session.extensionPage.evaluate(async () => {
      for (let i = 0; i < 150 && !speechSynthesis.getVoices().length; i++) await new Promise((r) => setTimeout(r, 200));
      const langs = speechSynthesis.getVoices().map((v) => v.lang.slice(0, 2));
      return { ko: langs.includes('ko'), en: langs.includes('en') };
    });
    expect(voices).toEqual({ ko: true, en: true });

    const page = await openReader(DEMO.path);
    // Fast, so three sentences pass in a few seconds: chosen with the keyboard before Play.
    await clickInReader(page, 'reader-tool-listen');
    await chooseInReader(page, 'listen-speed', '3');
    const seen = new Set<string>();
    const numbers = new Set<number>();
    await poll(
      async () => {
        const m = await marked(page);
        if (m) seen.add(m);
        numbers.add(await sentence(page));
        return seen.size;
      },
      (n) => n >= 3,
      30000,
    );
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect([...numbers].filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => speechSynthesis.speaking)).toBe(true);

    await clickInReader(page, 'listen-pause');
    expect(
      await poll(
        () => status(page),
        (s) => s.startsWith('Paused'),
      ),
    ).toMatch(/^Paused at sentence \d+ of \d+$/);
    expect(
      await poll(
        () => page.evaluate(() => speechSynthesis.speaking),
        (v) => !v,
      ),
    ).toBe(false);
    const pausedAt = await sentence(page);
    await clickInReader(page, 'listen-play');
    expect(
      await poll(
        () => page.evaluate(() => speechSynthesis.speaking),
        (v) => v,
      ),
    ).toBe(true);
    expect(await sentence(page)).toBe(pausedAt);
    await clickInReader(page, 'listen-next');
    expect(
      await poll(
        () => sentence(page),
        (n) => n > pausedAt,
      ),
    ).toBeGreaterThan(pausedAt);
    await clickInReader(page, 'listen-stop');
    expect(
      await poll(
        () => page.evaluate(() => speechSynthesis.speaking),
        (v) => !v,
      ),
    ).toBe(false);
    expect(await marked(page)).toBeNull();

    // The reader scrolled with the voice, so the toolbar slid away: the pointer at the top edge calls it back.
    await page.mouse.move(400, 200);
    await page.mouse.move(400, 2);
    await page.waitForSelector('reading-assistant-reader >>> .ra-toolbar:not(.ra-toolbar-hidden)');
    await clickInReader(page, 'reader-tool-listen');
    expect(
      await poll(
        () => page.evaluate(() => speechSynthesis.speaking),
        (v) => v,
      ),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(
      await poll(
        () => page.evaluate(() => speechSynthesis.speaking),
        (v) => !v,
      ),
    ).toBe(false);
    await page.close();

    const english = await openReader(ENGLISH);
    await clickInReader(english, 'reader-tool-listen');
    const first = await poll(
      () => marked(english),
      (m) => !!m && m.startsWith('AUSTIN'),
      20000,
    );
    expect(first).toMatch(/^AUSTIN, Texas/);
    await clickInReader(english, 'listen-stop');
    await english.close();
  });
});
