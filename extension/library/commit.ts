// The one write path of the library database. Every write — save, bookmark, read state, tags,
// progress, delete, restore, import — is a commit: the caller names the URLs it needs, decides
// from their stored rows what to write (whole article rows, and content rows when the content
// changes) and what to delete, and commit() does the rest in one read-write transaction:
//   - the catalog (catalog.ts) and its head row follow every change of a listed column (savedAt,
//     read state, status, site, tags), every new article and every deletion;
//   - the search index (search-index.ts) gets the terms of every article that is new or whose
//     title, excerpt or content changed, and forgets deleted ones; `stale` counts what the
//     postings still hold of them;
//   - a deleted article's stored pictures (assets) go with it (and come back with its undo), and
//     a put that brings pictures replaces the article's own;
//   - a deleted article's highlights go with it (and come back with its undo: `removed` carries them);
//   - highlights written or removed (`highlights`) are written here too, and an article whose notes
//     change is indexed again (its notes are search terms: lib/library/terms.ts termsOf);
//   - after the commit, a rebuild of the postings starts in the background when it is time, and
//     a deletion forgets the popup's snapshot of its list (recent-snapshot.ts).
// So no writer keeps those invariants by hand (schema.ts lists them). A failure anywhere (quota…)
// leaves nothing half-written, and IndexedDB runs overlapping read-write transactions one after
// the other, so two saves of the same URL at once (two tabs, two windows) end as one row.
import { Catalog, readCatalog, writeCatalog } from '@/extension/library/catalog';
import type { LibraryDB } from '@/extension/library/db';
import { forgetRecentSnapshot } from '@/extension/library/recent-snapshot';
import { beginIndexUpdate, indexAll, type IndexedArticle, scheduleIndexing } from '@/extension/library/search-index';
import { guard } from '@/lib/library/errors';
import { joinSaved } from '@/lib/library/records';
import type { AssetRow } from '@/extension/library/schema';
import type { Highlight } from '@/lib/annotations/highlight';
import type { ArticleContent, ArticleMeta, SavedArticle, SavedImage } from '@/lib/library/types';

/** One article to write: its whole metadata row, and its content when that changes. */
export interface ArticlePut {
  meta: ArticleMeta;
  /** The new content (a save, or an import that brings more); absent: the stored one stays. */
  content?: ArticleContent;
  /** The article's stored pictures, replacing the ones it had; absent: they stay as they are. */
  images?: readonly SavedImage[];
}

const assetRow = (article: string, image: SavedImage): AssetRow => ({ article, ...image });
const savedImage = ({ article: _, ...image }: AssetRow): SavedImage => image;

/** What a write decides to do, and what it answers its caller. */
export interface Changes<R> {
  put?: readonly ArticlePut[];
  /** URLs to delete (their rows, catalog entry and terms). */
  remove?: readonly string[];
  /** Highlights to write (of saved articles only) and ids of highlights to delete. */
  highlights?: { put?: readonly Highlight[]; remove?: readonly string[] };
  value: R;
}

export interface Committed<R> {
  value: R;
  /** The deleted articles as they were, with their content (for undo). */
  removed: SavedArticle[];
  /** Each highlight of `highlights.put` as it was before (null: it is new), in the same order (for undo). */
  highlightsBefore: (Highlight | null)[];
}

export interface CommitOptions {
  /**
   * The write rarely changes a listed column (reading progress): read the catalog only if it
   * does, instead of alongside the rows. Speed only: a listed change is always caught.
   */
  catalogWhenNeeded?: boolean;
  /** `decide` also gets the content rows of the stored articles this answers true for (an import
   *  compares bodies). */
  withContents?: (stored: ArticleMeta) => boolean;
}

/** A write naming more URLs than this reads the catalog first and only the rows it lists (an
 *  import into an empty library reads none). */
const KNOWN_ONLY_ABOVE = 64;

/** Whether the catalog shows a difference between the two rows. */
function listedChange(before: ArticleMeta, after: ArticleMeta): boolean {
  return (
    before.savedAt !== after.savedAt ||
    before.readAt > 0 !== after.readAt > 0 ||
    before.status !== after.status ||
    before.site !== after.site ||
    before.tags.length !== after.tags.length ||
    before.tags.some((tag, i) => tag !== after.tags[i])
  );
}

/** Whether the article's search terms may have changed (what termsOf reads). */
function termsChange(before: ArticleMeta, put: ArticlePut): boolean {
  return put.content !== undefined || before.title !== put.meta.title || before.excerpt !== put.meta.excerpt;
}

/**
 * Reads the stored rows of `urls`, lets `decide` say what to write, and writes it with everything
 * that follows from it (see above), in one transaction. `decide` may only put or remove URLs it
 * was given; what it throws aborts the write. Failures come out as LibraryError.
 */
export async function commit<R>(
  db: LibraryDB,
  urls: readonly string[],
  decide: (stored: ReadonlyMap<string, ArticleMeta>, contents: ReadonlyMap<string, ArticleContent>) => Changes<R>,
  options: CommitOptions = {},
): Promise<Committed<R>> {
  const keys = [...new Set(urls)];
  const done = await guard(() =>
    db.transaction('rw', [db.articles, db.contents, db.catalog, db.terms, db.postings, db.assets, db.highlights], async () => {
      let catalog: Promise<Catalog> | null = null;
      const readCat = () => (catalog ??= readCatalog(db, { own: true }));
      let read = keys;
      if (keys.length > KNOWN_ONLY_ABOVE) {
        const cat = await readCat();
        read = keys.filter((url) => cat.indexOf(url) >= 0);
      } else if (!options.catalogWhenNeeded) {
        // read alongside the rows; its failure is reported where it is awaited (or aborts the write)
        readCat().catch(() => undefined);
      }
      const rows = read.length ? await db.articles.bulkGet(read) : [];
      const stored = new Map<string, ArticleMeta>();
      rows.forEach((row, i) => row && stored.set(read[i]!, row));
      const contents = new Map<string, ArticleContent>();
      const want = options.withContents;
      if (want && stored.size) {
        const have = [...stored.values()].filter(want).map((m) => m.url);
        (await db.contents.bulkGet(have)).forEach((row, i) => row && contents.set(have[i]!, row));
      }

      const { put: decided = [], remove = [], highlights: marks, value } = decide(stored, contents);
      const named = new Set(keys);
      const gone = [...new Set(remove)];
      // Highlights: the articles whose notes change are indexed again (with their rows as stored).
      const markPuts = marks?.put ?? [];
      const markGone = new Set(marks?.remove ?? []);
      const touched = [...markPuts.map((h) => h.id), ...markGone];
      const oldMarks = touched.length ? await db.highlights.bulkGet(touched) : [];
      const noteChanged = new Set<string>();
      oldMarks.forEach((old, i) => {
        const now = i < markPuts.length ? markPuts[i]! : null;
        if (old && old.note && (!now || now.article !== old.article)) noteChanged.add(old.article);
        if (now && now.note !== (old?.note ?? '')) noteChanged.add(now.article);
      });
      for (const url of noteChanged) if (!stored.has(url) || gone.includes(url)) noteChanged.delete(url);
      const put = [...decided];
      for (const url of noteChanged) if (!put.some((p) => p.meta.url === url)) put.push({ meta: stored.get(url)! });
      const markWrites = () => [
        ...(markGone.size ? [db.highlights.bulkDelete([...markGone])] : []),
        ...(markPuts.length ? [db.highlights.bulkPut([...markPuts])] : []),
      ];
      for (const url of [...put.map((p) => p.meta.url), ...gone]) {
        if (!named.has(url)) throw new Error(`commit: ${url} was written without being read first.`);
      }
      if (new Set(put.map((p) => p.meta.url)).size !== put.length || put.some((p) => gone.includes(p.meta.url))) {
        throw new Error('commit: an article is written twice in one commit.');
      }

      const puts = put.map((p) => {
        const before = stored.get(p.meta.url);
        const reindex = !before || termsChange(before, p) || noteChanged.has(p.meta.url);
        return { ...p, before, listed: !before || listedChange(before, p.meta), reindex };
      });
      const withImages = puts.filter((p) => p.images).map((p) => p.meta.url);
      const metaWrites = () => [
        db.articles.bulkPut(puts.map((p) => p.meta)),
        db.contents.bulkPut(puts.flatMap((p) => (p.content ? [p.content] : []))),
        ...(withImages.length
          ? [
              db.assets
                .where('article')
                .anyOf(withImages)
                .delete()
                .then(() => db.assets.bulkPut(puts.flatMap((p) => (p.images ?? []).map((i) => assetRow(p.meta.url, i))))),
            ]
          : []),
      ];
      if (gone.length === 0 && !puts.some((p) => p.listed || p.reindex)) {
        // Only columns the catalog and the index do not hold (reading progress): the rows alone.
        await Promise.all([...(puts.length ? metaWrites() : []), ...markWrites()]);
        return { value, removed: [], cat: null, pending: 0, marksBefore: oldMarks.slice(0, markPuts.length) };
      }

      // Every read before the writes (a read would wait for them)…
      const reindexed = puts.filter((p) => p.reindex);
      const textless = reindexed.filter((p) => !p.content).map((p) => p.meta.url);
      const [cat, texts, goneContents, goneAssets, update, noted] = await Promise.all([
        readCat(),
        textless.length ? db.contents.bulkGet(textless) : [],
        gone.length ? db.contents.bulkGet(gone) : [],
        gone.length ? db.assets.where('article').anyOf(gone).toArray() : [],
        beginIndexUpdate(db, reindexed.length),
        reindexed.length
          ? storedNotes(
              db,
              reindexed.map((p) => p.meta.url),
            )
          : [],
      ]);
      const goneHighlights = gone.length ? await db.highlights.where('article').anyOf(gone).toArray() : [];
      // …then the writes: the browser stores them while the catalog and the terms are worked out.
      const writes: Promise<unknown>[] = [...metaWrites(), ...markWrites()];
      if (gone.length)
        writes.push(
          db.articles.bulkDelete(gone),
          db.contents.bulkDelete(gone),
          db.assets.bulkDelete(goneAssets.map((a): [string, string] => [a.article, a.hash])),
        );
      if (goneHighlights.length) writes.push(db.highlights.bulkDelete(goneHighlights.map((h) => h.id)));
      const removed: SavedArticle[] = [];
      gone.forEach((url, i) => {
        const meta = stored.get(url);
        const images = goneAssets.filter((a) => a.article === url).map(savedImage);
        const highlights = goneHighlights.filter((h) => h.article === url);
        if (meta)
          removed.push({
            ...joinSaved(meta, goneContents[i]),
            ...(images.length ? { images } : {}),
            ...(highlights.length ? { highlights } : {}),
          });
      });
      const unlisted = gone.filter((url) => cat.indexOf(url) >= 0);
      cat.remove(unlisted);
      const listed = puts.filter((p) => p.listed || p.reindex);
      const ids = cat.upsertMany(listed.map((p) => p.meta));
      const idOf = new Map(listed.map((p, i) => [p.meta.url, ids[i]!]));
      const textOf = new Map(textless.map((url, i) => [url, texts[i]?.text ?? '']));
      // Each re-indexed article's notes as they are after this commit.
      const notesOf = new Map<string, string[]>();
      const addNote = (h: Highlight) => h.note && notesOf.set(h.article, [...(notesOf.get(h.article) ?? []), h.note]);
      const replaced = new Set(markPuts.map((h) => h.id));
      for (const h of noted) if (!markGone.has(h.id) && !replaced.has(h.id)) addNote(h);
      markPuts.forEach(addNote);
      const fresh: IndexedArticle[] = reindexed.map((p) => ({
        id: idOf.get(p.meta.url)!,
        url: p.meta.url,
        meta: p.meta,
        text: p.content ? p.content.text : (textOf.get(p.meta.url) ?? ''),
        notes: (notesOf.get(p.meta.url) ?? []).join('\n'),
        existed: !!p.before,
      }));
      const pending = await update.apply(cat, fresh, unlisted);
      writes.push(writeCatalog(db, cat));
      await Promise.all(writes);
      return { value, removed, cat, pending, marksBefore: oldMarks.slice(0, markPuts.length) };
    }),
  );
  if (done.cat) scheduleIndexing(db, done.cat, done.pending);
  // The popup's early list must not show a deleted title again (recent-snapshot.ts).
  if (done.removed.length) forgetRecentSnapshot();
  return {
    value: done.value,
    removed: done.removed,
    highlightsBefore: done.marksBefore.map((h) => h ?? null),
  };
}

/** The stored highlights of `urls` (none read when the library has no highlight, as most imports find it). */
async function storedNotes(db: LibraryDB, urls: readonly string[]): Promise<Highlight[]> {
  // (one key, not count(): IndexedDB counts 50,000 highlights in ~80 ms)
  if ((await db.highlights.limit(1).primaryKeys()).length === 0) return [];
  return db.highlights
    .where('article')
    .anyOf([...urls])
    .toArray();
}

/**
 * Rebuilds the catalog (new ids) and the search index from the articles and their contents. For
 * repairs and schema upgrades; nothing needs it in normal use.
 */
export async function rebuildAll(db: LibraryDB): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.articles, db.contents, db.catalog, db.postings, db.terms, db.highlights], async () => {
      const [metas, contents, highlights] = await Promise.all([
        db.articles.toArray(),
        db.contents.toArray(),
        db.highlights.toArray(),
      ]);
      const texts = new Map(contents.map((c) => [c.url, c.text]));
      const notes = new Map<string, string>();
      for (const h of highlights) if (h.note) notes.set(h.article, `${notes.get(h.article) ?? ''}\n${h.note}`);
      const cat = Catalog.of(metas);
      await indexAll(
        db,
        cat,
        metas.map((meta) => ({ meta, text: texts.get(meta.url) ?? '', notes: notes.get(meta.url) ?? '' })),
      );
      await writeCatalog(db, cat);
    }),
  );
}
