// The sync protocol over a folder the reader owns (a RemoteStore: WebDAV, or memory in tests).
// What the folder holds, every file but sync.json encrypted (crypto.ts) and named by nothing an
// article says:
//   sync.json         format, PBKDF2 salt and iterations (not secret)
//   check.bin         a known text sealed with the key: a wrong passphrase fails here, on the first
//                     file, before anything is written
//   heads/<dev>.bin   each device's manifest: how many batches it has published, its snapshot
//   log/<dev>-<n>.bin a device's n-th batch of changed records (records.ts), append-only: written
//                     once, by its device only, so two devices never race on a file
//   blobs/<h>.bin     article bodies with their pictures, named by a keyed hash of the plaintext:
//                     uploaded once, before any record points at them
//   snap/<dev>-<n>.bin every record, as its device knew them after its n-th batch: a new device
//                     starts from the newest snapshot and replays only what came after
// Old files go once two snapshots hold them: when a device publishes a snapshot, it deletes its
// own batches that the snapshot before already covered, and its own snapshots older than that one
// (never another device's files). A device that finds a batch gone reads the snapshot its
// manifest names instead (it covers the batch), so one that was away for months still gets all.
// A sync: publish what an interrupted one left (the outbox), work out what changed here since the
// last sync, read the other devices' new batches and merge them (records.ts), upload new bodies,
// write the result into the library, then publish this device's batch and manifest, in that order
// (upload, then publish), so an interruption anywhere leaves either nothing visible or a batch
// that the next sync writes again under the same name. Merging is idempotent, so nothing doubles.
import type { Highlight } from '@/lib/annotations/highlight';
import { base64ToBytes, bytesToBase64 } from '@/lib/library/images';
import type { ArticleMeta } from '@/lib/library/types';
import {
  blobName,
  decodeJson,
  decrypt,
  deriveKeyBytes,
  encodeJson,
  encrypt,
  importKeys,
  PBKDF2_ITERATIONS,
  randomBytes,
  randomId,
  SyncFileError,
  type SyncKeys,
} from '@/lib/sync/crypto';
import { SyncError } from '@/lib/sync/errors';
import { Hlc, type Stamp } from '@/lib/sync/hlc';
import {
  articleChanges,
  articleId,
  articleView,
  checkedRecord,
  conflicts,
  deletion,
  forkHighlight,
  highlightChanges,
  highlightId,
  highlightStamps,
  highlightView,
  isArticleRecord,
  mergeRecords,
  stampsOf,
  type SyncRecord,
} from '@/lib/sync/records';
import type { RemoteStore } from '@/lib/sync/webdav';

const FORMAT = 'reading-assistant-sync';
const KEYS_FILE = 'sync.json';
const CHECK_FILE = 'check.bin';
const CHECK_TEXT = 'reading-assistant-sync-check';
const DIRS = ['heads', 'log', 'blobs', 'snap'] as const;
/** Records a batch file holds at most. */
const BATCH_RECORDS = 1000;
/** A device writes a snapshot after this many batches of its own. */
const SNAPSHOT_EVERY = 50;
/** Requests in flight at once (bodies up and down). */
const PARALLEL = 16;
/** Articles written to the library per transaction while pulling. */
const WRITE_CHUNK = 200;

/** The library as sync sees it (extension/sync/library.ts over Dexie; plain maps in tests). */
export interface SyncLibrary {
  articles(): Promise<ArticleMeta[]>;
  highlights(): Promise<Highlight[]>;
  /** The article's body (content and pictures) as bytes, or null when it has none. */
  body(url: string): Promise<Uint8Array | null>;
  /** Writes what other devices changed. `expect`: the row as this sync read it (null: absent); a
   *  row changed since is left as it is (the next sync sends that change). `body` undefined: the
   *  stored body stays. Bodies and rows are untrusted: the library checks them as it would an import. */
  write(changes: LibraryWrite): Promise<void>;
}

export interface LibraryWrite {
  put: { meta: ArticleMeta; body?: Uint8Array | null; expect: ArticleMeta | null }[];
  remove: { url: string; expect: ArticleMeta }[];
  highlights: Highlight[];
  removeHighlights: string[];
}

/** What a device keeps between syncs (besides the records). */
export interface SyncMeta {
  device: string;
  /** Batches of this device written to the server. */
  seq: number;
  /** The batch count its manifest announces. */
  published: number;
  /** Batches made and not written yet (an interrupted sync). */
  outbox: SyncRecord[][];
  /** Per other device, the batches merged here. */
  applied: Record<string, number>;
  /** The etag of each manifest last read. */
  etags: Record<string, string>;
  /** The newest stamp this device made or heard. */
  clock: Stamp;
  snapshot: { name: string; covers: Record<string, number> } | null;
  lastSync: number;
}

export interface SyncStateStore {
  load(): Promise<{ meta: SyncMeta | null; records: Map<string, SyncRecord>; blobs: Set<string> }>;
  /** Saves the meta, the records that changed and the blob names newly known to be on the server. */
  save(meta: SyncMeta, records: readonly SyncRecord[], blobs: readonly string[]): Promise<void>;
}

export interface SyncReport {
  /** Records this device sent. */
  sent: number;
  /** Records written here from other devices. */
  received: number;
  /** Files that could not be read (corrupt, truncated, missing): skipped, the rest merged. */
  skipped: string[];
  /** Highlights changed on two devices at once, kept twice. */
  forked: number;
}

export interface SyncRun {
  store: RemoteStore;
  keys: SyncKeys;
  library: SyncLibrary;
  state: SyncStateStore;
  now?: () => number;
}

// ---------------------------------------------------------------------------------------------
// Setting up and opening a folder

/**
 * Opens the sync folder with the passphrase: the key bytes to keep on this device. A folder
 * without sync.json is set up (a random salt, the check file, the sub-folders); one with it must
 * open its check file with this passphrase (else SyncError 'wrong-passphrase', nothing written).
 */
export async function openFolder(store: RemoteStore, passphrase: string): Promise<{ keyBytes: Uint8Array; created: boolean }> {
  if ((await store.list('')) === null) throw new SyncError('no-folder', 'The sync folder does not exist.');
  let config = await store.get(KEYS_FILE);
  let created = false;
  if (!config) {
    const salt = randomBytes(16);
    const keys = await importKeys(await deriveKeyBytes(passphrase, salt));
    for (const dir of DIRS) await store.mkdir(dir);
    await store.put(CHECK_FILE, await encrypt(keys, encodeJson({ check: CHECK_TEXT })));
    await store.put(
      KEYS_FILE,
      encodeJson({ format: FORMAT, version: 1, salt: bytesToBase64(salt), iterations: PBKDF2_ITERATIONS }),
    );
    created = true;
    config = await store.get(KEYS_FILE);
  }
  const { salt, iterations } = readConfig(config);
  const keyBytes = await deriveKeyBytes(passphrase, salt, iterations);
  const check = await store.get(CHECK_FILE);
  if (!check) throw new SyncError('not-sync-folder', 'The sync folder has no check file.');
  try {
    const opened = decodeJson(await decrypt(await importKeys(keyBytes), check)) as { check?: unknown };
    if (opened.check !== CHECK_TEXT) throw new SyncFileError('not ours');
  } catch {
    throw new SyncError('wrong-passphrase', 'The passphrase does not open this sync folder.');
  }
  return { keyBytes, created };
}

function readConfig(bytes: Uint8Array | null): { salt: Uint8Array; iterations: number } {
  try {
    const c = decodeJson(bytes!) as { format?: unknown; salt?: unknown; iterations?: unknown };
    const salt = typeof c.salt === 'string' ? base64ToBytes(c.salt) : null;
    const it = c.iterations;
    if (c.format === FORMAT && salt && salt.length >= 16 && typeof it === 'number' && it >= 100_000 && it <= 10_000_000)
      return { salt, iterations: it };
  } catch {
    // below
  }
  throw new SyncError('not-sync-folder', 'The folder holds a sync.json that is not ours.');
}

/** Deletes every file sync wrote to the folder (every device's). */
export async function removeFolderData(store: RemoteStore): Promise<void> {
  for (const path of [...DIRS, CHECK_FILE, KEYS_FILE]) await store.remove(path);
}

// ---------------------------------------------------------------------------------------------
// A sync

async function pool<T>(items: readonly T[], n: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await each(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function newMeta(): SyncMeta {
  return {
    device: randomId(8),
    seq: 0,
    published: 0,
    outbox: [],
    applied: {},
    etags: {},
    clock: '',
    snapshot: null,
    lastSync: 0,
  };
}

interface Manifest {
  device: string;
  seq: number;
  snapshot: { name: string; covers: Record<string, number> } | null;
}

function checkedManifest(raw: unknown, device: string): Manifest | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  if (m.device !== device || !Number.isInteger(m.seq) || (m.seq as number) < 0) return null;
  let snapshot: Manifest['snapshot'] = null;
  const s = m.snapshot as { name?: unknown; covers?: unknown } | null | undefined;
  if (s && typeof s.name === 'string' && /^[\w-]{1,100}$/.test(s.name) && s.covers && typeof s.covers === 'object') {
    const covers: Record<string, number> = {};
    for (const [d, n] of Object.entries(s.covers)) if (/^[\w-]{1,64}$/.test(d) && Number.isInteger(n)) covers[d] = n as number;
    snapshot = { name: s.name, covers };
  }
  return { device, seq: m.seq as number, snapshot };
}

/** This device's changes since the last sync, as records stamped now; bodies it must upload. */
async function localChanges(
  keys: SyncKeys,
  library: SyncLibrary,
  records: Map<string, SyncRecord>,
  blobs: Set<string>,
  clock: Hlc,
): Promise<{ changes: SyncRecord[]; bodies: Map<string, Uint8Array>; articles: ArticleMeta[]; highlights: Highlight[] }> {
  const [articles, highlights] = await Promise.all([library.articles(), library.highlights()]);
  const marks = highlightStamps(records.values());
  const bodies = new Map<string, Uint8Array>();
  const bodyNames = new Map<string, string>();
  // A body is read and hashed only when the row says it may have changed (a save or a replacing
  // import sets updatedAt; the status says how much of the page it holds).
  const reread = articles.filter((a) => {
    const r = records.get(articleId(a.url));
    const view = r && articleView(r, marks.get(a.url));
    return !view || view.meta.updatedAt !== a.updatedAt || view.meta.status !== a.status;
  });
  await pool(reread, PARALLEL, async (a) => {
    const plain = await library.body(a.url);
    const name = plain ? await blobName(keys, plain) : '';
    if (plain && !blobs.has(name)) bodies.set(name, plain);
    bodyNames.set(a.url, name);
  });
  const changes: SyncRecord[] = [];
  const seen = new Set<string>();
  for (const a of articles) {
    const id = articleId(a.url);
    seen.add(id);
    const c = articleChanges(records.get(id), a, bodyNames.get(a.url), clock, marks.get(a.url));
    if (c) changes.push(c);
  }
  for (const h of highlights) {
    const id = highlightId(h.id);
    seen.add(id);
    const c = highlightChanges(records.get(id), h, clock);
    if (c) changes.push(c);
  }
  for (const r of records.values()) {
    if (seen.has(r.id)) continue;
    const alive = isArticleRecord(r) ? articleView(r, marks.get(r.id.slice(2))) : highlightView(r);
    if (alive) changes.push(deletion(r, clock));
  }
  return { changes, bodies, articles, highlights };
}

/** Changes made on this device and not yet on the server (for the status line; no request). */
export async function pendingChanges(run: Omit<SyncRun, 'store'>): Promise<number> {
  const { meta, records, blobs } = await run.state.load();
  const clock = new Hlc(meta?.device ?? 'x', run.now);
  const { changes } = await localChanges(run.keys, run.library, records, blobs, clock);
  return changes.length + (meta?.outbox.reduce((n, b) => n + b.length, 0) ?? 0);
}

/** One sync (see the top of this file). Throws SyncError when the server refuses or is away. */
export async function runSync(run: SyncRun): Promise<SyncReport> {
  const { store, keys, library, state } = run;
  const loaded = await state.load();
  const meta = loaded.meta ?? newMeta();
  const { records, blobs } = loaded;
  const clock = new Hlc(meta.device, run.now);
  if (meta.clock) clock.receive(meta.clock);
  const report: SyncReport = { sent: 0, received: 0, skipped: [], forked: 0 };
  const dirty = new Set<string>();
  const newBlobs: string[] = [];

  // 1. What an interrupted sync left.
  await publish(run, meta, records);

  // 2. What changed here since the last sync, against the records as they were then.
  const local = await localChanges(keys, library, records, blobs, clock);

  // 3. The other devices' new batches, merged.
  const heads = await store.list('heads');
  if (heads === null) throw new SyncError('no-folder', 'The sync folder has no heads folder (was it removed?).');
  const remoteChanged = new Map<string, string[]>();
  const take = (raw: unknown, file: string) => {
    const r = checkedRecord(raw);
    if (!r) {
      report.skipped.push(`${file}: a record that is not valid`);
      return;
    }
    stampsOf(r).forEach((s) => clock.receive(s));
    const { record, changed } = mergeRecords(records.get(r.id), r);
    records.set(r.id, record);
    if (changed.length) {
      remoteChanged.set(r.id, [...(remoteChanged.get(r.id) ?? []), ...changed]);
      dirty.add(r.id);
    }
  };
  const opened = async (path: string, file: Uint8Array): Promise<unknown> => {
    try {
      return decodeJson(await decrypt(keys, file));
    } catch (err) {
      report.skipped.push(`${path}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };
  const open = async (path: string): Promise<unknown> => {
    const file = await store.get(path);
    if (file) return opened(path, file);
    report.skipped.push(`${path}: missing`);
    return null;
  };
  const manifests: { entry: string; etag: string; m: Manifest }[] = [];
  for (const e of heads) {
    const device = e.name.replace(/\.bin$/, '');
    if (device === meta.device || !/^[\w-]{1,64}$/.test(device) || (e.etag && meta.etags[e.name] === e.etag)) continue;
    const m = checkedManifest(await open(`heads/${e.name}`), device);
    if (m) manifests.push({ entry: e.name, etag: e.etag, m });
    else if (!report.skipped.some((s) => s.startsWith(`heads/${e.name}`))) report.skipped.push(`heads/${e.name}: not a manifest`);
  }
  /** Merges a snapshot's records; the batches it covers need not be read. False: it could not be read. */
  const fromSnapshot = async (snapshot: NonNullable<Manifest['snapshot']>): Promise<boolean> => {
    const path = `snap/${snapshot.name}.bin`;
    const snap = (await open(path)) as { records?: unknown } | null;
    if (!snap || !Array.isArray(snap.records)) return false;
    for (const raw of snap.records) take(raw, path);
    for (const [d, n] of Object.entries(snapshot.covers))
      if (d !== meta.device) meta.applied[d] = Math.max(meta.applied[d] ?? 0, n);
    return true;
  };
  // A device that has merged nothing yet starts from the snapshot that covers the most.
  if (Object.keys(meta.applied).length === 0 && records.size === 0) {
    const best = manifests
      .map((x) => x.m.snapshot)
      .filter((s) => !!s)
      .sort((a, b) => sum(b.covers) - sum(a.covers))[0];
    if (best) await fromSnapshot(best);
  }
  for (const { entry, etag, m } of manifests) {
    while ((meta.applied[m.device] ?? 0) < m.seq) {
      const seq = (meta.applied[m.device] ?? 0) + 1;
      const path = `log/${m.device}-${seq}.bin`;
      const file = await store.get(path);
      // deleted by its device once two snapshots held it (publish): its snapshot covers it
      if (!file && m.snapshot && (m.snapshot.covers[m.device] ?? 0) >= seq && (await fromSnapshot(m.snapshot))) continue;
      const batch = file ? ((await opened(path, file)) as { records?: unknown } | null) : null;
      if (!file) report.skipped.push(`${path}: missing`);
      if (batch && Array.isArray(batch.records)) for (const raw of batch.records) take(raw, path);
      else if (batch) report.skipped.push(`${path}: not a batch`);
      meta.applied[m.device] = seq;
    }
    meta.etags[entry] = etag;
  }

  // 4. This device's changes on top; a highlight changed on both sides is kept twice.
  const outgoing: SyncRecord[] = [];
  const forks = new Set<string>();
  const localHighlights = new Map(local.highlights.map((h) => [h.id, h]));
  for (const c of local.changes) {
    const theirs = remoteChanged.get(c.id);
    const merged = records.get(c.id);
    if (!isArticleRecord(c) && theirs && merged && conflicts(c, theirs, merged)) {
      const fork = forkHighlight(localHighlights.get(c.id.slice(2))!, clock, randomId(4));
      records.set(fork.id, fork);
      dirty.add(fork.id);
      forks.add(fork.id);
      outgoing.push(fork);
      report.forked++;
      continue;
    }
    records.set(c.id, mergeRecords(merged, c).record);
    dirty.add(c.id);
    outgoing.push(c);
  }

  // 5. New bodies up before any record that names them is published.
  await pool([...local.bodies], PARALLEL, async ([name, plain]) => {
    await store.put(`blobs/${name}.bin`, await encrypt(keys, plain));
    newBlobs.push(name);
    blobs.add(name);
  });

  // 6. What the other devices changed, into the library.
  report.received = await applyRemote(run, records, remoteChanged, forks, local, report, blobs, newBlobs);

  // 7. Saved, then published.
  meta.outbox.push(...chunks(outgoing, BATCH_RECORDS));
  meta.clock = clock.next();
  meta.lastSync = (run.now ?? Date.now)();
  await state.save(
    meta,
    [...dirty].map((id) => records.get(id)!),
    newBlobs,
  );
  report.sent = outgoing.length;
  await publish(run, meta, records);
  return report;
}

const sum = (covers: Record<string, number>) => Object.values(covers).reduce((a, b) => a + b, 0);

async function applyRemote(
  run: SyncRun,
  records: Map<string, SyncRecord>,
  remoteChanged: Map<string, string[]>,
  forks: Set<string>,
  local: { articles: ArticleMeta[]; highlights: Highlight[] },
  report: SyncReport,
  blobs: Set<string>,
  newBlobs: string[],
): Promise<number> {
  const marks = highlightStamps(records.values());
  const articles = new Map(local.articles.map((a) => [a.url, a]));
  const highlights = new Set(local.highlights.map((h) => h.id));
  const puts: { meta: ArticleMeta; body: string | undefined; expect: ArticleMeta | null }[] = [];
  const putUrls = new Set<string>();
  const write: LibraryWrite = { put: [], remove: [], highlights: [], removeHighlights: [] };
  const putArticle = (r: SyncRecord, bodyChanged: boolean) => {
    const url = r.id.slice(2);
    const view = articleView(r, marks.get(url));
    const here = articles.get(url) ?? null;
    if (!view) {
      if (here) write.remove.push({ url, expect: here });
      return;
    }
    putUrls.add(url);
    puts.push({ meta: view.meta, body: !here || bodyChanged ? view.body : undefined, expect: here });
  };
  for (const id of [...remoteChanged.keys(), ...forks]) {
    const r = records.get(id)!;
    if (isArticleRecord(r)) {
      putArticle(r, remoteChanged.get(id)!.includes('body'));
      continue;
    }
    const h = highlightView(r);
    if (h) {
      write.highlights.push(h);
      // a highlight written after its article was deleted here brings the article back
      const article = records.get(articleId(h.article));
      if (!articles.has(h.article) && !putUrls.has(h.article) && article) putArticle(article, true);
    } else if (highlights.has(id.slice(2))) write.removeHighlights.push(id.slice(2));
  }
  let received = write.remove.length + write.highlights.length + write.removeHighlights.length;
  for (const [i, chunk] of chunks(puts, WRITE_CHUNK).entries()) {
    const part: LibraryWrite = i === 0 ? write : { put: [], remove: [], highlights: [], removeHighlights: [] };
    const bodies = new Map<string, Uint8Array | null>();
    await pool([...new Set(chunk.flatMap((p) => (p.body ? [p.body] : [])))], PARALLEL, async (name) => {
      const path = `blobs/${name}.bin`;
      const file = await run.store.get(path);
      if (!file) {
        report.skipped.push(`${path}: missing`);
        return;
      }
      try {
        bodies.set(name, await decrypt(run.keys, file));
        if (!blobs.has(name)) {
          blobs.add(name);
          newBlobs.push(name);
        }
      } catch (err) {
        report.skipped.push(`${path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
    part.put = chunk.map((p) => ({
      meta: p.meta,
      expect: p.expect,
      // a body that could not be read: a row already here keeps its own; a new one comes without
      ...(p.body === undefined ? {} : bodies.has(p.body) ? { body: bodies.get(p.body)! } : p.expect ? {} : { body: null }),
    }));
    await run.library.write(part);
    received += chunk.length;
  }
  if (puts.length === 0 && (write.remove.length || write.highlights.length || write.removeHighlights.length))
    await run.library.write(write);
  return received;
}

/** Writes the outbox's batches, then the manifest (and every SNAPSHOT_EVERY batches a snapshot). */
async function publish(run: SyncRun, meta: SyncMeta, records: Map<string, SyncRecord>): Promise<void> {
  const { store, keys, state } = run;
  while (meta.outbox.length) {
    const seq = meta.seq + 1;
    await store.put(
      `log/${meta.device}-${seq}.bin`,
      await encrypt(keys, encodeJson({ device: meta.device, seq, records: meta.outbox[0] })),
    );
    meta.seq = seq;
    meta.outbox.shift();
    await state.save(meta, [], []);
  }
  if (meta.published === meta.seq) return;
  const previous = meta.snapshot;
  if (meta.seq - snapshotSeq(previous) >= SNAPSHOT_EVERY) {
    const name = `${meta.device}-${meta.seq}`;
    const covers = { ...meta.applied, [meta.device]: meta.seq };
    await store.put(`snap/${name}.bin`, await encrypt(keys, encodeJson({ covers, records: [...records.values()] })));
    meta.snapshot = { name, covers };
  }
  await store.put(
    `heads/${meta.device}.bin`,
    await encrypt(keys, encodeJson({ device: meta.device, seq: meta.seq, snapshot: meta.snapshot } satisfies Manifest)),
  );
  meta.published = meta.seq;
  await state.save(meta, [], []);
  if (previous && meta.snapshot !== previous) await prune(store, meta.device, previous);
}

const snapshotSeq = (snapshot: SyncMeta['snapshot']) => (snapshot ? Number(snapshot.name.split('-').pop()) : 0);

/**
 * Deletes this device's own files that two published snapshots now hold: its batches up to the
 * snapshot before the newest (`kept`), and its snapshots older than that one. A device still
 * reading the manifest that named `kept` finds it there. Listed rather than remembered, so what an
 * interrupted pass left goes the next time; a failure here loses nothing and fails no sync.
 * Answers the files deleted.
 */
async function prune(store: RemoteStore, device: string, kept: NonNullable<SyncMeta['snapshot']>): Promise<number> {
  const upTo = snapshotSeq(kept);
  const own = (name: string) => {
    const m = /^([\w-]+)-(\d+)\.bin$/.exec(name);
    return m && m[1] === device ? Number(m[2]) : null;
  };
  try {
    const [log, snap] = await Promise.all([store.list('log'), store.list('snap')]);
    const doomed = [
      ...(log ?? []).filter((e) => (own(e.name) ?? Infinity) <= upTo).map((e) => `log/${e.name}`),
      ...(snap ?? []).filter((e) => (own(e.name) ?? Infinity) < upTo).map((e) => `snap/${e.name}`),
    ];
    await pool(doomed, PARALLEL, (path) => store.remove(path));
    return doomed.length;
  } catch {
    return 0;
  }
}
