// npm run bench:sync [-- --n 10000]: sync through a real WebDAV server (Debian's Apache with
// mod_dav on 127.0.0.1, scripts/lib/webdav-server.mjs), measured in one run:
//   - the first push of N generated articles (lib/library/generate.ts: ~5 KB of text each, Korean
//     and English) from device A: time, requests, bytes sent;
//   - a second device's first pull of all of them: time, requests, bytes received;
//   - an incremental sync of 10 changes on A (tags, read state, progress, one re-saved body), and
//     B's pull of them: time and requests each;
//   - what the server stores against the size of the library's rows (metadata and bodies as JSON,
//     UTF-8: what the library database holds for them, without its search index);
//   - the server's storage before and after A's old batches are deleted (one change a sync until
//     A's 100th batch: two snapshots), and B's catching up afterwards from A's snapshot.
// The devices' libraries are in memory (the engine's SyncLibrary contract; the Dexie adapter is
// exercised by tests/e2e/sync.e2e.ts), so the figures are the protocol, crypto and server.
// Key derivation (PBKDF2, 310,000 iterations) is timed on its own, once per device.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { nodeModule } from '../lib/page-bundle.mjs';
import { hasApache, startWebDav } from '../lib/webdav-server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('n', 10_000);

if (!hasApache()) {
  console.error('bench:sync needs Apache with mod_dav (scripts/install-browsers.sh installs it).');
  process.exit(1);
}

const sync = await nodeModule({ name: 'sync', entry: 'scripts/bench/sync-entry.ts' });

const dav = await startWebDav();
const counters = () => ({ requests: 0, up: 0, down: 0 });
function device(name) {
  const c = counters();
  const raw = sync.webDavStore({ url: dav.url, user: dav.user, password: dav.password, onRequest: () => c.requests++ });
  const store = {
    ...raw,
    async put(p, data) {
      c.up += data.length;
      return raw.put(p, data);
    },
    async get(p) {
      const data = await raw.get(p);
      c.down += data?.length ?? 0;
      return data;
    },
  };
  const lib = sync.memoryLibrary();
  const state = sync.memoryState();
  let keys = null;
  return {
    name,
    c,
    lib,
    state,
    async open() {
      const t = performance.now();
      const { keyBytes } = await sync.openFolder(store, 'correct horse battery staple');
      keys = await sync.importKeys(keyBytes);
      return performance.now() - t;
    },
    async sync() {
      Object.assign(c, counters());
      const t = performance.now();
      const report = await sync.runSync({ store, keys, library: lib.library, state });
      return { ms: performance.now() - t, ...c, report };
    },
  };
}

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const du = (dir) =>
  Number(
    execFileSync('du', ['-sb', path.join(dav.folderDir, dir)])
      .toString()
      .split(/\s/)[0],
  );
const count = (dir) => Number(execFileSync('sh', ['-c', `find "${path.join(dav.folderDir, dir)}" -type f | wc -l`]).toString());
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
try {
  const a = device('A');
  const b = device('B');
  const articles = sync.generateArticles(N, 20260101);
  let localBytes = 0;
  for (const art of articles) {
    const meta = sync.metaOf(art);
    a.lib.articles.set(meta.url, meta);
    a.lib.bodies.set(meta.url, { contentHtml: art.contentHtml, text: art.text });
    localBytes += Buffer.byteLength(JSON.stringify(meta)) + Buffer.byteLength(art.contentHtml) + Buffer.byteLength(art.text);
  }
  const deriveA = await a.open();
  const push = await a.sync();
  const deriveB = await b.open();
  const pull = await b.sync();
  if (b.lib.articles.size !== N) throw new Error(`B has ${b.lib.articles.size} articles, not ${N}`);

  const urls = [...a.lib.articles.keys()].slice(0, 10);
  urls.forEach((url, i) => {
    const m = a.lib.articles.get(url);
    if (i < 4) m.tags = [...m.tags, 'bench'];
    else if (i < 7) m.readAt = Date.now();
    else if (i < 9) m.progress = 0.42;
    else {
      m.updatedAt = Date.now();
      a.lib.bodies.set(url, { contentHtml: '<p>re-saved</p>', text: 're-saved' });
    }
  });
  const incA = await a.sync();
  const incB = await b.sync();
  const stored = () => ({
    ...Object.fromEntries(['', 'log', 'snap', 'blobs'].map((dir) => [dir || 'all', du(dir)])),
    files: count(''),
    logFiles: count('log'),
  });
  const server = stored();

  // Old batches go once two snapshots hold them (lib/sync/engine.ts prune): A syncs one change at a
  // time until its 100th batch (snapshots at the 50th and the 100th); B, away meanwhile, then
  // finds A's old batches gone and catches up from the snapshot.
  let syncs = 0;
  const keys = [...a.lib.articles.keys()];
  const prunePass = performance.now();
  while (a.state.meta.seq < 100) {
    a.lib.articles.get(keys[syncs % keys.length]).progress = (syncs % 9) / 10 + 0.05;
    await a.sync();
    syncs++;
  }
  const pruneMs = performance.now() - prunePass;
  const after = stored();
  const away = await b.sync();
  if (away.report.skipped.length || b.lib.articles.size !== N)
    throw new Error(`B after pruning: ${away.report.skipped.length} skipped`);

  console.log(`bench:sync — ${N} generated articles through Apache mod_dav on 127.0.0.1`);
  console.log(`key derivation (PBKDF2-SHA-256, 310,000 iterations): ${s(deriveA)} (A), ${s(deriveB)} (B)`);
  console.log(`first push (A):   ${s(push.ms)}, ${push.requests} requests, ${mb(push.up)} sent (goal ≤ 120 s)`);
  console.log(`first pull (B):   ${s(pull.ms)}, ${pull.requests} requests, ${mb(pull.down)} received (goal ≤ 120 s)`);
  console.log(
    `10 changes, A:    ${s(incA.ms)}, ${incA.requests} requests (sent ${incA.report.sent} records; goal ≤ 2 s, ≤ 10 requests)`,
  );
  console.log(`10 changes, B:    ${s(incB.ms)}, ${incB.requests} requests (received ${incB.report.received})`);
  console.log(
    `server: ${mb(server.all)} in ${server.files} files; library rows (metadata + bodies): ${mb(localBytes)}; ratio ${(server.all / localBytes).toFixed(2)}`,
  );
  const line = (x) =>
    `${mb(x.all)} in ${x.files} files (${x.logFiles} batches: ${mb(x.log)}, snapshots ${mb(x.snap)}, bodies ${mb(x.blobs)})`;
  console.log(`server before pruning:   ${line(server)}`);
  console.log(`after ${syncs} more syncs on A (${s(pruneMs)}; batches ${a.state.meta.seq}, old ones deleted): ${line(after)}`);
  console.log(
    `B, away meanwhile:      ${s(away.ms)}, ${away.requests} requests, ${mb(away.down)} received (from A's snapshot), nothing skipped`,
  );
} finally {
  await dav.stop();
}
