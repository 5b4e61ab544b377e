// The sync folder as the options page handles it: opening
// or setting it up with the passphrase (the key bytes to keep), "Stop syncing this device" and
// "Remove my data from the server". No library code here: the options page loads only this; the
// sync itself is extension/sync/service.ts.
import { syncState } from '@/extension/sync/state';
import { bytesToBase64 } from '@/lib/library/images';
import { openFolder, removeFolderData } from '@/lib/sync/engine';
import { SyncError } from '@/lib/sync/errors';
import { webDavStore } from '@/lib/sync/webdav';
import { IDLE_STATUS, syncConfigItem, syncStatusItem } from '@/platform/settings/sync';

/** One sync at a time on this device, whatever context starts it (a Web Lock). */
export const SYNC_LOCK = 'reading-assistant-sync';

export interface FolderLogin {
  url: string;
  user: string;
  password: string;
}

export function folder(login: FolderLogin, onServerTime?: (ms: number) => void) {
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

/** Forgets the server, the key and this device's sync state; the library stays as it is. */
export async function stopSyncing(): Promise<void> {
  await navigator.locks.request(SYNC_LOCK, async () => {
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
