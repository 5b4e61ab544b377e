// @vitest-environment node
// Saving an article with its pictures (extension/save-images.ts, the commit in store.ts, assets.ts):
// what is fetched, kept, scaled and left as a link; stored with the article in one transaction;
// deleted with it, back with its undo; and with the storage full half way, the article is saved
// with what fit.
//
// Node has no image decoder: the codec here is a fake written to the ImageCodec contract (sizes
// read from a test header; "scaling" writes a PNG of the new size), so only the decisions are
// tested here. The real codec (createImageBitmap + OffscreenCanvas) runs in both browsers in
// tests/e2e/library-offline.e2e.ts.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { article, dropDbs, freshDb } from './library-helpers';
import { collectImages, type ImageCodec } from '@/extension/save-images';
import { addImages, articleImages, imageUsage, thumbnails } from '@/extension/library/assets';
import { getArticle, removeArticles, restoreArticles, saveArticle } from '@/extension/library/store';
import { THUMB_HASH } from '@/extension/library/schema';
import { sourceKey } from '@/lib/library/images';

afterEach(dropDbs);
// Messages come back as their key (the fake browser has no catalogue).
vi.mock('@/platform/i18n', () => ({ t: (key: string) => key }));

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A "PNG": the signature, then its width and height as two 32-bit numbers, then padding to `size` bytes. */
function png(width: number, height: number, size = 64): Uint8Array {
  const out = new Uint8Array(Math.max(size, 16));
  out.set(PNG_SIG);
  const view = new DataView(out.buffer);
  view.setUint32(8, width);
  view.setUint32(12, height);
  return out;
}
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0x30]);

const fakeCodec: ImageCodec = {
  async measure(blob) {
    const b = new Uint8Array(await blob.arrayBuffer());
    if (b[0] === 0xff) return { width: 64, height: 48 };
    if (b[0] !== 0x89) throw new Error('undecodable');
    const view = new DataView(b.buffer);
    return { width: view.getUint32(8), height: view.getUint32(12) };
  },
  async scale(_blob, width, height) {
    return new Blob([png(width, height, 32).slice()], { type: 'image/png' });
  },
};

function server(files: Record<string, Uint8Array | string>) {
  const asked: string[] = [];
  const fetchBytes = async (url: string) => {
    asked.push(url);
    const f = files[url];
    if (f === undefined) throw new Error('HTTP 404');
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
  return { asked, fetchBytes };
}

const img = (src: string, alt = '') => `<img src="${src}" alt="${alt}">`;
const I = (n: string) => `https://img.example/${n}`;

test('pictures are kept in order: scaled to 1600 px, tiny ones, failures and non-pictures left, SVG sanitized or dropped', async () => {
  const { asked, fetchBytes } = server({
    [I('big.png')]: png(4000, 3000),
    [I('small.jpg')]: JPEG,
    [I('pixel.png')]: png(1, 1),
    [I('page.jpg')]: '<!doctype html><p>Not found</p>',
    [I('fake.png')]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]), // a PNG's start, no picture
    [I('chart.svg')]: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="4" height="4"/></svg>',
  });
  const html = [
    img(I('big.png')),
    img(I('small.jpg')),
    img(I('pixel.png')),
    img(I('missing.jpg')),
    img(I('page.jpg')),
    img(I('fake.png')),
    img(I('chart.svg')),
  ].join('<p>text</p>');
  const sanitizeSvg = async (text: string) => (text.includes('<script') ? text.replace(/<script>.*<\/script>/, '') : text);
  const withSvg = await collectImages({ contentHtml: html, leadImage: null }, { fetchBytes, codec: fakeCodec, sanitizeSvg });
  expect(asked.sort()).toEqual(
    [I('big.png'), I('small.jpg'), I('pixel.png'), I('missing.jpg'), I('page.jpg'), I('fake.png'), I('chart.svg')].sort(),
  );
  const kept = withSvg.images.filter((i) => i.hash !== THUMB_HASH);
  expect(kept.map((i) => [i.src, i.type, i.width, i.height])).toEqual([
    [I('big.png'), 'image/png', 1600, 1200],
    [I('small.jpg'), 'image/jpeg', 64, 48],
    [I('chart.svg'), 'image/svg+xml', 0, 0],
  ]);
  expect(await kept[2]!.blob.text()).not.toContain('script');
  expect(kept[0]!.hash).toBe(await sourceKey(I('big.png')));
  expect(withSvg).toMatchObject({ left: 0, total: 7 });
  // the first stored picture is the thumbnail when the lead picture is not one of them
  const thumb = withSvg.images.find((i) => i.hash === THUMB_HASH)!;
  expect([thumb.src, thumb.width, thumb.height]).toEqual([I('big.png'), 320, 240]);

  // without a sanitizer (no DOM) an SVG is not stored
  const without = await collectImages({ contentHtml: html, leadImage: null }, { fetchBytes, codec: fakeCodec });
  expect(without.images.map((i) => i.src)).not.toContain(I('chart.svg'));
});

test('the budget: pictures after the first that does not fit stay links, and are not even fetched once it is used', async () => {
  const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [I(`${i}.png`), png(800, 600, 1000)]));
  const { asked, fetchBytes } = server(files);
  const html = Array.from({ length: 12 }, (_, i) => img(I(`${i}.png`))).join('');
  const got = await collectImages(
    { contentHtml: html, leadImage: null },
    { fetchBytes, codec: fakeCodec, maxBytes: 3500, concurrency: 2 },
  );
  expect(got.images.filter((i) => i.hash !== THUMB_HASH).map((i) => i.src)).toEqual([I('0.png'), I('1.png'), I('2.png')]);
  expect(got.left).toBe(9);
  expect(got.total).toBe(12);
  expect(asked.length).toBeLessThanOrEqual(6); // four kept-or-refused, and at most the two running then
});

test('the lead picture becomes the thumbnail, fetched for it alone when the article does not show it', async () => {
  const { asked, fetchBytes } = server({ [I('body.png')]: png(600, 400), [I('lead.png')]: png(1200, 600) });
  const got = await collectImages(
    { contentHtml: img(I('body.png')), leadImage: I('lead.png') },
    { fetchBytes, codec: fakeCodec },
  );
  const thumb = got.images.find((i) => i.hash === THUMB_HASH)!;
  expect([thumb.src, thumb.width, thumb.height]).toEqual([I('lead.png'), 320, 160]);
  expect(asked).toContain(I('lead.png'));
  expect(got.images.filter((i) => i.hash !== THUMB_HASH).map((i) => i.src)).toEqual([I('body.png')]);
});

async function savedWithImages(n: number) {
  const db = freshDb('img');
  const files = Object.fromEntries(Array.from({ length: n }, (_, i) => [I(`${i}.png`), png(800, 600, 500)]));
  const { fetchBytes } = server(files);
  const a = article({
    url: 'https://news.example.com/pictures',
    contentHtml: Array.from({ length: n }, (_, i) => img(I(`${i}.png`))).join('<p>x</p>'),
  });
  const { images } = await collectImages(a, { fetchBytes, codec: fakeCodec });
  await saveArticle(db, a, { pageUrl: a.url, images });
  return { db, a };
}

test('stored with the article; deleting it deletes its pictures, and its undo brings them back', async () => {
  const { db, a } = await savedWithImages(3);
  expect((await articleImages(db, a.url)).map((r) => r.src).sort()).toEqual([I('0.png'), I('1.png'), I('2.png')]);
  expect((await thumbnails(db, [a.url, 'https://news.example.com/none']))[0]).toBeInstanceOf(Blob);
  expect(await imageUsage(db)).toEqual({ count: 4, bytes: 3 * 500 + 32 });

  const removed = await removeArticles(db, [a.url]);
  expect(await db.assets.count()).toBe(0);
  expect(await imageUsage(db)).toEqual({ count: 0, bytes: 0 });
  expect(removed[0]!.images).toHaveLength(4);

  await restoreArticles(db, removed);
  expect((await articleImages(db, a.url)).map((r) => r.src).sort()).toEqual([I('0.png'), I('1.png'), I('2.png')]);
  expect(await db.assets.count()).toBe(4);
});

test('saving again replaces the pictures (none are left behind from the old copy)', async () => {
  const { db, a } = await savedWithImages(3);
  const { fetchBytes } = server({ [I('new.png')]: png(800, 600, 500) });
  const again = { ...a, contentHtml: img(I('new.png')) };
  await saveArticle(db, again, { pageUrl: a.url, images: (await collectImages(again, { fetchBytes, codec: fakeCodec })).images });
  expect((await articleImages(db, a.url)).map((r) => r.src)).toEqual([I('new.png')]);
  expect(await db.assets.count()).toBe(2); // the picture and the thumbnail
});

test('the storage full half way: the article is kept with the pictures that fit', async () => {
  const { db, a } = await savedWithImages(0);
  const pictures = await Promise.all(
    [0, 1, 2, 3].map(async (i) => ({
      hash: await sourceKey(I(`${i}.png`)),
      src: I(`${i}.png`),
      type: 'image/png',
      width: 8,
      height: 8,
      blob: new Blob([png(8, 8).slice()]),
    })),
  );
  // The third write finds the storage full (as IndexedDB says it: a QuotaExceededError).
  let writes = 0;
  db.assets.hook('creating', () => {
    if (++writes === 3) throw new DOMException('full', 'QuotaExceededError');
  });
  expect(await addImages(db, a.url, pictures)).toBe(2);
  expect((await articleImages(db, a.url)).map((r) => r.src)).toEqual([I('0.png'), I('1.png')].sort((x, y) => (x < y ? -1 : 1)));
  expect((await getArticle(db, a.url))?.title).toBe(a.title);
  // a picture for an article deleted meanwhile is not stored
  await removeArticles(db, [a.url]);
  expect(await addImages(db, a.url, pictures)).toBe(0);
});

describe('saving a linked page with its pictures when the storage fills up half way (save-page.ts)', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('the article is saved with the pictures that fit, and the message says how many', async () => {
    const { saveLink, saveMessage } = await import('@/extension/save-page');
    const db = freshDb('quota');
    const files = Object.fromEntries([0, 1, 2, 3].map((i) => [I(`${i}.png`), png(800, 600, 500)]));
    const { fetchBytes } = server(files);
    const url = 'https://news.example.com/full';
    // The page itself (fetchPage, stubbed at fetch); its parse gives the article with four pictures.
    vi.stubGlobal('fetch', async () => new Response('<html><body>x</body></html>', { headers: { 'content-type': 'text/html' } }));
    // (no request rule in this fake browser: redirects are then not followed, which this page has none of)
    Object.assign(fakeBrowser, { declarativeNetRequest: undefined });
    const parse = async () => ({
      url,
      title: 'Full',
      excerpt: null,
      article: article({ url, contentHtml: [0, 1, 2, 3].map((i) => img(I(`${i}.png`))).join('<p>x</p>') }),
    });
    // The storage takes the thumbnail and two pictures, then is full (as IndexedDB says it).
    db.assets.hook('creating', (_key, row) => {
      if (row.src === I('2.png') || row.src === I('3.png')) throw new DOMException('full', 'QuotaExceededError');
    });
    const result = await saveLink(db, url, parse, { fetchBytes, codec: fakeCodec });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, images: { stored: 2, total: 4, short: 'quota' } });
    expect((await getArticle(db, url))?.title).toBe('A story');
    expect((await articleImages(db, url)).map((r) => r.src).sort()).toEqual([I('0.png'), I('1.png')]);
    expect(saveMessage(result)).toBe('toastImagesQuota');
  });
});

describe('the text first, the pictures right after (save-page.ts saveWithImages)', () => {
  test('the article is saved and readable while its pictures are still coming; each is stored in order as it is ready', async () => {
    const { saveWithImages } = await import('@/extension/save-page');
    const db = freshDb('first');
    // The second picture's server holds its answer until the test lets it go.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const files: Record<string, Uint8Array> = {
      [I('0.png')]: png(800, 600, 500),
      [I('1.png')]: png(2400, 1600, 500),
      [I('2.png')]: JPEG,
    };
    const fetchBytes = async (url: string) => {
      if (url === I('1.png')) await held;
      return files[url]!;
    };
    const a = article({
      url: 'https://news.example.com/first',
      leadImage: null,
      contentHtml: [0, 1, 2].map((i) => img(I(`${i}.png`))).join('<p>x</p>'),
    });
    const job = await saveWithImages(db, a, a.url, { fetchBytes, codec: fakeCodec });
    expect(job.saved).toMatchObject({ ok: true, created: true });
    expect((await getArticle(db, a.url))?.text).toBe(a.text);
    // the first picture (and the thumbnail made from it) is stored; the one held and those after it are not yet
    await vi.waitFor(async () => expect((await articleImages(db, a.url)).map((r) => r.src)).toEqual([I('0.png')]));
    expect((await thumbnails(db, [a.url]))[0]).toBeInstanceOf(Blob);
    release();
    expect(await job.done).toEqual(job.saved);
    const rows = await articleImages(db, a.url);
    expect(rows.map((r) => [r.src, r.width]).sort()).toEqual([
      [I('0.png'), 800],
      [I('1.png'), 1600],
      [I('2.png'), 64],
    ]);
  });

  test('an article deleted while its pictures come: nothing is stored for it and nothing is said', async () => {
    const { saveWithImages } = await import('@/extension/save-page');
    const db = freshDb('gone');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetchBytes = async () => {
      await held;
      return png(800, 600, 500);
    };
    const a = article({ url: 'https://news.example.com/gone', leadImage: null, contentHtml: img(I('0.png')) + img(I('1.png')) });
    const job = await saveWithImages(db, a, a.url, { fetchBytes, codec: fakeCodec });
    await removeArticles(db, [a.url]);
    release();
    expect(await job.done).toEqual(job.saved);
    expect(await db.assets.count()).toBe(0);
  });
});
