// What this device keeps between syncs (lib/sync/engine.ts SyncStateStore), in its own database
// 'sync-state', apart from the library: the records as last merged (one row each, so a sync
// writes only the ones it changed), the names of the blobs known to be on the server, and the
// meta row (device id, batches, outbox, clock). "Stop syncing this device" deletes it.
import Dexie, { type Table } from 'dexie';
import type { SyncMeta, SyncStateStore } from '@/lib/sync/engine';
import type { SyncRecord } from '@/lib/sync/records';

const META_KEY = 'meta';

class SyncStateDB extends Dexie {
  records!: Table<SyncRecord, string>;
  blobs!: Table<{ name: string }, string>;
  meta!: Table<SyncMeta, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ records: 'id', blobs: 'name', meta: '' });
  }
}

const SYNC_STATE_DB = 'sync-state';

export function syncState(name = SYNC_STATE_DB): SyncStateStore & { clear(): Promise<void> } {
  const db = new SyncStateDB(name);
  return {
    async load() {
      return db.transaction('r', [db.records, db.blobs, db.meta], async () => {
        const [meta, records, blobs] = await Promise.all([
          db.meta.get(META_KEY),
          db.records.toArray(),
          db.blobs.toCollection().primaryKeys(),
        ]);
        return { meta: meta ?? null, records: new Map(records.map((r) => [r.id, r])), blobs: new Set(blobs) };
      });
    },
    async save(meta, records, blobs) {
      await db.transaction('rw', [db.records, db.blobs, db.meta], async () => {
        await Promise.all([
          db.meta.put(meta, META_KEY),
          records.length ? db.records.bulkPut([...records]) : null,
          blobs.length ? db.blobs.bulkPut(blobs.map((name) => ({ name }))) : null,
        ]);
      });
    },
    async clear() {
      await db.delete();
    },
  };
}
