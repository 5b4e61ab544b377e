#!/usr/bin/env node
// npm run check:build (run by `npm test` right after `npm run build:all`): checks the built
// extension in .output/chrome-mv3 and .output/firefox-mv3.
//
//   1. Size budgets (scripts/size-budgets.json): every script the extension ships, and every page's
//      scripts, stays within its budget. Prints a table (bundle, size, budget, % of the budget) and
//      fails on a bundle over its budget, a bundle without a budget or a budget without its bundle.
//   2. No test knobs (scripts/test-knobs.json): fails when a shipped file holds a name that exists
//      only for tests, and prints the file and the match.
//
//   node scripts/check-build.mjs                    check both builds
//   node scripts/check-build.mjs --write-budgets    set each budget that is not fixed to its
//                                                   measured size plus its margin, then check
//   options for the self-test: --out DIR (instead of .output), --budgets FILE, --knobs FILE
//
// A bundle is what one context loads: a script the manifest or the background names (detector.js,
// background.js, entities.js, content-scripts/*.js) with the chunks it imports, or a page (*.html)
// with the scripts its HTML loads and the chunks they import. What a page imports later, with
// import(), is a second bundle, "page.html, later". Sizes are bytes; "gzip" is the gzip -9 size of
// each file, summed (a measure of how much code there is; an extension is not downloaded
// compressed), "raw" the bytes as shipped.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TARGETS = ['chrome-mv3', 'firefox-mv3'];
export const LATER = ', later';

/** Files of a build, relative to its root with forward slashes. */
function filesOf(dir, sub = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesOf(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** The build's files a module specifier names, resolved from the file that names it (only files that exist). */
function resolveIn(dir, from, specifier) {
  const rel = specifier.startsWith('/') ? specifier.slice(1) : path.posix.join(path.posix.dirname(from), specifier);
  return fs.existsSync(path.join(dir, rel)) ? path.posix.normalize(rel) : null;
}

/** The chunks a script imports: statically (import … from, import "…") and later (import(), Vite's preload list). */
function importsOf(dir, file) {
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  const now = new Set();
  const later = new Set();
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]((?:\.{1,2})?\/[^"'`]+\.js)["'`]/g)) {
    const f = resolveIn(dir, file, m[1]);
    if (f) now.add(f);
  }
  for (const m of code.matchAll(/\bimport\(\s*["'`]((?:\.{1,2})?\/[^"'`]+\.js)["'`]\s*\)/g)) {
    const f = resolveIn(dir, file, m[1]);
    if (f) later.add(f);
  }
  // Vite lists the chunks an import() preloads as paths from the build's root.
  for (const list of code.matchAll(/__vite__mapDeps=[^;]*?\[((?:"[^"]*",?)*)\]/g)) {
    for (const m of list[1].matchAll(/"([^"]+\.js)"/g)) if (fs.existsSync(path.join(dir, m[1]))) later.add(m[1]);
  }
  return { now, later };
}

/** Every file `start` loads at once (itself and its static imports), and the ones it loads later. */
function closure(dir, start) {
  const now = new Set();
  const laterRoots = new Set();
  const visit = (file) => {
    if (now.has(file)) return;
    now.add(file);
    const { now: next, later } = importsOf(dir, file);
    for (const f of next) visit(f);
    for (const f of later) laterRoots.add(f);
  };
  start.forEach(visit);
  const later = new Set();
  const visitLater = (file) => {
    if (now.has(file) || later.has(file)) return;
    later.add(file);
    const imports = importsOf(dir, file);
    for (const f of [...imports.now, ...imports.later]) visitLater(f);
  };
  laterRoots.forEach(visitLater);
  return { now: [...now].sort(), later: [...later].sort() };
}

/** The scripts a page's HTML loads: module scripts, classic scripts and module preloads. */
function pageScripts(dir, page) {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const out = [];
  for (const m of html.matchAll(
    /<(?:script\b[^>]*\bsrc|link\b[^>]*\brel=["']?modulepreload["']?[^>]*\bhref)=["']?([^"'\s>]+\.js)/gi,
  )) {
    const f = resolveIn(dir, page, m[1]);
    if (f) out.push(f);
  }
  return out;
}

/**
 * The bundles of one build: name → files. Scripts at the root and in content-scripts/ (the detector,
 * the background, the recognizer, the reader) and each page; a page's later imports are a bundle of
 * their own.
 */
export function bundlesOf(dir) {
  const files = filesOf(dir);
  const bundles = new Map();
  const add = (name, start) => {
    const { now, later } = closure(dir, start);
    bundles.set(name, now);
    if (later.length) bundles.set(`${name}${LATER}`, later);
  };
  for (const f of files) if (/^(content-scripts\/)?[^/]+\.js$/.test(f)) add(f, [f]);
  for (const f of files) if (/^[^/]+\.html$/.test(f)) add(f, pageScripts(dir, f));
  return bundles;
}

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** A bundle's size in bytes, raw or gzip (each file compressed on its own, summed). */
export function sizeOf(dir, files, measure) {
  let total = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(dir, f));
    total += measure === 'raw' ? buf.length : gzipSize(buf);
  }
  return total;
}

/** The budget of `bundle` in `target`: a number for every build, or one per build. */
function budgetFor(budget, target) {
  return typeof budget.max === 'number' ? budget.max : budget.max?.[target];
}

/** Sizes against budgets: rows for the table, and what fails. */
export function checkSizes(outDir, targets, budgets) {
  const rows = [];
  const failures = [];
  for (const target of targets) {
    const dir = path.join(outDir, target);
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      failures.push(`${target}: no build in ${path.relative(ROOT, dir) || dir} (run npm run build:all first)`);
      continue;
    }
    const bundles = bundlesOf(dir);
    for (const [name, files] of bundles) {
      const budget = budgets[name];
      if (!budget) {
        failures.push(
          `${target}/${name}: no size budget. Add one to scripts/size-budgets.json, or measure all: node scripts/check-build.mjs --write-budgets`,
        );
        continue;
      }
      const size = sizeOf(dir, files, budget.measure);
      const max = budgetFor(budget, target);
      rows.push({ target, name, measure: budget.measure, size, max, files });
      if (typeof max !== 'number') failures.push(`${target}/${name}: its budget has no size for ${target}`);
      else if (size > max)
        failures.push(
          `${target}/${name}: ${kB(size)} ${budget.measure}, over its budget of ${kB(max)} by ${kB(size - max)}${budget.why ? ` (${budget.why})` : ''}`,
        );
    }
    for (const name of Object.keys(budgets)) {
      if (!name.startsWith('$') && !bundles.has(name))
        failures.push(`${target}/${name}: has a budget but is not in the build (renamed? remove or rename its budget)`);
    }
  }
  return { rows, failures };
}

/** Shipped files that hold a test knob: one line per file and marker, with the text around the match. */
export function findKnobs(outDir, targets, knobs) {
  const found = [];
  const markers = knobs.markers.map((k) => ({ ...k, re: new RegExp(k.pattern, `g${k.flags ?? ''}`) }));
  for (const target of targets) {
    const dir = path.join(outDir, target);
    if (!fs.existsSync(dir)) continue;
    for (const file of filesOf(dir)) {
      if (!/\.(m?js|html|json|css)$/.test(file)) continue;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const k of markers) {
        for (const m of text.matchAll(k.re)) {
          const around = text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ');
          found.push(`${target}/${file}: "${m[0]}" (${k.why}) in …${around}…`);
        }
      }
    }
  }
  return found;
}

/** Sets every budget that is not fixed to the measured size plus its margin, per build. */
export function writeBudgets(outDir, targets, budgets) {
  const next = JSON.parse(JSON.stringify(budgets));
  const built = new Set();
  for (const target of targets) {
    const dir = path.join(outDir, target);
    if (!fs.existsSync(path.join(dir, 'manifest.json')))
      throw new Error(`${target}: no build in ${dir} (run npm run build:all first)`);
    for (const [name, files] of bundlesOf(dir)) {
      built.add(name);
      // A bundle new since the last measure gets the usual budget: gzip, measured + 10 %.
      const budget = (next[name] ??= { measure: 'gzip', margin: 0.1 });
      if (budget.fixed) continue;
      const size = sizeOf(dir, files, budget.measure);
      if (typeof budget.max !== 'object' || budget.max === null) budget.max = {};
      budget.max[target] = Math.ceil(size * (1 + (budget.margin ?? 0.1)));
    }
  }
  // A bundle the builds no longer have (a page that stopped importing something later) loses its budget.
  for (const name of Object.keys(next)) if (!built.has(name) && !next[name].fixed) delete next[name];
  // One number where every build has the same budget (the builds share their code but the manifest).
  for (const budget of Object.values(next)) {
    const values = typeof budget.max === 'object' && budget.max !== null ? Object.values(budget.max) : [];
    if (values.length === targets.length && values.every((v) => v === values[0])) budget.max = values[0];
  }
  return next;
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

export function formatTable(rows) {
  const head = ['build', 'bundle', 'measure', 'size', 'budget', '% of budget'];
  const lines = rows.map((r) => [
    r.target,
    r.name,
    r.measure,
    kB(r.size),
    typeof r.max === 'number' ? kB(r.max) : '-',
    typeof r.max === 'number' ? `${((100 * r.size) / r.max).toFixed(1)} %` : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

/** The command: prints the table and what fails; answers the exit code. */
export function main(argv, log = console.log) {
  const opt = (name, def) => (argv.includes(name) ? path.resolve(argv[argv.indexOf(name) + 1]) : def);
  const outDir = opt('--out', path.join(ROOT, '.output'));
  const budgetsFile = opt('--budgets', path.join(ROOT, 'scripts/size-budgets.json'));
  const knobsFile = opt('--knobs', path.join(ROOT, 'scripts/test-knobs.json'));
  const file = JSON.parse(fs.readFileSync(budgetsFile, 'utf8'));
  if (argv.includes('--write-budgets')) {
    file.budgets = writeBudgets(outDir, TARGETS, file.budgets);
    fs.writeFileSync(budgetsFile, `${JSON.stringify(file, null, 2)}\n`);
    log(`${path.relative(process.cwd(), budgetsFile)}: budgets set to the measured sizes plus their margins (fixed ones kept)`);
  }
  const { rows, failures } = checkSizes(outDir, TARGETS, file.budgets);
  const knobs = findKnobs(outDir, TARGETS, JSON.parse(fs.readFileSync(knobsFile, 'utf8')));
  log(formatTable(rows));
  if (!failures.length && !knobs.length) {
    log(`\ncheck:build: ${rows.length} bundles within their budgets; no test knobs in the builds`);
    return 0;
  }
  if (failures.length) log(`\nSize budgets:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
  if (knobs.length)
    log(`\nTest knobs in shipped code (see scripts/test-knobs.json):\n${knobs.map((f) => `  ✗ ${f}`).join('\n')}`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
