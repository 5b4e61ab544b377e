// Common Korean nouns (골키퍼, 주유소, 고양이, 조카 …) as a Bloom filter: a "person" the tagger finds
// that is exactly a common noun is dropped (names are rarely common nouns; measured on ko-klue-dev
// and by cross-validation on the training news, README.md). The list is the common-noun part of
// @nlpjs/lang-ko's dictionary (MIT, AXA Group Operations Spain S.A.; the nouns come from
// open-korean-text, Apache-2.0), words of two to four syllables; `node scripts/train-korean-ner.mjs
// --import-nouns DICT.json` rebuilds nouns-data.ts from it.
import { bloomHas } from '@/lib/entities/korean/bloom';
import { base64ToBytes } from '@/lib/entities/korean/codec';
import { NOUNS_B64, NOUNS_BITS, NOUNS_HASHES } from '@/lib/entities/korean/nouns-data';

let filter: Uint8Array | null = null;

/** Whether a word (two to four Hangul syllables) is a common noun of the list. */
export function isCommonNoun(word: string): boolean {
  if (!/^[가-힣]{2,4}$/.test(word)) return false;
  filter ??= base64ToBytes(NOUNS_B64);
  return bloomHas(filter, NOUNS_BITS, NOUNS_HASHES, word);
}
