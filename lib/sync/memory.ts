// Sync's two stores kept in memory: a folder (RemoteStore) for unit tests, and a device's state
// (SyncStateStore) for tests and the Node bench. The folder can be told to fail, as a server does.
import type { SyncMeta, SyncStateStore } from '@/lib/sync/engine';
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
