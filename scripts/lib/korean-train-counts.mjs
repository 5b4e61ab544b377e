// What the KLUE training sample says about words, beyond the words never in a name
// (korean-ner-io.mjs commonWords): counted by scripts/build-korean-common-words.mjs over all of
// ko-klue-train.jsonl for lib/entities/korean/common-words.ts, and by bench:entities per
// cross-validation fold over that fold's training rows only. Rows are readKlue rows.

/**
 * The syllables of Korean given names: the last two syllables of every three-syllable person whose
 * first syllable is a surname (`surnames`). A "name" with a syllable no given name had (마이닝: 닝,
 * a loanword; 송암배: 암) is not shaped like a Korean name. Sorted, as one string.
 */
export function givenNameSyllables(rows, surnames) {
  const seen = new Set();
  for (const r of rows)
    for (const e of r.entities) {
      const w = r.text.slice(e.start, e.end);
      if (e.type === 'person' && /^[가-힣]{3}$/.test(w) && surnames.has(w[0])) for (const ch of w.slice(1)) seen.add(ch);
    }
  return [...seen].sort().join('');
}

/**
 * The gazetteer places (`places`) the sample tags as a whole organisation at least as often as a
 * place, and at least `min` times (북한 8:3, 개성공단 2:1: a state or a body acting). Any other
 * gazetteer place the model types as an organisation is a place (서울 0:11, 파리 0:5). Sorted.
 */
export function placesNamedAsOrgs(rows, places, min = 2) {
  const counts = new Map();
  for (const r of rows)
    for (const e of r.entities) {
      const w = r.text.slice(e.start, e.end);
      if (!places.has(w) || (e.type !== 'org' && e.type !== 'place')) continue;
      const c = counts.get(w) ?? { org: 0, place: 0 };
      c[e.type]++;
      counts.set(w, c);
    }
  return [...counts]
    .filter(([, c]) => c.org >= min && c.org >= c.place)
    .map(([w]) => w)
    .sort();
}

/**
 * The given names of persons named in two words or more (제니퍼 로렌스, 데이빗 핀처: the first word),
 * Hangul only. A person the model finds in full with one of these first is shaped like a name even
 * without a title. Sorted.
 */
export function foreignGivenNames(rows) {
  const seen = new Set();
  for (const r of rows)
    for (const e of r.entities) {
      const words = r.text.slice(e.start, e.end).split(/\s+/);
      if (e.type === 'person' && words.length >= 2 && /^[가-힣]+$/.test(words[0])) seen.add(words[0]);
    }
  return [...seen].sort();
}

/**
 * The head nouns of organisations: the endings (two or three syllables) of the last word of the
 * sample's organisations that end at least `min` distinct organisations (위원회, 병원, 대학, 은행,
 * 대표팀) and are common nouns themselves (`isNoun`; 지브리, 코리아 are not). A one-word place with
 * such a word after it is one organisation (mergePlaces: 콜로라도 대학, 일본 대표팀 — every one of
 * the 7 such places in the sample). Sorted.
 */
export function orgHeads(rows, isNoun, min = 3) {
  const spans = new Map();
  for (const r of rows)
    for (const e of r.entities) {
      if (e.type !== 'org') continue;
      const last = r.text.slice(e.start, e.end).split(' ').pop();
      if (!/^[가-힣]+$/.test(last)) continue;
      for (let k = 2; k <= 3 && k <= last.length; k++) {
        const end = last.slice(-k);
        if (!spans.has(end)) spans.set(end, new Set());
        spans.get(end).add(r.text.slice(e.start, e.end));
      }
    }
  return [...spans]
    .filter(([w, s]) => s.size >= min && isNoun(w))
    .map(([w]) => w)
    .sort();
}

/**
 * The gazetteer places (`places`) the sample uses more often as ordinary words than inside a name,
 * and at least `min` times so (선전 "propaganda", not the city Shenzhen; 음성 "voice", not the
 * county): a word of its own, or with a particle from `josa` (선전으로), counted as a name when it
 * lies inside a person, organisation or place. Such a place is no sure name. Sorted.
 */
export function placesUsedAsWords(rows, places, josa, min = 2) {
  const counts = new Map();
  for (const r of rows)
    for (const m of r.text.matchAll(/\S+/g)) {
      const lead = /^[^가-힣A-Za-z0-9]*/.exec(m[0])[0].length;
      let word = m[0].slice(lead).replace(/[^가-힣A-Za-z0-9]+$/, '');
      if (!places.has(word)) {
        let core = null;
        for (let k = Math.min(3, word.length - 1); k >= 1 && !core; k--)
          if (josa.has(word.slice(-k)) && places.has(word.slice(0, -k))) core = word.slice(0, -k);
        if (!core) continue;
        word = core;
      }
      const start = m.index + lead;
      const inName = r.entities.some(
        (e) => (e.type === 'person' || e.type === 'org' || e.type === 'place') && e.start < start + word.length && start < e.end,
      );
      const c = counts.get(word) ?? { name: 0, word: 0 };
      c[inName ? 'name' : 'word']++;
      counts.set(word, c);
    }
  return [...counts]
    .filter(([, c]) => c.word >= min && c.word > c.name)
    .map(([w]) => w)
    .sort();
}
