// @vitest-environment jsdom
// Import formats (real-looking files under tests/fixtures/import), broken files, merging, the
// JSON export → import round trip.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { article, catalogRows, dropDbs, freshDb, termRows } from './library-helpers';
import type { LibraryDB } from '@/extension/library/db';
import { parseCsv } from '@/lib/library/csv';
import { generatePocketHtml } from '@/lib/library/generate';
import { exportJson, importItems, parseImport, type ImportItem } from '@/extension/library/io';
import { pendingUrls } from '@/extension/library/store';
import { highlightsPage } from '@/extension/library/highlights-view';
import {
  getArticle,
  LibraryError,
  removeArticles,
  saveArticle,
  saveBookmark,
  setKeyPoints,
  setListening,
  setProgress,
  setRead,
  setTags,
} from '@/extension/library/store';
import { searchLibrary } from '@/extension/library/search';

afterEach(dropDbs);

const fixture = (name: string) => new TextDecoder().decode(readFileSync(`tests/fixtures/import/${name}`));
const NOW = Date.UTC(2025, 0, 1);
/** The library page reads HTML exports with DOMParser; here jsdom's, as a browser parses them. */
const { DOMParser } = new JSDOM().window;
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const parse = (text: string, name?: string) => parseImport(text, name, { parseHtml });

async function snapshot(db: LibraryDB) {
  return { a: await db.articles.toArray(), c: await db.contents.toArray(), t: await termRows(db), cat: await catalogRows(db) };
}

/** What the library page does with a chosen file. */
async function importFile(db: LibraryDB, name: string) {
  const parsed = parse(fixture(name), name);
  return importItems(db, parsed.items, { now: NOW });
}

describe('CSV reader', () => {
  test('quotes, doubled quotes, commas and line breaks in quotes, CRLF, CR, BOM, blank lines', () => {
    const rows = parseCsv('\ufeffa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\rcr,"",end');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 5, fields: ['last', '', ''] },
      { line: 6, fields: ['cr', '', 'end'] },
    ]);
  });

  test('a quoted field that never closes names the line it starts on', () => {
    expect(() => parseCsv('a,b\n1,2\n"open,3\n4,5\n')).toThrow(/line 3: a quoted field is never closed/);
  });

  test('a quote inside an unquoted field is kept', () => {
    expect(parseCsv('5" floppy,x')).toEqual([{ line: 1, fields: ['5" floppy', 'x'] }]);
  });
});

describe('import formats', () => {
  test('Pocket CSV: titles, tags split on |, read = archive, time_added in seconds, non-web rows skipped', async () => {
    const parsed = parseImport(fixture('pocket.csv'), 'pocket.csv');
    expect(parsed.kind).toBe('pocket');
    expect(parsed.skipped).toEqual([{ where: 'line 9', reason: '"about:blank" is not a web address' }]);
    expect(parsed.items).toHaveLength(6);
    expect(parsed.items[0]).toEqual({
      url: 'https://www.yna.example.co.kr/view/AKR20240705001?section=economy',
      title: '삼성전자, 2분기 영업이익 10조 원 돌파',
      tags: ['경제', '반도체'],
      savedAt: 1720152000000,
      read: false,
    });
    expect(parsed.items[1]).toMatchObject({ title: 'Why "slow news" is good for you', tags: ['media', 'long read'], read: true });
    expect(parsed.items[2]).toMatchObject({
      url: 'https://www.nytimes.example.com/interactive/2024/movies/best-movies.html',
      tags: [],
    });
    expect(parsed.items[3]).toMatchObject({ title: 'A title\r\nover two lines', read: true });
    expect(parsed.items[5]).toEqual({
      url: 'https://www.example.com/untitled-page',
      tags: [],
      savedAt: 1690000000000,
      read: false,
    });

    const db = freshDb();
    expect(await importItems(db, parsed.items, { now: NOW })).toMatchObject({ added: 6, updated: 0, unchanged: 0, kept: 0 });
    const first = await getArticle(db, 'https://www.yna.example.co.kr/view/AKR20240705001?section=economy');
    expect(first).toMatchObject({
      status: 'pending',
      savedAt: 1720152000000,
      readAt: 0,
      tags: ['경제', '반도체'],
      contentHtml: '',
      text: '',
      site: 'yna.example.co.kr',
    });
    expect((await getArticle(db, 'https://www.theatlantic.example.com/ideas/archive/2024/03/slow-news/677000/'))?.readAt).toBe(
      NOW,
    );
    expect((await getArticle(db, 'https://www.example.com/untitled-page'))?.title).toBe('https://www.example.com/untitled-page');
    expect(await pendingUrls(db)).toHaveLength(6);
    expect((await pendingUrls(db))[0]).toBe('https://www.yna.example.co.kr/view/AKR20240705001?section=economy');
    // searchable by title before the content is fetched
    expect((await searchLibrary(db, { query: '삼성' })).map((m) => m.site)).toEqual(['yna.example.co.kr']);
    expect((await searchLibrary(db, { query: '図書館' })).map((m) => m.site)).toEqual(['asahi.example.com']);
  });

  test('Pocket HTML export (ril_export.html): sections give the read state, entities decoded', () => {
    const parsed = parse(fixture('pocket-ril_export.html'), 'ril_export.html');
    expect(parsed.kind).toBe('pocket');
    expect(parsed.items).toEqual([
      {
        url: 'https://www.hani.example.co.kr/arti/economy/1140000.html',
        title: '서울 아파트값 "상승세" 계속',
        tags: ['경제', '부동산'],
        savedAt: 1716000000000,
        read: false,
      },
      {
        url: 'https://www.bbc.example.co.uk/news/technology-68000000?at_medium=RSS',
        title: 'AI & the future of work',
        tags: [],
        savedAt: 1716100000000,
        read: false,
      },
      {
        url: 'https://www.lemonde.example.fr/culture/article/2024/02/01/cafe-litteraire.html',
        title: 'Le café littéraire',
        tags: ['français'],
        savedAt: 1706745600000,
        read: true,
      },
    ]);
  });

  test('Pocket HTML export read as a browser reads HTML: entities, unquoted attributes, markup in titles, lines of skipped links', () => {
    const html = [
      '<!DOCTYPE html><html><head><title>Pocket Export</title></head><body>',
      '<h1>Unread</h1><ul>',
      '<!-- <a href="https://commented.example.com/" time_added="1">not a link</a> -->',
      '<li><a href=https://a.example.com/1?x=1&amp;y=2 time_added=1716000000 tags="one,&#xD55C;&#xAE00;">Caf&eacute; &#x1F600; <b>bold</b><script>alert(1)</script></a></li>',
      '<li><a name="top">an anchor, not a link</a></li>',
      '<li><a href="javascript:alert(1)" time_added="1716000001">bad</a></li>',
      '</ul><h1>Read Archive</h1><ul>',
      '<li><a href="https://b.example.com/2" time_added="1716000002" tags="">https://b.example.com/2</a></li>',
      '</ul></body></html>',
    ].join('\n');
    const parsed = parse(html, 'ril_export.html');
    expect(parsed.items).toEqual([
      {
        url: 'https://a.example.com/1?x=1&y=2',
        title: 'Café 😀 boldalert(1)',
        tags: ['one', '한글'],
        savedAt: 1716000000000,
        read: false,
      },
      { url: 'https://b.example.com/2', tags: [], savedAt: 1716000002000, read: true },
    ]);
    expect(parsed.skipped).toEqual([{ where: 'line 6', reason: '"javascript:alert(1)" is not a web address' }]);
    expect(() => parse(html.replace('time_added="1716000002"', 'time_added="yesterday"'), 'ril_export.html')).toThrow(
      /line 8: time_added "yesterday" is not a Unix time/,
    );
  });

  test('a generated Pocket export of 500 links reads back whole (bench:library times 10,000)', () => {
    const parsed = parse(generatePocketHtml(500, 5), 'ril_export.html');
    expect(parsed.items).toHaveLength(500);
    expect(parsed.skipped).toEqual([]);
    const read = parsed.items.filter((i) => i.read).length;
    expect(read).toBeGreaterThan(120);
    expect(read).toBeLessThan(230);
    expect(parsed.items.every((i) => i.savedAt! > 1.5e12 && !/&amp;|utm_/.test(i.url) && !i.title?.includes('&amp;'))).toBe(true);
    expect(parsed.items.some((i) => i.title?.endsWith(' & more'))).toBe(true);
  });

  test('Instapaper CSV: BOM, Archive = read, other folders become tags, selection kept as excerpt, duplicates merged', async () => {
    const parsed = parseImport(fixture('instapaper.csv'), 'instapaper.csv');
    expect(parsed.kind).toBe('instapaper');
    expect(parsed.items).toHaveLength(5);
    expect(parsed.items[1]).toEqual({
      url: 'https://www.chosun.example.com/national/2024/04/20/ABCDEF/',
      title: '의대 증원, 정부와 의료계 "평행선"',
      excerpt: '정부는 20일 의대 정원을 늘리겠다고 밝혔다.',
      tags: [],
      savedAt: 1713600000000,
      read: true,
    });
    expect(parsed.items[2]).toMatchObject({ tags: ['Starred'], read: false });
    expect(parsed.items[3]).toMatchObject({ tags: ['Korea & Japan'] });

    const db = freshDb();
    // the same article twice (once unread, once archived, #fragment): one row, read
    expect(await importItems(db, parsed.items, { now: NOW })).toMatchObject({ added: 4, updated: 0, unchanged: 0, kept: 0 });
    expect(await getArticle(db, 'https://www.wired.example.com/story/quantum-computing-explained/')).toMatchObject({
      readAt: NOW,
      savedAt: 1714000000000,
    });
    // the selection is searchable
    expect((await searchLibrary(db, { query: '정원' })).map((m) => m.site)).toEqual(['chosun.example.com']);

    const withTags = parseImport(fixture('instapaper-tags.csv'));
    expect(withTags.items.map((i) => [i.tags, i.read])).toEqual([
      [['tech', 'phones'], false],
      [[], true],
    ]);
  });

  test('Instapaper CSV: each Selection comes in as a highlight of its article, once however often it is imported', async () => {
    const parsed = parseImport(fixture('instapaper.csv'), 'instapaper.csv');
    const chosun = 'https://www.chosun.example.com/national/2024/04/20/ABCDEF/';
    expect(parsed.highlights?.map((h) => [h.article, h.selectors[0].exact, h.color, h.note, h.createdAt])).toEqual([
      [chosun, '정부는 20일 의대 정원을 늘리겠다고 밝혔다.', 'yellow', '', 1713600000000],
    ]);
    const db = freshDb();
    for (let i = 0; i < 2; i++) {
      const again = parseImport(fixture('instapaper.csv'), 'instapaper.csv');
      const r = await importItems(db, again.items, { now: NOW, highlights: again.highlights });
      expect(r.highlights).toEqual({ written: 1, missing: 0 });
    }
    const view = await highlightsPage(db, {}, 10);
    expect(view.entries.map((e) => [e.meta.title, e.highlight.selectors[0].exact])).toEqual([
      ['의대 증원, 정부와 의료계 "평행선"', '정부는 20일 의대 정원을 늘리겠다고 밝혔다.'],
    ]);
    // a file without the column (older exports) brings none
    expect(parseImport('URL,Title,Folder,Timestamp\nhttps://a.example/x,X,Unread,1714000000\n').highlights).toBeUndefined();
  });

  test('a list of URLs: comments and blank lines ignored, canonicalised, merged', async () => {
    const parsed = parseImport(fixture('urls.txt'), 'urls.txt');
    expect(parsed.kind).toBe('urls');
    expect(parsed.items.map((i) => i.url)).toEqual([
      'https://www.economist.example.com/briefing/2024/05/02/the-chip-war',
      'https://news.example.co.kr/articles/2024/05/03/%EC%82%BC%EC%84%B1-%EB%B0%98%EB%8F%84%EC%B2%B4',
      'https://www.example.org/a?id=7',
      'https://www.economist.example.com/briefing/2024/05/02/the-chip-war',
    ]);
    const db = freshDb();
    expect(await importItems(db, parsed.items, { now: NOW })).toMatchObject({ added: 3, updated: 0, unchanged: 0, kept: 0 });
    expect(await getArticle(db, 'https://www.example.org/a?id=7')).toMatchObject({
      status: 'pending',
      savedAt: NOW,
      updatedAt: NOW,
      title: 'https://www.example.org/a?id=7',
    });
  });

  test('our JSON backup: every field', async () => {
    const parsed = parseImport(fixture('backup.json'), 'backup.json');
    expect(parsed.kind).toBe('json');
    const original = JSON.parse(fixture('backup.json')).articles;
    expect(parsed.items.map((i) => i.article)).toEqual(original);
    const db = freshDb();
    expect(await importItems(db, parsed.items, { now: NOW })).toMatchObject({ added: 3, updated: 0, unchanged: 0, kept: 0 });
    expect(await getArticle(db, original[0].url)).toEqual(original[0]);
    expect(await pendingUrls(db)).toEqual(['https://old.example.net/pending']);
  });

  test('importing the same file twice changes nothing the second time', async () => {
    const db = freshDb();
    for (const name of ['backup.json', 'pocket.csv', 'pocket-ril_export.html', 'instapaper.csv', 'urls.txt']) {
      const first = await importFile(db, name);
      expect(first.added).toBeGreaterThan(0);
      const before = await snapshot(db);
      const again = await importFile(db, name);
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: first.added + first.updated + first.unchanged, kept: 0 });
      expect(await snapshot(db)).toEqual(before);
    }
  });
});

describe('broken and foreign files: a clear message and nothing written', () => {
  test.each([
    ['empty.txt', /empty/],
    ['broken-truncated.json', /not valid JSON \(is the file complete\?\)/],
    ['broken-foreign.json', /not a Reading Assistant library backup/],
    ['broken-newer-version.json', /newer version of the extension \(format version 2\)/],
    [
      'broken-wrong-header.csv',
      /line 1: this CSV's columns \(book id, title, author.*neither a Pocket export.*nor an Instapaper export/,
    ],
    ['broken-unclosed-quote.csv', /malformed: line 3: a quoted field is never closed/],
    ['broken-short-row.csv', /line 3: expected 5 fields like the header, found 4/],
    ['broken-bad-time.csv', /line 2: time_added "last tuesday" is not a Unix time/],
    ['broken-prose.txt', /line 1: "Dear diary,".*not a file we can import/],
    ['broken-urls.txt', /line 3: "ftp:\/\/example.com\/c" is not a web address/],
    ['broken-other.html', /not a Pocket export/],
    ['broken-garbage.bin', /not a text file/],
  ])('%s', async (name, message) => {
    const db = freshDb();
    await importFile(db, 'backup.json');
    const before = await snapshot(db);
    const err = await importFile(db, name).catch((e) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect(err.code).toBe('invalid-file');
    expect(err.message).toMatch(message);
    expect(err.message).toContain(`"${name}"`);
    expect(await snapshot(db)).toEqual(before);
  });

  test('a backup with one bad article: the others are imported, the bad one is listed with its reason', async () => {
    const db = freshDb();
    const parsed = parseImport(fixture('one-bad-article.json'), 'one-bad-article.json');
    expect(parsed.skipped).toEqual([{ where: 'article 2', reason: '"savedAt" must be a number ≥ 0' }]);
    expect(await importItems(db, parsed.items, { now: NOW })).toMatchObject({ added: 2 });
  });

  test('whitespace only, and a JSON array, are refused too', () => {
    expect(() => parseImport(' \n\r\n\t')).toThrow(/empty/);
    expect(() => parseImport('[{"url":"https://example.com/"}]')).toThrow(/not a Reading Assistant library backup/);
    expect(() => parseImport('{"format":"reading-assistant-library","version":1}')).toThrow(/no "articles" list/);
    expect(() =>
      parseImport('{"format":"reading-assistant-library","version":1,"articles":[{"url":"javascript:alert(1)","savedAt":1}]}'),
    ).toThrow(/article 1: "url" is not a web address/);
    expect(() =>
      parseImport(
        '{"format":"reading-assistant-library","version":1,"articles":[{"url":"https://a.example.com/","savedAt":1,"status":"constructor"}]}',
      ),
    ).toThrow(/article 1: "status" must be "full", "bookmark" or "pending"/);
  });

  test('importItems is all or nothing: one bad item, or a failing write, leaves the library as it was', async () => {
    const db = freshDb();
    await importFile(db, 'backup.json');
    const before = await snapshot(db);
    const items: ImportItem[] = [{ url: 'https://fine.example.com/1' }, { url: 'file:///etc/passwd' }];
    await expect(importItems(db, items)).rejects.toMatchObject({ code: 'invalid-file' });
    expect(await snapshot(db)).toEqual(before);

    db.close();
    const failing = new (db.constructor as typeof import('@/extension/library/db').LibraryDB)(db.name);
    failing.use({
      stack: 'dbcore',
      name: 'fail-terms',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return name === 'terms' ? { ...t, mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) } : t;
        },
      }),
    });
    const parsed = parseImport(fixture('pocket.csv'));
    await expect(importItems(failing, parsed.items)).rejects.toMatchObject({ code: 'quota' });
    failing.close();
    await db.open();
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('merging: nothing lost, nothing duplicated', () => {
  const url = 'https://news.example.com/2024/05/story';

  test('a Pocket row for a saved article adds its tags and read state, keeps the content and the earlier savedAt', async () => {
    const db = freshDb();
    await saveArticle(db, article(), { pageUrl: url, now: NOW });
    await setTags(db, url, ['mine']);
    const r = await importItems(
      db,
      [{ url: `${url}#frag`, title: 'Pocket title', tags: ['pocket', 'MINE'], savedAt: NOW - 1000, read: true }],
      { now: NOW + 5 },
    );
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 0, kept: 0 });
    expect(await getArticle(db, url)).toMatchObject({
      status: 'full',
      title: 'A story',
      tags: ['mine', 'pocket'],
      savedAt: NOW - 1000,
      readAt: NOW + 5,
      text: article().text,
    });
  });

  test('a differing copy in a backup, newer or older, never replaces the saved one unless the user chooses to replace it', async () => {
    const db = freshDb();
    await saveArticle(db, article({ text: 'Current text.' }), { pageUrl: url, now: NOW });
    await setProgress(db, url, 0.6);
    const current = (await getArticle(db, url))!;
    const before = await snapshot(db);
    const older = {
      ...current,
      text: 'Old text.',
      contentHtml: '<p>Old text.</p>',
      updatedAt: NOW - 10,
      progress: 0.9,
      tags: ['old'],
    };
    const newer = {
      ...current,
      title: 'Corrected',
      text: 'Corrected text.',
      contentHtml: '<p>Corrected text.</p>',
      updatedAt: NOW + 10,
    };
    for (const copy of [older, newer]) {
      const r = await importItems(db, [{ url, article: copy }], { now: NOW + 20 });
      expect(r).toMatchObject({ added: 0, updated: 0, unchanged: 0, kept: 1, keptUrls: [url], undo: [] });
      expect(await snapshot(db)).toEqual(before);
    }

    // The user chooses "Replace my copies": the content is taken, reading state and tags merged.
    await setRead(db, url, true, { now: NOW + 1 });
    const r = await importItems(db, [{ url, article: { ...newer, progress: 0.1, readAt: 0, tags: ['new'] } }], {
      now: NOW + 20,
      replace: true,
    });
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 0, kept: 0 });
    expect(await getArticle(db, url)).toMatchObject({
      title: 'Corrected',
      text: 'Corrected text.',
      progress: 0.6,
      readAt: NOW + 1,
      tags: ['new'],
    });
    expect((await searchLibrary(db, { query: 'corrected' })).map((m) => m.url)).toEqual([url]);
    expect(await searchLibrary(db, { query: 'current' })).toEqual([]);
  });

  test('the same copy again, with other dates or more tags, is merged without a conflict', async () => {
    const db = freshDb();
    await saveArticle(db, article({ text: 'Same text.' }), { pageUrl: url, now: NOW });
    const current = (await getArticle(db, url))!;
    const r = await importItems(
      db,
      [{ url, article: { ...current, updatedAt: NOW + 99, tags: ['from-backup'], readAt: NOW + 5 } }],
      {
        now: NOW + 100,
      },
    );
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 0, kept: 0 });
    expect(await getArticle(db, url)).toMatchObject({
      text: 'Same text.',
      updatedAt: NOW,
      tags: ['from-backup'],
      readAt: NOW + 5,
    });
  });

  test('a pending or bookmark entry never replaces a full article, whatever its date', async () => {
    const db = freshDb();
    await saveArticle(db, article({ text: 'Full text.' }), { pageUrl: url, now: NOW });
    const full = (await getArticle(db, url))!;
    const pending = { ...full, status: 'pending' as const, text: '', contentHtml: '', updatedAt: NOW + 100 };
    const bookmark = { ...full, status: 'bookmark' as const, text: '', contentHtml: '', updatedAt: NOW + 100 };
    expect(
      await importItems(db, [
        { url, article: pending },
        { url, article: bookmark },
      ]),
    ).toMatchObject({ added: 0, updated: 0, unchanged: 1, kept: 0 });
    expect((await getArticle(db, url))?.text).toBe('Full text.');
  });

  test('a full article from a backup completes a pending entry, keeping its tags and read state', async () => {
    const db = freshDb();
    await importItems(db, [{ url, title: 'From Pocket', tags: ['pocket'], savedAt: NOW - 5000, read: true }], { now: NOW });
    await saveArticle(db, article({ text: 'Fetched later.' }), { pageUrl: url, now: NOW + 1 });
    expect(await getArticle(db, url)).toMatchObject({
      status: 'full',
      tags: ['pocket'],
      readAt: NOW,
      savedAt: NOW - 5000,
      text: 'Fetched later.',
    });
    expect(await pendingUrls(db)).toEqual([]);
  });

  test('a bookmark fills a pending entry without losing what the import knew', async () => {
    const db = freshDb();
    await importItems(db, [{ url, title: 'From Instapaper', excerpt: 'Highlighted words', tags: ['x'] }], { now: NOW });
    await saveBookmark(db, { url, title: '' }, { now: NOW + 1 });
    expect(await getArticle(db, url)).toMatchObject({
      status: 'bookmark',
      title: 'From Instapaper',
      excerpt: 'Highlighted words',
      tags: ['x'],
    });
  });

  test('a later title for a pending entry replaces the address used as its title', async () => {
    const db = freshDb();
    await importItems(db, [{ url }], { now: NOW });
    expect(await importItems(db, [{ url, title: 'Real title' }], { now: NOW })).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 0,
      kept: 0,
    });
    expect((await getArticle(db, url))?.title).toBe('Real title');
    expect((await searchLibrary(db, { query: 'real title' })).map((m) => m.url)).toEqual([url]);
  });
});

describe('JSON export', () => {
  test('versioned, newest first, every field; export → import into a fresh library → export is identical', async () => {
    const db = freshDb();
    await saveArticle(
      db,
      article({ title: '삼성전자는 반도체를', text: '삼성전자는 반도체를 만든다.\n\n두 번째 문단.', lang: 'ko' }),
      { pageUrl: 'https://news.example.com/2024/05/story?x=1', now: NOW },
    );
    await saveArticle(
      db,
      article({ url: 'https://blog.example.org/rtl', title: 'مرحبا', dir: 'rtl', lang: 'ar', byline: null, text: 'نص' }),
      { pageUrl: 'https://blog.example.org/rtl', now: NOW + 1 },
    );
    await saveBookmark(db, { url: 'https://shop.example.com/', title: 'Shop', excerpt: 'Sale' }, { now: NOW + 2 });
    await importFile(db, 'pocket.csv');
    await setTags(db, 'https://news.example.com/2024/05/story', ['경제', 'Tech']);
    await setRead(db, 'https://blog.example.org/rtl', true, { now: NOW + 3 });
    await setProgress(db, 'https://news.example.com/2024/05/story', 0.33);

    const json = await exportJson(db, { now: NOW + 10 });
    const data = JSON.parse(json);
    expect(data).toMatchObject({ format: 'reading-assistant-library', version: 1, exportedAt: new Date(NOW + 10).toISOString() });
    expect(data.articles).toHaveLength(9);
    expect(data.articles.map((a: { savedAt: number }) => a.savedAt)).toEqual(
      [...data.articles.map((a: { savedAt: number }) => a.savedAt)].sort((a, b) => b - a),
    );
    expect(Object.keys(data.articles[0]).sort()).toEqual(
      [
        'url',
        'pageUrl',
        'title',
        'byline',
        'siteName',
        'site',
        'lang',
        'dir',
        'publishedTime',
        'excerpt',
        'leadImage',
        'wordCount',
        'readingMinutes',
        'status',
        'savedAt',
        'updatedAt',
        'readAt',
        'progress',
        'tags',
        'contentHtml',
        'text',
      ].sort(),
    );

    const fresh = freshDb();
    const parsed = parseImport(json, 'backup.json');
    expect(await importItems(fresh, parsed.items)).toMatchObject({ added: 9, updated: 0, unchanged: 0, kept: 0 });
    const again = JSON.parse(await exportJson(fresh, { now: NOW + 99 }));
    expect({ ...again, exportedAt: null }).toEqual({ ...data, exportedAt: null });
    expect(await snapshot(fresh)).toEqual(await snapshot(db));
  });

  test("read-aloud's place comes back from a backup: into a fresh library, and into a copy of the same text never listened to", async () => {
    const url = 'https://news.example.com/2024/05/story';
    const db = freshDb();
    await saveArticle(db, article({ text: 'One. Two. Three.' }), { pageUrl: url, now: NOW });
    await setListening(db, url, 7);
    const points = { of: '3:abc', engine: 'extractive' as const, points: [{ text: 'Two.', source: 1 }] };
    await setKeyPoints(db, url, points);
    const json = await exportJson(db, { now: NOW });
    expect(JSON.parse(json).articles[0].listening).toBe(7);

    const fresh = freshDb();
    expect(await importItems(fresh, parseImport(json).items, { now: NOW })).toMatchObject({ added: 1 });
    expect((await getArticle(fresh, url))?.listening).toBe(7);
    // The key points made of it come back too (checked: plain text, a sentence number or none).
    expect((await getArticle(fresh, url))?.keyPoints).toEqual(points);
    const data0 = JSON.parse(json);
    const odd = { ...data0.articles[0], keyPoints: { ...points, points: [{ text: 'Two.', source: 'x' }] } };
    const [read] = parseImport(JSON.stringify({ ...data0, articles: [odd] })).items;
    expect(read?.article?.keyPoints?.points).toEqual([{ text: 'Two.', source: null }]);

    // The same article saved elsewhere and never listened to: the backup's place is taken.
    const other = freshDb();
    await saveArticle(other, article({ text: 'One. Two. Three.' }), { pageUrl: url, now: NOW });
    expect(await importItems(other, parseImport(json).items, { now: NOW })).toMatchObject({ updated: 1 });
    expect((await getArticle(other, url))?.listening).toBe(7);
    // A place of its own stays (it is where this reader stopped).
    await setListening(other, url, 2);
    expect(await importItems(other, parseImport(json).items, { now: NOW })).toMatchObject({ unchanged: 1 });
    expect((await getArticle(other, url))?.listening).toBe(2);

    // A place that is no sentence number refuses its article, with the reason.
    const data = JSON.parse(json);
    const bad = (listening: unknown) => JSON.stringify({ ...data, articles: [{ ...data.articles[0], listening }] });
    for (const value of [-1, 2.5, '3']) expect(() => parseImport(bad(value))).toThrow(/article 1: "listening" must be/);
  });

  test('an empty library exports an empty list that imports as nothing', async () => {
    const db = freshDb();
    const json = await exportJson(db, { now: NOW });
    expect(JSON.parse(json)).toEqual({
      format: 'reading-assistant-library',
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      articles: [],
    });
    expect(parseImport(json).items).toEqual([]);
  });

  test('removed articles are not exported; restored ones are', async () => {
    const db = freshDb();
    await saveArticle(db, article(), { pageUrl: 'https://news.example.com/2024/05/story', now: NOW });
    const json = await exportJson(db, { now: NOW });
    const gone = await removeArticles(db, ['https://news.example.com/2024/05/story']);
    expect(JSON.parse(await exportJson(db)).articles).toEqual([]);
    await importItems(
      db,
      gone.map((a) => ({ url: a.url, article: a })),
    );
    expect(await exportJson(db, { now: NOW })).toBe(json);
  });
});
