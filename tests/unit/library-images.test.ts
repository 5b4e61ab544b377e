// @vitest-environment node
// What a saved copy keeps of an article's pictures (lib/library/images.ts): the bytes decide what a
// picture is, never its name or a declared type; which address of a picture is stored; how far it
// is scaled; the per-article budget.
import {
  imageBudget,
  imageSources,
  isTiny,
  MAX_ARTICLE_IMAGE_BYTES,
  pickSource,
  pictureSize,
  scaledSize,
  sniffImage,
  sourceKey,
} from '@/lib/library/images';
import { stripedPng } from '../../scripts/lib/png.mjs';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffImage', () => {
  test.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    ['GIF87a', bytes('GIF87a'), 'image/gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['AVIF', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0]), 'image/avif'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/svg+xml'],
    [
      'SVG after a BOM, a declaration, a comment and a doctype',
      bytes(
        [0xef, 0xbb, 0xbf],
        '<?xml version="1.0"?>\n<!-- drawn -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg viewBox="0 0 1 1"/>',
      ),
      'image/svg+xml',
    ],
  ])('%s', (_, data, type) => expect(sniffImage(data)).toBe(type));

  test.each([
    ['an HTML error page served as image/jpeg', bytes('<!doctype html><html><body>Not found</body></html>')],
    ['a script', bytes('alert(1)//')],
    ['a RIFF that is a WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['an MP4 video', bytes([0, 0, 0, 0x18], 'ftypmp42')],
    ['an XHTML document', bytes('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>')],
    ['nothing', bytes()],
    ['a cut JPEG signature', bytes([0xff, 0xd8])],
  ])('not a picture: %s', (_, data) => expect(sniffImage(data)).toBeNull());
});

test('scaledSize: at most 1600 px wide, the same shape, never enlarged', () => {
  expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
  expect(scaledSize(1601, 1)).toEqual({ width: 1600, height: 1 });
  expect(scaledSize(1600, 900)).toEqual({ width: 1600, height: 900 });
  expect(scaledSize(320, 240)).toEqual({ width: 320, height: 240 });
  expect(scaledSize(3200, 100, 320)).toEqual({ width: 320, height: 10 });
});

test('isTiny: spacers and tracking pixels', () => {
  expect(isTiny(1, 1)).toBe(true);
  expect(isTiny(2, 2)).toBe(true);
  expect(isTiny(1, 300)).toBe(false);
  expect(isTiny(600, 400)).toBe(false);
});

describe('pictureSize: the size from the header, no decode', () => {
  const le = (n: number, width: number) => Array.from({ length: width }, (_, i) => (n >> (8 * i)) & 0xff);
  test('a real PNG, GIF, the three WebP kinds and a JPEG frame', () => {
    expect(pictureSize(new Uint8Array(stripedPng(2400, 1600, 12)))).toEqual({ width: 2400, height: 1600 });
    expect(pictureSize(bytes('GIF89a', le(300, 2), le(200, 2), [0, 0, 0]))).toEqual({ width: 300, height: 200 });
    const riff = (chunk: string, body: number[]) => bytes('RIFF', le(100, 4), 'WEBP', chunk, le(body.length, 4), body);
    expect(pictureSize(riff('VP8X', [0, 0, 0, 0, ...le(1999, 3), ...le(999, 3)]))).toEqual({ width: 2000, height: 1000 });
    const bits = (1999 | (999 << 14)) >>> 0;
    expect(pictureSize(riff('VP8L', [0x2f, ...le(bits, 4), 0, 0, 0, 0, 0]))).toEqual({ width: 2000, height: 1000 });
    expect(pictureSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le(1800, 2), ...le(1200, 2)]))).toEqual({
      width: 1800,
      height: 1200,
    });
    const jfif = [0xff, 0xe0, 0, 16, ...'JFIF'.split('').map((c) => c.charCodeAt(0)), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const sof = [0xff, 0xc2, 0, 17, 8, 0x04, 0xb0, 0x07, 0x08, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    expect(pictureSize(bytes([0xff, 0xd8], jfif, sof))).toEqual({ width: 1800, height: 1200 });
  });

  test('what the header cannot say is left to a decode', () => {
    // Exif may turn the picture; a cut header; AVIF; a PNG whose first chunk is not IHDR.
    const exif = [0xff, 0xe1, 0, 8, ...'Exif'.split('').map((c) => c.charCodeAt(0)), 0, 0];
    expect(pictureSize(bytes([0xff, 0xd8], exif, [0xff, 0xc0, 0, 17, 8, 0, 10, 0, 20, 3, 0, 0]))).toBeNull();
    expect(pictureSize(new Uint8Array(stripedPng(40, 30, 1)).subarray(0, 20))).toBeNull();
    expect(pictureSize(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(pictureSize(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IEND', le(0, 12)))).toBeNull();
    expect(pictureSize(bytes('GIF89a', le(0, 2), le(0, 2)))).toBeNull();
  });
});

describe('pickSource', () => {
  test('the src when it is a web address', () => {
    expect(pickSource(' https://a.example/p.jpg ', 'https://a.example/p-2x.jpg 2x')).toBe('https://a.example/p.jpg');
  });
  test('else the widest srcset candidate up to 1600 px, or the narrowest above', () => {
    const set = 'https://a.example/s.jpg 400w, https://a.example/m.jpg 1200w, https://a.example/l.jpg 2400w';
    expect(pickSource(null, set)).toBe('https://a.example/m.jpg');
    expect(pickSource('data:image/gif;base64,R0lG', set)).toBe('https://a.example/m.jpg');
    expect(pickSource(null, 'https://a.example/l.jpg 2400w, https://a.example/xl.jpg 3000w')).toBe('https://a.example/l.jpg');
    expect(pickSource(null, 'https://a.example/1.jpg 1x, https://a.example/2.jpg 2x, https://a.example/3.jpg 3x')).toBe(
      'https://a.example/2.jpg',
    );
  });
  test('nothing for data:, blob:, relative or script addresses', () => {
    expect(pickSource('data:image/png;base64,iVBO', null)).toBeNull();
    expect(pickSource('javascript:alert(1)', 'blob:x 1x')).toBeNull();
    expect(pickSource(null, null)).toBeNull();
  });
});

test('imageSources: each picture address once, in order, with the entities a browser writes decoded', () => {
  const html =
    '<figure><img src="https://img.example/a.jpg?w=800&amp;h=600" alt="A &quot;quoted&quot; harbour"><figcaption>x</figcaption></figure>' +
    '<p>text <img alt="lazy" srcset="https://img.example/b-400.jpg 400w, https://img.example/b-1200.jpg 1200w"></p>' +
    '<picture><source srcset="https://img.example/c.webp"><img src="https://img.example/c.jpg"></picture>' +
    '<img src="https://img.example/a.jpg?w=800&amp;h=600"><img src="data:image/gif;base64,R0lGOD"><IMG SRC="https://img.example/d.png">';
  expect(imageSources(html)).toEqual([
    'https://img.example/a.jpg?w=800&h=600',
    'https://img.example/b-1200.jpg',
    'https://img.example/c.jpg',
    'https://img.example/d.png',
  ]);
});

test('the budget keeps pictures in order until one does not fit; every one after it stays a link', () => {
  const budget = imageBudget(100);
  expect([budget.take(40), budget.take(50), budget.take(20), budget.take(5)]).toEqual([true, true, false, false]);
  expect(budget.used).toBe(90);
  expect(budget.full).toBe(true);
  expect(MAX_ARTICLE_IMAGE_BYTES).toBe(10 * 1024 * 1024);
});

test('sourceKey: 32 hex digits, the same for the same address, different for another', async () => {
  const a = await sourceKey('https://img.example/a.jpg');
  expect(a).toMatch(/^[0-9a-f]{32}$/);
  expect(await sourceKey('https://img.example/a.jpg')).toBe(a);
  expect(await sourceKey('https://img.example/b.jpg')).not.toBe(a);
});
