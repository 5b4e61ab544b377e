// Accessibility of everything the extension shows, audited with axe-core (WCAG 2.1 A and AA rules:
// contrast, names and labels, roles, keyboard-reachable controls) in real Chromium, in the light
// and the dark scheme: the popup, the reader over a page, the saved-article reader (each theme,
// with highlights and the entity panel, with a side-by-side translation), the library, the options
// and the welcome page. In a tab only our own UI is audited (the reader's host element). axe cannot
// work out colours inside the overlay (its shadow host hangs off <html>, over the page: every
// contrast check there comes back "incomplete"), so contrast is judged on the saved-article reader,
// which renders the same ReaderView with the same style sheet in a page of its own; a planted
// defect in each shows that the audit sees what it should.
import type { Page } from 'playwright-core';
import { inReaderPanel, startChromium, type ChromiumSession } from './chromium-session';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { DEMO, audit } from './helpers';

const SCHEMES = ['light', 'dark'] as const;

let server: Awaited<ReturnType<typeof serveFixtures>>;
let translator: Awaited<ReturnType<typeof startTranslateServer>>;
let session: ChromiumSession;

beforeAll(async () => {
  server = await serveFixtures();
  translator = await startTranslateServer();
  session = await startChromium();
  await session.worker.evaluate(
    (url) => chrome.storage.local.set({ translateProvider: { kind: 'libretranslate', url } }),
    translator.origin,
  );
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
  await translator?.close();
});

/** Fails with axe's own account of each violation (rule, what to fix, where). */
async function expectAccessible(page: Page, what: string, host?: string) {
  const violations = await audit(page, host);
  expect(violations, `${what}:\n${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

const reader = (page: Page) => page.locator('reading-assistant-reader');

async function openArticle(path: string, scheme: (typeof SCHEMES)[number]) {
  const { page, tabId } = await session.openTab(server.url(path));
  await page.emulateMedia({ colorScheme: scheme });
  const popup = await session.openPopup(tabId, 600);
  await popup.emulateMedia({ colorScheme: scheme });
  return { page, popup };
}

/** Saves `path` through the popup and opens the saved copy in the extension's reader page. */
async function openSaved(path: string, scheme: (typeof SCHEMES)[number]): Promise<Page> {
  const { page, popup } = await openArticle(path, scheme);
  await popup.getByTestId('save').click();
  await expect.poll(() => popup.getByTestId('save-result').innerText()).toMatch(/library/);
  // Saved under its canonical address: its row in the list has it.
  const title = (await page.title()).slice(0, 10);
  const row = popup.locator('[data-testid="saved-list"][aria-busy="false"] li[data-url]', { hasText: title }).first();
  const url = await row.getAttribute('data-url');
  await Promise.all([page.close(), popup.close()]);
  const saved = await session.extensionPage(`read.html?url=${encodeURIComponent(url!)}`);
  // Tall enough for the whole article and the entity panel: axe judges contrast where it can see.
  await saved.setViewportSize({ width: 1200, height: 3000 });
  await saved.emulateMedia({ colorScheme: scheme });
  await saved.locator('.ra-content').waitFor();
  return saved;
}

test('the audit sees what it should: a planted unlabelled control in the overlay, faint text in the saved-article reader', async () => {
  const { page, popup } = await openArticle(DEMO.path, 'light');
  await popup.getByTestId('toggle-reader').click();
  await reader(page).locator('.ra-content').waitFor();
  await reader(page)
    .locator('.ra-content')
    .evaluate((content) => content.prepend(content.ownerDocument.createElement('select')));
  expect((await audit(page, 'reading-assistant-reader')).map((v) => v.id)).toContain('select-name');
  await Promise.all([page.close(), popup.close()]);

  const saved = await openSaved(DEMO.path, 'light');
  await saved.locator('.ra-content').evaluate((content) => {
    const p = content.ownerDocument.createElement('p');
    p.style.cssText = 'color:#999';
    p.textContent = 'A line too faint to read';
    content.prepend(p);
  });
  expect((await audit(saved)).map((v) => v.id)).toContain('color-contrast');
  await saved.close();
});

for (const scheme of SCHEMES) {
  describe(`${scheme} scheme`, () => {
    test('the popup on an article page, and the reader over the page', async () => {
      const { page, popup } = await openArticle(DEMO.path, scheme);
      await popup.getByTestId('translate-destination').waitFor();
      await expectAccessible(popup, 'popup');
      await popup.getByTestId('toggle-reader').click();
      await reader(page).locator('.ra-content').waitFor();
      await page.bringToFront();
      await expectAccessible(page, 'reader over the page', 'reading-assistant-reader');
      await Promise.all([page.close(), popup.close()]);
    });

    test('the saved-article reader in each theme, with highlights and the entity panel, and with a translation', async () => {
      const saved = await openSaved('/demo/business.html', scheme);
      // The themes are swatches in the "Aa" popover (open while audited: its controls are checked too).
      await saved.getByTestId('reader-tool-typography').click();
      for (const value of ['Follow the system', 'Light', 'Sepia', 'Dark']) {
        await saved.getByRole('radio', { name: value }).check();
        await expectAccessible(saved, `saved-article reader, theme ${value}`);
      }
      await saved.getByRole('radio', { name: 'Follow the system' }).check();
      await saved.keyboard.press('Escape');

      await saved.getByTestId('reader-highlight').click();
      await saved.getByTestId('entity-panel').waitFor();
      // A selected mention too (it has colours of its own).
      await saved.getByTestId('entity-row').first().locator('button').click();
      await expectAccessible(saved, 'saved-article reader with highlights');
      await saved.getByTestId('reader-highlight').click();
      await expect.poll(() => saved.locator('mark.ra-ent').count()).toBe(0);

      await (await inReaderPanel(saved, 'reader-translate')).click();
      await expect
        .poll(() => saved.getByTestId('reader-translate-status').innerText(), { timeout: 20000 })
        .toMatch(/^Translated into /);
      expect(await saved.locator('.ra-translation').count()).toBeGreaterThan(0);
      await expectAccessible(saved, 'saved-article reader with a translation');
      await saved.close();
    });

    test('the library, the options and the welcome page', async () => {
      await openSaved(DEMO.path, scheme).then((saved) => saved.close());
      for (const path of ['library.html', 'options.html', 'welcome.html']) {
        const extensionPage = await session.extensionPage(path);
        await extensionPage.emulateMedia({ colorScheme: scheme });
        await extensionPage.locator('h1').waitFor();
        if (path === 'library.html') await extensionPage.getByTestId('virtual-list').locator('li').first().waitFor();
        await expectAccessible(extensionPage, path);
        await extensionPage.close();
      }
    });
  });
}
