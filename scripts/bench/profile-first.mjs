/* global location */
// npm run bench:reader-profile [-- ours|raw [N]]: where the first extraction's time goes, from a V8
// CPU profile (Chromium's DevTools protocol, sampled every 50 µs) of the first run on freshly loaded
// pages: the first N pages (default 8) of each dev corpus, each loaded afresh with its own copy of
// the bench bundle (scripts/bench/page-bench.ts), as bench:reader times them. Prints the functions
// by self time (per page) and the hottest lines. A function's lazy compilation and the patterns
// it compiles count as its caller's self time, at the line of the call. The profiler slows the run
// down: read the shares, not the milliseconds. Figures only.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../lib/browsers.mjs';
import { pageBundle } from '../lib/page-bundle.mjs';
import { loadCorpus } from './corpus.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const which = process.argv[2] === 'raw' ? 'raw' : 'ours';
const N = Number(process.argv[3] ?? 8);
const list = [];
for (const c of ['extraction/zyte-dev', 'extraction/multilingual-dev', 'korean-portals']) {
  const dir = path.resolve(ROOT, '../shared/corpus', c);
  list.push(
    ...loadCorpus(dir)
      .pages.filter((p) => p.isArticle !== false)
      .slice(0, N),
  );
}
const state = { html: '' };
const server = http.createServer((req, res) => {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'",
  });
  res.end(state.html);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const code = await pageBundle({ entry: 'scripts/bench/page-bench.ts' });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
const self = new Map();
const lines = new Map();
let totalMs = 0;
for (const [i, item] of list.entries()) {
  state.html = item.html;
  await page.goto(`${origin}/p${i}`, { waitUntil: 'domcontentloaded' });
  // Its own source (see bench:reader): nothing compiled on an earlier page is reused.
  await page.evaluate(`${code}\n//# ${which} ${i}`);
  await cdp.send('Profiler.start');
  totalMs += await page.evaluate((w) => {
    const t0 = performance.now();
    if (w === 'raw') globalThis.__bench.runReadability();
    else globalThis.__bench.extract(document, location.href);
    return performance.now() - t0;
  }, which);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
  for (const n of profile.nodes) {
    for (const t of n.positionTicks ?? []) {
      const key = `${n.callFrame.functionName || '(anonymous)'} line ${t.line}`;
      lines.set(key, (lines.get(key) ?? 0) + t.ticks);
    }
  }
  for (let k = 0; k < profile.samples.length; k++) {
    const key = name(byId.get(profile.samples[k]));
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000);
  }
}
console.log(`${which}: first runs on ${list.length} pages, mean ${(totalMs / list.length).toFixed(1)} ms (profiled)`);
console.log('self time per page, by function (bundle line):');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${(v / list.length).toFixed(2).padStart(7)} ms  ${k}`);
console.log('hottest lines (samples):');
for (const [k, v] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${String(v).padStart(7)}  ${k}`);
await browser.close();
server.close();
