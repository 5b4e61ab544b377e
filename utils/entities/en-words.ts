// Common English words (data/en-words.json, built by scripts/build-en-words.mjs from SUBTLEX-US
// word counts): words most often written in lower case. A capitalised word opening a sentence is
// taken for a name only when it is not one of these ("Seagal made …", not "Several analysts …"),
// and a capitalised word that is one needs more evidence than its capital to be a name.
import { unpack } from 'efrt';
import data from './data/en-words.json';

let common: Set<string> | null = null;

export function isCommonWord(word: string): boolean {
  common ??= new Set(Object.keys(unpack((data as { words: string }).words)));
  const w = word.toLowerCase();
  return common.has(w) || (/(?:s|es|ies)$/.test(w) && (common.has(w.replace(/ies$/, 'y')) || common.has(w.replace(/e?s$/, ''))));
}
