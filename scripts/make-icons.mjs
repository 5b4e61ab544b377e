// Renders assets/icon.svg to the PNG sizes the stores and browsers ask for (public/icon/N.png),
// with Debian's Chromium. Run after changing the SVG: node scripts/make-icons.mjs
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const sizes = [16, 19, 32, 38, 48, 64, 96, 128, 256];
const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname, omitBackground: true });
}
await browser.close();
console.log(`icons: ${sizes.join(', ')} px`);
