// @vitest-environment jsdom
// Highlights and notes in the exports: Markdown quote blocks with the note under each, the HTML
// export, and the JSON backup's W3C Web Annotations, imported back (checked; those of an article
// the library does not hold left out and counted, never a failed import).
import { strFromU8, unzipSync } from 'fflate';
import { article, dropDbs, freshDb, highlightIn } from './library-helpers';
import { exportHtml, exportJson, exportMarkdownZip, importItems, parseImport } from '@/extension/library/io';
import { listHighlights, putHighlights } from '@/extension/library/highlights';
import { saveArticle, undoMerges } from '@/extension/library/store';
import { searchLibrary } from '@/extension/library/search';
import type { Highlight } from '@/lib/annotations/highlight';

afterEach(dropDbs);

const TEXT = '서울시는 버스 요금을 올린다.\n\nThe council voted <b>yes</b> on Tuesday.';
const URL = 'https://news.example.com/2024/05/story';

const highlight = (id: string, quote: string, over: Partial<Highlight> = {}): Highlight =>
  highlightIn(TEXT, URL, id, quote, {
    color: 'green',
    createdAt: Date.UTC(2024, 4, 2),
    updatedAt: Date.UTC(2024, 4, 3),
    ...over,
  });

async function libraryWithHighlights() {
  const db = freshDb();
  await saveArticle(db, article({ text: TEXT, url: URL }), { pageUrl: URL });
  await putHighlights(db, [
    highlight('hl-2', 'voted <b>yes</b>', { note: 'Check the *minutes*.\nAnd the vote count.' }),
    highlight('hl-1', '버스 요금을'),
  ]);
  return db;
}

test('the Markdown export has a Highlights section: quote blocks in text order, each note under its quote, escaped', async () => {
  const db = await libraryWithHighlights();
  const zip = unzipSync(await exportMarkdownZip(db, { parseHtml: (h) => new DOMParser().parseFromString(h, 'text/html') }));
  const md = strFromU8(Object.values(zip)[0]!);
  expect(md).toContain(
    '## Highlights\n\n> 버스 요금을\n\n> voted \\<b>yes\\</b>\n\nCheck the \\*minutes\\*.\nAnd the vote count.\n\n[https://news.example.com',
  );
});

test('the HTML export lists them under the article, every text escaped', async () => {
  const db = await libraryWithHighlights();
  const html = await exportHtml(db, { sanitize: (h) => h });
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const items = [...doc.querySelectorAll('article .highlights li')];
  expect(items.map((li) => [li.querySelector('blockquote')!.textContent, li.querySelector('.note')?.textContent ?? ''])).toEqual([
    ['버스 요금을', ''],
    ['voted <b>yes</b>', 'Check the *minutes*.And the vote count.'],
  ]);
  expect(doc.querySelector('article .highlights b')).toBeNull();
});

test('the JSON backup carries W3C Web Annotations that import back; bad ones listed, orphans of a missing article counted', async () => {
  const db = await libraryWithHighlights();
  const json = exportJson(db);
  const data = JSON.parse(await json) as { articles: object[]; annotations: Array<Record<string, unknown>> };
  expect(data.articles[0]).not.toHaveProperty('highlights');
  expect(data.annotations).toHaveLength(2);
  expect(data.annotations[1]).toMatchObject({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    motivation: 'commenting',
    body: [{ type: 'TextualBody', value: 'Check the *minutes*.\nAnd the vote count.', purpose: 'commenting' }],
    target: {
      source: URL,
      selector: [{ type: 'TextQuoteSelector', exact: 'voted <b>yes</b>' }, { type: 'TextPositionSelector' }],
    },
  });

  // Into an empty library, with one annotation that is not valid and one whose article is not there.
  data.annotations.push({ type: 'Annotation', target: { source: URL } });
  data.annotations.push({
    ...data.annotations[0],
    id: 'urn:reading-assistant:hl-x',
    target: { ...(data.annotations[0]!.target as object), source: 'https://elsewhere.example/gone' },
  });
  const parsed = parseImport(JSON.stringify(data), 'backup.json', { sanitize: (h) => h });
  expect(parsed.skipped).toEqual([{ where: 'annotation 3', reason: 'no TextQuoteSelector with its exact text' }]);
  const other = freshDb();
  const result = await importItems(other, parsed.items, { highlights: parsed.highlights });
  expect(result.highlights).toEqual({ written: 2, missing: 1 });
  expect((await listHighlights(other, URL)).map((h) => [h.id, h.selectors[0].exact, h.note, h.color])).toEqual([
    ['hl-1', '버스 요금을', '', 'green'],
    ['hl-2', 'voted <b>yes</b>', 'Check the *minutes*.\nAnd the vote count.', 'green'],
  ]);
});

test('undoing an import takes away the highlights it added and gives back the ones it changed', async () => {
  // The reader's own library: the article with one highlight and its note.
  const db = freshDb();
  await saveArticle(db, article({ text: TEXT, url: URL }), { pageUrl: URL });
  await putHighlights(db, [highlight('hl-1', '버스 요금을', { note: 'my own note' })]);
  // A backup of the same article where hl-1's note was changed and another highlight was made.
  const other = await libraryWithHighlights();
  await putHighlights(other, [highlight('hl-1', '버스 요금을', { note: 'imported harbourmaster note' })]);
  const parsed = parseImport(await exportJson(other), 'backup.json', { sanitize: (h) => h });
  const result = await importItems(db, parsed.items, { highlights: parsed.highlights });
  expect(result.highlights).toEqual({ written: 2, missing: 0 });
  expect((await listHighlights(db, URL)).map((h) => h.id)).toEqual(['hl-1', 'hl-2']);
  expect((await searchLibrary(db, { query: 'harbourmaster' })).length).toBe(1);

  await undoMerges(db, result.undo);
  expect((await listHighlights(db, URL)).map((h) => [h.id, h.note])).toEqual([['hl-1', 'my own note']]);
  expect(await searchLibrary(db, { query: 'harbourmaster' })).toEqual([]);
  expect((await searchLibrary(db, { query: 'own' })).map((m) => m.url)).toEqual([URL]);
});
