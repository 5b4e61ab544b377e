// A highlight as stored and exchanged: the article it belongs to, its selectors (anchor.ts), a
// colour of four and a note; and its form in the W3C Web Annotation model for backups, read back
// with every field checked (an import is untrusted).

/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** What a highlight keeps of its place: both selectors, as the Web Annotation model writes them. */
export type HighlightSelectors = [TextQuoteSelector, TextPositionSelector];

/** Characters of context kept on each side of the quote. */
export const CONTEXT = 32;

/** The four colours a highlight can have. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export function isHighlightColor(value: unknown): value is HighlightColor {
  return (HIGHLIGHT_COLORS as readonly unknown[]).includes(value);
}

export interface Highlight {
  id: string;
  /** The article's canonical URL (its key in the library). */
  article: string;
  selectors: HighlightSelectors;
  color: HighlightColor;
  /** The user's note ('' when none). */
  note: string;
  createdAt: number;
  updatedAt: number;
}

/** The longest quote and note kept (a highlight is a passage, not a book). */
export const MAX_QUOTE = 20_000;
export const MAX_NOTE = 10_000;

/** A new highlight id (random, unique enough across devices for a backup's merge). */
export function newHighlightId(): string {
  return `hl-${crypto.randomUUID()}`;
}

/** A Web Annotation (https://www.w3.org/TR/annotation-model/), as the JSON backup carries it. */
export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'Annotation';
  id: string;
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: Array<{ type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'commenting' }>;
  target: { source: string; selector: HighlightSelectors; styleClass: string };
}

export function toWebAnnotation(h: Highlight): WebAnnotation {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `urn:reading-assistant:${h.id}`,
    motivation: h.note ? 'commenting' : 'highlighting',
    created: new Date(h.createdAt).toISOString(),
    modified: new Date(h.updatedAt).toISOString(),
    ...(h.note ? { body: [{ type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' }] } : {}),
    target: { source: h.article, selector: h.selectors, styleClass: `highlight-${h.color}` },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);
const time = (v: unknown, fallback: number): number => {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(ms) ? ms : fallback;
};
const offset = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

/**
 * A highlight from a Web Annotation of a backup, or a sentence saying what is wrong with it. The
 * article is the target's source as written (the caller canonicalizes it and checks it is saved).
 */
export function fromWebAnnotation(value: unknown, now: number): { highlight: Highlight } | { error: string } {
  if (!isObject(value) || value.type !== 'Annotation') return { error: 'not a Web Annotation' };
  const target = value.target;
  if (!isObject(target)) return { error: 'no target' };
  const source = str(target.source, 4000);
  if (!source) return { error: 'no target source' };
  const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
  const q = selectors.find((s): s is Record<string, unknown> => isObject(s) && s.type === 'TextQuoteSelector');
  const p = selectors.find((s): s is Record<string, unknown> => isObject(s) && s.type === 'TextPositionSelector');
  const exact = q && str(q.exact, MAX_QUOTE);
  if (!q || !exact) return { error: 'no TextQuoteSelector with its exact text' };
  const prefix = str(q.prefix ?? '', 4 * CONTEXT) ?? '';
  const suffix = str(q.suffix ?? '', 4 * CONTEXT) ?? '';
  const start = offset(p?.start);
  const end = offset(p?.end);
  const position = start !== null && end !== null && end > start ? { start, end } : { start: 0, end: 0 };
  const rawId = str(value.id, 300) ?? '';
  const id = /^urn:reading-assistant:(hl-[\w-]{1,100})$/.exec(rawId)?.[1] ?? newHighlightId();
  const style = str(target.styleClass, 40)?.replace(/^highlight-/, '');
  const body = Array.isArray(value.body) ? value.body : value.body ? [value.body] : [];
  const note = body
    .map((b) => (isObject(b) && b.type === 'TextualBody' ? str(b.value, MAX_NOTE) : null))
    .filter((v): v is string => !!v)
    .join('\n\n')
    .slice(0, MAX_NOTE);
  const createdAt = Math.min(time(value.created, now), now);
  return {
    highlight: {
      id,
      article: source,
      selectors: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', ...position },
      ],
      color: isHighlightColor(style) ? style : 'yellow',
      note,
      createdAt,
      updatedAt: Math.max(createdAt, Math.min(time(value.modified, createdAt), now)),
    },
  };
}
