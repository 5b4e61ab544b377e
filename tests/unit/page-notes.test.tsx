// The live page's highlights and notes (components/PageNotes.tsx, in a closed shadow root there):
// a click on a mark brings the bar, whose "Highlights and notes" opens the list of the article's
// highlights with their notes; an item scrolls to its mark and focuses it; Esc closes the list.
// Over the real manager (page/highlights.ts) and a store written to the HighlightStore contract.
import { h, render } from 'preact';
import { PageNotes } from '@/components/PageNotes';
import { ReaderNotes, type HighlightStore } from '@/page/highlights';
import type { Highlight } from '@/lib/annotations/highlight';
import { describe as describeText } from '@/lib/annotations/anchor';
import { textOf } from '@/lib/entities/dom';
import { installEnglishMessages } from './translate-helpers';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
beforeAll(() => installEnglishMessages());
afterEach(() => document.body.replaceChildren());

const URL = 'https://news.example.com/a';

function highlight(text: string, quote: string, id: string, note: string): Highlight {
  const start = text.indexOf(quote);
  return {
    id,
    article: URL,
    selectors: describeText(text, start, start + quote.length)!,
    color: 'green',
    note,
    createdAt: 1,
    updatedAt: 1,
  };
}

test('the bar opens the list of notes; an item goes to its mark; Esc closes the list', async () => {
  const article = document.createElement('article');
  // Test-authored markup, not page input.
  article.innerHTML = '<p>The harbour opens at dawn.</p><p>Ferries leave every hour for the islands.</p>';
  document.body.append(article);
  const text = textOf(article).text;
  const rows = [highlight(text, 'opens at dawn', 'h1', 'Check the hour'), highlight(text, 'every hour', 'h2', '')];
  const store: HighlightStore = {
    list: async () => rows,
    put: async (hl) => ({ highlight: hl, saved: null }),
    remove: async () => null,
  };
  const notes = new ReaderNotes(article, URL, store, new AbortController().signal);
  const host = document.createElement('div');
  document.documentElement.append(host);
  const root = host.attachShadow({ mode: 'closed' });
  const mount = document.createElement('div');
  root.append(mount);
  render(h(PageNotes, { notes, content: article, accepts: () => true }), mount);
  await notes.load();
  const scrolled: Element[] = [];
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
  const q = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  const second = () => article.querySelectorAll('mark.ra-hl')[1] as HTMLElement;
  await vi.waitFor(() => expect(second()?.textContent).toBe('every hour'));
  second().click();
  await vi.waitFor(() => expect(q('highlight-open-panel')?.getAttribute('aria-label')).toBe('Highlights and notes: 2'));
  q('highlight-open-panel')!.click();
  await vi.waitFor(() => expect(q('highlights-panel')).not.toBeNull());
  const items = [...root.querySelectorAll('[data-testid="highlight-item"]')];
  expect(items.map((i) => i.querySelector('.ra-hl-quote')?.textContent)).toEqual(['opens at dawn', 'every hour']);
  expect(items[0]!.querySelector('.ra-hl-note')?.textContent).toBe('Check the hour');
  expect(q('highlight-bar')).toBeNull();

  (items[0]!.querySelector('button.ra-hl-quote') as HTMLElement).click();
  const first = article.querySelector('mark.ra-hl') as HTMLElement;
  expect(scrolled).toEqual([first]);
  expect(document.activeElement).toBe(first);

  q('highlights-panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await vi.waitFor(() => expect(q('highlights-panel')).toBeNull());
});
