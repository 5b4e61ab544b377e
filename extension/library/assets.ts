// The pictures stored with saved articles (the `assets` table, schema.ts): read by the saved-article
// reader and the library's thumbnails, added one by one when the storage ran short, and counted for
// "storage used". They are written and deleted with their article by commit() (commit.ts).
import type { LibraryDB } from '@/extension/library/db';
import { type AssetRow, THUMB_HASH } from '@/extension/library/schema';
import { guard, LibraryError } from '@/lib/library/errors';
import { canonicalUrl } from '@/lib/library/records';
import type { SavedImage } from '@/lib/library/types';

/** The stored pictures of an article (not its thumbnail), in no particular order. */
export async function articleImages(db: LibraryDB, url: string): Promise<AssetRow[]> {
  const key = canonicalUrl(url);
  const rows = await guard(() => db.assets.where('article').equals(key).toArray());
  return rows.filter((r) => r.hash !== THUMB_HASH);
}

/** The thumbnails of `urls`, aligned with them (undefined where an article has none). */
export async function thumbnails(db: LibraryDB, urls: readonly string[]): Promise<(Blob | undefined)[]> {
  const rows = await guard(() => db.assets.bulkGet(urls.map((url): [string, string] => [url, THUMB_HASH])));
  return rows.map((r) => r?.blob);
}

/**
 * Adds pictures to a saved article one transaction each, in order, until the storage is full:
 * what fit stays. Answers how many were stored. For a save whose pictures did not fit at once.
 */
export async function addImages(db: LibraryDB, url: string, images: readonly SavedImage[]): Promise<number> {
  let stored = 0;
  for (const image of images) {
    try {
      await guard(() =>
        db.transaction('rw', db.articles, db.assets, async () => {
          if (!(await db.articles.get(url))) throw new LibraryError('not-found', `No saved article at ${url}.`);
          await db.assets.put({ article: url, ...image });
        }),
      );
    } catch (err) {
      if (err instanceof LibraryError && (err.code === 'quota' || err.code === 'not-found')) break;
      throw err;
    }
    stored++;
  }
  return stored;
}

/** How many bytes the stored pictures take, and how many there are (thumbnails included). */
export async function imageUsage(db: LibraryDB): Promise<{ bytes: number; count: number }> {
  let bytes = 0;
  let count = 0;
  await guard(() =>
    db.assets.each((row) => {
      bytes += row.blob.size;
      count++;
    }),
  );
  return { bytes, count };
}
