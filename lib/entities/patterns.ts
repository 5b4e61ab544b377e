// Language-agnostic kinds found by pattern: dates, times, money, percentages and quantities
// (digits with units, Korean and English forms as well as ISO ones), e-mail addresses and URLs.
// These run for every language; they need no dictionary beyond unit and month words.
import type { SpanType } from '@/lib/entities/types';

export interface RawSpan {
  start: number;
  end: number;
  type: SpanType;
  /** Names: how sure the recognizer is, 0 to 1 (confidence.ts); patterns leave it out (sure). */
  confidence?: number;
}

// A number: digits with grouping, or Korean magnitudes chained (1억8천만, 12조4천억, 442억 7700만).
const DIG = String.raw`\d(?:[\d,.]*\d)?`;
const KMAG = String.raw`[십백천만억조경]`;
const KNUM = String.raw`${DIG}(?:\s?${KMAG}+(?:\s?${DIG}\s?${KMAG}*)*)?(?:\s?여)?`;
const RANGE = (n: string) => String.raw`${n}(?:\s?[~∼\-–]\s?${n})?`;
const CURRENCY_KO = '원|달러|엔|유로|위안|파운드|불|루블|페소|프랑|루피|링깃|바트|리라|랜드|헤알';
const CURRENCY_EN = String.raw`dollars?|euros?|pounds?(?: sterling)?|yen|won|yuan|francs?|rupees?|USD|EUR|KRW|JPY|GBP|CNY|CHF|US\$`;
const SCALE_EN = String.raw`(?:thousand|million|billion|trillion|bn|mn|m|k|tn)\b`;
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
// Words that make a Korean date relative: 지난 19일, 오는 3일.
const KO_REL = String.raw`(?:지난|오는|올해|내년|작년|지난해|이듬해|같은 해|다음달|지난달|이달)\s?`;

interface Rule {
  type: SpanType;
  re: RegExp;
  /** Which capture group is the span (default the whole match). */
  group?: number;
}

const rule = (type: SpanType, source: string, flags = 'gu', group?: number): Rule => ({
  type,
  re: new RegExp(source, flags),
  group,
});

const RULES: Rule[] = [
  // Contact kinds first: a date inside an address must not win over the address.
  rule('url', String.raw`\b(?:https?:\/\/|www\.)[^\s<>"'()]+[^\s<>"'().,;:!?]`, 'giu'),
  rule('email', String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`),
  // Money.
  rule('money', String.raw`(?:약\s?)?${RANGE(KNUM)}\s?(?:[가-힣]{0,3}?(?:${CURRENCY_KO}))(?:대|권|어치)?(?![가-힣])`),
  rule('money', String.raw`(?:약\s?)?${RANGE(KNUM)}\s?(?:${CURRENCY_KO})(?:대|권|어치)?`),
  rule('money', String.raw`(?:US|A|C|HK|NZ|S)?[$€£¥₩]\s?${DIG}(?:\s?(?:${SCALE_EN}|${KMAG}+))?`, 'giu'),
  rule('money', String.raw`\b${DIG}(?:\s?${SCALE_EN})?\s?(?:${CURRENCY_EN})\b`, 'giu'),
  // "5 000 €", "12,50 €", "100 zł": amounts written before the symbol, thousands split by spaces.
  rule(
    'money',
    String.raw`\b\d{1,3}(?:[\s\u00a0\u202f.]\d{3})*(?:,\d+)?[\s\u00a0\u202f]?(?:[€£¥₩$]|zł|kr|Kč|Ft|lei|₽|₺|₹)(?!\p{L})`,
    'gu',
  ),
  // Dates: ISO and numeric, Korean, English words.
  rule('date', String.raw`\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b\.?`),
  rule('date', String.raw`\b\d{1,2}\/\d{1,2}\/\d{2,4}\b`),
  rule('date', String.raw`\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\b`),
  rule(
    'date',
    String.raw`(?:${KO_REL})?(?:\d{2,4}년\s?(?:\d{1,2}월\s?(?:${RANGE(String.raw`\d{1,2}`)}일)?)?|\d{1,2}월\s?(?:${RANGE(String.raw`\d{1,2}`)}일|(?:초|중순|말|하순|상순))?|${RANGE(String.raw`\d{1,2}`)}일)(?:\s?(?:동안|째))?(?![가-힣])`,
  ),
  rule('date', String.raw`\d{1,2}월\s?(?:초|중순|말|하순|상순)`),
  rule('date', String.raw`\d{4}년대`),
  rule(
    'date',
    String.raw`(?<![가-힣])(?:지난해|올해|내년|작년|이날|전날|전일|다음날|이튿날|어제|오늘|내일|그저께|모레|하루|이틀|사흘|나흘|닷새|엿새|이레|보름|다음달|지난달|이달|지난주|이번주|다음주|주말|연말|연초|상반기|하반기)(?=$|[\s,.)'"’”]|[은는이가을를에의도와과로부만까])`,
  ),
  rule('date', String.raw`\d+(?:년|개월|주일?)\s?(?:동안|간|째|만에?)`),
  rule(
    'date',
    String.raw`\b(?:(?:${DAYS}),?\s)?(?:(?:${MONTHS})\.?\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s(?:${MONTHS})\.?(?:,?\s\d{4})?|(?:${MONTHS})\.?,?\s\d{4})\b`,
  ),
  rule('date', String.raw`\b(?:${DAYS}|yesterday|today|tomorrow)\b`),
  rule('date', String.raw`\b(?:in|since|by|until|from|during|of)\s((?:19|20)\d{2}s?)\b`, 'gu', 1),
  // Times.
  // "오후 3시에는", "9시 45분까지": particles may follow; "3시간" is a duration (next rule), "3시즌" no time.
  rule(
    'time',
    String.raw`(?:(?:오전|오후|새벽|아침|저녁|밤|낮)\s?)?\d{1,2}시(?:\s?(?:${RANGE(String.raw`\d{1,2}`)}분|반))?(?:\s?\d{1,2}초)?(?!간|즌|리즈|\d)`,
  ),
  rule(
    'time',
    String.raw`(?:(?:전반|후반)\s?)?\d+(?:여)?\s?(?:시간|분|초)(?:\s?\d+(?:분|초))?(?:여)?(?:\s?(?:동안|간))?(?![가-힣])`,
  ),
  rule(
    'time',
    String.raw`(?<![가-힣])(?:오전|오후|새벽|아침|저녁|밤|낮|정오|자정)(?![가-힣])|(?<![가-힣])(?:오전|오후|새벽|아침|저녁|정오|자정)(?=[에부까은는의])`,
  ),
  rule('time', String.raw`\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:[ap]\.?m\.?|AM|PM))?(?!\d)`, 'giu'),
  rule('time', String.raw`\b\d{1,2}\s?(?:[ap]\.m\.|[ap]m\b)`, 'giu'),
  rule('time', String.raw`\b(?:noon|midnight)\b`, 'giu'),
  // Percentages and quantities.
  rule('quantity', String.raw`${RANGE(DIG)}\s?(?:%p?|％|퍼센트(?:포인트)?|포인트|percent(?:age points?)?|per cent|pct)`, 'giu'),
  rule(
    'quantity',
    String.raw`${RANGE(KNUM)}\s?(?:명|개국|개사|개소|개|곳|건|대|위|배|세|살|kg|㎏|km|㎞|m|㎡|평|t|톤|회|차례|차|번째|번|권|편|가구|채|층|호선|점|골|승|패|표|석|마리|종|등|경기|라운드|타석|홈런|안타|달러어치|배럴|척|그루|장|벌|잔|병|kWh|MW|GW|GB|TB|MB|ha|cm|mm|℃|도)(?![가-힣A-Za-z])`,
  ),
  rule(
    'quantity',
    String.raw`\b${DIG}(?:\s?${SCALE_EN})?\s(?:people|persons|men|women|children|students|workers|employees|jobs|votes|seats|troops|soldiers|cases|deaths|users|customers|copies|units|tons?|tonnes?|barrels|miles|kilometers|kilometres|km|meters|metres|feet|pounds|kg|acres|hectares|years old|points)\b`,
    'giu',
  ),
  rule('quantity', String.raw`(?<=[가-힣]\()(\d{1,3})(?=\)|,\s)`, 'gu'),
];

/** Every pattern match in `text`, possibly overlapping (resolve with `resolveOverlaps`). */
export function findPatterns(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  // An address needs its @: most texts have none, and the rule's letter classes are slow to try.
  const at = text.includes('@');
  for (const { type, re, group } of RULES) {
    if (type === 'email' && !at) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let start = m.index;
      let end = m.index + m[0].length;
      if (group !== undefined && m[group] !== undefined) {
        start = m.index + m[0].indexOf(m[group]!);
        end = start + m[group]!.length;
      }
      // A trailing space or separator is never part of a span.
      while (end > start && /[\s,.~∼-]/.test(text[end - 1]!)) end--;
      if (end > start) out.push({ start, end, type });
    }
  }
  return out;
}

const PRIORITY: Record<SpanType, number> = {
  url: 9,
  email: 9,
  money: 6,
  date: 5,
  time: 5,
  quantity: 4,
  person: 3,
  org: 3,
  place: 3,
};

/**
 * Non-overlapping spans: the longest wins; on a tie the higher priority, then the earlier rule.
 * Spans in `fixed` are kept as they are and others may not overlap them.
 */
export function resolveOverlaps<S extends RawSpan>(spans: S[], fixed: RawSpan[] = []): S[] {
  const order = spans
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.end - b.s.start - (a.s.end - a.s.start) || PRIORITY[b.s.type] - PRIORITY[a.s.type] || a.i - b.i);
  const taken: RawSpan[] = [...fixed];
  const kept: S[] = [];
  for (const { s } of order) {
    if (taken.some((x) => x.start < s.end && s.start < x.end)) continue;
    taken.push(s);
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}
