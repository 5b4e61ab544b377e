// The shape of the lazily injected entity API (entrypoints/entities.ts), for the reader script
// that finds it on globalThis after the background injected /entities.js.
import type {
  groupEntities,
  grouping,
  highlightEntities,
  highlighting,
  recognition,
  recognize,
  removeHighlights,
  removing,
  textMapping,
  textOf,
} from '@/lib/entities/index';
import type { mentionsOf } from '@/lib/entities/dom';
import type { lookupTicker, quoteUrl } from '@/lib/entities/tickers';

export const ENTITIES_GLOBAL = '__readingAssistantEntities';

export interface EntitiesApi {
  recognize: typeof recognize;
  /** recognize() in steps, for runInSlices (lib/slices.ts): long articles never hold the page. */
  recognition: typeof recognition;
  textOf: typeof textOf;
  /** textOf() in steps, likewise. */
  textMapping: typeof textMapping;
  highlightEntities: typeof highlightEntities;
  /** highlightEntities() in steps, likewise. */
  highlighting: typeof highlighting;
  removeHighlights: typeof removeHighlights;
  /** removeHighlights() in steps, likewise. */
  removing: typeof removing;
  mentionsOf: typeof mentionsOf;
  groupEntities: typeof groupEntities;
  /** groupEntities() in steps, likewise. */
  grouping: typeof grouping;
  lookupTicker: typeof lookupTicker;
  quoteUrl: typeof quoteUrl;
}

/** The API if /entities.js has been injected into this world, else null. */
export function entitiesApi(): EntitiesApi | null {
  return ((globalThis as unknown as Record<string, unknown>)[ENTITIES_GLOBAL] as EntitiesApi | undefined) ?? null;
}
