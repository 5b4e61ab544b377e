// Corpus layouts the benchmark reads, detected from the folder's contents:
//  (a) extraction benchmark: DIR/ground-truth.json ({id: {articleBody, url, lang?}}) + DIR/html/ID.html(.gz)
//  (b) korean-portals: DIR/manifest.json + DIR/<id>/source.html + DIR/<id>/expected.txt
//  (c) Readability test pages: DIR/<name>/source.html + expected.html + expected-metadata.json
// Every entry is {id, url, html, truth | truthHtml, isArticle, lang, scored?, truthCaptions?}
// (scored: false = left out of the extraction score; truthCaptions: the truth keeps figure captions,
// so ours is scored on its whole text there, not on its body). `truthHtml` (layout c) is
// turned into text in the browser with the same toPlainText the pipeline uses.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Readability's own test harness serves every test page at this URL. */
const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

const read = (file) => fs.readFileSync(file, 'utf8');

export function detectLayout(dir) {
  if (fs.existsSync(path.join(dir, 'ground-truth.json'))) return 'ground-truth';
  if (fs.existsSync(path.join(dir, 'manifest.json'))) return 'manifest';
  const pages = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
  if (
    pages.some(
      (d) => fs.existsSync(path.join(dir, d.name, 'source.html')) && fs.existsSync(path.join(dir, d.name, 'expected.html')),
    )
  ) {
    return 'readability-tests';
  }
  throw new Error(`${dir}: not a corpus (no ground-truth.json, no manifest.json, no <name>/source.html + expected.html)`);
}

function loadGroundTruth(dir) {
  const truth = JSON.parse(read(path.join(dir, 'ground-truth.json')));
  return Object.entries(truth).map(([id, item]) => {
    const gz = path.join(dir, 'html', `${id}.html.gz`);
    const plain = path.join(dir, 'html', `${id}.html`);
    const html = fs.existsSync(gz) ? zlib.gunzipSync(fs.readFileSync(gz)).toString('utf8') : read(plain);
    return { id, url: item.url, html, truth: item.articleBody ?? '', isArticle: true, lang: item.lang ?? null };
  });
}

function loadManifest(dir) {
  const manifest = JSON.parse(read(path.join(dir, 'manifest.json')));
  return manifest.map((item) => {
    const expected = path.join(dir, item.id, 'expected.txt');
    return {
      id: item.id,
      // A page without a recorded URL gets a neutral one on a reserved domain.
      url: item.url || `https://example.invalid/${encodeURIComponent(item.id)}.html`,
      html: read(path.join(dir, item.id, 'source.html')),
      // One paragraph a line in the file; paragraphs as blank-line separated blocks like our text.
      truth: fs.existsSync(expected) ? read(expected).trim().split('\n').join('\n\n') : '',
      isArticle: item.article !== false,
      lang: item.lang ?? null,
    };
  });
}

function loadReadabilityTests(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const metaFile = path.join(dir, name, 'expected-metadata.json');
      const meta = fs.existsSync(metaFile) ? JSON.parse(read(metaFile)) : {};
      const expected = path.join(dir, name, 'expected.html');
      return {
        id: name,
        url: READABILITY_TEST_URL,
        html: read(path.join(dir, name, 'source.html')),
        truthHtml: fs.existsSync(expected) ? read(expected) : '',
        isArticle: meta.readerable !== false,
        // Readability's expected output of a page it calls not readerable is no article body to
        // aim at: such pages count in the detection figures only.
        scored: meta.readerable !== false,
        // The truth is Readability's own output, figure captions in.
        truthCaptions: true,
        lang: meta.lang ?? null,
      };
    });
}

export function loadCorpus(dir) {
  const layout = detectLayout(dir);
  const pages =
    layout === 'ground-truth' ? loadGroundTruth(dir) : layout === 'manifest' ? loadManifest(dir) : loadReadabilityTests(dir);
  return { name: path.basename(path.resolve(dir)), dir, layout, pages };
}
