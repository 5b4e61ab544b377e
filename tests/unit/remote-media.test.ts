// A saved copy makes no request when it is opened: lib/article/remote-media.ts sets remote
// pictures and media aside (their alt text and size kept) and leaves the copy's own data alone.
import { HELD_MARK, holdRemoteMedia, showStoredImages } from '@/lib/article/remote-media';
import { sanitizeToFragment } from '@/lib/article/sanitize';

const LABEL = 'Image not stored';
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

function hold(html: string) {
  const root = document.implementation.createHTMLDocument('').createElement('div');
  // (an inert document: nothing loads in jsdom either way, but this is how the reader does it)
  root.innerHTML = html; // eslint-disable-line no-unsanitized/property -- test input, inert document
  const held = holdRemoteMedia(root, { label: LABEL });
  return { root, held };
}

/** Every address left where a browser would fetch it. */
function fetchable(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*'))
    for (const attr of ['src', 'srcset', 'poster', 'background', 'data', 'style']) {
      const v = el.getAttribute(attr);
      if (v !== null) found.push(`${el.localName}[${attr}=${v}]`);
    }
  return found;
}

describe('holdRemoteMedia', () => {
  test('a tracking pixel, srcset, picture sources, a video poster and its sources, audio and a track wait', () => {
    const { root, held } = hold(`
      <p>Text <img src="http://tracker.example/pixel.gif?id=1" width="1" height="1"></p>
      <img src="https://news.example/a.jpg" srcset="https://news.example/a-2x.jpg 2x, https://news.example/a-3x.jpg 3x" alt="A harbour" width="640" height="360">
      <picture><source srcset="https://news.example/b.webp" type="image/webp"><img src="https://news.example/b.jpg" alt="B"></picture>
      <video poster="https://news.example/poster.jpg" controls><source src="https://news.example/v.mp4"><track src="https://news.example/v.vtt"></video>
      <audio src="//cdn.example/a.mp3" controls></audio>
      <p style="background:url(https://tracker.example/bg.png)">Styled</p>
      <table background="https://tracker.example/t.png"><tr><td>x</td></tr></table>`);
    expect(fetchable(root)).toEqual([]);
    expect(held).toBe(10);
    const img = root.querySelector('img[alt="A harbour"]')!;
    expect(img.hasAttribute(HELD_MARK)).toBe(true);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['640', '360']);
    expect(img.getAttribute('data-ra-held-src')).toBe('https://news.example/a.jpg');
    expect(img.getAttribute('data-ra-held-srcset')).toBe('https://news.example/a-2x.jpg 2x, https://news.example/a-3x.jpg 3x');
    // a picture without alt text says what it is
    expect(root.querySelector('p img')!.getAttribute('alt')).toBe(LABEL);
    expect(root.querySelector('video')!.getAttribute('data-ra-held-poster')).toBe('https://news.example/poster.jpg');
    expect(root.textContent).toContain('Styled');
  });

  test('pictures the copy holds itself (data:, blob:) show as they are; plain text and links are untouched', () => {
    const html = `<p><a href="https://news.example/more">more</a></p><img src="${PIXEL}" alt="inline"><img srcset="${PIXEL} 1x, ${PIXEL} 2x" src="blob:chrome-extension://id/1"><p style="color: red">red</p>`;
    const { root, held } = hold(html);
    expect(held).toBe(0);
    expect(root.querySelector('img')!.getAttribute('src')).toBe(PIXEL);
    expect(root.querySelectorAll(`[${HELD_MARK}]`)).toHaveLength(0);
    expect(root.querySelector('a')!.getAttribute('href')).toBe('https://news.example/more');
  });

  test('a srcset mixing inline data with a remote address waits whole', () => {
    const { root, held } = hold(`<img src="${PIXEL}" srcset="${PIXEL} 1x, https://tracker.example/2x.png 2x" alt="x">`);
    expect(held).toBe(1);
    const img = root.querySelector('img')!;
    expect(img.getAttribute('src')).toBe(PIXEL);
    expect(img.hasAttribute('srcset')).toBe(false);
  });

  test('after the sanitizer, as the reader runs it: nothing left to fetch, the text kept', () => {
    const fragment = sanitizeToFragment(
      '<p>Body text</p><img src="http://tracker.example/pixel.gif?id=1" onerror="window.__pwned=1"><video poster="https://x.example/p.jpg" src="https://x.example/v.mp4"></video>',
    );
    expect(holdRemoteMedia(fragment, { label: LABEL })).toBe(2);
    expect(fetchable(fragment)).toEqual([]);
    expect(fragment.textContent).toContain('Body text');
  });
});

describe('showStoredImages', () => {
  const inert = (html: string) => {
    const root = document.implementation.createHTMLDocument('').createElement('div');
    root.innerHTML = html; // eslint-disable-line no-unsanitized/property -- test input, inert document
    return root;
  };

  test('stored pictures get their local address (srcset and picture sources gone); the others still wait', () => {
    const root = inert(
      '<figure><picture><source srcset="https://img.example/a.webp" type="image/webp"><img src="https://img.example/a.jpg" srcset="https://img.example/a-2x.jpg 2x" alt="Harbour"></picture><figcaption>Harbour</figcaption></figure>' +
        '<img srcset="https://img.example/b-400.jpg 400w, https://img.example/b-1200.jpg 1200w" alt="Pier">' +
        '<img src="https://img.example/c.jpg" alt="Not stored">',
    );
    const stored = new Map([
      ['https://img.example/a.jpg', 'blob:ext/1'],
      ['https://img.example/b-1200.jpg', 'blob:ext/2'],
    ]);
    expect(showStoredImages(root, stored)).toBe(2);
    expect(holdRemoteMedia(root, { label: LABEL })).toBe(1);
    const [a, b, c] = [...root.querySelectorAll('img')];
    expect([a!.getAttribute('src'), a!.hasAttribute('srcset'), root.querySelectorAll('source').length]).toEqual([
      'blob:ext/1',
      false,
      0,
    ]);
    expect([b!.getAttribute('src'), b!.hasAttribute('srcset')]).toEqual(['blob:ext/2', false]);
    expect(c!.hasAttribute(HELD_MARK)).toBe(true);
    expect(fetchable(root)).toEqual(['img[src=blob:ext/1]', 'img[src=blob:ext/2]']);
  });

  test('a waiting picture whose caption says its alt text shows the label instead, so the caption is not read twice', () => {
    const { root } = hold(
      '<figure><img src="https://img.example/a.jpg" alt="The old pier at dawn."><figcaption>The old pier at dawn. Photo: Kim</figcaption></figure>' +
        '<figure><img src="https://img.example/b.jpg" alt="A ferry"><figcaption>Commuters wait</figcaption></figure>',
    );
    const [a, b] = [...root.querySelectorAll('img')];
    expect(a!.getAttribute('alt')).toBe(LABEL);
    expect(b!.getAttribute('alt')).toBe('A ferry');
  });
});
