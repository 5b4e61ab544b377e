// The entity panel's model: entities grouped as the user sees them (people, organisations,
// places, dates and times, money and quantities, links and e-mail), most mentioned first.
import { ENTITY_GROUPS, groupOf, type EntityGroup, type EntitySpan, type SpanType, type Ticker } from '@/lib/entities/types';

/** One id for every mention of an entity: its type and canonical name (a listed company: its ticker). */
export function entityId(span: EntitySpan): string {
  if (span.ticker) return `org:${span.ticker.market}:${span.ticker.code}`;
  return `${span.type}:${(span.canonical ?? span.text).normalize('NFC').replace(/\s+/g, ' ').trim()}`;
}

export interface EntityEntry {
  id: string;
  type: SpanType;
  /** The name shown: the canonical name, else the most frequent form. */
  name: string;
  count: number;
  ticker?: Ticker;
  /** Indexes into the span list, in text order (the order to cycle through). */
  mentions: number[];
}

export interface EntityGroupModel {
  group: EntityGroup;
  entries: EntityEntry[];
}

export function groupEntities(spans: readonly EntitySpan[]): EntityGroupModel[] {
  const steps = grouping(spans);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

// Mentions counted in one step.
const GROUP_STEP = 2000;

/**
 * groupEntities() in steps of a few thousand mentions, for runInSlices (lib/slices.ts): a long
 * article's 50,000 mentions are counted with the page's turns between the steps.
 */
export function* grouping(spans: readonly EntitySpan[]): Generator<number, EntityGroupModel[], void> {
  const byId = new Map<string, EntityEntry & { first: number; forms: Map<string, number> }>();
  // A long article names the same entities again and again: each form's id is made once.
  const ids = new Map<string, string>();
  for (let i = 0; i < spans.length; i++) {
    if (i && i % GROUP_STEP === 0) yield i / spans.length;
    const s = spans[i]!;
    const key = `${s.type}\u0000${s.ticker ? `${s.ticker.market}:${s.ticker.code}` : ''}\u0000${s.canonical ?? s.text}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = entityId(s)));
    let e = byId.get(id);
    if (!e) {
      e = { id, type: s.type, name: '', count: 0, mentions: [], first: i, forms: new Map() };
      if (s.ticker) e.ticker = s.ticker;
      byId.set(id, e);
    }
    e.count++;
    e.mentions.push(i);
    e.forms.set(s.text, (e.forms.get(s.text) ?? 0) + 1);
  }
  yield 1;
  const groups = new Map<EntityGroup, EntityEntry[]>();
  for (const e of [...byId.values()].sort((a, b) => b.count - a.count || a.first - b.first)) {
    // The canonical name ("샘 올트먼" over the "올트먼" most mentions use); a company: its commonest form.
    const name = e.ticker
      ? [...e.forms.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0]
      : e.id.slice(e.id.indexOf(':') + 1);
    const entry: EntityEntry = { id: e.id, type: e.type, name, count: e.count, mentions: e.mentions };
    if (e.ticker) entry.ticker = e.ticker;
    const g = groupOf(e.type);
    const list = groups.get(g);
    if (list) list.push(entry);
    else groups.set(g, [entry]);
  }
  return ENTITY_GROUPS.filter((g) => groups.has(g)).map((group) => ({ group, entries: groups.get(group)! }));
}
