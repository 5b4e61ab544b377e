// Sync as the extension runs it: the settings (platform/settings/sync.ts) made into a WebDAV
// folder, the key, the library and this device's state, one sync at a time (a Web Lock, whatever
// context asks), and its outcome kept as the status the options page shows. The background starts
// it in the parser page (background/sync.ts), which has the DOM that sanitizing a body needs.
import type { LibraryDB } from '@/extension/library/db';
import { librarySync } from '@/extension/sync/library';
import { syncState } from '@/extension/sync/state';
import { base64ToBytes, bytesToBase64 } from '@/lib/library/images';
import { importKeys } from '@/lib/sync/crypto';
import { openFolder, pendingChanges, removeFolderData, runSync } from '@/lib/sync/engine';
import { SyncError } from '@/lib/sync/errors';
import { CLOCK_SKEW_WARN_MS } from '@/lib/sync/hlc';
import { webDavStore } from '@/lib/sync/webdav';
import { IDLE_STATUS, syncConfigItem, syncStatusItem, type SyncConfig, type SyncStatus } from '@/platform/settings/sync';

const LOCK = 'reading-assistant-sync';

export interface FolderLogin {
  url: string;
  user: string;
  password: string;
}

/** The folder's origin, for the host permission asked when it is saved (null: not a web address). */
export function folderOrigin(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

function folder(login: FolderLogin, onServerTime?: (ms: number) => void) {
  return webDavStore({ url: login.url, user: login.user, password: login.password, onServerTime });
}

/** The code of what went wrong (for its sentence). */
export const syncErrorCode = (err: unknown) => (err instanceof SyncError ? err.code : 'server');

/**
 * Opens (or sets up) the folder with the passphrase and answers the key bytes to keep (base64).
 * `create`: a folder that does not exist is made first (the user said yes to creating it).
 */
export async function connectFolder(login: FolderLogin, passphrase: string, create = false): Promise<string> {
  const store = folder(login);
  if (create && (await store.list('')) === null) await store.mkdir('');
  const { keyBytes } = await openFolder(store, passphrase);
  return bytesToBase64(keyBytes);
}

async function parts(db: LibraryDB, config: SyncConfig, sanitize: (html: string) => string) {
  const bytes = base64ToBytes(config.key);
  if (!bytes) throw new SyncError('wrong-passphrase', 'The stored key is damaged.');
  return { keys: await importKeys(bytes), library: librarySync(db, sanitize), state: syncState() };
}

/** One sync now (waiting for one already running), its outcome stored as the status. */
export async function syncNow(db: LibraryDB, sanitize: (html: string) => string): Promise<SyncStatus> {
  return navigator.locks.request(LOCK, async () => {
    const config = await syncConfigItem.getValue();
    const before = await syncStatusItem.getValue();
    if (!config) return before;
    await syncStatusItem.setValue({ ...before, running: true });
    let skew = 0;
    let status: SyncStatus;
    try {
      const run = await parts(db, config, sanitize);
      const report = await runSync({ ...run, store: folder(config, (ms) => (skew = Date.now() - ms)) });
      status = {
        running: false,
        lastSync: Date.now(),
        pending: await pendingChanges(run),
        error: null,
        sent: report.sent,
        received: report.received,
        skipped: report.skipped.slice(0, 20),
        clockSkew: 0,
      };
    } catch (err) {
      console.warn('Sync failed:', err instanceof Error ? err.message : String(err));
      status = { ...before, running: false, error: syncErrorCode(err) };
    }
    status.clockSkew = Math.abs(skew) > CLOCK_SKEW_WARN_MS ? skew : 0;
    await syncStatusItem.setValue(status);
    return status;
  });
}

/** Changes made here and not yet sent (no request). */
export async function countPending(db: LibraryDB): Promise<number> {
  const config = await syncConfigItem.getValue();
  if (!config) return 0;
  return pendingChanges(await parts(db, config, (html) => html));
}

/** Forgets the server, the key and this device's sync state; the library stays as it is. */
export async function stopSyncing(): Promise<void> {
  await navigator.locks.request(LOCK, async () => {
    await syncState().clear();
    await syncConfigItem.removeValue();
    await syncStatusItem.setValue(IDLE_STATUS);
  });
}

/** Deletes every sync file from the server (every device's), then stops syncing here. */
export async function removeServerData(): Promise<void> {
  const config = await syncConfigItem.getValue();
  if (config) await removeFolderData(folder(config));
  await stopSyncing();
}
