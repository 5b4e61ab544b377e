#!/usr/bin/env node
// npm run bench:translate [-- --paragraphs 40 --delay 40 --per-char 0.02 --out FILE]
//
// The translation pipeline (lib/translate/, the code the extension ships, bundled for Node)
// against the local test server (scripts/lib/translate-server.mjs) over real HTTP, with the
// translation cache in the library database on fake-indexeddb. The server waits `delay` ms per
// request plus `per-char` ms per character, a stand-in for a real service's latency (figures
// are about requests and the shape of the timeline, not about any real provider's speed).
// For a 40-paragraph article built from the demo article's paragraphs and segmented by
// segmentArticle, per provider (LibreTranslate, DeepL, OpenAI-compatible):
//  - batched (ours): requests, characters sent, time to the first translated paragraph, time
//    for the whole article;
//  - one request per paragraph (sequential, the naive way), the same figures;
//  - the cached second run: requests (0) and time.
// Figures only: nothing fails on a time.
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { nodeModule } from '../lib/page-bundle.mjs';
import { startTranslateServer } from '../lib/translate-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const N = Number(args.paragraphs ?? 40);
const DELAY = Number(args.delay ?? 40);
const PER_CHAR = Number(args['per-char'] ?? 0.02);
const OUT = path.resolve(ROOT, args.out ?? 'bench-results/translate.json');

// The shipped code, bundled (dependencies stay in node_modules).
const lib = await nodeModule({ name: 'translate', entry: 'scripts/bench/translate-entry.ts' });

// A 40-paragraph article: the demo article's paragraphs (links and emphasis included), their
// sentences rotated so that no two paragraphs are the same text.
const demo = new JSDOM(fs.readFileSync(path.join(ROOT, 'tests/fixtures/demo/article.html'), 'utf8'), {
  url: 'https://news.example.com/a',
}).window.document;
const source = [...demo.querySelectorAll('p')].filter((p) => p.textContent.trim().length > 60);
const dom = new JSDOM('<!doctype html><div id="article"></div>', { url: 'https://news.example.com/a' });
const article = dom.window.document.getElementById('article');
for (let k = 0; k < N; k++) {
  const p = source[k % source.length].cloneNode(true);
  const rounds = Math.floor(k / source.length);
  if (rounds) p.append(dom.window.document.createTextNode(` (${rounds + 1})`));
  article.append(dom.window.document.importNode(p, true));
}
const texts = lib.segmentArticle(article).map((s) => s.text);
const articleChars = texts.reduce((n, s) => n + s.length, 0);

const server = await startTranslateServer({ delay: DELAY, perCharMs: PER_CHAR });
const providers = [
  ['LibreTranslate', { kind: 'libretranslate', url: server.origin }],
  ['DeepL', { kind: 'deepl', apiKey: 'bench:fx', url: server.origin }],
  ['OpenAI-compatible', { kind: 'openai', baseUrl: `${server.origin}/v1`, model: 'echo-1' }],
];

async function run(config, options = {}) {
  server.reset();
  const start = performance.now();
  let first = null;
  await lib.translateAll(texts, {
    translator: lib.createTranslator(config),
    from: 'ko',
    to: 'en',
    onResult: () => (first ??= performance.now() - start),
    ...options,
  });
  return {
    requests: server.stats.requests,
    chars: server.stats.chars,
    bytes: server.stats.bytes,
    otherRequests: server.stats.all - server.stats.requests,
    firstMs: Math.round(first ?? 0),
    totalMs: Math.round(performance.now() - start),
  };
}

const results = {};
for (const [name, config] of providers) {
  const db = lib.openTranslationCache(`bench-${name}`);
  const cache = new lib.DexieTranslationCache(db);
  const perParagraph = await run(config, { maxBatchItems: 1, concurrency: 1 });
  const batched = await run(config, { cache });
  const cached = await run(config, { cache });
  results[name] = { batched, perParagraph, cached };
  db.close();
}
await server.close();

const summary = {
  date: new Date().toISOString(),
  paragraphs: texts.length,
  articleChars,
  serverLatency: { perRequestMs: DELAY, perCharMs: PER_CHAR },
  engine: { maxBatchChars: 4000, firstBatchChars: 800, concurrency: 3 },
  results,
};
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(summary, null, 2));

console.log(
  `Translation of a ${texts.length}-paragraph article (${articleChars} characters of markup), local server ${DELAY} ms/request + ${PER_CHAR} ms/char`,
);
const row = (cells) => console.log(cells.map((c, i) => (i ? String(c).padStart(11) : String(c).padEnd(46))).join(''));
row(['', 'requests', 'chars sent', 'body bytes', 'first (ms)', 'all (ms)']);
for (const [name, r] of Object.entries(results)) {
  for (const [label, x] of [
    ['batched (ours)', r.batched],
    ['one request per paragraph', r.perParagraph],
    ['second run, from the cache', r.cached],
  ]) {
    row([`${name}: ${label}`, x.requests, x.chars, x.bytes, x.firstMs, x.totalMs]);
  }
}
console.log('(LibreTranslate also reads /languages once per translator: counted apart, as otherRequests in the JSON.)');
console.log(`Written to ${path.relative(ROOT, OUT)}`);
