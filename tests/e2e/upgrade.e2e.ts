// Schema upgrade in the real browsers: a library written by version 1 (tests/fixtures/library-v1.ts,
// which declares only that version) in the extension's own IndexedDB, then opened by the shipped
// extension's pages, which run the current schema. Every article must be listed, found and read.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browsers.mjs';
import { poll, startFirefox, type FirefoxSession } from './firefox-session';
import { squash } from './helpers';

/** The v1 writer, bundled for an extension page: `__writeLibraryV1()` fills the 'library' database. */
async function v1Writer(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "import { v1Data, writeV1 } from './tests/fixtures/library-v1'; Object.assign(globalThis, { __writeLibraryV1: () => writeV1('library', v1Data()) });",
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

const DB_VERSION = 20; // Dexie stores version N as IndexedDB version N × 10: schema v2.
const libraryVersion = () => indexedDB.databases().then((dbs) => dbs.find((d) => d.name === 'library')?.version ?? null);

describe('Chromium', () => {
  test('a library written by version 1 opens in the current extension: listed, searchable, readable', async () => {
    const code = await v1Writer();
    const { context, extensionId } = await launchChromium();
    const open = async (path: string): Promise<Page> => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    };
    try {
      const writer = await open('welcome.html');
      expect(await writer.evaluate(libraryVersion)).toBe(null); // nothing opened it before
      await writer.evaluate(code);
      await writer.evaluate(() => (globalThis as unknown as { __writeLibraryV1: () => Promise<void> }).__writeLibraryV1());
      expect(await writer.evaluate(libraryVersion)).toBe(10);
      await writer.close();

      const library = await open('library.html');
      await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 3');
      expect(await library.evaluate(libraryVersion)).toBe(DB_VERSION);
      await library.getByTestId('library-search').fill('삼성');
      await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 1');
      expect(await library.getByTestId('virtual-list').innerText()).toContain('삼성전자는 반도체를');
      await library.getByTestId('library-search').fill('cafe');
      await expect.poll(() => library.getByTestId('virtual-list').innerText()).toContain('Café culture');
      const [reader] = await Promise.all([context.waitForEvent('page'), library.getByRole('button', { name: /Café culture/ }).click()]);
      await reader.locator('.ra-content').waitFor();
      expect(squash(await reader.locator('.ra-content').innerText())).toBe('A café in Paris.');
    } finally {
      await context.close();
    }
  });
});

describe('Firefox', () => {
  let session: FirefoxSession | undefined;
  afterAll(async () => {
    await session?.browser.close();
  });

  test('a library written by version 1 opens in the current extension: listed, searchable, readable', async () => {
    const code = await v1Writer();
    session = await startFirefox();
    const page = session.extensionPage; // the welcome page, which never opens the library
    expect(await page.evaluate(libraryVersion)).toBe(null);
    await page.evaluate(code);
    await page.evaluate(() => (globalThis as unknown as { __writeLibraryV1: () => Promise<void> }).__writeLibraryV1());
    expect(await page.evaluate(libraryVersion)).toBe(10);

    await session.goTo('/library.html');
    const count = () => page.evaluate(() => document.querySelector('[data-testid="library-count"]')?.textContent ?? '');
    expect(await poll(count, (t) => t === 'Saved: 3')).toBe('Saved: 3');
    expect(await page.evaluate(libraryVersion)).toBe(DB_VERSION);
    const list = await page.evaluate(() => document.querySelector('[data-testid="virtual-list"]')?.textContent ?? '');
    expect(list).toContain('삼성전자는 반도체를');
    expect(list).toContain('Café culture');

    await page.evaluate(() => location.assign(`/read.html?url=${encodeURIComponent('https://news.example.com/1')}`));
    await page.waitForSelector('.ra-content p');
    expect(squash(await page.evaluate(() => (document.querySelector('.ra-content') as HTMLElement).innerText))).toBe('삼성전자는 반도체를 만든다.');
  });
});
