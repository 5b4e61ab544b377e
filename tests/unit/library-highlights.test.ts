// @vitest-environment node
// Highlights in the library database: written only for saved articles, listed in text order,
// deleted with their article and brought back by its undo (fake-indexeddb).
import 'fake-indexeddb/auto';
import { article, dropDbs, freshDb, highlightIn } from './library-helpers';
import type { Highlight } from '@/lib/annotations/highlight';
import { listHighlights, putHighlights, removeHighlight } from '@/extension/library/highlights';
import { highlightCount, highlightsPage } from '@/extension/library/highlights-view';
import { searchLibrary } from '@/extension/library/search';
import { rebuildAll } from '@/extension/library/commit';
import { LibraryError, removeArticles, restoreArticles, saveArticle } from '@/extension/library/store';

afterEach(dropDbs);

const TEXT = 'First paragraph about the budget.\n\nSecond paragraph about the river and the bike lanes.';
const URL = 'https://news.example.com/2024/05/story';

const highlight = (id: string, quote: string, over: Partial<Highlight> = {}): Highlight =>
  highlightIn(TEXT, URL, id, quote, over);

test('a highlight is written only for a saved article, and listed in the order of the text', async () => {
  const db = freshDb();
  await expect(putHighlights(db, [highlight('hl-a', 'bike lanes')])).rejects.toBeInstanceOf(LibraryError);
  expect(await db.highlights.count()).toBe(0);
  await saveArticle(db, article({ text: TEXT, url: URL }), { pageUrl: URL });
  await putHighlights(db, [highlight('hl-b', 'bike lanes', { note: 'ask the council', color: 'pink' })]);
  await putHighlights(db, [highlight('hl-a', 'budget')]);
  expect((await listHighlights(db, `${URL}#comments`)).map((h) => [h.id, h.selectors[0].exact, h.note, h.color])).toEqual([
    ['hl-a', 'budget', '', 'yellow'],
    ['hl-b', 'bike lanes', 'ask the council', 'pink'],
  ]);
});

test('fields from a page or an import are checked: bad id refused, colour and note bounded', async () => {
  const db = freshDb();
  await saveArticle(db, article({ text: TEXT, url: URL }), { pageUrl: URL });
  await expect(putHighlights(db, [highlight('<img>', 'budget')])).rejects.toBeInstanceOf(LibraryError);
  const odd = { ...highlight('hl-c', 'budget'), color: 'red' as never, note: 'x'.repeat(20_000) };
  const { written } = await putHighlights(db, [odd]);
  expect(written[0]!.color).toBe('yellow');
  expect(written[0]!.note.length).toBe(10_000);
});

test('deleting an article deletes its highlights; its undo brings them back; a removed one answers itself', async () => {
  const db = freshDb();
  await saveArticle(db, article({ text: TEXT, url: URL }), { pageUrl: URL });
  const other = 'https://news.example.com/other';
  await saveArticle(db, article({ text: TEXT, url: other }), { pageUrl: other });
  await putHighlights(db, [highlight('hl-a', 'budget'), highlight('hl-o', 'river', { article: other })]);
  const removed = await removeArticles(db, [URL]);
  expect(await listHighlights(db, URL)).toEqual([]);
  expect((await listHighlights(db, other)).map((h) => h.id)).toEqual(['hl-o']);
  await restoreArticles(db, removed);
  expect((await listHighlights(db, URL)).map((h) => h.id)).toEqual(['hl-a']);
  expect((await removeHighlight(db, 'hl-a'))?.selectors[0].exact).toBe('budget');
  expect(await removeHighlight(db, 'hl-a')).toBeNull();
});

const found = async (db: ReturnType<typeof freshDb>, query: string) => (await searchLibrary(db, { query })).map((m) => m.url);

test.each([
  ['pending rows', undefined],
  ['posting lists', { blockIds: 4, pendingMax: 0 }],
])('search finds an article by a word of a note (%s); changing or removing the note forgets it', async (_, tuning) => {
  const db = freshDb('lib', tuning ? { tuning } : undefined);
  await saveArticle(db, article({ text: TEXT, url: URL }), { pageUrl: URL });
  const other = 'https://news.example.com/other';
  await saveArticle(db, article({ text: TEXT, url: other, title: 'Another' }), { pageUrl: other });
  expect(await found(db, 'council')).toEqual([]);
  await putHighlights(db, [highlight('hl-b', 'bike lanes', { note: 'Ask the Council about 자전거도로는' })]);
  expect(await found(db, 'council')).toEqual([URL]);
  expect(await found(db, '자전거도로')).toEqual([URL]);
  expect(await found(db, 'bike council')).toEqual([URL]); // a word of the text and one of the note
  await putHighlights(db, [highlight('hl-b', 'bike lanes', { note: 'mayor' })]);
  expect(await found(db, 'council')).toEqual([]);
  expect(await found(db, 'mayor')).toEqual([URL]);
  await removeHighlight(db, 'hl-b');
  expect(await found(db, 'mayor')).toEqual([]);
  // a repair rebuilds the index with the notes
  await putHighlights(db, [highlight('hl-c', 'budget', { note: '予算の会議室', article: other })]);
  await rebuildAll(db);
  expect(await found(db, '会議室')).toEqual([other]);
  expect(await found(db, '議室の')).toEqual([]);
});

test('the Highlights view: newest article first, text order within; by colour; searched in passages and notes', async () => {
  const db = freshDb();
  const older = 'https://news.example.com/older';
  await saveArticle(db, article({ text: TEXT, url: older, title: 'Older' }), { pageUrl: older, now: 1_000 });
  await saveArticle(db, article({ text: TEXT, url: URL, title: 'Newer' }), { pageUrl: URL });
  await putHighlights(db, [
    highlight('hl-2', 'river', { color: 'blue' }),
    highlight('hl-1', 'budget', { note: 'check the numbers' }),
    highlight('hl-3', 'Second paragraph', { article: older, color: 'pink', note: 'river walk' }),
    highlight('hl-4', 'First', { article: older }),
  ]);
  const ids = (r: Awaited<ReturnType<typeof highlightsPage>>) => r.entries.map((e) => e.highlight.id);
  const all = await highlightsPage(db, {}, 10);
  expect(ids(all)).toEqual(['hl-1', 'hl-2', 'hl-4', 'hl-3']);
  expect(all.entries.map((e) => e.meta.title)).toEqual(['Newer', 'Newer', 'Older', 'Older']);
  expect([await highlightCount(db), all.more]).toEqual([4, false]);
  const first = await highlightsPage(db, {}, 3);
  expect([ids(first), first.more]).toEqual([['hl-1', 'hl-2', 'hl-4'], true]);
  expect(ids(await highlightsPage(db, { group: 'color' }, 10))).toEqual(['hl-1', 'hl-4', 'hl-2', 'hl-3']);
  expect(ids(await highlightsPage(db, { query: 'river' }, 10))).toEqual(['hl-2', 'hl-3']);
  expect(ids(await highlightsPage(db, { query: 'numbers' }, 10))).toEqual(['hl-1']);
  expect(ids(await highlightsPage(db, { query: 'nothing-here' }, 10))).toEqual([]);
});
