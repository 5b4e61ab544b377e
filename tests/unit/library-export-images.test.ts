// @vitest-environment node
// The pictures stored with articles in the exports and the JSON backup (extension/library/io.ts).
// Node's environment, for real Blobs in fake-indexeddb (jsdom's Blob has no bytes to read);
// jsdom's parser where the exports need a DOM.
import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { strFromU8, unzipSync } from 'fflate';
import { article, dropDbs, freshDb } from './library-helpers';
import { exportHtml, exportJson, exportMarkdownZip, importItems, parseImport } from '@/extension/library/io';
import { getArticle, saveArticle } from '@/extension/library/store';

afterEach(dropDbs);

const T0 = Date.UTC(2024, 4, 1, 12);
const { window } = new JSDOM('');
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');
/** The stored HTML is already sanitized; the exports' own sanitizing is tested in library-export.test.ts. */
const sanitize = (html: string) => html;

describe('pictures stored with articles', () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const SRC = 'https://img.example/harbour.png';
  const HASH = 'a'.repeat(32);
  const html = `<p>Before</p><figure><picture><source srcset="https://img.example/harbour.webp"><img src="${SRC}" srcset="${SRC} 1x" alt="Harbour"></picture><figcaption>Harbour</figcaption></figure><p><img src="https://img.example/other.jpg" alt="Not stored"></p>`;

  async function withPicture() {
    const db = freshDb('pictures');
    const a = article({ url: 'https://news.example.com/pictures', title: 'Pictures', contentHtml: html });
    await saveArticle(db, a, {
      pageUrl: a.url,
      now: T0,
      images: [
        {
          hash: HASH,
          src: SRC,
          type: 'image/png',
          width: 800,
          height: 600,
          blob: new Blob([PNG.slice()], { type: 'image/png' }),
        },
        {
          hash: 'thumb',
          src: SRC,
          type: 'image/png',
          width: 320,
          height: 240,
          blob: new Blob([PNG.slice()], { type: 'image/png' }),
        },
      ],
    });
    return { db, a };
  }

  test('the HTML export carries the stored picture inline; the other stays an address its policy does not load', async () => {
    const { db } = await withPicture();
    const out = await exportHtml(db, { sanitize });
    const doc = parse(out);
    const [stored, other] = [...doc.querySelectorAll('article img')];
    expect(stored!.getAttribute('src')).toBe(`data:image/png;base64,${Buffer.from(PNG).toString('base64')}`);
    expect(stored!.hasAttribute('srcset')).toBe(false);
    expect(doc.querySelectorAll('article source')).toHaveLength(0);
    expect(other!.getAttribute('src')).toBe('https://img.example/other.jpg');
  });

  test('the Markdown zip holds the picture as a file the Markdown links to', async () => {
    const { db } = await withPicture();
    const files = unzipSync(await exportMarkdownZip(db, { parseHtml: parse }));
    expect(Object.keys(files).sort()).toEqual(['2024-05-01-pictures.md', `images/${HASH}.png`]);
    expect([...files[`images/${HASH}.png`]!]).toEqual([...PNG]);
    const markdown = strFromU8(files['2024-05-01-pictures.md']!);
    expect(markdown).toContain(`![Harbour](images/${HASH}.png)`);
    expect(markdown).toContain('![Not stored](https://img.example/other.jpg)');
  });

  test('the JSON backup round-trips them; an import re-sniffs the bytes and drops what is no picture', async () => {
    const { db, a } = await withPicture();
    const json = await exportJson(db);
    const backup = JSON.parse(json) as { articles: Array<{ images: Array<{ type: string; data: string }> }> };
    expect(backup.articles[0]!.images).toHaveLength(2);

    // The file lies about a type and carries an HTML page as a "picture": neither is trusted.
    backup.articles[0]!.images[0]!.type = 'text/html';
    backup.articles[0]!.images.push({
      ...backup.articles[0]!.images[0]!,
      hash: 'b'.repeat(32),
      src: 'https://img.example/page.png',
      data: Buffer.from('<!doctype html><script>alert(1)</script>').toString('base64'),
    } as never);
    const other = freshDb('pictures-in');
    const parsed = parseImport(JSON.stringify(backup), 'backup.json', { sanitize });
    await importItems(other, parsed.items);
    const rows = await other.assets.toArray();
    expect(rows.map((r) => [r.hash, r.src, r.type]).sort()).toEqual([
      [HASH, SRC, 'image/png'],
      ['thumb', SRC, 'image/png'],
    ]);
    expect([...new Uint8Array(await rows[0]!.blob.arrayBuffer())]).toEqual([...PNG]);
    expect((await getArticle(other, a.url))?.contentHtml).toContain('Harbour');
  });
});
