// The library: every saved article in a virtualized list of rows (thumbnail, excerpt or a search
// result's snippet, progress, tags), sorted as asked, with "Continue reading" on top; search,
// filters, tags, keyboard navigation (arrows, Enter, Delete asks), bulk delete with undo, storage,
// import and export, and fetching imported items' text. It follows the reader's theme.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ArticleRow, UndoBar } from '@/components/ArticleRow';
import { useFirstRenderMark, useLive } from '@/components/useLive';
import { VirtualList } from '@/components/VirtualList';
import { formatBytes, t, uiLanguage } from '@/platform/i18n';
import { openLibraryNow } from '@/extension/library/db';
import { imageUsage } from '@/extension/library/assets';
import type { ParsedImport } from '@/extension/library/io';
import { thumbnails } from '@/extension/library/assets';
import { resultSnippet } from '@/lib/library/snippet';
import { highlightsOf } from '@/extension/library/highlights-view';
import { HighlightsView } from './HighlightsView';
import { globalTypography } from '@/platform/settings/typography';
import {
  continueReading,
  getMetas,
  listUrls,
  openingUrls,
  pendingUrls,
  removeArticles,
  restoreArticles,
  setRead,
  setTags,
  sites,
  storageEstimate,
  tags,
  undoMerges,
  LibraryError,
  type MergeUndo,
} from '@/extension/library/store';
import type { ArticleMeta, LibraryFilter, SavedArticle, SortOrder } from '@/lib/library/types';
import { sendToBackground } from '@/platform/messages';
import { openSaved } from '@/extension/open-saved';
import { pendingProgress } from '@/extension/save-page';

const db = openLibraryNow();
/** Import and export (their parsers, the sanitizer, the zip and EPUB makers: ~20 kB gzip), loaded
 *  when the reader starts one, not with the list's first screen. */
const io = () => import('@/extension/library/io');
/** Every row's height (the virtual list's rows are fixed; library.css gives .virtual .article-row the same). */
const ROW_HEIGHT = 136;
/** Rows shown before the whole list is read: more than a tall screen holds. */
const OPENING_ROWS = 32;
const SORTS: Array<[SortOrder, Parameters<typeof t>[0]]> = [
  ['newest', 'sortNewest'],
  ['oldest', 'sortOldest'],
  ['longest', 'sortLongest'],
  ['least-read', 'sortLeastRead'],
];

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

function Library() {
  const [filter, setFilter] = useState<LibraryFilter>({});
  /** The list of articles, or the Highlights view (the search box serves both). */
  const [view, setView] = useState<'articles' | 'highlights'>(() =>
    location.hash === '#highlights' ? 'highlights' : 'articles',
  );
  const showView = (next: 'articles' | 'highlights') => {
    setView(next);
    history.replaceState(null, '', next === 'highlights' ? '#highlights' : location.pathname + location.search);
  };
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [removed, setRemoved] = useState<SavedArticle[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  /** The last import, until the next one: what undoes it, and the items whose differing copy it kept out. */
  const [imported, setImported] = useState<{ undo: MergeUndo; kept: ParsedImport['items'] } | null>(null);
  const [skipped, setSkipped] = useState<ParsedImport['skipped']>([]);

  // The first rows come from the catalog's head row (openingUrls); the whole catalog (the list's
  // length, the filters, the counts) is read once they are shown: at 100,000 articles reading it
  // takes ~230 ms, which the first rows need not wait for.
  const key = JSON.stringify(filter);
  const opening = useLive(() => openingUrls(db, filter, OPENING_ROWS), [key]);
  const [shown, setShown] = useState(false);
  const whole = shown || (opening !== undefined && !opening?.length);
  const listed = useLive(() => (whole ? listUrls(db, filter) : Promise.resolve(undefined)), [key, whole]);
  const urls = listed ?? [];
  const siteList = useLive(() => (whole ? sites(db) : Promise.resolve([])), [whole]) ?? [];
  const tagList = useLive(() => (whole ? tags(db) : Promise.resolve([])), [whole]) ?? [];
  const pending = useLive(() => (whole ? pendingUrls(db) : Promise.resolve([])), [whole]) ?? [];
  const rows = listed ?? opening ?? [];
  const progress = useStorage(pendingProgress);

  const setF = (patch: Partial<LibraryFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setSelected(new Set());
  };

  const remove = async (list: string[]) => {
    const gone = await removeArticles(db, list);
    setRemoved(gone);
    setSelected(new Set());
  };

  // Keyboard: arrows move between rows (the list scrolls to them), Enter opens (the title is a
  // button), Delete asks before deleting the row.
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const onListKey = (e: KeyboardEvent) => {
    const row = (e.target as Element).closest<HTMLElement>('[data-index]');
    if (!row || (e.target as Element).closest('input, form')) return;
    const at = Number(row.dataset.index);
    const go = (to: number) => {
      e.preventDefault();
      setFocusAt(Math.max(0, Math.min(urls.length - 1, to)));
    };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(urls.length - 1);
    else if (e.key === 'Delete') {
      e.preventDefault();
      const title = row.querySelector('.row-title')?.textContent ?? '';
      if (confirm(t('confirmDelete', title))) void remove([urls[at]!]).then(() => setFocusAt(Math.min(at, urls.length - 2)));
    }
  };

  const failed = (err: unknown) =>
    setMessage({
      text:
        err instanceof LibraryError && err.code === 'quota'
          ? t('importFailedQuota')
          : t('importFailed', err instanceof Error ? err.message : String(err)),
      error: true,
    });

  const onImport = async (file: File) => {
    setImported(null);
    setSkipped([]);
    try {
      const { importItems, parseImport } = await io();
      const parsed = parseImport(await file.text(), file.name);
      const r = await importItems(db, parsed.items, { highlights: parsed.highlights });
      const kept = new Set(r.keptUrls);
      setImported({ undo: r.undo, kept: parsed.items.filter((i) => kept.has(i.url)) });
      setSkipped(parsed.skipped);
      setMessage({
        text: [
          t('importDone', r.added, r.updated, r.unchanged),
          r.kept ? t('importKept', r.kept) : '',
          parsed.skipped.length ? t('importInvalid', parsed.skipped.length) : '',
          r.highlights?.written ? t('importHighlights', r.highlights.written) : '',
          r.highlights?.missing ? t('importHighlightsMissing', r.highlights.missing) : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
    } catch (err) {
      failed(err);
    }
  };

  const exportFailed = (err: unknown) =>
    setMessage({ text: t('exportFailed', err instanceof Error ? err.message : String(err)), error: true });

  /** The selected articles as an e-book, or else the list as shown (a tag's articles, when a tag is chosen). */
  const onExportEpub = async () => {
    const chosen = selected.size ? urls.filter((u) => selected.has(u)) : urls;
    try {
      const { exportEpub } = await io();
      const book = await exportEpub(db, chosen, {
        labels: {
          highlights: t('highlightsTitle'),
          back: t('epubBackToText'),
          contents: t('epubContents'),
          source: t('epubSource'),
        },
        ...(filter.tag && !selected.size ? { title: `#${filter.tag}` } : {}),
      });
      download(`reading-assistant-${stamp()}.epub`, book as BlobPart, 'application/epub+zip');
    } catch (err) {
      exportFailed(err);
    }
  };

  const replaceKept = async () => {
    if (!imported) return;
    try {
      const { importItems } = await io();
      const r = await importItems(db, imported.kept, { replace: true });
      setImported({ undo: [...imported.undo, ...r.undo], kept: [] });
      setMessage({ text: t('importReplaced', r.updated) });
    } catch (err) {
      failed(err);
    }
  };

  const undoImport = async () => {
    if (!imported) return;
    try {
      await undoMerges(db, imported.undo);
      setImported(null);
      setSkipped([]);
      setMessage({ text: t('importUndone') });
    } catch (err) {
      failed(err);
    }
  };

  return (
    <main class="library">
      <header class="lib-head">
        <h1>{t('libraryTitle')}</h1>
        <div class="lib-views" role="group" aria-label={t('libraryViews')}>
          {(['articles', 'highlights'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => showView(v)} data-testid={`view-${v}`}>
              {t(v === 'articles' ? 'libraryViewArticles' : 'libraryViewHighlights')}
            </button>
          ))}
        </div>
        {view === 'articles' && (
          <span class="count" data-testid="library-count">
            {listed ? t('libraryCount', urls.length) : ''}
          </span>
        )}
        <input
          type="search"
          class="search"
          placeholder={t(view === 'highlights' ? 'searchHighlightsPlaceholder' : 'searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={filter.query ?? ''}
          onInput={(e) => setF({ query: (e.currentTarget as HTMLInputElement).value })}
          data-testid="library-search"
        />
        {view === 'articles' && (
          <>
            <Select
              label={t('filterSite')}
              value={filter.site ?? ''}
              onChange={(site) => setF({ site: site || undefined })}
              options={siteList.map((s) => [s.site, `${s.site} (${s.count})`])}
            />
            <Select
              label={t('filterTag')}
              value={filter.tag ?? ''}
              onChange={(tag) => setF({ tag: tag || undefined })}
              options={tagList.map((s) => [s.tag, `${s.tag} (${s.count})`])}
            />
            <Select
              label={t('filterRead')}
              value={filter.read ?? ''}
              onChange={(read) => setF({ read: (read || undefined) as LibraryFilter['read'] })}
              options={[
                ['unread', t('filterUnread')],
                ['read', t('filterReadOnly')],
              ]}
            />
            <Select
              label={t('sortLabel')}
              value={filter.sort ?? 'newest'}
              onChange={(sort) => setF({ sort: sort === 'newest' ? undefined : (sort as SortOrder) })}
              options={SORTS.map(([value, key]) => [value, t(key)])}
              noAll
              testId="library-sort"
            />
          </>
        )}
      </header>

      {view === 'highlights' && <HighlightsView db={db} query={filter.query ?? ''} />}
      {view === 'articles' && (
        <>
          <section class="lib-tools">
            <label class="check">
              <input
                type="checkbox"
                checked={urls.length > 0 && selected.size === urls.length}
                onChange={(e) => setSelected((e.currentTarget as HTMLInputElement).checked ? new Set(urls) : new Set())}
              />
              {t('selectAll')}
            </label>
            <button
              type="button"
              disabled={!selected.size}
              onClick={() => void remove([...selected])}
              data-testid="delete-selected"
            >
              {t('deleteSelected', selected.size)}
            </button>
            <span class="spacer" />
            <button
              type="button"
              onClick={() =>
                void io()
                  .then(({ exportJson }) => exportJson(db))
                  .then((json) => download(`reading-assistant-${stamp()}.json`, json, 'application/json'))
                  .catch(exportFailed)
              }
            >
              {t('exportJson')}
            </button>
            <button
              type="button"
              onClick={() =>
                void io()
                  .then(({ exportMarkdownZip }) => exportMarkdownZip(db))
                  .then((zip) => download(`reading-assistant-${stamp()}.zip`, zip as BlobPart, 'application/zip'))
                  .catch(exportFailed)
              }
            >
              {t('exportMarkdown')}
            </button>
            <button
              type="button"
              onClick={() =>
                void io()
                  .then(({ exportHtml }) => exportHtml(db))
                  .then((html) => download(`reading-assistant-${stamp()}.html`, html, 'text/html'))
                  .catch(exportFailed)
              }
            >
              {t('exportHtml')}
            </button>
            <button
              type="button"
              title={t('exportEpubHelp')}
              disabled={!urls.length}
              onClick={() => void onExportEpub()}
              data-testid="export-epub"
            >
              {t('exportEpub', selected.size || urls.length)}
            </button>
            <label class="file-button" title={t('importHelp')}>
              {t('importFile')}
              <input
                type="file"
                accept=".json,.csv,.txt,.html,text/plain,text/csv,application/json,text/html"
                onChange={(e) => {
                  const input = e.currentTarget as HTMLInputElement;
                  const file = input.files?.[0];
                  if (file) void onImport(file).finally(() => (input.value = ''));
                }}
                data-testid="import-file"
              />
            </label>
          </section>

          {message && (
            <p
              class={message.error ? 'lib-message error' : 'lib-message'}
              role={message.error ? 'alert' : 'status'}
              data-testid="library-message"
            >
              {message.text}
            </p>
          )}
          {skipped.length > 0 && (
            <details class="lib-message" data-testid="import-skipped">
              <summary>{t('importInvalidList')}</summary>
              <ul>
                {skipped.slice(0, 50).map((s) => (
                  <li key={s.where}>
                    {s.where}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {imported && (imported.undo.length > 0 || imported.kept.length > 0) && (
            <p class="lib-message">
              {imported.kept.length > 0 && (
                <button type="button" onClick={() => void replaceKept()} data-testid="import-replace">
                  {t('importReplace', imported.kept.length)}
                </button>
              )}{' '}
              {imported.undo.length > 0 && (
                <button type="button" onClick={() => void undoImport()} data-testid="import-undo">
                  {t('importUndo')}
                </button>
              )}
            </p>
          )}
          {pending.length > 0 && !progress?.running && (
            <p class="lib-message">
              <button
                type="button"
                onClick={() => void sendToBackground('library/fetch-pending', undefined)}
                data-testid="fetch-pending"
              >
                {t('fetchPending', pending.length)}
              </button>
            </p>
          )}
          {progress && (
            <p class="lib-message" role="status" data-testid="fetch-progress">
              {progress.running
                ? t('fetchProgress', progress.done, progress.total, progress.failed)
                : t('fetchDone', progress.done, progress.total, progress.failed)}
            </p>
          )}
          {!!progress?.failures?.length && (
            <div class="lib-message fetch-failures" data-testid="fetch-failures">
              <p>{t('fetchFailures')}</p>
              <ul>
                {progress.failures.map((f) => (
                  <li key={f.url}>
                    <span class="fetch-failure-url">{f.url}</span> — {f.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {removed && (
            <UndoBar
              count={removed.length}
              onUndo={() => void restoreArticles(db, removed).then(() => setRemoved(null))}
              onDismiss={() => setRemoved(null)}
            />
          )}

          {!filter.query && <ContinueReading />}

          <p id="library-keys" class="visually-hidden">
            {t('libraryKeysHelp')}
          </p>
          <VirtualList
            count={rows.length}
            rowHeight={ROW_HEIGHT}
            label={t('libraryTitle')}
            describedBy="library-keys"
            onKeyDown={onListKey}
            scrollTo={focusAt}
            renderRows={(start, end) => (
              <Rows
                urls={rows.slice(start, end)}
                start={start}
                onShown={() => setShown(true)}
                query={filter.query ?? ''}
                focusAt={focusAt}
                onFocused={() => setFocusAt(null)}
                selected={selected}
                editing={editing}
                onEdit={setEditing}
                onSelect={(m, on) =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (on) next.add(m.url);
                    else next.delete(m.url);
                    return next;
                  })
                }
                onDelete={(m) => void remove([m.url])}
              />
            )}
          />
        </>
      )}
      <StorageInfo />
    </main>
  );
}

/** The articles begun and not finished, above the list (not while searching). */
function ContinueReading() {
  const metas = useLive(() => continueReading(db, 3), []) ?? [];
  const thumbs = useThumbs(metas.map((m) => m.url));
  if (metas.length === 0) return null;
  return (
    <section class="continue" aria-labelledby="continue-heading" data-testid="continue-reading">
      <h2 id="continue-heading">{t('continueReading')}</h2>
      <ul class="article-list">
        {metas.map((meta, i) => (
          <ArticleRow
            key={meta.url}
            meta={meta}
            detailed
            thumb={thumbs[i]}
            onOpen={(m) => void openSaved(m.url)}
            onToggleRead={(m) => void setRead(db, m.url, !(m.readAt > 0))}
            onDelete={(m) => void removeArticles(db, [m.url])}
          />
        ))}
      </ul>
    </section>
  );
}

/** The thumbnails of `urls` as local addresses, aligned with them, released when the rows change. */
function useThumbs(urls: string[]): (string | undefined)[] {
  const key = urls.join('\n');
  const blobs = useLive(() => thumbnails(db, urls), [key]);
  const local = useMemo(() => (blobs ?? []).map((b) => (b ? URL.createObjectURL(b) : undefined)), [blobs]);
  useEffect(() => () => local.forEach((u) => u && URL.revokeObjectURL(u)), [local]);
  return local;
}

function Rows(props: {
  urls: string[];
  /** The first row's index in the whole list. */
  start: number;
  query: string;
  /** The row to move the focus to once it is drawn. */
  focusAt: number | null;
  /** Called once the rows are drawn (the page then reads the whole list). */
  onShown: () => void;
  onFocused: () => void;
  selected: Set<string>;
  editing: string | null;
  onEdit: (url: string | null) => void;
  onSelect: (m: ArticleMeta, on: boolean) => void;
  onDelete: (m: ArticleMeta) => void;
}) {
  const key = props.urls.join('\n');
  const metas = useLive(() => getMetas(db, props.urls), [key]);
  const thumbs = useThumbs(props.urls);
  const query = props.query.trim();
  // A search result's passage: the texts, highlights and notes of the rows in view only.
  const found = useLive(
    () =>
      query
        ? Promise.all([db.contents.bulkGet(props.urls), highlightsOf(db, props.urls)]).then(([rows, marks]) =>
            props.urls.map((url, i) =>
              resultSnippet(
                rows[i]?.text ?? '',
                (marks.get(url) ?? []).map((h) => ({ quote: h.selectors[0].exact, note: h.note })),
                query,
              ),
            ),
          )
        : Promise.resolve(null),
    [key, query],
  );
  useFirstRenderMark('library-list-rendered', !!metas?.length);
  const onShown = props.onShown;
  useEffect(() => {
    if (metas) onShown();
  }, [!!metas]);
  useEffect(() => {
    const at = props.focusAt;
    if (at === null || at < props.start || at >= props.start + props.urls.length) return;
    const button = document.querySelector<HTMLElement>(`.virtual [data-index="${at}"] .row-title`);
    if (button) {
      button.focus();
      props.onFocused();
    }
  });
  return (
    <>
      {(metas ?? []).map((meta, i) =>
        meta ? (
          <ArticleRow
            key={meta.url}
            meta={meta}
            index={props.start + i}
            detailed
            thumb={thumbs[i]}
            snippet={query ? found?.[i] : null}
            selected={props.selected.has(meta.url)}
            onSelect={props.onSelect}
            onOpen={(m) => void openSaved(m.url)}
            onToggleRead={(m) => void setRead(db, m.url, !(m.readAt > 0))}
            onDelete={props.onDelete}
          >
            {props.editing === meta.url ? (
              <TagEditor meta={meta} onDone={() => props.onEdit(null)} />
            ) : (
              <button type="button" class="link small" onClick={() => props.onEdit(meta.url)}>
                {t('editTags')}
              </button>
            )}
          </ArticleRow>
        ) : null,
      )}
    </>
  );
}

function TagEditor({ meta, onDone }: { meta: ArticleMeta; onDone: () => void }) {
  const [value, setValue] = useState(meta.tags.join(', '));
  return (
    <form
      class="tag-editor"
      onSubmit={(e) => {
        e.preventDefault();
        const list = [
          ...new Set(
            value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ];
        void setTags(db, meta.url, list).then(onDone);
      }}
    >
      <input
        aria-label={t('tagsLabel')}
        value={value}
        onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
        autoFocus
      />
      <button type="submit">{t('saveTags')}</button>
    </form>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
  noAll,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: Array<[string, string]>;
  /** No "All" entry (the sort). */
  noAll?: boolean;
  testId?: string;
}) {
  const id = useMemo(() => `f-${Math.random().toString(36).slice(2)}`, []);
  return (
    <span class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)} data-testid={testId}>
        {!noAll && <option value="">{t('filterAll')}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

function StorageInfo() {
  // Counted again whenever the stored pictures change (a save, a deletion), with the browser's estimate.
  const counted = useLive(async () => ({ images: await imageUsage(db), estimate: await storageEstimate() }), []);
  const estimate = counted?.estimate ?? null;
  const images = counted?.images;
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return (
    <footer class="lib-foot">
      {estimate && (
        <span data-testid="storage-used">{t('storageUsed', formatBytes(estimate.usage), formatBytes(estimate.quota))}</span>
      )}
      {images && images.count > 0 && (
        <span data-testid="storage-images">{t('storageImages', formatBytes(images.bytes), images.count)}</span>
      )}
      {persisted ? (
        <span>{t('storagePersistent')}</span>
      ) : persisted === false ? (
        <button
          type="button"
          onClick={() =>
            void navigator.storage.persist().then((ok) => {
              setPersisted(ok);
              setDenied(!ok);
            })
          }
        >
          {t('storageRequestPersist')}
        </button>
      ) : null}
      {denied && <span role="status">{t('storagePersistDenied')}</span>}
    </footer>
  );
}

/** A wxt storage item's value, kept current. */
function useStorage<T>(item: { getValue(): Promise<T>; watch(cb: (v: T) => void): () => void }): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}

/** The library in the reader's theme (light, sepia, dark, or the system's), kept in step with it. */
function followTheme() {
  const apply = (theme: string) => (document.documentElement.dataset.theme = theme);
  void globalTypography.getValue().then((v) => apply(v.theme));
  globalTypography.watch((v) => apply(v.theme));
}

followTheme();
document.documentElement.lang = uiLanguage();
document.title = `${t('libraryTitle')} · ${t('extName')}`;
render(<Library />, document.getElementById('app')!);
