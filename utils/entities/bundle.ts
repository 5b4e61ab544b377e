// Everything the reader uses of the entity pipeline, as one object: what /entities.js puts on the
// reader script's global in a page, and what the saved-article reader imports on first use.
import { groupEntities, highlightEntities, recognize, removeHighlights, textOf } from './index';
import { mentionsOf } from './dom';
import { lookupTicker, quoteUrl } from './tickers';
import type { EntitiesApi } from './api';

export const ENTITIES: EntitiesApi = { recognize, textOf, highlightEntities, removeHighlights, mentionsOf, groupEntities, lookupTicker, quoteUrl };
