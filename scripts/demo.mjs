// `npm start`: opens the built extension in Debian's Chromium on the bundled demo article, served
// from 127.0.0.1. With a display you get a window to try it in; on a headless machine the demo
// opens the popup and the reader itself and saves screenshots instead.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumTabId, launchChromium } from './lib/browsers.mjs';
import { serveFixtures } from './lib/fixture-server.mjs';

const headless = process.env.HEADLESS === '1' || !process.env.DISPLAY || !!process.env.CI;
const server = await serveFixtures(Number(process.env.PORT ?? 0));
const articleUrl = server.url('/demo/article.html');
const { context, worker, extensionId } = await launchChromium({ headless, keepWelcome: !headless });
const page = await context.newPage();
await page.goto(articleUrl);
await page.bringToFront();
console.log(`Demo article: ${articleUrl}`);

if (!headless) {
  console.log(
    'Chromium is open with the extension loaded: click its toolbar button (pin it from the puzzle menu), or press Alt+Shift+V to open the reader. Close the browser to stop.',
  );
  await new Promise((done) => context.on('close', done));
} else {
  const out = resolve('demo-screenshots');
  mkdirSync(out, { recursive: true });
  const tabId = await chromiumTabId(worker, page);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 460 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('toggle-reader').waitFor();
  await page.screenshot({ path: `${out}/1-page.png` });
  await popup.screenshot({ path: `${out}/2-popup.png` });
  await popup.getByTestId('toggle-reader').click();
  await page.locator('reading-assistant-reader .ra-content').waitFor();
  await page.bringToFront();
  await page.screenshot({ path: `${out}/3-reader.png` });
  console.log(`No display here, so the demo ran headless. Screenshots: ${out}/1-page.png, 2-popup.png, 3-reader.png`);
}
await context.close();
await server.close();
