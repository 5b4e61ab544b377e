// Common English words: words most often written in lower case. A capitalised word opening a
// sentence is taken for a name only when it is not one of these ("Seagal made …", not "Several
// analysts …"), and a capitalised word that is one needs more evidence than its capital to be a
// name. Two sources: compromise's own lexicon (words it knows as anything but a name), and
// data/en-words.json, built by scripts/build-en-words.mjs from SUBTLEX-US word counts, which holds
// the common words compromise's lexicon lacks.
import nlp from 'compromise/two';
import { unpack } from 'efrt';
import data from '@/lib/entities/data/en-words.json';

// Tags that make a lexicon entry a name rather than a common word.
export const NAME_TAG =
  /^(?:FirstName|LastName|MaleName|FemaleName|Person|Place|City|Country|Region|Organization|ProperNoun|SportsTeam|Honorific)$/;

let common: Set<string> | null = null;
let lexicon: Record<string, string | string[]> | null = null;

/** The tags compromise's lexicon gives a word (lower-cased), or none. */
export function lexiconTag(word: string): string[] {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const t = lexicon[word.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

let switches: Record<string, string> | null = null;
/**
 * A given name that is also a common word ("Bill", "Rose", "Frank", "Pat"): compromise's lexicon
 * lists these as switches between a person and a noun, verb, adjective or date, which its
 * post-tagger (not run here, english.ts tag()) settles from the words around them.
 */
export function givenNameToo(word: string): boolean {
  switches ??= (nlp.model() as { two: { switches: Record<string, string> } }).two.switches;
  return /^Person\|(?:Noun|Verb|Adj|Date)$/.test(switches[word.toLowerCase()] ?? '');
}

const known = (w: string) => common!.has(w) || lexiconTag(w).some((t) => !NAME_TAG.test(t));

export function isCommonWord(word: string): boolean {
  common ??= new Set(Object.keys(unpack((data as { words: string }).words)));
  const w = word.toLowerCase();
  return known(w) || (/(?:s|es|ies)$/.test(w) && (known(w.replace(/ies$/, 'y')) || known(w.replace(/e?s$/, ''))));
}
