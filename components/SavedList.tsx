// The popup's saved articles: search, the newest ones, open / read / delete with undo.
import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { LibraryDB } from '@/extension/library/db';
import { readRecentSnapshot, writeRecentSnapshot } from '@/extension/library/recent-snapshot';
import type { SavedArticle } from '@/lib/library/types';
import { openLibraryPage, openSaved } from '@/extension/open-saved';
import { ArticleRow, UndoBar } from './ArticleRow';
import { useFirstRenderMark, useLiveAnswer } from './useLive';

/** The list's database side, loaded after the first paint (the module system loads it once). */
const loadData = () => import('./saved-list-data');
type Data = Awaited<ReturnType<typeof loadData>>;

/** `db`: the library (default: the extension's own, opened once the list's database side has loaded). */
export function SavedList({ db, limit = 8 }: { db?: LibraryDB; limit?: number }) {
  const [query, setQuery] = useState('');
  const [removed, setRemoved] = useState<SavedArticle[] | null>(null);
  const [data, setData] = useState<Data | null>(null);
  useLayoutEffect(() => void loadData().then(setData), []);
  const source = data && (db ?? data.library());
  // A row's action, whether or not the database side has loaded yet.
  const act = (run: (d: Data, db: LibraryDB) => Promise<unknown>) => void loadData().then((d) => run(d, db ?? d.library()));
  // The first paint shows the list as the popup last showed it (read synchronously); the live
  // query replaces it as soon as the database answers, and its answer is kept for next time.
  const { value: items, answered } = useLiveAnswer(
    data && source
      ? () =>
          query.trim()
            ? data.searchLibrary(source, { query }, { limit })
            : data.recent(source, limit).then((metas) => {
                writeRecentSnapshot(metas);
                return metas;
              })
      : null,
    [source, query, limit],
    () => readRecentSnapshot()?.slice(0, limit),
  );
  useFirstRenderMark('saved-list-rendered', !!items?.length);

  return (
    <section class="saved" aria-labelledby="saved-heading">
      <div class="saved-head">
        <h2 id="saved-heading">{t('popupRecent')}</h2>
        <button type="button" class="link" onClick={() => void openLibraryPage()}>
          {t('popupOpenLibrary')}
        </button>
      </div>
      {/* Nothing to search until something is saved. */}
      {(query || items?.length !== 0) && (
        <input
          type="search"
          class="search"
          value={query}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          data-testid="saved-search"
        />
      )}
      {removed && (
        <UndoBar
          count={removed.length}
          onUndo={() => act((d, db) => d.restoreArticles(db, removed).then(() => setRemoved(null)))}
          onDismiss={() => setRemoved(null)}
        />
      )}
      {items && items.length === 0 && <p class="empty">{query.trim() ? t('popupNoMatches') : t('popupNoSaved')}</p>}
      <ul class="article-list" data-testid="saved-list" aria-busy={!answered}>
        {items?.map((meta) => (
          <ArticleRow
            key={meta.url}
            meta={meta}
            onOpen={(m) => void openSaved(m.url)}
            onToggleRead={(m) => act((d, db) => d.setRead(db, m.url, !(m.readAt > 0)))}
            onDelete={(m) => act((d, db) => d.removeArticles(db, [m.url]).then(setRemoved))}
          />
        ))}
      </ul>
    </section>
  );
}
