// @vitest-environment jsdom
// Hostile and careless imports (issue 21): an import never destroys what the reader saved, dates
// from the future or the distant past are clamped, every field of a backup is checked (one bad
// article is left out, not the whole file), an import can be undone exactly, and a write that hits
// the storage quota leaves the library as it was and succeeds when tried again.
import { article, catalogRows, dropDbs, freshDb, termRows } from './library-helpers';
import type { LibraryDB } from '@/extension/library/db';
import { exportJson, importItems, parseImport } from '@/extension/library/io';
import { searchLibrary } from '@/extension/library/search';
import { getArticle, LibraryError, saveArticle, setRead, setTags, undoMerges } from '@/extension/library/store';
import { EARLIEST_TIME } from '@/lib/library/records';
import type { SavedArticle } from '@/lib/library/types';

afterEach(dropDbs);

const NOW = Date.UTC(2026, 0, 15);
const YEAR_2999 = Date.UTC(2999, 0, 1);
const url = 'https://news.example.co.kr/2026/01/story';

const backup = (articles: unknown[]) =>
  JSON.stringify({ format: 'reading-assistant-library', version: 1, exportedAt: new Date(NOW).toISOString(), articles });

/** The article and content tables as stored, in key order (what "byte for byte" compares). */
async function rows(db: LibraryDB) {
  return JSON.stringify({ a: await db.articles.toArray(), c: await db.contents.toArray() });
}

async function saveLocal(db: LibraryDB): Promise<SavedArticle> {
  await saveArticle(db, article({ url, title: '내가 저장한 제목', text: '내가 저장한 본문입니다.' }), {
    pageUrl: url,
    now: NOW - 1000,
  });
  await setTags(db, url, ['mine']);
  return (await getArticle(db, url))!;
}

describe('an import never replaces a saved copy the reader did not choose to replace', () => {
  test('a backup of the same URL with another title and text, updatedAt in 2999: the local copy stays, the summary says so', async () => {
    const db = freshDb();
    const local = await saveLocal(db);
    const before = await rows(db);
    const parsed = parseImport(
      backup([
        {
          ...local,
          title: 'Imported title',
          text: 'Imported text that would replace mine.',
          contentHtml: '<p>Imported text that would replace mine.</p>',
          updatedAt: YEAR_2999,
          savedAt: YEAR_2999,
        },
        {
          ...local,
          url: 'https://other.example.com/new',
          title: 'A new one',
          text: 'New.',
          contentHtml: '<p>New.</p>',
          updatedAt: YEAR_2999,
          savedAt: YEAR_2999,
        },
      ]),
    );
    const r = await importItems(db, parsed.items, { now: NOW });
    expect(r).toMatchObject({ added: 1, updated: 0, unchanged: 0, kept: 1, keptUrls: [url] });
    expect(await getArticle(db, url)).toEqual(local);
    // only the new article was written
    const after = JSON.parse(await rows(db));
    expect(after.a.filter((a: { url: string }) => a.url === url)).toEqual(JSON.parse(before).a);
    // and its dates are today, not 2999
    expect(await getArticle(db, 'https://other.example.com/new')).toMatchObject({ savedAt: NOW, updatedAt: NOW });
    expect((await searchLibrary(db, { query: '저장한' })).map((m) => m.url)).toEqual([url]);
    expect(await searchLibrary(db, { query: 'imported' })).toEqual([]);
  });

  test('replacing then undoing: the import and the replace are undone together, byte for byte', async () => {
    const db = freshDb();
    const local = await saveLocal(db);
    await saveArticle(db, article({ url: 'https://b.example.com/1', title: 'Bookmarkish', text: 'Other text.' }), {
      pageUrl: 'https://b.example.com/1',
      now: NOW - 500,
    });
    const before = await rows(db);
    const beforeIndex = { t: await termRows(db), cat: (await catalogRows(db)).map((e) => e.url) };
    const parsed = parseImport(
      backup([
        { ...local, title: 'Imported title', text: 'Imported text.', contentHtml: '<p>Imported text.</p>', updatedAt: YEAR_2999 },
        {
          ...local,
          url: 'https://b.example.com/1',
          title: 'Bookmarkish',
          text: 'Other text.',
          tags: ['added-tag'],
          readAt: NOW - 5,
        },
        { ...local, url: 'https://c.example.com/new', title: 'New', savedAt: NOW - 10 },
      ]),
    );
    const first = await importItems(db, parsed.items, { now: NOW });
    expect(first).toMatchObject({ added: 1, updated: 1, kept: 1 });
    const replaced = await importItems(
      db,
      parsed.items.filter((i) => first.keptUrls.includes(i.url)),
      { now: NOW, replace: true },
    );
    expect(replaced).toMatchObject({ updated: 1, kept: 0 });
    expect((await getArticle(db, url))?.title).toBe('Imported title');
    expect((await getArticle(db, url))?.updatedAt).toBe(NOW); // 2999 clamped

    await undoMerges(db, [...first.undo, ...replaced.undo]);
    expect(await rows(db)).toBe(before);
    expect({ t: await termRows(db), cat: (await catalogRows(db)).map((e) => e.url) }).toEqual(beforeIndex);
    expect((await searchLibrary(db, { query: '저장한' })).map((m) => m.url)).toEqual([url]);
    expect(await searchLibrary(db, { query: 'imported' })).toEqual([]);
  });

  test('a bookmark gets the text a backup holds; reading state only grows', async () => {
    const db = freshDb();
    await importItems(db, [{ url, title: 'From Pocket', tags: ['pocket'] }], { now: NOW - 100 });
    await setRead(db, url, true, { now: NOW - 50 });
    const full = {
      ...article({ url }),
      url,
      pageUrl: url,
      site: '',
      status: 'full',
      savedAt: NOW - 10,
      updatedAt: NOW - 10,
      readAt: 0,
      progress: 0.4,
      tags: [],
    };
    const r = await importItems(db, parseImport(backup([full])).items, { now: NOW });
    expect(r).toMatchObject({ updated: 1, kept: 0 });
    expect(await getArticle(db, url)).toMatchObject({
      status: 'full',
      text: full.text,
      readAt: NOW - 50,
      progress: 0.4,
      tags: ['pocket'],
    });
  });
});

describe('dates are clamped', () => {
  test('the future becomes now, before 1990 becomes 1990, unread stays unread (backups and CSV exports)', async () => {
    const db = freshDb();
    const a = { ...article({ url }), url, pageUrl: url, site: '', status: 'full', tags: [] };
    const parsed = parseImport(
      backup([
        { ...a, savedAt: YEAR_2999, updatedAt: 8.64e15, readAt: YEAR_2999, progress: 7 },
        { ...a, url: 'https://old.example.com/', savedAt: 5, updatedAt: 0, readAt: 0, progress: 0 },
      ]),
    );
    await importItems(db, parsed.items, { now: NOW });
    expect(await getArticle(db, url)).toMatchObject({ savedAt: NOW, updatedAt: NOW, readAt: NOW, progress: 1 });
    expect(await getArticle(db, 'https://old.example.com/')).toMatchObject({
      savedAt: EARLIEST_TIME,
      updatedAt: EARLIEST_TIME,
      readAt: 0,
    });

    const csv =
      'title,url,time_added,tags,status\nFuture,https://future.example.com/,32503680000,,unread\nZero,https://zero.example.com/,0,,archive\n';
    await importItems(db, parseImport(csv).items, { now: NOW });
    expect(await getArticle(db, 'https://future.example.com/')).toMatchObject({ savedAt: NOW });
    expect(await getArticle(db, 'https://zero.example.com/')).toMatchObject({ savedAt: EARLIEST_TIME, readAt: NOW });
    // a date in 2999 does not sort first
    expect(JSON.parse(await exportJson(db, { now: NOW })).articles.every((x: SavedArticle) => x.savedAt <= NOW)).toBe(true);
  });
});

describe('every field of a backup is checked', () => {
  const good = {
    url: 'https://good.example.com/a',
    pageUrl: 'https://m.good.example.com/a',
    title: 'Good',
    savedAt: NOW - 1,
    text: 'Good text.',
    contentHtml: '<p>Good text.</p>',
  };

  test('bad articles are left out and listed, the good ones imported, unknown fields dropped, HTML sanitized', async () => {
    const db = freshDb();
    const parsed = parseImport(
      backup([
        good,
        { ...good, url: 'https://bad.example.com/1', pageUrl: 'javascript:window.__canary=1' },
        { ...good, url: 'https://bad.example.com/2', title: 'x'.repeat(5000) },
        { ...good, url: 'https://bad.example.com/3', wordCount: -1 },
        { ...good, url: 'https://bad.example.com/4', tags: 'not-a-list' },
        { ...good, url: 'https://bad.example.com/5', readAt: '2024-01-01' },
        { ...good, url: 'https://bad.example.com/6', pageUrl: 'data:text/html,<script>1</script>' },
        {
          ...good,
          url: 'https://cleaned.example.com/',
          pageUrl: undefined,
          leadImage: 'javascript:alert(1)',
          lang: '"><script>',
          publishedTime: 'not a date',
          progress: 3,
          evil: '<script>',
          __proto__: { polluted: true },
          contentHtml:
            '<p>Kept.</p><script>window.__canary=1</script><img src="x" onerror="window.__canary=1"><a href="javascript:window.__canary=1">x</a>',
        },
      ]),
      'backup.json',
    );
    expect(parsed.skipped).toEqual([
      { where: 'article 2', reason: '"pageUrl" is not a web address (http or https)' },
      { where: 'article 3', reason: '"title" is longer than 2000 characters' },
      { where: 'article 4', reason: '"wordCount" must be a number ≥ 0' },
      { where: 'article 5', reason: '"tags" must be a list of text' },
      { where: 'article 6', reason: '"readAt" must be a number ≥ 0' },
      { where: 'article 7', reason: '"pageUrl" is not a web address (http or https)' },
    ]);
    expect(await importItems(db, parsed.items, { now: NOW })).toMatchObject({ added: 2 });
    expect(await getArticle(db, good.url)).toMatchObject({ pageUrl: good.pageUrl, title: 'Good' });
    const cleaned = (await db.articles.get('https://cleaned.example.com/'))!;
    expect(cleaned).toMatchObject({
      leadImage: null,
      lang: null,
      publishedTime: null,
      progress: 1,
      pageUrl: 'https://cleaned.example.com/',
    });
    expect(Object.keys(cleaned)).not.toContain('evil');
    const html = (await db.contents.get('https://cleaned.example.com/'))!.contentHtml;
    expect(html).toContain('<p>Kept.</p>');
    expect(html).not.toMatch(/script|onerror|javascript:/i);
  });

  test('a backup in which no article is valid is refused whole, and nothing is written', async () => {
    const db = freshDb();
    await saveLocal(db);
    const before = await rows(db);
    const err = (() => {
      try {
        parseImport(backup([{ ...good, pageUrl: 'javascript:alert(1)' }]), 'bad.json');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as LibraryError).message).toBe(
      '"bad.json": No article in the backup is valid (article 1: "pageUrl" is not a web address (http or https)).',
    );
    expect(await rows(db)).toBe(before);
  });

  test('HTML is sanitized where it is written: each new article once, a copy kept out only when the reader replaces theirs, a backup imported again not at all', async () => {
    const db = freshDb();
    const local = await saveLocal(db);
    const hostile = '<p>Theirs.</p><img src="x" onerror="window.__canary=1">';
    const file = backup([
      { ...good, url: 'https://good.example.com/b', contentHtml: hostile },
      { ...good, url: 'https://good.example.com/c' },
      { ...local, title: 'Their title', text: 'Their text.', contentHtml: hostile },
    ]);
    const seen: string[] = [];
    const sanitize = (html: string) => (seen.push(html), html.replace(/ onerror="[^"]*"/g, ''));
    const parsed = parseImport(file, 'backup.json', { sanitize });
    expect(seen).toEqual([]);
    const first = await importItems(db, parsed.items, { now: NOW });
    expect(first).toMatchObject({ added: 2, kept: 1 });
    expect(seen).toEqual([hostile, good.contentHtml]);
    expect((await db.contents.get('https://good.example.com/b'))!.contentHtml).toBe('<p>Theirs.</p><img src="x">');
    expect((await getArticle(db, url))!.contentHtml).toBe(local.contentHtml);

    const kept = parsed.items.filter((i) => first.keptUrls.includes(i.url));
    expect(await importItems(db, kept, { now: NOW, replace: true })).toMatchObject({ updated: 1 });
    expect(seen).toHaveLength(3);
    expect((await getArticle(db, url))!.contentHtml).toBe('<p>Theirs.</p><img src="x">');

    const again = parseImport(await exportJson(db, { now: NOW }), 'backup.json', { sanitize });
    expect(await importItems(db, again.items, { now: NOW })).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(seen).toHaveLength(3);
  });
});

describe('quota: a failed write leaves the library as it was, says so, and a retry after freeing space succeeds', () => {
  /** A library whose writes fail with QuotaExceededError while `full.on` is set. */
  function fillableDb(name: string, full: { on: boolean }): LibraryDB {
    const db = new (freshDb().constructor as typeof LibraryDB)(name);
    db.use({
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table: (t) => {
          const table = down.table(t);
          return {
            ...table,
            mutate: (req) =>
              full.on && t === 'terms' ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : table.mutate(req),
          };
        },
      }),
    });
    return db;
  }

  test.each(['import', 'save'])('%s', async (kind) => {
    const full = { on: false };
    const db = fillableDb(`quota-${kind}-${Date.now()}`, full);
    await saveLocal(db);
    const before = await rows(db);
    full.on = true;
    const write = () =>
      kind === 'import'
        ? importItems(
            db,
            parseImport(backup([{ url: 'https://new.example.com/', savedAt: NOW, title: 'New', text: 'New text.' }])).items,
            {
              now: NOW,
            },
          )
        : saveArticle(db, article({ url: 'https://new.example.com/', title: 'New' }), {
            pageUrl: 'https://new.example.com/',
            now: NOW,
          });
    const err = await write().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as LibraryError).code).toBe('quota');
    // one sentence that says nothing was written
    expect((err as LibraryError).message).toMatch(/^[^.]*nothing of this change was written[^.]*\.$/);
    expect(await rows(db)).toBe(before);

    full.on = false; // space freed
    await write();
    expect((await getArticle(db, 'https://new.example.com/'))?.title).toBe('New');
    expect((await getArticle(db, url))?.title).toBe('내가 저장한 제목');
    await db.delete();
  });
});
