// @vitest-environment node
// The library's orders (newest, oldest, longest, least read) and "Continue reading" (5-95 % read).
import 'fake-indexeddb/auto';
import { article, dropDbs, freshDb } from './library-helpers';
import { continueReading, listUrls, openingUrls, saveArticle, setProgress, setRead } from '@/extension/library/store';
import { LibraryDB } from '@/extension/library/db';
import { CATALOG_KEY } from '@/extension/library/schema';

afterEach(dropDbs);

const U = (n: number) => `https://news.example.com/${n}`;

async function library() {
  const db = freshDb('sort');
  const words = [300, 1200, 50, 800];
  for (let i = 0; i < words.length; i++) {
    const text = Array.from({ length: words[i]! }, (_, k) => `word${k}`).join(' ');
    await saveArticle(db, article({ url: U(i), title: `Story ${i}`, text }), {
      pageUrl: U(i),
      now: 1_700_000_000_000 + i * 1000,
    });
  }
  await setProgress(db, U(0), 0.5);
  await setProgress(db, U(1), 0.02);
  await setProgress(db, U(2), 0.97);
  await setRead(db, U(3), true);
  return db;
}

test('newest, oldest, longest and least read first', async () => {
  const db = await library();
  expect(await listUrls(db)).toEqual([U(3), U(2), U(1), U(0)]);
  expect(await listUrls(db, { sort: 'oldest' })).toEqual([U(0), U(1), U(2), U(3)]);
  expect(await listUrls(db, { sort: 'longest' })).toEqual([U(1), U(3), U(0), U(2)]);
  // unread by progress, then the ones marked read
  expect(await listUrls(db, { sort: 'least-read' })).toEqual([U(1), U(0), U(2), U(3)]);
  // with a filter: the order applies to what it keeps
  expect(await listUrls(db, { sort: 'oldest', read: 'unread' })).toEqual([U(0), U(1), U(2)]);
});

test('"Continue reading": begun and not finished, not marked read', async () => {
  const db = await library();
  expect((await continueReading(db)).map((m) => m.url)).toEqual([U(0)]);
  await setProgress(db, U(1), 0.3);
  expect((await continueReading(db)).map((m) => m.url)).toEqual([U(1), U(0)]);
  await setRead(db, U(1), true);
  expect((await continueReading(db)).map((m) => m.url)).toEqual([U(0)]);
});

test('the list as it opens: its first rows from the head row, without reading the whole catalog', async () => {
  const db = await library();
  // a page opening the library: a connection of its own, nothing decoded yet
  const page = new LibraryDB(db.name);
  const gets = vi.spyOn(page.catalog, 'get');
  expect(await openingUrls(page, {}, 3)).toEqual([U(3), U(2), U(1)]);
  expect(gets.mock.calls.map((c) => c[0])).not.toContain(CATALOG_KEY);
  expect(await openingUrls(page, {}, 3)).toEqual((await listUrls(page)).slice(0, 3));
  // any other list needs the catalog (listUrls answers)
  expect(await openingUrls(page, { sort: 'oldest' }, 3)).toBeNull();
  expect(await openingUrls(page, { read: 'unread' }, 3)).toBeNull();
  expect(await openingUrls(page, { query: 'word1' }, 3)).toBeNull();
  page.close();
});
