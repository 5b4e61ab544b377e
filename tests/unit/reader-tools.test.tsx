// The reader's tools are one toolbar: listen, key points, contents and the reader's own highlights
// are buttons of the registry (components/ReaderTools.tsx) beside Aa, Translate and the rest, not a
// row of their own over the article nor buttons floating at its foot; their keys work from the
// article and the "?" overlay lists them, read-aloud's own keys included.
import { h, render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderView } from '@/components/ReaderView';
import type { HighlightStore } from '@/page/highlights';
import { ReaderSession } from '@/page/reader-session';
import { installMatchMedia } from './match-media';
import { installEnglishMessages } from './translate-helpers';
import { article } from './sample-article';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const SECTIONS = ['Where it opens', 'Who may come', 'What it costs'];
const BODY = SECTIONS.map(
  (title, i) =>
    `<h2>${title}</h2><p>The city opens section ${i + 1} of the library at night. Readers come after work to study. ` +
    `The council paid for new lights and desks this year. A guard and a librarian stay until two in the morning.</p>`,
).join('');

const EMPTY_STORE: HighlightStore = {
  list: () => Promise.resolve([]),
  put: (highlight) => Promise.resolve({ highlight, saved: null }),
  remove: () => Promise.resolve(null),
};

beforeEach(() => {
  installMatchMedia(400);
  fakeBrowser.reset();
  installEnglishMessages();
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en' });
});
afterEach(() => document.body.replaceChildren());

async function open() {
  const session = new ReaderSession({
    article: article({ title: 'The library at night', contentHtml: BODY, text: BODY.replace(/<[^>]+>/g, ' ') }),
    site: 'news.example.com',
    loadEntities: () => Promise.reject(new Error('not used')),
    highlightStore: EMPTY_STORE,
    listening: { speech: null },
  });
  await session.ready;
  const root = document.createElement('div');
  document.body.append(root);
  render(h(ReaderView, { session, onClose: () => undefined }), root);
  const q = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  // The aids say after their first paint that the contents come as a drawer here (no room beside the article).
  await vi.waitFor(() => expect(q('contents-toggle')).not.toBeNull());
  const key = async (k: string) => {
    root.querySelector('.ra-main')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
  };
  return { session, root, q, key };
}

test('listen, key points, contents and highlights are buttons of the one toolbar, each named with its key; nothing else sits over the article', async () => {
  const { session, root, q } = await open();
  const toolbar = q('reader-toolbar')!;
  const names = [...toolbar.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
  expect(names).toEqual(expect.arrayContaining(['Listen (P)', 'Key points (K)', 'Contents (C)', 'Highlights and notes: 0 (A)']));
  for (const id of ['reader-tool-listen', 'keypoints-make', 'contents-toggle', 'highlights-toggle'])
    expect(toolbar.contains(q(id))).toBe(true);
  // No second row of controls, and no button outside the toolbar but the article's own.
  const stray = [...root.querySelectorAll('button')].filter((b) => !toolbar.contains(b) && !b.closest('.ra-article'));
  expect(stray.map((b) => b.textContent)).toEqual([]);
  // The player shows only once it reads.
  expect(q('listen-bar')).toBeNull();
  session.close();
});

test('the "?" overlay lists every tool\'s keys, read-aloud\'s stop, paragraph and speed keys included', async () => {
  const { session, q, key } = await open();
  await key('?');
  const rows = [...q('reader-keys')!.querySelectorAll('.ra-key-row')].map((r) => r.textContent);
  for (const row of [
    'PListen',
    'SStop reading',
    '[Previous paragraph',
    ']Next paragraph',
    ',Slower',
    '.Faster',
    '<Quieter',
    '>Louder',
    'VNext voice',
    'KKey points',
    'CContents',
    'AHighlights and notes',
  ])
    expect(rows).toContain(row);
  session.close();
});

test("> and < set read-aloud's volume a tenth up and down from the article, kept within 0 and 1", async () => {
  const { session, key } = await open();
  const volume = () => session.readAloud!.state.settings.volume;
  const start = volume();
  await key('<');
  expect(volume()).toBeCloseTo(Math.max(0, start - 0.1));
  await key('>');
  await key('>');
  expect(volume()).toBeCloseTo(Math.min(1, start + 0.1));
  for (let i = 0; i < 12; i++) await key('>');
  expect(volume()).toBe(1);
  session.close();
});

test('K makes the key points at the top of the article, each a link to its sentence, saying which engine made them', async () => {
  const { session, q, key } = await open();
  expect(q('keypoints')).toBeNull();
  await key('k');
  await vi.waitFor(() => expect(q('keypoints')!.querySelectorAll('[data-testid="keypoint"]').length).toBeGreaterThanOrEqual(3));
  expect(q('keypoints-engine')!.textContent).toMatch(/on this device/i);
  session.close();
});

test('with no room beside the article the contents are a drawer the toolbar opens (C); closing it gives the focus back to the button', async () => {
  const { session, q, key } = await open();
  expect(q('contents')!.getAttribute('role')).toBeNull();
  await key('c');
  await vi.waitFor(() => expect(q('contents')!.getAttribute('role')).toBe('dialog'));
  const drawer = q('contents')!;
  // The focus goes into the drawer as it opens.
  await vi.waitFor(() => expect(drawer.contains(document.activeElement)).toBe(true));
  expect([...drawer.querySelectorAll('a')].map((a) => a.textContent)).toEqual(SECTIONS);
  expect(q('contents-toggle')!.getAttribute('aria-expanded')).toBe('true');
  drawer.querySelector<HTMLButtonElement>('.ra-toc-close')!.click();
  await new Promise((r) => setTimeout(r, 0));
  expect(q('contents')!.getAttribute('role')).toBeNull();
  expect(document.activeElement).toBe(q('contents-toggle'));
  session.close();
});

test('A opens the highlights and notes panel from the toolbar; pressing in the article leaves it open; its close button shuts it', async () => {
  const { session, root, q, key } = await open();
  expect(q('highlights-panel')).toBeNull();
  await key('a');
  expect(q('highlights-panel')!.textContent).toContain('Highlights and notes');
  expect(q('highlights-toggle')!.getAttribute('aria-expanded')).toBe('true');
  // It stays open while the user presses in the article to select the next passage.
  root.querySelector('.ra-content p')!.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
  expect(q('highlights-panel')).not.toBeNull();
  q('highlights-panel')!.querySelector<HTMLButtonElement>('.ra-hl-panel-head button')!.click();
  await new Promise((r) => setTimeout(r, 0));
  expect(q('highlights-panel')).toBeNull();
  expect(document.activeElement).toBe(q('highlights-toggle'));
  session.close();
});
