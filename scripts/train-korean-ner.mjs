#!/usr/bin/env node
// Trains the Korean NER tagger shipped in utils/entities/korean/model-data.ts.
//
//   node scripts/train-korean-ner.mjs [--bits 17] [--epochs 8] [--seed 20250204] [--min-count 3] [--news-weight 5]
//     [--nsmc-weight 1] [--o-penalty 7] [--prune 6] [--q-pct 1] [--eval] [--eval-train] [--cv K] [--float]
//     [--no-write] [--debug]
//
// Averaged structured perceptron over hashed character features (utils/entities/korean/features.ts),
// first-order transitions, Viterbi decoding with BIO constraints. Trained on
// ../shared/corpus/ner/ko-klue-train.jsonl ONLY (KLUE-NER, CC BY-SA 4.0); --eval scores the
// quantised model on ko-klue-dev.jsonl (the development split, used for model selection);
// --cv K scores K-fold cross-validation on the training news sentences (each fold trained on the
// other folds' news and all reviews), a second opinion that never looks at dev.
// Deterministic: fixed seed for the sentence order, no other randomness.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, importTs, readKlue, readKrxNames, score, formatScores } from './lib/korean-ner-io.mjs';

const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? Number(argv[i + 1]) : def; };
const OPTS = {
  bits: opt('bits', 17), epochs: opt('epochs', 8), seed: opt('seed', 20250204), minCount: opt('min-count', 3), qPct: opt('q-pct', 1),
  newsWeight: opt('news-weight', 5), nsmcWeight: opt('nsmc-weight', 1), prune: opt('prune', 6), oPenalty: opt('o-penalty', 7),
};
const EVAL = argv.includes('--eval'), WRITE = !argv.includes('--no-write'), CV = opt('cv', 0);

const K = await importTs({
  contents: `export * from './features'; export * from './decode'; export * from './codec'; export * from './tagger';`,
  resolveDir: 'utils/entities/korean',
});
const { extractFeatures, NF, NUM_LABELS: L, viterbi, encodeModel, decodeModel, tagWithModel, setCompanyNames } = K;

const companies = readKrxNames();
setCompanyNames(companies);

const TYPE_INDEX = { person: 0, org: 1, place: 2, date: 3, time: 4, money: 5, quantity: 5 };
const train = readKlue('ko-klue-train.jsonl');
const toData = (row) => {
  const gold = new Uint8Array(row.text.length);
  for (const e of row.entities) {
    const t = TYPE_INDEX[e.type];
    gold[e.start] = 1 + 2 * t;
    for (let i = e.start + 1; i < e.end; i++) gold[i] = 2 + 2 * t;
  }
  return { feats: extractFeatures(row.text, OPTS.bits), gold, n: row.text.length, news: row.source.endsWith('wikitree') };
};

function mulberry32(a) {
  return () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const emitOf = (d, w) => {
  const emit = new Float32Array(d.n * L);
  for (let i = 0; i < d.n; i++) for (let k = i * NF; k < (i + 1) * NF; k++) {
    const f = d.feats[k];
    if (f < 0) continue;
    for (let y = 0; y < L; y++) emit[i * L + y] += w[f * L + y];
  }
  return emit;
};

/** Trains on rows (KLUE rows); returns the encoded, quantised model and the float weights. */
function trainModel(rows, o, log = true) {
  const H = 1 << o.bits;
  const data = rows.map(toData);
  // Prune rare feature buckets (seen fewer than minCount times in training).
  const counts = new Uint32Array(H);
  for (const d of data) for (let k = 0; k < d.n * NF; k++) if (d.feats[k] >= 0) counts[d.feats[k]]++;
  for (const d of data) for (let k = 0; k < d.n * NF; k++) if (d.feats[k] >= 0 && counts[d.feats[k]] < o.minCount) d.feats[k] = -1;

  const W = new Float32Array(H * L), U = new Float32Array(H * L);
  const T = new Float32Array((L + 1) * L), TU = new Float32Array((L + 1) * L);
  let c = 1;
  const rand = mulberry32(o.seed);
  const order = data.flatMap((d, i) => Array(d.news ? o.newsWeight : o.nsmcWeight).fill(i));
  for (let ep = 0; ep < o.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let errors = 0;
    for (const idx of order) {
      const d = data[idx];
      const pred = viterbi(d.n, emitOf(d, W), T);
      for (let i = 0; i < d.n; i++) {
        const g = d.gold[i], p = pred[i];
        const gp = i ? d.gold[i - 1] : L, pp = i ? pred[i - 1] : L;
        if (g !== p) {
          errors++;
          for (let k = i * NF; k < (i + 1) * NF; k++) {
            const f = d.feats[k];
            if (f < 0) continue;
            W[f * L + g] += 1; U[f * L + g] += c;
            W[f * L + p] -= 1; U[f * L + p] -= c;
          }
        }
        if (g !== p || gp !== pp) {
          T[gp * L + g] += 1; TU[gp * L + g] += c;
          T[pp * L + p] -= 1; TU[pp * L + p] -= c;
        }
      }
      c++;
    }
    if (log) console.error(`epoch ${ep + 1}: ${errors} wrong labels`);
  }
  // Averaged weights, then quantised to int8 (emissions) and int16 (transitions) on one scale.
  const avg = new Float32Array(H * L);
  for (let i = 0; i < avg.length; i++) avg[i] = W[i] - U[i] / c;
  const tavg = new Float32Array((L + 1) * L);
  for (let i = 0; i < tavg.length; i++) tavg[i] = T[i] - TU[i] / c;
  // Recall/precision trade-off: a fixed penalty on entering or staying in O (label 0).
  for (let q0 = 0; q0 <= L; q0++) tavg[q0 * L] -= o.oPenalty;
  const mags = [];
  for (const v of avg) if (v) mags.push(Math.abs(v));
  mags.sort((a, b) => a - b);
  const scale = mags[Math.min(mags.length - 1, Math.floor(mags.length * o.qPct))] / 127;
  const q = new Int8Array(H * L);
  for (let i = 0; i < avg.length; i++) { const v = Math.max(-127, Math.min(127, Math.round(avg[i] / scale))); q[i] = Math.abs(v) < o.prune ? 0 : v; }
  const qt = new Int16Array(tavg.length);
  for (let i = 0; i < tavg.length; i++) qt[i] = Math.max(-32767, Math.min(32767, Math.round(tavg[i] / scale)));
  if (log) console.error('scale', scale, 'max trans', Math.max(...tavg.map(Math.abs)), 'max w', mags[mags.length - 1]);
  return { bin: encodeModel(o.bits, L, q, qt), avg, tavg, W, T, data };
}

if (CV) {
  // K folds over the news sentences (round robin by index); reviews always train.
  const news = train.filter((r) => r.source.endsWith('wikitree'));
  const reviews = train.filter((r) => !r.source.endsWith('wikitree'));
  const preds = new Map();
  for (let k = 0; k < CV; k++) {
    const held = news.filter((_, i) => i % CV === k);
    const { bin } = trainModel([...reviews, ...news.filter((_, i) => i % CV !== k)], OPTS, false);
    const model = decodeModel(bin);
    for (const r of held) preds.set(r, tagWithModel(model, r.text));
    console.error(`fold ${k + 1}/${CV}`);
  }
  console.log(`cross-validation, ${CV} folds over ${news.length} training news sentences`);
  console.log(formatScores(score(news, (text) => preds.get(news.find((r) => r.text === text)))));
}

const { bin, avg, tavg, W, T, data } = trainModel(train, OPTS);
const b64 = Buffer.from(bin).toString('base64');
console.error(`model: ${OPTS.bits} bits, ${bin.length} bytes (${b64.length} base64), ${companies.length} company names`);

if (EVAL) {
  const model = argv.includes('--float') ? { bits: OPTS.bits, labels: L, weights: avg, trans: tavg } : decodeModel(bin);
  const dev = readKlue('ko-klue-dev.jsonl');
  console.log(formatScores(score(argv.includes('--eval-train') ? train : dev, (text) => tagWithModel(model, text))));
}
if (WRITE) {
  const out = path.join(ROOT, 'utils/entities/korean/model-data.ts');
  fs.writeFileSync(out, [
    '// GENERATED by `node scripts/train-korean-ner.mjs` — do not edit.',
    `// Averaged perceptron, ${OPTS.bits}-bit feature hashing, ${OPTS.epochs} epochs, seed ${OPTS.seed}, min count ${OPTS.minCount}.`,
    '// Trained on KLUE-NER v1.1 (CC BY-SA 4.0, Park et al. 2021, "KLUE: Korean Language Understanding Evaluation").',
    '// Company names: KRX listed companies (../shared/corpus/tickers/krx_listed_companies.csv, name_ko).',
    `export const MODEL_B64 = '${b64}';`,
    `export const COMPANY_NAMES = '${companies.join('|')}';`,
    '',
  ].join('\n'));
  console.error(`wrote ${path.relative(ROOT, out)}`);
}
if (argv.includes('--debug')) {
  let e1 = 0, e2 = 0, e3 = 0;
  const model = decodeModel(bin);
  const qf = Float32Array.from(model.weights);
  for (const d of data) {
    const p1 = viterbi(d.n, emitOf(d, W), T), p2 = viterbi(d.n, emitOf(d, avg), tavg), p3 = viterbi(d.n, emitOf(d, qf), model.trans);
    for (let i = 0; i < d.n; i++) { e1 += p1[i] !== d.gold[i]; e2 += p2[i] !== d.gold[i]; e3 += p3[i] !== d.gold[i]; }
  }
  console.error('label errors: last weights', e1, 'averaged', e2, 'quantised', e3);
}
