// One sync as the extension runs it: the settings (platform/settings/sync.ts) made into a WebDAV
// folder, the key, the library and this device's state, one sync at a time (a Web Lock, whatever
// context asks), and its outcome as the status the options page shows. It runs in the parser
// page (background/sync.ts starts it there and keeps the status), which has the DOM that sanitizing a body needs, and
// is loaded there only when a sync runs.
import type { LibraryDB } from '@/extension/library/db';
import { folder, SYNC_LOCK, syncErrorCode } from '@/extension/sync/folder';
import { librarySync } from '@/extension/sync/library';
import { syncState } from '@/extension/sync/state';
import { base64ToBytes } from '@/lib/library/images';
import { importKeys } from '@/lib/sync/crypto';
import { pendingChanges, runSync } from '@/lib/sync/engine';
import { SyncError } from '@/lib/sync/errors';
import { CLOCK_SKEW_WARN_MS } from '@/lib/sync/hlc';
import type { SyncConfig, SyncStatus } from '@/platform/settings/sync';

async function parts(db: LibraryDB, config: SyncConfig, sanitize: (html: string) => string) {
  const bytes = base64ToBytes(config.key);
  if (!bytes) throw new SyncError('wrong-passphrase', 'The stored key is damaged.');
  return { keys: await importKeys(bytes), library: librarySync(db, sanitize), state: syncState() };
}

/**
 * One sync now (waiting for one already running) with the settings the background read (an
 * offscreen document has no storage API), answering the status to keep; `before` is the last one.
 */
export async function syncNow(
  db: LibraryDB,
  sanitize: (html: string) => string,
  config: SyncConfig,
  before: SyncStatus,
): Promise<SyncStatus> {
  return navigator.locks.request(SYNC_LOCK, async () => {
    let skew = 0;
    let status: SyncStatus;
    const run = await parts(db, config, sanitize);
    // what waits to be sent, worked out here (no request), after a sync or a failed one
    const pending = () => pendingChanges(run).catch(() => before.pending);
    try {
      const report = await runSync({ ...run, store: folder(config, (ms) => (skew = Date.now() - ms)) });
      status = {
        running: false,
        lastSync: Date.now(),
        pending: await pending(),
        error: null,
        sent: report.sent,
        received: report.received,
        skipped: report.skipped.slice(0, 20),
        clockSkew: 0,
      };
    } catch (err) {
      console.warn('Sync failed:', err instanceof Error ? err.message : String(err));
      status = { ...before, running: false, error: syncErrorCode(err), pending: await pending() };
    }
    status.clockSkew = Math.abs(skew) > CLOCK_SKEW_WARN_MS ? skew : 0;
    return status;
  });
}
