// English names: compromise (the "two" build: tokenizer, lexicon and part-of-speech tagger) reads
// the sentence; our rules then chunk capitalised words into names and decide person, organisation
// or place from the lexicon's tags, name endings ("… Inc", "University of …", "… River"), the
// words around the name and the ticker table. bench:entities measures this against compromise's own
// people()/organizations()/places() on the same sentences.
import nlp from 'compromise/two';
import type { RawSpan } from './patterns';
import { lookupTicker } from './tickers';

interface Term {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

const ORG_LAST = new Set(
  'Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. LLC PLC plc Group Holdings Bank Bancorp University College School Institute Institution Association Society Agency Authority Administration Bureau Council Committee Commission Department Ministry Office Party Union Federation League Foundation Fund Trust Church Army Navy Force Forces Guard Police Court Parliament Congress Senate Assembly Cabinet Government Times Post News Journal Press Herald Tribune Gazette Magazine Network Airlines Airways Motors Systems Technologies Labs Laboratories Industries Electronics Pharmaceuticals Entertainment Studios Records Media Club FC Team Council Center Centre Hospital Clinic Museum Library Organization Organisation Coalition Alliance Movement Brigade Corps Command Service Services Board Exchange Reserve Network'.split(' '),
);
const ORG_FIRST = new Set('University Ministry Department Bank Bureau Institute Council Committee Commission Office Board Church House Court Federation Association Museum Government'.split(' '));
const PLACE_LAST = new Set(
  'River Sea Ocean Island Islands Mountain Mountains Mount Lake Bay Gulf Valley Hills Hill Desert Peninsula Strait Street Avenue Road Square Park Bridge County Province City Town Village District Region Coast Canyon Falls Beach Station Airport Heights Forest Plain Plains Basin Delta Channel Cape Point Harbor Harbour'.split(' '),
);
const PLACE_FIRST = new Set('Mount Lake Cape Port Fort Saint St. St Gulf Bay Isle'.split(' '));
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Gen|Col|Capt|Lt|Sgt|Rev|Sen|Rep|Gov|Pres|President|Senator|Governor|Minister|Prime|King|Queen|Prince|Princess|Pope|Chancellor|Judge|Justice|Secretary|Mayor|General|Colonel|Captain|Ambassador|Chairman|Director|Professor|Saint|Sheikh|Ayatollah|Imam|Premier|Emperor|Empress|Representative|Commissioner|Chief|Officer|Lieutenant|Sergeant|Admiral|Bishop|Cardinal|Archbishop|Father|Brother|Sister|Uncle|Aunt|CEO|CFO|COO|CTO|Chair|Chairwoman|Founder|Cofounder|Co-founder|Vice)\.?$/;
const CONNECT = new Set(['of', 'de', 'del', 'della', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'la', 'le', 'y', '&', 'for', 'and', 'the']);
// Connectors that join only inside an organisation's name ("Bank of the West", "Johnson & Johnson").
const ORG_CONNECT = new Set(['&', 'for', 'and', 'the']);
const ROMAN = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/;
// Acronyms that are not names (eras, times of day, common nouns).
const NOT_ACRONYM = new Set('BC AD BCE CE AM PM TV DNA RNA IPO CEO CFO CTO GDP HIV AIDS OK FAQ PC ID PDF USB ADHD FYI LOL IMO BTW ASAP DIY RSS HTML URL CD DVD GPS SMS PS PPS NB AKA ETA VIP MP PR HR IT QA AI VR AR TBA TBD RIP OMG WTF'.split(' '));
// Short forms of countries and regions written as initials.
const PLACE_ACRONYM = /^(?:U\.?S\.?A?\.?|U\.?K\.?|UAE|U\.A\.E\.|D\.C\.|DC|B\.C\.|NYC|L\.A\.|EU|E\.U\.)$/;
const PLACE_SUFFIX = /(?:ia|ium|ae|stan|land|burg|bourg|berg|shire|ville|polis|grad|abad|pur|istan|sia|nesia|ica|ana|ina|ania|onia|oma|ovo|ovia)$/;
// Capitalised words that are not names on their own.
const NOT_NAME = new Set(
  'I The A An This That These Those It Its He She We They You My Our Your His Her Their There Here What When Where Why How Who Which If But And Or So Yet Also Then Now Just Please Thanks Thank Hi Hello Dear Yes No Not All Some Any Each Every One Two Three Mr Mrs Ms Dr God Internet Web OK Ok Re Fwd Subject Note Update Edit PS Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Christmas Easter'.split(' '),
);
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region', 'Address'];
const PLACE_BEFORE = /\b(?:in|from|to|at|near|into|across|across|throughout|outside|inside|toward|towards|via|of)\s+(?:the\s+)?$/;

const isCap = (w: string) => /^[\p{Lu}\d][\p{L}\p{N}'’.&-]*$/u.test(w) && /\p{L}/u.test(w) && !/^\d+(?:st|nd|rd|th|s)?$/.test(w);
const has = (term: Term, ...tags: string[]) => tags.some((tg) => term.tags.includes(tg));

export function recognizeEnglish(text: string): RawSpan[] {
  const out: RawSpan[] = [];
  // Capitalised words left untyped (or skipped at a sentence's start), decided again at the end
  // from the names the rest of the text made sure of: "Altman said" after "Sam Altman".
  const pending: Array<{ start: number; end: number }> = [];
  const doc = nlp(text);
  const sentences = doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: Term[] }>;
  for (const { terms } of sentences) {
    let i = 0;
    while (i < terms.length) {
      if (!startsName(terms, i)) {
        const w = terms[i]!;
        if (i === 0 && isCap(w.text) && !NOT_NAME.has(w.text)) pending.push({ start: w.offset.start, end: w.offset.start + w.text.replace(/['’]s$/, '').length });
        i++;
        continue;
      }
      let j = i;
      // Extend over capitalised words, connectors between capitalised words, and hyphens.
      while (j + 1 < terms.length) {
        const cur = terms[j]!;
        const next = terms[j + 1]!;
        const initial = /^[A-Z]$|^(?:St|Mt|Ft|U\.S|Jr|Sr|Dr)$/.test(cur.text) && /^\.\s?$/.test(cur.post);
        if (!initial && (/[,;:!?()"“”[\]/]|[.]\s|\.$/.test(cur.post) || /[("“[]/.test(next.pre))) break;
        if (/'s$|’s$/.test(cur.text)) break;
        // Hyphenated names: "Jae-yong", "al-Sadr".
        if (cur.post === '-' && /^\p{L}/u.test(next.text)) {
          j++;
          continue;
        }
        if ((isCap(next.text) && !NOT_NAME.has(next.text) && !has(next, 'Date', 'Month', 'WeekDay') && !HONORIFIC.test(next.text)) || ROMAN.test(next.text)) {
          j++;
          continue;
        }
        const after = terms[j + 2];
        if (CONNECT.has(next.text.toLowerCase()) && after && isCap(after.text) && !/[,;:!?()"]/.test(next.post) && (!ORG_CONNECT.has(next.text.toLowerCase()) || orgLike(terms.slice(i, j + 3)))) {
          j += 2;
          continue;
        }
        break;
      }
      const chunk = terms.slice(i, j + 1);
      const start = chunk[0]!.offset.start;
      let end = chunk[chunk.length - 1]!.offset.start + chunk[chunk.length - 1]!.offset.length;
      while (end > start && /[\s.,;:!?'"’)]/.test(text[end - 1]!) && !/^(?:[A-Z]\.)+$/.test(text.slice(start, end).split(' ').pop()!)) end--;
      if (/['’]s$/.test(text.slice(start, end))) end -= 2;
      const type = classify(chunk, terms, i, text, start, end);
      if (type) out.push({ start, end, type });
      else pending.push({ start, end });
      i = j + 1;
    }
  }
  const known = new Map<string, RawSpan['type']>();
  for (const s of out) {
    const name = text.slice(s.start, s.end);
    if (!known.has(name)) known.set(name, s.type);
    const parts = name.split(' ');
    if (s.type === 'person' && parts.length > 1 && !known.has(parts[parts.length - 1]!)) known.set(parts[parts.length - 1]!, 'person');
  }
  for (const p of pending) {
    const type = known.get(text.slice(p.start, p.end));
    if (type) out.push({ ...p, type });
  }
  return out.sort((a, b) => a.start - b.start);
}

function startsName(terms: Term[], i: number): boolean {
  const term = terms[i]!;
  const w = term.text.replace(/['’]s$/, '');
  if (!isCap(w) || NOT_NAME.has(w) || HONORIFIC.test(w) || has(term, 'Date', 'Month', 'WeekDay', 'Pronoun')) return false;
  const initial = i === 0 || /["“:]\s*$/.test(terms[i - 1]!.post) || /^["“]/.test(term.pre);
  if (!initial) return true;
  // First word of a sentence: a name only when the lexicon says so or a capitalised word follows.
  if (has(term, 'Person', 'Place', 'Organization', 'FirstName', 'LastName', 'Country', 'City', 'Acronym')) return true;
  const next = terms[i + 1];
  return !!next && isCap(next.text) && !has(term, 'Verb', 'Adverb', 'Determiner', 'Preposition', 'Conjunction', 'Adjective', 'QuestionWord');
}

function orgLike(chunk: Term[]): boolean {
  return chunk.some((x) => ORG_LAST.has(x.text) || ORG_FIRST.has(x.text));
}

function classify(chunk: Term[], terms: Term[], i: number, text: string, start: number, end: number): RawSpan['type'] | null {
  const words = chunk.map((x) => x.text.replace(/['’]s$/, ''));
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const name = text.slice(start, end);
  const before = text.slice(Math.max(0, start - 24), start);
  if (PLACE_ACRONYM.test(name)) return /\d\s*$/.test(before) ? null : 'place';
  if (ORG_LAST.has(last) || (ORG_FIRST.has(first) && words.length > 1) || chunk.some((x) => has(x, 'Organization'))) return 'org';
  if (PLACE_LAST.has(last) || (PLACE_FIRST.has(first) && words.length > 1)) return 'place';
  if (lookupTicker(name) && words.length > 1) return 'org';
  const prev = terms[i - 1];
  if (prev && HONORIFIC.test(prev.text)) return 'person';
  // "OpenAI CEO", "Samsung chairman": the name before a company role is the company.
  if (/^\s+(?:CEO|CFO|COO|CTO|Chairman|Chairwoman|chairman|chief executive|founder|co-founder|spokesman|spokeswoman|spokesperson)\b/.test(text.slice(end, end + 20)) && !chunk.some((x) => has(x, 'Person', 'FirstName'))) return 'org';
  const placeish = chunk.every((x) => has(x, ...PLACE_TAGS) || CONNECT.has(x.text.toLowerCase()) || /^(?:North|South|East|West|New|Northern|Southern|Eastern|Western|Central|Upper|Lower|United|Great|Outer|Inner)$/.test(x.text));
  if (placeish && chunk.some((x) => has(x, ...PLACE_TAGS))) return 'place';
  if (chunk.some((x) => has(x, 'Person', 'FirstName', 'LastName', 'Honorific'))) return 'person';
  // Nationalities, languages, peoples and other adjectives are not names here.
  if (chunk.every((x) => has(x, 'Demonym', 'Adjective', 'Plural') || /(?:ish|ian|ese|ans|ic)$/.test(x.text))) return null;
  if (lookupTicker(name)) return 'org';
  if (/^(?:[A-Z]\.?){2,6}$/.test(name) || /^[A-Z]{2,}[a-z]?[A-Z]*$/.test(name)) return NOT_ACRONYM.has(name.replace(/\./g, '')) || /\d\s*$/.test(before) ? null : 'org';
  if (/^[A-Z]{2,}s$/.test(name)) return null;
  if (PLACE_BEFORE.test(before)) return 'place';
  if (words.length === 1 && PLACE_SUFFIX.test(name)) return 'place';
  // Someone who speaks or writes: "Leive said", "Seagal, who …".
  if (/^[\s,]*(?:said|says|told|wrote|writes|added|asked|replied|argued|explained|noted|who|himself|herself)\b/.test(text.slice(end, end + 20))) return 'person';
  // Otherwise a capitalised word with no evidence is left alone: a wrong mark costs more than a missing one.
  return null;
}
