// @vitest-environment node
// The EPUB 3 export (extension/library/io.ts exportEpub, lib/library/epub.ts): a book of an English
// article with stored pictures (PNG, a sanitized SVG; a WebP this context cannot redraw, and a
// picture never stored, both left out as their descriptions) and highlights (one with a note, one
// overlapping it, one whose text is gone), and a Korean article with a highlight and a note. The book
// is checked by Debian's EPUBCheck (0 errors, 0 warnings) and read back for what a reader would see.
// Node's environment for real Blobs in fake-indexeddb; jsdom's parser and serializer for the DOM.
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { strFromU8, unzipSync } from 'fflate';
import { article, dropDbs, freshDb } from './library-helpers';
import { stripedPng } from '../../scripts/lib/png.mjs';
import { describe as describeText } from '@/lib/annotations/anchor';
import type { Highlight } from '@/lib/annotations/highlight';
import { putHighlights } from '@/extension/library/highlights';
import { exportEpub } from '@/extension/library/io';
import { saveArticle } from '@/extension/library/store';

afterEach(dropDbs);

const { window } = new JSDOM('');
(globalThis as { XMLSerializer?: unknown }).XMLSerializer = window.XMLSerializer;
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');
/** The stored HTML is sanitized when saved; the export's own sanitizing runs in the browser (DOMPurify needs a window). */
const sanitize = (html: string) => html;

const JAR = '/usr/share/java/epubcheck.jar';

/** EPUBCheck's report on `bytes` (its JSON), run by Java on a temporary file. */
function epubcheck(bytes: Uint8Array): { errors: number; warnings: number; fatal: number; messages: string[] } {
  if (!existsSync(JAR))
    throw new Error(
      `EPUBCheck is not installed (${JAR}): run scripts/install-browsers.sh, or apt-get install epubcheck, and run the tests again.`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'epub-'));
  try {
    const file = join(dir, 'book.epub');
    const report = join(dir, 'report.json');
    writeFileSync(file, bytes);
    try {
      execFileSync('java', ['-jar', JAR, file, '--json', report, '--quiet'], { stdio: 'pipe' });
    } catch {
      // a non-zero exit when it found errors: the report says which
    }
    const json = JSON.parse(execFileSync('cat', [report]).toString()) as {
      checker: { nError: number; nWarning: number; nFatal: number };
      messages: { ID: string; severity: string; message: string; locations: { path: string; line: number }[] }[];
    };
    return {
      errors: json.checker.nError,
      warnings: json.checker.nWarning,
      fatal: json.checker.nFatal,
      messages: json.messages.map((m) => `${m.severity} ${m.ID} ${m.message} @ ${m.locations[0]?.path}:${m.locations[0]?.line}`),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const EN_URL = 'https://news.example.com/2024/05/harbour';
const KO_URL = 'https://news.example.kr/article/2024/0501';
const EN_TEXT =
  'Plans\n\nThe harbour authority showed its plans for the old pier & the new ferry terminal.\n\nThe old pier\n\nResidents asked how long the works would close the quay to <fishing> boats.';
const KO_TEXT = '서울시는 한강 공원의 자전거도로를 내년까지 넓힌다고 밝혔다.\n\n시민들은 공사 기간 동안의 우회로를 물었다.';
const PNG = 'https://img.example/pier.png';
const SVG = 'https://img.example/chart.svg';
const WEBP = 'https://img.example/boats.webp';
const HTML = `<h2 id="plans" class="x" style="color:red">Plans</h2><p>The harbour authority showed its plans for the <a href="#plans">old pier</a> &amp; the <span><b>new ferry terminal</b></span>.</p>
<figure><picture><source srcset="${WEBP}"><img src="${PNG}" alt="The old pier" width="auto" align="left"></picture><figcaption>The old pier</figcaption></figure>
<p><img src="${SVG}" alt="Passengers by year"> <img src="${WEBP}" alt="Fishing boats"> <img src="https://img.example/missing.jpg" alt="A map"></p>
<iframe src="https://video.example/embed"></iframe><table><tr><td colspan="x">one</td><td>two</td></tr></table>
<p>Residents asked how long the works would close the quay to &lt;fishing&gt; boats. <a href="javascript:alert(1)">more</a></p><li>a stray item</li>`;

function highlight(id: string, url: string, text: string, quote: string, over: Partial<Highlight> = {}): Highlight {
  const start = text.indexOf(quote);
  return {
    id,
    article: url,
    selectors: describeText(text, start, start + quote.length)!,
    color: 'yellow',
    note: '',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}

async function library() {
  const db = freshDb('epub');
  const png = stripedPng(64, 32, 40);
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" width="200" height="100"><rect width="20" height="10" fill="#1a7f37"/></svg>';
  const webp = new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
  const image = (hash: string, src: string, type: string, bytes: Uint8Array | string) => ({
    hash,
    src,
    type,
    width: 64,
    height: 32,
    blob: new Blob([bytes as BlobPart], { type }),
  });
  await saveArticle(db, article({ url: EN_URL, title: 'The harbour <plans> & the pier', text: EN_TEXT, contentHtml: HTML }), {
    pageUrl: EN_URL,
    now: Date.UTC(2024, 4, 1),
    images: [
      image('a'.repeat(32), PNG, 'image/png', png),
      image('b'.repeat(32), SVG, 'image/svg+xml', svg),
      image('c'.repeat(32), WEBP, 'image/webp', webp),
      image('thumb', PNG, 'image/png', png),
    ],
  });
  await saveArticle(db, article({ url: KO_URL, title: '한강 자전거도로 넓힌다', lang: 'ko', text: KO_TEXT }), {
    pageUrl: KO_URL,
    now: Date.UTC(2024, 4, 2),
  });
  await putHighlights(db, [
    highlight('hl-1', EN_URL, EN_TEXT, 'new ferry terminal', { note: 'Ask about the <timetable> & fares\nand the parking' }),
    highlight('hl-2', EN_URL, EN_TEXT, 'the new ferry', { color: 'pink' }),
    {
      ...highlight('hl-3', EN_URL, EN_TEXT, 'old pier'),
      selectors: [
        { type: 'TextQuoteSelector', exact: 'a sentence since removed', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 0 },
      ],
    },
    highlight('hl-4', KO_URL, KO_TEXT, '자전거도로를 내년까지 넓힌다', { color: 'green', note: '우회로 지도 확인' }),
  ]);
  return db;
}

// (Java starts EPUBCheck in some seconds, many more on a loaded machine: a generous time limit)
test(
  'an EPUB of two articles with pictures, highlights and notes passes EPUBCheck with no error or warning',
  { timeout: 180_000 },
  async () => {
    const db = await library();
    const bytes = await exportEpub(db, [KO_URL, EN_URL], { parseHtml: parse, sanitize, now: Date.UTC(2024, 5, 1) });
    const report = epubcheck(bytes);
    expect(report.messages).toEqual([]);
    expect([report.fatal, report.errors, report.warnings]).toEqual([0, 0, 0]);

    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names[0]).toBe('mimetype');
    expect(strFromU8(files.mimetype!)).toBe('application/epub+zip');
    // in the order asked: the Korean article first
    const ko = strFromU8(files['OEBPS/a0001.xhtml']!);
    const en = strFromU8(files['OEBPS/a0002.xhtml']!);
    expect(ko).toContain('xml:lang="ko"');
    expect(ko).toMatch(/<mark [^>]*class="hl-green"[^>]*>자전거도로를 내년까지 넓힌다<\/mark>/);
    expect(ko).toContain('우회로 지도 확인');
    // the stored PNG and SVG as files of the book; the WebP (no redraw here) and the unstored picture as their words
    expect(names.filter((n) => n.startsWith('OEBPS/images/')).sort()).toEqual([
      `OEBPS/images/${'a'.repeat(32)}.png`,
      `OEBPS/images/${'b'.repeat(32)}.svg`,
    ]);
    expect(en).toContain(`<img src="images/${'a'.repeat(32)}.png" alt="The old pier"`);
    expect(en).toContain('[Fishing boats]');
    expect(en).toContain('[A map]');
    expect(en).not.toMatch(/https:\/\/img\.example|video\.example|javascript:|style=|align=/);
    // two overlapping highlights, in the order of the text: marked in pieces (the overlap once, in
    // the later one's colour), each linked to its endnote; the note escaped, its line break kept
    expect(en).toContain(
      '<span id="a2-hl1"></span><mark class="hl-pink">the </mark><span><b><span id="a2-hl2"></span><mark class="hl-yellow">new ferry</mark>' +
        '<sup><a href="#a2-hl1-note" class="noteref" epub:type="noteref">1</a></sup><mark class="hl-yellow"> terminal</mark>' +
        '<sup><a href="#a2-hl2-note" class="noteref" epub:type="noteref">2</a></sup>',
    );
    expect(en).toContain('Ask about the &#60;timetable&#62; &#38; fares<br/>and the parking');
    // the one whose text is gone is listed last with its words, and no link back
    expect(en).toMatch(
      /<li id="a2-hl3-note" class="hl-yellow"><blockquote><p>a sentence since removed<\/p><\/blockquote><\/li><\/ol>/,
    );
    expect(en).toContain('The harbour &#60;plans&#62; &#38; the pier');
  },
);

test('one article: the book takes its title; an empty choice is refused in a sentence', async () => {
  const db = await library();
  const bytes = await exportEpub(db, [KO_URL], { parseHtml: parse, sanitize });
  const opf = strFromU8(unzipSync(bytes)['OEBPS/content.opf']!);
  expect(opf).toContain('<dc:title>한강 자전거도로 넓힌다</dc:title>');
  expect(opf).toContain('<dc:language>ko</dc:language>');
  await expect(exportEpub(db, ['https://nowhere.example/'], { parseHtml: parse, sanitize })).rejects.toThrow(
    'There is nothing to export in this list.',
  );
});
