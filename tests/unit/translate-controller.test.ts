// @vitest-environment node
// (A JSDOM document made here: under the jsdom environment, WXT's fake browser pulls in esbuild,
// which refuses jsdom's TextEncoder.)
// One article's translation end to end in a page: segments rendered as they arrive, mode switch,
// partial failure, and "Show original" restoring the article exactly. The on-device path is used
// with a fake of Chrome's documented Translator API (no model on this machine; see
// translate-browser.test.ts) and a cache behind fake messages.
import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MemoryTranslationCache } from '@/lib/translate/cache';
import { translateArticle } from '@/platform/translate/controller';
import type { TranslationHandlers } from '@/platform/translate/port';
import { translateCacheHandlers } from '@/background/translate-port';
import type { TranslatorApi } from '@/lib/translate/providers/browser';
import { installEnglishMessages } from './translate-helpers';

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
});

function article(): HTMLElement {
  const { document } = new JSDOM('<!doctype html><body></body>', { url: 'https://news.example.com/a' }).window;
  const root = document.createElement('div');
  // Test fixture written here, not page input.
  root.innerHTML =
    '<h1>Title here</h1><p>First <a href="https://e.com/1">link</a>.</p><ul><li>Item one</li><li>Item two</li></ul><p>Last words.</p>';
  document.body.replaceChildren(root);
  return root;
}

const api = (fail?: (s: string) => boolean): TranslatorApi => ({
  availability: async () => 'available',
  create: async ({ targetLanguage }) => ({
    translate: async (s: string) => {
      if (fail?.(s)) throw new DOMException('Something broke', 'UnknownError');
      return `(${targetLanguage}) ${s}`;
    },
    destroy() {},
  }),
});

function cacheMessages() {
  const handlers = translateCacheHandlers(new MemoryTranslationCache());
  return async (m: { type: string; payload: unknown }) =>
    (handlers[m.type as keyof typeof handlers] as (p: unknown) => unknown)(m.payload);
}

test('every block shows its translation; the mode can change; Show original restores the article', async () => {
  const root = article();
  const before = root.innerHTML;
  const progress: string[] = [];
  let job!: ReturnType<typeof translateArticle>;
  const done = new Promise<void>((resolve) => {
    job = translateArticle(root, {
      from: 'en',
      to: 'ko',
      mode: 'side-by-side',
      onProgress: (d, n) => progress.push(`${d} / ${n}`),
      onDone: resolve,
      startOptions: { config: { kind: 'browser' }, translatorApi: api(), sendMessage: cacheMessages() },
    });
  });
  await done;
  expect(progress[progress.length - 1]).toBe('5 / 5');
  expect([...root.querySelectorAll('.ra-translation')].map((el) => el.textContent)).toEqual([
    '(ko) Title here',
    '(ko) First link.',
    '(ko) Item one',
    '(ko) Item two',
    '(ko) Last words.',
  ]);
  expect(root.querySelector('.ra-translation a')?.getAttribute('href')).toBe('https://e.com/1');
  job.showOriginal();
  expect(root.innerHTML).toBe(before);
});

test('mode switch and Show original, with a job driven by hand', () => {
  const root = article();
  const before = root.innerHTML;
  let handlers!: TranslationHandlers;
  let cancelled = false;
  const job = translateArticle(root, {
    from: 'en',
    to: 'ja',
    mode: 'side-by-side',
    start: (_texts, _f, _t, h) => ((handlers = h), { cancel: () => void (cancelled = true) }),
  });
  expect(job.segments).toHaveLength(5);
  handlers.onResult!(1, 'Erste <a1>Verbindung</a1>.');
  expect(root.querySelectorAll('.ra-translation')).toHaveLength(1);
  expect(root.querySelectorAll('p')[0]!.textContent).toBe('First link.');
  job.setMode('translation-only');
  expect(root.querySelectorAll('p')[0]!.textContent).toBe('Erste Verbindung.');
  handlers.onResult!(4, 'Letzte Worte.');
  expect(root.textContent).not.toContain('Last words.');
  job.showOriginal();
  expect(cancelled).toBe(true);
  expect(root.innerHTML).toBe(before);
  handlers.onResult!(0, 'Late answer'); // after Show original, nothing is rendered
  expect(root.innerHTML).toBe(before);
});

test('a failure keeps the paragraphs that did translate and says how many', async () => {
  const root = article();
  const error = await new Promise<[string, string, number]>((resolve) => {
    translateArticle(root, {
      from: 'en',
      to: 'ko',
      mode: 'side-by-side',
      onError: (kind, message, n) => resolve([kind, message, n]),
      startOptions: {
        config: { kind: 'browser' },
        translatorApi: api((s) => s.startsWith('Item')),
        sendMessage: cacheMessages(),
        engine: { maxBatchItems: 1, concurrency: 1, retries: 0 },
      },
    });
  });
  expect(error[0]).toBe('server');
  expect(error[2]).toBe(2);
  expect([...root.querySelectorAll('.ra-translation')].map((el) => el.textContent)).toEqual([
    '(ko) Title here',
    '(ko) First link.',
  ]);
  expect(root.textContent).toContain('Item one');
});

test("the page's own article blocks, one job for all: one batch of segments, each block translated where it is, and restored", () => {
  const root = article();
  const document = root.ownerDocument;
  // A page around the blocks: the menu is not one of them and must stay as it is.
  const nav = document.createElement('nav');
  nav.textContent = 'Home News';
  document.body.prepend(nav);
  const before = document.body.innerHTML;
  const blocks = [...root.querySelectorAll('h1, p')];
  let sent: string[] = [];
  let handlers!: TranslationHandlers;
  const job = translateArticle(blocks, {
    from: 'en',
    to: 'ko',
    mode: 'side-by-side',
    start: (texts, _f, _t, h) => ((sent = texts), (handlers = h), { cancel() {} }),
  });
  expect(sent).toEqual(['Title here', 'First <a1>link</a1>.', 'Last words.']);
  sent.forEach((text, i) => handlers.onResult!(i, `(ko) ${text}`));
  expect(blocks.map((b) => b.querySelector('.ra-translation')?.textContent)).toEqual([
    '(ko) Title here',
    '(ko) First link.',
    '(ko) Last words.',
  ]);
  expect(nav.textContent).toBe('Home News');
  job.showOriginal();
  expect(document.body.innerHTML).toBe(before);
});
