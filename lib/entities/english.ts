// English names: compromise (the "two" build: tokenizer, lexicon and part-of-speech tagger) reads
// the sentence; our rules then chunk capitalised words into names and decide person, organisation
// or place. Evidence, strongest first:
//  1. the name itself: endings and openings ("… Inc", "University of …", "… River", "Hurricane …"),
//     the gazetteer (en-gazetteer.ts: countries, regions, cities, well-known organisations; and
//     what is *not* a name here: nationalities, languages, faiths, events, eras), the ticker table,
//     compromise's lexicon (first and last names, places, organisations);
//  2. the words around it: a title or role before it ("Mr", "commander", "company"), a verb of
//     speech after it ("… said"), a place preposition before it ("in …"), "… party", "… CEO";
//  3. the rest of the text: a name typed anywhere types its other mentions, a person's last name
//     alone is that person, and names listed together ("Nokia, Ericsson and Siemens") share a type;
//  4. otherwise a name that is no common English word (en-words.ts) and has no sign of being
//     anything else is taken as a person; a common word that is capitalised is left alone.
// A capitalised word opening a sentence is a name only when it is not a common English word or the
// lexicon knows it as a name. bench:entities measures this against compromise's own
// people()/organizations()/places() on the same sentences.
import nlp from 'compromise/two';
import {
  CITIES,
  COUNTRIES,
  COUNTRY_SHORT,
  DEMONYMS,
  EVENT_FIRST,
  EVENT_LAST,
  KNOWN_ORGS,
  NOT_ENTITY,
  ORG_AFTER,
  ORG_BEFORE,
  PERSON_BEFORE,
  PERSON_LIKE_PLACES,
  REGIONS,
  STATE_CODES,
  US_STATES,
} from '@/lib/entities/en-gazetteer';
import { givenNameToo, isCommonWord, lexiconTag, NAME_TAG } from '@/lib/entities/en-words';
import type { RawSpan } from '@/lib/entities/patterns';
import { companyTicker, lookupTicker } from '@/lib/entities/tickers';

interface Term {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

type NameType = 'person' | 'org' | 'place';

/** A run of capitalised words found in a sentence, before and after it is typed. */
export interface Candidate {
  start: number;
  end: number;
  /** Index of the first and last term of the name in the sentence. */
  i: number;
  j: number;
  terms: Term[];
  initial: boolean;
  type: NameType | null;
  /**
   * How sure the type (or the decision that this is no name) is: 3 from the name itself (gazetteer,
   * lexicon, endings, a title before it), 2 from the words around it, 1 a guess, 0 undecided.
   * Mentions of one name take the type of the surest mention.
   */
  strength: number;
  /** The name of a storm, operation or treaty ("Andrew" in "Hurricane Andrew"): not a name alone either. */
  event?: string;
  /** The type to guess when nothing else decides ("Cleves" in "Anne of Cleves"). */
  hint?: NameType;
  /** A sentence-opening word that is a name only if the text names it elsewhere. */
  weak?: boolean;
}

const ORG_LAST = new Set(
  'Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. LLC PLC plc Group Holdings Airline Airlines Airways Bank Bancorp University College School Institute Institution Association Society Agency Authority Administration Administrations Bureau Council Committee Commission Department Ministry Office Party Union Federation League Foundation Fund Trust Church Army Navy Force Forces Guard Police Court Parliament Congress Senate Assembly Cabinet Government Times Post News Journal Press Herald Tribune Gazette Magazine Network Airlines Airways Motors Systems Technologies Labs Laboratories Industries Electronics Pharmaceuticals Entertainment Animation Studios Records Media Club FC Team Center Centre Treasury Design Designs Architects Brothers Hospital Hospitals Clinic Museum Library Organization Organisation Coalition Alliance Movement Brigade Corps Command Service Services Board Exchange Reserve Marines Empire Dynasty Caliphate Khanate Books Publishing Publications Review Monthly Weekly Daily Channel Radio TV Television Broadcasting Studio Film Films Pictures Partners Associates Ventures Consulting Solutions Software Interactive Energy Oil Petroleum Mining Steel Chemicals Foods Brands Stores Markets Telecom Communications Wireless Mobile Insurance Securities Investments Financial Bank Credit Express Logistics Shipping Railways Railroad Transit Authority Council Tribunal Inquiry Secretariat Directorate Agency Academy Conservatory Seminary Cathedral Abbey Mosque Temple Synagogue'.split(
    ' ',
  ),
);
const ORG_FIRST = new Set(
  'University Ministry Department Bank Bureau Institute Council Committee Commission Office Board Church House Court Federation Association Museum Government Order Society College School Academy League Union Party Army'.split(
    ' ',
  ),
);
const PLACE_LAST = new Set(
  'River Rivers Sea Seas Ocean Island Islands Isle Mountain Mountains Mount Lake Lakes Bay Gulf Valley Hills Hill Desert Peninsula Strait Straits Street St Avenue Ave Road Rd Boulevard Lane Drive Square Park Bridge County Province City Town Village District Region Coast Canyon Falls Beach Station Airport Heights Forest Plain Plains Basin Delta Channel Cape Point Harbor Harbour Oblast Krai Prefecture Governorate Territory Territories Township Borough Parish Canal Glacier Reef Springs Creek Fjord Principality Duchy Emirate Republic Kingdom Highway Freeway Motorway Square Plaza Circle Quay Wharf Pier Port Dam Stadium Arena Palace Castle Tower Towers Building Hall Field Fields Gardens Garden Zoo Cemetery Prison Base Airbase'.split(
    ' ',
  ),
);
const PLACE_FIRST = new Set(
  'Republic Kingdom Principality Duchy Emirate Sultanate Province Mount Mt Mt. Lake Cape Port Fort Saint St. St Gulf Bay Isle Isla Lago Rio Río San Santa Sierra Costa Puerto Los Las El New'.split(
    ' ',
  ),
);
// Titles written before a name, not part of it.
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Gen|Col|Maj|Capt|Cpt|Cmdr|Lt|Sgt|Cpl|Pvt|Adm|Rev|Fr|Sen|Rep|Gov|Pres|Supt|Insp|Det|President|Senator|Governor|Minister|Prime|King|Queen|Prince|Princess|Pope|Chancellor|Judge|Justice|Secretary|Mayor|General|Colonel|Major|Captain|Ambassador|Chairman|Director|Professor|Sheikh|Shaikh|Ayatollah|Imam|Premier|Emperor|Empress|Pharaoh|Sultan|Tsar|Czar|Shah|Emir|Representative|Congressman|Congresswoman|Commissioner|Attorney|Sheriff|Ombudsman|Chief|Officer|Lieutenant|Sergeant|Admiral|Commander|Bishop|Archbishop|Cardinal|Rabbi|Father|Brother|Sister|Uncle|Aunt|CEO|CFO|COO|CTO|Chair|Chairwoman|Founder|Cofounder|Co-founder|Vice|Deputy|Leader|Spokesman|Spokeswoman|Coach|Manager|Editor|Executive|Administrator|PM|MP|Sec|Hon|Mme|Mlle|Herr|Frau|Dear)\.?$/;
const CONNECT = new Set([
  'of',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'al',
  'el',
  'bin',
  'ibn',
  'la',
  'le',
  'y',
  '&',
  'for',
  'and',
  'the',
  'on',
  'upon',
]);
// Connectors that join only inside an organisation's or place's name ("Bank of the West", "Johnson & Johnson").
const ORG_CONNECT = new Set(['&', 'for', 'and', 'the', 'on', 'upon']);
// Lower-case particles that open a name ("al-Rashid", "bin Salman", "de Souza" after a title).
const NAME_PARTICLE =
  /^(?:al|el|an|ar|as|ash|at|az|ad|ed|bin|ibn|bint|ben|abu|de|da|di|du|van|von|der|den|le|la|dos|das|del|della|ter|ten|ul|ud)$/;
const ROMAN = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|Jr\.?|Sr\.?)$/;
// Acronyms that are not names (eras, times of day, common nouns).
const NOT_ACRONYM = new Set(
  'BC AD BCE CE AM PM TV DNA RNA IPO CEO CFO CTO COO GDP GNP HIV AIDS OK FAQ PC ID PDF USB ADHD FYI LOL IMO IMHO BTW ASAP DIY RSS HTML URL CD DVD GPS SMS PS PPS NB AKA ETA VIP PR HR IT QA AI VR AR TBA TBD RIP OMG WTF LGBT LGBTQ MRI CT ICU ER UV LED LCD CPU GPU RAM SUV ATM PIN VAT GST NGO NGOs MBA PhD MD BA MA BSc MSc QC KC MVP CV ISBN II III IV VI VII VIII IX XI XII CO2 HFCs HFC CFC PM2 OH NO YES THE AND FOR NOT BUT ALL YOU ARE WAS HAS HAD CAN MAY NEW NOW OUT ONE TWO TOP BIG FREE HOT WOW IS AM BE DO GO SO UP AT ON IN OF TO BY OR IF AS AN MY WE HE ME OK HI EV EVs SUV SUVs AWD RWD FWD 4WD'.split(
    ' ',
  ),
);
// Capitalised words that are not names on their own.
const NOT_NAME = new Set(
  'I The A An This That These Those It Its He She We They You My Our Your His Her Their There Here What When Where Why How Who Which If But And Or So Yet Also Then Now Just Please Thanks Thank Hi Hello Hey Dear Yes No Not All Some Any Each Every One Two Three Mr Mrs Ms Dr God Internet Web OK Ok Re Fwd Subject Note Update Edit PS Today Yesterday Tomorrow Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Christmas Easter Posted Email From To Sent Date Cc Rs Rs. Re.'.split(
    ' ',
  ),
);
const DIRECTION =
  /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|Outer|Inner|Middle|Mid|North-West|North-East|South-West|South-East|Northwest|Northeast|Southwest|Southeast|Northwestern|Northeastern|Southwestern|Southeastern)$/;
// Endings of place names: "-burg", "-stan", "-ia", "-polis", "-ae".
const PLACE_SUFFIX =
  /(?:ia|ium|ae|stan|land|burg|bourg|berg|borg|shire|ville|polis|grad|abad|pur|pura|nesia|ania|onia|ovo|ovia|stad|heim|sund|sand|fjord|mouth|chester|caster|bury|sea|thorpe|wick|gorod|ovsk|evsk|insk)$/;
// Plural geographic words: "Outer Banks", "Grand Rapids" are places, not teams.
const GEO_PLURAL =
  /^(?:Keys|Cays|Rapids|Woods|Glades|Everglades|Flats|Downs|Narrows|Shoals|Dunes|Isles|Highlands|Lowlands|Uplands|Moors|Meadows|Pines|Oaks|Palms|Sands|Banks)$/;
// Directions that make a part of a country, not a name of its own ("Southern Chile" but "Upper Bavaria").
const CARDINAL =
  /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|North-West|North-East|South-West|South-East|Northwest|Northeast|Southwest|Southeast|Northwestern|Northeastern|Southwestern|Southeastern)$/;
// The first halves of "Franco-German", "Sino-Soviet", "Franco-German".
const COMBINING =
  /^(?:Austro|Franco|Anglo|Sino|Russo|Greco|Graeco|Indo|Afro|Euro|Judeo|Judaeo|Italo|Hispano|Luso|Serbo|Turco|Perso|Arabo|Irano|Germano|Polono|Nippo|Korean|Japano|Americo|Afghan|Pakistani|Israeli|Palestinian|Arab)$/;
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region', 'Address'];
const PLACE_BEFORE =
  /\b(?:in|from|near|into|across|throughout|outside|inside|toward|towards|via|around|through|within|visited|visiting|visit|entered|invaded|conquered|capture|captured|occupied|annexed|bombed|reached|left|leave|fled|north|south|east|west|northern|southern|eastern|western|central|born in|based in|lives in|living in|flew to|moved to|travelled to|traveled to|returned to|trip to|trips to|return to|way to|back to|road to|capital of|city of|town of|village of|province of|state of|region of|island of|county of|streets of|people of|outskirts of|citizens of|residents of|part of|parts of|north of|south of|east of|west of|coast of)\s+(?:the\s+)?$/i;
const SAY_AFTER =
  /^[\s,]*(?:said|says|told|tells|wrote|writes|added|adds|asked|asks|replied|replies|argued|argues|explained|explains|noted|notes|recalled|recalls|insisted|insists|suggested|suggests|believes|believed|thinks|thought|stated|states|announced|admitted|acknowledged|warned|claimed|claims|commented|continued|declared|confirmed|denied|emphasised|emphasized|stressed|added|laughed|smiled|sighed|shrugged|nodded|who|whose|himself|herself)\b/;
const SAY_BEFORE = /\b(?:said|says|told|asked|wrote|added|explains|explained|adds)\s+$/;
// A post in an organisation before its name: "founder of Acme Labs", "head of Oxfam International".
const ORG_OF =
  /\b(?:president|vice-president|vice president|CEO|chief executive|chief|founder|co-founder|chairman|chairwoman|director|head|spokesman|spokeswoman|spokesperson|member|members|employee|employees|executive|executives|manager|editor|staff|board|shareholders|owner|owners|leader|leaders) (?:of|at|for) (?:the\s+)?$/;
const PERSON_VERB_AFTER =
  /^\s+(?:(?:also|then|later|soon|once|never|still|reportedly|successfully|eventually|finally|quickly|had|has|was|is|will|would)\s+)?(?:married|divorced|died|was born|grew up|studied|graduated|met|fell in love|lived|moved|wrote|sang|played|starred|directed|painted|composed|resigned|retired|smiled|laughed|dismisses|dismissed|suggested|regretted|impressed|preoccupies|herself|himself)\b/;
const COMPANY_ROLE_AFTER =
  /^\s+(?:CEO|CFO|COO|CTO|Chairman|Chairwoman|chairman|chairwoman|chief executive|chief financial officer|founder|co-founder|spokesman|spokeswoman|spokesperson|president|vice-president|director|executive|board|shares|stock)\b/;

const isCap = (w: string) =>
  /^[\p{Lu}\d][\p{L}\p{N}'’.&!-]*$/u.test(w) &&
  /\p{Lu}/u.test(w) &&
  !/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}®™©*]/u.test(w) &&
  !/^\d+(?:st|nd|rd|th|s|C|F|km|m|kg)?$/.test(w);
const has = (term: Term, ...tags: string[]) => tags.some((tg) => term.tags.includes(tg));
const bare = (w: string) => w.replace(/['’]s$/, '').replace(/[’']$/, '');

/**
 * The name candidates of `text.slice(start, end)` added to `found`, with offsets into `text`:
 * compromise tags one piece of an article at a time (its cost grows faster than the text), while
 * decideEnglish types the candidates of the whole article together, so every mention of a name
 * still agrees.
 */
export function findEnglishCandidates(text: string, start: number, end: number, found: Candidate[]): void {
  const piece = start === 0 && end === text.length ? text : text.slice(start, end);
  for (const terms of termsOf(tag(piece), piece)) {
    if (start) for (const term of terms) term.offset.start += start;
    findNames(terms, text, found);
  }
}

/**
 * compromise's tags without its post-tagger: the post-tagger's hundreds of match rules took 57% of
 * English recognition (a CPU profile of 5,000-character articles) and changed little that the rules
 * here use: en-uner-dev exact F1 0.790 → 0.787, the panel on the ten English gold articles the same
 * (0.992 right, 0.859 found), S&P 500 names found 0.946 → 0.944.
 */
function tag(piece: string): ReturnType<typeof nlp> {
  hooks ??= nlp.hooks().filter((h) => h !== 'postTagger');
  return nlp.tokenize(piece).compute(hooks) as ReturnType<typeof nlp>;
}
let hooks: string[] | null = null;

/**
 * Each sentence's terms with their offsets into `piece`. compromise keeps every character in a
 * term's text or the spaces and punctuation before and after it, so the offsets are a running sum;
 * its json({ offset: true }) works them out again for each term and took a quarter of English
 * recognition (a CPU profile of 5,000-character articles). Where the sum does not land on the
 * term's text, json() decides.
 */
function termsOf(doc: ReturnType<typeof nlp>, piece: string): Term[][] {
  const out: Term[][] = [];
  let at = 0;
  for (const sentence of doc.docs) {
    const terms: Term[] = [];
    for (const t of sentence) {
      at += t.pre.length;
      if (!piece.startsWith(t.text, at))
        return (doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: Term[] }>).map((x) => x.terms);
      terms.push({
        text: t.text,
        pre: t.pre,
        post: t.post,
        tags: [...(t.tags ?? [])],
        offset: { start: at, length: t.text.length },
      });
      at += t.text.length + t.post.length;
    }
    firstNamesBeforeNames(terms);
    out.push(terms);
  }
  return out;
}

/**
 * "Bill Gottlieb", "Rose Miller": a capitalised given name that is also a common word, one space
 * before a capitalised word that is no common word, is a first name (compromise's post-tagger would
 * say so from the same evidence; without the tag the name was dropped whole as a common word).
 */
function firstNamesBeforeNames(terms: Term[]): void {
  for (let k = 0; k + 1 < terms.length; k++) {
    const t = terms[k]!,
      next = terms[k + 1]!;
    if (
      t.post === ' ' &&
      /^\p{Lu}\p{Ll}+$/u.test(t.text) &&
      /^\p{Lu}\p{Ll}/u.test(next.text) &&
      !isCommonWord(bare(next.text)) &&
      givenNameToo(t.text) &&
      !t.tags.includes('FirstName')
    )
      t.tags.push('FirstName', 'Person');
  }
}

/** The names among the candidates found in `text`, typed; in steps (each yields nothing), as recognition() takes them. */
export function* decideEnglish(
  text: string,
  cands: Candidate[],
  unresolved?: Array<{ start: number; end: number }>,
): Generator<void, RawSpan[], void> {
  // E-mail display names: "Jane Doe" <rreynolds@…>.
  for (const m of text.matchAll(/"([^"<>\n]{2,40})"\s*<[^<>\s]+@/g)) {
    const start = m.index + 1;
    const end = start + m[1]!.trim().length;
    if (!/^\p{Lu}/u.test(m[1]!) || m[1]!.split(/\s+/).every((w) => isCommonWord(w))) continue;
    for (let k = cands.length - 1; k >= 0; k--) if (cands[k]!.start < end && start < cands[k]!.end) cands.splice(k, 1);
    cands.push({ start, end, i: 0, j: -1, terms: [], initial: false, type: 'person', strength: 3 });
  }
  cands.sort((a, b) => a.start - b.start);
  for (const [k, c] of cands.entries()) {
    if (c.j >= c.i && !c.weak) classify(c, text);
    if (k % STEP === STEP - 1) yield;
  }
  yield* decideFromText(cands, text);
  const out: RawSpan[] = [];
  for (const c of cands) {
    if (c.type) out.push({ start: c.start, end: c.end, type: c.type, confidence: englishConfidence(c, text) });
    else unresolved?.push({ start: c.start, end: c.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * How sure a typed name is, from the evidence that typed it (Candidate.strength): the name itself
 * or a title (3), the words around it (2), a list it stands in (1), a guess from its shape (0.5).
 * A name that looks like a product or a model ("MacBook Pro", "Galaxy S24") or a lone capital
 * letter is no person whatever typed it.
 */
function englishConfidence(c: Candidate, text: string): number {
  const name = text.slice(c.start, c.end);
  if (/^\p{Lu}\.?$/u.test(name) || /^(?:MR|MRS|MS|DR|ST|RE|FWD|ATTN)$/.test(name)) return 0;
  // Text in capitals (court transcripts, address labels, headings): the case says nothing, so a
  // name in capitals there is a guess unless it is a short acronym (NASA, FBI).
  if (!/\p{Ll}/u.test(name) && !/^[A-Z&]{2,4}$/.test(name) && inCapitals(text, c.start, c.end)) return 0.2;
  if ((c.type === 'person' || c.type === 'place') && (looksLikeProduct(name) || productLine(name, text))) return 0;
  // "Group A", "Plan B", "Vitamin C": a common word labelled by a letter is no name.
  const labelled = /^\s\p{Lu}(?![\p{L}\d]|\.\S)/u.test(text.slice(c.end, c.end + 4))
    ? name
    : /\s\p{Lu}$/u.test(name)
      ? name.slice(0, -2)
      : null;
  if (labelled && labelled.split(/\s+/).every((w) => isCommonWord(w.toLowerCase()))) return 0;
  return c.strength >= 3 ? 0.95 : c.strength >= 2 ? 0.85 : c.strength >= 1 ? 0.6 : 0.3;
}
/** Most letters around the name are capitals. */
function inCapitals(text: string, start: number, end: number): boolean {
  const around = text.slice(Math.max(0, start - 60), start) + text.slice(end, end + 60);
  const upper = (around.match(/\p{Lu}/gu) ?? []).length;
  const lower = (around.match(/\p{Ll}/gu) ?? []).length;
  return upper >= 12 && upper > 3 * lower;
}

// Names of products and models: a brand in one word with a capital inside after a common word
// ("MacBook", "PlayStation", "iPhone"; not "McCarthy" or "DiCaprio"), a last word that names a model
// or an edition ("… Pro", "… Air", "… Max", "Galaxy S24"), or two short words joined by a hyphen in
// capitals ("Wi-Fi").
const MODEL_WORD = /\s(?:Pro|Air|Max|Mini|Plus|Ultra|Lite|SE|XL|XS|Edition|[A-Z]?\d+[A-Za-z]*)(?:\s[A-Z])?$/;
function looksLikeProduct(name: string): boolean {
  if (MODEL_WORD.test(name) || /^\p{Lu}\p{Ll}?-\p{Lu}\p{Ll}?$/u.test(name)) return true;
  return name.split(/\s+/).some((w) => {
    if (/^[ie]\p{Lu}\p{Ll}/u.test(w)) return true;
    const m = /^(\p{Lu}\p{Ll}+)(\p{Lu}\p{Ll}+)$/u.exec(w);
    return !!m && isCommonWord(m[1]!.toLowerCase()) && isCommonWord(m[2]!.toLowerCase());
  });
}

/** "MacBook" where the text also writes "MacBook Pro": the name of a product line, the models' first word. */
function productLine(name: string, text: string): boolean {
  // The words written before a model word ("Pro", "S24"; not a year: "Paris 2024"), collected once
  // per text (one pass: a long article's thousands of names each look it up).
  if (lines.text !== text) {
    const words = new Set<string>();
    for (const m of text.matchAll(MODEL_AFTER)) words.add(m[1]!);
    lines = { text, words };
  }
  return lines.words.has(name);
}
const MODEL_AFTER =
  /(?<![\p{L}\d])(\p{Lu}[\p{L}\d]*)(?=\s(?:Pro|Air|Max|Mini|Plus|Ultra|Lite|SE|XL|XS|Edition|[A-Z]\d+[A-Za-z]*)(?![\p{L}\d]))/gu;
let lines: { text: string; words: Set<string> } = { text: '', words: new Set() };

/** Is the term at i the first word of its sentence (or of a quotation)? */
function isInitial(terms: Term[], i: number): boolean {
  const term = terms[i]!;
  return i === 0 || /["“:‘'\n]\s*$/.test(terms[i - 1]!.post) || /["“‘]\s*$/.test(term.pre) || /(?:^|\s)[-–—]\s*$/.test(term.pre);
}

function startsName(terms: Term[], i: number): boolean {
  const term = terms[i]!;
  const w = bare(term.text);
  const next = terms[i + 1];
  // "al-Rashid", "bin Salman": a particle before a capitalised word.
  if (
    NAME_PARTICLE.test(w) &&
    next &&
    isCap(next.text) &&
    (/^[-‐]$/.test(term.post) ||
      (/^(?:bin|ibn|bint|al|el)$/.test(w) && term.post === ' ') ||
      (i > 0 && HONORIFIC.test(terms[i - 1]!.text.replace(/\.$/, '')) && term.post === ' '))
  )
    return true;
  if (nameMonth(terms, i, false)) return true;
  // "There’ll", "Don’t": contractions are no names.
  if (/['’](?:ll|re|ve|d|m)$|n['’]t$/i.test(term.text)) return false;
  // "J. Robert Oppenheimer": an initial before a name.
  if (
    /^[A-Z]$/.test(term.text) &&
    /^\.\s+$/.test(term.post) &&
    next &&
    isCap(next.text) &&
    !isInitial(terms, i) &&
    has(next, 'FirstName', 'Person', 'ProperNoun')
  )
    return true;
  if (!isCap(w) || NOT_NAME.has(w) || HONORIFIC.test(w) || has(term, 'Date', 'Month', 'WeekDay', 'Pronoun')) return false;
  if (!isInitial(terms, i)) return true;
  // First word of a sentence: a name when the lexicon knows it as one, when it is no common
  // English word, or when a capitalised word follows and it is no function word.
  if (has(term, 'Person', 'Place', 'Organization', 'FirstName', 'LastName', 'Country', 'City', 'Region', 'Acronym'))
    return !has(term, 'Determiner', 'Preposition', 'Conjunction', 'QuestionWord', 'Adverb');
  if (/^[A-Z]{2,5}$/.test(w) && !isCommonWord(w)) return true;
  if ((PLACE_FIRST.has(w) || ORG_FIRST.has(w)) && next && isCap(next.text) && !NOT_NAME.has(next.text)) return true;
  // compromise's tags on a word it does not know are guesses from its ending ("Harrison" a past tense).
  const known =
    lexiconTag(w).length > 0 ||
    isCommonWord(w) ||
    (isCompound(w) &&
      !(
        next && /^(?:said|says|told|tells|added|adds|wrote|writes|explained|explains|asked|asks|argued|argues)$/.test(next.text)
      ));
  if (
    known &&
    has(
      term,
      'Verb',
      'Adverb',
      'Conjunction',
      'Preposition',
      'Determiner',
      'Adjective',
      'Expression',
      'Pronoun',
      'QuestionWord',
      'Plural',
    )
  )
    return false;
  if (!known) return true;
  return (
    !!next &&
    isCap(next.text) &&
    !NOT_NAME.has(next.text) &&
    !has(term, 'Verb', 'Adverb', 'Determiner', 'Preposition', 'Conjunction', 'Adjective', 'QuestionWord', 'Plural')
  );
}

function findNames(sentence: Term[], text: string, cands: Candidate[]) {
  // A headline in title case ("Dallas Gas Station Dies"): its capitalised common words are no names.
  const words = sentence.filter((t) => /\p{L}/u.test(t.text));
  const capitals = words.slice(1).filter((t) => /^\p{Lu}/u.test(t.text)).length;
  const last = sentence[sentence.length - 1];
  const titleCase =
    words.length >= 4 &&
    capitals >= 0.7 * (words.length - 1) &&
    words.some((t) => /\p{Ll}/u.test(t.text)) &&
    !!last &&
    !/[.!?:;,"”'’)]\s*$/.test(last.post);
  const surname = (k: number) => k > 0 && has(sentence[k - 1]!, 'FirstName') && /^\s+$/.test(sentence[k - 1]!.post);
  const terms = titleCase
    ? sentence.map((t, k) =>
        /^\p{Lu}\p{Ll}/u.test(t.text) && isCommonWord(t.text) && !lexiconTag(t.text).some((x) => NAME_TAG.test(x)) && !surname(k)
          ? { ...t, text: t.text.toLowerCase() }
          : t,
      )
    : sentence;
  let i = 0;
  while (i < terms.length) {
    if (!startsName(terms, i)) {
      // A capitalised word opening a sentence that is no name by itself ("Oracle agreed …") is one
      // when the rest of the text names it: decided only by its other mentions.
      const t = terms[i]!;
      const w = bare(t.text);
      if (
        isInitial(terms, i) &&
        isCap(w) &&
        /\p{Ll}/u.test(w) &&
        !NOT_NAME.has(w) &&
        !HONORIFIC.test(w) &&
        !has(t, 'Date', 'Month', 'WeekDay', 'Pronoun') &&
        !/['’]/.test(w)
      ) {
        cands.push({
          start: t.offset.start,
          end: t.offset.start + w.length,
          i,
          j: i,
          terms,
          initial: true,
          type: null,
          strength: 0,
          weak: true,
        });
      }
      i++;
      continue;
    }
    let j = i;
    // Extend over capitalised words, connectors between capitalised words, and hyphens.
    while (j + 1 < terms.length) {
      const cur = terms[j]!;
      const next = terms[j + 1]!;
      const initial = /^[A-Z]$|^(?:St|Mt|Ft|U\.S|Jr|Sr|Dr)$/.test(cur.text) && /^\.\s?$/.test(cur.post);
      // Hyphenated names: "Jae-yong", "al-Rashid", "Franco-German"; not "U.S.-based", "Swiss-made".
      if (
        /^[-‐]$/.test(cur.post) &&
        /^\p{L}/u.test(next.text) &&
        !/['’]s?$/.test(cur.text) &&
        !(/^\p{Ll}/u.test(next.text) && isCommonWord(next.text))
      ) {
        j++;
        continue;
      }
      if (
        !initial &&
        (/[,;:!?()"“”[\]/<>|=]|[.]\s|\.$|\s[-–—]+\s|^\s*[–—]+\s*$|\.\.|-\s|^['’‘]/.test(cur.post) || /[("“[<‘]/.test(next.pre))
      )
        break;
      // "People's Republic of Korea", "People's Party": the one possessive names are made with.
      if (/['’]s?$/.test(cur.text) && cur.text.length > 2 && !(/^Peoples?['’]s?$/.test(cur.text) && isCap(next.text))) break;
      if (
        (isCap(next.text) && !NOT_NAME.has(next.text) && !has(next, 'Date', 'Month', 'WeekDay') && !HONORIFIC.test(next.text)) ||
        (ROMAN.test(next.text) && isCap(cur.text)) ||
        nameMonth(terms, j + 1, true)
      ) {
        j++;
        continue;
      }
      // "de Souza", "bin Salman" inside a name.
      if (
        NAME_PARTICLE.test(next.text) &&
        terms[j + 2] &&
        isCap(terms[j + 2]!.text) &&
        (/^[-‐]$/.test(next.post) || /^(?:bin|ibn|al|el|van|von|de|da|di|du|der|den|la|le|del|della|dos|das)$/.test(next.text)) &&
        !/[,;:!?()"]/.test(next.post)
      ) {
        j += 2;
        continue;
      }
      const after = terms[j + 2];
      if (
        CONNECT.has(next.text.toLowerCase()) &&
        after &&
        isCap(after.text) &&
        !NOT_NAME.has(after.text) &&
        !/[,;:!?()"]/.test(next.post) &&
        (!ORG_CONNECT.has(next.text.toLowerCase()) ||
          next.text === '&' ||
          gazetteerName(terms.slice(i, j + 3)) ||
          (orgLike(terms.slice(i, j + 3)) && !gazetteerName(terms.slice(i, j + 1)) && !gazetteerName([after])))
      ) {
        j += 2;
        continue;
      }
      break;
    }
    let first = i;
    // Titles, nationalities and roles at the front are not part of the name: "Palestinian Leader
    // Mahmoud Abbas" → Mahmoud Abbas, "Scotsman James Watt" → James Watt.
    const front = (k: number) =>
      HONORIFIC.test(bare(terms[k]!.text)) ||
      (DEMONYMS.has(bare(terms[k]!.text)) && !has(terms[k]!, 'FirstName')) ||
      /^(?:Scotsman|Englishman|Irishman|Frenchman|Welshman|Dutchman|Former|Ex|Late|Then|Acting|Interim)$/.test(terms[k]!.text);
    let f = i;
    while (f < j && front(f) && isCap(terms[f + 1]!.text)) f++;
    if (
      f > i &&
      (j - f >= 1 || HONORIFIC.test(bare(terms[f - 1]!.text))) &&
      (has(terms[f]!, 'FirstName', 'Person') || HONORIFIC.test(bare(terms[f - 1]!.text))) &&
      !ORG_LAST.has(terms[j]!.text) &&
      !PLACE_LAST.has(terms[j]!.text)
    )
      first = f;
    // "Kentucky Democrats", "Ohio voters": a nationality or party word after a place is not part of it.
    while (j > first && DEMONYMS.has(bare(terms[j]!.text)) && /s$/.test(terms[j]!.text) && !CONNECT.has(terms[j - 1]!.text)) j--;
    // "CB Denzel Ward", "QB Tom Brady": a position in capitals before a first name.
    if (
      first === i &&
      j >= i + 2 &&
      /^[A-Z]{1,3}$/.test(terms[i]!.text) &&
      !/^\./.test(terms[i]!.post) &&
      (has(terms[i + 1]!, 'FirstName') || !isCommonWord(terms[i + 1]!.text)) &&
      !COUNTRY_SHORT.has(terms[i]!.text) &&
      !KNOWN_ORGS.has(terms[i]!.text) &&
      !ORG_LAST.has(terms[j]!.text)
    )
      first = i + 1;
    // "Defenseman Jonas Brodin", "Actress Kate Henshaw": a capitalised common noun opening the
    // sentence before a first name is a role, not part of the name.
    if (
      first === i &&
      j > i &&
      isInitial(terms, i) &&
      !EVENT_FIRST.has(terms[i]!.text) &&
      !PLACE_FIRST.has(terms[i]!.text) &&
      !ORG_FIRST.has(terms[i]!.text) &&
      (isCommonWord(bare(terms[i]!.text)) ||
        isCompound(bare(terms[i]!.text)) ||
        /^\p{Lu}\p{Ll}{3,}(?:man|woman)$/u.test(terms[i]!.text)) &&
      !lexiconTag(terms[i]!.text).some((t) => /Name|Person|Place|City|Country|Organization/.test(t)) &&
      has(terms[i + 1]!, 'FirstName') &&
      !ORG_LAST.has(terms[j]!.text) &&
      !PLACE_LAST.has(terms[j]!.text)
    )
      first = i + 1;
    const chunk = terms.slice(first, j + 1);
    const start = chunk[0]!.offset.start;
    let end = chunk[chunk.length - 1]!.offset.start + chunk[chunk.length - 1]!.offset.length;
    while (
      end > start &&
      /[\s.,;:!?'"’)\]]/.test(text[end - 1]!) &&
      !/^(?:[A-Z]\.)+$|^(?:Inc|Co|Corp|Ltd|Jr|Sr|St)\.$/.test(text.slice(start, end).split(' ').pop()!)
    )
      end--;
    if (/['’]s$/.test(text.slice(start, end))) end -= 2;
    if (/(?:^|\s)(?:Jr|Sr|Inc|Corp|Co|Ltd|St)$/.test(text.slice(start, end)) && text[end] === '.') end++;
    // "U.S.-based", "Kremlin-backed": the name is the part before the hyphen.
    const compound = text.slice(start, end).match(/^(.*\p{L}\.?)-(\p{Ll}+)$/u);
    if (compound && isCommonWord(compound[2]!)) end = start + compound[1]!.length;
    // "US Trade Representative Robert Lighthizer": a country, then common words of a title.
    if (
      j > first &&
      terms[j + 1] &&
      HONORIFIC.test(terms[j + 1]!.text) &&
      (COUNTRIES.has(bare(terms[first]!.text)) || COUNTRY_SHORT.has(terms[first]!.text)) &&
      terms.slice(first + 1, j + 1).every((x) => isCommonWord(x.text))
    ) {
      cands.push({
        start,
        end: terms[first]!.offset.start + bare(terms[first]!.text).length,
        i: first,
        j: first,
        terms,
        initial: isInitial(terms, i),
        type: null,
        strength: 0,
      });
      i = j + 1;
      continue;
    }
    // "Anne of Cleves", "Anne of Cleves": a person and a place, as UNER splits them.
    const of = chunk.findIndex((x) => x.text === 'of');
    const rest = of > 0 ? text.slice(chunk[of + 1]!.offset.start, end) : '';
    // The person by a first name, or as the one who speaks ("said Rosaly Lopes of NASA").
    const orgAfterOf =
      of > 1 &&
      (has(chunk[0]!, 'FirstName', 'Person') || SAY_BEFORE.test(text.slice(Math.max(0, start - 12), start))) &&
      (KNOWN_ORGS.has(rest) || /^[A-Z]{2,5}$/.test(rest));
    if (orgAfterOf) {
      // "Rosaly Lopes of NASA": a person and the organisation.
      cands.push({
        start,
        end: chunk[of - 1]!.offset.start + chunk[of - 1]!.offset.length,
        i: first,
        j: first + of - 1,
        terms,
        initial: isInitial(terms, i),
        type: null,
        strength: 0,
      });
      cands.push({
        start: chunk[of + 1]!.offset.start,
        end,
        i: first + of + 1,
        j,
        terms,
        initial: false,
        type: null,
        strength: 0,
      });
    } else if (
      (of === 1 &&
        has(chunk[0]!, 'FirstName') &&
        (COUNTRIES.has(rest) ||
          REGIONS.has(rest) ||
          CITIES.has(rest) ||
          lexiconTag(rest).some((t) => PLACE_TAGS.includes(t)) ||
          (chunk.length === 3 && !isCommonWord(rest)))) ||
      // "Yasutaka Uchiyama of Japan", as sports and news write who plays or speaks for a country: a
      // name of several words before "of" and a country is two names, unless the words before name
      // an organisation or a place ("Central Bank of Japan", "Democratic Republic of the Congo").
      (of > 1 &&
        COUNTRIES.has(rest) &&
        !chunk
          .slice(0, of)
          .some((x) => ORG_LAST.has(x.text) || ORG_FIRST.has(x.text) || PLACE_LAST.has(x.text) || PLACE_FIRST.has(x.text)))
    ) {
      cands.push({
        start,
        end: chunk[of - 1]!.offset.start + chunk[of - 1]!.offset.length,
        i: first,
        j: first + of - 1,
        terms,
        initial: isInitial(terms, i),
        type: null,
        strength: 0,
      });
      cands.push({
        start: chunk[of + 1]!.offset.start,
        end,
        i: first + of + 1,
        j,
        terms,
        initial: false,
        type: null,
        strength: 0,
        hint: 'place',
      });
    } else if (end > start) cands.push({ start, end, i: first, j, terms, initial: isInitial(terms, i), type: null, strength: 0 });
    i = j + 1;
  }
}

function gazetteerName(chunk: Term[]): boolean {
  const name = chunk.map((x) => x.text).join(' ');
  return COUNTRIES.has(name) || REGIONS.has(name) || CITIES.has(name) || US_STATES.has(name) || KNOWN_ORGS.has(name);
}

function orgLike(chunk: Term[]): boolean {
  return chunk.some((x) => ORG_LAST.has(x.text) || ORG_FIRST.has(x.text));
}

/** "Rainfall", "Lawmakers": two common words written as one, a common word too (at a sentence's start). */
function isCompound(w: string): boolean {
  const lower = w.toLowerCase();
  for (let k = 4; k <= lower.length - 4; k++) if (isCommonWord(lower.slice(0, k)) && isCommonWord(lower.slice(k))) return true;
  return false;
}

// Months that are also given names: "April Ryan", "Theresa May" (not "May 5", "in June").
const NAME_MONTH = /^(?:April|May|June|August)$/;
const nameMonth = (terms: Term[], k: number, afterName: boolean) => {
  const t = terms[k]!;
  const next = terms[k + 1];
  if (!NAME_MONTH.test(t.text) || (next && /^\d/.test(next.text) && /^\s*$/.test(t.post))) return false;
  return afterName
    ? /^\s+$/.test(terms[k - 1]!.post) &&
        (has(terms[k - 1]!, 'FirstName') || (has(terms[k - 1]!, 'Person') && !isCommonWord(terms[k - 1]!.text)))
    : !!next && /^\s+$/.test(t.post) && has(next, 'LastName', 'FirstName') && !has(next, 'Date');
};

const set = (c: Candidate, type: NameType | null, strength = 3) => {
  c.type = type;
  c.strength = strength;
};

/** Decides a candidate from the name itself and the words around it. */
function classify(c: Candidate, text: string) {
  const chunk = c.terms.slice(c.i, c.j + 1);
  const words = chunk.map((x) => bare(x.text));
  const name = text.slice(c.start, c.end);
  const first = words[0]!;
  const lastIdx = words.length - 1 - [...words].reverse().findIndex((w) => !ROMAN.test(w));
  const last = words[Math.min(words.length - 1, Math.max(0, lastIdx))]!;
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  const after = text.slice(c.end, c.end + 40);
  const next = c.terms[c.j + 1];
  const prev = c.terms[c.i - 1];
  const multi = words.length > 1;
  // A word used before a noun ("Swedish navy", "Alpine village") rather than as a noun.
  const modifier =
    !!next &&
    !/[,;:.!?()"“”]/.test(chunk[chunk.length - 1]!.post) &&
    /^\p{Ll}/u.test(next.text) &&
    has(next, 'Noun', 'Plural', 'Singular', 'Adjective') &&
    !has(next, 'Verb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Adverb');

  if (NOT_ENTITY.has(name) || NOT_ENTITY.has(first)) return set(c, null);
  // "Acme, Inc.": the legal form after a comma belongs to the name.
  const legal = after.match(/^,\s*(?:Inc|Ltd|LLC|Corp|Co|PLC|plc|LLP|L\.P|S\.A|AG|GmbH)\b\.?/);
  if (legal) {
    c.end += legal[0].length;
    return set(c, 'org');
  }
  if (/^(?:Inc|Ltd|LLC|Corp|Co|PLC|plc|LLP|GmbH)\.?$/.test(name) && /,\s*$/.test(before)) return set(c, null);
  // File and domain names, shouting ("NOTICE"), and titles of works in quotation marks.
  if (
    /\.(?:com|org|net|info|io|co|gov|edu|biz|tv|me|us|uk|de|fr|ca|au|jpg|jpeg|png|gif|pdf|html?|docx?|txt|exe|zip)$/i.test(
      name,
    ) ||
    /\.\./.test(name)
  )
    return set(c, null);
  if (/^[A-Z]{4,}$/.test(name) && isCommonWord(name)) return set(c, null);
  // Headings in capitals: "WHAT YOU NEED TO MAKE JAM", "HOW TO USE".
  if (multi && name === name.toUpperCase() && words.filter((w) => isCommonWord(w)).length * 2 >= words.length)
    return set(c, null);
  if (
    /["“‘']\s*$/.test(before) &&
    /^\s*[,.!?]?["”’']/.test(after) &&
    words.length > 1 &&
    words.some((w) => /^(?:If|You|Is|Are|To|In|On|At|A|An|The|And|Of|My|Your|I|Me|We|It)$/.test(w))
  )
    return set(c, null);
  // "Dayton, OH": a state's postal code after a town.
  if (STATE_CODES.has(name) && /\p{Lu}[\p{L}.]*,\s*$/u.test(before)) return set(c, 'place');
  if (
    STATE_CODES.has(name) &&
    /^(?:[A-Z]{2}|(?:[A-Z]\.){2})$/.test(name) &&
    /\b(?:in|from|across|throughout)\s+$/.test(before) &&
    !NOT_ACRONYM.has(name)
  )
    return set(c, 'place', 2);
  // "Tulsa, Oklahoma", "Boulder, Colorado", "Dayton, OH".
  const nextName = after.match(/^,\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)/u)?.[1]?.replace(/(?<=\p{Ll})\.$/u, '');
  if (
    nextName &&
    (STATE_CODES.has(nextName) ||
      US_STATES.has(nextName) ||
      US_STATES.has(nextName.split(' ')[0]!) ||
      COUNTRIES.has(nextName) ||
      COUNTRIES.has(nextName.split(' ')[0]!)) &&
    words.length <= 3 &&
    !chunk.some((x) => has(x, 'FirstName', 'Person', 'LastName')) &&
    !KNOWN_ORGS.has(name) &&
    !lookupTicker(name)
  )
    return set(c, 'place', 2);
  // A country's or city's team: "Wales are …", "this Brazil side", "beating Italy".
  if (
    (COUNTRIES.has(name) || CITIES.has(name)) &&
    (/^\s+(?:are|were|have|side|team|squad|XI|players|coach)\b/.test(after) ||
      /\b(?:beat|beating|beats|defeated|defeating|thrashed|drew with|lost to)\s+$/.test(before))
  )
    return set(c, 'org', 2);
  // "Cleveland Browns", "New York Yankees": a place and a plural are a team.
  const placePart = words.slice(0, -1).join(' ');
  if (
    multi &&
    /\p{Ll}s$/u.test(last) &&
    !DEMONYMS.has(last) &&
    !PLACE_LAST.has(last) &&
    !ORG_LAST.has(last) &&
    !GEO_PLURAL.test(last) &&
    (CITIES.has(placePart) || US_STATES.has(placePart) || COUNTRIES.has(placePart))
  )
    return set(c, 'org', 2);
  // Whole names in the gazetteer first: "Left Bank" is no bank, "Republic of Korea" a country.
  if (multi && (COUNTRIES.has(name) || US_STATES.has(name) || REGIONS.has(name) || CITIES.has(name)) && !KNOWN_ORGS.has(name))
    return set(c, 'place');
  if (ORG_LAST.has(last) && multi && !DEMONYMS.has(name)) return set(c, 'org');
  // The head before "of": "National Rifle Association of America", "Federal Republic of Nigeria".
  const head = words.findIndex((w, k) => k > 0 && words[k + 1] === 'of');
  if (head > 0 && /^(?:Republic|Kingdom|Principality|Duchy|Emirate|Sultanate|Commonwealth)$/.test(words[head]!))
    return set(c, 'place');
  if (head > 0 && ORG_LAST.has(words[head]!)) return set(c, 'org');
  if (KNOWN_ORGS.has(name) || / & /.test(name)) return set(c, 'org');
  if (ORG_FIRST.has(first) && multi) return set(c, 'org');
  // "UN Women", "CNN International"; "Downtown BID".
  if (
    multi &&
    ((KNOWN_ORGS.has(first) && /^[A-Z.]{2,}$/.test(first)) ||
      (/^[A-Z]{2,5}$/.test(last) && !NOT_ACRONYM.has(last) && !COUNTRY_SHORT.has(last) && !STATE_CODES.has(last)))
  )
    return set(c, 'org');
  if (multi && EVENT_FIRST.has(first)) {
    c.event = words.slice(1).join(' ');
    return set(c, null);
  }
  if (multi && EVENT_LAST.has(last)) return set(c, null);
  // Nationalities, languages, peoples and faiths.
  const demonym =
    words.every(
      (w) => DEMONYMS.has(w) || DIRECTION.test(w) || COMBINING.test(w) || /^(?:Native|First|Nations|Peoples?)$/.test(w),
    ) || DEMONYMS.has(name);
  if (demonym) {
    const place = COUNTRIES.has(name) || REGIONS.has(name);
    return set(c, place && !modifier ? 'place' : null);
  }
  // A nationality with common words: "Provisional Irish", "Old Norse", "Native American Church".
  if (
    multi &&
    words.some((w) => DEMONYMS.has(w)) &&
    words.every((w) => DEMONYMS.has(w) || DIRECTION.test(w) || (isCommonWord(w) && !ORG_LAST.has(w) && !PLACE_LAST.has(w)))
  )
    return set(c, null);
  if (!multi && /(?:ians|eans|ites|ists|ese)$/.test(first) && !COUNTRIES.has(first) && !REGIONS.has(first)) return set(c, null);
  // People of a place: "South Dakotans", "New Yorkers", "Latin Americans".
  if (
    /(?:ans|ers)$/.test(last) &&
    [name.replace(/ns$/, ''), name.replace(/ans$/, ''), name.replace(/ers$/, ''), name.replace(/ians$/, 'ia')].some(
      (p) => COUNTRIES.has(p) || US_STATES.has(p) || REGIONS.has(p) || CITIES.has(p),
    )
  )
    return set(c, null);
  // Gazetteers.
  if (COUNTRY_SHORT.has(name))
    return set(c, /\d\s*$/.test(before) ? null : KNOWN_ORGS.has(name) && !/^(?:EU|E\.U\.)$/.test(name) ? 'org' : 'place');
  const placeName = COUNTRIES.has(name) || US_STATES.has(name) || REGIONS.has(name) || CITIES.has(name);
  if (placeName) {
    if (
      PERSON_LIKE_PLACES.has(name) &&
      (SAY_AFTER.test(after) ||
        PERSON_BEFORE.test(before) ||
        (has(chunk[0]!, 'FirstName') && has(chunk[chunk.length - 1]!, 'LastName')))
    )
      return set(c, 'person', 2);
    if (modifier && !COUNTRIES.has(name) && !US_STATES.has(name) && !CITIES.has(name) && DEMONYMS.has(name)) return set(c, null);
    return set(c, 'place');
  }
  // "Wichita North", "Sydney West": a direction after a place names a part of it (or a school there).
  if (
    multi &&
    CARDINAL.test(last) &&
    words.length === 2 &&
    (COUNTRIES.has(first) || US_STATES.has(first) || CITIES.has(first) || lexiconTag(first).some((t) => PLACE_TAGS.includes(t)))
  )
    return set(c, 'place', 2);
  // "Southern Chile" is Algeria.
  if (multi && CARDINAL.test(first) && (COUNTRIES.has(words.slice(1).join(' ')) || US_STATES.has(words.slice(1).join(' ')))) {
    c.start += chunk[1]!.offset.start - chunk[0]!.offset.start;
    return set(c, 'place');
  }
  if (PLACE_LAST.has(last) && multi) return set(c, 'place');
  if (PLACE_FIRST.has(first) && multi && !has(chunk[0]!, 'FirstName')) return set(c, 'place');
  if (companyTicker(name, text) && multi) return set(c, 'org');
  if (
    prev &&
    /^\.?\s+$/.test(prev.post) &&
    !/\S/.test(chunk[0]!.pre) &&
    HONORIFIC.test(prev.text.replace(/\.$/, '')) &&
    !/^(?:CEO|CFO|COO|CTO|Founder|Cofounder|Co-founder|Chairman|Chair|Chairwoman)$/.test(prev.text)
  )
    return set(c, 'person');
  if (PERSON_BEFORE.test(before) && !ORG_BEFORE.test(before)) return set(c, 'person', 2);
  // "the Carter administration", "the Obama presidency".
  if (/^\s+(?:administration|presidency)\b/.test(after) && !c.initial) return set(c, 'person', 2);
  if (ORG_BEFORE.test(before) || ORG_OF.test(before)) return set(c, 'org', 2);
  // "OpenAI CEO", "Samsung chairman": the name before a company role is the company.
  if (COMPANY_ROLE_AFTER.test(after) && !chunk.some((x) => has(x, 'Person', 'FirstName'))) return set(c, 'org', 2);
  if (ORG_AFTER.test(after) && !chunk.some((x) => has(x, 'FirstName'))) return set(c, 'org', 2);
  // "the Ottoman empire", "the Ming dynasty": ruling houses are organisations (UNER).
  if (/^\s+(?:dynasty|empire|monarchy|clan)\b/.test(after)) return set(c, 'org', 2);
  // compromise's place tags from its lexicon; those it infers from context ("a state Trump won")
  // are not taken.
  const isPlaceWord = (x: Term) =>
    lexiconTag(bare(x.text)).some((t) => PLACE_TAGS.includes(t)) ||
    (has(x, ...PLACE_TAGS) && !isCommonWord(bare(x.text)) && !/\bstate\s+$/i.test(text.slice(0, x.offset.start)));
  const placeish = chunk.every(
    (x) => isPlaceWord(x) || CONNECT.has(x.text.toLowerCase()) || DIRECTION.test(x.text) || /^(?:New|United|Great)$/.test(x.text),
  );
  if (placeish && chunk.some(isPlaceWord)) return set(c, 'place');
  // compromise's person tags, not counting particles ("al" in "al-Tanf" is tagged a person too).
  const nameWords = chunk.filter((x) => !NAME_PARTICLE.test(x.text));
  const lexPerson = (x: Term) =>
    lexiconTag(bare(x.text)).some((t) => /^(?:Person|FirstName|LastName|MaleName|FemaleName)$/.test(t));
  if (
    NAME_PARTICLE.test(chunk[0]!.text)
      ? nameWords.some(lexPerson)
      : nameWords.some((x) => has(x, 'Person', 'FirstName', 'LastName', 'Honorific'))
  ) {
    // Two names or a known last name are sure; "Morgan" alone is a guess.
    return set(c, 'person', nameWords.length > 1 || has(nameWords[0]!, 'LastName') ? 3 : SAY_AFTER.test(after) ? 2 : 1);
  }
  if (words.some((w) => lexiconTag(w).includes('Organization'))) return set(c, 'org');
  if (companyTicker(name, text)) return set(c, 'org');
  if (/^[A-Z]{2,}s$/.test(name)) return set(c, null);
  if (/^(?:[A-Z]\.?){2,6}$/.test(name) || /^[A-Z]{2,}[a-z]?[A-Z]*$/.test(name))
    return set(c, NOT_ACRONYM.has(name.replace(/\./g, '')) || /\d\s*$/.test(before) ? null : 'org');
  const kind = kindFromHypernym(c, text);
  if (kind) return set(c, kind, 2);
  // "said Okonkwo." — but in "said WeWork needs …" the name begins what was said.
  if (
    ((SAY_AFTER.test(after) || PERSON_VERB_AFTER.test(after)) && (multi || !isCommonWord(first))) ||
    (SAY_BEFORE.test(before) && /^\s*(?:[,.;:!?)"”]|$)/.test(after))
  )
    return set(c, 'person', 2);
  if (PLACE_BEFORE.test(before) && !/^\s*(?:'s|’s)/.test(after)) return set(c, 'place', 1);
  set(c, null, 0);
}

const PERSON_CLASS =
  /^(?:people|persons|figures|leaders|politicians|historians|writers|authors|novelists|poets|artists|painters|composers|musicians|singers|actors|actresses|players|athletes|stars|celebrities|scholars|scientists|philosophers|thinkers|economists|critics|journalists|presidents|kings|queens|rulers|emperors|generals|officials|ministers|founders|executives|entrepreneurs|candidates|students|friends|colleagues|guys|men|women|individuals|characters|saints|prophets|directors|filmmakers|designers|architects|commentators|analysts|experts|activists|clerics)$/;
const ORG_CLASS =
  /^(?:companies|firms|corporations|businesses|groups|organi[sz]ations|institutions|agencies|websites|sites|services|platforms|networks|newspapers|papers|publications|magazines|broadcasters|channels|banks|lenders|insurers|brands|retailers|stores|chains|carriers|airlines|operators|manufacturers|makers|automakers|carmakers|startups|start-ups|providers|publishers|labels|studios|teams|clubs|parties|movements|militias|universities|colleges|schools|charities|unions|giants|rivals|competitors|suppliers|clients|customers|sponsors|investors|funds)$/;
const PLACE_CLASS =
  /^(?:cities|towns|villages|countries|nations|states|provinces|regions|areas|places|islands|territories|districts|counties|capitals|ports|destinations|locations|markets|economies|emitters|neighbours|neighbors|continents|republics|kingdoms|communities|municipalities|suburbs|neighbourhoods|neighborhoods)$/;

/**
 * A class word around the name: "brands such as Nokia", "historians, such as Chandler and
 * Weller", "cities like Milan", "Tikrit and other towns". Names listed after the first one are
 * found by walking back over the list.
 */
function kindFromHypernym(c: Candidate, text: string): NameType | null {
  const classOf = (w: string | undefined): NameType | null =>
    !w ? null : PERSON_CLASS.test(w) ? 'person' : ORG_CLASS.test(w) ? 'org' : PLACE_CLASS.test(w) ? 'place' : null;
  // Walk back over earlier items of a list: "such as Reddit, Twitter and [Spotify]".
  let at = c.start;
  for (let k = 0; k < 8; k++) {
    const back = text.slice(Math.max(0, at - 60), at);
    const m = back.match(/(\p{L}+)(?:,)?\s+(?:such as|like|including|especially|notably|namely)\s+(?:the\s+)?$/u);
    if (m) return classOf(m[1]!.toLowerCase());
    const item = back.match(/(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/u);
    if (!item) break;
    at -= item[0].length;
  }
  const m = text.slice(c.end, c.end + 40).match(/^(?:,)?\s+(?:and|or)\s+(?:other|many other|several other|similar)\s+(\p{L}+)/u);
  return classOf(m?.[1]?.toLowerCase());
}

/**
 * What the rest of the text says: every mention of a name takes the type of its surest mention,
 * a person's last name (or unusual first name) alone is that person, names listed together share
 * the type most of them have, and what is left and is no common English word is a guess: a place
 * by its ending or an article before it, otherwise a person.
 */
// Candidates typed in one step.
const STEP = 100;

function* decideFromText(cands: Candidate[], text: string): Generator<void, void, void> {
  const nameOf = (c: Candidate) => text.slice(c.start, c.end);
  const events = new Set(cands.map((c) => c.event).filter((e) => e !== undefined));
  for (const c of cands) if (c.strength < 3 && events.has(nameOf(c))) set(c, null, 3);
  const agree = (min: number) => {
    // For each name, the evidence for each type (or for its being no name) summed over its mentions.
    const votes = new Map<string, Map<NameType | null, number>>();
    const vote = (name: string, type: NameType | null, w: number) => {
      const v = votes.get(name) ?? new Map<NameType | null, number>();
      v.set(type, (v.get(type) ?? 0) + w);
      votes.set(name, v);
    };
    for (const c of cands) if (c.strength >= min) vote(nameOf(c), c.type, c.strength);
    // A person named in full makes the last name alone (and an unusual first name) that person.
    for (const c of cands) {
      if (c.type !== 'person' || c.strength < 2) continue;
      const parts = nameOf(c).split(' ');
      if (parts.length < 2) continue;
      for (const part of [parts[parts.length - 1]!, ...(isCommonWord(parts[0]!) ? [] : [parts[0]!])])
        if (!ROMAN.test(part)) vote(part, 'person', c.strength);
    }
    // An organisation named in full makes its name without the ending that organisation
    // ("Kestrel Group" → "Kestrel", "Zandora Airlines" → "Zandora"; not a common word: "Interior").
    for (const c of cands) {
      if (c.type !== 'org' || c.strength < 2) continue;
      const parts = nameOf(c).split(' ');
      const rest = parts.slice(0, -1).join(' ');
      if (parts.length >= 2 && ORG_LAST.has(parts[parts.length - 1]!) && !isCommonWord(rest)) vote(rest, 'org', c.strength);
    }
    for (const c of cands) {
      const v = votes.get(nameOf(c));
      if (!v || c.strength >= 3) continue;
      const [type, w] = [...v.entries()].sort((x, y) => y[1] - x[1])[0]!;
      if (type !== c.type && w > (v.get(c.type) ?? 0)) set(c, type, Math.min(2.5, w));
    }
  };
  agree(1);
  yield;
  // Lists: "Nokia, Ericsson and Siemens", "Lennon, McCartney and Harrison": names joined by commas
  // and a closing "and"/"or" share the type most of the typed ones have.
  const lists = () => {
    for (let n = 0; n < cands.length;) {
      let m = n;
      let closed = false;
      while (m + 1 < cands.length) {
        const sep = text.slice(cands[m]!.end, cands[m + 1]!.start);
        if (/^(?:,\s*(?:and|or)\s+|\s+(?:and|or)\s+)$/.test(sep)) closed = true;
        else if (!/^,\s*$/.test(sep) || closed) break;
        m++;
      }
      const run = cands.slice(n, m + 1);
      if (closed && run.length > 1) {
        const votes = new Map<NameType, number>();
        for (const c of run) if (c.type) votes.set(c.type, (votes.get(c.type) ?? 0) + c.strength);
        const best = [...votes.entries()].sort((x, y) => y[1] - x[1])[0];
        if (best) for (const c of run) if (c.strength === 0 && !c.weak && !isCommonWord(nameOf(c))) set(c, best[0], 1);
      }
      n = m + 1;
    }
  };
  lists();
  yield;
  for (const [k, c] of cands.entries()) {
    if (k % STEP === STEP - 1) yield;
    if (c.strength > 0 || c.weak) continue;
    const type = guess(c, text);
    if (type) set(c, type, 0.5);
  }
  // Guesses count in lists too: "Lennon, McCartney and Harrison" opens a sentence with a name.
  lists();
  yield;
  // Last, mentions of one name agree, guesses included ("the Sabres" and "Sabres" alike).
  agree(0.5);
}

/** The last resort for a name nothing else decided. */
function guess(c: Candidate, text: string): NameType | null {
  const name = text.slice(c.start, c.end);
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!;
  // Common words make no guess, unless the name is capitalised throughout and opens with an
  // unknown word ("Mary Robinson" yes, "Apple Watch" no).
  if (
    words.some((w) => isCommonWord(bare(w)) && !/^(?:of|de|al|bin|van|von)$/.test(w)) &&
    !(words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w)) && !isCommonWord(bare(words[0]!)))
  )
    return null;
  if (/^[A-Z0-9.&-]+$/.test(name) || /\d/.test(name) || /^\p{Lu}$/u.test(name)) return null;
  // A word opening a sentence alone is a name only as the subject of a verb ("Okonkwo made …").
  const nextTerm = c.terms[c.j + 1];
  if (
    c.initial &&
    words.length === 1 &&
    !(nextTerm && /^\s*$/.test(c.terms[c.j]!.post) && has(nextTerm, 'Verb')) &&
    !/^(?:,\s*(?:who|whose)\b|\s?['’]s\s)/.test(text.slice(c.end, c.end + 10))
  )
    return null;
  const before = text.slice(Math.max(0, c.start - 12), c.start);
  const after = text.slice(c.end, c.end + 30);
  if (c.hint) return c.hint;
  // "400 Nm", "5 GB": a unit after a number.
  if (/\d\s*$/.test(before)) return null;
  // Places by their shape ("Rotterdam", "Mycenae", "Anatolia"), by a place noun after them
  // ("the Saket area") or after "the": a person's name rarely takes an article ("the Danevirke").
  if (words.length === 1 && PLACE_SUFFIX.test(last) && !has(c.terms[c.i]!, 'FirstName')) return 'place';
  if (
    /^(?:['’]s)?\s+(?:area|district|region|province|neighbourhood|neighborhood|suburb|county|valley|coast|island|peninsula|river|municipality|prefecture|governorate)\b/.test(
      after,
    )
  )
    return 'place';
  // "the Ming dynasty", "the Ottoman empire": ruling houses are organisations (UNER).
  if (/^\s+(?:dynasty|empire|monarchy|regime|clan|house)\b/.test(after)) return 'org';
  // "the Sabres", "the Khitans": teams, bands or peoples; no guess.
  if (/\bthe\s+$/i.test(before) && words.length === 1 && /[^suio]s$/.test(last)) return null;
  if (/\b(?:the|at)\s+$/i.test(before) && !has(c.terms[c.i]!, 'FirstName')) return 'place';
  // Modifiers of peoples and their things ("Richter scale" is left alone too), and
  // names of craft, products and works ("Galileo spacecraft", "Europa Clipper mission").
  if (
    /^\s*(?:'s|’s)?\s*(?:[-–]\s*)?\p{Ll}/u.test(after) &&
    /^\s+(?:\p{Ll}+ing|\p{Ll}+ed)?\s*(?:army|troops|forces|people|language|dialects?|culture|cuisine|style|era|period|dynasty|empire|state|city|cities|coast|border|region|government|society|province|village|villages|tribes?|community|communities|spacecraft|probe|rover|mission|telescope|satellite|rocket|aircraft|jet|plane|ship|vessel|submarine|tank|rifle|phone|phones|smartphone|tablet|laptop|app|software|browser|console|model|models|car|cars|sedan|vehicle|engine|drug|vaccine|album|song|film|movie|novel|book|series|show|game|classification|scale|index|theorem|effect|syndrome|method|system|award|prize|key|button|keyboard|chip|processor|device|feature|update|version|edition|lineup|brand)\b/u.test(
      after,
    )
  )
    return null;
  // Endings of company names: "Commerzbank", "Investopedia", "Infotech".
  if (words.length === 1 && /\p{Ll}(?:bank|soft|tech|corp|com|net|media|works|labs|pedia|ware|book|mart|air)$/u.test(name))
    return 'org';
  // Capitals inside a word: "WeWork", "SoftBank" are brands, unlike "McDowell" or "DiCaprio".
  if (
    words.length === 1 &&
    /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(name) &&
    !/^(?:Mc|Mac|Di|De|Da|La|Le|Van|Von|O'|D'|Fitz|St)\p{Lu}/u.test(name)
  )
    return 'org';
  return 'person';
}
