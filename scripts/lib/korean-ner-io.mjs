// Shared helpers for the Korean NER training and benchmark scripts: bundle the TypeScript
// sources with esbuild so Node can run them, read the KLUE JSONL samples and the KRX list,
// and score predictions.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NER_DIR = path.resolve(ROOT, '../shared/corpus/ner');
const KRX_CSV = path.resolve(ROOT, '../shared/corpus/tickers/krx_listed_companies.csv');

/** Bundles a TypeScript entry (path relative to the repo) to a temporary ES module and imports it. */
export async function importTs(entry) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ko-ner-'));
  const outfile = path.join(dir, 'bundle.mjs');
  // entry: a path relative to the repo, or { contents, resolveDir } for a module written inline.
  const input =
    typeof entry === 'string'
      ? { entryPoints: [path.resolve(ROOT, entry)] }
      : { stdin: { contents: entry.contents, resolveDir: path.resolve(ROOT, entry.resolveDir), loader: 'ts' } };
  await build({ ...input, bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error' });
  // eslint-disable-next-line no-unsanitized/method -- a bundle this script just built from the repo's sources
  const mod = await import(pathToFileURL(outfile).href);
  fs.rmSync(dir, { recursive: true, force: true });
  return mod;
}

/** Minified size in bytes of a bundled TypeScript entry. */
export async function minifiedSize(entry) {
  const res = await build({
    entryPoints: [path.resolve(ROOT, entry)],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return res.outputFiles[0].contents.length;
}

/** Code-point offset → UTF-16 offset table for a string. */
function cpToUtf16(text) {
  const map = [0];
  let u = 0;
  for (const ch of text) {
    u += ch.length;
    map.push(u);
  }
  return map;
}

/** Reads a KLUE JSONL file; entity offsets are converted to UTF-16 offsets. */
export function readKlue(file) {
  return fs
    .readFileSync(path.resolve(NER_DIR, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const row = JSON.parse(line);
      const map = cpToUtf16(row.text);
      const entities = row.entities.map((e) => ({ start: map[e.start], end: map[e.end], type: e.type.toLowerCase() }));
      for (const e of entities)
        if (row.text.slice(e.start, e.end) !== row.entities[entities.indexOf(e)].text)
          throw new Error(`offset mismatch in ${row.id}`);
      return { id: row.id, text: row.text, entities, source: row.source };
    });
}

/** Company names (name_ko) of the KRX list, common shares only. */
export function readKrxNames() {
  const lines = fs.readFileSync(KRX_CSV, 'utf8').split('\n').filter(Boolean);
  const parse = (line) => {
    const out = [];
    let cur = '',
      q = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (q) {
        if (ch === '"') {
          if (line[i + 1] === '"') {
            cur += '"';
            i++;
          } else q = false;
        } else cur += ch;
      } else if (ch === '"') q = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const head = parse(lines[0]);
  const iName = head.indexOf('name_ko'),
    iCommon = head.indexOf('common_code');
  const names = new Set();
  for (const line of lines.slice(1)) {
    const cols = parse(line);
    if (cols[iCommon]) continue; // preferred shares
    const name = cols[iName].trim();
    if (name.length >= 2 && !/\s/.test(name)) names.add(name);
  }
  return [...names].sort();
}

const ALL_TYPES = ['person', 'org', 'place', 'date', 'time', 'money', 'quantity'];

/** Entity-level scores per type: exact (span and type) and relaxed (same type, overlapping spans). */
export function score(rows, predict) {
  const c = Object.fromEntries(ALL_TYPES.map((t) => [t, { gold: 0, pred: 0, tp: 0, rtpP: 0, rtpG: 0 }]));
  for (const row of rows) {
    const pred = predict(row.text);
    for (const g of row.entities) c[g.type].gold++;
    for (const p of pred) c[p.type].pred++;
    const key = (e) => `${e.start}:${e.end}:${e.type}`;
    const goldKeys = new Set(row.entities.map(key));
    for (const p of pred) if (goldKeys.has(key(p))) c[p.type].tp++;
    const ov = (a, b) => a.type === b.type && a.start < b.end && b.start < a.end;
    for (const p of pred) if (row.entities.some((g) => ov(p, g))) c[p.type].rtpP++;
    for (const g of row.entities) if (pred.some((p) => ov(p, g))) c[g.type].rtpG++;
  }
  const prf = (tp, pred, gold, tpg = tp) => {
    const p = pred ? tp / pred : 0,
      r = gold ? tpg / gold : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const per = {};
  for (const t of ALL_TYPES) {
    const x = c[t];
    per[t] = { gold: x.gold, pred: x.pred, exact: prf(x.tp, x.pred, x.gold), relaxed: prf(x.rtpP, x.pred, x.gold, x.rtpG) };
  }
  const micro = (types) => {
    const s = types.reduce(
      (a, t) => ({
        tp: a.tp + c[t].tp,
        pred: a.pred + c[t].pred,
        gold: a.gold + c[t].gold,
        rp: a.rp + c[t].rtpP,
        rg: a.rg + c[t].rtpG,
      }),
      { tp: 0, pred: 0, gold: 0, rp: 0, rg: 0 },
    );
    return { exact: prf(s.tp, s.pred, s.gold), relaxed: prf(s.rp, s.pred, s.gold, s.rg) };
  };
  return { per, core: micro(['person', 'org', 'place']), all: micro(ALL_TYPES) };
}

export function formatScores(s) {
  const f = (x) => x.toFixed(3);
  const lines = ['type       gold  pred | exact P   R     F1   | relaxed P   R     F1'];
  for (const t of ALL_TYPES) {
    const x = s.per[t];
    lines.push(
      `${t.padEnd(9)} ${String(x.gold).padStart(5)} ${String(x.pred).padStart(5)} | ${f(x.exact.p)} ${f(x.exact.r)} ${f(x.exact.f)} | ${f(x.relaxed.p)} ${f(x.relaxed.r)} ${f(x.relaxed.f)}`,
    );
  }
  lines.push(
    `PER/ORG/PLACE micro: exact F1 ${f(s.core.exact.f)} (P ${f(s.core.exact.p)} R ${f(s.core.exact.r)}), relaxed F1 ${f(s.core.relaxed.f)}`,
  );
  lines.push(`all 7 types micro:   exact F1 ${f(s.all.exact.f)}, relaxed F1 ${f(s.all.relaxed.f)}`);
  return lines.join('\n');
}

/**
 * The Korean words that are never a name in `rows` (readKlue rows): every whitespace-separated word of
 * Hangul only (punctuation at its ends stripped) seen at least `min` times and never inside a person,
 * organisation or place, or seen at least 10 times and inside one at most once in ten. Sorted.
 * lib/entities/korean/common-words.ts is this over all of ko-klue-train.jsonl
 * (scripts/build-korean-common-words.mjs); cross-validation recounts it per fold.
 */
export function commonWords(rows, min = 2) {
  const seen = new Map();
  const inName = new Map();
  for (const r of rows) {
    const name = new Uint8Array(r.text.length);
    for (const e of r.entities) if (e.type === 'person' || e.type === 'org' || e.type === 'place') name.fill(1, e.start, e.end);
    let start = 0;
    for (const word of r.text.split(/(\s+)/)) {
      const at = start;
      start += word.length;
      const w = word.replace(/^[^가-힣]+|[^가-힣]+$/g, '');
      if (!/^[가-힣]+$/.test(w)) continue;
      seen.set(w, (seen.get(w) ?? 0) + 1);
      if (name.subarray(at, at + word.length).some((x) => x)) inName.set(w, (inName.get(w) ?? 0) + 1);
    }
  }
  return [...seen]
    .filter(([w, n]) => (n >= min && !inName.has(w)) || (n >= 10 && (inName.get(w) ?? 0) <= n / 10))
    .map(([w]) => w)
    .sort();
}

/**
 * A hash of what a trained Korean model depends on (the training script, the features, gazetteers and
 * model format, the training data), so that saved cross-validation folds can be told stale.
 */
export function sourceHash() {
  const h = crypto.createHash('sha256');
  const files = [
    'scripts/train-korean-ner.mjs',
    'scripts/lib/korean-ner-io.mjs',
    ...['features', 'lexicon', 'codec', 'decode'].map((f) => `lib/entities/korean/${f}.ts`),
  ];
  for (const f of files) h.update(fs.readFileSync(path.join(ROOT, f)));
  h.update(fs.readFileSync(path.join(NER_DIR, 'ko-klue-train.jsonl')));
  return h.digest('hex').slice(0, 16);
}
