// The library's Highlights view and search results read the highlights across articles here (the
// library page only: the background, which writes them, does not carry this). Rows of `highlights`
// (highlights.ts writes them), in the catalog's order.
import { readCatalog } from '@/extension/library/catalog';
import type { LibraryDB } from '@/extension/library/db';
import { matchUrls } from '@/extension/library/search';
import { HIGHLIGHT_COLORS, type Highlight } from '@/lib/annotations/highlight';
import { guard } from '@/lib/library/errors';
import { matchesEvery } from '@/lib/library/snippet';
import type { ArticleMeta } from '@/lib/library/types';

/** What the library's Highlights view asks: grouped by article or by colour, and a search. */
export interface HighlightsQuery {
  group?: 'article' | 'color';
  query?: string;
}

/** A highlight in the Highlights view, with the article it belongs to. */
export interface HighlightEntry {
  highlight: Highlight;
  meta: ArticleMeta;
}

/**
 * The highlights of the articles `urls` (in that order, each article's in the order of its text),
 * read in batches of growing size (16, 32, …) as they are asked for, each batch once: the colour
 * grouping walks them once a colour, and the first page of 50,000 highlights reads one batch. A
 * small batch is one index read per article (getAll, which Chromium answers faster than anyOf's
 * cursor), a large one anyOf.
 */
interface Batches {
  urls: readonly string[];
  /** The batches read so far, each sorted. */
  read: Highlight[][];
  at: number;
  size: number;
}

/**
 * Adds to `out` the highlights `keep` accepts, batch after batch, until it holds `want`: from the
 * batches read already, then (the promise answered) reading more. Nothing to read: null, not a
 * promise (awaiting one that no database read settles loses Dexie's transaction, which then
 * commits too early).
 */
function collect(
  db: LibraryDB,
  batches: Batches,
  keep: (h: Highlight) => boolean,
  want: number,
  out: Highlight[],
): Promise<void> | null {
  let i = 0;
  for (; i < batches.read.length && out.length < want; i++) for (const h of batches.read[i]!) if (keep(h)) out.push(h);
  return out.length >= want || batches.at >= batches.urls.length ? null : readMore(db, batches, keep, want, out);
}

async function readMore(
  db: LibraryDB,
  batches: Batches,
  keep: (h: Highlight) => boolean,
  want: number,
  out: Highlight[],
): Promise<void> {
  while (out.length < want && batches.at < batches.urls.length) {
    const chunk = batches.urls.slice(batches.at, batches.at + batches.size);
    const rows =
      batches.size <= 256
        ? (await Promise.all(chunk.map((url) => db.highlights.where('article').equals(url).toArray()))).flat()
        : await db.highlights.where('article').anyOf(chunk).toArray();
    const place = new Map(chunk.map((url, k) => [url, k]));
    rows.sort(
      (a, b) =>
        place.get(a.article)! - place.get(b.article)! || a.selectors[1].start - b.selectors[1].start || a.createdAt - b.createdAt,
    );
    batches.read.push(rows);
    batches.at += batches.size;
    batches.size *= 2;
    for (const h of rows) if (keep(h)) out.push(h);
  }
}

/**
 * The first `want` highlights across the library: by article (newest saved first, each article's
 * in text order) or by colour (the four colours in turn, by article within each); with a query,
 * those whose passage or note holds every word of it (the articles come from the search index,
 * which holds the notes). `more`: there are others after them.
 */
export async function highlightsPage(
  db: LibraryDB,
  q: HighlightsQuery,
  want: number,
): Promise<{ entries: HighlightEntry[]; more: boolean }> {
  return guard(async () => {
    const query = q.query?.trim() ?? '';
    // (the search reads in transactions of its own: search.ts)
    const matched = query ? await matchUrls(db, { query }) : null;
    return db.transaction('r', [db.catalog, db.highlights, db.articles], () => pageOf(db, q, query, matched, want));
  });
}

/** highlightsPage inside its read transaction, given the articles a query matched (null: all). */
async function pageOf(
  db: LibraryDB,
  q: HighlightsQuery,
  query: string,
  matched: string[] | null,
  want: number,
): Promise<{ entries: HighlightEntry[]; more: boolean }> {
  const urls = matched ?? (await readCatalog(db)).urls;
  const found: Highlight[] = [];
  const matches = (h: Highlight) => !query || matchesEvery(`${h.selectors[0].exact}\n${h.note}`, query);
  const batches: Batches = { urls, read: [], at: 0, size: 16 };
  if (q.group === 'color') {
    for (const color of HIGHLIGHT_COLORS) {
      if (found.length > want) break;
      const reading = collect(db, batches, (h) => h.color === color && matches(h), want + 1, found);
      if (reading) await reading;
    }
  } else {
    const reading = collect(db, batches, matches, want + 1, found);
    if (reading) await reading;
  }
  const page = found.slice(0, want);
  const articles = [...new Set(page.map((h) => h.article))];
  const metas = new Map((await db.articles.bulkGet(articles)).flatMap((m) => (m ? [[m.url, m] as const] : [])));
  const entries = page.flatMap((highlight) => {
    const meta = metas.get(highlight.article);
    return meta ? [{ highlight, meta }] : [];
  });
  return { entries, more: found.length > want };
}

/** How many highlights the library holds. Apart from the page: counting 50,000 rows takes IndexedDB
 *  ~80 ms, which the first page does not wait for. */
export async function highlightCount(db: LibraryDB): Promise<number> {
  return guard(() => db.highlights.count());
}

/** The highlights of `urls` (a page of search results), by article. */
export async function highlightsOf(db: LibraryDB, urls: readonly string[]): Promise<Map<string, Highlight[]>> {
  const out = new Map<string, Highlight[]>();
  if (!urls.length) return out;
  const rows = await guard(() =>
    db.highlights
      .where('article')
      .anyOf([...urls])
      .toArray(),
  );
  rows.sort((a, b) => a.selectors[1].start - b.selectors[1].start);
  for (const h of rows) out.set(h.article, [...(out.get(h.article) ?? []), h]);
  return out;
}
