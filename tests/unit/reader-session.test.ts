// The reader's session and the page's reader object, in jsdom with WXT's fake browser: the
// overlay opens, closes and toggles; a translation reports its progress to the view and to a
// connected popup, and closing the reader cancels it; after close (and dispose) no listener of
// theirs is left: not on the document, not on storage, not on runtime.onConnect.
//
// Translation runs as in Chrome with its on-device Translator: a fake written to Chrome's
// documented API that answers each paragraph only when the test releases it, so progress can be
// watched step by step. The recognizer is not under test here: a stand-in finds two names.
import { readFileSync } from 'node:fs';
import { h, render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENTITIES_GLOBAL, type EntitiesApi } from '@/lib/entities/api';
import { highlightEntities, highlighting, mentionsOf, removeHighlights, removing, textMapping, textOf } from '@/lib/entities/dom';
import { groupEntities, grouping } from '@/lib/entities/group';
import type { EntitySpan } from '@/lib/entities/types';
import type { TranslatorApi } from '@/lib/translate/providers/browser';
import { PAGE_STATE_PORT, type PageInfo } from '@/platform/messages';
import { globalTypography } from '@/platform/settings/typography';
import { ReaderView } from '@/components/ReaderView';
import { PageReader } from '@/page/page-reader';
import { ReaderSession, type ReaderState } from '@/page/reader-session';
import type { ReaderEntities } from '@/page/find-entities';
import { runInSlices } from '@/lib/slices';
import { installMatchMedia } from './match-media';
import { installEnglishMessages } from './translate-helpers';
import { dispatchAsUser } from './user-event';
import { article } from './sample-article';

// Under jsdom, WXT's own mock of 'wxt/browser' loads WXT's build tools, which jsdom's TextEncoder
// breaks: the same fake browser, given directly.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

type Listener = (...args: unknown[]) => void;
/** An extension event the fake browser does not implement (runtime.onConnect), with its listeners in view. */
function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    hasListeners: () => listeners.size > 0,
  };
}

/** The popup's end of a `tabs.connect` port to the reader script: what it heard, and hanging up. */
function connectPopup(onConnect: ReturnType<typeof fakeEvent>) {
  const heard: PageInfo[] = [];
  const onDisconnect = fakeEvent();
  const port = {
    name: PAGE_STATE_PORT,
    postMessage: (message: unknown) => void heard.push(JSON.parse(JSON.stringify(message)) as PageInfo),
    disconnect: () => undefined,
    onMessage: fakeEvent(),
    onDisconnect,
  };
  for (const l of onConnect.listeners) l(port);
  return { heard, hangUp: () => onDisconnect.listeners.forEach((l) => l()) };
}

/** Chrome's Translator API, answering each paragraph when `release` is called; `signals` are the requests'. */
function heldTranslator() {
  const held: Array<() => void> = [];
  const signals: AbortSignal[] = [];
  const api: TranslatorApi = {
    availability: async () => 'available',
    create: async ({ targetLanguage }) => ({
      translate: (text: string, options?: { signal?: AbortSignal }) =>
        new Promise<string>((resolve, reject) => {
          if (options?.signal) {
            signals.push(options.signal);
            options.signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
          }
          held.push(() => resolve(`(${targetLanguage}) ${text}`));
        }),
      destroy() {},
    }),
  };
  return { api, signals, held, release: () => held.shift()?.() };
}

// Three paragraphs longer than one request's worth of text: three requests, so progress has steps.
const PARAGRAPHS = ['Alpha', 'Bravo', 'Charlie'].map((word) => `${word} ${'words of the story '.repeat(160)}`.trim());
const ARTICLE = article({ text: PARAGRAPHS.join('\n\n'), url: 'https://news.example.com/story' });

/** Two names in any text: the test is about the session's marks, not about recognition. */
function standInRecognize(text: string): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const [name, type] of [
    ['Alpha', 'person'],
    ['Bravo', 'org'],
  ] as const) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1))
      spans.push({ start: i, end: i + name.length, type, text: name });
  }
  return spans.sort((a, b) => a.start - b.start);
}
/** The reader's entity code over a recognizer run here, in slices (the extension runs it in its parser page: page/find-entities.ts). */
const finder = (api: EntitiesApi): ReaderEntities => ({
  ...api,
  find: ({ text, lang, min }, options) => runInSlices(api.recognition(text, lang, min), options),
});

const STAND_IN: EntitiesApi = {
  recognize: standInRecognize,
  // eslint-disable-next-line require-yield -- found in one step
  recognition: function* (text: string) {
    return standInRecognize(text);
  },
  textOf,
  textMapping,
  highlightEntities,
  highlighting,
  removeHighlights,
  removing,
  mentionsOf,
  groupEntities,
  grouping,
  lookupTicker: () => null,
  quoteUrl: () => 'https://example.com/quote',
} as unknown as EntitiesApi;

let onConnect: ReturnType<typeof fakeEvent>;
let translator: ReturnType<typeof heldTranslator>;

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en' });
  onConnect = fakeEvent();
  Object.assign(fakeBrowser.runtime, { onConnect });
  // The on-device translator's cache lives in the background: here it has nothing cached.
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string; payload: { texts?: string[] } }) =>
    Promise.resolve(message.type === 'translate/cache-get' ? message.payload.texts!.map(() => null) : undefined)) as never);
  translator = heldTranslator();
  vi.stubGlobal('Translator', translator.api);
  installMatchMedia();
  Element.prototype.scrollIntoView = function () {};
});

/** Readers a test made: a failing test must not leave its overlay listening to the next. */
const readers: PageReader[] = [];

afterEach(() => {
  readers.splice(0).forEach((reader) => reader.dispose());
  vi.unstubAllGlobals();
  delete (globalThis as Record<string, unknown>)[ENTITIES_GLOBAL];
  document.body.replaceChildren();
  document.querySelector('reading-assistant-reader')?.remove();
});

/** True while storage has a listener of ours (the settings watchers). */
// The fake browser's events answer hasListeners() at run time; its types name only hasListener(fn).
type Listened = { hasListeners(): boolean };
const listened = (event: unknown) => (event as Listened).hasListeners();
const storageWatched = () => listened(fakeBrowser.storage.sync.onChanged) || listened(fakeBrowser.storage.local.onChanged);

/** The translations the reader shows: under the headline and in the article. */
const translationsOf = (s: ReaderSession) => [s.title!, s.content!].flatMap((el) => [...el.querySelectorAll('.ra-translation')]);

describe('the reader session', () => {
  const session = (options: Partial<ConstructorParameters<typeof ReaderSession>[0]> = {}) =>
    new ReaderSession({ article: ARTICLE, site: 'news.example.com', loadEntities: async () => finder(STAND_IN), ...options });

  test('a translation reports running, each step of its progress and the end; Show original puts the same article back', async () => {
    const s = session();
    const original = s.content!.innerHTML;
    const seen: string[] = [];
    s.subscribe(
      (state) =>
        state.translation && seen.push(`${state.translation.state} ${state.translation.done}/${state.translation.total}`),
    );
    await s.translate('ko', 'side-by-side', 'en');
    // The headline and three paragraphs.
    expect(s.state.translation).toMatchObject({ state: 'running', to: 'ko', total: 4 });
    expect(s.state.target).toBe('ko');
    for (let i = 0; i < 4; i++) {
      await vi.waitFor(() => expect(translator.held.length).toBeGreaterThan(0));
      translator.release();
      await vi.waitFor(() => expect(s.state.translation?.done).toBe(i + 1));
    }
    await vi.waitFor(() => expect(s.state.translation?.state).toBe('done'));
    expect(seen).toEqual(expect.arrayContaining(['running 0/4', 'running 1/4', 'running 3/4', 'running 4/4', 'done 4/4']));
    expect(translationsOf(s).map((el) => el.textContent)).toEqual(['(ko) A story', ...PARAGRAPHS.map((p) => `(ko) ${p}`)]);

    s.showOriginal();
    expect(s.state.translation).toBeNull();
    expect(s.content!.innerHTML).toBe(original);
    expect(s.title!.outerHTML).toBe('<h1 class="ra-title">A story</h1>');
    s.close();
  });

  test('key points are translated with the article and come back with Show original; a saved copy shows its kept points at once, not those of another text', async () => {
    const kept: unknown[] = [];
    const store = { get: async () => kept.at(-1) ?? null, put: async (p: unknown) => void kept.push(p) };
    const story = article({
      url: ARTICLE.url,
      text: [
        'The city council approved a new library budget on Monday after a long debate.',
        'The budget adds night hours at five branch libraries across the city.',
        'Council members who opposed it said the money should go to road repairs instead.',
        'The mayor said the libraries would open until midnight starting in March.',
        'Librarians welcomed the plan but asked for more staff to cover the night shifts.',
        'A public hearing on the staffing plan is scheduled for next month at city hall.',
      ].join('\n\n'),
    });
    const s = session({ article: story, keyPointsStore: store });
    const kp = s.keyPoints!;
    await kp.make();
    expect(kp.state.result?.engine).toBe('extractive');
    const shown = (list: Element) => [...list.querySelectorAll('[data-testid="keypoint"]')].map((el) => el.textContent);
    const points = shown(kp.list);
    expect(points).toHaveLength(3);
    expect(kept).toHaveLength(1);

    await s.translate('ko', 'side-by-side', 'en');
    await vi.waitFor(() => {
      translator.release();
      expect(s.state.translation?.state).toBe('done');
    });
    expect([...kp.list.querySelectorAll('.ra-translation')].map((el) => el.textContent)).toEqual(points.map((p) => `(ko) ${p}`));
    s.showOriginal();
    expect(kp.list.querySelectorAll('.ra-translation')).toHaveLength(0);
    expect(shown(kp.list)).toEqual(points);
    s.close();

    // The same article opened again: its points at once, nothing made again.
    const again = session({ article: story, keyPointsStore: store });
    await vi.waitFor(() => expect(again.keyPoints!.state.status).toBe('done'));
    expect(shown(again.keyPoints!.list)).toEqual(points);
    expect(kept).toHaveLength(1);
    again.close();
    // Another text under the same address: the kept points are not shown.
    const other = session({
      article: article({ text: 'A different story is told here now. It has other sentences in it.', url: ARTICLE.url }),
      keyPointsStore: store,
    });
    void other.keyPoints;
    await new Promise((r) => setTimeout(r, 20));
    expect(other.keyPoints!.state.status).toBe('idle');
    other.close();
  });

  test('"Translation only" leaves nothing in the original language: the headline is translated too, and comes back', async () => {
    const s = session();
    await s.translate('ko', 'translation-only', 'en');
    for (let i = 0; i < 4; i++) {
      await vi.waitFor(() => expect(translator.held.length).toBeGreaterThan(0));
      translator.release();
    }
    await vi.waitFor(() => expect(s.state.translation?.state).toBe('done'));
    expect(s.title!.textContent).toBe('(ko) A story');
    expect(s.content!.textContent).toBe(PARAGRAPHS.map((p) => `(ko) ${p}`).join(''));
    s.showOriginal();
    expect(s.title!.textContent).toBe('A story');
    s.close();
  });

  test('Cancel stops asking and says so; what did translate stays', async () => {
    const s = session();
    await s.translate('ko', 'side-by-side', 'en');
    await vi.waitFor(() => expect(translator.held.length).toBeGreaterThan(0));
    translator.release();
    await vi.waitFor(() => expect(s.state.translation?.done).toBe(1));
    s.cancelTranslation();
    expect(s.state.translation).toMatchObject({ state: 'error', message: 'Translation cancelled. What was translated stays.' });
    expect(translator.signals.every((signal) => signal.aborted)).toBe(true);
    expect(translationsOf(s)).toHaveLength(1);
    s.close();
  });

  test('closing cancels a translation under way and nothing reaches the view after it', async () => {
    const s = session();
    const heard = vi.fn();
    s.subscribe(heard);
    await s.translate('ko', 'side-by-side', 'en');
    await vi.waitFor(() => expect(translator.held.length).toBeGreaterThan(0));
    s.close();
    expect(translator.signals.length).toBeGreaterThan(0);
    expect(translator.signals.every((signal) => signal.aborted)).toBe(true);
    const calls = heard.mock.calls.length;
    while (translator.held.length) translator.release();
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toHaveBeenCalledTimes(calls);
    expect(translationsOf(s)).toHaveLength(0);
  });

  test('a picture that fails to load is hidden, its caption stays; one that loads is kept', async () => {
    const s = session({
      article: article({
        contentHtml:
          '<figure><img src="https://pics.example.com/a.jpg" alt="A"><figcaption>The caption</figcaption></figure>' +
          '<p><img src="https://pics.example.com/b.jpg" alt="B"></p>',
      }),
    });
    const [failed, loaded] = [...s.content!.querySelectorAll('img')] as [HTMLImageElement, HTMLImageElement];
    // jsdom loads no picture: the browser's events, as a refused request and a good one send them.
    failed.dispatchEvent(new Event('error'));
    loaded.dispatchEvent(new Event('load'));
    expect(failed.hasAttribute('data-ra-failed')).toBe(true);
    expect(loaded.hasAttribute('data-ra-failed')).toBe(false);
    expect(s.content!.querySelector('figcaption')?.textContent).toBe('The caption');
    s.close();
  });

  test('typography follows a change made elsewhere while open, and stops listening once closed', async () => {
    expect(storageWatched()).toBe(false);
    const s = session();
    await s.ready;
    expect(storageWatched()).toBe(true);
    await globalTypography.setValue({ ...s.state.typography, theme: 'sepia' });
    await vi.waitFor(() => expect(s.state.typography.theme).toBe('sepia'));
    s.close();
    expect(s.signal.aborted).toBe(true);
    expect(storageWatched()).toBe(false);
  });

  test('highlights come from the entity code loaded on first use, and off restores the article exactly', async () => {
    const s = session();
    const original = s.content!.innerHTML;
    const load = vi.fn(async () => finder(STAND_IN));
    const t = session({ loadEntities: load });
    await Promise.all([t.setHighlights(true, false), t.setHighlights(true, false)]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(t.state.highlights.on).toBe(true);
    expect(t.state.highlights.groups.map((g) => g.group)).toEqual(['person', 'org']);
    expect(t.content!.querySelectorAll('mark.ra-ent-person')).toHaveLength(1);
    await t.setHighlights(false, false);
    expect(t.content!.innerHTML).toBe(original);
    s.close();
    t.close();
  });

  test('progress is drawn when the whole percent the view shows changes, not at every report', async () => {
    // The finder reports 2,000 shares in steps of 0.05 % (as the parser page's slices may); the view shows whole percents.
    const chatty: ReaderEntities = {
      ...finder(STAND_IN),
      find: async ({ text }, options) => {
        for (let i = 1; i < 2000; i++) options?.onProgress?.(i / 2000);
        return standInRecognize(text);
      },
    };
    const s = session({ loadEntities: async () => chatty });
    const shown: number[] = [];
    s.subscribe((state) => {
      const p = state.highlights.progress;
      if (state.highlights.loading && p !== null) shown.push(p);
    });
    await s.setHighlights(true, false);
    expect(s.state.highlights.on).toBe(true);
    // Finding is 80 % of the bar: 0 to 80 in whole percents, each once.
    expect(new Set(shown.map((p) => Math.round(p * 100))).size).toBe(shown.length);
    expect(shown.length).toBeLessThanOrEqual(81);
    expect(shown.length).toBeGreaterThan(70);
    s.close();
  });

  test('on a long article, finding names shows its progress, and Stop leaves the article as it was', async () => {
    // A recognizer that takes its time, in many small steps (a few milliseconds each).
    const slow: EntitiesApi = {
      ...STAND_IN,
      recognition: function* (text: string) {
        for (let i = 0; i < 200; i++) {
          const t = performance.now();
          while (performance.now() - t < 2);
          yield i / 200;
        }
        return standInRecognize(text);
      },
    };
    const s = session({ loadEntities: async () => finder(slow) });
    const original = s.content!.innerHTML;
    const view = document.createElement('div');
    render(h(ReaderView, { session: s, onClose: () => {} }), view);
    const columns: boolean[] = [];
    const progress: number[] = [];
    const stopped = new Promise<void>((resolve) =>
      s.subscribe((state) => {
        const p = state.highlights.progress;
        if (p === null || !state.highlights.loading) return;
        // The panel's column is there while names are found (the article is laid out beside it
        // before it holds any mark), with the panel saying it is finding them.
        columns.push(!!view.querySelector('.ra-with-entities [data-testid="entity-panel"] .ra-ent-status'));
        progress.push(p);
        // Stop at the first progress report (the user pressing Stop).
        if (progress.length === 1) void s.setHighlights(false, false).then(resolve);
      }),
    );
    const run = s.setHighlights(true, false);
    await stopped;
    await run;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress[0]).toBeLessThan(1);
    expect(s.state.highlights).toMatchObject({ on: false, loading: false, progress: null, error: null });
    expect(s.content!.querySelector('mark')).toBeNull();
    expect(s.content!.innerHTML).toBe(original);
    await new Promise((r) => setTimeout(r, 0));
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.every(Boolean)).toBe(true);
    expect(view.querySelector('.ra-with-entities')).toBeNull();
    render(null, view);
    // Asked again, it runs to the end.
    await s.setHighlights(true, false);
    expect(s.state.highlights.on).toBe(true);
    expect(s.content!.querySelectorAll('mark.ra-ent-person')).toHaveLength(1);
    s.close();
  });

  test('the remembered "highlights on" comes back with the next article', async () => {
    await fakeBrowser.storage.sync.set({ entityHighlights: { on: true, groups: ['person', 'org'] } });
    const s = session();
    await vi.waitFor(() => expect(s.state.highlights.on).toBe(true));
    expect(s.content!.querySelector('mark.ra-ent')).not.toBeNull();
    s.close();
  });
});

describe('the reader in a page', () => {
  /** A page of our own: three long paragraphs, so a translation has three steps. */
  const LONG_PAGE = `<!doctype html><html lang="en"><head><title>A story</title></head><body><nav><a href="/">Home</a></nav><article><h1>A story</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

  function pageReader(html = readFileSync('tests/fixtures/demo/article.html', 'utf8')) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.documentElement.replaceChildren(document.adoptNode(doc.head), document.adoptNode(doc.body));
    globalThis.history.replaceState(null, '', '/demo/article.html');
    (globalThis as Record<string, unknown>)[ENTITIES_GLOBAL] = STAND_IN;
    const reader = new PageReader({
      readerCss: '',
      entitiesCss: '',
      entities: finder(STAND_IN),
      mountView: (session, mount, close) => {
        render(h(ReaderView, { session, onClose: close }), mount);
        return () => render(null, mount);
      },
    });
    readers.push(reader);
    return reader;
  }
  const host = () => document.querySelector('reading-assistant-reader');
  const inReader = (selector: string) => host()?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

  test("the reader's first frame is in the user's theme: the view is first drawn with the stored typography, not the default", async () => {
    await globalTypography.setValue({ ...(await globalTypography.getValue()), theme: 'dark', lineHeight: 2 });
    const reader = pageReader();
    let opened: Promise<void> | null = null;
    // What the view shows in the very render that mounts it, before anything else can run.
    const first = new Promise<string | null>((resolve) => {
      const seen = new MutationObserver(() => {
        const root = inReader('.ra-root');
        if (!root) return;
        seen.disconnect();
        resolve(`${root.dataset.theme}, line height ${root.style.getPropertyValue('--ra-line')}`);
      });
      seen.observe(document.documentElement, { childList: true, subtree: true });
      opened = reader.open();
    });
    // (The shadow root's insides are not seen from the document: the host's arrival is, and the view is rendered in the same turn.)
    expect(await first).toBe('dark, line height 2');
    await opened;
  });

  test('open shows the article over the page, which stays as it was; Esc closes and gives focus back; toggle opens and closes', async () => {
    const reader = pageReader();
    const before = document.body.outerHTML;
    const link = document.querySelector<HTMLAnchorElement>('a[href]')!;
    link.focus();
    await reader.open();
    expect(reader.info()).toMatchObject({ isArticle: true, readerOpen: true });
    expect(inReader('.ra-content')?.textContent).toContain('밤 10시 이후에도 문을 여는 공공도서관이 생긴다.');
    expect(document.body.outerHTML).toBe(before);

    // An Esc the page's script dispatches closes nothing; the user's does.
    const fake = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.dispatchEvent(fake);
    expect(fake.defaultPrevented).toBe(false);
    expect(host()).not.toBeNull();
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    dispatchAsUser(document, esc);
    expect(esc.defaultPrevented).toBe(true);
    expect(host()).toBeNull();
    expect(reader.info().readerOpen).toBe(false);
    expect(document.activeElement).toBe(link);

    await reader.toggle();
    expect(host()).not.toBeNull();
    await reader.toggle();
    expect(host()).toBeNull();
    reader.dispose();
  });

  test('the popup hears the translation step by step, pushed; hanging up stops nothing; closing the reader cancels it', async () => {
    const reader = pageReader(LONG_PAGE);
    const popup = connectPopup(onConnect);
    await vi.waitFor(() => expect(popup.heard).toHaveLength(1));
    expect(popup.heard[0]).toMatchObject({ readerOpen: false, translation: null });

    await reader.translate({ to: 'ko', mode: 'side-by-side', from: 'en' });
    const answer = reader.info();
    expect(answer.translation).toMatchObject({ state: 'running', to: 'ko' });
    const total = answer.translation!.total;
    expect(total).toBeGreaterThan(1);
    // The view shows the same progress.
    await vi.waitFor(() =>
      expect(inReader('[data-testid="reader-translate-status"]')?.textContent).toBe(`Translating… 0 / ${total}`),
    );

    await vi.waitFor(() => expect(translator.held.length).toBeGreaterThan(0));
    translator.release();
    await vi.waitFor(() => expect(popup.heard.at(-1)?.translation?.done).toBe(1));
    // Pushes come in order, newest last, each with a higher revision than the answer before it.
    expect(popup.heard.at(-1)!.revision!).toBeGreaterThan(answer.revision!);
    await vi.waitFor(() =>
      expect(inReader('[data-testid="reader-translate-status"]')?.textContent).toBe(`Translating… 1 / ${total}`),
    );

    // The popup closes: the translation goes on.
    popup.hangUp();
    const heardBefore = popup.heard.length;
    await vi.waitFor(() => expect(translator.held.length).toBeGreaterThan(0));
    translator.release();
    await vi.waitFor(() => expect(reader.info().translation?.done).toBe(2));
    expect(popup.heard).toHaveLength(heardBefore);
    expect(translator.signals.some((signal) => signal.aborted)).toBe(false);

    // The reader closes: the translation stops.
    reader.close();
    expect(translator.signals.every((signal) => signal.aborted)).toBe(true);
    expect(reader.info()).toMatchObject({ readerOpen: false, translation: null });
    reader.dispose();
  });

  test('highlights asked for by the popup open the reader and are on when the answer comes', async () => {
    const reader = pageReader();
    await reader.highlight(true);
    expect(reader.info()).toMatchObject({ readerOpen: true, highlights: true });
    await vi.waitFor(() => expect(inReader('[data-testid="entity-panel"]')).not.toBeNull());
    await reader.highlight(false);
    expect(reader.info().highlights).toBe(false);
    reader.dispose();
  });

  test('after close and dispose nothing of the reader listens: not the document, not storage, not runtime.onConnect', async () => {
    const reader = pageReader();
    expect(onConnect.hasListeners()).toBe(true);
    const connected = connectPopup(onConnect);
    await reader.open();
    expect(storageWatched()).toBe(true);
    const session = reader.session!;
    const states: ReaderState[] = [];
    session.subscribe((state) => states.push(state));
    reader.close();
    expect(session.signal.aborted).toBe(true);
    expect(storageWatched()).toBe(false);
    // Esc no longer reaches the reader (nothing takes it from the page).
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    dispatchAsUser(document, esc);
    expect(esc.defaultPrevented).toBe(false);
    await globalTypography.setValue({ ...session.state.typography, theme: 'dark' });
    expect(states).toEqual([]);

    await reader.open();
    reader.dispose();
    expect(host()).toBeNull();
    expect(reader.session).toBeNull();
    expect(onConnect.hasListeners()).toBe(false);
    expect(storageWatched()).toBe(false);
    const heard = connected.heard.length;
    await new Promise((r) => setTimeout(r, 10));
    expect(connected.heard).toHaveLength(heard);
  });
});
