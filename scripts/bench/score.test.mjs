// Self-check of the benchmark metric: `node --test scripts/bench/` (or `npm run bench:selftest`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, matchPage, pageF1, precisionOf, recallOf, shingles, tokenize } from './score.mjs';

const close = (a, b) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('tokens are Unicode letters, digits and underscore', () => {
  assert.deepEqual(tokenize('대통령은 15일 "말했다." snake_case, café'), ['대통령은', '15일', '말했다', 'snake_case', 'café']);
  assert.deepEqual(tokenize('東京都に、雨。', 'char'), ['東', '京', '都', 'に', '雨']);
  assert.deepEqual(tokenize(''), []);
});

test('shingles are a multiset of 4-token windows; short texts are one shingle', () => {
  const s = shingles('x y z w x y z w');
  assert.equal(s.size, 4);
  assert.equal(
    [...s.values()].reduce((a, b) => a + b),
    5,
  );
  assert.equal(shingles('hello world').size, 1);
  assert.equal(shingles('').size, 0);
});

test('identical texts score 1, disjoint texts 0', () => {
  const m = matchPage('one two three four five', 'one two three four five');
  assert.deepEqual(m, { tp: 1, fp: 0, fn: 0 });
  assert.equal(precisionOf(m), 1);
  assert.equal(recallOf(m), 1);
  const d = matchPage('a b c d', 'e f g h');
  assert.equal(precisionOf(d), 0);
  assert.equal(recallOf(d), 0);
});

test('counts are normalised so that tp + fp + fn = 1', () => {
  // truth has shingles abcd, bcde; prediction only abcd.
  const m = matchPage('a b c d e', 'a b c d');
  close(m.tp, 0.5);
  close(m.fn, 0.5);
  assert.equal(m.fp, 0);
  assert.equal(precisionOf(m), 1);
  close(recallOf(m), 0.5);
  close(pageF1(m), 2 / 3);
  // Repeated shingles count as often as they occur.
  const r = matchPage('x y z w x y z w', 'x y z w');
  close(recallOf(r), 0.2);
});

test('aggregate skips precision where nothing was predicted and recall where nothing was expected', () => {
  const perfect = matchPage('a b c d e', 'a b c d e');
  const missed = matchPage('a b c d e', '');
  const spurious = matchPage('', 'a b c d e');
  const bothEmpty = matchPage('', '');
  assert.deepEqual(bothEmpty, { tp: 0, fp: 0, fn: 0 });
  const agg = aggregate([perfect, missed, spurious, bothEmpty]);
  close(agg.precision, 0.5); // perfect 1, spurious 0
  close(agg.recall, 0.5); // perfect 1, missed 0
  close(agg.f1, 0.5);
});
