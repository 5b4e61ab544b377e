// The popup's newest saved articles as it last showed them, kept in the extension origin's
// localStorage (extension pages only; a service worker has none). localStorage is read
// synchronously, so the popup's first paint already holds its list instead of an empty box that
// fills once IndexedDB has opened; the live query then replaces it a few milliseconds later with
// the database's answer, and that answer is written back. Deleting articles (from any page)
// forgets the snapshot, so a deleted title is never shown again, not even for a frame.
import type { ArticleMeta } from '@/lib/library/types';

export const RECENT_SNAPSHOT_KEY = 'reading-assistant.recent.v1';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled or not available in this context
  }
}

const isMeta = (m: unknown): m is ArticleMeta =>
  !!m &&
  typeof m === 'object' &&
  typeof (m as ArticleMeta).url === 'string' &&
  typeof (m as ArticleMeta).title === 'string' &&
  typeof (m as ArticleMeta).savedAt === 'number' &&
  Array.isArray((m as ArticleMeta).tags);

/** The list the popup showed last, or undefined when there is none (or it is unreadable). */
export function readRecentSnapshot(): ArticleMeta[] | undefined {
  try {
    const raw = storage()?.getItem(RECENT_SNAPSHOT_KEY);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every(isMeta) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `metas` as the list to show first next time (written only when it changed). */
export function writeRecentSnapshot(metas: readonly ArticleMeta[]): void {
  try {
    const s = storage();
    const raw = JSON.stringify(metas);
    if (s && s.getItem(RECENT_SNAPSHOT_KEY) !== raw) s.setItem(RECENT_SNAPSHOT_KEY, raw);
  } catch {
    // a full or disabled storage only costs the early list
  }
}

export function forgetRecentSnapshot(): void {
  try {
    storage()?.removeItem(RECENT_SNAPSHOT_KEY);
  } catch {
    // nothing to forget
  }
}
