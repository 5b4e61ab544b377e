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
 * The highlights of the articles `urls` (in that order, each article's in the order of its text)
 * that `keep` accepts, in reads of growing batches of articles (16, 32, …) until `want` are found:
 * the first page of 50,000 highlights reads one batch. A small batch is one index read per article
 * (getAll, which Chromium answers faster than anyOf's cursor), a large one anyOf.
 */
async function collect(
  db: LibraryDB,
  urls: readonly string[],
  keep: (h: Highlight) => boolean,
  want: number,
  out: Highlight[],
): Promise<void> {
  for (let at = 0, batch = 16; at < urls.length && out.length < want; at += batch, batch *= 2) {
    const chunk = urls.slice(at, at + batch);
    const rows =
      batch <= 256
        ? (await Promise.all(chunk.map((url) => db.highlights.where('article').equals(url).toArray()))).flat()
        : await db.highlights.where('article').anyOf(chunk).toArray();
    const place = new Map(chunk.map((url, i) => [url, i]));
    rows.sort(
      (a, b) =>
        place.get(a.article)! - place.get(b.article)! || a.selectors[1].start - b.selectors[1].start || a.createdAt - b.createdAt,
    );
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
): Promise<{ entries: HighlightEntry[]; more: boolean; total: number }> {
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
): Promise<{ entries: HighlightEntry[]; more: boolean; total: number }> {
  const [urls, total] = await Promise.all([matched ?? readCatalog(db).then((cat) => cat.urls), db.highlights.count()]);
  const found: Highlight[] = [];
  const matches = (h: Highlight) => !query || matchesEvery(`${h.selectors[0].exact}\n${h.note}`, query);
  if (q.group === 'color') {
    for (const color of HIGHLIGHT_COLORS) {
      if (found.length > want) break;
      await collect(db, urls, (h) => h.color === color && matches(h), want + 1, found);
    }
  } else await collect(db, urls, matches, want + 1, found);
  const page = found.slice(0, want);
  const articles = [...new Set(page.map((h) => h.article))];
  const metas = new Map((await db.articles.bulkGet(articles)).flatMap((m) => (m ? [[m.url, m] as const] : [])));
  const entries = page.flatMap((highlight) => {
    const meta = metas.get(highlight.article);
    return meta ? [{ highlight, meta }] : [];
  });
  return { entries, more: found.length > want, total };
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
