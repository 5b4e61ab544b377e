// Recognition and marking in steps (issue 21): the text is recognized piece by piece, so the work
// grows with the text and the page gets its turns; the answer is recognize()'s, and a stop
// halfway leaves no mark behind.
import { readFileSync } from 'node:fs';
import { chunks, recognition, recognize } from '@/lib/entities';
import { highlightEntities, highlighting, removeHighlights, removing, textOf } from '@/lib/entities/dom';
import { runInSlices } from '@/lib/slices';

const KOREAN = readFileSync('tests/fixtures/korean/mk-1/expected.txt', 'utf8');
const ENGLISH = [
  'Sam Altman, the chief executive of OpenAI, met Samsung Electronics chairman Lee Jae-yong in Seoul on Friday.',
  'Altman said the company would spend $500 billion on data centres by 2029, according to Reuters.',
  'Microsoft and Nvidia shares rose 3% in New York after the announcement.',
].join('\n');
const long = (text: string, chars: number) => {
  let out = '';
  while (out.length < chars) out += `${text}\n`;
  return out;
};

/** A clock that moves 31 ms at every reading (every step ends a slice) and a pause that counts the turns. */
function everyStepATurn() {
  let t = 0;
  const turns = { count: 0 };
  return { now: () => (t += 31), pause: async () => void turns.count++, turns };
}

describe('pieces', () => {
  it('cover the text exactly, end after a line where they can, and none is long', () => {
    const text = long(KOREAN, 60_000);
    const pieces = chunks(text);
    expect(pieces[0]![0]).toBe(0);
    expect(pieces.at(-1)![1]).toBe(text.length);
    for (const [k, [start, end]] of pieces.entries()) {
      if (k > 0) expect(start).toBe(pieces[k - 1]![1]);
      expect(end - start).toBeLessThanOrEqual(1000);
      expect(end - start).toBeGreaterThan(0);
    }
    expect(pieces.filter(([, end]) => text[end - 1] === '\n').length).toBeGreaterThan(pieces.length * 0.9);
  });

  it('cut one enormous line after sentences, never inside a word', () => {
    const text = ENGLISH.replace(/\n/g, ' ').repeat(300);
    const pieces = chunks(text);
    expect(pieces.length).toBeGreaterThan(text.length / 1000);
    for (const [, end] of pieces.slice(0, -1)) expect(text.slice(end - 2, end)).toMatch(/[.] $/);
  });
});

describe.each([
  ['Korean', KOREAN, 'ko'],
  ['English', ENGLISH, 'en'],
])('recognition in steps (%s)', (_, sample, lang) => {
  const text = long(sample, 20_000);

  it('finds what recognize() finds, with a turn for the page after every piece', async () => {
    const time = everyStepATurn();
    const sliced = await runInSlices(recognition(text, lang), time);
    expect(sliced).toEqual(recognize(text, lang));
    expect(sliced.length).toBeGreaterThan(20);
    // Never the whole text in one go: at least one turn per piece.
    expect(time.turns.count).toBeGreaterThanOrEqual(chunks(text).length);
  });

  it('goes over the whole article’s spans in steps too (a long article has tens of thousands)', async () => {
    const longer = long(sample, 200_000);
    const time = everyStepATurn();
    const spans = await runInSlices(recognition(longer, lang), time);
    expect(spans.length).toBeGreaterThan(4000);
    // A turn at every piece and then at every 2,000 spans, not the 4,000 and more in one go.
    let last = -1;
    let afterPieces = 0;
    const steps = recognition(longer, lang);
    for (let step = steps.next(); !step.done; step = steps.next()) {
      if (step.value === 1 && last === 1) afterPieces++;
      last = step.value;
    }
    expect(afterPieces).toBeGreaterThanOrEqual(Math.floor(spans.length / 2000) - 1);
  });
});

describe('marking in steps', () => {
  const page = () => {
    const root = document.createElement('div');
    for (let i = 0; i < 600; i++) {
      const p = document.createElement('p');
      p.append(
        'Sam Altman met ',
        Object.assign(document.createElement('b'), { textContent: 'Lee Jae-yong' }),
        ` in Seoul (${i}).`,
      );
      root.append(p);
    }
    return root;
  };
  const spansOf = (root: Element) => recognize(textOf(root).text, 'en');

  it('draws what highlightEntities draws, in many slices', async () => {
    const once = page();
    highlightEntities(once, spansOf(once), ['person', 'place']);
    const sliced = page();
    const time = everyStepATurn();
    await runInSlices(highlighting(sliced, spansOf(sliced), ['person', 'place']), time);
    expect(sliced.innerHTML).toBe(once.innerHTML);
    expect(sliced.querySelectorAll('mark.ra-ent').length).toBeGreaterThan(1000);
    expect(time.turns.count).toBeGreaterThan(3);
  });

  it('stopped halfway, leaves no mark: the text is as it was', async () => {
    const root = page();
    const before = root.innerHTML;
    const stop = new AbortController();
    const time = everyStepATurn();
    let halfway = 0;
    const pause = async () => {
      await time.pause();
      // The first turn once some marks are drawn (the text is read in a few steps before).
      if (!halfway && root.querySelector('mark.ra-ent')) {
        halfway = root.querySelectorAll('mark.ra-ent').length;
        stop.abort();
        removeHighlights(root);
      }
    };
    const drawing = runInSlices(highlighting(root, spansOf(root), ['person', 'place']), {
      now: time.now,
      pause,
      signal: stop.signal,
    });
    await expect(drawing).rejects.toThrow();
    expect(halfway).toBeGreaterThan(0);
    expect(root.querySelectorAll('mark').length).toBe(0);
    expect(root.innerHTML).toBe(before);
  });

  it('takes the marks away in many slices: the text is exactly as it was', async () => {
    const root = page();
    const before = root.innerHTML;
    highlightEntities(root, spansOf(root), ['person', 'place']);
    expect(root.querySelectorAll('mark.ra-ent').length).toBeGreaterThan(1000);
    const time = everyStepATurn();
    await runInSlices(removing(root), time);
    expect(time.turns.count).toBeGreaterThan(1);
    expect(root.querySelectorAll('mark').length).toBe(0);
    expect(root.innerHTML).toBe(before);
  });

  it('a removal stopped halfway leaves the rest on record: removeHighlights, or a new highlighting, takes it away', async () => {
    for (const finish of ['remove', 'highlight again'] as const) {
      const root = page();
      const before = root.innerHTML;
      const spans = spansOf(root);
      highlightEntities(root, spans, ['person', 'place']);
      const drawn = root.innerHTML;
      const stop = new AbortController();
      const time = everyStepATurn();
      let halfway = 0;
      const pause = async () => {
        await time.pause();
        if (time.turns.count === 1) {
          halfway = root.querySelectorAll('mark.ra-ent').length;
          stop.abort();
        }
      };
      await expect(runInSlices(removing(root), { now: time.now, pause, signal: stop.signal })).rejects.toThrow();
      expect(halfway).toBeGreaterThan(0);
      expect(root.querySelectorAll('mark.ra-ent').length).toBe(halfway);
      if (finish === 'remove') {
        removeHighlights(root);
        expect(root.innerHTML).toBe(before);
      } else {
        highlightEntities(root, spans, ['person', 'place']);
        expect(root.innerHTML).toBe(drawn);
        removeHighlights(root);
        expect(root.innerHTML).toBe(before);
      }
    }
  });
});
