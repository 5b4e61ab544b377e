#!/usr/bin/env node
// npm run bench:entities-korean
//
// The Korean NER (lib/entities/korean) on ../shared/corpus/ner/ko-klue-dev.jsonl: per-type
// precision/recall/F1, exact (span and type) and relaxed (same type, overlapping span), micro F1
// over PERSON/ORG/PLACE and over all seven types; the minified bundle size of the recognizer
// (model included); and the median time for a 5,000-character article (the seed page's text).
// Figures only: nothing here fails on a number.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, importTs, minifiedSize, readKlue, score, formatScores } from '../lib/korean-ner-io.mjs';

const { recognizeKorean } = await importTs('lib/entities/korean/index.ts');
const dev = readKlue('ko-klue-dev.jsonl');
const t0 = performance.now();
recognizeKorean('모델 로드'); // decodes the model once
const loadMs = performance.now() - t0;
const s = score(dev, recognizeKorean);
console.log(`ko-klue-dev: ${dev.length} sentences\n${formatScores(s)}`);

const seedDir = path.resolve(ROOT, '../shared/seed');
const seed = fs.readdirSync(seedDir).find((f) => f.endsWith('.txt'));
let article = fs.readFileSync(path.join(seedDir, seed), 'utf8');
while (article.length < 5000) article += `\n${article}`;
article = article.slice(0, 5000);
const times = [];
for (let i = 0; i < 60; i++) {
  const a = performance.now();
  recognizeKorean(article);
  times.push(performance.now() - a);
}
times.sort((a, b) => a - b);
const median = times[times.length >> 1];
const bytes = await minifiedSize('lib/entities/korean/index.ts');
const modelBytes = fs.statSync(path.join(ROOT, 'lib/entities/korean/model-data.ts')).size;
console.log(
  `speed: 5,000-char article, median ${median.toFixed(2)} ms over 60 runs (p90 ${times[Math.floor(times.length * 0.9)].toFixed(2)} ms); first call (model decode) ${loadMs.toFixed(0)} ms`,
);
console.log(
  `size: recognizer + model minified ${(bytes / 1024).toFixed(1)} KiB (model-data.ts ${(modelBytes / 1024).toFixed(1)} KiB)`,
);
const out = path.join(ROOT, 'bench-results/entities-korean.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ scores: s, medianMs5000: median, loadMs, minifiedBytes: bytes }, null, 2));
