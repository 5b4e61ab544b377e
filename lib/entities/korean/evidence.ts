// How sure a Korean name is, beyond the model's margin: what the article says around it. A person
// is sure when a title or a form of address follows one of its mentions (손정의 회장, 김모씨), when it
// stands before a slash as a speaker (구병삼/통일부 대변인), or when it is named in full (샘 올트먼).
// A person without such evidence is shown only when it is shaped like a Korean name (a surname and
// one to three syllables that do not end like a verb); words that are never a name in the KLUE
// training sample (한다, 정확한) and lone syllables are no names at all.
import { COMMON_WORDS, GIVEN_NAMES, NAME_SYLLABLES, ORG_PLACES, WORD_PLACES } from '@/lib/entities/korean/common-words';
import {
  KNOWN_ORGS,
  KOREAN_PLACES,
  MORE_ORGS,
  MORE_PLACES,
  PERSON_TITLES,
  SURNAMES,
  WORLD_PLACES,
} from '@/lib/entities/korean/lexicon';
import { isCommonNoun } from '@/lib/entities/korean/nouns';
import { SURE } from '@/lib/entities/confidence';
import type { EntitySpan } from '@/lib/entities/types';

let common: ReadonlySet<string> | null = null;
/** A word never seen as (part of) a name in the KLUE training sample. */
export function isCommonKoreanWord(word: string): boolean {
  common ??= new Set(COMMON_WORDS.split(' '));
  return common.has(word);
}

/** Without other evidence: a Korean-shaped name is shown, anything else is not (confidence.ts CONFIDENT 0.5). */
const KOREAN_SHAPED = 0.6;
const UNSHOWN = 0.3;
const NOT_A_NAME = 0;

// Endings of verbs and adjectives, not of given names: 한다, 했다, 하더라, 싸우나, 어떻나.
const VERB_END = /(?:다|더라|는가|는지|나요|네요|어요|아요|지요|죠|군요|구나|으며|면서|는데|한데)$/;
// What follows a title: a particle, punctuation, the end.
const AFTER_TITLE = /^(?:은|는|이|가|을|를|의|과|와|도|께서|에게|측|으로|로|님)?(?![가-힣A-Za-z])/;

// Titles a company takes too (오픈AI CEO, 삼성전자 회장): evidence of a person only for a name shaped
// like a Korean one.
const COMPANY_TITLES = new Set([
  '회장',
  '부회장',
  '명예회장',
  '사장',
  '부사장',
  '대표',
  '대표이사',
  '이사',
  '이사장',
  '의장',
  'CEO',
  '창업자',
  '창업주',
]);
// Titles that are also common nouns (시장: market or mayor; 주장: claim or captain; 소장: lawsuit) or
// words for kin and groups: no evidence on their own.
const COMMON_TITLES = new Set([
  '시장',
  '지사',
  '대장',
  '소장',
  '주장',
  '이사',
  '고',
  '전',
  '前',
  '故',
  '왕',
  '일가',
  '부부',
  '모녀',
  '부자',
  '모자',
  '형제',
  '자매',
  '선수',
  '위원',
]);

/** A title, or a form of address, right after the mention at `end` ("회장은", " 전 대통령", "씨가", "/"). */
function titled(text: string, end: number, koreanShaped: boolean): boolean {
  const after = text.slice(end, end + 16);
  // 구병삼/통일부 대변인, 김모(33)씨, A(44)씨, 윤 모 씨.
  if (
    /^\s?\//.test(after) ||
    /^\s?모?\s?(?:\([^()]{1,8}\))?\s?[씨군양](?![가-힣])|^\s?모?\s?(?:\([^()]{1,8}\))?\s?[씨군양][은는이가을를의과와도에]/.test(
      after,
    )
  )
    return true;
  // 전 (former) and 당시 (then) may stand between: 이명박 당시 대통령.
  const m = /^(\s?)((?:전|당시)\s)?([가-힣A-Z]+)/.exec(text.slice(end, end + 14));
  if (!m) return false;
  const word = m[3]!;
  for (let k = word.length; k >= 1; k--) {
    const title = word.slice(0, k);
    if (!PERSON_TITLES.has(title) || COMMON_TITLES.has(title) || (!koreanShaped && COMPANY_TITLES.has(title))) continue;
    // Joined to the name only as a form of address (김모씨, 박해미가 is no title).
    if (!m[1] && !/^[씨군양옹님]$/.test(title)) continue;
    if (AFTER_TITLE.test(word.slice(k))) return true;
  }
  return false;
}

/**
 * Shaped like a Korean name: a surname and one to three syllables of given names (`bySyllables`: the
 * syllables of the training sample's given names; 마이닝 and 송암배 are not), or a lone surname (최 회장).
 */
function koreanShaped(name: string, bySyllables = true): boolean {
  if (SURNAMES.has(name)) return true;
  if (!/^[가-힣]{2,4}$/.test(name)) return false;
  if (!bySyllables) return SURNAMES.has(name[0]!);
  const given = SURNAMES.has(name.slice(0, 2)) && name.length > 2 ? name.slice(2) : SURNAMES.has(name[0]!) ? name.slice(1) : null;
  return given !== null && [...given].every((ch) => NAME_SYLLABLES.includes(ch));
}

/**
 * Shaped like a word written from a foreign language: an open syllable with the vowel ㅡ after a
 * consonant (트, 프, 스, 크, 드, 르), the vowel Korean inserts between the consonants of a foreign
 * word (Trump → 트럼프); no Sino-Korean syllable has it.
 */
export function loanwordShaped(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const k = word.charCodeAt(i) - 0xac00;
    if (k < 0 || k >= 11172) continue;
    const initial = Math.floor(k / 588);
    const vowel = Math.floor((k % 588) / 28);
    if (vowel === 18 && k % 28 === 0 && initial !== 11) return true;
  }
  return false;
}
let givenNames: ReadonlySet<string> | null = null;
/**
 * A foreign name in full: two or three words, the first a given name of the training sample's
 * persons (데이비드 삭스, 맷 프루삭), the others no common word.
 */
function namedInFull(name: string): boolean {
  givenNames ??= new Set(GIVEN_NAMES.split(' '));
  const words = name.split(' ');
  return words.length >= 2 && words.length <= 3 && givenNames.has(words[0]!) && !words.slice(1).some(commonWord);
}

const commonWord = (w: string) => isCommonKoreanWord(w) || isCommonNoun(w);

/**
 * A name of several words never ends in a common word: a person found with a common word before or
 * after the name ("만남 후 올트먼": 후 is "after"; "이명박 당시": "at the time") loses it, and a place
 * too ("중국 스마트폰"). After the name only words the training sentences never have inside a name
 * count: a foreign family name may be a common noun too (트럼프, "trump"). Spans changed in place; run
 * before mentions are joined.
 */
export function trimKoreanNames(spans: EntitySpan[]): void {
  for (const s of spans) {
    if (s.type !== 'person' && s.type !== 'place') continue;
    const person = s.type === 'person';
    const m = person ? /^([가-힣]+)\s+(?=\S)/.exec(s.text) : null;
    if (m && commonWord(m[1]!)) {
      s.start += m[0].length;
      s.text = s.text.slice(m[0].length);
    }
    const t = /(?<=\S)\s+([가-힣]{2,})$/.exec(s.text);
    if (t && isCommonKoreanWord(t[1]!)) {
      s.end -= t[0].length;
      s.text = s.text.slice(0, -t[0].length);
    }
  }
}

/** A word quoted and named as a word ("원더풀"이라고, '혁신'이라는): what someone said, not who. */
function quotedWord(text: string, s: EntitySpan): boolean {
  return (
    /["'“‘]$/.test(text.slice(s.start - 1, s.start)) && /^["'”’](?:이)?라(?:고|는|며|면서)/.test(text.slice(s.end, s.end + 5))
  );
}

/**
 * Korean persons' confidences from the article (spans changed in place): every mention of a name
 * shares the evidence any of its mentions has (a title after it).
 */
export function weighKoreanPersons(text: string, spans: EntitySpan[]): void {
  const persons = spans.filter((s) => s.type === 'person');
  const key = (s: EntitySpan) => s.canonical ?? s.text;
  const evidenced = new Set<string>();
  // The title may follow the organisations or places the person belongs to (밴스 미국 부통령, 이재용
  // 삼성전자 회장): found names one space apart are stepped over, two at most.
  const startsAt = new Map(spans.filter((s) => s.type === 'org' || s.type === 'place').map((s) => [s.start, s.end]));
  for (const s of persons) {
    let end = s.end;
    for (let k = 0; k < 2 && text[end] === ' ' && startsAt.has(end + 1); k++) end = startsAt.get(end + 1)!;
    // A company's title after the company ("머스크 테슬라 CEO") is the person's.
    const shaped = koreanShaped(s.text, false);
    if (titled(text, s.end, shaped) || (end > s.end && titled(text, end, true))) evidenced.add(key(s));
  }
  // A family name shared with a person named in full with evidence (도널드 트럼프 → 에릭 트럼프, 트럼프
  // 주니어); a common noun shaped like a loanword may be one (트럼프 is "trump").
  const families = new Set<string>();
  for (const s of persons)
    if (evidenced.has(key(s)) && /\s/.test(s.text) && !s.text.split(/\s+/).some((w) => commonWord(w) && !loanwordShaped(w)))
      families.add(s.text.split(/\s+/).pop()!);
  for (const s of persons) if (/\s/.test(s.text) && s.text.split(/\s+/).some((w) => families.has(w))) evidenced.add(key(s));
  for (const s of persons) {
    const name = s.text;
    // A lone surname is a person only before a title (채 전 총장, 김 차장) or as a full name's mention.
    if (name.length < 2) s.confidence = evidenced.has(key(s)) ? SURE : s.canonical ? KOREAN_SHAPED : NOT_A_NAME;
    else if (isCommonKoreanWord(name) || VERB_END.test(name) || quotedWord(text, s)) s.confidence = NOT_A_NAME;
    else if (evidenced.has(key(s))) s.confidence = Math.max(s.confidence ?? 0, SURE);
    else if ((koreanShaped(name) && !isCommonNoun(name)) || namedInFull(name))
      s.confidence = Math.min(s.confidence ?? KOREAN_SHAPED, KOREAN_SHAPED);
    else s.confidence = Math.min(s.confidence ?? UNSHOWN, UNSHOWN);
  }
}

let placeNames: ReadonlySet<string> | null = null;
let orgNames: ReadonlySet<string> | null = null;
let orgPlaces: ReadonlySet<string> | null = null;
let wordPlaces: ReadonlySet<string> | null = null;

/**
 * Korean organisations and places by the word lists (spans changed in place; run before mentions
 * are joined):
 *  - a gazetteer place the model typed as an organisation is a place (마드리드, 워싱턴: the training
 *    sample tags gazetteer places as places 400 times against 60), unless the sample tags that very
 *    name as an organisation at least as often (북한, 개성공단: ORG_PLACES); a listed company stays one;
 *  - a name that is an entry of the gazetteer of its type (국민의힘, 경상도) is sure, whatever the
 *    model's margin (confidence.ts SURE), unless the sample uses that place more often as an
 *    ordinary word than in a name (음성 "voice", 경기 "game": WORD_PLACES): then the margin decides.
 */
export function weighKoreanPlacesAndOrgs(spans: EntitySpan[]): void {
  placeNames ??= new Set([...KOREAN_PLACES, ...WORLD_PLACES, ...MORE_PLACES]);
  orgNames ??= new Set([...KNOWN_ORGS, ...MORE_ORGS]);
  orgPlaces ??= new Set(ORG_PLACES.split(' '));
  wordPlaces ??= new Set(WORD_PLACES.split(' '));
  for (const s of spans) {
    if (s.type === 'org' && !s.ticker && placeNames.has(s.text) && !orgPlaces.has(s.text)) s.type = 'place';
    if ((s.type === 'place' && placeNames.has(s.text) && !wordPlaces.has(s.text)) || (s.type === 'org' && orgNames.has(s.text)))
      s.confidence = Math.max(s.confidence ?? SURE, SURE);
  }
}
