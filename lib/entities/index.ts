// recognize(text, lang): every entity in an article's text, as non-overlapping spans sorted by
// start, each with the canonical name its mentions share and, for listed companies, a ticker.
//  - every language: dates, times, money, percentages, quantities, e-mail and URLs (patterns.ts);
//  - Korean: the Korean recognizer (./korean), listed companies from the ticker table, particles
//    and titles stripped from names;
//  - English: compromise's tagger and our rules (english.ts);
//  - other scripts with case: capitalised-name heuristics (capitalised.ts).
import { SURNAMES } from '@/lib/entities/korean/lexicon';
import { recognizeCapitalised } from '@/lib/entities/capitalised';
import { recognizeEnglish } from '@/lib/entities/english';
import { recognizeKorean } from '@/lib/entities/korean';
import { EN_TITLES, KO_TITLES, stripParticles } from '@/lib/entities/particles';
import { findPatterns, resolveOverlaps, type RawSpan } from '@/lib/entities/patterns';
import { findKoreanTickerMentions, tickerInText, type TickerMention } from '@/lib/entities/tickers';
import type { EntitySpan, Ticker } from '@/lib/entities/types';

export type { EntitySpan } from '@/lib/entities/types';

const NAME_TYPES = new Set(['person', 'org', 'place']);
const MONEY_UNIT = /(?:원|달러|엔|유로|위안|파운드|불|루블|페소|프랑|루피|링깃|바트|리라|랜드|헤알)(?:대|권|어치)?$|^[$€£¥₩]/;

/** "ko-KR" → "ko"; null when unknown. Text that is mostly Hangul counts as Korean. */
function baseLanguage(text: string, lang: string | null): string | null {
  const base = lang?.toLowerCase().split(/[-_]/)[0] || null;
  if (base) return base;
  const hangul = (text.match(/[가-힣]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (hangul > 20 && hangul > latin) return 'ko';
  return null;
}

export function recognize(text: string, lang: string | null): EntitySpan[] {
  const language = baseLanguage(text, lang);
  const patterns = findPatterns(text);
  let names: RawSpan[] = [];
  const tickers = new Map<RawSpan, Ticker>();
  let fixed: RawSpan[] = [];
  if (language === 'ko') {
    const model = recognizeKorean(text).map((s) => ({ ...s }) as RawSpan);
    // Names the recognizer saw: a one-syllable particle that also ends names (손정의, 지은) is
    // stripped only when the name without it stands elsewhere ("올트먼은" beside "올트먼").
    const known = new Set(model.filter((s) => NAME_TYPES.has(s.type)).map((s) => text.slice(s.start, s.end)));
    for (const s of model) {
      if (s.type === 'quantity' && MONEY_UNIT.test(text.slice(s.start, s.end))) s.type = 'money';
      if (NAME_TYPES.has(s.type)) {
        trimEdges(text, s);
        s.end = s.start + trimKoreanName(text.slice(s.start, s.end), known, true).length;
      }
    }
    // A title alone ("최고경영자", "CEO") is neither a person nor an organisation.
    fixed = model.filter((s) => s.end > s.start && !(NAME_TYPES.has(s.type) && TITLE_WORDS.has(text.slice(s.start, s.end))));
    // Listed companies the recognizer missed; one it found as an organisation gets its ticker.
    for (const m of findKoreanTickerMentions(text)) addTickerMention(m, fixed, names, tickers);
    titledPeople(text, fixed, names);
  } else if (language === 'en') {
    names = recognizeEnglish(text);
  } else if (language && !/^(?:ja|zh|th|lo|km|my)$/.test(language)) {
    names = recognizeCapitalised(text);
  }
  // Names the recognizers found go first, then patterns where they leave room.
  const chosen = resolveOverlaps([...resolveOverlaps(names, fixed), ...fixed]);
  const all = resolveOverlaps([...chosen, ...resolveOverlaps(patterns, chosen)]);
  const spans: EntitySpan[] = all.map((s) => {
    const span: EntitySpan = { start: s.start, end: s.end, type: s.type, text: text.slice(s.start, s.end) };
    const ticker = tickers.get(s) ?? (s.type === 'org' ? tickerInText(span.text, text) : null);
    if (ticker) span.ticker = ticker;
    return span;
  });
  assignCanonical(spans);
  return spans;
}

// Marks a name never starts or ends with: the "=" of a dateline ("[서울=데모일보]"), brackets, quotes,
// middle dots. A closing parenthesis or a full stop may end one ("(주)", "Inc.").
const LEADING_MARKS = /^[^\p{L}\p{N}(]+/u;
const TRAILING_MARKS = /[^\p{L}\p{N}.)]+$/u;

/** Moves a span's ends inward past punctuation and spaces. */
function trimEdges(text: string, s: RawSpan): void {
  const slice = text.slice(s.start, s.end);
  const lead = LEADING_MARKS.exec(slice)?.[0].length ?? 0;
  const trail = lead < slice.length ? (TRAILING_MARKS.exec(slice)?.[0].length ?? 0) : 0;
  s.start += lead;
  s.end = Math.max(s.start, s.end - trail);
}

// Words that start with a surname syllable but are not names ("이번 회장", "전 세계").
const NOT_NAMES = new Set(
  '이번 이날 이후 이전 이어 이미 이달 전날 전임 전체 전세계 지난 한편 정부 신임 현직 차기 공동 명예 최고 최대 최근 조만간 주요 김씨 이씨 박씨 당시 당일 오늘 내일 우리 모든 각국 양사'.split(
    ' ',
  ),
);
const TITLE_AFTER = new RegExp(
  `^ ?(?:전 )?(?:${KO_TITLES.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length)
    .join('|')}|CEO|CFO|CTO|COO)(?:은|는|이|가|을|를|의|과|와|도|께서|에게)?(?![가-힣A-Za-z])`,
);

/**
 * "이재용 삼성전자 회장", "손정의 소프트뱅크그룹 회장", "샘 올트먼 오픈AI CEO": a name before an
 * organisation and a title, or before a title alone, is a person. Korean names must start with a
 * surname; a foreign name the recognizer found ("올트먼") takes the given name before it ("샘").
 * Only where nothing else was found, and only when every word between name and title is an
 * organisation that was found.
 */
function titledPeople(text: string, fixed: RawSpan[], names: RawSpan[]) {
  const all = () => [...fixed, ...names];
  const covering = (start: number, end: number) => all().find((s) => s.start < end && start < s.end);
  const word = /[가-힣]{1,4}(?=[ \n])/g;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if ((start > 0 && /[가-힣A-Za-z0-9]/.test(text[start - 1]!)) || covering(start, end)) continue;
    // "샘 올트먼": a person found right after this word, whom the word may name in full.
    const surname = all().find((s) => s.type === 'person' && s.start === end + 1);
    let at = surname ? surname.end : end;
    // Organisations between the name and the title.
    for (;;) {
      const org = all().find((s) => s.type === 'org' && s.start === at + 1);
      if (!org || text[at] !== ' ') break;
      at = org.end;
    }
    // A surname alone before a title is the person too ("채 전 총장", "배 아나운서"), as KLUE tags it.
    const lone = m[0].length === 1 && SURNAMES.has(m[0]) && !NOT_LONE_SURNAMES.has(m[0]) && !surname;
    if (!TITLE_AFTER.test(text.slice(at, at + 10)) || NOT_NAMES.has(m[0]) || (!lone && JOSA_END.test(m[0]))) continue;
    if (lone) {
      if (!(m[0] === '전' && !text.startsWith(' 전 ', end))) names.push({ start, end, type: 'person' });
      continue;
    }
    if (surname) {
      if (!FAMILIAR_TITLE.test(text.slice(at, at + 3)) && foreignGivenName(m[0], text.slice(surname.start, surname.end)))
        surname.start = start;
      continue;
    }
    if (m[0].length >= 2 && m[0].length <= 4 && SURNAMES.has(m[0][0]!)) names.push({ start, end, type: 'person' });
  }
}
// A foreign given name before a foreign family name the recognizer found ("샘 올트먼", "팀 쿡"): a
// short word that is not a Korean surname and does not end like a particle, verb or adverb ("관리한
// 박씨", "가운데 오바마"), before a name that is not Korean-shaped (surname and one or two syllables).
// 씨/군/양/님 follow Korean given names ("아들 준혁 군", "멤버 광희 씨") more than foreign ones.
const FAMILIAR_TITLE = /^ ?[씨군양님](?![가-힣])|^ ?[씨군양님][은는이가을를의과와도]/;
const NOT_GIVEN_END = /[한된던인은는을를의에서고며면데로게지도만와과요다까니라야린진운]$/;
function foreignGivenName(given: string, family: string): boolean {
  if (given.length > 3 || SURNAMES.has(given[0]!) || NOT_GIVEN_END.test(given) || NOT_NAMES.has(given)) return false;
  return family.length >= 2 && /^[가-힣]+$/.test(family) && !(family.length <= 3 && SURNAMES.has(family[0]!));
}
// One-syllable surnames that are more often a word before a title: 현 (current), 고 (the late), 제, 모 (某), 한 (one), 각, 총, 새, 본.
const NOT_LONE_SURNAMES = new Set(['현', '고', '제', '모', '한', '각', '총', '새', '본']);
const TITLE_WORDS = new Set([...KO_TITLES, ...EN_TITLES]);
const JOSA_END = /(?:은|는|이|가|을|를|의|에|와|과|도|만)$/;

function addTickerMention(m: TickerMention, fixed: RawSpan[], names: RawSpan[], tickers: Map<RawSpan, Ticker>) {
  const same = fixed.find((s) => s.start === m.start && s.end === m.end);
  if (same) {
    // A listed company's exact name taken for a person is the company ("삼성전자 회장": 삼성전자).
    if (same.type === 'person' && m.end - m.start >= 3) same.type = 'org';
    if (same.type === 'org') tickers.set(same, m.ticker);
    return;
  }
  if (fixed.some((s) => s.start < m.end && m.start < s.end)) return;
  const span: RawSpan = { start: m.start, end: m.end, type: 'org' };
  tickers.set(span, m.ticker);
  names.push(span);
}

/** A Korean name without trailing particles or titles: "손정의 회장과" → 손정의. `strict`: see stripParticles. */
export function trimKoreanName(name: string, known: ReadonlySet<string> = new Set(), strict = false): string {
  let words = name.trim().split(/\s+/);
  while (words.length > 1 && [KO_TITLES, EN_TITLES].some((list) => list.includes(stripParticles(words[words.length - 1]!))))
    words = words.slice(0, -1);
  words[words.length - 1] = stripParticles(words[words.length - 1]!, known, strict);
  return words.join(' ');
}

const SURNAME_ONLY = /^[가-힣]$/;

/**
 * Mentions of one entity share a canonical name: a person's last name alone ("올트먼", "Altman")
 * joins the full name used elsewhere ("샘 올트먼", "Sam Altman"); a Korean surname alone ("최" in
 * "최 회장") joins the one full name with that surname; listed companies join by ticker.
 */
export function assignCanonical(spans: EntitySpan[]): void {
  const persons = spans.filter((s) => s.type === 'person');
  const full = [...new Set(persons.map((s) => s.text).filter((n) => /\s/.test(n) || /^[가-힣]{3,4}$/.test(n)))];
  for (const s of persons) {
    if (/\s/.test(s.text)) continue;
    const lastWord = full.filter((n) => /\s/.test(n) && n.split(/\s+/).pop() === s.text);
    const bySurname = SURNAME_ONLY.test(s.text) ? full.filter((n) => /^[가-힣]{3,4}$/.test(n) && n.startsWith(s.text)) : [];
    const match = lastWord.length === 1 ? lastWord[0] : bySurname.length === 1 ? bySurname[0] : undefined;
    if (match) s.canonical = match;
  }
  const byTicker = new Map<string, string>();
  for (const s of spans) {
    if (!s.ticker) continue;
    const first = byTicker.get(s.ticker.code);
    if (first === undefined) byTicker.set(s.ticker.code, s.text);
    else if (first !== s.text) s.canonical = first;
  }
}

export { highlightEntities, removeHighlights, textOf } from '@/lib/entities/dom';
export { groupEntities } from '@/lib/entities/group';
