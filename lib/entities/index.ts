// recognize(text, lang): every entity in an article's text, as non-overlapping spans sorted by
// start, each with the canonical name its mentions share and, for listed companies, a ticker.
//  - every language: dates, times, money, percentages, quantities, e-mail and URLs (patterns.ts);
//  - Korean: the Korean recognizer (./korean), listed companies from the ticker table, particles
//    and titles stripped from names;
//  - English: compromise's tagger and our rules (english.ts);
//  - other scripts with case: capitalised-name heuristics (capitalised.ts).
import { SURNAMES } from '@/lib/entities/korean/lexicon';
import { recognizeCapitalised } from '@/lib/entities/capitalised';
import { CONFIDENT, keepConfident, koreanConfidence, SURE } from '@/lib/entities/confidence';
import { decideEnglish, findEnglishCandidates, type Candidate } from '@/lib/entities/english';
import { recognizeKorean } from '@/lib/entities/korean';
import {
  isCommonKoreanWord,
  loanwordShaped,
  trimKoreanNames,
  weighKoreanPersons,
  weighKoreanPlacesAndOrgs,
} from '@/lib/entities/korean/evidence';
import { isCommonNoun } from '@/lib/entities/korean/nouns';
import { EN_TITLES, KO_TITLES, stripParticles } from '@/lib/entities/particles';
import { findPatterns, resolveOverlaps, type RawSpan } from '@/lib/entities/patterns';
import { findKoreanTickerMentions, lookupTicker, tickerInText, type TickerMention } from '@/lib/entities/tickers';
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

/**
 * Every entity in `text`, at once. recognition() is the same work in steps, for a caller that yields
 * between them. Names below `minConfidence` (confidence.ts: CONFIDENT by default, UNSURE for "show
 * less certain ones too", 0 for all) are left out.
 */
export function recognize(text: string, lang: string | null, minConfidence = CONFIDENT): EntitySpan[] {
  const steps = recognition(text, lang, minConfidence);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * recognize() as steps: the text is cut into pieces of whole lines (chunks), each recognized on
 * its own, so the cost grows with the text and no step takes long; what needs the whole article is
 * done over the pieces' results (a Korean name's particle is stripped when the name stands bare
 * anywhere; English mentions of one name agree; mentions share a canonical name). Each step yields
 * the share of the work done (0 to 1); the return value is recognize()'s answer.
 */
// Pieces (or, times 20, spans) gone over in one step of the work over the whole article.
const WHOLE_STEP = 100;

export function* recognition(
  text: string,
  lang: string | null,
  minConfidence = CONFIDENT,
): Generator<number, EntitySpan[], void> {
  const language = baseLanguage(text, lang);
  const pieces = chunks(text);
  const found: RawSpan[] = [];
  const tickers = new Map<RawSpan, Ticker>();
  if (language === 'ko') {
    // The model first, over every piece; then the names it saw anywhere decide the particles.
    const models = [];
    for (const [k, [start, end]] of pieces.entries()) {
      models.push(
        recognizeKorean(text.slice(start, end)).map(({ score, ...s }): RawSpan =>
          score === undefined ? s : { ...s, confidence: koreanConfidence(score) },
        ),
      );
      yield ((k + 1) / pieces.length) * 0.7;
    }
    const known = new Set<string>();
    for (const [k, [start]] of pieces.entries()) {
      for (const s of models[k]!) if (NAME_TYPES.has(s.type)) known.add(text.slice(start + s.start, start + s.end));
      if (k % WHOLE_STEP === WHOLE_STEP - 1) yield 0.7;
    }
    for (const [k, [start, end]] of pieces.entries()) {
      const piece = text.slice(start, end);
      const local = new Map<RawSpan, Ticker>();
      for (const s of koreanSpans(piece, models[k]!, known, local)) found.push(shift(s, start, local, tickers));
      yield 0.7 + ((k + 1) / pieces.length) * 0.3;
    }
  } else if (language === 'en') {
    const cands: Candidate[] = [];
    for (const [k, [start, end]] of pieces.entries()) {
      findEnglishCandidates(text, start, end, cands);
      yield ((k + 1) / pieces.length) * 0.8;
    }
    const names = yield* withShare(decideEnglish(text, cands), 0.8, 0.9, cands.length / 100 + 4);
    // Each piece with the names that start in it, sorted by start as decideEnglish answers them.
    let n = 0;
    for (const [k, [start, end]] of pieces.entries()) {
      const local: RawSpan[] = [];
      for (; n < names.length && (names[n]!.start < end || k === pieces.length - 1); n++) local.push(shift(names[n]!, -start));
      for (const s of withPatterns(text.slice(start, end), local, [])) found.push(shift(s, start));
      yield 0.9 + ((k + 1) / pieces.length) * 0.1;
    }
  } else {
    const names = language && !/^(?:ja|zh|th|lo|km|my)$/.test(language);
    for (const [k, [start, end]] of pieces.entries()) {
      const piece = text.slice(start, end);
      for (const s of withPatterns(piece, names ? recognizeCapitalised(piece) : [], [])) found.push(shift(s, start));
      yield (k + 1) / pieces.length;
    }
  }
  // The whole article's spans (a long one has tens of thousands): in steps too.
  const spans: EntitySpan[] = [];
  for (const s of found) {
    // "Lowe's", "Macy's": a listing whose name ends in a possessive keeps it.
    if (NAME_TYPES.has(s.type) && /^['’]s\b/.test(text.slice(s.end, s.end + 3))) {
      const ticker = lookupTicker(`${text.slice(s.start, s.end)}'s`);
      if (ticker) {
        s.end += 2;
        s.type = 'org';
        s.confidence = SURE;
        tickers.set(s, ticker);
      }
    }
    const span: EntitySpan = { start: s.start, end: s.end, type: s.type, text: text.slice(s.start, s.end) };
    if (s.confidence !== undefined) span.confidence = s.confidence;
    const ticker = tickers.get(s) ?? (s.type === 'org' ? tickerInText(span.text, text) : null);
    if (ticker) span.ticker = ticker;
    spans.push(span);
    if (spans.length % (WHOLE_STEP * 20) === 0) yield 1;
  }
  // Each pass over the whole article's spans is a step of its own.
  if (language === 'ko') {
    trimKoreanNames(spans);
    weighKoreanPlacesAndOrgs(spans);
  }
  yield 1;
  assignCanonical(spans, text);
  yield 1;
  if (language === 'ko') weighKoreanPersons(text, spans);
  yield 1;
  return keepConfident(spans, minConfidence);
}

/** Runs `steps`, yielding a share of the work that grows from `from` towards `to` over about `count` steps. */
function* withShare<T>(steps: Generator<void, T, void>, from: number, to: number, count: number): Generator<number, T, void> {
  let k = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    yield from + (to - from) * Math.min(1, ++k / count);
  }
}

/** A piece's span moved by `by` into the whole text (its ticker, if any, moved with it). */
function shift(s: RawSpan, by: number, from?: Map<RawSpan, Ticker>, to?: Map<RawSpan, Ticker>): RawSpan {
  const moved = { ...s, start: s.start + by, end: s.end + by };
  const ticker = from?.get(s);
  if (ticker) to!.set(moved, ticker);
  return moved;
}

/** Names the recognizers found go first, then patterns where they leave room; sorted by start. */
function withPatterns(text: string, names: RawSpan[], fixed: RawSpan[]): RawSpan[] {
  // E-mail addresses and links win over anything a recognizer found inside them ("2025.02.04 syu@…").
  const patterns = findPatterns(text);
  const contacts = patterns.filter((p) => p.type === 'email' || p.type === 'url');
  if (contacts.length) {
    const outside = (s: RawSpan) => !contacts.some((c) => c.start < s.end && s.start < c.end);
    names = names.filter(outside);
    fixed = [...fixed.filter(outside), ...resolveOverlaps(contacts)];
  }
  const chosen = resolveOverlaps([...resolveOverlaps(names, fixed), ...fixed]);
  return resolveOverlaps([...chosen, ...resolveOverlaps(patterns, chosen)]);
}

/** A Korean piece's spans from the model's (`model`, changed here), with listed companies and titled people. */
function koreanSpans(text: string, model: RawSpan[], known: ReadonlySet<string>, tickers: Map<RawSpan, Ticker>): RawSpan[] {
  // Names the recognizer saw: a one-syllable particle that also ends names (손정의, 지은) is
  // stripped only when the name without it stands elsewhere ("올트먼은" beside "올트먼").
  for (const s of model) {
    if (s.type === 'quantity' && MONEY_UNIT.test(text.slice(s.start, s.end))) s.type = 'money';
    if (NAME_TYPES.has(s.type)) {
      trimEdges(text, s);
      s.end = s.start + trimKoreanName(text.slice(s.start, s.end), known, true).length;
    }
  }
  // A title alone ("최고경영자", "CEO") is neither a person nor an organisation.
  const fixed = model.filter((s) => s.end > s.start && !(NAME_TYPES.has(s.type) && TITLE_WORDS.has(text.slice(s.start, s.end))));
  // Listed companies the recognizer missed; one it found as an organisation gets its ticker.
  const names: RawSpan[] = [];
  for (const m of findKoreanTickerMentions(text)) addTickerMention(text, m, fixed, names, tickers);
  const kept = fixed.filter((s) => s.end > s.start);
  titledPeople(text, kept, names);
  return withPatterns(text, names, kept);
}

// Pieces of about CHUNK characters, cut after a line's "\n" (a block's end in textOf's text); a line
// longer than LONG is cut after a sentence's end, else after a space.
const CHUNK = 500;
const LONG = 1000;

/** [start, end) of each piece of `text` recognition() takes in one step. */
export function chunks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && end - start < CHUNK) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length : nl + 1;
    }
    if (end - start > LONG) end = cutAt(text, start, start + LONG);
    out.push([start, end]);
    start = end;
  }
  return out;
}

const SENTENCE_END = /[.!?。？！][)"'”’」』]*\s+/g;

/** Where to cut a long line that starts at `start` before `limit`: after the last sentence end in its second half, else after a space, else at the limit. */
function cutAt(text: string, start: number, limit: number): number {
  // A line break ends a piece too: the first after CHUNK characters.
  const nl = text.lastIndexOf('\n', limit - 1);
  if (nl >= start + CHUNK / 2) return nl + 1;
  const window = text.slice(start + CHUNK / 2, limit);
  let cut = -1;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) cut = m.index + m[0].length;
  if (cut < 0) cut = window.lastIndexOf(' ') + 1;
  if (cut <= 0) {
    // Never between the halves of a surrogate pair.
    const code = text.charCodeAt(limit);
    return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
  }
  return start + CHUNK / 2 + cut;
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
      if (!(m[0] === '전' && !text.startsWith(' 전 ', end))) names.push({ start, end, type: 'person', confidence: SURE });
      continue;
    }
    if (surname) {
      if (!FAMILIAR_TITLE.test(text.slice(at, at + 3)) && foreignGivenName(m[0], text.slice(surname.start, surname.end)))
        surname.start = start;
      surname.confidence = SURE;
      continue;
    }
    if (m[0].length >= 2 && m[0].length <= 4 && SURNAMES.has(m[0][0]!))
      names.push({ start, end, type: 'person', confidence: SURE });
    // A foreign name the recognizer missed before a title only a person holds ("트럼프 대통령은"): no
    // common word, and no common noun unless shaped like a loanword (트럼프 is "trump"; 무소속
    // 의원 is an independent member), shown without certainty.
    else if (
      m[0].length >= 2 &&
      !isCommonKoreanWord(m[0]) &&
      (!isCommonNoun(m[0]) || loanwordShaped(m[0])) &&
      PERSONAL_TITLE.test(text.slice(at, at + 8))
    )
      names.push({ start, end, type: 'person', confidence: 0.6 });
  }
}
// Titles only a person holds (not a company's: 회장, 대표, CEO), right after the name.
const PERSONAL_TITLE =
  /^ (?:전 )?(?:대통령|부통령|총리|국무장관|장관|상원의원|하원의원|의원|주지사|대사|감독|선수|국왕|여왕|왕세자|총통|주석|교황|여사|씨)(?:은|는|이|가|을|를|의|과|와|도|에게)?(?![가-힣])/;

// A foreign given name before a foreign family name the recognizer found ("샘 올트먼", "팀 쿡"): a
// short word that is not a Korean surname and does not end like a particle, verb or adverb ("관리한
// 박씨", "가운데 오바마"), before a name that is not Korean-shaped (surname and one or two syllables).
// 씨/군/양/님 follow Korean given names ("아들 준혁 군", "멤버 광희 씨") more than foreign ones.
const FAMILIAR_TITLE = /^ ?[씨군양님](?![가-힣])|^ ?[씨군양님][은는이가을를의과와도]/;
const NOT_GIVEN_END = /[한된던인은는을를의에서고며면데로게지도만와과요다까니라야린진운]$/;
function foreignGivenName(given: string, family: string): boolean {
  if (given.length > 3 || SURNAMES.has(given[0]!) || NOT_GIVEN_END.test(given) || NOT_NAMES.has(given)) return false;
  // A common word is no given name ("만남 후 올트먼": 후 is "after").
  if (isCommonKoreanWord(given) || isCommonNoun(given)) return false;
  // "쿡" alone is foreign too: a one-syllable family name that is no Korean surname.
  return (
    /^[가-힣]+$/.test(family) && (family.length >= 2 ? !(family.length <= 3 && SURNAMES.has(family[0]!)) : !SURNAMES.has(family))
  );
}
// One-syllable surnames that are more often a word before a title: 현 (current), 고 (the late), 제, 모 (某), 한 (one), 각, 총, 새, 본.
const NOT_LONE_SURNAMES = new Set(['현', '고', '제', '모', '한', '각', '총', '새', '본']);
const TITLE_WORDS = new Set([...KO_TITLES, ...EN_TITLES]);
const JOSA_END = /(?:은|는|이|가|을|를|의|에|와|과|도|만)$/;

function addTickerMention(text: string, m: TickerMention, fixed: RawSpan[], names: RawSpan[], tickers: Map<RawSpan, Ticker>) {
  const same = fixed.find((s) => s.start === m.start && s.end === m.end);
  if (same) {
    // A listed company's exact name taken for a person is the company ("삼성전자 회장": 삼성전자).
    if (same.type === 'person' && m.end - m.start >= 3) same.type = 'org';
    if (same.type === 'org') {
      tickers.set(same, m.ticker);
      same.confidence = SURE;
    }
    return;
  }
  for (const s of fixed.filter((x) => x.start < m.end && m.start < x.end)) {
    // A person run into the company after it ("머스크 테슬라", "쿡 애플"): the person ends before it.
    if (s.type === 'person' && s.end === m.end && m.start > s.start + 1 && text[m.start - 1] === ' ') s.end = m.start - 1;
    // A fragment inside the company's name, or one cut by its particle ("테슬라는" read as 테슬): the company.
    else if (s.type === 'person' && s.start >= m.start && s.end <= m.end) s.end = s.start;
    else return;
  }
  const span: RawSpan = { start: m.start, end: m.end, type: 'org', confidence: SURE };
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
 * A surname alone before a title ("최 회장") among several full names with that surname: the one
 * named with the same title elsewhere ("최태원 SK그룹 회장" rather than "최지환 기자"), if only one is.
 */
function sameTitle(
  s: EntitySpan,
  names: Set<string> | undefined,
  text: string | undefined,
  seen: Map<string, string | undefined>,
): string | undefined {
  if (!names || !text) return undefined;
  const title = /^\s(?:전\s)?([가-힣A-Z]{2,})/.exec(text.slice(s.end, s.end + 12))?.[1]?.slice(0, 2);
  if (!title) return undefined;
  // Each surname and title is looked up in the article once: a long article mentions "최 회장"
  // thousands of times, and each look goes over the whole text.
  const key = `${s.text}\0${title}`;
  if (!seen.has(key)) {
    const titled = [...names].filter((n) => new RegExp(`${n}(?:\\s\\S+){0,2}?\\s${title}`).test(text));
    seen.set(key, titled.length === 1 ? titled[0] : undefined);
  }
  return seen.get(key);
}

/**
 * Mentions of one entity share a canonical name: a person's last name alone ("올트먼", "Altman")
 * joins the full name used elsewhere ("샘 올트먼", "Sam Altman"); a Korean surname alone ("최" in
 * "최 회장") joins the one full name with that surname; listed companies join by ticker.
 */
export function assignCanonical(spans: EntitySpan[], text?: string): void {
  const persons = spans.filter((s) => s.type === 'person');
  // The full names by last word and, for Korean ones, by surname (each name once).
  const byLastWord = new Map<string, Set<string>>();
  const bySurname = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, name: string) => {
    const set = map.get(key);
    if (set) set.add(name);
    else map.set(key, new Set([name]));
  };
  for (const { text: n } of persons) {
    if (/\s/.test(n)) add(byLastWord, n.split(/\s+/).pop()!, n);
    else if (/^[가-힣]{3,4}$/.test(n)) add(bySurname, n[0]!, n);
  }
  const only = (set: Set<string> | undefined) => (set?.size === 1 ? [...set][0] : undefined);
  const titled = new Map<string, string | undefined>();
  for (const s of persons) {
    if (/\s/.test(s.text)) continue;
    const match =
      only(byLastWord.get(s.text)) ??
      (SURNAME_ONLY.test(s.text)
        ? (only(bySurname.get(s.text)) ?? sameTitle(s, bySurname.get(s.text), text, titled))
        : undefined);
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

export { highlightEntities, highlighting, removeHighlights, removing, textMapping, textOf } from '@/lib/entities/dom';
export { groupEntities, grouping } from '@/lib/entities/group';
