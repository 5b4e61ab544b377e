// The entity panel beside the article: a legend that names each kind, shows its colour and
// underline and switches it on or off, and the entities of the switched-on kinds, most mentioned
// first. Selecting an entry (click, Enter or Space) scrolls to its next mention and marks it;
// Shift+Enter goes back. A listed company's ticker is a link that opens a quote page in a new tab,
// and only when clicked. Styles: components/entities.css (inject it beside reader.css).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntitiesApi } from '@/lib/entities/api';
import type { EntityEntry, EntityGroupModel } from '@/lib/entities/group';
import { ENTITY_GROUPS, type EntityGroup, type EntitySpan, type SpanType } from '@/lib/entities/types';
import { t, type MessageKey } from '@/platform/i18n';

const GROUP_KEY: Record<EntityGroup, MessageKey> = {
  person: 'entityGroupPerson',
  org: 'entityGroupOrg',
  place: 'entityGroupPlace',
  datetime: 'entityGroupDatetime',
  amount: 'entityGroupAmount',
  contact: 'entityGroupContact',
};
const TYPE_KEY: Record<SpanType, MessageKey> = {
  person: 'entityTypePerson',
  org: 'entityTypeOrg',
  place: 'entityTypePlace',
  date: 'entityTypeDate',
  time: 'entityTypeTime',
  money: 'entityTypeMoney',
  quantity: 'entityTypeQuantity',
  email: 'entityTypeEmail',
  url: 'entityTypeUrl',
};

const groupName = (group: EntityGroup) => t(GROUP_KEY[group]);
const typeName = (type: SpanType) => t(TYPE_KEY[type]);

/** A mark's title: "Organisation: 삼성전자 (005930 KOSPI)"; pass as highlightEntities' `label`. */
export function entityLabel(span: EntitySpan): string {
  const name = span.canonical ?? span.text;
  const label = t('entityMarkLabel', typeName(span.type), name);
  return span.ticker ? `${label} (${span.ticker.code} ${span.ticker.market})` : label;
}

export interface EntityPanelProps {
  /** groupEntities() of the article's spans; null while they are being found. */
  groups: EntityGroupModel[] | null;
  enabled: readonly EntityGroup[];
  onToggle: (group: EntityGroup, on: boolean) => void;
  /** The element the marks are in (the article), to find and scroll to mentions. */
  root: Element | null;
  /** From the entity bundle, loaded on first use: the panel itself does not carry the ticker table. */
  api: Pick<EntitiesApi, 'mentionsOf' | 'quoteUrl'> | null;
}

/** Entries drawn at first in each kind, and added by each "Show more": a long article names thousands, and drawing them all would hold the page. */
export const PANEL_PAGE = 100;
/**
 * Entries of each kind drawn in one task: the rest of a page of them comes in the next turns, so
 * the panel of a long article (six kinds of a hundred entries) never holds the page in one go.
 */
const PANEL_STEP = 20;

export function EntityPanel({ groups, enabled, onToggle, root, api }: EntityPanelProps) {
  const [current, setCurrent] = useState<{ id: string; index: number; total: number } | null>(null);
  const lastMarks = useRef<HTMLElement[]>([]);
  // How many entries each kind shows (PANEL_PAGE until "Show more").
  const [limits, setLimits] = useState<Partial<Record<EntityGroup, number>>>({});
  // How many entries of each kind are drawn so far (up to its limit, PANEL_STEP more each turn).
  const [drawn, setDrawn] = useState(PANEL_STEP);
  const most = Math.max(0, ...(groups ?? []).map((g) => Math.min(g.entries.length, limits[g.group] ?? PANEL_PAGE)));
  useEffect(() => {
    if (drawn >= most) return;
    const timer = setTimeout(() => setDrawn((n) => n + PANEL_STEP), 0);
    return () => clearTimeout(timer);
  }, [drawn, most]);

  useEffect(() => () => lastMarks.current.forEach((m) => m.classList.remove('ra-ent-current')), []);

  const show = (entry: EntityEntry, step: 1 | -1) => {
    if (!root || !api) return;
    const mentions = api.mentionsOf(root, entry.id);
    if (!mentions.length) return;
    const from = current?.id === entry.id ? current.index : step === 1 ? -1 : 0;
    const index = (from + step + mentions.length) % mentions.length;
    lastMarks.current.forEach((m) => m.classList.remove('ra-ent-current'));
    const marks = mentions[index]!;
    marks.forEach((m) => m.classList.add('ra-ent-current'));
    lastMarks.current = marks;
    // In a very long article (its blocks in runs laid out only near the screen: page/reader-chunks.ts)
    // a smooth scroll lays out the runs it passes, which moves the mark away: there at once.
    marks[0]!.scrollIntoView({ block: 'center', behavior: marks[0]!.closest('.ra-chunk') ? 'instant' : 'smooth' });
    setCurrent({ id: entry.id, index, total: mentions.length });
  };

  const shown = groups?.filter((g) => enabled.includes(g.group)) ?? [];
  return (
    <aside class="ra-entities" aria-labelledby="ra-entities-title" data-testid="entity-panel">
      <h2 id="ra-entities-title" class="ra-entities-title">
        {t('entityPanelTitle')}
      </h2>
      <fieldset class="ra-ent-legend">
        <legend>{t('entityLegend')}</legend>
        {ENTITY_GROUPS.map((group) => (
          <label key={group} class="ra-ent-toggle">
            <input
              type="checkbox"
              checked={enabled.includes(group)}
              onChange={(e) => onToggle(group, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span class={`ra-ent-swatch ra-ent-g-${group}`} aria-hidden="true">
              Aa
            </span>
            <span>{groupName(group)}</span>
          </label>
        ))}
      </fieldset>
      {groups === null ? (
        <p class="ra-ent-status" role="status">
          {t('entityLoading')}
        </p>
      ) : !groups.length ? (
        <p class="ra-ent-status" role="status">
          {t('entityNone')}
        </p>
      ) : !shown.length ? (
        <p class="ra-ent-status">{t('entityNoneShown')}</p>
      ) : (
        <>
          <p class="ra-ent-hint">{t('entityCycleHint')}</p>
          {shown.map((g) => (
            <section key={g.group} class="ra-ent-group" aria-label={groupName(g.group)}>
              <h3 class={`ra-ent-group-title ra-ent-g-${g.group}`}>{groupName(g.group)}</h3>
              <ul>
                {g.entries.slice(0, Math.min(drawn, limits[g.group] ?? PANEL_PAGE)).map((entry) => (
                  <li key={entry.id} class="ra-ent-entry" data-testid="entity-row">
                    <button
                      type="button"
                      class={`ra-ent-item${current?.id === entry.id ? ' ra-ent-item-current' : ''}`}
                      aria-describedby={current?.id === entry.id ? 'ra-ent-position' : undefined}
                      onClick={(e) => show(entry, (e as MouseEvent).shiftKey ? -1 : 1)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' && e.shiftKey) {
                          e.preventDefault();
                          show(entry, -1);
                        }
                      }}
                    >
                      <span class="ra-ent-name">{entry.name}</span>
                      <span class="ra-ent-kind">{typeName(entry.type)}</span>
                      <span class="ra-ent-count" title={t('entityMentions', entry.count)}>
                        {entry.count}
                      </span>
                    </button>
                    {entry.ticker && (
                      <a
                        class="ra-ent-ticker"
                        data-testid="entity-ticker"
                        href={api?.quoteUrl(entry.ticker)}
                        target="_blank"
                        rel="noopener noreferrer"
                        title={t('entityTicker', entry.name, entry.ticker.code, entry.ticker.market)}
                        aria-label={t('entityTicker', entry.name, entry.ticker.code, entry.ticker.market)}
                      >
                        {entry.ticker.code} · {entry.ticker.market}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
              {g.entries.length > (limits[g.group] ?? PANEL_PAGE) && (
                <button
                  type="button"
                  class="ra-ent-more"
                  data-testid="entity-more"
                  onClick={() => setLimits({ ...limits, [g.group]: (limits[g.group] ?? PANEL_PAGE) + PANEL_PAGE })}
                >
                  {t(
                    'entityShowMore',
                    Math.min(PANEL_PAGE, g.entries.length - (limits[g.group] ?? PANEL_PAGE)),
                    g.entries.length,
                  )}
                </button>
              )}
            </section>
          ))}
          <p id="ra-ent-position" class="ra-ent-position" role="status" aria-live="polite">
            {current ? t('entityMentionOf', current.index + 1, current.total) : ''}
          </p>
        </>
      )}
    </aside>
  );
}
