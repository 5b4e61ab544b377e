#!/usr/bin/env node
// npm run bench:entities [-- --corpus DIR --out FILE --no-browser]
//
// Entity recognition quality and cost, figures only (nothing fails on a number):
//  1. Quality on ../shared/corpus/ner (ko-klue-dev, en-uner-dev): entity-level precision, recall
//     and F1 per type and overall, exact (same span and type) and relaxed (overlap, same type),
//     scoring only each sentence's annotated_types. Ours (lib/entities, bundled from the shipped
//     sources) against on-device JavaScript libraries in the same run: compromise (people(),
//     organizations(), places(); spans trimmed of punctuation and "'s", as ours are) for English.
//     wink-nlp's English model (wink-eng-lite-web-model 1.8.1, checked by hand) finds dates, times,
//     money and percentages but no person/organisation/place entities, and no JavaScript NER
//     library for Korean was found (npm has morphological analysers such as kiwi-nlp, which needs
//     a model download and tags proper nouns without types), so Korean is ours alone. Other English
//     candidates looked at and not measured, for want of typed PERSON/ORG/PLACE on the device:
//     @nlpjs/ner and wink-ner (they find the entities you give them; @nlpjs/builtin-compromise is
//     compromise again), natural, pos, en-pos and retext-pos (part-of-speech only),
//     compromise-wikipedia (untyped article titles), entity-finder and Stanford-NER clients (a
//     server or the network), transformers.js token classifiers (a model download).
//     English figures are also given per source (PUD news, PUD Wikipedia, EWT weblog/newsgroup).
//  2. Time to recognize and highlight a ~5,000-character article in headless Chromium
//     (/usr/bin/chromium or CHROMIUM_PATH), median over corpus articles (korean-portals expected.txt,
//     zyte-dev ground truth), run under the shared browser lock by the npm script.
//  3. Size of the lazily loaded entity bundle (minified, gzip) and of the ticker table.
//  4. Recognition time against text length (1,000 to 250,000 characters) in Node, Korean and
//     English texts made of the corpus's real sentences (three to a paragraph): time per 1,000
//     characters and the ratio of the largest to the smallest, which stays near 1 when the cost
//     is linear in the text (issue 21: it was 0.7 s for 16,000 characters and 48 s for 264,000).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { score } from './ner-score.mjs';
import { goldArticles, panelScore, tickerRecall, trapTickers } from './entity-checks.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const CORPUS = path.resolve(ROOT, opt('corpus', '../shared/corpus'));
const OUT = path.resolve(ROOT, opt('out', 'bench-results/entities.json'));
// --quick: quality only (no scaling, sizes or browser timing).
const QUICK = argv.includes('--quick');
const NO_BROWSER = argv.includes('--no-browser') || QUICK;
const NAME_TYPES = ['PERSON', 'ORG', 'PLACE'];
const THRESHOLD_RULE = 'the highest cross-validated exact F0.5 (precision counts twice as much as recall)';
const ALL_TYPES = ['PERSON', 'ORG', 'PLACE', 'DATE', 'TIME', 'MONEY', 'QUANTITY'];
const TO_NER = { person: 'PERSON', org: 'ORG', place: 'PLACE', date: 'DATE', time: 'TIME', money: 'MONEY', quantity: 'QUANTITY' };

const bundle = async (entry, format, platform) =>
  (
    await build({
      entryPoints: [entry],
      bundle: true,
      format,
      platform,
      target: 'es2022',
      write: false,
      alias: { '@': ROOT },
      logLevel: 'silent',
    })
  ).outputFiles[0].text;

// Ours, from the same sources the extension ships.
const tmp = fs.mkdtempSync(path.join(ROOT, 'node_modules/.bench-entities-'));
const oursFile = path.join(tmp, 'entities.mjs');
fs.writeFileSync(oursFile, await bundle(path.join(ROOT, 'lib/entities/index.ts'), 'esm', 'neutral'));
// eslint-disable-next-line no-unsanitized/method -- our own bundle, written just above
const ours = await import(pathToFileURL(oursFile).href);
const { default: nlp } = await import('compromise');
const confFile = path.join(tmp, 'confidence.mjs');
fs.writeFileSync(confFile, await bundle(path.join(ROOT, 'lib/entities/confidence.ts'), 'esm', 'neutral'));
// eslint-disable-next-line no-unsanitized/method -- our own bundle, written just above
const { CONFIDENT, UNSURE } = await import(pathToFileURL(confFile).href);

const readJsonl = (file) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const round = (x) => Math.round(x * 1000) / 1000;
const trimSpan = (text, start, end) => {
  while (end > start && /[\s.,;:!?"'’)\]]/.test(text[end - 1])) end--;
  if (/['’]s$/.test(text.slice(start, end))) end -= 2;
  while (start < end && /[\s"'‘“([]/.test(text[start])) start++;
  return [start, end];
};

const systems = {
  ours: (l, lang) =>
    ours
      .recognize(l.text, lang)
      .filter((s) => TO_NER[s.type])
      .map((s) => ({ start: s.start, end: s.end, type: TO_NER[s.type] })),
  compromise: (l) => {
    const doc = nlp(l.text);
    const pred = [];
    for (const [m, type] of [
      [doc.people(), 'PERSON'],
      [doc.organizations(), 'ORG'],
      [doc.places(), 'PLACE'],
    ]) {
      for (const o of m.json({ offset: true })) {
        const [start, end] = trimSpan(l.text, o.offset.start, o.offset.start + o.offset.length);
        if (end > start) pred.push({ start, end, type });
      }
    }
    return pred;
  },
};

const quality = {};
for (const [file, lang, libs] of [
  ['ner/ko-klue-dev.jsonl', 'ko', ['ours']],
  ['ner/en-uner-dev.jsonl', 'en', ['ours', 'compromise']],
]) {
  const full = path.join(CORPUS, file);
  if (!fs.existsSync(full)) continue;
  const lines = readJsonl(full);
  const name = path.basename(file, '.jsonl');
  quality[name] = {};
  for (const lib of libs) {
    const t0 = performance.now();
    const items = lines.map((l) => ({ gold: l.entities, pred: systems[lib](l, lang), annotated: l.annotated_types }));
    const ms = performance.now() - t0;
    const types = ALL_TYPES.filter((ty) => lines.some((l) => l.annotated_types.includes(ty)));
    // Per source (genre), names only: each source is a different kind of text.
    const bySource = {};
    for (const src of [...new Set(lines.map((l) => l.source))])
      bySource[src] = score(
        items.filter((_, k) => lines[k].source === src),
        NAME_TYPES,
      ).overall;
    quality[name][lib] = {
      names: score(items, NAME_TYPES).overall,
      all: score(items, types),
      bySource,
      msPerSentence: round(ms / lines.length),
    };
  }
}

// Precision and recall over confidence thresholds (names only, exact): the spans found with every
// confidence once, then kept at each threshold. The shipped threshold is CONFIDENT.
const THRESHOLDS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const prTable = {};
for (const [file, lang] of [
  ['ner/ko-klue-dev.jsonl', 'ko'],
  ['ner/en-uner-dev.jsonl', 'en'],
]) {
  const full = path.join(CORPUS, file);
  if (!fs.existsSync(full)) continue;
  const lines = readJsonl(full);
  const all = lines.map((l) => ours.recognize(l.text, lang, 0).filter((s) => NAME_TYPES.includes(TO_NER[s.type])));
  prTable[path.basename(file, '.jsonl')] = THRESHOLDS.map((th) => {
    const items = lines.map((l, k) => ({
      gold: l.entities,
      pred: all[k].filter((s) => s.confidence >= th).map((s) => ({ start: s.start, end: s.end, type: TO_NER[s.type] })),
      annotated: l.annotated_types,
    }));
    return { threshold: th, ...score(items, NAME_TYPES).overall };
  });
}

const fmt = (r) => `P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(3)}`;
for (const [set, libs] of Object.entries(quality)) {
  console.log(`\n${set}`);
  for (const [lib, r] of Object.entries(libs)) {
    console.log(
      `  ${lib.padEnd(11)} PERSON/ORG/PLACE exact ${fmt(r.names.exact)} | relaxed ${fmt(r.names.relaxed)} | ${r.msPerSentence} ms/sentence`,
    );
    for (const [ty, x] of Object.entries(r.all.types))
      console.log(`    ${ty.padEnd(9)} n=${String(x.exact.support).padEnd(4)} exact ${fmt(x.exact)} | relaxed ${fmt(x.relaxed)}`);
    if (Object.keys(r.bySource).length > 1)
      for (const [src, x] of Object.entries(r.bySource))
        console.log(
          `    ${src.replace(/^UNER English-/, '').padEnd(30)} n=${String(x.exact.support).padEnd(4)} exact ${fmt(x.exact)}`,
        );
  }
}

for (const [set, rows] of Object.entries(prTable)) {
  console.log(
    `\n${set}: PERSON/ORG/PLACE exact (relaxed) by confidence threshold; shipped ${CONFIDENT}, "less certain too" ${UNSURE}`,
  );
  for (const r of rows)
    console.log(
      `  ≥ ${r.threshold.toFixed(1)}  P ${r.exact.precision.toFixed(3)} R ${r.exact.recall.toFixed(3)} F1 ${r.exact.f1.toFixed(3)}  (relaxed P ${r.relaxed.precision.toFixed(3)} R ${r.relaxed.recall.toFixed(3)})${r.threshold === CONFIDENT ? '  ← shipped' : ''}`,
    );
}

// The shipped threshold by cross-validation on KLUE train (never dev): the whole Korean recognizer,
// with each fold's model and word list (trained without the fold: `node scripts/train-korean-ner.mjs
// --cv 5 --cv-save bench-results/klue-cv --cv-only`, or `--cv-train` here), on that fold's news
// sentences; the precision-recall table over thresholds; and the threshold THRESHOLD_RULE picks.
const cv = await crossValidatedThresholds();
if (cv) {
  console.log(
    `\nko-klue-train, ${cv.folds}-fold cross-validation over ${cv.sentences} news sentences: PERSON/ORG/PLACE exact by confidence threshold`,
  );
  for (const r of cv.rows)
    console.log(
      `  ≥ ${r.threshold.toFixed(2)}  P ${r.exact.precision.toFixed(3)} R ${r.exact.recall.toFixed(3)} F1 ${r.exact.f1.toFixed(3)} F0.5 ${r.f05.toFixed(3)}  (relaxed P ${r.relaxed.precision.toFixed(3)} R ${r.relaxed.recall.toFixed(3)})${r.threshold === cv.chosen ? '  ← the rule' : ''}${r.threshold === CONFIDENT ? '  ← shipped' : ''}`,
    );
  console.log(`  rule: ${THRESHOLD_RULE}; it picks ${cv.chosen}, shipped ${CONFIDENT}`);
}

// 5. What the reader sees: the panel on 20 hand-labelled articles, tickers by name, tickers on traps.
const panelOf = (text, lang) =>
  ours
    .groupEntities(ours.recognize(text, lang))
    .flatMap((g) => g.entries)
    .map((e) => ({ type: e.type, name: e.name, ticker: e.ticker }));
const gold = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/bench/data/entities-gold.json'), 'utf8'));
const panel = panelScore(goldArticles(CORPUS, gold), panelOf);
console.log('\npanel on 20 hand-labelled articles (scripts/bench/data/entities-gold.json): entries right / gold entities found');
for (const r of panel.rows)
  console.log(
    `  ${r.lang} ${r.id.slice(0, 16).padEnd(16)} right ${r.right}/${r.entries} (${(r.right / Math.max(1, r.entries)).toFixed(2)})  found ${r.found}/${r.gold} (${(r.found / r.gold).toFixed(2)})${r.duplicates ? `  ${r.duplicates} entities shown twice` : ''}${r.falseTickers ? `  ${r.falseTickers} wrong tickers` : ''}`,
  );
for (const lang of ['ko', 'en', 'all'])
  console.log(
    `  ${lang.padEnd(3)} right ${panel[lang].precision.toFixed(3)} of ${panel[lang].entries} entries, found ${panel[lang].recall.toFixed(3)}, shown twice ${panel[lang].duplicates}, wrong tickers ${panel[lang].falseTickers}, tickers found ${panel[lang].tickerRecall.toFixed(2)}`,
  );
if (argv.includes('--wrong'))
  for (const r of panel.rows)
    console.log(`  ${r.id.slice(0, 16)} wrong: ${r.wrong.join(' | ')}\n     missed: ${r.missed.join(' | ')}`);
const traps = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/bench/data/ticker-traps.json'), 'utf8')).paragraphs;
const trapped = trapTickers(traps, ours.recognize);
console.log(
  `\nfalse tickers on ${trapped.paragraphs} everyday trap paragraphs (scripts/bench/data/ticker-traps.json): ${trapped.falseTickers.length}${trapped.falseTickers.length ? ` (${trapped.falseTickers.map((t) => `${t.text} ${t.code}`).join(', ')})` : ''}`,
);
const tickerHits = tickerRecall(CORPUS, ours.recognize);
console.log(
  `ticker recall by name: KRX listed name ${tickerHits.krxListed.toFixed(3)} (with a particle ${tickerHits.krxParticle.toFixed(3)}; ${tickerHits.counts.krx} companies), S&P 500 listed name ${tickerHits.spListed.toFixed(3)}, short name ${tickerHits.spShort.toFixed(3)}, short name + 's ${tickerHits.spShortPossessive.toFixed(3)} (${tickerHits.counts.sp500})`,
);

// Recognition time against text length, one run: the same sentences, longer and longer texts.
const LENGTHS = QUICK ? [] : [1000, 4000, 16000, 64000, 250000];
const scaling = {};
for (const [file, lang] of [
  ['ner/ko-klue-dev.jsonl', 'ko'],
  ['ner/en-uner-dev.jsonl', 'en'],
]) {
  const full = path.join(CORPUS, file);
  if (!fs.existsSync(full) || QUICK) continue;
  const sentences = readJsonl(full).map((l) => l.text);
  const textOf = (chars) => {
    let text = '';
    for (let i = 0; text.length < chars; i++) text += sentences[i % sentences.length] + (i % 3 === 2 ? '\n' : ' ');
    return text.slice(0, chars);
  };
  ours.recognize(textOf(4000), lang); // warm up: the model decoded, the code compiled
  const rows = LENGTHS.map((chars) => {
    const text = textOf(chars);
    // Short texts are timed over several runs (the median), long ones once.
    const runs = Math.max(1, Math.round(16000 / chars));
    const times = [];
    let spans = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      spans = ours.recognize(text, lang).length;
      times.push(performance.now() - t0);
    }
    const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    return { chars, ms, msPer1000: (ms / chars) * 1000, spans };
  });
  const per = rows.map((r) => r.msPer1000);
  scaling[lang] = { rows, ratio: Math.max(...per) / Math.min(...per) };
  console.log(`\nrecognition time against text length (${lang}):`);
  for (const r of rows)
    console.log(
      `  ${String(r.chars).padStart(7)} chars  ${r.ms.toFixed(0).padStart(6)} ms  ${r.msPer1000.toFixed(2).padStart(6)} ms per 1,000 chars  ${r.spans} spans`,
    );
  console.log(`  largest/smallest ms per 1,000 chars: ${scaling[lang].ratio.toFixed(2)}`);
}

// Sizes: the lazy entity bundle as the extension ships it (.output/chrome-mv3/entities.js, built from
// entrypoints/entities.ts; built here when missing), and the ticker table inside it.
const BUILT = path.join(ROOT, '.output/chrome-mv3/entities.js');
if (!fs.existsSync(BUILT) && !QUICK) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
const entryCode = QUICK ? '' : fs.readFileSync(BUILT, 'utf8');
const tickerJson = fs.readFileSync(path.join(ROOT, 'lib/entities/data/tickers.json'));
const sizes = QUICK
  ? null
  : {
      bundleBytes: Buffer.byteLength(entryCode),
      bundleGzip: zlib.gzipSync(entryCode).length,
      tickersBytes: tickerJson.length,
      tickersGzip: zlib.gzipSync(tickerJson).length,
    };
if (sizes)
  console.log(
    `\nsizes: entity bundle ${sizes.bundleBytes} B (gzip ${sizes.bundleGzip} B), of which ticker table ${sizes.tickersBytes} B (gzip ${sizes.tickersGzip} B)`,
  );

// Time to highlight a ~5,000-character article in Chromium.
let timing = null;
if (!NO_BROWSER) timing = await browserTiming();

fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(
  OUT,
  JSON.stringify(
    {
      version: 1,
      date: new Date().toISOString(),
      quality,
      prTable,
      cv,
      panel: { ko: panel.ko, en: panel.en, all: panel.all },
      traps: trapped,
      tickers: tickerHits,
      scaling,
      sizes,
      timing,
    },
    (k, v) => (typeof v === 'number' ? round(v) : v),
    2,
  ),
);
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\nwrote ${path.relative(ROOT, OUT)}`);

/** Articles of about 5,000 characters, as paragraphs: Korean portal pages and English zyte pages. */
function articles() {
  const out = [];
  const take = (id, lang, paragraphs) => {
    const kept = [];
    let n = 0;
    for (const p of paragraphs.map((x) => x.trim()).filter(Boolean)) {
      if (n >= 5000) break;
      kept.push(p.slice(0, 5000 - n));
      n += p.length;
    }
    if (n >= 3000) out.push({ id, lang, paragraphs: kept });
  };
  const kp = path.join(CORPUS, 'korean-portals');
  if (fs.existsSync(path.join(kp, 'manifest.json'))) {
    for (const id of fs.readdirSync(kp)) {
      const f = path.join(kp, id, 'expected.txt');
      if (fs.existsSync(f)) {
        const text = fs.readFileSync(f, 'utf8');
        // Short articles are repeated to reach the length; the recognizer sees real sentences either way.
        const paras = text.split('\n');
        take(
          id,
          /[가-힣]/.test(text) ? 'ko' : null,
          Array.from({ length: Math.ceil(5000 / Math.max(1, text.length)) }, () => paras).flat(),
        );
      }
    }
  }
  const gt = path.join(CORPUS, 'extraction/zyte-dev/ground-truth.json');
  if (fs.existsSync(gt)) {
    const truth = JSON.parse(fs.readFileSync(gt, 'utf8'));
    for (const [id, { articleBody }] of Object.entries(truth).slice(0, 40)) take(`zyte-${id}`, 'en', articleBody.split('\n'));
  }
  return out;
}

async function browserTiming() {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    console.log(`no Chromium at ${executablePath}: timing skipped`);
    return null;
  }
  const code = entryCode;
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><article id="a"></article>');
    // The built script carries WXT's webextension-polyfill, which refuses to load outside an
    // extension (no chrome.runtime.id); the recognizer never calls it, so a stand-in id will do.
    await page.evaluate(() => {
      globalThis.chrome ??= {};
      globalThis.chrome.runtime ??= { id: 'bench-entities' };
    });
    await page.evaluate(code);
    const rows = [];
    for (const a of articles()) {
      const r = await page.evaluate(({ paragraphs, lang }) => {
        const api = globalThis.__readingAssistantEntities;
        const root = document.getElementById('a');
        root.replaceChildren(
          ...paragraphs.map((p) => {
            const el = document.createElement('p');
            // Some inline markup, as articles have: the first words bold, a link in the middle.
            const third = Math.floor(p.length / 3);
            el.append(document.createElement('b'), p.slice(20, third), document.createElement('a'), p.slice(2 * third));
            el.firstChild.textContent = p.slice(0, 20);
            el.childNodes[2].textContent = p.slice(third, 2 * third);
            return el;
          }),
        );
        const before = root.innerHTML;
        const times = [];
        let count = 0;
        // The first run pays for the model's decoding and the code's compilation; the figure is the
        // median of the 10 runs after it.
        for (let rep = 0; rep < 11; rep++) {
          const t0 = performance.now();
          const spans = api.recognize(api.textOf(root).text, lang);
          const tr = performance.now();
          const handle = api.highlightEntities(root, spans, ['person', 'org', 'place', 'datetime', 'amount', 'contact']);
          const t1 = performance.now();
          count = handle.spans.length;
          api.removeHighlights(root);
          times.push({ total: t1 - t0, recognize: tr - t0, remove: performance.now() - t1 });
        }
        const sorted = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
        return {
          ms: sorted(times.slice(1).map((x) => x.total)),
          recognizeMs: sorted(times.slice(1).map((x) => x.recognize)),
          firstMs: times[0].total,
          removeMs: sorted(times.map((x) => x.remove)),
          chars: api.textOf(root).text.length,
          marks: count,
          restored: root.innerHTML === before,
        };
      }, a);
      rows.push({ id: a.id, lang: a.lang, ...r });
    }
    const med = (xs) => {
      const s = [...xs].sort((x, y) => x - y);
      return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
    };
    // The machine's load while timing (the figures grow with it on a shared machine).
    const { loadavg, cpus } = await import('node:os');
    const summary = { loadAverage: loadavg()[0], cores: cpus().length };
    console.log(`load average ${summary.loadAverage.toFixed(1)} on ${summary.cores} cores`);
    for (const lang of ['ko', 'en']) {
      const r = rows.filter((x) => x.lang === lang);
      summary[lang] = {
        articles: r.length,
        medianChars: med(r.map((x) => x.chars)),
        medianMs: med(r.map((x) => x.ms)),
        slowestMs: Math.max(...r.map((x) => x.ms)),
        medianRecognizeMs: med(r.map((x) => x.recognizeMs)),
        medianFirstMs: med(r.map((x) => x.firstMs)),
        medianRemoveMs: med(r.map((x) => x.removeMs)),
        allRestored: r.every((x) => x.restored),
      };
      console.log(
        `highlight ${lang}: ${summary[lang].articles} articles of ~${summary[lang].medianChars} chars, median ${summary[lang].medianMs?.toFixed(1)} ms (recognize ${summary[lang].medianRecognizeMs?.toFixed(1)} ms; slowest article ${summary[lang].slowestMs.toFixed(1)} ms; first run ${summary[lang].medianFirstMs?.toFixed(1)} ms), remove ${summary[lang].medianRemoveMs?.toFixed(2)} ms, DOM restored: ${summary[lang].allRestored}`,
      );
    }
    return { summary, articles: rows };
  } finally {
    await browser.close();
  }
}

/**
 * The threshold rule (lib/entities/confidence.ts CONFIDENT follows it): the threshold with the highest
 * F0.5 (precision weighted twice as much as recall: a wrong entry costs the reader's trust more than
 * a missing one) in cross-validation on the KLUE training news, exact spans; the lowest such on ties.
 */
function chooseThreshold(rows) {
  return rows.reduce((a, b) => (b.f05 > a.f05 + 1e-9 ? b : a)).threshold;
}

/** Precision and recall over thresholds by K-fold cross-validation on the KLUE training news (see above). */
async function crossValidatedThresholds() {
  const dir = path.resolve(ROOT, opt('cv-dir', 'bench-results/klue-cv'));
  const { sourceHash } = await import('../lib/korean-ner-io.mjs');
  const metaFile = path.join(dir, 'folds.json');
  const fresh = () => fs.existsSync(metaFile) && JSON.parse(fs.readFileSync(metaFile, 'utf8')).sources === sourceHash();
  if (!fresh() && argv.includes('--cv-train'))
    execFileSync('node', ['scripts/train-korean-ner.mjs', '--cv', '5', '--cv-save', dir, '--cv-only'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  if (!fresh()) {
    console.log(
      `\nthreshold cross-validation skipped: no folds for the current model sources in ${path.relative(ROOT, dir)} (run with --cv-train, about 10 minutes)`,
    );
    return null;
  }
  const { folds } = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
  const news = readJsonl(path.join(CORPUS, 'ner/ko-klue-train.jsonl')).filter((l) => l.source.endsWith('wikitree'));
  // The other counts of common-words.ts, made again from each fold's training rows (the reviews and
  // the other folds' news), as scripts/build-korean-common-words.mjs makes them from all of train.
  const { importTs, readKlue } = await import('../lib/korean-ner-io.mjs');
  const { foreignGivenNames, givenNameSyllables, orgHeads, placesNamedAsOrgs, placesUsedAsWords } =
    await import('../lib/korean-train-counts.mjs');
  const lexicon = await importTs('lib/entities/korean/lexicon.ts');
  const { isCommonNoun } = await importTs('lib/entities/korean/nouns.ts');
  const gazetteerPlaces = new Set([...lexicon.KOREAN_PLACES, ...lexicon.WORLD_PLACES, ...lexicon.MORE_PLACES]);
  const trainRows = readKlue('ko-klue-train.jsonl');
  const newsIndex = new Map();
  for (const r of trainRows) if (r.source.endsWith('wikitree')) newsIndex.set(r, newsIndex.size);
  const companies = /COMPANY_NAMES = '([^']*)'/.exec(
    fs.readFileSync(path.join(ROOT, 'lib/entities/korean/model-data.ts'), 'utf8'),
  )[1];
  const found = new Array(news.length);
  for (let k = 0; k < folds; k++) {
    const model = fs.readFileSync(path.join(dir, `fold-${k}.bin`)).toString('base64');
    const words = fs.readFileSync(path.join(dir, `fold-${k}.words`), 'utf8');
    const foldRows = trainRows.filter((r) => !newsIndex.has(r) || newsIndex.get(r) % folds !== k);
    const syllables = givenNameSyllables(foldRows, lexicon.SURNAMES);
    const orgPlaces = placesNamedAsOrgs(foldRows, gazetteerPlaces).join(' ');
    const wordPlaces = placesUsedAsWords(foldRows, gazetteerPlaces, lexicon.JOSA_SET).join(' ');
    const givenNames = foreignGivenNames(foldRows).join(' ');
    const heads = orgHeads(foldRows, isCommonNoun).join(' ');
    // The shipped sources with this fold's model and word list in place of the shipped ones.
    const swap = {
      name: 'klue-fold',
      setup(b) {
        b.onLoad({ filter: /korean[\\/]model-data\.ts$/ }, () => ({
          contents: `export const MODEL_B64 = ${JSON.stringify(model)}; export const COMPANY_NAMES = ${JSON.stringify(companies)};`,
          loader: 'ts',
        }));
        b.onLoad({ filter: /korean[\\/]common-words\.ts$/ }, () => ({
          contents: `export const COMMON_WORDS = ${JSON.stringify(words)}; export const NAME_SYLLABLES = ${JSON.stringify(syllables)}; export const ORG_PLACES = ${JSON.stringify(orgPlaces)}; export const WORD_PLACES = ${JSON.stringify(wordPlaces)}; export const GIVEN_NAMES = ${JSON.stringify(givenNames)}; export const ORG_HEADS = ${JSON.stringify(heads)};`,
          loader: 'ts',
        }));
      },
    };
    const code = (
      await build({
        entryPoints: [path.join(ROOT, 'lib/entities/index.ts')],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        target: 'es2022',
        write: false,
        alias: { '@': ROOT },
        logLevel: 'silent',
        plugins: [swap],
      })
    ).outputFiles[0].text;
    const file = path.join(tmp, `fold-${k}.mjs`);
    fs.writeFileSync(file, code);
    // eslint-disable-next-line no-unsanitized/method -- our own bundle, written just above
    const fold = await import(pathToFileURL(file).href);
    news.forEach((l, i) => {
      if (i % folds === k) found[i] = fold.recognize(l.text, 'ko', 0).filter((s) => NAME_TYPES.includes(TO_NER[s.type]));
    });
  }
  const CV_THRESHOLDS = Array.from({ length: 20 }, (_, i) => i / 20);
  const rows = CV_THRESHOLDS.map((th) => {
    const items = news.map((l, i) => ({
      gold: l.entities,
      pred: found[i].filter((s) => s.confidence >= th).map((s) => ({ start: s.start, end: s.end, type: TO_NER[s.type] })),
      annotated: l.annotated_types,
    }));
    const overall = score(items, NAME_TYPES).overall;
    const { precision: p, recall: q } = overall.exact;
    return { threshold: th, ...overall, f05: p + q ? (1.25 * p * q) / (0.25 * p + q) : 0 };
  });
  return { folds, sentences: news.length, rows, chosen: chooseThreshold(rows) };
}
