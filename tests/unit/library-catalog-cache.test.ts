// @vitest-environment node
// The catalog a context decoded last is kept while the stored one is the same (catalog.ts
// "Revisions"): a list read again sees every write, whether made here, in another context (the
// background saving while the library page is open) or by a write that failed and left nothing.
import 'fake-indexeddb/auto';
import { article, dropDbs, freshDb } from './library-helpers';
import { readCatalog } from '@/extension/library/catalog';
import { commit } from '@/extension/library/commit';
import { LibraryDB } from '@/extension/library/db';
import { listUrls, removeArticles, saveArticle, setTags, tags } from '@/extension/library/store';
import { searchLibrary } from '@/extension/library/search';

afterEach(dropDbs);

const save = (db: LibraryDB, path: string, now: number, text = 'Body text of the article.') =>
  saveArticle(db, article({ url: `https://news.example.com/${path}`, text }), { pageUrl: '', now });

test('a list read again sees what another context wrote since, and nothing a failed write tried', async () => {
  const page = freshDb();
  await save(page, 'a', 1);
  expect(await listUrls(page)).toEqual(['https://news.example.com/a']);
  // Read twice with nothing written between: the same decoded catalog.
  expect(await readCatalog(page)).toBe(await readCatalog(page));

  // The background (another connection to the same database) saves, tags and deletes.
  const background = new LibraryDB(page.name);
  await save(background, 'b', 2, 'harbourmaster report');
  expect(await listUrls(page)).toEqual(['https://news.example.com/b', 'https://news.example.com/a']);
  expect((await searchLibrary(page, { query: 'harbourmaster' })).map((m) => m.url)).toEqual(['https://news.example.com/b']);
  await setTags(background, 'https://news.example.com/a', ['kept']);
  expect(await tags(page)).toEqual([{ tag: 'kept', count: 1 }]);
  await removeArticles(background, ['https://news.example.com/b']);
  expect(await listUrls(page)).toEqual(['https://news.example.com/a']);
  background.close();

  // A write that fails after changing its catalog leaves the list as stored.
  await expect(
    commit(page, ['https://news.example.com/a'], () => {
      throw new Error('refused');
    }),
  ).rejects.toThrow();
  await expect(
    page.transaction('rw', page.catalog, async () => {
      const cat = await readCatalog(page, { own: true });
      cat.remove(['https://news.example.com/a']);
      throw new Error('aborted after the change');
    }),
  ).rejects.toThrow('aborted');
  expect(await listUrls(page)).toEqual(['https://news.example.com/a']);
  expect(await tags(page)).toEqual([{ tag: 'kept', count: 1 }]);
});
