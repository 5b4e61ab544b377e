#!/usr/bin/env node
// npm run bench:listen [-- --runs 10 --no-browsers]
//
// Read-aloud and key points, figures only (nothing fails on a time):
//  1. Key points on the device (lib/summary/extractive.ts, bundled for Node from the shipped
//     sources): the time to rank a 5,000-character article (median of 50), and ROUGE-1/2/L F1 of
//     the points against each page's own og:description on the dev corpora (korean-portals,
//     zyte-dev, multilingual-dev), beside a lead-3 baseline (the first three sentences) in the same
//     run. Tokens: lower-case words, and single characters inside Hangul/Han/Kana runs.
//  2. Speech in real browsers: Firefox ESR with espeak-ng through speech-dispatcher (a null
//     PulseAudio sink, scripts/lib/speech.mjs): the time from a Play click to the first `start`
//     event (median of `runs`), and the demo article's first sentences spoken one utterance each
//     (the next queued while one is spoken, as page/read-aloud.ts does) against the same text as one
//     utterance: the extra time per sentence boundary. Headless Chromium lists no voice here: said.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
/* global speechSynthesis, SpeechSynthesisUtterance -- in the browser's page (page.evaluate) */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1] || 10) || 10;
const BROWSERS = !argv.includes('--no-browsers');

const outfile = path.join(ROOT, 'bench-results', '.listen-bundle.mjs');
fs.mkdirSync(path.dirname(outfile), { recursive: true });
await build({
  stdin: {
    contents: `export { keySentences } from '@/lib/summary/extractive';
export { splitSentences } from '@/lib/speech/sentences';`,
    loader: 'ts',
    resolveDir: ROOT,
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  alias: { '@': ROOT },
  outfile,
  logLevel: 'silent',
});
// eslint-disable-next-line no-unsanitized/method
const lib = await import(pathToFileURL(outfile).href);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

// ---------------------------------------------------------------- ROUGE
const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
function tokens(text) {
  const out = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (CJK.test(m[0])) out.push(...m[0]);
    else out.push(m[0]);
  }
  return out;
}
function f1(overlap, a, b) {
  if (!overlap || !a || !b) return 0;
  const p = overlap / a;
  const r = overlap / b;
  return (2 * p * r) / (p + r);
}
function ngramOverlap(a, b, n) {
  const grams = (t) => {
    const m = new Map();
    for (let i = 0; i + n <= t.length; i++) {
      const g = t.slice(i, i + n).join('\u0001');
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let overlap = 0;
  for (const [g, c] of ga) overlap += Math.min(c, gb.get(g) ?? 0);
  return f1(overlap, Math.max(0, a.length - n + 1), Math.max(0, b.length - n + 1));
}
function lcs(a, b) {
  let prev = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return f1(prev[b.length], a.length, b.length);
}
const rouge = (summary, reference) => {
  const a = tokens(summary);
  const b = tokens(reference);
  return { r1: ngramOverlap(a, b, 1), r2: ngramOverlap(a, b, 2), rl: lcs(a, b) };
};

// ---------------------------------------------------------------- corpora
/** The page's og:description (else its description), read from its <meta> tags without running or styling the page. */
function ogDescription(html) {
  const entity = (t) =>
    t.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos|nbsp);/gi, (m, e) => {
      const named = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ' }[e.toLowerCase()];
      if (named) return named;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    });
  let fallback = '';
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attr = (name) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);
    const key = (attr('property') ?? attr('name'))
      ?.slice(2)
      .find((v) => v !== undefined)
      ?.toLowerCase();
    const content = attr('content')
      ?.slice(2)
      .find((v) => v !== undefined);
    if (!content) continue;
    if (key === 'og:description') return entity(content).trim();
    if (key === 'description' && !fallback) fallback = entity(content).trim();
  }
  return fallback;
}
function pages() {
  const out = [];
  const kp = path.join(CORPUS, 'korean-portals');
  for (const id of fs.readdirSync(kp)) {
    const dir = path.join(kp, id);
    if (!fs.existsSync(path.join(dir, 'expected.txt'))) continue;
    const body = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8').trim();
    if (!body) continue;
    out.push({ corpus: 'korean-portals', id, body, desc: ogDescription(fs.readFileSync(path.join(dir, 'source.html'), 'utf8')) });
  }
  for (const name of ['zyte-dev', 'multilingual-dev']) {
    const dir = path.join(CORPUS, 'extraction', name);
    const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
    for (const [id, t] of Object.entries(truth)) {
      const file = path.join(dir, 'html', `${id}.html.gz`);
      if (!fs.existsSync(file) || !t.articleBody) continue;
      const html = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
      out.push({ corpus: name, id, body: t.articleBody, desc: ogDescription(html), lang: t.lang });
    }
  }
  // A description under 30 characters (a site's name, a date) is no summary to compare with.
  return out.filter((p) => p.desc.length >= 30);
}
const sentencesOf = (body, lang) =>
  body
    .split(/\n+/)
    .flatMap((para) => lib.splitSentences(para, lang ?? null).map((s) => para.slice(s.start, s.end)))
    .filter((s) => /[\p{L}\p{N}]/u.test(s));

// ---------------------------------------------------------------- 1. key points on the device
console.log('Key points on the device (extractive: TextRank over TF-IDF, words / CJK character bigrams)');
const all = pages();
const byCorpus = new Map();
for (const p of all) {
  const sents = sentencesOf(p.body, p.lang ?? (p.corpus === 'korean-portals' ? 'ko' : null));
  if (sents.length < 4) continue;
  const chosen = lib.keySentences(sents).map((i) => sents[i]);
  const lead = sents.slice(0, 3);
  const row = byCorpus.get(p.corpus) ?? { n: 0, ours: [], lead: [] };
  row.n++;
  row.ours.push(rouge(chosen.join(' '), p.desc));
  row.lead.push(rouge(lead.join(' '), p.desc));
  byCorpus.set(p.corpus, row);
}
const fmt = (xs, k) => mean(xs.map((x) => x[k])).toFixed(3);
console.log('corpus            pages   ROUGE-1 ours/lead-3   ROUGE-2 ours/lead-3   ROUGE-L ours/lead-3');
for (const [name, row] of byCorpus)
  console.log(
    `${name.padEnd(17)} ${String(row.n).padStart(5)}   ${fmt(row.ours, 'r1')} / ${fmt(row.lead, 'r1')}         ${fmt(row.ours, 'r2')} / ${fmt(row.lead, 'r2')}         ${fmt(row.ours, 'rl')} / ${fmt(row.lead, 'rl')}`,
  );

// A 5,000-character article: the Korean portal pages' sentences in turn until 5,000 characters.
const korean = all.filter((p) => p.corpus === 'korean-portals').flatMap((p) => sentencesOf(p.body, 'ko'));
const article = [];
for (let i = 0, len = 0; len < 5000; i++) {
  const s = korean[i % korean.length];
  article.push(s);
  len += s.length + 1;
}
for (let i = 0; i < 5; i++) lib.keySentences(article); // warm up
const times = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  lib.keySentences(article);
  times.push(performance.now() - t0);
}
console.log(
  `Ranking a ${article.join(' ').length}-character Korean article (${article.length} sentences): median ${median(times).toFixed(2)} ms of 50 (goal ≤ 20 ms)`,
);

// ---------------------------------------------------------------- 2. speech in browsers
if (BROWSERS) {
  const { ensureAudioSink } = await import('../lib/speech.mjs');
  console.log('\nSpeech (Firefox ESR, espeak-ng through speech-dispatcher)');
  if (!ensureAudioSink()) console.log('No PulseAudio: install it (scripts/install-browsers.sh).');
  const demo = new JSDOM(fs.readFileSync(path.join(ROOT, 'tests/fixtures/demo/article.html'), 'utf8')).window.document;
  const paras = [...demo.querySelectorAll('article p, p')].map((p) => p.textContent.trim()).filter((t) => t.length > 60);
  const sents = paras.flatMap((p) => lib.splitSentences(p, 'ko').map((s) => p.slice(s.start, s.end))).slice(0, 5);
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<button id="play">Play</button>');
    const voices = await page.evaluate(async () => {
      for (let i = 0; i < 150 && !speechSynthesis.getVoices().length; i++) await new Promise((r) => setTimeout(r, 200));
      return speechSynthesis.getVoices().filter((v) => v.lang.startsWith('ko')).length;
    });
    console.log(`Korean voices: ${voices}`);
    const firstStart = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate((text) => {
        window.__t = new Promise((resolve) => {
          document.getElementById('play').onclick = () => {
            const t0 = performance.now();
            const u = new SpeechSynthesisUtterance(text);
            u.lang = 'ko';
            u.voice = speechSynthesis.getVoices().find((v) => v.lang.startsWith('ko')) ?? null;
            u.onstart = () => {
              resolve(performance.now() - t0);
              speechSynthesis.cancel();
            };
            speechSynthesis.speak(u);
          };
        });
      }, sents[0]);
      await page.click('#play');
      firstStart.push(await page.evaluate(() => window.__t));
      await new Promise((r) => setTimeout(r, 300));
    }
    console.log(
      `Play → first start event: median ${median(firstStart).toFixed(0)} ms of ${RUNS} (goal ≤ 300 ms; all: ${firstStart.map((t) => t.toFixed(0)).join(', ')})`,
    );
    const timed = await page.evaluate(async (texts) => {
      const voice = speechSynthesis.getVoices().find((v) => v.lang.startsWith('ko')) ?? null;
      const say = (text) => {
        const u = new SpeechSynthesisUtterance(text);
        u.lang = 'ko';
        u.voice = voice;
        u.rate = 2;
        return u;
      };
      const one = await new Promise((resolve) => {
        const u = say(texts.join(' '));
        let t0 = 0;
        u.onstart = () => (t0 = performance.now());
        u.onend = () => resolve(performance.now() - t0);
        speechSynthesis.speak(u);
      });
      const each = await new Promise((resolve) => {
        let t0 = 0;
        const us = texts.map(say);
        us[0].onstart = () => (t0 = performance.now());
        us.forEach((u, i) => {
          u.onend = () => {
            if (i + 2 < us.length) speechSynthesis.speak(us[i + 2]);
            if (i === us.length - 1) resolve(performance.now() - t0);
          };
        });
        speechSynthesis.speak(us[0]);
        if (us[1]) speechSynthesis.speak(us[1]);
      });
      return { one, each };
    }, sents);
    console.log(
      `${sents.length} sentences at 2×: one utterance ${timed.one.toFixed(0)} ms, one a sentence ${timed.each.toFixed(0)} ms: ${((timed.each - timed.one) / Math.max(1, sents.length - 1)).toFixed(0)} ms more per boundary (ratio ${(timed.each / timed.one).toFixed(2)})`,
    );
  } finally {
    await browser.close();
  }
  console.log('Chromium (headless): lists no voice on this machine; not measured.');
}
