// The keyboard alone, in real Chromium: the popup opens the reader with Enter; in the reader focus
// lands in the article, Tab and Shift+Tab never leave it, its buttons answer Enter (A+ in the "Aa"
// popover), Esc closes the popover and then the reader and gives focus back where it was; the entity panel steps through mentions with Enter and
// Shift+Enter.
import type { Page } from 'playwright-core';
import { startChromium, type ChromiumSession } from './chromium-session';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { DEMO } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let session: ChromiumSession;

beforeAll(async () => {
  server = await serveFixtures();
  session = await startChromium();
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

const reader = (page: Page) => page.locator('reading-assistant-reader');

/** The focused element, looked for inside the reader's shadow root: where it is and what it says. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const outer = document.activeElement;
    const inner = outer?.shadowRoot?.activeElement ?? null;
    const el = inner ?? outer;
    return {
      inReader: outer?.localName === 'reading-assistant-reader',
      tag: el?.localName ?? null,
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 40) ?? '',
      className: el?.getAttribute('class') ?? '',
    };
  });

/** Presses Tab (or Shift+Tab) until `match` is focused; fails after `max` presses. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, key = 'Tab', max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error(`nothing matching was reached with ${max} × ${key}`);
}

test('the popup opens the reader with Enter; in the reader Tab stays inside, A+ answers Enter, Esc gives focus back', async () => {
  const { page, tabId } = await session.openTab(server.url(DEMO.path));
  // Where the reader was opened from: the page's first link has focus.
  await page.locator('a[href]').first().focus();
  const popup = await session.openPopup(tabId);
  await tabTo(popup, (f) => f.name === 'Open reader view');
  await popup.keyboard.press('Enter');
  await reader(page).locator('.ra-content').waitFor();
  await page.bringToFront();

  // Focus lands in the article, so arrows and Space scroll it at once.
  const start = await focused(page);
  expect(start.inReader).toBe(true);
  expect(start.className).toContain('ra-main');

  // Around the reader twice each way: focus never goes back to the page underneath.
  const controls = await reader(page).evaluate(
    (host) => host.shadowRoot!.querySelectorAll('button:not([disabled]), select, input, a[href]').length,
  );
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < controls * 2 + 2; i++) {
      await page.keyboard.press(key);
      expect((await focused(page)).inReader, `${key} #${i + 1}`).toBe(true);
    }
  }

  // A+ by keyboard, in the toolbar's "Aa" popover.
  await tabTo(page, (f) => f.name.startsWith('Text and theme'));
  await page.keyboard.press('Enter');
  const percent = reader(page).getByTestId('font-percent');
  const before = await percent.innerText();
  await tabTo(page, (f) => f.name.startsWith('A+'));
  await page.keyboard.press('Enter');
  await expect.poll(() => percent.innerText()).not.toBe(before);
  await tabTo(page, (f) => f.className.includes('ra-size'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => percent.innerText()).toBe('100%');

  // The first Esc closes the popover (the reader stays), the next one the reader.
  await page.keyboard.press('Escape');
  expect(await percent.count()).toBe(0);
  expect(await reader(page).count()).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => reader(page).count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement === document.querySelector('a[href]'))).toBe(true);
  await Promise.all([page.close(), popup.close()]);
});

test('the entity panel by keyboard: Enter goes to the next mention, Shift+Enter to the one before', async () => {
  const { page, tabId } = await session.openTab(server.url('/demo/business.html'));
  const popup = await session.openPopup(tabId, 600);
  await popup.getByTestId('toggle-reader').click();
  await reader(page).locator('.ra-content').waitFor();
  await popup.getByTestId('highlight').click();
  // The panel shows while the names are looked for; its entries come when they are found.
  await reader(page).getByTestId('entity-row').first().waitFor();
  await page.bringToFront();

  await tabTo(page, (f) => f.tag === 'button' && f.name.startsWith('삼성전자'));
  const position = reader(page).locator('#ra-ent-position');
  const current = reader(page).locator('mark.ra-ent-current');
  await page.keyboard.press('Enter');
  await expect.poll(() => position.innerText()).toBe('Mention 1 of 4');
  expect(await current.first().innerText()).toBe('삼성전자');
  await page.keyboard.press('Enter');
  await expect.poll(() => position.innerText()).toBe('Mention 2 of 4');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => position.innerText()).toBe('Mention 1 of 4');
  // Focus stayed on the entry, so the next Enter goes on from there.
  expect((await focused(page)).name.startsWith('삼성전자')).toBe(true);
  await Promise.all([page.close(), popup.close()]);
});
