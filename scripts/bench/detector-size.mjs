#!/usr/bin/env node
// npm run bench:detector-size: the size of the detector content script that runs on every page,
// as built (.output/chrome-mv3/detector.js). Builds nothing itself: run `npx wxt build` first.
// Prints raw and gzip bytes and writes bench-results/detector-size.json. The size is a figure; the
// only failure is a missing build.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = path.join(ROOT, '.output/chrome-mv3/detector.js');
/** The budget docs and detect.ts name for the detector bundle (informational). */
const BUDGET = 10 * 1024;

if (!fs.existsSync(file)) {
  console.error(`bench:detector-size: ${path.relative(ROOT, file)} does not exist. Build the extension first: npx wxt build`);
  process.exit(1);
}

const bytes = fs.readFileSync(file);
const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
const brotli = zlib.brotliCompressSync(bytes).length;
const built = fs.statSync(file).mtime;
let commit = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {
  // Not a git checkout.
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const result = {
  version: `${pkg.version}+${commit ?? 'nogit'}`,
  file: path.relative(ROOT, file),
  built: built.toISOString(),
  rawBytes: bytes.length,
  gzipBytes: gzip,
  brotliBytes: brotli,
  budgetBytes: BUDGET,
};

const kb = (n) => `${(n / 1024).toFixed(2)} KiB`;
console.log(`detector.js (${result.file}, built ${result.built})`);
console.log(
  `  raw    ${String(bytes.length).padStart(7)} B  ${kb(bytes.length)}  (budget ${kb(BUDGET)}: ${bytes.length <= BUDGET ? 'within' : 'OVER'})`,
);
console.log(`  gzip   ${String(gzip).padStart(7)} B  ${kb(gzip)}`);
console.log(`  brotli ${String(brotli).padStart(7)} B  ${kb(brotli)}`);
const out = path.join(ROOT, 'bench-results/detector-size.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
