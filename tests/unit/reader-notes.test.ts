// The reader's highlight manager (page/highlights.ts) over a store written to the HighlightStore
// contract (in memory here; the library and the background are the real ones): add from a DOM
// range, change, remove with undo, orphans listed, and entity marks drawn and taken away under the
// user's marks without corrupting either.
import { ReaderNotes, type HighlightStore } from '@/page/highlights';
import { installEnglishMessages } from './translate-helpers';
import type { Highlight } from '@/lib/annotations/highlight';
import { describe as describeText } from '@/lib/annotations/anchor';
import { highlightEntities, removeHighlights, textOf } from '@/lib/entities/dom';

// Under jsdom, WXT's own mock of 'wxt/browser' loads WXT's build tools, which jsdom's TextEncoder
// breaks: the same fake browser, given directly (as reader-session.test.ts does).
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
beforeAll(() => installEnglishMessages());

function memoryStore(initial: Highlight[] = []): HighlightStore & { rows: Map<string, Highlight> } {
  const rows = new Map(initial.map((h) => [h.id, h]));
  return {
    rows,
    list: async (article) => [...rows.values()].filter((h) => h.article === article),
    put: async (h) => (rows.set(h.id, h), { highlight: h, saved: null }),
    remove: async (id) => {
      const h = rows.get(id) ?? null;
      rows.delete(id);
      return h;
    },
  };
}

const URL = 'https://news.example.com/a';

function content(): HTMLElement {
  const root = document.createElement('div');
  // Test-authored markup, not page input.
  root.innerHTML = '<p>삼성전자는 <b>오늘</b> 새 반도체 공장을 평택에 짓는다고 밝혔다.</p><p>The plant opens in 2027.</p>';
  document.body.append(root);
  return root;
}

function rangeOf(root: HTMLElement, quote: string): Range {
  const { text, nodes } = textOf(root);
  const at = text.indexOf(quote);
  const find = (offset: number) => {
    const n = [...nodes].reverse().find((e) => e.start <= offset)!;
    return [n.node, offset - n.start] as const;
  };
  const range = document.createRange();
  range.setStart(...find(at));
  range.setEnd(...find(at + quote.length));
  return range;
}

const marked = (root: HTMLElement) => [...root.querySelectorAll('mark.ra-hl')].map((m) => m.textContent).join('|');

test('a selection becomes a stored, drawn highlight; a colour and a note change it; remove and undo', async () => {
  const root = content();
  const store = memoryStore();
  const notes = new ReaderNotes(root, URL, store, new AbortController().signal);
  await notes.load();
  const h = await notes.add(rangeOf(root, '오늘 새 반도체'), 'yellow');
  expect(h?.selectors[0].exact).toBe('오늘 새 반도체');
  expect(marked(root)).toBe('오늘| 새 반도체');
  await notes.update(h!.id, { color: 'blue', note: '공장 위치 확인' });
  expect(store.rows.get(h!.id)).toMatchObject({ color: 'blue', note: '공장 위치 확인' });
  expect(root.querySelector('mark.ra-hl-blue')).not.toBeNull();
  await notes.remove(h!.id);
  expect(marked(root)).toBe('');
  expect(notes.state.removed?.id).toBe(h!.id);
  await notes.undoRemove();
  expect(marked(root)).toBe('오늘| 새 반도체');
  expect(store.rows.size).toBe(1);
});

test('a highlight whose text is gone is listed as an orphan with its text, never dropped', async () => {
  const root = content();
  const gone: Highlight = {
    id: 'hl-gone',
    article: URL,
    selectors: describeText('An old sentence that was edited away entirely.', 0, 46)!,
    color: 'pink',
    note: 'still here',
    createdAt: 1,
    updatedAt: 1,
  };
  const notes = new ReaderNotes(root, URL, memoryStore([gone]), new AbortController().signal);
  await notes.load();
  expect(notes.state.items.map((i) => [i.highlight.note, i.placed])).toEqual([['still here', null]]);
  expect(marked(root)).toBe('');
});

test('entity marks come and go under the user marks (lifted meanwhile): both intact, the text unchanged', async () => {
  const root = content();
  const before = root.innerHTML;
  const notes = new ReaderNotes(root, URL, memoryStore(), new AbortController().signal);
  await notes.load();
  await notes.add(rangeOf(root, '반도체 공장을 평택에'), 'green');
  const { text } = textOf(root);
  const spanOf = (needle: string, type: 'org' | 'place') => ({
    start: text.indexOf(needle),
    end: text.indexOf(needle) + needle.length,
    type,
    text: needle,
  });

  notes.lift('entities');
  expect(notes.active).toBe(false);
  expect(marked(root)).toBe('');
  highlightEntities(root, [spanOf('삼성전자', 'org'), spanOf('평택', 'place')], ['org', 'place']);
  notes.restore('entities');
  expect(marked(root)).toBe('반도체 공장을 |평택|에');
  expect(root.querySelectorAll('mark.ra-ent').length).toBe(2);

  notes.lift('entities');
  removeHighlights(root);
  notes.restore('entities');
  expect(root.querySelectorAll('mark.ra-ent').length).toBe(0);
  expect(marked(root)).toBe('반도체 공장을 평택에');
  expect(textOf(root).text).toBe(text);
  notes.lift('translation');
  expect(root.innerHTML).toBe(before);
});

test('on the live page a selection is described against the article text, so the reader finds it at its place; one outside makes none', async () => {
  // The page: the article among a menu and a footer (test-authored markup).
  const page = document.createElement('div');
  page.innerHTML =
    '<nav>Home News Sports 오늘 새 반도체</nav><article><p>삼성전자는 <b>오늘</b> 새 반도체 공장을 평택에 짓는다고 밝혔다.</p><p>The plant opens in 2027.</p></article><footer>© News</footer>';
  document.body.append(page);
  const reader = content(); // the article as the reader shows it
  const articleText = textOf(reader).text;
  const store = memoryStore();
  const notes = new ReaderNotes(page, URL, store, new AbortController().signal, articleText);
  await notes.load();
  const h = await notes.add(rangeOf(page.querySelector('article')!, '오늘 새 반도체'), 'green');
  const [quote, position] = h!.selectors;
  expect(articleText.slice(position.start, position.end)).toBe('오늘 새 반도체');
  expect(quote.prefix.endsWith('삼성전자는 ')).toBe(true);
  // Drawn in the page's article, not in its menu.
  expect([...page.querySelectorAll('article mark.ra-hl')].map((m) => m.textContent).join('|')).toBe('오늘| 새 반도체');
  expect(page.querySelector('nav mark')).toBeNull();
  // In the reader it is found at its position.
  const inReader = new ReaderNotes(reader, URL, store, new AbortController().signal);
  await inReader.load();
  expect(inReader.state.items[0]?.placed).toMatchObject({ start: position.start, end: position.end });
  // The menu's words: no highlight.
  expect(await notes.add(rangeOf(page.querySelector('nav')!, 'Home News'), 'yellow')).toBeNull();
  expect(store.rows.size).toBe(1);
});
