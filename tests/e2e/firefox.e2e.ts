// The built Firefox add-on in Debian's Firefox ESR over WebDriver BiDi (puppeteer-core). BiDi may
// not navigate to moz-extension:// pages, so the test works through the page the add-on opens
// itself on install (the welcome page): from there it asks the add-on's APIs and opens the popup.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { menuInFirefox, poll, startFirefox, type ExtApi, type FirefoxSession } from './firefox-session';
import { CLUTTER_STRINGS, DEMO, SCREENSHOTS, koreanFixture, squash } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let session: FirefoxSession;
let browser: Browser;
let extensionPage: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveFixtures();
  session = await startFirefox();
  ({ browser, extensionPage } = session);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const openTab = (path: string) => session.openTab(server.url(path));
const showPopup = (tabId: number) => session.showPopup(tabId);

const badge = (tabId: number) =>
  extensionPage.evaluate(
    (id) => (globalThis as unknown as { browser: ExtApi }).browser.action.getBadgeText({ tabId: id }),
    tabId,
  );
const title = (tabId: number) =>
  extensionPage.evaluate((id) => (globalThis as unknown as { browser: ExtApi }).browser.action.getTitle({ tabId: id }), tabId);

const readerText = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('reading-assistant-reader')?.shadowRoot;
    return (root?.querySelector('.ra-article') as HTMLElement | null)?.innerText ?? null;
  });

const firefoxMenu = (action: string) => menuInFirefox(browser, action);

test('the detector sets the badge on an article and not on a home page', async () => {
  const article = await openTab(DEMO.path);
  expect(
    await poll(
      () => badge(article.tabId),
      (b) => b === '✓',
    ),
  ).toBe('✓');
  const home = await openTab('/demo/home.html');
  expect(
    await poll(
      () => title(home.tabId),
      (t) => t.includes('no article'),
    ),
  ).toBe('Reading Assistant: no article on this page');
  expect(await badge(home.tabId)).toBe('');
  await article.page.close();
  await home.page.close();
});

for (const fixture of [DEMO, koreanFixture('mk-3')]) {
  test(`the reader overlay opens on ${fixture.path} with the article and without clutter; Esc closes it`, async () => {
    const { page, tabId } = await openTab(fixture.path);
    const before = await page.evaluate(() => document.body.outerHTML);
    await showPopup(tabId);
    if (fixture === DEMO) {
      // Firefox has no on-device translator and no provider is set up: the popup says how to get one.
      const hint = await poll(
        () => extensionPage.evaluate(() => document.querySelector('[data-testid="translate-destination"]')?.textContent ?? ''),
        (text) => !!text,
      );
      expect(hint).toContain('No translation provider is available. Set one up in the options');
      await extensionPage.setViewport({ width: 340, height: 560 });
      await extensionPage.screenshot({ path: `${SCREENSHOTS}firefox-popup-light.png` });
    }
    await session.press('toggle-reader');
    const text = squash(
      (await poll(
        () => readerText(page),
        (t) => !!t,
      )) ?? '',
    );
    for (const sentence of fixture.mustShow) expect(text).toContain(squash(sentence));
    for (const clutter of CLUTTER_STRINGS) expect(text, clutter).not.toContain(clutter);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
    if (fixture === DEMO) await page.screenshot({ path: `${SCREENSHOTS}firefox-reader-light.png` });

    await page.bringToFront();
    await page.keyboard.press('Escape');
    expect(
      await poll(
        () => page.evaluate(() => document.querySelectorAll('reading-assistant-reader').length),
        (n) => n === 0,
      ),
    ).toBe(0);
    await page.close();
  });
}

describe('saved articles in Firefox', () => {
  test('the popup saves the tab; the list shows it; the library opens it offline', async () => {
    const { page, tabId } = await openTab(DEMO.path);
    await showPopup(tabId);
    await session.press('save');
    const result = await poll(
      () => extensionPage.evaluate(() => document.querySelector('[data-testid="save-result"]')?.textContent ?? ''),
      (t) => t.length > 0,
    );
    expect(['Saved to your library.', 'Already in your library: updated.']).toContain(result);
    expect(
      await poll(
        () =>
          page.evaluate(
            () => document.querySelector('reading-assistant-toast')?.shadowRoot?.querySelector('div')?.textContent ?? '',
          ),
        (t) => t.length > 0,
      ),
    ).toBe(result);
    expect(await badge(tabId)).toBe('★');
    const list = await poll(
      () => extensionPage.evaluate(() => document.querySelector('[data-testid="saved-list"]')?.textContent ?? ''),
      (t) => t.includes('한빛시'),
    );
    expect(list).toContain('한빛시, 24시간 무인 도서관 문 연다');
    await page.close();

    await server.close(); // offline from here on
    await session.goTo('/library.html');
    await extensionPage.waitForSelector('[data-testid="virtual-list"] .row-title');
    const saved = await extensionPage.evaluate(() =>
      document.querySelector('[data-testid="virtual-list"] li')!.getAttribute('data-url')!,
    );
    await session.goTo(`/read.html?url=${encodeURIComponent(saved)}`);
    await extensionPage.waitForSelector('.ra-content p');
    const text = squash(await extensionPage.evaluate(() => (document.querySelector('.ra-article') as HTMLElement).innerText));
    for (const sentence of DEMO.mustShow) expect(text).toContain(squash(sentence));
    server = await serveFixtures();
  });

  test('the right-click entries exist; "Save linked article" fetches and saves the link (the event page parses it)', async () => {
    const home = await openTab('/demo/home.html');
    const link = server.publicUrl('/korean/mk-3/source.html');
    // A link on the page to the Korean story (the home page's own links lead to pages saved before).
    await home.page.evaluate((href) => {
      const a = Object.assign(document.createElement('a'), { id: 'ra-story-link', href, textContent: '매일경제 기사' });
      document.querySelector('footer')!.append(' ', a);
    }, link);
    // Right-click, as a reader does: Firefox's own menu opens with our entries for what was clicked.
    await home.page.click('h2', { button: 'right' });
    expect(
      await poll(
        () => firefoxMenu('list'),
        (items) => items.length > 0,
      ),
    ).toEqual(['Open in reader view', 'Save article']);
    await firefoxMenu('close');
    await home.page.click('#ra-story-link', { button: 'right' });
    expect(
      await poll(
        () => firefoxMenu('list'),
        (items) => items.length > 0,
      ),
    ).toEqual(['Save linked article']);
    await firefoxMenu('Save linked article');
    const toast = await poll(
      () =>
        home.page.evaluate(
          () => document.querySelector('reading-assistant-toast')?.shadowRoot?.querySelector('div')?.textContent ?? '',
        ),
      (t) => t.length > 0,
    );
    expect(toast).toBe('Saved to your library.');
    await extensionPage.evaluate(() => location.assign('/library.html'));
    // The linked page's own site name, read by the extraction that ran in the event page.
    expect(
      await poll(
        () => extensionPage.evaluate(() => document.querySelector('[data-testid="virtual-list"]')?.textContent ?? ''),
        (t) => t.includes('매일경제'),
      ),
    ).toContain('매일경제');
    await home.page.close();
  });

  test('a hostile saved page runs nothing in the extension page', async () => {
    const { page, tabId } = await openTab('/demo/hostile.html');
    await showPopup(tabId);
    await session.press('save');
    await poll(
      () => extensionPage.evaluate(() => document.querySelector('[data-testid="save-result"]')?.textContent ?? ''),
      (t) => t.length > 0,
    );
    const url = await poll(
      () =>
        extensionPage.evaluate(
          () => document.querySelector('[data-testid="saved-list"] li[data-url*="hostile"]')?.getAttribute('data-url') ?? '',
        ),
      (u) => u.length > 0,
    );
    await session.goTo(`/read.html?url=${encodeURIComponent(url)}`);
    await extensionPage.waitForSelector('.ra-content p');
    const report = await extensionPage.evaluate(async () => {
      for (const el of document.querySelectorAll<HTMLElement>('.ra-content *')) el.click?.();
      await new Promise((r) => setTimeout(r, 500));
      const bad: string[] = [];
      for (const el of document.querySelectorAll('.ra-content *')) {
        if (/^(script|iframe|object|embed)$/i.test(el.localName)) bad.push(el.localName);
        for (const a of el.attributes)
          if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) bad.push(`${el.localName}[${a.name}]`);
      }
      return {
        pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
        bad,
        text: (document.querySelector('.ra-content') as HTMLElement).innerText,
      };
    });
    expect(report.pwned).toBeNull();
    expect(report.bad).toEqual([]);
    expect(report.text).toContain('ordinary article text');
    await page.close();
  });
});
