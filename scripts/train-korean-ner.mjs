#!/usr/bin/env node
// Trains the Korean NER tagger shipped in utils/entities/korean/model-data.ts.
//
//   node scripts/train-korean-ner.mjs [--bits 17] [--epochs 8] [--seed 20250204] [--min-count 3] [--news-weight 5]
//     [--nsmc-weight 1] [--o-penalty 7] [--prune 6] [--q-pct 1] [--eval] [--eval-train] [--float] [--no-write] [--debug]
//
// Averaged structured perceptron over hashed character features (utils/entities/korean/features.ts),
// first-order transitions, Viterbi decoding with BIO constraints. Trained on
// ../shared/corpus/ner/ko-klue-train.jsonl ONLY (KLUE-NER, CC BY-SA 4.0); --eval scores the
// quantised model on ko-klue-dev.jsonl (the development split, used for model selection).
// Deterministic: fixed seed for the sentence order, no other randomness.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, importTs, readKlue, readKrxNames, score, formatScores } from './lib/korean-ner-io.mjs';

const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? Number(argv[i + 1]) : def; };
const BITS = opt('bits', 17), EPOCHS = opt('epochs', 8), SEED = opt('seed', 20250204), MIN_COUNT = opt('min-count', 3), QPCT = opt('q-pct', 1);
const NEWS_W = opt('news-weight', 5), NSMC_W = opt('nsmc-weight', 1);
const PRUNE = opt('prune', 6);
const O_PENALTY = opt('o-penalty', 7);
const EVAL = argv.includes('--eval'), WRITE = !argv.includes('--no-write');

const K = await importTs({
  contents: `export * from './features'; export * from './decode'; export * from './codec'; export * from './tagger';`,
  resolveDir: 'utils/entities/korean',
});
const { extractFeatures, NF, NUM_LABELS: L, viterbi, encodeModel, decodeModel, tagWithModel, setCompanyNames } = K;

const companies = readKrxNames();
setCompanyNames(companies);

const TYPE_INDEX = { person: 0, org: 1, place: 2, date: 3, time: 4, money: 5, quantity: 5 };
const train = readKlue('ko-klue-train.jsonl');
const H = 1 << BITS;
const data = train.map((row) => {
  const gold = new Uint8Array(row.text.length);
  for (const e of row.entities) {
    const t = TYPE_INDEX[e.type];
    gold[e.start] = 1 + 2 * t;
    for (let i = e.start + 1; i < e.end; i++) gold[i] = 2 + 2 * t;
  }
  return { feats: extractFeatures(row.text, BITS), gold, n: row.text.length, news: row.source.endsWith('wikitree') };
});
// Prune rare feature buckets (seen fewer than MIN_COUNT times in training).
const counts = new Uint32Array(H);
for (const d of data) for (let k = 0; k < d.n * NF; k++) if (d.feats[k] >= 0) counts[d.feats[k]]++;
for (const d of data) for (let k = 0; k < d.n * NF; k++) if (d.feats[k] >= 0 && counts[d.feats[k]] < MIN_COUNT) d.feats[k] = -1;

const W = new Float32Array(H * L), U = new Float32Array(H * L);
const T = new Float32Array((L + 1) * L), TU = new Float32Array((L + 1) * L);
let c = 1;
function mulberry32(a) {
  return () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const rand = mulberry32(SEED);
const order = data.flatMap((d, i) => Array(d.news ? NEWS_W : NSMC_W).fill(i));
const emitOf = (d, w) => {
  const emit = new Float32Array(d.n * L);
  for (let i = 0; i < d.n; i++) for (let k = i * NF; k < (i + 1) * NF; k++) {
    const f = d.feats[k];
    if (f < 0) continue;
    for (let y = 0; y < L; y++) emit[i * L + y] += w[f * L + y];
  }
  return emit;
};
for (let ep = 0; ep < EPOCHS; ep++) {
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
  console.error(`epoch ${ep + 1}: ${errors} wrong labels`);
}
// Averaged weights, then quantised to int8 (emissions) and int16 (transitions) on one scale.
const avg = new Float32Array(H * L);
for (let i = 0; i < avg.length; i++) avg[i] = W[i] - U[i] / c;
const tavg = new Float32Array((L + 1) * L);
for (let i = 0; i < tavg.length; i++) tavg[i] = T[i] - TU[i] / c;
// Recall/precision trade-off: a fixed penalty on entering or staying in O (label 0).
for (let q0 = 0; q0 <= L; q0++) tavg[q0 * L] -= O_PENALTY;
const mags = [];
for (const v of avg) if (v) mags.push(Math.abs(v));
mags.sort((a, b) => a - b);
const scale = mags[Math.min(mags.length - 1, Math.floor(mags.length * QPCT))] / 127;
const q = new Int8Array(H * L);
for (let i = 0; i < avg.length; i++) { const v = Math.max(-127, Math.min(127, Math.round(avg[i] / scale))); q[i] = Math.abs(v) < PRUNE ? 0 : v; }
const qt = new Int16Array(tavg.length);
for (let i = 0; i < tavg.length; i++) qt[i] = Math.max(-32767, Math.min(32767, Math.round(tavg[i] / scale)));
console.error('scale', scale, 'max trans', Math.max(...tavg.map(Math.abs)), 'max w', mags[mags.length - 1]);
const bin = encodeModel(BITS, L, q, qt);
const b64 = Buffer.from(bin).toString('base64');
console.error(`model: ${BITS} bits, ${bin.length} bytes (${b64.length} base64), ${companies.length} company names`);

if (EVAL) {
  const model = argv.includes('--float') ? { bits: BITS, labels: L, weights: avg, trans: tavg } : decodeModel(bin);
  const dev = readKlue('ko-klue-dev.jsonl');
  console.log(formatScores(score(argv.includes('--eval-train') ? train : dev, (text) => tagWithModel(model, text))));
}
if (WRITE) {
  const out = path.join(ROOT, 'utils/entities/korean/model-data.ts');
  fs.writeFileSync(out, [
    '// GENERATED by `node scripts/train-korean-ner.mjs` — do not edit.',
    `// Averaged perceptron, ${BITS}-bit feature hashing, ${EPOCHS} epochs, seed ${SEED}, min count ${MIN_COUNT}.`,
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
