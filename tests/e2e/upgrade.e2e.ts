// Schema upgrade in the real browsers: a library written by an earlier version (tests/fixtures/
// library-v1.ts, library-v2.ts, each declaring only its own versions) in the extension's own
// IndexedDB, then opened by the shipped extension's pages, which run the current schema. Every
// article must be listed, found and read; the translations cached by version 2 must be in the
// translation cache's own database afterwards (the options page counts them).
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browsers.mjs';
import { poll, startFirefox, type FirefoxSession } from './firefox-session';
import { squash } from './helpers';

type Version = 'v1' | 'v2';
type Writers = { __writeLibrary: (version: Version) => Promise<void>; __deleteDatabases: () => Promise<void> };

/** The frozen writers, bundled for an extension page: `__writeLibrary('v1' | 'v2')` fills the 'library' database. */
async function writers(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { v1Data, writeV1 } from './tests/fixtures/library-v1';
import { v2Data, writeV2 } from './tests/fixtures/library-v2';
const del = (name) => new Promise((ok, fail) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = ok; r.onerror = () => fail(r.error); r.onblocked = () => fail(new Error(name + ' is open')); });
Object.assign(globalThis, {
  __writeLibrary: (version) => (version === 'v1' ? writeV1('library', v1Data()) : writeV2('library', v2Data())),
  __deleteDatabases: () => Promise.all([del('library'), del('translation-cache')]),
});`,
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

const DB_VERSION = 50; // Dexie stores version N as IndexedDB version N × 10: schema v5.
// (Each runs inside the page: self-contained.)
const libraryVersion = () => indexedDB.databases().then((dbs) => dbs.find((d) => d.name === 'library')?.version ?? null);
const cacheVersion = () => indexedDB.databases().then((dbs) => dbs.find((d) => d.name === 'translation-cache')?.version ?? null);
/** The options page's line about the cache once it has read it. */
const CACHED = 'Translations kept on this device: 140 B (2 paragraphs).';

describe('Chromium', () => {
  test.each<[Version]>([['v1'], ['v2']])(
    'a library written by %s opens in the current extension: listed, searchable, readable',
    async (version) => {
      const code = await writers();
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
        await writer.evaluate((v) => (globalThis as unknown as Writers).__writeLibrary(v), version);
        expect(await writer.evaluate(libraryVersion)).toBe(version === 'v1' ? 10 : 20);
        await writer.close();

        const library = await open('library.html');
        await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 3');
        expect(await library.evaluate(libraryVersion)).toBe(DB_VERSION);
        await library.getByTestId('library-search').fill('삼성');
        await expect.poll(() => library.getByTestId('library-count').innerText()).toBe('Saved: 1');
        expect(await library.getByTestId('virtual-list').innerText()).toContain('삼성전자는 반도체를');
        await library.getByTestId('library-search').fill('cafe');
        await expect.poll(() => library.getByTestId('virtual-list').innerText()).toContain('Café culture');
        const [reader] = await Promise.all([
          context.waitForEvent('page'),
          library.getByRole('button', { name: /Café culture/ }).click(),
        ]);
        await reader.locator('.ra-content').waitFor();
        expect(squash(await reader.locator('.ra-content').innerText())).toBe('A café in Paris.');

        if (version === 'v2') {
          // The library's upgrade moved version 2's cached translations to their own database.
          expect(await library.evaluate(cacheVersion)).toBe(10);
          const options = await open('options.html');
          await expect
            .poll(() =>
              options
                .locator('[aria-labelledby="cache-heading"]')
                .innerText()
                .catch(() => ''),
            )
            .toContain(CACHED);
        }
      } finally {
        await context.close();
      }
    },
  );
});

describe('Firefox', () => {
  let session: FirefoxSession | undefined;
  afterAll(async () => {
    await session?.browser.close();
  });

  test.each<[Version]>([['v1'], ['v2']])(
    'a library written by %s opens in the current extension: listed, searchable, readable',
    async (version) => {
      const code = await writers();
      session ??= await startFirefox();
      const page = session.extensionPage;
      if (version === 'v2') {
        // the same browser as the v1 test: start again from no database at all
        await session.goTo('/welcome.html');
        await page.evaluate(code);
        await page.evaluate(() => (globalThis as unknown as Writers).__deleteDatabases());
      } else {
        await page.evaluate(code); // the welcome page, which never opens the library
      }
      expect(await page.evaluate(libraryVersion)).toBe(null);
      await page.evaluate((v) => (globalThis as unknown as Writers).__writeLibrary(v), version);
      expect(await page.evaluate(libraryVersion)).toBe(version === 'v1' ? 10 : 20);

      await session.goTo('/library.html');
      const count = () => page.evaluate(() => document.querySelector('[data-testid="library-count"]')?.textContent ?? '');
      expect(await poll(count, (t) => t === 'Saved: 3')).toBe('Saved: 3');
      expect(await page.evaluate(libraryVersion)).toBe(DB_VERSION);
      const list = await page.evaluate(() => document.querySelector('[data-testid="virtual-list"]')?.textContent ?? '');
      expect(list).toContain('삼성전자는 반도체를');
      expect(list).toContain('Café culture');

      await page.evaluate(() => location.assign(`/read.html?url=${encodeURIComponent('https://news.example.com/1')}`));
      await page.waitForSelector('.ra-content p');
      expect(squash(await page.evaluate(() => (document.querySelector('.ra-content') as HTMLElement).innerText))).toBe(
        '삼성전자는 반도체를 만든다.',
      );

      if (version === 'v2') {
        expect(await page.evaluate(cacheVersion)).toBe(10);
        await session.goTo('/options.html');
        const cache = () => page.evaluate(() => document.querySelector('[aria-labelledby="cache-heading"]')?.textContent ?? '');
        expect(await poll(cache, (t) => t.includes(CACHED))).toContain(CACHED);
      }
    },
  );
});
