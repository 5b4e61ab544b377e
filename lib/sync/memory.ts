// Sync's stores kept in memory, for the unit tests and the Node bench: a folder (RemoteStore) that
// can be told to fail as a server does, a device's state (SyncStateStore), and a library of plain
// maps with the contract of the Dexie one (extension/sync/library.ts), bodies as JSON.
import type { Highlight } from '@/lib/annotations/highlight';
import type { ArticleMeta } from '@/lib/library/types';
import { decodeJson, encodeJson } from '@/lib/sync/crypto';
import type { SyncLibrary, SyncMeta, SyncStateStore } from '@/lib/sync/engine';
import type { SyncRecord } from '@/lib/sync/records';
import { SyncError } from '@/lib/sync/errors';
import type { RemoteEntry, RemoteStore } from '@/lib/sync/webdav';

export interface MemoryFolder extends RemoteStore {
  files: Map<string, Uint8Array>;
  /** Called before every request: throw to make it fail. */
  fault: ((method: string, path: string) => void) | null;
  requests: number;
}

export function memoryFolder(): MemoryFolder {
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>(['']);
  let tag = 0;
  const etags = new Map<string, string>();
  const folder: MemoryFolder = {
    files,
    fault: null,
    requests: 0,
    async list(dir) {
      folder.requests++;
      folder.fault?.('PROPFIND', dir);
      if (!dirs.has(dir)) return null;
      const prefix = dir ? `${dir}/` : '';
      const out: RemoteEntry[] = [];
      for (const [path, data] of files)
        if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
          out.push({ name: path.slice(prefix.length), etag: etags.get(path)!, size: data.length });
      return out;
    },
    async get(path) {
      folder.requests++;
      folder.fault?.('GET', path);
      return files.get(path)?.slice() ?? null;
    },
    async put(path, data) {
      folder.requests++;
      folder.fault?.('PUT', path);
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      if (!dirs.has(dir)) throw new SyncError('no-folder', `PUT ${path}: 409`);
      files.set(path, data.slice());
      etags.set(path, `"${++tag}"`);
    },
    async mkdir(path) {
      folder.requests++;
      folder.fault?.('MKCOL', path);
      dirs.add(path.replace(/\/+$/, ''));
    },
    async remove(path) {
      folder.requests++;
      folder.fault?.('DELETE', path);
      dirs.delete(path);
      for (const key of [...files.keys()]) if (key === path || key.startsWith(`${path}/`)) files.delete(key);
    },
  };
  return folder;
}

export function memoryState(): SyncStateStore & { meta: SyncMeta | null } {
  const records = new Map<string, SyncRecord>();
  const blobs = new Set<string>();
  const state = {
    meta: null as SyncMeta | null,
    async load() {
      return { meta: state.meta && structuredClone(state.meta), records: new Map(records), blobs: new Set(blobs) };
    },
    async save(meta: SyncMeta, changed: readonly SyncRecord[], names: readonly string[]) {
      state.meta = structuredClone(meta);
      for (const r of changed) records.set(r.id, structuredClone(r));
      for (const b of names) blobs.add(b);
    },
  };
  return state;
}

export interface MemoryBody {
  contentHtml: string;
  text: string;
}

export function memoryLibrary() {
  const articles = new Map<string, ArticleMeta>();
  const bodies = new Map<string, MemoryBody>();
  const highlights = new Map<string, Highlight>();
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const library: SyncLibrary = {
    articles: async () => [...articles.values()].map((a) => structuredClone(a)),
    highlights: async () => [...highlights.values()].map((h) => structuredClone(h)),
    body: async (url) => (bodies.has(url) ? encodeJson(bodies.get(url)) : null),
    write: async (w) => {
      for (const p of w.put) {
        if (!same(articles.get(p.meta.url) ?? null, p.expect)) continue;
        articles.set(p.meta.url, structuredClone(p.meta));
        if (p.body !== undefined)
          bodies.set(p.meta.url, p.body ? (decodeJson(p.body) as MemoryBody) : { contentHtml: '', text: '' });
      }
      for (const r of w.remove) {
        if (!same(articles.get(r.url), r.expect)) continue;
        articles.delete(r.url);
        bodies.delete(r.url);
        for (const [id, h] of highlights) if (h.article === r.url) highlights.delete(id);
      }
      for (const h of w.highlights) if (articles.has(h.article)) highlights.set(h.id, structuredClone(h));
      for (const id of w.removeHighlights) highlights.delete(id);
    },
  };
  return { articles, bodies, highlights, library };
}
