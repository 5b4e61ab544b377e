#!/usr/bin/env node
// npm run bench:extract [-- --corpus DIR [--corpus DIR2] [--out FILE] [--reps N] [--limit N]]
// npm run bench:extract -- --why PAGE [--corpus DIR] [--url URL]
//
// Extraction quality and cost of the extension's pipeline (lib/article/extract.ts) against
// unchanged Readability, on the same pages loaded in Debian's headless Chromium:
//  - both are bundled with esbuild from the sources the extension ships and evaluated in the page;
//  - pages are served from 127.0.0.1 at their original URL's path; every other request is blocked,
//    and the page's own scripts do not run: the page is served with a CSP that forbids every script
//    (page.evaluate is not subject to it). A context with javaScriptEnabled: false was tried and
//    does not work: evaluate runs, but DOM callbacks (DOMPurify's node filters) then throw;
//  - text is scored with scripts/bench/score.mjs, times are medians of alternating runs and are
//    reported as figures only (never pass/fail).
// Without --corpus every corpus under ../shared/corpus is run and bench-results/extract-<name>.json
// is written for each. Output JSON: {version, output: {id: {articleBody}}} (ours) plus the figures.
// With --why, one page (a corpus page's id, or an HTML file) is extracted once with the removal
// record, and every node our pipeline removed is printed with its rule, family, reason and text.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pageBundle } from '../lib/page-bundle.mjs';
import { chromium } from 'playwright-core';
import { detectLayout, loadCorpus } from './corpus.mjs';
import { aggregate, matchPage, pageF1, precisionOf, recallOf } from './score.mjs';
import { CLUTTER_PATTERNS, clutterLines } from './clutter-patterns.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const args = {
    corpus: [],
    out: null,
    reps: 5,
    limit: Infinity,
    worst: 15,
    pageTimeout: 10,
    pageBudget: 2,
    ablate: 'losses',
    why: null,
    url: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--corpus') args.corpus.push(path.resolve(value()));
    else if (a === '--out') args.out = path.resolve(value());
    else if (a === '--reps') args.reps = Math.max(0, Number.parseInt(value(), 10));
    else if (a === '--limit') args.limit = Math.max(1, Number.parseInt(value(), 10));
    else if (a === '--page-timeout') args.pageTimeout = Math.max(1, Number(value()));
    else if (a === '--page-budget') args.pageBudget = Math.max(0, Number(value()));
    else if (a === '--ablate') {
      args.ablate = value();
      if (!['losses', 'all', 'off'].includes(args.ablate)) throw new Error('--ablate is losses, all or off');
    } else if (a === '--worst') args.worst = Math.max(0, Number.parseInt(value(), 10));
    else if (a === '--why') args.why = value();
    else if (a === '--url') args.url = value();
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run bench:extract -- [--corpus DIR]... [--out FILE] [--reps N=5] [--limit N] [--worst N=15] [--page-timeout S=10] [--page-budget S=2] [--ablate losses|all|off]',
      );
      console.log(
        '       npm run bench:extract -- --why PAGE [--corpus DIR]... [--url URL]   (PAGE: a corpus page id, or an .html/.html.gz file)',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (args.out && args.corpus.length !== 1) throw new Error('--out needs exactly one --corpus');
  if (args.url && !args.why) throw new Error('--url goes with --why');
  return args;
}

/** Every corpus folder under ../shared/corpus, at most two levels down. */
function defaultCorpora() {
  const base = path.resolve(ROOT, '../shared/corpus');
  if (!fs.existsSync(base)) throw new Error(`no --corpus given and ${base} does not exist`);
  const found = [];
  const visit = (dir, depth) => {
    try {
      detectLayout(dir);
      found.push(dir);
      return;
    } catch {
      // Not a corpus itself: look one level further down.
    }
    if (depth >= 2) return;
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) if (d.isDirectory()) visit(path.join(dir, d.name), depth + 1);
  };
  visit(base, 0);
  return found.sort();
}

// ---------------------------------------------------------------- build and version

function bundle() {
  return pageBundle({ entry: 'scripts/bench/page-bench.ts' });
}

function version() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  let sha = 'nogit';
  try {
    sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'lib/article'], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (dirty) sha += '-dirty';
  } catch {
    // Not a git checkout: the version alone.
  }
  return `${pkg.version}+${sha}`;
}

// ---------------------------------------------------------------- browser and server

/** Serves the one page being measured, at the path of its original URL; nothing else. */
function startServer() {
  const state = { path: null, html: '' };
  const server = http.createServer((req, res) => {
    if (req.url === state.path) {
      // The page's own scripts never run: CSP forbids every script, inline ones and handlers too.
      // (A context with javaScriptEnabled: false is not usable here: page.evaluate still runs, but
      // every DOM API that calls back into script — NodeIterator/TreeWalker filters, which
      // DOMPurify uses — throws "The provided callback is no longer runnable".) The same policy
      // stops images, styles, fonts, frames and fetches before they start, so the route below
      // sees almost nothing; inline style attributes stay (Readability reads element.style).
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; form-action 'none'",
        // Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs (a page takes
        // a few ms); every subresource is refused anyway, so it changes nothing else.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      res.end(state.html);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, state, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

function localPath(url) {
  try {
    const u = new URL(url);
    return (u.pathname || '/') + u.search;
  } catch {
    return '/page.html';
  }
}

async function launch(origin, blocked = { count: 0 }) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // Whatever the page's CSP lets through: only top-level documents from our own server pass.
  await context.route('**/*', (route) => {
    const req = route.request();
    if (req.isNavigationRequest() && !req.frame().parentFrame() && req.url().startsWith(`${origin}/`)) return route.continue();
    blocked.count++;
    return route.abort('blockedbyclient');
  });
  return { browser, context, page: await context.newPage(), blocked };
}

const TIMEOUT = Symbol('timeout');

/** A page stuck in a script (an extractor that never returns) is closed and replaced. */
async function replacePage(env) {
  const closed = await Promise.race([
    env.page.close({ runBeforeUnload: false }).then(
      () => true,
      () => false,
    ),
    sleep(10000).then(() => false),
  ]);
  if (!closed) {
    await Promise.race([env.browser.close().catch(() => {}), sleep(10000)]);
    Object.assign(env, await launch(env.server.origin, env.blocked));
  } else {
    env.page = await env.context.newPage();
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Opens `item` in the page; `step` evaluates with a time limit and recovers from a stuck page. */
async function openPage(env, code, item, args) {
  const p = localPath(item.url);
  env.server.state.path = p;
  env.server.state.html = item.html;
  const load = async () => {
    const t0 = Date.now();
    try {
      await env.page.goto(env.server.origin + p, { waitUntil: 'domcontentloaded', timeout: 30000 });
    } catch (e) {
      // A page whose load event never comes is still a parsed document to measure.
      if (!env.page.url().startsWith(env.server.origin)) throw e;
    }
    tally(env, 'load', t0);
    const t1 = Date.now();
    // Two copies of the bundle: __bench runs ours, __benchRaw raw Readability (page-bench.ts,
    // timed). The one loaded second ran a few percent faster, so the order alternates by page.
    env.loads = (env.loads ?? 0) + 1;
    for (const name of env.loads % 2 ? ['__benchRaw', '__benchOurs'] : ['__benchOurs', '__benchRaw']) {
      await env.page.evaluate(code);
      await env.page.evaluate((n) => (globalThis[n] = globalThis.__bench), name);
    }
    await env.page.evaluate(() => (globalThis.__bench = globalThis.__benchOurs));
    tally(env, 'inject', t1);
  };
  const limit = args.pageTimeout * 1000;
  const step = async (fn, arg, ms = limit, phase = 'runs') => {
    const t0 = Date.now();
    let timer;
    const result = await Promise.race([
      env.page.evaluate(fn, arg),
      new Promise((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), ms))),
    ]);
    clearTimeout(timer);
    tally(env, phase, t0);
    if (result === TIMEOUT) {
      await replacePage(env);
      await load();
    }
    return result;
  };
  await load();
  return { step, limit };
}

/** Harness time by phase (where a slow run goes), printed at the end. */
function tally(env, phase, t0) {
  env.phases[phase] = (env.phases[phase] ?? 0) + (Date.now() - t0);
}

const timedOut = (ms) => ({ ms: NaN, text: '', none: true, error: `timeout: no result after ${ms / 1000} s` });

/** Ours as scored on `item`: its body, or its whole text where the truth keeps figure captions. */
const asScored = (run, item) => (item.truthCaptions && typeof run?.whole === 'string' ? { ...run, text: run.whole } : run);

/**
 * Loads one page and runs, each as its own evaluate with a time limit: Readability, ours, ours with
 * the rules off (their outputs; untimed first runs), detection, then the timed alternating runs.
 */
async function measurePage(env, code, item, args) {
  const { step, limit } = await openPage(env, code, item, args);
  const truth =
    item.truthHtml !== undefined ? await step((html) => globalThis.__bench.htmlToText(html), item.truthHtml) : item.truth;
  if (truth === TIMEOUT) throw new Error('timeout converting expected.html');
  const runRaw = await step(() => globalThis.__benchRaw.runReadability());
  const raw = runRaw === TIMEOUT ? timedOut(limit) : runRaw;
  const runOurs = await step((url) => globalThis.__bench.runOurs(url, false), item.url);
  const ours = runOurs === TIMEOUT ? timedOut(limit) : asScored(runOurs, item);
  const runNoRules = await step((url) => globalThis.__bench.runOurs(url, true), item.url);
  const oursNoRules = runNoRules === TIMEOUT ? timedOut(limit) : asScored(runNoRules, item);
  const det = await step(() => globalThis.__bench.detection());
  const sanitizer = await step(() => globalThis.__bench.sanitizerEngine());
  const detection = det === TIMEOUT ? { detection: null, detectMs: NaN, detectError: 'timeout', readerable: null } : det;

  // Timed runs: fewer on a page where one run of each already takes long (times stay figures).
  let times = { oursMs: [], rawMs: [] };
  if (args.reps > 0 && Number.isFinite(ours.ms) && Number.isFinite(raw.ms)) {
    const reps = Math.max(1, Math.min(args.reps, Math.floor((args.pageBudget * 1000) / Math.max(1, ours.ms + raw.ms))));
    const t = await step(
      ({ url, reps }) => globalThis.__bench.timed(url, reps, globalThis.__benchRaw),
      { url: item.url, reps },
      limit * 2,
      'timed runs',
    );
    if (t !== TIMEOUT) times = t;
  }
  // Where the time goes, by phase (a few more runs, untimed as a whole).
  let phases = null;
  if (args.reps > 0 && Number.isFinite(ours.ms) && !ours.none) {
    const p = await step(
      ({ url, reps }) => globalThis.__bench.phases(url, reps, globalThis.__benchRaw),
      { url: item.url, reps: Math.min(3, args.reps) },
      limit * 2,
      'timed runs',
    );
    if (p !== TIMEOUT) phases = p;
  }
  return { truth, result: { ours, raw, oursNoRules, ...times, ...detection, phases, sanitizer } };
}

/** Ours with each clutter rule left out in turn, on one page (see page-bench.ts `ablate`). */
async function ablatePage(env, code, item, args) {
  const { step, limit } = await openPage(env, code, item, args);
  const out = await step((url) => globalThis.__bench.ablate(url, null), item.url, limit * 3, 'ablation');
  return out === TIMEOUT ? null : Object.fromEntries(Object.entries(out).map(([rule, run]) => [rule, asScored(run, item)]));
}

/** Pages to ablate: all with `--ablate all`, else those where the rules cost F1 (>= 0.05). */
function needsAblation(m, mode) {
  if (mode === 'off' || m.item.scored === false || !m.truth.trim()) return false;
  if (mode === 'all') return true;
  const ours = pageF1(matchPage(m.truth, m.result.ours.text));
  const noRules = pageF1(matchPage(m.truth, m.result.oursNoRules.text));
  return noRules - ours >= 0.05;
}

// ---------------------------------------------------------------- figures

const CJK_LANG = /^(?:ja|zh)/i;

function summarise(corpus, all) {
  const measured = all.filter((m) => m.item.scored !== false);
  const score = (key, unit = 'word', filter = () => true) =>
    aggregate(measured.filter(filter).map((m) => matchPage(m.truth, m.result[key].text, { unit })));
  const scores = { ours: score('ours'), raw: score('raw'), oursNoRules: score('oursNoRules') };
  // Ours scored on its whole text, figure captions in (what the reader shows): what the split buys.
  scores.oursWhole = aggregate(measured.map((m) => matchPage(m.truth, m.result.ours.whole ?? m.result.ours.text)));
  const cjk = (m) => CJK_LANG.test(m.item.lang ?? '');
  // Per declared language of the page (the corpus's own field): where a rule helps or costs.
  const langs = [...new Set(measured.map((m) => (m.item.lang ?? '').toLowerCase().split(/[-_]/)[0] || '?'))].sort();
  const byLang =
    langs.length > 1
      ? Object.fromEntries(
          langs.map((l) => {
            const of = (m) => ((m.item.lang ?? '').toLowerCase().split(/[-_]/)[0] || '?') === l;
            return [l, { pages: measured.filter(of).length, ours: score('ours', 'word', of), raw: score('raw', 'word', of) }];
          }),
        )
      : null;
  const charScores = measured.some(cjk)
    ? { pages: measured.filter(cjk).length, ours: score('ours', 'char', cjk), raw: score('raw', 'char', cjk) }
    : null;

  const oursMed = all.map((m) => median(m.result.oursMs));
  const rawMed = all.map((m) => median(m.result.rawMs));
  const timing = {
    reps: Math.max(0, ...all.map((m) => m.result.oursMs.length)),
    oursMedianMs: median(oursMed),
    rawMedianMs: median(rawMed),
    ratioOfMedians: median(oursMed) / median(rawMed),
    medianPageRatio: median(oursMed.map((o, i) => o / rawMed[i])),
    // The fastest of each page's runs: what the code costs when nothing else (a garbage collection,
    // another process on a shared machine) lands in the run.
    oursFastestMs: median(all.map((m) => Math.min(...m.result.oursMs))),
    rawFastestMs: median(all.map((m) => Math.min(...m.result.rawMs))),
    ratioOfFastest: median(all.map((m) => Math.min(...m.result.oursMs))) / median(all.map((m) => Math.min(...m.result.rawMs))),
    // The first run of each on the page, with its bundle copy's code not yet compiled: what the one
    // extraction a reader's page gets costs (raw's runs first, on the page just loaded).
    oursFirstMs: median(all.map((m) => m.result.ours.ms).filter(Number.isFinite)),
    rawFirstMs: median(all.map((m) => m.result.raw.ms).filter(Number.isFinite)),
    detectMedianMs: median(all.map((m) => m.result.detectMs)),
    // Which sanitizer ours ran with: the browser's HTML Sanitizer API, or DOMPurify where it has none.
    sanitizer: [...new Set(all.map((m) => m.result.sanitizer).filter((s) => typeof s === 'string'))].join('+') || 'unknown',
    // Median over pages of each phase's time (pages ours extracted).
    phases: (() => {
      const withPhases = all.filter((m) => m.result.phases);
      const medianOf = (side) => {
        const names = [...new Set(withPhases.flatMap((m) => Object.keys(m.result.phases[side])))];
        return Object.fromEntries(names.map((n) => [n, median(withPhases.map((m) => m.result.phases[side][n] ?? 0))]));
      };
      return withPhases.length ? { pages: withPhases.length, ours: medianOf('ours'), raw: medianOf('raw') } : null;
    })(),
  };

  const confusion = (predict) => {
    let tp = 0;
    let tn = 0;
    let fp = 0;
    let fn = 0;
    const fpIds = [];
    const fnIds = [];
    for (const m of all) {
      const predicted = predict(m);
      if (predicted && m.item.isArticle) tp++;
      else if (!predicted && !m.item.isArticle) tn++;
      else if (predicted) {
        fp++;
        fpIds.push(shortId(m));
      } else {
        fn++;
        fnIds.push(shortId(m));
      }
    }
    return {
      pages: all.length,
      positives: tp + fn,
      negatives: tn + fp,
      accuracy: (tp + tn) / all.length,
      falsePositives: fp,
      falseNegatives: fn,
      fpIds,
      fnIds,
    };
  };
  const detection = {
    ours: confusion((m) => !!m.result.detection?.isArticle),
    readerable: confusion((m) => !!m.result.readerable),
  };

  const clutterPages = (key) => {
    const perPattern = Object.fromEntries(CLUTTER_PATTERNS.map((p) => [p.id, 0]));
    const pages = {};
    for (const m of all) {
      const found = clutterLines(m.result[key].text, m.truth);
      if (found.length) pages[m.item.id] = found;
      for (const id of new Set(found.map((f) => f.id))) perPattern[id]++;
    }
    return { pages: Object.keys(pages).length, perPattern, lines: pages };
  };
  const clutter = { ours: clutterPages('ours'), raw: clutterPages('raw') };

  const declined = {
    articles: all.filter((m) => m.item.isArticle && m.result.ours.none).map((m) => m.item.id),
    nonArticles: all.filter((m) => !m.item.isArticle && m.result.ours.none).map((m) => m.item.id),
    nonArticleTotal: all.filter((m) => !m.item.isArticle).length,
  };
  const ablation = ruleBlame(all);
  const ruleEffects = ruleEffect(measured, scores.ours);
  const errors = all.flatMap((m) =>
    ['ours', 'raw', 'oursNoRules']
      .filter((k) => m.result[k].error)
      .map((k) => ({ id: m.item.id, run: k, error: m.result[k].error })),
  );
  return {
    scoredPages: measured.length,
    scores,
    byLang,
    charScores,
    timing,
    detection,
    clutter,
    declined,
    ablation,
    ruleEffects,
    errors,
  };
}

/**
 * What each rule is worth on the whole corpus (`--ablate all`): the corpus F1, precision and
 * recall with that one rule left out (ours everywhere else), and the change the rule makes
 * (ours minus without it; positive = the rule helps). Null when not every scored page was ablated.
 */
function ruleEffect(measured, ours) {
  const scored = measured.filter((m) => m.truth.trim());
  if (!scored.length || scored.some((m) => !m.ablation)) return null;
  const rules = [...new Set(scored.flatMap((m) => Object.keys(m.ablation)))];
  const out = {};
  for (const rule of rules) {
    const without = aggregate(measured.map((m) => matchPage(m.truth, (m.ablation?.[rule] ?? m.result.ours).text)));
    const pages = scored.filter((m) => m.ablation[rule] && m.ablation[rule].text !== m.result.ours.text).length;
    out[rule] = {
      pagesChanged: pages,
      without,
      deltaF1: ours.f1 - without.f1,
      deltaP: ours.precision - without.precision,
      deltaR: ours.recall - without.recall,
    };
  }
  return out;
}

/**
 * From the ablation runs: per rule, the pages where leaving that rule out alone raises the page's
 * F1 by at least 0.05 (the rule removed article text there), with the F1 it reaches.
 */
function ruleBlame(measured) {
  const byRule = {};
  for (const m of measured) {
    if (!m.ablation) continue;
    const base = pageF1(matchPage(m.truth, m.result.ours.text));
    for (const [rule, run] of Object.entries(m.ablation)) {
      const f1 = pageF1(matchPage(m.truth, run.text));
      if (f1 - base >= 0.05) (byRule[rule] ??= []).push({ id: m.item.id, from: base, to: f1 });
    }
  }
  return byRule;
}

function pageRecord(m) {
  const one = (key, unit = 'word') => {
    const s = matchPage(m.truth, m.result[key].text, { unit });
    return {
      precision: precisionOf(s),
      recall: recallOf(s),
      f1: pageF1(s),
      chars: m.result[key].text.length,
      none: m.result[key].none,
      error: m.result[key].error,
    };
  };
  return {
    url: m.item.url,
    isArticle: m.item.isArticle,
    lang: m.item.lang,
    truthChars: m.truth.length,
    ours: one('ours'),
    raw: one('raw'),
    oursNoRules: one('oursNoRules'),
    oursMedianMs: median(m.result.oursMs),
    rawMedianMs: median(m.result.rawMs),
    detectMs: m.result.detectMs,
    detection: m.result.detection,
    readerable: m.result.readerable,
    clutterOurs: clutterLines(m.result.ours.text, m.truth),
    ...(m.ablation
      ? {
          ablationF1: Object.fromEntries(
            Object.entries(m.ablation).map(([rule, run]) => [rule, pageF1(matchPage(m.truth, run.text))]),
          ),
        }
      : {}),
  };
}

// ---------------------------------------------------------------- printing

const DIFF_LINES = 4;
const clip = (line) => (line.length > 110 ? `${line.slice(0, 107)}…` : line);

/** Lines (white space squashed) of `truth` missing from `ours`, and lines of `ours` not in `truth`, in order. */
function lineDiff(truth, ours) {
  const lines = (t) =>
    t
      .split(/\n+/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const t = lines(truth);
  const o = lines(ours);
  const inTruth = new Set(t);
  const inOurs = new Set(o);
  return { missing: t.filter((l) => !inOurs.has(l)), extra: o.filter((l) => !inTruth.has(l)) };
}

const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '-');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? pad(c, widths[i]) : lpad(c, widths[i]))).join('  ')).join('\n');
}

function shortId(m) {
  if (/^[0-9a-f]{40,}$/.test(m.item.id)) {
    try {
      const u = new URL(m.item.url);
      return `${m.item.id.slice(0, 8)} ${(u.hostname.replace(/^www\./, '') + u.pathname).slice(0, 40)}`;
    } catch {
      return m.item.id.slice(0, 12);
    }
  }
  return m.item.id;
}

function printCorpus(corpus, measured, s, worstN) {
  const lines = [];
  lines.push('', `=== ${corpus.name} (${corpus.layout}, ${measured.length} pages) ===`);
  if (s.scoredPages !== measured.length) {
    const left = measured.filter((m) => m.item.scored === false).map((m) => m.item.id);
    lines.push(
      `extraction scored on ${s.scoredPages} pages; ${left.length} marked not readerable count for detection only (${left.join(', ')})`,
    );
  }
  const row = (name, a) => [name, f3(a.f1), f3(a.precision), f3(a.recall)];
  lines.push(
    table([
      ['extractor', 'F1', 'P', 'R'],
      row('ours (extract, body)', s.scores.ours),
      row('ours, captions in (reader text)', s.scores.oursWhole),
      row('raw Readability', s.scores.raw),
      row('ours, rules off (raw:true)', s.scores.oursNoRules),
      ...(s.charScores
        ? [
            row(`ours, ja/zh chars (${s.charScores.pages})`, s.charScores.ours),
            row(`raw, ja/zh chars (${s.charScores.pages})`, s.charScores.raw),
          ]
        : []),
    ]),
  );
  if (s.byLang) {
    lines.push("by language (the page's declared language; word shingles):");
    lines.push(
      table([
        ['lang', 'pages', 'ours F1', 'P', 'R', 'raw F1'],
        ...Object.entries(s.byLang)
          .sort((a, b) => b[1].pages - a[1].pages)
          .map(([l, x]) => [l, x.pages, f3(x.ours.f1), f3(x.ours.precision), f3(x.ours.recall), f3(x.raw.f1)]),
      ]),
    );
  }
  const t = s.timing;
  lines.push(
    `time per page (median of ${t.reps} alternating runs; median over pages): ours ${ms(t.oursMedianMs)}, raw Readability ${ms(t.rawMedianMs)}, ` +
      `ratio ours/raw ${f3(t.ratioOfMedians)} (median per-page ratio ${f3(t.medianPageRatio)}); detect() ${ms(t.detectMedianMs)}; sanitizer: ${t.sanitizer}`,
  );
  lines.push(
    `  fastest of each page's runs (median over pages): ours ${ms(t.oursFastestMs)}, raw Readability ${ms(t.rawFastestMs)}, ratio ours/raw ${f3(t.ratioOfFastest)}`,
  );
  lines.push(
    `  first run on each page, code not yet compiled (median over pages): ours ${ms(t.oursFirstMs)}, raw Readability ${ms(t.rawFirstMs)}, ratio ours/raw ${f3(t.oursFirstMs / t.rawFirstMs)}`,
  );
  if (t.phases) {
    const list = (entries) => entries.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
    const ours = Object.entries(t.phases.ours);
    lines.push(
      `  by phase, ms (median over ${t.phases.pages} pages): ours ${list(ours.filter(([k]) => !k.startsWith('rule:')))}; raw Readability ${list(Object.entries(t.phases.raw))}`,
    );
    const rules = ours.filter(([k]) => k.startsWith('rule:')).sort((a, b) => b[1] - a[1]);
    lines.push(`  slowest clutter rules, ms: ${list(rules.slice(0, 10).map(([k, v]) => [k.slice(5), v]))}`);
  }
  if (s.declined.articles.length)
    lines.push(`ours declined ${s.declined.articles.length} article page(s): ${s.declined.articles.join(', ')}`);
  if (s.declined.nonArticleTotal)
    lines.push(`ours declined ${s.declined.nonArticles.length}/${s.declined.nonArticleTotal} non-article page(s)`);
  for (const e of s.errors) lines.push(`ERROR ${e.run} on ${e.id}: ${e.error.split('\n')[0]}`);

  const c = s.clutter;
  const hits = (x) =>
    Object.entries(x.perPattern)
      .filter(([, n]) => n)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ') || 'none';
  lines.push(
    `pages with a known clutter line: ours ${c.ours.pages}/${measured.length} [${hits(c.ours)}]; raw ${c.raw.pages}/${measured.length} [${hits(c.raw)}]`,
  );
  for (const [id, found] of Object.entries(c.ours.lines))
    lines.push(`  ours ${id}: ${found.map((f) => `${f.id} «${f.line.slice(0, 60)}»`).join('; ')}`);

  const ablated = measured.filter((m) => m.ablation);
  if (ablated.length) {
    const losing = ablated.filter((m) => needsAblation(m, 'losses')).length;
    lines.push(
      `rules that cost text (leaving that one rule out raises page F1 by >= 0.05; ${ablated.length} page(s) ablated, ${losing} where the rules cost F1):`,
    );
    const blamed = new Set();
    const byId = new Map(measured.map((m) => [m.item.id, m]));
    for (const [rule, hitsOf] of Object.entries(s.ablation).sort((a, b) => b[1].length - a[1].length)) {
      lines.push(
        `  ${rule} (${hitsOf.length}): ${hitsOf.map((h) => `${shortId(byId.get(h.id))} ${h.from.toFixed(2)}→${h.to.toFixed(2)}`).join(', ')}`,
      );
      for (const h of hitsOf) blamed.add(h.id);
    }
    const unexplained = ablated.filter((m) => !blamed.has(m.item.id) && needsAblation(m, 'losses'));
    if (unexplained.length)
      lines.push(`  no single rule (several together, or the post-clean): ${unexplained.map(shortId).join(', ')}`);
  }

  if (s.ruleEffects) {
    lines.push(
      'what each rule and pipeline step (step:…) is worth (corpus F1 with everything minus F1 with that one left out; pages whose text it changed):',
    );
    const rows = Object.entries(s.ruleEffects).sort((a, b) => b[1].deltaF1 - a[1].deltaF1);
    const sign = (x) => (x >= 0 ? '+' : '') + x.toFixed(4);
    lines.push(
      table([
        ['rule', 'ΔF1', 'ΔP', 'ΔR', 'pages'],
        ...rows.map(([id, e]) => [id, sign(e.deltaF1), sign(e.deltaP), sign(e.deltaR), e.pagesChanged]),
      ]),
    );
  }

  if (worstN) {
    const ranked = measured
      .filter((m) => m.truth.trim() && m.item.scored !== false)
      .map((m) => ({ m, rec: pageRecord(m) }))
      .sort((a, b) => a.rec.ours.f1 - b.rec.ours.f1)
      .slice(0, worstN);
    lines.push(`worst ${ranked.length} pages (ours):`);
    lines.push(
      table([
        ['page', 'F1', 'P', 'R', 'raw P', 'raw R', 'rules off F1', 'chars ours/truth'],
        ...ranked.map(({ m, rec }) => [
          shortId(m),
          f3(rec.ours.f1),
          f3(rec.ours.precision),
          f3(rec.ours.recall),
          f3(rec.raw.precision),
          f3(rec.raw.recall),
          f3(rec.oursNoRules.f1),
          `${rec.ours.none ? 'declined' : rec.ours.chars}/${rec.truthChars}`,
        ]),
      ]),
    );
    // The evidence for the next rule: what each of these pages lost, and what it kept that the truth has not.
    lines.push(`their lines (up to ${DIFF_LINES} each): "-" in the truth and not in ours, "+" in ours and not in the truth`);
    for (const { m, rec } of ranked) {
      if (rec.ours.none) continue;
      const { missing, extra } = lineDiff(m.truth, m.result.ours.text);
      if (!missing.length && !extra.length) continue;
      lines.push(`  ${shortId(m)}`);
      for (const l of missing.slice(0, DIFF_LINES)) lines.push(`    - ${clip(l)}`);
      if (missing.length > DIFF_LINES) lines.push(`    - … ${missing.length - DIFF_LINES} more`);
      for (const l of extra.slice(0, DIFF_LINES)) lines.push(`    + ${clip(l)}`);
      if (extra.length > DIFF_LINES) lines.push(`    + … ${extra.length - DIFF_LINES} more`);
    }
  }
  return lines.join('\n');
}

function detectionTable(title, groups, { lists = false } = {}) {
  const rows = [['pages', 'n (art/non)', 'ours acc', 'FP', 'FN', 'readerable acc', 'FP', 'FN']];
  for (const [name, d] of groups) {
    rows.push([
      name,
      `${d.ours.pages} (${d.ours.positives}/${d.ours.negatives})`,
      f3(d.ours.accuracy),
      d.ours.falsePositives,
      d.ours.falseNegatives,
      f3(d.readerable.accuracy),
      d.readerable.falsePositives,
      d.readerable.falseNegatives,
    ]);
  }
  const out = [`\n${title}`, table(rows)];
  if (lists) {
    for (const [, d] of groups) {
      for (const who of ['ours', 'readerable']) {
        if (d[who].fpIds.length) out.push(`  ${who} FP: ${d[who].fpIds.join(', ')}`);
        if (d[who].fnIds.length) out.push(`  ${who} FN: ${d[who].fnIds.join(', ')}`);
      }
    }
  }
  return out.join('\n');
}

/** A rule's corpus ΔF1 that counts as help or cost in the cross-corpus check (a tenth of a point). */
const CROSS_EPS = 0.001;

/**
 * With `--ablate all` on two corpora or more: what each rule is worth on every corpus side by side,
 * and the rules that help one corpus and cost another (ΔF1 ≥ +0.001 on one, ≤ -0.001 on another),
 * named: the signs of a rule fitted to one kind of page.
 */
function crossCorpus(all) {
  const withEffects = all.filter((a) => a.summary.ruleEffects);
  if (withEffects.length < 2) return null;
  const rules = [...new Set(withEffects.flatMap((a) => Object.keys(a.summary.ruleEffects)))];
  const delta = (a, r) => a.summary.ruleEffects[r]?.deltaF1 ?? 0;
  const sign = (x) => (Math.abs(x) < 0.00005 ? '0' : (x >= 0 ? '+' : '') + x.toFixed(4));
  const total = (r) => withEffects.reduce((n, a) => n + delta(a, r), 0);
  const rows = rules.sort((a, b) => total(b) - total(a)).map((r) => [r, ...withEffects.map((a) => sign(delta(a, r)))]);
  const lines = ['\n=== cross-corpus check: what each rule is worth on each corpus (ΔF1 = with it minus without it) ==='];
  lines.push(table([['rule', ...withEffects.map((a) => a.corpus.name)], ...rows]));
  const mixed = rules.filter(
    (r) => withEffects.some((a) => delta(a, r) >= CROSS_EPS) && withEffects.some((a) => delta(a, r) <= -CROSS_EPS),
  );
  lines.push(
    mixed.length
      ? `rules that help one corpus and cost another: ${mixed
          .map(
            (r) =>
              `${r} (${withEffects
                .filter((a) => Math.abs(delta(a, r)) >= CROSS_EPS)
                .map((a) => `${a.corpus.name} ${sign(delta(a, r))}`)
                .join(', ')})`,
          )
          .join('; ')}`
      : `no rule helps one corpus and costs another by ${CROSS_EPS} or more`,
  );
  const idle = rules.filter((r) => withEffects.every((a) => Math.abs(delta(a, r)) < CROSS_EPS));
  if (idle.length) lines.push(`rules worth less than ${CROSS_EPS} on every corpus: ${idle.join(', ')}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- --why: one page's removal record

/**
 * The page `--why` names: an HTML file (its URL from --url, else a neutral one on a reserved domain),
 * or the page of that id (or the one id that starts with it) in the corpora.
 */
function whyItem(args) {
  const file = path.resolve(args.why);
  if (fs.existsSync(file) && fs.statSync(file).isFile()) {
    const raw = fs.readFileSync(file);
    const html = file.endsWith('.gz') ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    const name = path.basename(file).replace(/\.gz$/, '');
    return {
      corpus: null,
      item: { id: name, url: args.url ?? `https://example.invalid/${encodeURIComponent(name)}`, html, truth: '' },
    };
  }
  const matches = [];
  for (const dir of args.corpus.length ? args.corpus : defaultCorpora()) {
    const corpus = loadCorpus(dir);
    for (const item of corpus.pages) if (item.id === args.why || item.id.startsWith(args.why)) matches.push({ corpus, item });
  }
  const exact = matches.filter((m) => m.item.id === args.why);
  if (exact.length === 1) return exact[0];
  if (matches.length === 1) return matches[0];
  if (!matches.length) throw new Error(`--why ${args.why}: no such file, and no page of that id in the corpora`);
  throw new Error(
    `--why ${args.why}: ${matches.length} pages match (${matches
      .slice(0, 5)
      .map((m) => `${m.corpus.name}/${m.item.id}`)
      .join(', ')}…)`,
  );
}

const squashed = (t) => (t ?? '').replace(/\s+/g, ' ').trim();

/** Prints which rule removed which text from one page, and why; text the page's truth holds is flagged. */
async function whyMain(args) {
  const { corpus, item } = whyItem(args);
  if (args.url) item.url = args.url;
  const code = await bundle();
  const server = await startServer();
  const env = { ...(await launch(server.origin)), server, phases: {} };
  try {
    const { step } = await openPage(env, code, item, args);
    const truth =
      item.truthHtml !== undefined ? await step((html) => globalThis.__bench.htmlToText(html), item.truthHtml) : item.truth;
    const run = await step((url) => globalThis.__bench.why(url), item.url);
    const out = run === TIMEOUT ? run : asScored(run, item);
    if (out === TIMEOUT || truth === TIMEOUT) throw new Error(`no result after ${args.pageTimeout} s`);
    console.log(
      `bench:extract --why ${corpus ? `${corpus.name}/` : ''}${item.id} (${item.url}) — ${version()}, Chromium ${env.browser.version()}`,
    );
    if (out.error) console.log(`ERROR ${out.error.split('\n')[0]}`);
    const whole = squashed(truth);
    const inTruth = (text) => whole && text.length >= 12 && whole.includes(text);
    // Empty wrappers the rules left, and blank text nodes between removed lines: counted, not listed.
    const blank = (r) => r.rule === 'empty-wrapper' || (r.node.startsWith('#') && !squashed(r.text));
    const empty = out.removals.filter(blank);
    let lost = 0;
    for (const [stage, title] of [
      ['before-readability', "before Readability, from the page's copy"],
      ['after-readability', 'after Readability, from its result (the clutter rules, in the order they ran)'],
    ]) {
      const list = out.removals.filter((r) => r.stage === stage && !blank(r));
      console.log(`\n${list.length} removed ${title}:`);
      for (const r of list) {
        const text = squashed(r.text);
        const flag = inTruth(text) ? '  !! in the truth' : '';
        if (flag) lost++;
        console.log(`  ${r.rule} (${r.family}) <${r.node}>: ${r.reason}${flag}`);
        console.log(`      «${text.length > 160 ? `${text.slice(0, 159)}…` : text}»`);
      }
    }
    if (empty.length) console.log(`\nand ${empty.length} empty wrapper(s) and blank text node(s) (no text and no picture).`);
    const byRule = {};
    for (const r of out.removals) if (!blank(r)) byRule[r.rule] = (byRule[r.rule] ?? 0) + squashed(r.text).length;
    const ranked = Object.entries(byRule).sort((a, b) => b[1] - a[1]);
    console.log(`\ncharacters removed by rule: ${ranked.map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'}`);
    if (whole) {
      const s = matchPage(truth, out.text);
      console.log(
        `page F1 ${f3(pageF1(s))} (P ${f3(precisionOf(s))}, R ${f3(recallOf(s))}); ${lost} removal(s) whose whole text is in the truth (marked !!)`,
      );
    }
    console.log(
      out.none ? 'the pipeline declined the page (no article)' : `the article that is left: ${out.text.length} characters`,
    );
  } finally {
    await env.browser.close();
    server.server.close();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.why) return whyMain(args);
  const corpora = args.corpus.length ? args.corpus : defaultCorpora();
  const started = Date.now();
  const code = await bundle();
  const ver = version();
  const server = await startServer();
  const env = { ...(await launch(server.origin)), server, phases: {} };
  const all = [];
  console.log(
    `bench:extract ${ver} — Chromium ${env.browser.version()}, page scripts blocked by CSP, ${args.reps} timed runs per page and extractor`,
  );
  try {
    for (const dir of corpora) {
      const corpus = loadCorpus(dir);
      const items = corpus.pages.slice(0, args.limit);
      const measured = [];
      const t0 = Date.now();
      for (const [i, item] of items.entries()) {
        process.stderr.write(`\r${corpus.name}: ${i + 1}/${items.length} ${item.id.slice(0, 40).padEnd(40)}`);
        try {
          const { truth, result } = await measurePage(env, code, item, args);
          measured.push({ item, truth, result });
        } catch (e) {
          process.stderr.write(`\n${corpus.name}/${item.id}: ${e.message.split('\n')[0]}\n`);
          const none = { ms: NaN, text: '', none: true, error: `harness: ${e.message.split('\n')[0]}` };
          measured.push({
            item,
            truth: item.truth ?? '',
            result: {
              ours: none,
              raw: none,
              oursNoRules: none,
              oursMs: [],
              rawMs: [],
              detection: null,
              detectMs: NaN,
              readerable: null,
            },
          });
        }
      }
      const measuredIn = (Date.now() - t0) / 1000;
      const toAblate = measured.filter((m) => needsAblation(m, args.ablate));
      for (const [i, m] of toAblate.entries()) {
        process.stderr.write(`\r${corpus.name}: ablating rules ${i + 1}/${toAblate.length} ${m.item.id.slice(0, 40).padEnd(40)}`);
        try {
          m.ablation = await ablatePage(env, code, m.item, args);
        } catch (e) {
          process.stderr.write(`\n${corpus.name}/${m.item.id} (ablation): ${e.message.split('\n')[0]}\n`);
        }
      }
      process.stderr.write(
        `\r${corpus.name}: ${items.length} pages in ${measuredIn.toFixed(1)} s, ${toAblate.length} ablated in ${((Date.now() - t0) / 1000 - measuredIn).toFixed(1)} s${' '.repeat(40)}\n`,
      );
      const summary = summarise(corpus, measured);
      console.log(printCorpus(corpus, measured, summary, args.worst));
      console.log(
        detectionTable(
          `detection on ${corpus.name} (article = ${corpus.layout === 'readability-tests' ? 'readerable flag' : corpus.layout === 'manifest' ? 'manifest "article"' : 'every page'})`,
          [[corpus.name, summary.detection]],
          { lists: true },
        ),
      );
      all.push({ corpus, measured, summary });

      const out = args.out ?? path.join(ROOT, 'bench-results', `extract-${corpus.name}.json`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const json = {
        version: ver,
        output: Object.fromEntries(measured.map((m) => [m.item.id, { articleBody: m.result.ours.text }])),
        corpus: { name: corpus.name, layout: corpus.layout, dir: path.relative(ROOT, corpus.dir), pages: measured.length },
        browser: `Chromium ${env.browser.version()}`,
        generated: new Date().toISOString(),
        summary,
        pages: Object.fromEntries(measured.map((m) => [m.item.id, pageRecord(m)])),
      };
      fs.writeFileSync(out, `${JSON.stringify(json, null, 1)}\n`);
      console.log(`wrote ${path.relative(process.cwd(), out) || out}`);
    }
  } finally {
    await env.browser.close();
    server.server.close();
  }

  if (all.length > 1) {
    // The detection figures the brief asks for, side by side, plus everything together.
    const pick = (layout) => all.filter((a) => a.corpus.layout === layout);
    const combine = (parts) => {
      const measured = parts.flatMap((a) => a.measured);
      return summarise({ name: 'all' }, measured).detection;
    };
    const groups = [];
    for (const a of pick('readability-tests')) groups.push([`${a.corpus.name} (readerable flag)`, a.summary.detection]);
    for (const a of pick('manifest')) {
      const non = a.measured.filter((m) => !m.item.isArticle);
      if (non.length) groups.push([`${a.corpus.name} non-articles only`, summarise({ name: 'non' }, non).detection]);
      groups.push([`${a.corpus.name} (all)`, a.summary.detection]);
    }
    for (const a of pick('ground-truth')) groups.push([`${a.corpus.name} (all articles)`, a.summary.detection]);
    groups.push(['all corpora', combine(all)]);
    console.log(
      detectionTable('=== detection summary: ours = detect().isArticle, readerable = isProbablyReaderable alone ===', groups),
    );
    const cross = crossCorpus(all);
    if (cross) console.log(cross);
    const summaryFile = path.join(ROOT, 'bench-results', 'extract-summary.json');
    fs.writeFileSync(
      summaryFile,
      `${JSON.stringify({ version: ver, corpora: Object.fromEntries(all.map((a) => [a.corpus.name, a.summary])), detection: Object.fromEntries(groups) }, null, 1)}\n`,
    );
    console.log(`wrote ${path.relative(process.cwd(), summaryFile)}`);
  }
  const phases = Object.entries(env.phases)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
    .join(', ');
  console.log(
    `\ntotal ${((Date.now() - started) / 1000).toFixed(1)} s (${phases}); ${env.blocked.count} requests refused by the route (CSP stops the rest); times are figures, never pass/fail`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
