// Sync's settings and its status, in storage.local only: the server's address, the user name, the
// app password and the key derived from the passphrase never go to storage.sync (which the
// browser copies to its own account) nor to a log. The passphrase itself is not kept: only the
// 64 key bytes PBKDF2 made from it (lib/sync/crypto.ts), which open nothing but this folder's files.
import type { SyncErrorCode } from '@/lib/sync/errors';
import { storage } from 'wxt/utils/storage';
import { defineSetting } from '@/platform/settings/define';

export interface SyncConfig {
  /** The folder's WebDAV address (http or https). */
  url: string;
  user: string;
  password: string;
  /** The 64 key bytes, base64. */
  key: string;
  /** Sync on changes and every `minutes` while the browser runs. */
  auto: boolean;
  minutes: number;
}

export const SYNC_MINUTES = [5, 15, 30, 60] as const;

export const syncConfigItem = defineSetting<SyncConfig | null>('local:syncConfig', {
  fallback: null,
  version: 1,
  migrations: {},
});

export interface SyncStatus {
  running: boolean;
  /** When the last sync finished well (epoch ms; 0: never). */
  lastSync: number;
  /** Changes made here and not yet on the server, as counted after the last sync. */
  pending: number;
  /** Why the last attempt failed (null: it did not). */
  error: SyncErrorCode | null;
  /** Records sent and received by the last sync. */
  sent: number;
  received: number;
  /** Files the last sync could not read (skipped), for the status line. */
  skipped: string[];
  /** How far this device's clock is from the server's (ms, + when ahead), when it is far. */
  clockSkew: number;
}

export const IDLE_STATUS: SyncStatus = {
  running: false,
  lastSync: 0,
  pending: 0,
  error: null,
  sent: 0,
  received: 0,
  skipped: [],
  clockSkew: 0,
};

/** Not a setting (nothing the user chose): what the last sync did, rewritten by each one. */
export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', { fallback: IDLE_STATUS });
