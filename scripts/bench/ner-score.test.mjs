import { test } from 'node:test';
import assert from 'node:assert/strict';
import { score } from './ner-score.mjs';

test('exact needs the same span and type; relaxed accepts an overlap of the same type', () => {
  const r = score(
    [
      {
        gold: [
          { start: 0, end: 4, type: 'ORG' },
          { start: 10, end: 13, type: 'PERSON' },
        ],
        pred: [
          { start: 0, end: 5, type: 'ORG' },
          { start: 10, end: 13, type: 'PERSON' },
          { start: 20, end: 22, type: 'PLACE' },
        ],
        annotated: ['ORG', 'PERSON', 'PLACE'],
      },
    ],
    ['PERSON', 'ORG', 'PLACE'],
  );
  assert.equal(r.types.PERSON.exact.f1, 1);
  assert.equal(r.types.ORG.exact.precision, 0);
  assert.equal(r.types.ORG.relaxed.f1, 1);
  assert.equal(r.overall.exact.precision, 1 / 3);
  assert.equal(r.overall.exact.recall, 1 / 2);
});

test('types a sentence does not annotate are not scored', () => {
  const r = score([{ gold: [], pred: [{ start: 0, end: 4, type: 'DATE' }], annotated: ['PERSON'] }], ['PERSON', 'DATE']);
  assert.equal(r.types.DATE.exact.support, 0);
  assert.equal(r.overall.exact.precision, 0);
  assert.equal(r.overall.relaxed.recall, 0);
});
