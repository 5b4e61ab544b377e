// Sync across devices through a real WebDAV server: Debian's Apache with mod_dav on 127.0.0.1
// (scripts/lib/webdav-server.mjs, a proxy in front for the faults Apache cannot give), and two
// Chromium profiles, each with the extension installed, set up from the options page as a user
// does. What one device saves, highlights, notes, tags, marks read and deletes appears on the
// other; both syncing at the same moment lose nothing; Apache killed in the middle of an upload
// and restarted: the next sync finishes with nothing lost or doubled; 401, 507 and a wrong
// passphrase give their sentence; the server's folder holds no title, address or text.
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasApache, startWebDav } from '../../scripts/lib/webdav-server.mjs';
import { startChromium, type ChromiumSession } from './chromium-session';
import { backupWith } from './helpers';

type Dav = Awaited<ReturnType<typeof startWebDav>>;
const PASSPHRASE = '한강 다리 위의 고양이 seven';

const ARTICLE = {
  url: 'https://news.hangang-ilbo.kr/economy/2026/12/07/chips-rebound',
  title: '반도체 수출 석 달 만에 반등',
  contentHtml: '<p>반도체 수출이 석 달 만에 다시 늘었다고 산업통상자원부가 밝혔다.</p>',
  text: '반도체 수출이 석 달 만에 다시 늘었다고 산업통상자원부가 밝혔다.',
};
const NOTE = '메모: 수출 회복은 메모리 가격 덕분';

function backup(over: typeof ARTICLE, extra: { tags?: string[]; note?: string } = {}) {
  const b = backupWith(over) as ReturnType<typeof backupWith> & { annotations?: unknown[] };
  (b.articles[0] as { tags: string[] }).tags = extra.tags ?? [];
  if (extra.note) {
    const start = over.text.indexOf('석 달 만에');
    b.annotations = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'urn:reading-assistant:hl-sync-e2e-1',
        motivation: 'commenting',
        created: '2026-12-07T10:00:00.000Z',
        modified: '2026-12-07T10:00:00.000Z',
        body: [{ type: 'TextualBody', value: extra.note, format: 'text/plain', purpose: 'commenting' }],
        target: {
          source: over.url,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: '석 달 만에',
              prefix: over.text.slice(0, start),
              suffix: over.text.slice(start + 6),
            },
            { type: 'TextPositionSelector', start, end: start + 6 },
          ],
          styleClass: 'highlight-yellow',
        },
      },
    ];
  }
  return b;
}

const more = (n: number, title: string) => ({
  url: `https://www.example-times.com/world/2026/story-${n}`,
  title,
  contentHtml: `<p>${title}: the text of story ${n}.</p>`,
  text: `${title}: the text of story ${n}.`,
});

interface Device {
  session: ChromiumSession;
  options: Page;
  library: Page;
}

async function importBackup(d: Device, body: object) {
  await d.library.getByTestId('import-file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(body)),
  });
  await expect.poll(() => d.library.getByTestId('library-message').innerText()).toMatch(/Imported: 1 new/);
}

const runs = (p: Page) => p.locator('#sync-section').getAttribute('data-runs');

/** Clicks a button of the sync section and waits until what it started has finished. */
async function act(p: Page, name: string) {
  const before = await runs(p);
  await p.locator('#sync-section').getByRole('button', { name, exact: true }).click();
  await expect.poll(() => runs(p), { timeout: 30_000 }).not.toBe(before);
}

const message = (p: Page) => p.locator('#sync-message').innerText();
const status = (p: Page) =>
  p
    .locator('#sync-status')
    .innerText()
    .catch(() => '');
const count = (d: Device) => d.library.getByTestId('library-count').innerText();

async function fill(p: Page, dav: Dav, over: { password?: string; passphrase?: string } = {}) {
  await p.locator('#sync-url').fill(dav.url);
  await p.locator('#sync-user').fill(dav.user);
  await p.locator('#sync-password').fill(over.password ?? dav.password);
  await p.locator('#sync-passphrase').fill(over.passphrase ?? PASSPHRASE);
  // Syncs only when the test says (an automatic one half a minute after an import would meet the
  // faults meant for the next "Sync now").
  if (await p.locator('#sync-auto').isChecked()) await p.locator('#sync-auto').uncheck();
}

const canRun = hasApache();

describe.skipIf(!canRun)('sync through a real WebDAV server (Chromium, two profiles)', () => {
  let dav: Dav;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    dav = await startWebDav();
    const open = async (): Promise<Device> => {
      const session = await startChromium();
      const [options, library] = await Promise.all([
        session.extensionPage('options.html'),
        session.extensionPage('library.html'),
      ]);
      return { session, options, library };
    };
    [a, b] = await Promise.all([open(), open()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.session.context.close(), b?.session.context.close()]);
    await dav?.stop();
  });

  test('a save with its tag and a highlight with its note, then read state and a deletion, reach the other device', async () => {
    await importBackup(a, backup(ARTICLE, { tags: ['경제'], note: NOTE }));
    await fill(a.options, dav);
    await act(a.options, 'Save and sync');
    await expect.poll(() => status(a.options)).toContain('Last synced');
    expect(await status(a.options)).toContain('sent 2 changes');

    // B: a wrong app password, then a wrong passphrase, each said in one sentence; nothing saved.
    await fill(b.options, dav, { password: 'wrong' });
    await act(b.options, 'Test the connection');
    expect(await message(b.options)).toBe('The server refused the user name or app password (401).');
    await fill(b.options, dav, { passphrase: 'not the passphrase' });
    await act(b.options, 'Test the connection');
    expect(await message(b.options)).toContain('This passphrase does not open the synced data');
    await fill(b.options, dav);
    await act(b.options, 'Save and sync');
    await expect.poll(() => status(b.options)).toContain('received 2');

    await b.library.reload();
    await expect.poll(() => count(b)).toBe('Saved: 1');
    const row = b.library.getByRole('listitem').filter({ hasText: ARTICLE.title });
    await expect.poll(() => row.innerText()).toContain('경제');
    const reader = await b.session.extensionPage(`read.html?url=${encodeURIComponent(ARTICLE.url)}`);
    await expect.poll(() => reader.locator('.ra-content mark.ra-hl').allInnerTexts()).toEqual(['석 달 만에']);
    const stored = await reader.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = indexedDB.open('library');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const all = req.result.transaction('highlights').objectStore('highlights').getAll();
            all.onsuccess = () => resolve(all.result as unknown[]);
          };
        }),
    );
    expect(stored).toEqual([expect.objectContaining({ note: NOTE, article: ARTICLE.url })]);
    await reader.close();

    // Marked read on A: read on B.
    await a.library
      .getByRole('listitem')
      .filter({ hasText: ARTICLE.title })
      .getByRole('button', { name: 'Mark as read' })
      .click();
    await act(a.options, 'Sync now');
    await act(b.options, 'Sync now');
    await b.library.reload();
    await expect
      .poll(() =>
        b.library
          .getByRole('listitem')
          .filter({ hasText: ARTICLE.title })
          .getByRole('button', { name: 'Mark as unread' })
          .count(),
      )
      .toBe(1);

    // Nothing the server stores says what was saved.
    const grep = (needle: string) => {
      try {
        return execFileSync('grep', ['-rlF', needle, dav.dataDir]).toString().trim();
      } catch {
        return ''; // grep found nothing
      }
    };
    for (const needle of [ARTICLE.title, ARTICLE.url, 'hangang-ilbo', '산업통상자원부', NOTE, '경제'])
      expect(grep(needle)).toBe('');
  });

  test('both devices syncing at the same moment lose nothing; a deletion reaches the other', async () => {
    await importBackup(a, backup(more(2, 'Story from A')));
    await importBackup(b, backup(more(3, 'Story from B')));
    await Promise.all([act(a.options, 'Sync now'), act(b.options, 'Sync now')]);
    await act(a.options, 'Sync now');
    await act(b.options, 'Sync now');
    await Promise.all([a.library.reload(), b.library.reload()]);
    await expect.poll(() => count(a)).toBe('Saved: 3');
    await expect.poll(() => count(b)).toBe('Saved: 3');

    await a.library.getByRole('listitem').filter({ hasText: 'Story from A' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => count(a)).toBe('Saved: 2');
    await act(a.options, 'Sync now');
    await act(b.options, 'Sync now');
    await b.library.reload();
    await expect.poll(() => count(b)).toBe('Saved: 2');
    expect(await b.library.getByText('Story from A').count()).toBe(0);
  });

  test('the server killed in the middle of an upload: the next sync finishes it, nothing lost or doubled; 507 says so', async () => {
    await importBackup(a, backup(more(4, 'Story saved before the crash')));
    const hooks = dav as unknown as { onRequest: ((method: string, path: string) => Promise<void>) | null };
    hooks.onRequest = async (method, path) => {
      if (method === 'PUT' && path.includes('/log/')) {
        hooks.onRequest = null;
        await dav.kill();
      }
    };
    await act(a.options, 'Sync now');
    expect(await message(a.options)).toBe('The sync server did not answer: check the address and that the server is running.');
    await dav.restart();
    await act(a.options, 'Sync now');
    expect(await message(a.options)).toBe('');
    await act(b.options, 'Sync now');
    await b.library.reload();
    await expect.poll(() => count(b)).toBe('Saved: 3');
    expect(await b.library.getByText('Story saved before the crash').count()).toBe(1);

    await importBackup(b, backup(more(5, 'Story while the disk is full')));
    dav.failPuts(507);
    await act(b.options, 'Sync now');
    expect(await message(b.options)).toContain('The server is out of space (507)');
    await expect.poll(() => status(b.options)).toMatch(/Changes waiting to be sent: [1-9]/);
    dav.failPuts(null);
    await act(b.options, 'Sync now');
    expect(await message(b.options)).toBe('');
    await act(a.options, 'Sync now');
    await a.library.reload();
    await expect.poll(() => count(a)).toBe('Saved: 4');
  });
});
