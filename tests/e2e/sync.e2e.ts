// Sync across devices through a real WebDAV server: Debian's Apache with mod_dav on 127.0.0.1
// (scripts/lib/webdav-server.mjs, a proxy in front for the faults Apache cannot give), and two
// installs of the extension, one in Chromium and one in Firefox ESR, each set up from its options
// page as a user does. What one saves, highlights, notes, tags, marks read and deletes appears on
// the other, both ways; Firefox asks for the server's origin (optional host access there) when
// the folder is tested; edits of one article on both at once merge; both syncing at the same
// moment lose nothing; Apache killed in the middle of an upload and restarted: the next sync
// finishes with nothing lost or doubled; 401, 403, 404 (with "Create the folder"), 507 and a wrong
// passphrase give their sentence and lose nothing; "Stop syncing this device" forgets the server
// and "Remove my data from the server" empties the folder, each keeping the library; the server's
// folder holds no title, address or text. Each device drives one extension page (options,
// library, reader in turn) through the same in-page steps, with real clicks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostPermission } from '../../lib/net/host-permission';
import { hasApache, startWebDav } from '../../scripts/lib/webdav-server.mjs';
import { startChromium } from './chromium-session';
import { startFirefox, type ExtApi } from './firefox-session';
import { SCREENSHOTS, audit, backupWith } from './helpers';

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

/** One install: its extension page, shown at a path, asked in the page, clicked for real. */
interface Device {
  name: string;
  /** Loads the extension page `path` ('/options.html', '/library.html', '/read.html?url=…'). */
  show(path: string): Promise<void>;
  run<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** A real click (a user gesture: the options page asks for the host permission in it). */
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

async function chromiumDevice(): Promise<Device & { page: PwPage }> {
  const session = await startChromium();
  const page = await session.extensionPage('options.html');
  return {
    name: 'Chromium',
    page,
    show: async (path) => void (await page.goto(`chrome-extension://${session.extensionId}${path}`)),
    run: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (selector) => page.click(selector),
    close: () => session.context.close(),
  };
}

async function firefoxDevice(): Promise<Device> {
  // What a user's "Allow" does in the prompt permissions.request shows (headless has no prompt).
  const session = await startFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const page = session.extensionPage;
  return {
    name: 'Firefox',
    show: (path) => session.goTo(path),
    run: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (selector) => page.click(selector),
    close: () => session.browser.close(),
  };
}

// ---- steps in the page (plain functions: evaluated in either browser)

/** Marks the enabled button named `name` (inside the library row titled `row`, or the sync section). */
function markButton({ name, row }: { name: string; row?: string }): boolean {
  document.querySelectorAll('[data-e2e]').forEach((el) => el.removeAttribute('data-e2e'));
  const scope = row
    ? [...document.querySelectorAll('li.article-row')].find((li) => li.querySelector('.row-title')?.textContent === row)
    : document.querySelector('#sync-section');
  const button = [...(scope?.querySelectorAll('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name && !b.disabled,
  );
  button?.setAttribute('data-e2e', '');
  return !!button;
}

/** Types into fields as input events do (Preact reads the value from the event). */
function setFields(values: Record<string, string | boolean>): void {
  for (const [selector, value] of Object.entries(values)) {
    const input = document.querySelector<HTMLInputElement>(selector)!;
    if (typeof value === 'boolean') {
      if (input.checked !== value) input.click();
      continue;
    }
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function importFile(body: string): void {
  const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
  const files = new DataTransfer();
  files.items.add(new File([body], 'backup.json', { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const textOf = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? '';

/** The library as a user reads it: each row's title, tags and whether it is read. */
function rows(): { title: string; tags: string[]; read: boolean }[] {
  return [...document.querySelectorAll('li.article-row')].map((li) => ({
    title: li.querySelector('.row-title')?.textContent ?? '',
    tags: [...li.querySelectorAll('.row-tags li')].map((t) => t.textContent ?? '').sort(),
    read: li.classList.contains('read'),
  }));
}

function storedHighlights(): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('library');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const all = req.result.transaction('highlights').objectStore('highlights').getAll();
      all.onsuccess = () => resolve(all.result as unknown[]);
    };
  });
}

// ---- what a user does with a device

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 150));
    value = await read().catch(() => value);
  }
  return value;
}

async function press(d: Device, name: string, row?: string) {
  expect(await until(() => d.run(markButton, { name, row }), Boolean), `${d.name}: no button "${name}"`).toBe(true);
  await d.click('[data-e2e]');
}

const runs = (d: Device) => d.run(() => document.querySelector('#sync-section')?.getAttribute('data-runs') ?? '', null);

/** Shows the options with the saved settings in their fields. */
async function options(d: Device) {
  await d.show('/options.html');
  await until(
    () =>
      d.run(async () => {
        const api =
          (globalThis as unknown as { browser?: ExtApi; chrome: ExtApi }).browser ??
          (globalThis as unknown as { chrome: ExtApi }).chrome;
        const { syncConfig } = (await api.storage.local.get('syncConfig')) as { syncConfig?: { url: string } | null };
        const field = document.querySelector<HTMLInputElement>('#sync-url');
        return !!field && field.value === (syncConfig?.url ?? '');
      }, null),
    Boolean,
  );
}

/** Clicks a button of the sync section (on the options page) and waits until what it started has finished. */
async function act(d: Device, name: string) {
  const before = await runs(d);
  await press(d, name);
  expect(await until(runs.bind(null, d), (r) => r !== before, 30_000), `${d.name}: "${name}" did not finish`).not.toBe(before);
}

const message = (d: Device) => d.run(textOf, '#sync-message');
/** What the last sync did, a line each, as one string. */
const status = (d: Device) =>
  d.run(() => [...document.querySelectorAll('#sync-status li')].map((li) => li.textContent).join(' '), null);

/** Sets the folder up on `d` from its options page and syncs; answers the status once it has. */
async function saveAndSync(d: Device, dav: Dav) {
  await options(d);
  await fill(d, dav.url, dav);
  await act(d, 'Save and sync');
  return until(
    () => status(d),
    (s) => s.includes('Last synced'),
  );
}

async function fill(d: Device, url: string, dav: Dav, over: { password?: string; passphrase?: string } = {}) {
  await d.run(setFields, {
    '#sync-url': url,
    '#sync-user': dav.user,
    '#sync-password': over.password ?? dav.password,
    '#sync-passphrase': over.passphrase ?? PASSPHRASE,
    // Syncs only when the test says (an automatic one half a minute after an import would meet
    // the faults meant for the next "Sync now").
    '#sync-auto': false,
  });
}

/** Shows the library once its count is drawn. */
async function library(d: Device) {
  await d.show('/library.html');
  await until(
    () => d.run(textOf, '[data-testid="library-count"]'),
    (t) => t.startsWith('Saved'),
  );
}

/** The library's rows once it shows `n` articles (loaded again, as a user reloads it, if not yet). */
async function libraryOf(d: Device, n: number) {
  const end = Date.now() + 10_000;
  for (;;) {
    await library(d);
    const list = await until(
      () => d.run(rows, null),
      (r) => r.length === n,
      2_000,
    );
    if (list.length === n || Date.now() > end) return list;
  }
}

async function importBackup(d: Device, body: object) {
  await library(d);
  await d.run(importFile, JSON.stringify(body));
  expect(
    await until(
      () => d.run(textOf, '[data-testid="library-message"]'),
      (t) => /Imported: 1 new/.test(t),
    ),
  ).toMatch(/Imported: 1 new/);
}

async function syncNow(d: Device) {
  await options(d);
  await act(d, 'Sync now');
}

async function editTags(d: Device, title: string, tags: string) {
  await library(d);
  await press(d, 'Edit tags', title);
  await until(() => d.run(() => !!document.querySelector('.tag-editor input'), null), Boolean);
  await d.run(setFields, { '.tag-editor input': tags });
  await d.run(() => document.querySelector<HTMLButtonElement>('.tag-editor button[type="submit"]')!.click(), null);
  await until(
    () => d.run(rows, null),
    (r) => r.find((x) => x.title === title)?.tags.join(', ') === tags.split(', ').sort().join(', '),
  );
}

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const canRun = hasApache();

describe('sync through a real WebDAV server (Chromium and Firefox ESR)', () => {
  let dav: Dav;
  let a: Device & { page: PwPage };
  let b: Device;

  beforeAll(async () => {
    // Never skipped: a machine without Apache fails here, saying what to install.
    if (!canRun) throw new Error('Apache (apache2) is not installed: run bash scripts/install-browsers.sh');
    mkdirSync(SCREENSHOTS, { recursive: true });
    dav = await startWebDav();
    [a, b] = await Promise.all([chromiumDevice(), firefoxDevice()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await dav?.stop();
  });

  test('a save with its tag and a highlight with its note, then read state, reach Firefox from Chromium; Firefox asks for the server', async () => {
    await importBackup(a, backup(ARTICLE, { tags: ['경제'], note: NOTE }));
    expect(await saveAndSync(a, dav)).toContain('2 sent');

    // Firefox: host access is the user's to withdraw there; the options page asks for the
    // server's origin in the click, and only then can it reach the server.
    const origin = hostPermission(dav.url)!.origins[0]!;
    const permitted = () =>
      b.run(
        (o) =>
          (
            globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }
          ).browser.permissions.contains({ origins: [o] }),
        origin,
      );
    await options(b);
    await b.run(
      () =>
        (
          globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } }
        ).browser.permissions.remove({
          origins: ['http://*/*', 'https://*/*'],
        }),
      null,
    );
    expect(await permitted()).toBe(false);
    // A wrong app password, then a wrong passphrase, each said in one sentence; nothing saved.
    await fill(b, dav.url, dav, { password: 'wrong' });
    await act(b, 'Test the connection');
    expect(await permitted()).toBe(true);
    expect(await message(b)).toBe('The server refused the user name or app password (401).');
    await fill(b, dav.url, dav, { passphrase: 'not the passphrase' });
    await act(b, 'Test the connection');
    expect(await message(b)).toContain('This passphrase does not open the synced data');
    await fill(b, dav.url, dav);
    await act(b, 'Save and sync');
    expect(
      await until(
        () => status(b),
        (s) => s.includes('2 received'),
      ),
    ).toContain('2 received');

    expect(await libraryOf(b, 1)).toEqual([{ title: ARTICLE.title, tags: ['경제'], read: false }]);
    await b.show(`/read.html?url=${encodeURIComponent(ARTICLE.url)}`);
    expect(
      await until(
        () => b.run(() => [...document.querySelectorAll('.ra-content mark.ra-hl')].map((m) => m.textContent), null),
        (m) => m.length > 0,
      ),
    ).toEqual(['석 달 만에']);
    expect(await b.run(storedHighlights, null)).toEqual([expect.objectContaining({ note: NOTE, article: ARTICLE.url })]);

    // Marked read on Chromium: read on Firefox.
    await library(a);
    await press(a, 'Mark as read', ARTICLE.title);
    // Written once the row offers the opposite (leaving the page sooner could cut the write short).
    expect(await until(() => a.run(markButton, { name: 'Mark as unread', row: ARTICLE.title }), Boolean)).toBe(true);
    await syncNow(a);
    await syncNow(b);
    expect(await libraryOf(b, 1)).toEqual([{ title: ARTICLE.title, tags: ['경제'], read: true }]);

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

  test('both syncing at the same moment lose nothing; a deletion on Firefox reaches Chromium; edits of one article on both merge', async () => {
    await importBackup(a, backup(more(2, 'Story from Chromium')));
    await importBackup(b, backup(more(3, 'Story from Firefox')));
    await Promise.all([options(a), options(b)]);
    await Promise.all([act(a, 'Sync now'), act(b, 'Sync now')]);
    await Promise.all([act(a, 'Sync now'), act(b, 'Sync now')]);
    const titles = ['Story from Chromium', 'Story from Firefox', ARTICLE.title];
    for (const d of [a, b]) expect((await libraryOf(d, 3)).map((r) => r.title).sort()).toEqual(titles);

    await library(b);
    await press(b, 'Delete', 'Story from Chromium');
    await until(
      () => b.run(rows, null),
      (r) => r.length === 2,
    );
    // The same article edited on both before either syncs: a tag each, and unread on Firefox.
    await editTags(a, ARTICLE.title, '경제, 반도체');
    await editTags(b, ARTICLE.title, '경제, 수출');
    await press(b, 'Mark as unread', ARTICLE.title);
    expect(await until(() => b.run(markButton, { name: 'Mark as read', row: ARTICLE.title }), Boolean)).toBe(true);
    await Promise.all([options(a), options(b)]);
    await Promise.all([act(a, 'Sync now'), act(b, 'Sync now')]);
    await Promise.all([act(a, 'Sync now'), act(b, 'Sync now')]);
    const merged = [
      { title: 'Story from Firefox', tags: [], read: false },
      { title: ARTICLE.title, tags: ['경제', '반도체', '수출'], read: false },
    ];
    for (const d of [a, b])
      expect(
        (await libraryOf(d, 2)).sort((x, y) => x.title.localeCompare(y.title)),
        d.name,
      ).toEqual(merged);
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
    await syncNow(a);
    expect(await message(a)).toBe('The sync server did not answer: check the address and that the server is running.');
    await dav.restart();
    await act(a, 'Sync now');
    expect(await message(a)).toBe('');
    await syncNow(b);
    expect((await libraryOf(b, 3)).filter((r) => r.title === 'Story saved before the crash')).toHaveLength(1);

    await importBackup(b, backup(more(5, 'Story while the disk is full')));
    dav.fail(507, ['PUT']);
    await syncNow(b);
    expect(await message(b)).toContain('The server is out of space (507)');
    expect(await status(b)).toMatch(/Changes waiting to be sent: [1-9]/);
    dav.fail(null);
    await act(b, 'Sync now');
    expect(await message(b)).toBe('');
    await syncNow(a);
    expect(await libraryOf(a, 4)).toHaveLength(4);
  });

  test('403 says so; "Stop syncing this device", a folder that is not there (404, "Create the folder"), "Remove my data from the server": the library stays', async () => {
    // A change waiting and a server that refuses: the section as a user sees it then.
    await editTags(a, 'Story from Firefox', 'world');
    dav.fail(403);
    await syncNow(a);
    dav.fail(null);
    expect(await message(a)).toBe('The server does not let this user into that folder (403).');
    expect(await status(a)).toMatch(/^Last synced .* Changes waiting to be sent: 1\.$/);
    for (const width of [400, 1280])
      for (const scheme of ['light', 'dark'] as const) {
        await a.page.setViewportSize({ width, height: 900 });
        await a.page.emulateMedia({ colorScheme: scheme });
        await a.page.locator('#sync-section').scrollIntoViewIfNeeded();
        await a.page.locator('#sync-section').screenshot({ path: `${SCREENSHOTS}options-sync-${width}-${scheme}.png` });
        expect(await audit(a.page, '#sync-section'), `${width} ${scheme}`).toEqual([]);
      }
    await a.page.emulateMedia({ colorScheme: 'light' });

    await act(a, 'Stop syncing this device');
    expect(await message(a)).toBe('This device no longer syncs. Its library stays as it is.');
    await options(a);
    expect(await a.run((s) => (document.querySelector(s) as HTMLInputElement).value, '#sync-url')).toBe('');
    expect(await a.run(markButton, { name: 'Sync now' })).toBe(false);
    // the address, user name, app password and key are gone from the device's storage
    expect(await a.run(() => chrome.storage.local.get('syncConfig'), null)).toEqual({});
    expect(await libraryOf(a, 4)).toHaveLength(4);

    // Another folder, not made yet: the sentence, then "Create the folder" makes it and syncs.
    const fresh = new URL('../fresh/', dav.url).href;
    await options(a);
    await fill(a, fresh, dav);
    await act(a, 'Save and sync');
    expect(await message(a)).toBe('The folder does not exist on the server (404). You can create it.');
    await act(a, 'Create the folder');
    expect(
      await until(
        () => status(a),
        (s) => s.includes('Last synced'),
      ),
    ).toContain('sent');
    const freshDir = join(dav.dataDir, 'fresh');
    expect(serverFiles(freshDir).length).toBeGreaterThan(4);

    a.page.once('dialog', (dialog) => void dialog.accept());
    await act(a, 'Remove my data from the server');
    expect(await message(a)).toBe('Your synced data was removed from the server.');
    expect(serverFiles(freshDir)).toEqual([]);
    expect(await libraryOf(a, 4)).toHaveLength(4);
    // the other folder, and the device syncing with it, are untouched
    expect(serverFiles(dav.folderDir).length).toBeGreaterThan(4);
  });
  test('a server clock three hours off says so; a damaged file on the server is skipped and said, everything else merged', async () => {
    // Firefox syncs a new article while the server's Date header is three hours ahead.
    await importBackup(b, backup(more(6, 'Story in a damaged file')));
    dav.clockOffsetMs = 3 * 3600_000;
    await syncNow(b);
    dav.clockOffsetMs = 0;
    expect(await message(b)).toBe('');
    expect(await status(b)).toContain("This device's clock is 180 minutes off the server's");
    // The batch Firefox just wrote, cut short on the server (a disk or an upload gone wrong).
    const batches = serverFiles(dav.folderDir).filter((f) => f.includes('/log/'));
    const newest = batches.sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs)[0]!;
    truncateSync(newest, Math.floor(statSync(newest).size / 2));
    // Chromium joins that folder again: the damaged file is skipped and said; the rest arrives.
    expect(await saveAndSync(a, dav)).toContain('could not be read (damaged or incomplete), skipped: 1');
    expect(await message(a)).toBe('');
    const titles = (await libraryOf(a, 4)).map((r) => r.title);
    expect(titles).toContain('Story while the disk is full');
    expect(titles).not.toContain('Story in a damaged file');
    // Nothing is lost where it was made.
    expect((await libraryOf(b, 5)).map((r) => r.title)).toContain('Story in a damaged file');
  });
});
