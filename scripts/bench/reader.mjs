/* global chrome, requestAnimationFrame, MutationObserver */
// `npm run bench:reader`: how quickly the reader shows an article, in Debian's Chromium with the
// built extension (.output/chrome-mv3; run `npm run build` first). Two figures, from one run:
//
//  1. Open → painted: on each page, freshly loaded, the "toggle reader" command (the shortcut's own
//     event, dispatched in the service worker) until the reader's article is on screen (its content
//     in the overlay, then two animation frames: the frame that draws it has been produced). This
//     is everything a reader waits for: injecting the reader, extracting, sanitizing, rendering.
//     Also the second opening on the same page (script injected, extraction cached).
//  2. First extraction against raw Readability's first run on the same page (the shipped
//     lib/article code and unchanged Readability from one bundle): each side's first run on its own
//     fresh load of the page with its own copy of the code, compiled afresh, so neither runs on a
//     page or with code the other has warmed (which side loads first alternates by page), with ours
//     split by phase (extract's own clock) on the first run and on a warm run: where the first
//     run's extra time goes. (With both sides' code from one cached source, the side that ran
//     second was spared compiling Readability: 1.35× when raw went first, 2.68× when ours did, on
//     the same 30 pages.)
//
// Pages: the dev corpora (../shared/corpus: extraction/zyte-dev, extraction/multilingual-dev,
// korean-portals), the first --limit of each (default 20; --limit 0 for all), served from
// 127.0.0.1 with every page script and subresource refused (the page's own code never runs).
// Figures only: nothing here passes or fails on a time.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launchChromium, chromiumTabId, CHROMIUM } from '../lib/browsers.mjs';
import { pageBundle } from '../lib/page-bundle.mjs';
import { loadCorpus } from './corpus.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CORPORA = ['extraction/zyte-dev', 'extraction/multilingual-dev', 'korean-portals'].map((c) =>
  path.resolve(ROOT, '../shared/corpus', c),
);
const limitArg = process.argv.indexOf('--limit');
const LIMIT = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 20;
/** `--only first-runs` or `--only painted`: one of the two figures (both by default). */
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : null;

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

/** One page at a time at the path of its own address, scripts and subresources refused. */
function startServer() {
  const state = { path: null, html: '' };
  const server = http.createServer((req, res) => {
    if (req.url !== state.path) return res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'",
    });
    res.end(state.html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, state, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

function pathOf(url, i) {
  try {
    const u = new URL(url);
    return `${u.pathname || '/'}${u.search}`.replace(/#.*/, '') || `/page-${i}`;
  } catch {
    return `/page-${i}.html`;
  }
}

function pages() {
  const out = [];
  for (const dir of CORPORA) {
    if (!fs.existsSync(dir)) continue;
    const items = loadCorpus(dir).pages.filter((item) => item.isArticle !== false);
    for (const item of LIMIT > 0 ? items.slice(0, LIMIT) : items) out.push({ corpus: path.basename(dir), ...item });
  }
  return out;
}

// ---------------------------------------------------------------- 1. open → painted

/** Runs in the page (main world): resolves with Date.now() once the reader's article has been drawn. */
function paintedAt() {
  return new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(Date.now())));
    const check = () => {
      const root = document.querySelector('reading-assistant-reader')?.shadowRoot;
      if (root?.querySelector('.ra-content, .ra-empty')) return (done(), true);
      return false;
    };
    if (check()) return;
    const seen = new MutationObserver(() => {
      if (document.querySelector('reading-assistant-reader')?.shadowRoot) {
        // The shadow root's own changes are not seen from here: ask each frame.
        seen.disconnect();
        const poll = () => (check() ? undefined : requestAnimationFrame(poll));
        poll();
      }
    });
    seen.observe(document.documentElement, { childList: true });
  });
}

/**
 * Runs in the page: where one opening's time went, from the reader's own User Timing marks
 * (page/open-marks.ts) between the command (`t0`) and the painted article (`at`), both Date.now().
 */
function openingSteps({ t0, at }) {
  const when = (step) => {
    const marks = performance.getEntriesByName(`reading-assistant:${step}`, 'mark');
    const last = marks.at(-1);
    const t = last ? performance.timeOrigin + last.startTime : NaN;
    return t >= t0 - 1 ? t : NaN; // an earlier opening's mark (the script is injected once)
  };
  const [script, command, extracted, mounted] = ['script', 'command', 'extracted', 'mounted'].map(when);
  // The script was there already (the second opening): its injection took no time.
  const ready = Number.isFinite(script) ? script : t0;
  return {
    inject: ready - t0,
    message: command - ready,
    extract: extracted - command,
    render: mounted - extracted,
    paint: at - mounted,
  };
}

async function openTimes(list, server) {
  const { context, worker } = await launchChromium();
  const page = await context.newPage();
  const times = [];
  for (const [i, item] of list.entries()) {
    server.state.path = pathOf(item.url, i);
    server.state.html = item.html;
    try {
      await page.goto(server.origin + server.state.path, { waitUntil: 'load', timeout: 30000 });
      const tabId = await chromiumTabId(worker, page);
      const one = async () => {
        const painted = page.evaluate(paintedAt);
        const t0 = await worker.evaluate(async (id) => {
          const tab = await chrome.tabs.get(id);
          const start = Date.now();
          // The shortcut's own event: the background's listener runs as for Alt+Shift+V.
          chrome.commands.onCommand.dispatch('toggle-reader', tab);
          return start;
        }, tabId);
        const at = await painted;
        return { ms: at - t0, steps: await page.evaluate(openingSteps, { t0, at }) };
      };
      const first = await one();
      // Closed (the same command), then opened again: injected and extracted already.
      await worker.evaluate(
        (id) => chrome.tabs.get(id).then((tab) => chrome.commands.onCommand.dispatch('toggle-reader', tab)),
        tabId,
      );
      await page.waitForFunction(() => !document.querySelector('reading-assistant-reader'), null, { timeout: 10000 });
      const second = await one();
      times.push({ corpus: item.corpus, id: item.id, first: first.ms, second: second.ms, steps: first.steps });
    } catch (err) {
      times.push({ corpus: item.corpus, id: item.id, first: NaN, second: NaN, steps: {}, error: String(err).slice(0, 120) });
    }
  }
  await context.close();
  return times;
}

// ---------------------------------------------------------------- 2. first extraction vs raw Readability

async function firstRuns(list, server) {
  const code = await pageBundle({ entry: 'scripts/bench/page-bench.ts' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const rows = [];
  /**
   * The page loaded afresh and the bench bundle evaluated in it as a script of its own: its source
   * ends in a comment naming the page and the side, so V8's compilation cache (one per renderer
   * process, keyed by the source) never hands one side the functions the other side, or an earlier
   * page, already compiled. Each first run pays for compiling what it runs, as a reader injected into
   * a new tab does.
   */
  const fresh = async (i, item, side) => {
    server.state.path = pathOf(item.url, i);
    server.state.html = item.html;
    await page.goto(server.origin + server.state.path, { waitUntil: 'domcontentloaded', timeout: 30000 });
    await page.evaluate(`${code}\n//# ${side} ${i}`);
  };
  const oursFirst = (url) => {
    const phases = {};
    const t0 = performance.now();
    globalThis.__bench.extract(document, url, { phases });
    return { ms: performance.now() - t0, phases };
  };
  const rawFirst = () => globalThis.__bench.runReadability().ms;
  for (const [i, item] of list.entries()) {
    try {
      // Each side's first run is the first extraction on its own fresh load of the page, with its
      // own compiled code: neither pays for what the other warmed (the page's DOM, Readability's
      // code, which both run). Which side loads first still alternates by page, and the figures are
      // given for each order too (they should agree).
      const rawLeads = i % 2 === 0;
      let raw;
      let ours;
      for (const side of rawLeads ? ['raw', 'ours'] : ['ours', 'raw']) {
        await fresh(i, item, side);
        if (side === 'raw') raw = await page.evaluate(rawFirst);
        else ours = await page.evaluate(oursFirst, item.url);
      }
      // Warm: on the last load, two runs more of each, the last one's phases.
      const warm = await page.evaluate((url) => {
        globalThis.__bench.extract(document, url);
        const phases = {};
        const t0 = performance.now();
        globalThis.__bench.extract(document, url, { phases });
        const oursMs = performance.now() - t0;
        globalThis.__bench.runReadability();
        return { oursMs, rawMs: globalThis.__bench.runReadability().ms, phases };
      }, item.url);
      rows.push({ corpus: item.corpus, rawLeads, ours: ours.ms, raw, phases: ours.phases, warm });
    } catch (err) {
      rows.push({
        corpus: item.corpus,
        rawLeads: false,
        ours: NaN,
        raw: NaN,
        phases: {},
        warm: null,
        error: String(err).slice(0, 120),
      });
    }
  }
  await browser.close();
  return rows;
}

// ---------------------------------------------------------------- main

const list = pages();
if (!list.length) throw new Error(`no pages: the corpora are expected in ${path.resolve(ROOT, '../shared/corpus')}`);
const server = await startServer();
console.log(
  `bench:reader — ${list.length} pages (${LIMIT > 0 ? `the first ${LIMIT} of each corpus` : 'all'}), Chromium ${CHROMIUM}`,
);

if (ONLY !== 'first-runs') {
  const opens = await openTimes(list, server);
  const failed = opens.filter((o) => !Number.isFinite(o.first));
  console.log('\n1. Open command → article painted (reader injected, extraction, render; two frames)');
  for (const corpus of [...new Set(list.map((p) => p.corpus))]) {
    const xs = opens.filter((o) => o.corpus === corpus);
    console.log(
      `  ${corpus.padEnd(18)} ${String(xs.length).padStart(3)} pages  first: median ${ms(median(xs.map((o) => o.first)))}, p90 ${ms(
        quantile(
          xs.map((o) => o.first),
          0.9,
        ),
      )}  again: median ${ms(median(xs.map((o) => o.second)))}`,
    );
  }
  const steps = ['inject', 'message', 'extract', 'render', 'paint'];
  const legend = {
    inject: 'command → reader script evaluated (the background injects it)',
    message: 'script → open message heard',
    extract: 'the article extracted',
    render: 'settings read, session and view made (sanitize, structure, Preact render)',
    paint: 'view made → painted (style, layout, effects, two frames)',
  };
  console.log('  first opening by step, median over pages:');
  for (const step of steps)
    console.log(`    ${step.padEnd(8)} ${ms(median(opens.map((o) => o.steps?.[step]))).padStart(9)}  ${legend[step]}`);
  const firstMedian = median(opens.map((o) => o.first));
  console.log(
    `  all                ${String(opens.length).padStart(3)} pages  first: median ${ms(firstMedian)}, p90 ${ms(
      quantile(
        opens.map((o) => o.first),
        0.9,
      ),
    )}  again: median ${ms(median(opens.map((o) => o.second)))}  (goal: ≤ 100 ms on the median page)`,
  );
  if (failed.length)
    console.log(`  ${failed.length} pages did not open: ${failed.map((f) => `${f.id} (${f.error})`).join('; ')}`);
}

if (ONLY !== 'painted') {
  const runs = await firstRuns(list, server);
  const ok = runs.filter((r) => Number.isFinite(r.ours) && Number.isFinite(r.raw));
  const ratio = (rows) => median(rows.map((r) => r.ours)) / median(rows.map((r) => r.raw));
  console.log("\n2. First extraction against raw Readability's first run, each on its own fresh load of the same page");
  console.log(
    `  ours ${ms(median(ok.map((r) => r.ours)))}, raw Readability ${ms(median(ok.map((r) => r.raw)))}: ratio of medians ${ratio(ok).toFixed(2)}×, median page ratio ${median(ok.map((r) => r.ours / r.raw)).toFixed(2)}× (goal: ≤ 1.3×; ${ok.length} pages)`,
  );
  console.log(
    `  raw loaded first: ${ratio(ok.filter((r) => r.rawLeads)).toFixed(2)}×; ours loaded first: ${ratio(ok.filter((r) => !r.rawLeads)).toFixed(2)}×`,
  );
  const warm = ok.filter((r) => r.warm);
  console.log(
    `  warm (3rd run): ours ${ms(median(warm.map((r) => r.warm.oursMs)))}, raw ${ms(median(warm.map((r) => r.warm.rawMs)))}: ${(median(warm.map((r) => r.warm.oursMs)) / median(warm.map((r) => r.warm.rawMs))).toFixed(2)}×`,
  );
  const names = [...new Set(ok.flatMap((r) => [...Object.keys(r.phases), ...Object.keys(r.warm?.phases ?? {})]))];
  console.log('  ours by phase, median over pages: first run / warm run (the difference is what the first run pays extra)');
  for (const n of names) {
    const first = median(ok.map((r) => r.phases[n] ?? 0));
    const hot = median(warm.map((r) => r.warm.phases[n] ?? 0));
    console.log(`    ${n.padEnd(22)} ${ms(first).padStart(10)} / ${ms(hot).padStart(10)}   +${ms(first - hot)}`);
  }
}
server.server.close();
