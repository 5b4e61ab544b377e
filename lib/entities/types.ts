// Entities found in an article's text. Offsets are UTF-16 code units into the text the recognizer
// was given (for the DOM, the root's text as `textOf` in dom.ts reads it), end exclusive.

/** The seven named-entity types (NER PERSON→person, ORG→org, PLACE→place, DATE, TIME, MONEY, QUANTITY). */
type EntityType = 'person' | 'org' | 'place' | 'date' | 'time' | 'money' | 'quantity';
/** What a span can be: an entity type, or one of the language-agnostic contact kinds. */
export type SpanType = EntityType | 'email' | 'url';

export interface Ticker {
  /** KRX six-character short code ("005930", "0126Z0") or a US symbol ("ORCL", "BRK.B"). */
  code: string;
  market: 'KOSPI' | 'KOSDAQ' | 'NYSE/NASDAQ' | string;
  /** The listing's name ("삼성전자", "Oracle Corporation"). */
  name: string;
}

export interface EntitySpan {
  start: number;
  end: number;
  type: SpanType;
  /** text.slice(start, end) */
  text: string;
  /** The name every mention of one entity shares ("삼성전자" for "삼성전자는", "샘 올트먼" for a later "올트먼"). */
  canonical?: string;
  ticker?: Ticker;
  /** Names: how sure the recognizer is, 0 to 1 (confidence.ts); other kinds leave it out. */
  confidence?: number;
}

/** The switchable groups the user sees: date+time and money+quantity go together. */
export type EntityGroup = 'person' | 'org' | 'place' | 'datetime' | 'amount' | 'contact';
export const ENTITY_GROUPS: readonly EntityGroup[] = ['person', 'org', 'place', 'datetime', 'amount', 'contact'];

export function groupOf(type: SpanType): EntityGroup {
  switch (type) {
    case 'date':
    case 'time':
      return 'datetime';
    case 'money':
    case 'quantity':
      return 'amount';
    case 'email':
    case 'url':
      return 'contact';
    default:
      return type;
  }
}
