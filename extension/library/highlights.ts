// The reader's highlights and notes in the library database (table `highlights`, schema.ts). A
// highlight belongs to a saved article: it is written only while its article is saved (in the same
// transaction that checks it), and a deleted article's highlights go with it (commit.ts). Writes are
// commits (commit.ts), which index an article again when its notes change (search finds notes).
import { commit } from '@/extension/library/commit';
import type { LibraryDB } from '@/extension/library/db';
import { isHighlightColor, MAX_NOTE, MAX_QUOTE, type Highlight } from '@/lib/annotations/highlight';
import { guard, LibraryError } from '@/lib/library/errors';
import { canonicalUrl } from '@/lib/library/records';

/** The article's highlights in the order of its text. */
export async function listHighlights(db: LibraryDB, article: string): Promise<Highlight[]> {
  const rows = await guard(() => db.highlights.where('article').equals(canonicalUrl(article)).toArray());
  return rows.sort((a, b) => a.selectors[1].start - b.selectors[1].start || a.createdAt - b.createdAt);
}

/** Whether the article at `url` (canonicalised) has highlights: one index key read. */
export async function hasHighlights(db: LibraryDB, url: string): Promise<boolean> {
  const found = await guard(() => db.highlights.where('article').equals(canonicalUrl(url)).limit(1).primaryKeys());
  return found.length > 0;
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
 * `before`: each written highlight as it was (null: new), for an undo.
 */
export async function putHighlights(
  db: LibraryDB,
  highlights: readonly Highlight[],
  options: { skipMissing?: boolean } = {},
): Promise<{ written: Highlight[]; missing: Highlight[]; before: (Highlight | null)[] }> {
  const rows = highlights.map(checkedHighlight);
  const articles = [...new Set(rows.map((h) => h.article))];
  const { value, highlightsBefore } = await commit(db, articles, (stored) => {
    const missing = rows.filter((h) => !stored.has(h.article));
    if (missing.length && !options.skipMissing)
      throw new LibraryError('not-found', `No saved article at ${missing[0]!.article} for this highlight.`);
    const written = rows.filter((h) => stored.has(h.article));
    return { highlights: { put: written }, value: { written, missing } };
  });
  return { ...value, before: highlightsBefore };
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
