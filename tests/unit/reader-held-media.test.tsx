// The saved-article page's reader holds the site's pictures back: the session's article has no
// remote address left where a browser would fetch it, the view says so in one sentence and offers
// "Load images from the site"; the reader over a live page (no holding asked) keeps them.
import { h, render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderView } from '@/components/ReaderView';
import { ReaderSession } from '@/page/reader-session';
import { installMatchMedia } from './match-media';
import { installEnglishMessages } from './translate-helpers';
import { article } from './sample-article';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const PIXEL = 'data:image/png;base64,iVBORw0KGgo=';
const ARTICLE = article({
  title: 'A story with pictures',
  leadImage: null,
  url: 'https://news.example.com/story',
  contentHtml: `<p>Story text.<img src="http://tracker.example/pixel.gif?id=1" width="1" height="1"></p><figure><img src="https://news.example.com/a.jpg" srcset="https://news.example.com/a2.jpg 2x" alt="The harbour" width="600" height="400"></figure><video poster="https://news.example.com/p.jpg" controls></video><img src="${PIXEL}" alt="Stored">`,
  text: 'Story text.',
});

beforeEach(() => {
  installMatchMedia();
  fakeBrowser.reset();
  installEnglishMessages();
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en' });
});
afterEach(() => document.body.replaceChildren());

const session = (holdRemoteMedia?: boolean) =>
  new ReaderSession({
    article: ARTICLE,
    site: 'news.example.com',
    loadEntities: () => Promise.reject(new Error('not used')),
    holdRemoteMedia,
  });

const remote = (root: Element) =>
  [...root.querySelectorAll('[src], [srcset], [poster]')]
    .flatMap((el) => ['src', 'srcset', 'poster'].map((a) => el.getAttribute(a)))
    .filter((v): v is string => v !== null && !v.startsWith('data:'));

test('held: nothing remote left, the stored picture shows, alt text and size kept; the view offers to load them', async () => {
  const s = session(true);
  await s.ready;
  expect(s.heldMedia).toBe(3);
  const root = document.createElement('div');
  document.body.append(root);
  let asked = 0;
  render(h(ReaderView, { session: s, onClose: () => undefined, onLoadRemoteMedia: () => asked++ }), root);
  const content = root.querySelector('.ra-content')!;
  expect(remote(content)).toEqual([]);
  expect(content.querySelector('img[alt="Stored"]')!.getAttribute('src')).toBe(PIXEL);
  const harbour = content.querySelector('img[alt="The harbour"]')!;
  expect([harbour.getAttribute('width'), harbour.getAttribute('height')]).toEqual(['600', '400']);
  expect(content.querySelector('p img')!.getAttribute('alt')).toBe('Image not stored');
  expect(root.querySelector('[data-testid="held-media"]')!.textContent).toContain(
    'This saved copy makes no requests: images and media from the site are not loaded.',
  );
  const button = root.querySelector<HTMLButtonElement>('[data-testid="load-remote-media"]')!;
  expect(button.textContent).toBe('Load images from the site');
  button.click();
  expect(asked).toBe(1);
  s.close();
});

test('not held (the reader over the page itself): the pictures keep their addresses, no notice', async () => {
  const s = session();
  await s.ready;
  expect(s.heldMedia).toBe(0);
  const root = document.createElement('div');
  document.body.append(root);
  render(h(ReaderView, { session: s, onClose: () => undefined, onLoadRemoteMedia: () => undefined }), root);
  expect(remote(root.querySelector('.ra-content')!)).toContain('http://tracker.example/pixel.gif?id=1');
  expect(root.querySelector('[data-testid="held-media"]')).toBeNull();
  s.close();
});

test('a saved copy whose source address is not a web page (stored before imports were checked) shows no link to it', async () => {
  const s = new ReaderSession({
    article: { ...ARTICLE, url: 'javascript:window.__canary=1' },
    site: 'news.example.com',
    loadEntities: () => Promise.reject(new Error('not used')),
  });
  await s.ready;
  const root = document.createElement('div');
  document.body.append(root);
  render(h(ReaderView, { session: s, onClose: () => undefined }), root);
  expect(root.querySelector('.ra-title')!.textContent).toBe('A story with pictures');
  expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).not.toContain('javascript:window.__canary=1');
  expect(root.querySelector('.ra-source')).toBeNull();
  s.close();
});
