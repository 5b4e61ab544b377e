#!/usr/bin/env node
// npm run bench:listen [-- --runs 10 --no-browsers]
//
// Read-aloud and key points, figures only (nothing fails on a time):
//  1. Key points on the device (lib/summary/extractive.ts, bundled for Node from the shipped
//     sources): the time to rank a 5,000-character article (median of 50), and ROUGE-1/2/L F1 of
//     the points against each page's own og:description on the dev corpora (korean-portals,
//     zyte-dev, multilingual-dev), beside a lead-3 baseline (the first three sentences) in the same
//     run. Tokens: lower-case words, and single characters inside Hangul/Han/Kana runs.
//  2. Speech through the built extension (npm run build:all first) in real browsers: Firefox ESR
//     with espeak-ng through speech-dispatcher (a null PulseAudio sink, scripts/lib/speech.mjs) and
//     headless Chromium: the time from a click on the reader's Play to the first `start` event
//     (median of `runs`), and the reader's first sentences (one utterance a sentence, the
//     next queued while one is spoken, as page/read-aloud.ts does): the silence between sentences,
//     and the whole against the same text as one utterance. A browser with no voice is said so.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { nodeModule } from '../lib/page-bundle.mjs';
/* global location -- in the browser's page (page.evaluate) */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1] || 10) || 10;
const BROWSERS = !argv.includes('--no-browsers');

const lib = await nodeModule({
  name: 'listen',
  contents: `export { keySentences } from '@/lib/summary/extractive';
export { splitSentences } from '@/lib/speech/sentences';`,
});

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
// Through the extension itself: its saved-article page (read.html?demo, the bundled English demo
// article), where the reader's speech runs in the page's own window, so the page's
// speechSynthesis.speak can be watched: each utterance's start, end and error, and the real click on
// Play (a capturing listener). Play → the first `start` event, then Stop, `runs` times; then the
// first sentences as the reader reads them (one utterance a sentence, the next queued
// while one is spoken): the silence between one sentence's end and the next one's start, and the
// whole against the same text spoken as one utterance by the same voice in the same page.
const WATCH = `(() => {
  if (window.__speech) return;
  const log = (window.__speech = { clicks: [], starts: [], ends: [], errors: [] });
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('[data-testid="listen-play"]')) log.clicks.push(performance.now());
  }, true);
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (u) => {
    u.addEventListener('start', () => log.starts.push({ t: performance.now(), text: u.text, voice: u.voice ? u.voice.name : null, lang: u.lang, rate: u.rate }));
    u.addEventListener('end', () => log.ends.push({ t: performance.now(), text: u.text }));
    u.addEventListener('error', (e) => log.errors.push({ t: performance.now(), error: e.error }));
    return speak(u);
  };
})()`;

/** The measurements in one browser; `page` is the read page, `click(testId)` a real click, `evaluate(src)` runs source in it. */
async function measureSpeech(name, { evaluate, click }) {
  const voices = await evaluate(`(async () => {
    for (let i = 0; i < 150 && !speechSynthesis.getVoices().length; i++) await new Promise((r) => setTimeout(r, 200));
    const all = speechSynthesis.getVoices();
    return { all: all.length, ko: all.filter((v) => v.lang.startsWith('ko')).length };
  })()`);
  console.log(`${name}: ${voices.all} voices, ${voices.ko} Korean`);
  await evaluate(WATCH);
  const wait = (src, ms = 15000) =>
    evaluate(`(async () => { const end = performance.now() + ${ms};
      while (performance.now() < end) { const v = (${src})(window.__speech); if (v) return v; await new Promise((r) => setTimeout(r, 5)); }
      return null; })()`);
  if (!voices.all) {
    await click('listen-play');
    const said = await wait(
      `(log) => log.errors.length ? 'error ' + log.errors[0].error : log.starts.length ? 'start' : null`,
      5000,
    );
    const status = await evaluate(`document.querySelector('[data-testid="listen-status"]')?.textContent ?? ''`);
    console.log(
      `${name}: no voice, so no figure: Play gave ${said ?? 'no event in 5 s'}${status ? `; the reader says “${status.trim()}”` : ''}. (Its E2E speaks to a synthesizer written to the Web Speech API specification, whose times are its own.)`,
    );
    return;
  }
  const firstStart = [];
  for (let i = 0; i < RUNS; i++) {
    const before = await evaluate(`window.__speech.starts.length`);
    await click('listen-play');
    const t = await wait(
      `(log) => log.starts.length > ${before} && log.clicks.length ? log.starts[${before}].t - log.clicks[log.clicks.length - 1] : null`,
    );
    if (t !== null) firstStart.push(t);
    await click('listen-stop');
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log(
    `${name}: Play → first start event: median ${median(firstStart).toFixed(0)} ms of ${firstStart.length} (goal ≤ 300 ms; all: ${firstStart.map((t) => t.toFixed(0)).join(', ')})`,
  );
  // The first six sentences, as the reader reads them (at its speed, 1× unless set).
  const SENTENCES = 6;
  await evaluate(`window.__speech.starts.length = 0; window.__speech.ends.length = 0;`);
  await click('listen-play');
  const log = await wait(`(log) => log.ends.length >= ${SENTENCES} ? log : null`, 60000);
  await click('listen-stop');
  if (!log) return console.log(`${name}: the reader did not read ${SENTENCES} sentences in 60 s`);
  const gaps = [];
  for (let i = 0; i + 1 < SENTENCES; i++) gaps.push(log.starts[i + 1].t - log.ends[i].t);
  const reader = log.ends[SENTENCES - 1].t - log.starts[0].t;
  const texts = log.starts.slice(0, SENTENCES).map((x) => x.text);
  const one = await evaluate(`new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(${JSON.stringify(texts.join(' '))});
    u.lang = ${JSON.stringify(log.starts[0].lang)}; u.rate = ${log.starts[0].rate};
    u.voice = speechSynthesis.getVoices().find((v) => v.name === ${JSON.stringify(log.starts[0].voice)}) ?? null;
    let t0 = 0;
    u.onstart = () => (t0 = performance.now());
    u.onend = () => resolve(performance.now() - t0);
    speechSynthesis.speak(u);
  })`);
  console.log(
    `${name}: ${SENTENCES} sentences at ${log.starts[0].rate}× (voice ${log.starts[0].voice}): end → next start median ${median(gaps).toFixed(0)} ms, longest ${Math.max(...gaps).toFixed(0)} ms; the reader ${reader.toFixed(0)} ms against one utterance ${one.toFixed(0)} ms: ${((reader - one) / (SENTENCES - 1)).toFixed(0)} ms more per boundary (ratio ${(reader / one).toFixed(2)})`,
  );
}

if (BROWSERS) {
  const { ensureAudioSink } = await import('../lib/speech.mjs');
  const { launchChromium, launchFirefox } = await import('../lib/browsers.mjs');
  console.log('\nSpeech through the extension (read.html?demo: the bundled English demo article)');
  if (!ensureAudioSink()) console.log('No PulseAudio: install it (scripts/install-browsers.sh).');

  const { browser } = await launchFirefox({ prefs: { 'media.webspeech.synth.enabled': true } });
  try {
    // BiDi may not open moz-extension:// addresses: the add-on's own welcome page goes there.
    let page = null;
    for (let i = 0; i < 120 && !page; i++) {
      for (const p of await browser.pages())
        if ((await p.evaluate(() => location.href).catch(() => '')).endsWith('/welcome.html')) page = p;
      if (!page) await new Promise((r) => setTimeout(r, 250));
    }
    if (!page) throw new Error('the add-on opened no welcome page');
    await page.evaluate(() => location.assign('/read.html?demo'));
    await page.waitForFunction(
      () => location.pathname === '/read.html' && !!document.querySelector('[data-testid="listen-play"]'),
      { timeout: 30000 },
    );
    await measureSpeech('Firefox ESR (espeak-ng through speech-dispatcher)', {
      evaluate: (src) => page.evaluate(src),
      click: async (id) => {
        const el = await page.waitForSelector(`[data-testid="${id}"]`, { timeout: 15000 });
        await el.click();
        await el.dispose();
      },
    });
  } finally {
    await browser.close();
  }

  const { context, extensionId } = await launchChromium();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/read.html?demo`);
    await page.getByTestId('listen-play').waitFor();
    await measureSpeech('Chromium (headless)', {
      evaluate: (src) => page.evaluate(src),
      click: (id) => page.getByTestId(id).click(),
    });
  } finally {
    await context.close();
  }
}
