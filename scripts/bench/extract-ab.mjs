// npm run bench:extract-ab [-- --base REF] [--corpus DIR] [--reps N] [--limit N]
//
// Paired timing of two versions of the extraction code: the working tree against REF (a commit,
// default HEAD), both bundled from their sources (as bench:extract does) and loaded into the same
// page, their runs interleaved with raw Readability's. Separate bench:extract runs of the same code
// differ by 0.1 in their ours/raw ratio on this machine; side by side in one page the two versions
// differ by about 1% when they are the same code. Which bundle loads first alternates from page to
// page (the one loaded second ran some 4% faster), and raw Readability runs from a third copy (see
// pagePairs). It also says on how many pages the two versions' text differs. Times are figures,
// never pass/fail.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../lib/browsers.mjs';
import { pageBundle } from '../lib/page-bundle.mjs';
import { loadCorpus } from './corpus.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

function parseArgs(argv) {
  const args = { base: 'HEAD', corpus: path.resolve(ROOT, '../shared/corpus/extraction/zyte-dev'), reps: 9, limit: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? '';
    if (argv[i] === '--base') args.base = value();
    else if (argv[i] === '--corpus') args.corpus = path.resolve(value());
    else if (argv[i] === '--reps') args.reps = Math.max(3, Number.parseInt(value(), 10));
    else if (argv[i] === '--limit') args.limit = Math.max(1, Number.parseInt(value(), 10));
    else throw new Error('usage: npm run bench:extract-ab -- [--base REF=HEAD] [--corpus DIR] [--reps N=9] [--limit N]');
  }
  return args;
}

const bundle = (root) => pageBundle({ entry: 'scripts/bench/page-bench.ts', root });

/** Runs in the page: both versions and raw Readability, interleaved in rotating order. */
function pagePairs([url, reps]) {
  const g = globalThis;
  const base = g.__benchBase;
  const work = g.__benchWork;
  const texts = [base.runOurs(url).text, work.runOurs(url).text];
  base.runOurs(url);
  work.runOurs(url);
  const t = { base: [], work: [], raw: [] };
  // Raw Readability runs from a third copy of the bundle: run from one side's copy, it warmed the
  // Readability that side's extraction also runs, and that side came out 2% faster than the very
  // same code on the other.
  const raw = g.__benchRaw;
  const runs = [
    () => t.base.push(base.runOurs(url).ms),
    () => t.work.push(work.runOurs(url).ms),
    () => t.raw.push(raw.runReadability().ms),
  ];
  for (let i = 0; i < reps; i++) for (let k = 0; k < 3; k++) runs[(i + k) % 3]();
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { base: median(t.base), work: median(t.work), raw: median(t.raw), same: texts[0] === texts[1] };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const sha = execFileSync('git', ['rev-parse', '--short', args.base], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-ab-'));
  execFileSync('git', ['worktree', 'add', '--detach', '-q', dir, sha], { cwd: ROOT });
  let browser;
  const server = http.createServer();
  try {
    const [baseCode, workCode] = [await bundle(dir), await bundle(ROOT)];
    const items = loadCorpus(args.corpus).pages.slice(0, args.limit);
    let html = '';
    // The page's own scripts never run; only the document itself is served.
    server.on('request', (_req, res) =>
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'",
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        })
        .end(html),
    );
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    const context = await browser.newContext();
    await context.route('**/*', (route) =>
      route.request().isNavigationRequest() && route.request().url().startsWith(origin) ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    const rows = [];
    for (const [i, item] of items.entries()) {
      process.stderr.write(`\r${i + 1}/${items.length} `);
      html = item.html;
      await page.goto(`${origin}/page`, { waitUntil: 'domcontentloaded' });
      const order =
        i % 2
          ? [
              [workCode, '__benchRaw'],
              [workCode, '__benchWork'],
              [baseCode, '__benchBase'],
            ]
          : [
              [workCode, '__benchRaw'],
              [baseCode, '__benchBase'],
              [workCode, '__benchWork'],
            ];
      for (const [code, name] of order) {
        await page.evaluate(code);
        await page.evaluate((n) => (globalThis[n] = globalThis.__bench), name);
      }
      rows.push({ id: item.id, ...(await page.evaluate(pagePairs, [item.url, args.reps])) });
    }
    process.stderr.write('\r');
    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const m = (k) => median(rows.map((r) => r[k]));
    const differ = rows.filter((r) => !r.same).map((r) => r.id.slice(0, 12));
    console.log(
      `bench:extract-ab — ${path.basename(args.corpus)}, ${rows.length} pages, median of ${args.reps} interleaved runs per page; base ${sha}, work = the working tree`,
    );
    console.log(`median ms: base ${m('base').toFixed(2)}, work ${m('work').toFixed(2)}, raw Readability ${m('raw').toFixed(2)}`);
    // The median of per-page ratios is the steadier figure: the ratio of two medians can take its
    // numerator and denominator from different pages.
    const perPage = (a, b) => median(rows.map((r) => r[a] / r[b])).toFixed(3);
    console.log(
      `work/base: median per-page ratio ${perPage('work', 'base')} (ratio of the medians ${(m('work') / m('base')).toFixed(3)})`,
    );
    console.log(
      `ours/raw, median per-page ratio: base ${perPage('base', 'raw')}, work ${perPage('work', 'raw')} (ratio of the medians: base ${(m('base') / m('raw')).toFixed(3)}, work ${(m('work') / m('raw')).toFixed(3)})`,
    );
    console.log(
      `text differs on ${differ.length} of ${rows.length} pages${differ.length ? `: ${differ.slice(0, 10).join(' ')}` : ''}`,
    );
  } finally {
    await browser?.close();
    server.close();
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
