// A stored setting with the version of its stored shape and the migrations that bring older data
// up to it, kept on the item itself so one list (platform/settings/index.ts) can hand every
// setting to the migration test. Whenever a context defines the item, WXT compares the stored
// version with this one and runs the missing steps; every read and write waits for that.
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';

/**
 * `migrations[n]` turns a value stored at version n − 1 into version n. Data stored before an item
 * had a version counts as version 1 (WXT's rule), so the first real migration is `migrations[2]`.
 * Each lives in its own numbered file (platform/settings/migrations/typography-v2.ts) with the old
 * shape it reads, and the migration test gets a fixture stored by the version before.
 */
// The argument is whatever an older release stored: each migration checks it for itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Migrations = Readonly<Record<number, (old: any) => unknown>>;

export interface Setting<T> extends WxtStorageItem<T, Record<string, never>> {
  /** The version of the shape this code stores (1 until the shape first changes). */
  readonly version: number;
  readonly migrations: Migrations;
}

export function defineSetting<T>(
  key: StorageItemKey,
  options: { fallback: T; version: number; migrations: Migrations },
): Setting<T> {
  const item = storage.defineItem<T, Record<string, never>>(key, {
    fallback: options.fallback,
    version: options.version,
    migrations: { ...options.migrations },
  });
  return Object.assign(item, { version: options.version, migrations: options.migrations });
}
