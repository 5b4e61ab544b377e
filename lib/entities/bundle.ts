// Everything the reader uses of the entity pipeline, as one object: what /entities.js puts on the
// global of the world that loads it (the reader script's in a page, the saved-article page's own).
import {
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
import { mentionsOf } from '@/lib/entities/dom';
import { lookupTicker, quoteUrl } from '@/lib/entities/tickers';
import type { EntitiesApi } from '@/lib/entities/api';

export const ENTITIES: EntitiesApi = {
  recognize,
  recognition,
  textOf,
  textMapping,
  highlightEntities,
  highlighting,
  removeHighlights,
  removing,
  mentionsOf,
  groupEntities,
  grouping,
  lookupTicker,
  quoteUrl,
};
