// The reader's highlights and notes in the library database (table `highlights`, schema.ts). A
// highlight belongs to a saved article: it is written only while its article is saved (in the same
// transaction that checks it), and a deleted article's highlights go with it (commit.ts). Writes are
// commits (commit.ts), which index an article again when its notes change (search finds notes).
import { readCatalog } from '@/extension/library/catalog';
import { commit } from '@/extension/library/commit';
import type { LibraryDB } from '@/extension/library/db';
import { matchUrls } from '@/extension/library/search';
import { HIGHLIGHT_COLORS, isHighlightColor, MAX_NOTE, MAX_QUOTE, type Highlight } from '@/lib/annotations/highlight';
import { matchesEvery } from '@/lib/library/snippet';
import type { ArticleMeta } from '@/lib/library/types';
import { guard, LibraryError } from '@/lib/library/errors';
import { canonicalUrl } from '@/lib/library/records';

/** The article's highlights in the order of its text. */
export async function listHighlights(db: LibraryDB, article: string): Promise<Highlight[]> {
  const rows = await guard(() => db.highlights.where('article').equals(canonicalUrl(article)).toArray());
  return rows.sort((a, b) => a.selectors[1].start - b.selectors[1].start || a.createdAt - b.createdAt);
}

/** A highlight with its fields checked and bounded (one from a page or an import is untrusted). */
function checkedHighlight(h: Highlight): Highlight {
  const [quote, position] = h.selectors ?? [];
  if (typeof h.id !== 'string' || !/^hl-[\w-]{1,100}$/.test(h.id))
    throw new LibraryError('invalid-file', 'A highlight has no valid id.');
  if (quote?.type !== 'TextQuoteSelector' || typeof quote.exact !== 'string' || !quote.exact || quote.exact.length > MAX_QUOTE)
    throw new LibraryError('invalid-file', 'A highlight has no quote of its text.');
  const start = Number.isInteger(position?.start) && position!.start >= 0 ? position!.start : 0;
  const end = Number.isInteger(position?.end) && position!.end > start ? position!.end : start;
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : Date.now());
  return {
    id: h.id,
    article: canonicalUrl(h.article),
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: quote.exact,
        prefix: String(quote.prefix ?? '').slice(-64),
        suffix: String(quote.suffix ?? '').slice(0, 64),
      },
      { type: 'TextPositionSelector', start, end },
    ],
    color: isHighlightColor(h.color) ? h.color : 'yellow',
    note: typeof h.note === 'string' ? h.note.slice(0, MAX_NOTE) : '',
    createdAt: time(h.createdAt),
    updatedAt: time(h.updatedAt),
  };
}

/**
 * Adds or replaces highlights of saved articles. An article that is not saved: LibraryError
 * 'not-found' (nothing written); `skipMissing` leaves those out instead and answers them (an import).
 */
export async function putHighlights(
  db: LibraryDB,
  highlights: readonly Highlight[],
  options: { skipMissing?: boolean } = {},
): Promise<{ written: Highlight[]; missing: Highlight[] }> {
  const rows = highlights.map(checkedHighlight);
  const articles = [...new Set(rows.map((h) => h.article))];
  const { value } = await commit(db, articles, (stored) => {
    const missing = rows.filter((h) => !stored.has(h.article));
    if (missing.length && !options.skipMissing)
      throw new LibraryError('not-found', `No saved article at ${missing[0]!.article} for this highlight.`);
    const written = rows.filter((h) => stored.has(h.article));
    return { highlights: { put: written }, value: { written, missing } };
  });
  return value;
}

/** Deletes a highlight and answers it as it was (for undo), or null when there was none. */
export async function removeHighlight(db: LibraryDB, id: string): Promise<Highlight | null> {
  const row = await getHighlight(db, id);
  if (!row) return null;
  await commit(db, [row.article], () => ({ highlights: { remove: [id] }, value: null }));
  return row;
}

/** A highlight by id (null: none). */
export async function getHighlight(db: LibraryDB, id: string): Promise<Highlight | null> {
  return (await guard(() => db.highlights.get(id))) ?? null;
}

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
 * that `keep` accepts, in reads of growing batches of articles (64, 128, …) until `want` are found:
 * the first page of 50,000 highlights reads one batch.
 */
async function collect(
  db: LibraryDB,
  urls: readonly string[],
  keep: (h: Highlight) => boolean,
  want: number,
  out: Highlight[],
): Promise<void> {
  for (let at = 0, batch = 64; at < urls.length && out.length < want; at += batch, batch *= 2) {
    const chunk = urls.slice(at, at + batch);
    const rows = await db.highlights.where('article').anyOf(chunk).toArray();
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
    const [urls, total] = await Promise.all([
      query ? matchUrls(db, { query }) : readCatalog(db).then((cat) => cat.urls),
      db.highlights.count(),
    ]);
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
  });
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
