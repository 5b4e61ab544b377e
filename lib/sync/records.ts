// What sync keeps of each article and highlight: a record of fields, each with the stamp of its
// last write (a last-writer-wins register per field, lib/sync/hlc.ts), and an article's tags as a
// set (each tag present or not, with its stamp, so two devices that tag the same article
// differently end with both tags). Merging two records takes the later stamp of each field: it is
// commutative, associative and idempotent, so batches may be applied in any order, twice, or
// after a snapshot that already holds them, and every device ends with the same records.
// A deletion is a field too (`del`, a tombstone that stays), so a later save brings an article
// back and an earlier one does not. Highlights and notes are never lost to a merge: an article
// deleted on one device while a highlight of it was written later on another stays (articleView),
// and a highlight changed on two devices at once is kept twice (forkHighlight, decided by the
// engine, which knows what changed on this device since the last sync).
import type { Highlight } from '@/lib/annotations/highlight';
import { META_KEYS } from '@/lib/library/records';
import type { ArticleMeta } from '@/lib/library/types';
import { isStamp, type Hlc, type Stamp } from '@/lib/sync/hlc';

type Field = [value: unknown, stamp: Stamp];
/** A set member: [name, present, stamp]. */
type Member = [name: string, present: boolean, stamp: Stamp];

export interface SyncRecord {
  /** 'a:' + the article's canonical URL, or 'h:' + the highlight's id. */
  id: string;
  f: Record<string, Field>;
  /** An article's tags. */
  s?: Member[];
}

/** The article fields sync carries: the row's own (but its key and tags), its body's blob name
 *  ('' when it has none), and the tombstone. */
const ARTICLE_FIELDS: readonly string[] = [...META_KEYS.filter((k) => k !== 'url' && k !== 'tags'), 'listening', 'body', 'del'];
const HIGHLIGHT_FIELDS: readonly string[] = ['article', 'selectors', 'color', 'note', 'createdAt', 'updatedAt', 'del'];
/** The fields of a highlight that hold what the reader wrote or chose (a fork keeps both). */
const HIGHLIGHT_CONTENT = ['selectors', 'color', 'note'] as const;

export const articleId = (url: string) => `a:${url}`;
export const highlightId = (id: string) => `h:${id}`;
export const isArticleRecord = (r: SyncRecord) => r.id.startsWith('a:');

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * A record read from the server, checked: a known kind, known fields only, every stamp a stamp.
 * Null when it is not one (a file from a newer version, or damaged in a way the tag missed).
 */
export function checkedRecord(raw: unknown): SyncRecord | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id.length > 10_000 || !/^[ah]:/.test(r.id)) return null;
  if (!r.f || typeof r.f !== 'object' || Array.isArray(r.f)) return null;
  const allowed = r.id.startsWith('a:') ? ARTICLE_FIELDS : HIGHLIGHT_FIELDS;
  const f: Record<string, Field> = {};
  for (const [k, v] of Object.entries(r.f as Record<string, unknown>)) {
    if (!allowed.includes(k) || !Array.isArray(v) || v.length !== 2 || !isStamp(v[1])) return null;
    f[k] = [v[0], v[1]];
  }
  const out: SyncRecord = { id: r.id, f };
  if (r.s !== undefined) {
    if (!Array.isArray(r.s) || !r.id.startsWith('a:')) return null;
    const members: Member[] = [];
    for (const m of r.s as unknown[]) {
      if (!Array.isArray(m) || typeof m[0] !== 'string' || typeof m[1] !== 'boolean' || !isStamp(m[2])) return null;
      members.push([m[0], m[1], m[2]]);
    }
    out.s = members;
  }
  return out;
}

/** The two records as one (the first may be absent); `changed` names what differs from `base`. */
export function mergeRecords(base: SyncRecord | undefined, incoming: SyncRecord): { record: SyncRecord; changed: string[] } {
  const f: Record<string, Field> = { ...base?.f };
  const changed: string[] = [];
  for (const [k, field] of Object.entries(incoming.f)) {
    const mine = f[k];
    if (!mine || field[1] > mine[1]) {
      f[k] = field;
      if (!mine || !same(mine[0], field[0])) changed.push(k);
    }
  }
  let s = base?.s;
  if (incoming.s?.length) {
    const members = new Map((base?.s ?? []).map((m) => [m[0], m]));
    for (const m of incoming.s) {
      const mine = members.get(m[0]);
      if (!mine || m[2] > mine[2]) {
        members.set(m[0], m);
        if (!mine || mine[1] !== m[1]) changed.push(`tag:${m[0]}`);
      }
    }
    s = [...members.values()];
  }
  return { record: { id: incoming.id, f, ...(s ? { s } : {}) }, changed };
}

/** Every stamp in a record (the clock hears them). */
export function stampsOf(r: SyncRecord): Stamp[] {
  return [...Object.values(r.f).map((f) => f[1]), ...(r.s ?? []).map((m) => m[2])];
}

const value = (r: SyncRecord | undefined, k: string): unknown => r?.f[k]?.[0];
const stampOf = (r: SyncRecord | undefined, k: string): Stamp => r?.f[k]?.[1] ?? '';

/** The newest stamp of anything written on each article's live highlights (an article deleted
 *  before it stays). */
export function highlightStamps(records: Iterable<SyncRecord>): Map<string, Stamp> {
  const out = new Map<string, Stamp>();
  for (const r of records) {
    if (isArticleRecord(r) || !highlightView(r)) continue;
    const article = value(r, 'article') as string;
    const newest = stampsOf(r).reduce((a, b) => (b > a ? b : a), '');
    if (newest > (out.get(article) ?? '')) out.set(article, newest);
  }
  return out;
}

/** An article as a record says it is, or null when it is deleted (and no highlight written after
 *  its deletion holds it). Values are as the server gave them: the library checks them again. */
export function articleView(r: SyncRecord, highlightStamp: Stamp = ''): { meta: ArticleMeta; body: string } | null {
  if (value(r, 'del') === true && !(highlightStamp > stampOf(r, 'del'))) return null;
  if (!r.f.savedAt) return null; // a tombstone only
  const meta: Record<string, unknown> = { url: r.id.slice(2) };
  for (const k of ARTICLE_FIELDS) {
    if (k === 'body' || k === 'del') continue;
    const v = value(r, k);
    if (k === 'listening') {
      if (typeof v === 'number' && v > 0) meta.listening = v;
    } else meta[k] = v ?? null;
  }
  meta.tags = (r.s ?? [])
    .filter((m) => m[1])
    .map((m) => m[0])
    .sort();
  const body = value(r, 'body');
  return { meta: meta as unknown as ArticleMeta, body: typeof body === 'string' ? body : '' };
}

/** A highlight as a record says it is, or null when deleted (a change of what the reader wrote
 *  after the deletion keeps it). */
export function highlightView(r: SyncRecord): Highlight | null {
  if (value(r, 'del') === true && !HIGHLIGHT_CONTENT.some((k) => stampOf(r, k) > stampOf(r, 'del'))) return null;
  if (typeof value(r, 'article') !== 'string' || !r.f.selectors) return null;
  const h: Record<string, unknown> = { id: r.id.slice(2) };
  for (const k of HIGHLIGHT_FIELDS) if (k !== 'del') h[k] = value(r, k);
  return h as unknown as Highlight;
}

/** The fields of a local article that differ from what its record says, stamped now. `body` is its
 *  body's blob name when it was worked out (else the record's stays). */
export function articleChanges(
  r: SyncRecord | undefined,
  meta: ArticleMeta,
  body: string | undefined,
  clock: Hlc,
  highlightStamp: Stamp = '',
): SyncRecord | null {
  const view = r ? articleView(r, highlightStamp) : null;
  const f: Record<string, Field> = {};
  let stamp: Stamp | null = null;
  const now = () => (stamp ??= clock.next());
  const local = meta as unknown as Record<string, unknown>;
  const theirs = view?.meta as unknown as Record<string, unknown> | undefined;
  for (const k of ARTICLE_FIELDS) {
    if (k === 'del') {
      if (r && value(r, 'del') === true) f.del = [false, now()];
      continue;
    }
    const mine = k === 'body' ? (body ?? view?.body ?? '') : k === 'listening' ? (local.listening ?? 0) : (local[k] ?? null);
    const was = !view ? undefined : k === 'body' ? view.body : k === 'listening' ? (view.meta.listening ?? 0) : theirs![k];
    if (!view || !same(mine, was)) f[k] = [mine, now()];
  }
  const s: Member[] = [];
  const had = new Set(view?.meta.tags ?? []);
  const has = new Set(meta.tags);
  for (const tag of has) if (!had.has(tag)) s.push([tag, true, now()]);
  for (const tag of had) if (!has.has(tag)) s.push([tag, false, now()]);
  if (!Object.keys(f).length && !s.length) return null;
  return { id: articleId(meta.url), f, ...(s.length ? { s } : {}) };
}

/** The record's deletion, stamped now. */
export function deletion(r: SyncRecord, clock: Hlc): SyncRecord {
  return { id: r.id, f: { del: [true, clock.next()] } };
}

/** The fields of a local highlight that differ from its record, stamped now. */
export function highlightChanges(r: SyncRecord | undefined, h: Highlight, clock: Hlc): SyncRecord | null {
  const view = r ? highlightView(r) : null;
  const f: Record<string, Field> = {};
  let stamp: Stamp | null = null;
  const now = () => (stamp ??= clock.next());
  const local = h as unknown as Record<string, unknown>;
  const theirs = view as unknown as Record<string, unknown> | null;
  for (const k of HIGHLIGHT_FIELDS) {
    if (k === 'del') {
      if (!view && r) f.del = [false, now()];
    } else if (!theirs || !same(local[k], theirs[k])) f[k] = [local[k], now()];
  }
  return Object.keys(f).length ? { id: highlightId(h.id), f } : null;
}

/**
 * Whether a local change of a highlight and a remote one met: both changed what the reader wrote
 * (quote, colour or note) to different values since the last sync. The engine then keeps the
 * remote one under the id and the local one as a new highlight (forkHighlight): both kept.
 */
export function conflicts(local: SyncRecord, remoteChanged: readonly string[], merged: SyncRecord): boolean {
  return HIGHLIGHT_CONTENT.some((k) => local.f[k] && remoteChanged.includes(k) && !same(local.f[k]![0], value(merged, k)));
}

/** The local side of a conflict as a highlight of its own (a new id), with every field of the
 *  local highlight. */
export function forkHighlight(h: Highlight, clock: Hlc, suffix: string): SyncRecord {
  const stamp = clock.next();
  const id = `${h.id.slice(0, 80)}-${suffix}`;
  const f: Record<string, Field> = {};
  const local = h as unknown as Record<string, unknown>;
  for (const k of HIGHLIGHT_FIELDS) f[k] = k === 'del' ? [false, stamp] : [local[k], stamp];
  return { id: highlightId(id), f };
}
