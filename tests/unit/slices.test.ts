// Long work in slices: the event loop gets a turn whenever a slice has run its time, progress is
// told, and a stop ends the work between two steps (its `finally` runs).
import { part, runInSlices } from '@/lib/slices';

/** A clock that moves `ms` each time it is read, and a pause that counts the turns given. */
function fakeTime(ms: number) {
  let t = 0;
  const turns = { count: 0 };
  return { now: () => (t += ms), pause: async () => void turns.count++, turns };
}

function* work(steps: number, log: string[]): Generator<number, string, void> {
  try {
    for (let i = 1; i <= steps; i++) yield i / steps;
    return 'done';
  } finally {
    log.push('finally');
  }
}

test('a slice ends once it has run its time: the event loop gets a turn, progress is told', async () => {
  const time = fakeTime(10); // every step takes 10 ms
  const shares: number[] = [];
  const log: string[] = [];
  const result = await runInSlices(work(30, log), { sliceMs: 30, onProgress: (s) => shares.push(s), ...time });
  expect(result).toBe('done');
  // Steps of 10 ms in slices of 30 ms: a turn every two or three steps, never thirty steps in one go.
  expect(time.turns.count).toBeGreaterThanOrEqual(9);
  expect(shares).toEqual([...shares].sort((a, b) => a - b));
  expect(shares.at(-1)).toBeLessThanOrEqual(1);
  expect(log).toEqual(['finally']);
});

test('quick work takes no turn at all', async () => {
  const time = fakeTime(0.01);
  expect(await runInSlices(work(100, []), time)).toBe('done');
  expect(time.turns.count).toBe(0);
});

test('a stop ends the work at the next turn: nothing more runs, and the work cleans up', async () => {
  const stop = new AbortController();
  const log: string[] = [];
  let steps = 0;
  function* counted(): Generator<number, void, void> {
    try {
      for (; steps < 1000; steps++) yield steps / 1000;
    } finally {
      log.push('finally');
    }
  }
  const time = fakeTime(40);
  const pause = async () => {
    await time.pause();
    if (time.turns.count === 3) stop.abort();
  };
  await expect(runInSlices(counted(), { signal: stop.signal, now: time.now, pause })).rejects.toThrow();
  expect(steps).toBeLessThan(5);
  expect(log).toEqual(['finally']);
});

test('part() maps the shares of one part into its place in the whole', () => {
  const shares = [...part(work(4, []), 0.5, 1)];
  expect(shares).toEqual([0.625, 0.75, 0.875, 1]);
});
