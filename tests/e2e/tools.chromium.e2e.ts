// Translation and entity highlights in Chromium: a local server on 127.0.0.1 speaks LibreTranslate
// (deterministic "[en] …" translations, counted requests, injected failures); the popup drives the
// reader in the tab; the entity recognizer is injected only when highlights are first used.
// Chrome's on-device Translator has no model on this machine: its provider is unit-tested against
// a fake written to Chrome's documented API (tests/unit/translate-providers.test.ts).
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { inReaderPanel, startChromium, type ChromiumSession } from './chromium-session';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { CLUTTER_STRINGS, DEMO, SCREENSHOTS, koreanFixture } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let translator: Awaited<ReturnType<typeof startTranslateServer>>;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let session: ChromiumSession;

beforeAll(async () => {
  server = await serveFixtures();
  translator = await startTranslateServer();
  session = await startChromium();
  ({ context, worker, extensionId } = session);
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  await translator?.close();
});

const openTab = (path: string) => session.openTab(server.url(path));

const openPopup = (tabId: number) => session.openPopup(tabId, 600);

/** Sets the provider the way the options page stores it. */
async function useProvider(config: unknown) {
  await worker.evaluate((value) => chrome.storage.local.set({ translateProvider: value }), config);
}

const reader = (page: Page) => page.locator('reading-assistant-reader');
const contentText = (page: Page) =>
  reader(page)
    .locator('.ra-content')
    .evaluate((el) => el.textContent ?? '');
const translations = (page: Page) => reader(page).locator('.ra-content .ra-translation');

test('options: the LibreTranslate server is configured and its Test button says it works', async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#provider-libretranslate').check();
  await options.locator('#lt-url').fill(translator.origin);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  const status = options.locator('section[aria-labelledby="provider-heading"] p.status[role="status"]');
  await expect.poll(() => status.innerText()).toContain('Saved.');
  expect(await status.innerText()).toContain('127.0.0.1');
  const stored = await worker.evaluate(() => chrome.storage.local.get('translateProvider'));
  expect(stored.translateProvider).toMatchObject({ kind: 'libretranslate', url: translator.origin });
  await options.getByRole('button', { name: 'Test', exact: true }).click();
  await expect.poll(() => status.innerText()).toMatch(/^It works\. Sample translation: “\[ko\] /);
  await options.screenshot({ path: `${SCREENSHOTS}chromium-options.png`, fullPage: true });
  await options.close();
});

test('the popup translates a Korean article side by side in the reader; the second time makes no request', async () => {
  const fixture = koreanFixture('mk-3');
  const { page, tabId } = await openTab(fixture.path);
  await useProvider({ kind: 'libretranslate', url: translator.origin });
  const popup = await openPopup(tabId);
  await expect.poll(() => popup.getByTestId('translate-destination').innerText()).toContain('127.0.0.1');
  await popup.getByTestId('toggle-reader').click();
  await reader(page).locator('.ra-content').waitFor();
  const original = await contentText(page);
  await popup.getByTestId('translate-to').selectOption('en');
  translator.reset();
  await popup.getByTestId('translate').click();
  expect(original.length).toBeGreaterThan(500);
  await expect
    .poll(() => reader(page).getByTestId('reader-translate-status').innerText(), { timeout: 20000 })
    .toBe('Translated into English.');
  const shown = await translations(page).allInnerTexts();
  expect(shown.length).toBeGreaterThan(5);
  // Side by side: each translation follows its original, which is still there.
  for (const text of shown) expect(text.startsWith('[en] ')).toBe(true);
  expect(await contentText(page)).toContain(fixture.mustShow[0]!.slice(0, 30));
  const firstRun = translator.stats.requests;
  expect(firstRun).toBeGreaterThan(0);
  // Batched: far fewer requests than paragraphs.
  expect(firstRun).toBeLessThan(shown.length);

  // Show original restores the text exactly.
  await reader(page).getByTestId('reader-show-original').click();
  await expect.poll(() => translations(page).count()).toBe(0);
  expect(await contentText(page)).toBe(original);

  // Again: every paragraph comes from the cache.
  await (await inReaderPanel(reader(page), 'reader-translate')).click();
  await expect.poll(() => reader(page).getByTestId('reader-translate-status').innerText()).toBe('Translated into English.');
  expect(await translations(page).count()).toBe(shown.length);
  expect(translator.stats.requests).toBe(firstRun);
  await page.screenshot({ path: `${SCREENSHOTS}chromium-reader-translated.png` });
  await Promise.all([page.close(), popup.close()]);
});

test('a 500, a bad key and an enormous answer show their messages and keep the original', async () => {
  const fixture = koreanFixture('mk-3');
  const { page, tabId } = await openTab(fixture.path);
  const popup = await openPopup(tabId);
  // Japanese has never been asked for: nothing is cached.
  await popup.getByTestId('translate-to').selectOption('ja');
  translator.fail(500, 50);
  await popup.getByTestId('translate').click();
  await reader(page).locator('.ra-content').waitFor();
  const status = reader(page).getByTestId('reader-translate-status');
  await expect.poll(() => status.innerText(), { timeout: 30000 }).toMatch(/failed \(error 500\)/);
  expect(await translations(page).count()).toBe(0);
  expect(await contentText(page)).toContain(fixture.mustShow[0]!.slice(0, 30));
  translator.reset();

  await useProvider({ kind: 'libretranslate', url: translator.origin, apiKey: 'bad-key' });
  await (await inReaderPanel(reader(page), 'reader-translate')).click();
  await expect.poll(() => status.innerText(), { timeout: 20000 }).toMatch(/refused the API key/);
  expect(await translations(page).count()).toBe(0);
  await useProvider({ kind: 'libretranslate', url: translator.origin });

  // A server that answers one paragraph with 20 million characters: refused after 2 MB, one
  // sentence says why, and the article stays as it was.
  translator.oversize(20_000_000, 50);
  await (await inReaderPanel(reader(page), 'reader-translate')).click();
  await expect.poll(() => status.innerText(), { timeout: 30000 }).toMatch(/far more text than it was sent/);
  expect(await translations(page).count()).toBe(0);
  expect(await contentText(page)).toContain(fixture.mustShow[0]!.slice(0, 30));
  translator.reset();
  await Promise.all([page.close(), popup.close()]);
});

test('the popup shows the progress the tab pushes to it, never asking again; closing the popup does not stop the translation', async () => {
  await useProvider({ kind: 'libretranslate', url: translator.origin });
  const fixture = koreanFixture('mk-3');
  const { page, tabId } = await openTab(fixture.path);
  // The popup, with every command it sends for the tab counted: each goes to the background as
  // 'tab/command' (the polyfill calls chrome.runtime.sendMessage), which carries it out in the tab.
  const popup = await context.newPage();
  await popup.addInitScript(() => {
    const sent: string[] = [];
    Object.assign(globalThis, { sentToTab: sent });
    const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (...args: unknown[]) => unknown;
    chrome.runtime.sendMessage = ((...args: unknown[]) => {
      const message = args[0] as { type?: unknown; payload?: { command?: { kind?: unknown } } } | undefined;
      if (message?.type === 'tab/command') sent.push(String(message.payload?.command?.kind));
      return send(...args);
    }) as typeof chrome.runtime.sendMessage;
  });
  await popup.setViewportSize({ width: 340, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect.poll(() => popup.getByTestId('translate-destination').innerText()).toContain('127.0.0.1');
  const sentToTab = () => popup.evaluate(() => (globalThis as unknown as { sentToTab: string[] }).sentToTab);

  // A language no other test asks for (nothing cached), from a slow server: the run takes seconds.
  await popup.getByTestId('translate-to').selectOption('es');
  translator.reset();
  translator.setDelay(1500);
  try {
    await popup.getByTestId('translate').click();
    const status = popup.getByTestId('translate-status');
    await expect.poll(() => status.innerText()).toMatch(/^Translating… 0 \/ [1-9]\d*$/);
    // The end reaches the popup although it asked nothing after its Translate (the answer to that said "running").
    await expect.poll(() => status.innerText(), { timeout: 20000 }).toBe('Translated into Spanish.');
    expect(await sentToTab()).toEqual(['info', 'translate']);
    expect(await reader(page).getByTestId('reader-translate-status').innerText()).toBe('Translated into Spanish.');

    // Again into another language; the popup closes while it runs: the reader finishes all the same.
    await popup.getByTestId('show-original').click();
    await expect.poll(() => translations(page).count()).toBe(0);
    await popup.getByTestId('translate-to').selectOption('it');
    await popup.getByTestId('translate').click();
    await expect.poll(() => status.innerText()).toMatch(/^Translating… /);
    await popup.close();
    await expect
      .poll(() => reader(page).getByTestId('reader-translate-status').innerText(), { timeout: 20000 })
      .toBe('Translated into Italian.');
    const shown = await translations(page).allInnerTexts();
    expect(shown.length).toBeGreaterThan(5);
    for (const text of shown) expect(text.startsWith('[it] ')).toBe(true);
  } finally {
    translator.setDelay(0);
  }
  await page.close();
});

test('options: an OpenAI-compatible server (as Ollama serves it) translates the reader side by side; the second time makes no request', async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#provider-openai').check();
  await options.locator('#oai-base').fill(`${translator.origin}/v1`);
  // A model the server does not have: the Test button says what to check.
  await options.locator('#oai-model').fill('llama3.1');
  await options.getByRole('button', { name: 'Test', exact: true }).click();
  const status = options.locator('section[aria-labelledby="provider-heading"] p.status[role="status"]');
  await expect.poll(() => status.innerText()).toContain('does not know this address or model (error 404)');
  await options.locator('#oai-model').fill('echo-1');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => status.innerText()).toContain('Saved.');
  await options.getByRole('button', { name: 'Test', exact: true }).click();
  await expect.poll(() => status.innerText()).toMatch(/^It works\. Sample translation: “\[[a-z]+\] Good morning/);
  await options.close();

  const fixture = koreanFixture('mk-3');
  const { page, tabId } = await openTab(fixture.path);
  const popup = await openPopup(tabId);
  await expect.poll(() => popup.getByTestId('translate-destination').innerText()).toContain('127.0.0.1');
  await popup.getByTestId('toggle-reader').click();
  await reader(page).locator('.ra-content').waitFor();
  // A language no other test asks for, so nothing comes from the cache of another provider.
  await popup.getByTestId('translate-to').selectOption('de');
  translator.reset();
  await popup.getByTestId('translate').click();
  await expect
    .poll(() => reader(page).getByTestId('reader-translate-status').innerText(), { timeout: 20000 })
    .toBe('Translated into German.');
  const shown = await translations(page).allInnerTexts();
  expect(shown.length).toBeGreaterThan(5);
  for (const text of shown) expect(text.startsWith('[de] ')).toBe(true);
  const chatRequests = () => (translator.stats.byPath as Record<string, number>)['/v1/chat/completions'] ?? 0;
  const firstRun = chatRequests();
  expect(firstRun).toBeGreaterThan(0);
  expect(firstRun).toBeLessThan(shown.length);

  // Again from the reader's own button, after "Show original": the same language, from the cache.
  await reader(page).getByTestId('reader-show-original').click();
  await expect.poll(() => translations(page).count()).toBe(0);
  expect(await (await inReaderPanel(reader(page), 'reader-translate-to')).inputValue()).toBe('de');
  await (await inReaderPanel(reader(page), 'reader-translate')).click();
  await expect.poll(() => reader(page).getByTestId('reader-translate-status').innerText()).toBe('Translated into German.');
  expect(chatRequests()).toBe(firstRun);
  await useProvider({ kind: 'libretranslate', url: translator.origin });
  await Promise.all([page.close(), popup.close()]);
});

test('highlights on the page itself: marks in the article only, the reader stays closed, off puts the page back exactly', async () => {
  const { page, tabId } = await openTab('/demo/business.html');
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const popup = await openPopup(tabId);
  await popup.getByTestId('highlight-page').click();
  await expect.poll(() => popup.getByTestId('highlight-page-status').innerText()).toMatch(/^\d+ highlights in the page\./);
  expect(await popup.getByTestId('highlight-page').getAttribute('aria-pressed')).toBe('true');
  expect(await page.locator('reading-assistant-reader').count()).toBe(0);
  for (const type of ['person', 'org', 'place', 'date', 'money']) {
    expect(await page.locator(`#article-body mark.ra-ent-${type}`).count(), type).toBeGreaterThan(0);
  }
  // Only the article: not the menu, the reporter line or the footer.
  expect(await page.locator('mark.ra-ent').count()).toBe(await page.locator('#article-body mark.ra-ent').count());
  const org = page.locator('#article-body mark.ra-ent-org', { hasText: '삼성전자' }).first();
  expect(await org.getAttribute('title')).toBe('Organisation: 삼성전자 (005930 KOSPI)');
  expect(await org.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(221, 232, 251)');
  // The names were found off the page: the recognizer (/entities.js) never came into the tab.
  const [probe] = await worker.evaluate(
    (id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => '__readingAssistantEntities' in globalThis }),
    tabId,
  );
  expect(probe?.result).toBe(false);
  await page.bringToFront();
  await page.screenshot({ path: `${SCREENSHOTS}chromium-page-highlights.png` });

  await popup.getByTestId('highlight-page').click();
  await expect.poll(() => page.locator('mark.ra-ent').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  await Promise.all([page.close(), popup.close()]);
});

test('when the tab is gone, "Highlight page" says highlights could not start, and the popup stays usable', async () => {
  const { page, tabId } = await openTab('/demo/business.html');
  const popup = await openPopup(tabId);
  await page.close();
  await popup.getByTestId('highlight-page').click();
  await expect.poll(() => popup.getByTestId('tools-error').innerText()).toMatch(/^Highlights could not start: ./);
  expect(await popup.getByTestId('highlight-page').isEnabled()).toBe(true);
  await popup.close();
});

test("the page's own article translated in place, side by side: none of the portal's clutter, the original back exactly, a second run from the cache", async () => {
  await useProvider({ kind: 'libretranslate', url: translator.origin });
  // Our demo portal page: no script of its own changes the DOM under the test.
  const { page, tabId } = await openTab(DEMO.path);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const popup = await openPopup(tabId);
  await expect.poll(() => popup.getByTestId('translate-destination').innerText()).toContain('127.0.0.1');
  await popup.getByTestId('translate-to').selectOption('en');
  const status = popup.getByTestId('translate-page-status');
  const translateThePage = async () => {
    await popup.getByTestId('translate-page').click();
    await expect
      .poll(() => status.innerText(), { timeout: 20000 })
      .toBe('The page is translated into English. Press again for its original text.');
  };
  translator.reset();
  await translateThePage();
  expect(await page.locator('reading-assistant-reader').count()).toBe(0);
  const shown = await page.locator('.ra-translation').allInnerTexts();
  expect(shown.length).toBeGreaterThan(3);
  // Batched: fewer requests than paragraphs.
  expect(translator.stats.requests).toBeGreaterThan(0);
  expect(translator.stats.requests).toBeLessThan(shown.length);
  expect(shown.some((text) => text.includes(DEMO.mustShow[0]!))).toBe(true);
  for (const text of shown) expect(text.startsWith('[en] ')).toBe(true);
  // The article's paragraphs only: the portal's menus, widgets and footer are not translated.
  for (const clutter of CLUTTER_STRINGS) expect(shown.join('\n')).not.toContain(clutter);
  await page.bringToFront();
  await page.screenshot({ path: `${SCREENSHOTS}chromium-page-translated.png` });

  await popup.getByTestId('translate-page').click();
  await expect.poll(() => page.locator('.ra-translation').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);

  translator.reset();
  await translateThePage();
  expect(translator.stats.requests).toBe(0);
  await popup.getByTestId('translate-page').click();
  await expect.poll(() => page.locator('.ra-translation').count()).toBe(0);
  await Promise.all([page.close(), popup.close()]);
});

for (const { path, company, ticker, lang } of [
  { path: '/demo/business.html', company: '삼성전자', ticker: '005930', lang: 'ko' },
  { path: '/demo/business-en.html', company: 'Oracle', ticker: 'ORCL', lang: 'en' },
]) {
  test(`highlights on ${path} (${lang}): marks of each kind, the panel lists ${company} with ${ticker}, off restores the text`, async () => {
    const { page, tabId } = await openTab(path);
    const popup = await openPopup(tabId);
    await popup.getByTestId('toggle-reader').click();
    await reader(page).locator('.ra-content').waitFor();
    const before = await reader(page)
      .locator('.ra-content')
      .evaluate((el) => el.innerHTML);
    await popup.getByTestId('highlight').click();
    const panel = reader(page).getByTestId('entity-panel');
    await panel.waitFor();
    // The panel shows as soon as the names are being looked for; the marks follow.
    for (const type of ['person', 'org', 'place', 'date', 'money']) {
      await expect.poll(() => reader(page).locator(`mark.ra-ent-${type}`).count(), { message: type }).toBeGreaterThan(0);
    }
    // Never colour alone: each mark says its kind.
    expect(await reader(page).locator('mark.ra-ent-org').first().getAttribute('title')).toMatch(/^(Organisation|기관·기업): /);
    const row = panel.locator(`[data-testid="entity-row"]`, { hasText: company }).first();
    await row.waitFor();
    expect(await row.getByTestId('entity-ticker').innerText()).toContain(ticker);
    // Selecting an entity goes to its mentions, one after another.
    await row.locator('button').click();
    await expect.poll(() => reader(page).locator('mark.ra-ent-current').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}chromium-reader-entities-${lang}.png` });

    await reader(page).getByTestId('reader-highlight').click();
    await expect.poll(() => reader(page).locator('mark.ra-ent').count()).toBe(0);
    expect(
      await reader(page)
        .locator('.ra-content')
        .evaluate((el) => el.innerHTML),
    ).toBe(before);
    await Promise.all([page.close(), popup.close()]);
  });
}
