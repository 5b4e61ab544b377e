// @vitest-environment node
// scripts/check-build.mjs, the check `npm test` runs on the built extension, on fake builds in a
// temporary folder: it must fail on a bundle over its budget and on a test knob, or it checks nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { bundlesOf, checkSizes, findKnobs, main, writeBudgets } from '../../scripts/check-build.mjs';
import realKnobs from '../../scripts/test-knobs.json';

const TARGETS = ['chrome-mv3', 'firefox-mv3'];
let out: string;

/** Text that gzip cannot shrink much, so sizes are predictable. */
const noise = (bytes: number, seed = 1) => {
  let x = seed;
  let s = '';
  while (s.length < bytes) s += ((x = (x * 1103515245 + 12345) % 2 ** 31) % 1e6).toString(36);
  return s.slice(0, bytes);
};

/** A fake build in both folders: the detector, the background and a popup page with a shared chunk and a chunk it loads later. */
function fakeBuild(extra: Record<string, string> = {}) {
  for (const target of TARGETS) {
    const files: Record<string, string> = {
      'manifest.json': '{"manifest_version":3}',
      'detector.js': `(()=>{${noise(4000)}})();`,
      'background.js': `(()=>{${noise(2000, 2)}})();`,
      'popup.html':
        '<!DOCTYPE html><script type="module" crossorigin src="/chunks/popup-A1.js"></script><link rel="modulepreload" crossorigin href="/chunks/shared-B2.js">',
      'chunks/popup-A1.js': `import{a}from"./shared-B2.js";const later=()=>import("./later-C3.js");${noise(3000, 3)}`,
      'chunks/shared-B2.js': `export const a=1;${noise(1000, 4)}`,
      'chunks/later-C3.js': `import{a}from"./shared-B2.js";${noise(5000, 5)}`,
      ...extra,
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(out, target, name)), { recursive: true });
      fs.writeFileSync(path.join(out, target, name), text);
    }
  }
}

const budgets = (over: Record<string, object> = {}) => ({
  'detector.js': { measure: 'raw', max: 10000, fixed: true },
  'background.js': { measure: 'gzip', max: 60000, fixed: true },
  'popup.html': { measure: 'gzip', max: 60000, margin: 0.1 },
  'popup.html, later': { measure: 'gzip', max: 60000, margin: 0.1 },
  ...over,
});

const knobs = { markers: [{ pattern: 'readingAssistantMenus', why: 'the menu hook' }] };

beforeEach(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'check-build-'));
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

test('a page is the scripts its HTML loads and their imports; what it imports later is a bundle of its own', () => {
  fakeBuild();
  const bundles = bundlesOf(path.join(out, 'chrome-mv3'));
  expect(bundles.get('popup.html')).toEqual(['chunks/popup-A1.js', 'chunks/shared-B2.js']);
  expect(bundles.get('popup.html, later')).toEqual(['chunks/later-C3.js']);
  expect(bundles.get('detector.js')).toEqual(['detector.js']);
});

test('a build within its budgets passes', () => {
  fakeBuild();
  expect(checkSizes(out, TARGETS, budgets()).failures).toEqual([]);
  expect(findKnobs(out, TARGETS, knobs)).toEqual([]);
  expect(main(['--out', out, ...files(budgets(), knobs)], () => {})).toBe(0);
});

test('a detector over 10 kB fails, in each build, with its size and budget', () => {
  fakeBuild({ 'detector.js': `(()=>{${noise(10500)}})();` });
  const { failures, rows } = checkSizes(out, TARGETS, budgets());
  expect(failures).toEqual([
    expect.stringMatching(/^chrome-mv3\/detector\.js: 10\.5 kB raw, over its budget of 10\.0 kB/),
    expect.stringMatching(/^firefox-mv3\/detector\.js: 10\.5 kB raw, over its budget of 10\.0 kB/),
  ]);
  expect(rows.find((r) => r.name === 'detector.js')!.size).toBe(fs.statSync(path.join(out, 'chrome-mv3/detector.js')).size);
});

test('a page over its budget fails: its chunks count together, each gzipped', () => {
  fakeBuild();
  const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(out, 'chrome-mv3', file)), { level: 9 }).length;
  const own = gzip('chunks/popup-A1.js');
  const page = checkSizes(out, TARGETS, budgets()).rows.find((r) => r.name === 'popup.html')!;
  expect(page.size).toBe(own + gzip('chunks/shared-B2.js'));
  // A budget the page's own chunk fits in, but not with the chunk it shares.
  const failures = checkSizes(out, TARGETS, budgets({ 'popup.html': { measure: 'gzip', max: own + 10 } })).failures;
  expect(failures).toEqual([
    expect.stringContaining('chrome-mv3/popup.html:'),
    expect.stringContaining('firefox-mv3/popup.html:'),
  ]);
});

test('a bundle without a budget, and a budget without its bundle, fail', () => {
  fakeBuild({ 'welcome.html': '<script type="module" src="/chunks/shared-B2.js"></script>' });
  const failures = checkSizes(out, ['chrome-mv3'], budgets({ 'options.html': { measure: 'gzip', max: 1000 } })).failures;
  expect(failures).toEqual([
    expect.stringMatching(/^chrome-mv3\/welcome\.html: no size budget/),
    expect.stringMatching(/^chrome-mv3\/options\.html: has a budget but is not in the build/),
  ]);
});

test('a missing build fails', () => {
  expect(checkSizes(out, ['chrome-mv3'], budgets()).failures).toEqual([expect.stringContaining('chrome-mv3: no build')]);
});

test('a test knob in a shipped file fails, naming the file and the match', () => {
  fakeBuild({ 'background.js': '(()=>{Object.assign(globalThis,{readingAssistantMenus:{entries:a,click:b}})})();' });
  expect(findKnobs(out, TARGETS, knobs)).toEqual([
    expect.stringMatching(
      /^chrome-mv3\/background\.js: "readingAssistantMenus" \(the menu hook\) in ….*globalThis,\{readingAssistantMenus:\{entries/,
    ),
    expect.stringMatching(/^firefox-mv3\/background\.js: "readingAssistantMenus"/),
  ]);
});

test('the knob list catches every knob the project removed, and not the words of the recognizer', () => {
  const removed = [
    'useDomPurifyForTests',
    'readingAssistantMenus',
    'SEARCH_TUNING',
    'setNounFilter',
    'setNameBounds',
    'setPlaceMerge',
    'setGlosses',
    'setPlaceUnits',
    'setCompanyNames',
    '__testHooks',
  ];
  // One chunk per knob, each as the minifier leaves a name that a test can reach: a property.
  fakeBuild({
    ...Object.fromEntries(removed.map((knob) => [`chunks/knob-${knob}.js`, `export const o={${knob}:1};`])),
    'background.js': 'const words="playwright|attest|contest|setter|settings|e2eeish|testimony";',
  });
  const found = findKnobs(out, ['chrome-mv3'], realKnobs);
  for (const knob of removed) expect(found.some((f) => f.startsWith(`chrome-mv3/chunks/knob-${knob}.js:`))).toBe(true);
  expect(found.filter((f) => !f.includes('/chunks/knob-'))).toEqual([]);
});

test('--write-budgets sets each budget that is not fixed to the measured size plus its margin', () => {
  fakeBuild();
  const next = writeBudgets(out, TARGETS, budgets({ 'popup.html': { measure: 'gzip', max: 1, margin: 0.1 } }));
  const page = checkSizes(out, TARGETS, next).rows.find((r) => r.name === 'popup.html')!;
  expect(next['popup.html'].max).toBe(Math.ceil(page.size * 1.1));
  expect(next['detector.js'].max).toBe(10000);
  expect(checkSizes(out, TARGETS, next).failures).toEqual([]);
});

test('--write-budgets drops the budget of a bundle the builds no longer have, and budgets a new one', () => {
  fakeBuild({
    'chunks/popup-A1.js': `import{a}from"./shared-B2.js";${noise(3000, 3)}`,
    'welcome.html': '<script type="module" src="/chunks/shared-B2.js"></script>',
  });
  const next = writeBudgets(out, TARGETS, budgets());
  expect(Object.keys(next).sort()).toEqual(['background.js', 'detector.js', 'popup.html', 'welcome.html']);
  expect(checkSizes(out, TARGETS, next).failures).toEqual([]);
});

test('the command exits with an error and prints the table and the reasons', () => {
  fakeBuild({ 'detector.js': `(()=>{${noise(10500)}})();`, 'background.js': 'globalThis.readingAssistantMenus=1;' });
  let status = 0;
  let stdout = '';
  try {
    execFileSync(process.execPath, ['scripts/check-build.mjs', '--out', out, ...files(budgets(), knobs)], { encoding: 'utf8' });
  } catch (err) {
    ({ status, stdout } = err as { status: number; stdout: string });
  }
  expect(status).toBe(1);
  expect(stdout).toMatch(/chrome-mv3 +detector\.js +raw +10\.5 kB +10\.0 kB +105\.1 %/);
  expect(stdout).toContain('✗ chrome-mv3/detector.js: 10.5 kB raw, over its budget');
  expect(stdout).toContain('✗ firefox-mv3/background.js: "readingAssistantMenus" (the menu hook)');
});

/** The budgets and knobs as files for the command line. */
function files(b: object, k: object): string[] {
  fs.writeFileSync(path.join(out, 'budgets.json'), JSON.stringify({ budgets: b }));
  fs.writeFileSync(path.join(out, 'knobs.json'), JSON.stringify(k));
  return ['--budgets', path.join(out, 'budgets.json'), '--knobs', path.join(out, 'knobs.json')];
}
