// The extension in a browser whose own language is Korean: its messages are Korean (the popup says
// so in Korean), the popup, whose Korean lines are longer, still fits in Chrome's 600 pixels, and a
// Korean article is offered a translation into another language than Korean.
import type { BrowserContext } from 'playwright-core';
import { startChromium, type ChromiumSession } from './chromium-session';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { DEMO, SCREENSHOTS, popupBottom } from './helpers';

let server: Awaited<ReturnType<typeof serveFixtures>>;
let context: BrowserContext;
let session: ChromiumSession;

beforeAll(async () => {
  server = await serveFixtures();
  session = await startChromium({ uiLanguage: 'ko' });
  ({ context } = session);
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

test('in a Korean browser the popup speaks Korean, offers a Korean article in English and, with nothing saved, fits in 600 pixels', async () => {
  const { page, tabId } = await session.openTab(server.url(DEMO.path));
  const popup = await session.openPopup(tabId, 600);
  await expect.poll(() => popup.getByTestId('status').innerText()).toBe('기사를 찾았습니다');
  expect(await popup.getByTestId('toggle-reader').innerText()).toBe('읽기 화면 열기');
  await expect.poll(() => popup.getByTestId('translate-destination').isVisible()).toBe(true);
  // The article is Korean too: Translate offers another language (English) rather than Korean.
  await expect.poll(() => popup.getByTestId('translate-to').inputValue()).toBe('en');
  await popup.getByRole('button', { name: '보관함 열기' }).waitFor();
  expect(await popupBottom(popup)).toBeLessThanOrEqual(600);
  await popup.screenshot({ path: `${SCREENSHOTS}chromium-popup-korean.png`, fullPage: true });
  await Promise.all([page.close(), popup.close()]);
});
