// The library's Highlights view: the reader's highlights and notes across every saved article, by
// article (newest saved first) or by colour, searched with the library's search box (passages and
// notes, the matched words marked). A page at a time (highlightsPage reads only what it shows);
// arrows move between highlights, Enter or a click opens the saved article at the highlight.
import { useState } from 'preact/hooks';
import { useFirstRenderMark, useLive } from '@/components/useLive';
import type { LibraryDB } from '@/extension/library/db';
import { highlightCount, highlightsPage, type HighlightEntry, type HighlightsQuery } from '@/extension/library/highlights-view';
import { openSaved } from '@/extension/open-saved';
import type { HighlightColor } from '@/lib/annotations/highlight';
import { snippet } from '@/lib/library/snippet';
import { formatShortDate, t } from '@/platform/i18n';

const PAGE = 50;

const COLOR_NAMES: Record<HighlightColor, Parameters<typeof t>[0]> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
};

/** Text with the query's words marked (the passage around the first match when long), or as it is. */
function Marked({ text, query, width }: { text: string; query: string; width: number }) {
  const parts = query ? snippet(text, query, width) : null;
  if (!parts) return <>{text.length > width ? `${text.slice(0, width).trimEnd()}…` : text}</>;
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

/** Arrow keys, Home and End move the focus between the highlights' buttons. */
function onKeys(e: KeyboardEvent) {
  const target = e.target as HTMLElement;
  if (!target.classList.contains('hl-open')) return;
  const all = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.hl-open')];
  const at = all.indexOf(target);
  const to =
    e.key === 'ArrowDown'
      ? at + 1
      : e.key === 'ArrowUp'
        ? at - 1
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? all.length - 1
            : null;
  if (to === null) return;
  e.preventDefault();
  all[Math.max(0, Math.min(all.length - 1, to))]?.focus();
}

/** The entries cut into groups (an article's, or a colour's), in order. */
function groups(entries: HighlightEntry[], by: 'article' | 'color'): { key: string; entries: HighlightEntry[] }[] {
  const out: { key: string; entries: HighlightEntry[] }[] = [];
  for (const e of entries) {
    const key = by === 'color' ? e.highlight.color : e.highlight.article;
    const last = out[out.length - 1];
    if (last?.key === key) last.entries.push(e);
    else out.push({ key, entries: [e] });
  }
  return out;
}

export function HighlightsView({ db, query }: { db: LibraryDB; query: string }) {
  const [group, setGroup] = useState<NonNullable<HighlightsQuery['group']>>('article');
  const [want, setWant] = useState(PAGE);
  const q = query.trim();
  const page = useLive(() => highlightsPage(db, { group, query: q }, want), [group, q, want]);
  const total = useLive(() => highlightCount(db), []);
  useFirstRenderMark('library-highlights-rendered', !!page?.entries.length);
  const byColor = group === 'color';
  return (
    <section class="hl-view" aria-labelledby="hl-view-count" data-testid="highlights-view">
      <div class="hl-view-tools">
        <span id="hl-view-count" class="count" data-testid="highlights-count">
          {total === undefined ? '' : t('highlightsViewCount', total)}
        </span>
        <span class="field">
          <label for="hl-group">{t('highlightsGroupLabel')}</label>
          <select
            id="hl-group"
            value={group}
            onChange={(e) => {
              setGroup((e.currentTarget as HTMLSelectElement).value as 'article' | 'color');
              setWant(PAGE);
            }}
            data-testid="highlights-group"
          >
            <option value="article">{t('highlightsGroupArticle')}</option>
            <option value="color">{t('highlightsGroupColor')}</option>
          </select>
        </span>
      </div>
      <p id="hl-view-keys" class="visually-hidden">
        {t('highlightsViewKeysHelp')}
      </p>
      {page && page.entries.length === 0 && (
        <p class="lib-message" role="status" data-testid="highlights-empty">
          {q ? t('highlightsViewNoMatch') : t('highlightsViewEmpty')}
        </p>
      )}
      <div class="hl-groups" onKeyDown={onKeys} aria-describedby="hl-view-keys">
        {groups(page?.entries ?? [], group).map((g) => {
          const first = g.entries[0]!;
          const headingId = `hl-g-${byColor ? g.key : encodeURIComponent(g.key)}`;
          return (
            <section key={g.key} class="hl-group" aria-labelledby={headingId}>
              {byColor ? (
                <h2 id={headingId} class="hl-group-head">
                  <span class={`hl-swatch hl-${g.key}`} aria-hidden="true" />
                  {t(COLOR_NAMES[first.highlight.color])}
                </h2>
              ) : (
                <h2 id={headingId} class="hl-group-head" lang={first.meta.lang ?? undefined} dir="auto">
                  <span class="hl-group-title">{first.meta.title}</span>
                  <span class="hl-group-facts">
                    {first.meta.siteName || first.meta.site} · {formatShortDate(first.meta.savedAt)}
                  </span>
                </h2>
              )}
              <ul class="hl-entries">
                {g.entries.map(({ highlight: h, meta }) => (
                  <li key={h.id} class={`hl-entry hl-${h.color}`} data-testid="highlight-entry" data-id={h.id}>
                    <button
                      type="button"
                      class="hl-open"
                      lang={meta.lang ?? undefined}
                      dir="auto"
                      onClick={() => void openSaved(meta.url, h.id)}
                    >
                      <span class="visually-hidden">{t(COLOR_NAMES[h.color])}: </span>
                      <span class="hl-quote">
                        <Marked text={h.selectors[0].exact.replace(/\s+/g, ' ')} query={q} width={280} />
                      </span>
                      {byColor && <span class="hl-source">{meta.title}</span>}
                    </button>
                    {h.note && (
                      <p class="hl-note" dir="auto">
                        <span class="hl-note-label">{t('highlightsViewNote')}</span>{' '}
                        <Marked text={h.note} query={q} width={400} />
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        {page?.more && (
          <button type="button" class="hl-more" onClick={() => setWant((w) => w + PAGE)} data-testid="highlights-more">
            {t('highlightsViewMore')}
          </button>
        )}
      </div>
    </section>
  );
}
