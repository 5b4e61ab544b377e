// @vitest-environment node
// Highlights in the library database: written only for saved articles, listed in text order,
// deleted with their article and brought back by its undo (fake-indexeddb).
import 'fake-indexeddb/auto';
import { article, dropDbs, freshDb } from './library-helpers';
import { describe as describeText } from '@/lib/annotations/anchor';
import type { Highlight } from '@/lib/annotations/highlight';
import { listHighlights, putHighlights, removeHighlight } from '@/extension/library/highlights';
import { LibraryError, removeArticles, restoreArticles, saveArticle } from '@/extension/library/store';

afterEach(dropDbs);

const TEXT = 'First paragraph about the budget.\n\nSecond paragraph about the river and the bike lanes.';
const URL = 'https://news.example.com/2024/05/story';

function highlight(id: string, quote: string, over: Partial<Highlight> = {}): Highlight {
  const start = TEXT.indexOf(quote);
  return {
    id,
    article: URL,
    selectors: describeText(TEXT, start, start + quote.length)!,
    color: 'yellow',
    note: '',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}

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
