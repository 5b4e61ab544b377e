// @vitest-environment node
// The engine: cache first, misses batched by size, at most a few requests in flight, retries with
// backoff on 429/5xx (Retry-After honoured), partial results kept, cancel.
import { makeBatches, translateAll } from '@/lib/translate/engine';
import { MemoryTranslationCache } from '@/lib/translate/cache';
import { TranslateError, type Translator } from '@/lib/translate/types';

const paragraphs = (n: number, len = 100) => Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} `.padEnd(len, 'x'));

/** A translator that records each call; `behave` may throw or delay per call. */
function recorder(behave: (texts: string[], call: number) => Promise<string[] | void> | string[] | void = () => undefined) {
  const calls: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const translator: Translator = {
    cacheId: 'fake',
    async translate(texts) {
      calls.push(texts);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((r) => setTimeout(r, 1));
        const custom = await behave(texts, calls.length);
        return custom ?? texts.map((s) => `T(${s})`);
      } finally {
        inFlight--;
      }
    },
  };
  return { translator, calls, maxInFlight: () => maxInFlight };
}

const noWait = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
};

test('batches hold at most maxChars and maxItems, in order; a long paragraph goes alone', () => {
  const texts = ['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(50), 'd'.repeat(10), 'e'.repeat(10), 'f'.repeat(10)];
  expect(makeBatches(texts, [0, 1, 2, 3, 4, 5], 60, 10)).toEqual([
    [0, 1],
    [2, 3],
    [4, 5],
  ]);
  expect(makeBatches(texts, [0, 1, 2, 3, 4, 5], 1000, 2)).toEqual([
    [0, 1],
    [2, 3],
    [4, 5],
  ]);
  expect(makeBatches(['x'.repeat(500), 'y'], [0, 1], 100, 10)).toEqual([[0], [1]]);
  // A smaller first batch: the top of the article comes back first.
  expect(makeBatches(texts, [0, 1, 2, 3, 4, 5], 1000, 50, 40)).toEqual([[0], [1, 2, 3, 4, 5]]);
});

test('40 paragraphs go in a few requests of bounded size, at most 3 at a time, each result delivered once', async () => {
  const texts = paragraphs(40, 200);
  const { translator, calls, maxInFlight } = recorder();
  const results: [number, string][] = [];
  const progress: [number, number][] = [];
  const out = await translateAll(texts, {
    translator,
    from: 'en',
    to: 'ko',
    maxBatchChars: 1000,
    firstBatchChars: 1000,
    onResult: (i, s) => results.push([i, s]),
    onProgress: (d, n) => progress.push([d, n]),
  });
  expect(out).toEqual(texts.map((s) => `T(${s})`));
  expect(calls.length).toBe(8); // 5 paragraphs of 200 chars per request
  expect(calls.every((c) => c.join('').length <= 1000)).toBe(true);
  expect(maxInFlight()).toBeLessThanOrEqual(3);
  expect(maxInFlight()).toBeGreaterThan(1);
  expect(results.map(([i]) => i).sort((a, b) => a - b)).toEqual(texts.map((_, i) => i));
  expect(progress[progress.length - 1]).toEqual([40, 40]);
  expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
});

test('a second run of the same article is served by the cache: no request at all', async () => {
  const texts = paragraphs(12);
  const cache = new MemoryTranslationCache();
  const first = recorder();
  await translateAll(texts, { translator: first.translator, from: 'en', to: 'ko', cache });
  expect(first.calls.length).toBeGreaterThan(0);
  const second = recorder();
  const results: number[] = [];
  const out = await translateAll(texts, {
    translator: second.translator,
    from: 'en',
    to: 'ko',
    cache,
    onResult: (i) => results.push(i),
  });
  expect(second.calls.length).toBe(0);
  expect(results).toHaveLength(12);
  expect(out).toEqual(texts.map((s) => `T(${s})`));
  // Only the paragraphs not seen before are sent; identical paragraphs go once; blanks never.
  const third = recorder();
  await translateAll([texts[0]!, 'New one', 'New one', '  '], { translator: third.translator, from: 'en', to: 'ko', cache });
  expect(third.calls).toEqual([['New one']]);
});

test('429 and 5xx are retried with growing backoff; Retry-After is honoured', async () => {
  const { waits, sleep } = noWait();
  const { translator, calls } = recorder((_, n) => {
    if (n === 1) throw new TranslateError('rate-limit', '429', { status: 429, retryAfterMs: 7000 });
    if (n === 2) throw new TranslateError('server', '503', { status: 503 });
    if (n === 3) throw new TranslateError('server', '502', { status: 502 });
  });
  const out = await translateAll(['one', 'two'], { translator, from: 'en', to: 'ko', sleep, backoffMs: 100 });
  expect(out).toEqual(['T(one)', 'T(two)']);
  expect(calls.length).toBe(4);
  // Retry-After: 7 s, counted down a second at a time (translate-wait.test.ts), then the backoffs.
  expect(waits.slice(0, 7)).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 1000]);
  expect(waits[7]).toBeGreaterThanOrEqual(200); // 100 × 2^1, plus jitter
  expect(waits[8]).toBeGreaterThanOrEqual(400);
  expect(waits[8]).toBeGreaterThan(waits[7]!);
  expect(waits).toHaveLength(9);
});

test('retries stop after the limit; a bad key is not retried', async () => {
  const { sleep } = noWait();
  const failing = recorder(() => {
    throw new TranslateError('server', '500', { status: 500 });
  });
  await expect(
    translateAll(['a'], { translator: failing.translator, from: 'en', to: 'ko', sleep, retries: 2 }),
  ).rejects.toMatchObject({ kind: 'server', status: 500 });
  expect(failing.calls.length).toBe(3);
  const auth = recorder(() => {
    throw new TranslateError('auth', '403', { status: 403 });
  });
  await expect(translateAll(['a'], { translator: auth.translator, from: 'en', to: 'ko', sleep })).rejects.toMatchObject({
    kind: 'auth',
  });
  expect(auth.calls.length).toBe(1);
});

test('when a batch fails for good, what did translate is kept (and cached), and the error says why', async () => {
  const cache = new MemoryTranslationCache();
  const texts = paragraphs(6, 100);
  const { translator } = recorder((batch) => {
    if (batch[0]!.startsWith('Paragraph 5 ')) throw new TranslateError('quota', '456', { status: 456 });
  });
  const results = new Map<number, string>();
  const err = await translateAll(texts, {
    translator,
    from: 'en',
    to: 'ko',
    cache,
    maxBatchChars: 200,
    concurrency: 1,
    onResult: (i, s) => results.set(i, s),
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TranslateError);
  expect((err as TranslateError).kind).toBe('quota');
  expect([...results.keys()].sort()).toEqual([0, 1, 2, 3]);
  expect(await cache.getMany('fake', 'en', 'ko', texts.slice(0, 4))).toEqual(texts.slice(0, 4).map((s) => `T(${s})`));
});

test('a wrong number of translations splits the batch until the answers fit', async () => {
  const { translator, calls } = recorder((batch) => (batch.length > 2 ? batch.slice(1).map((s) => `T(${s})`) : undefined));
  const out = await translateAll(['a', 'b', 'c', 'd', 'e'], { translator, from: 'en', to: 'ko' });
  expect(out).toEqual(['T(a)', 'T(b)', 'T(c)', 'T(d)', 'T(e)']);
  expect(calls.map((c) => c.length)).toEqual([5, 3, 2, 1, 2]);
  const never = recorder(() => []);
  await expect(translateAll(['a', 'b'], { translator: never.translator, from: 'en', to: 'ko' })).rejects.toMatchObject({
    kind: 'malformed',
  });
});

test('cancel: the promise rejects as cancelled, requests are aborted, nothing arrives afterwards', async () => {
  const controller = new AbortController();
  const seen: AbortSignal[] = [];
  let results = 0;
  const translator: Translator = {
    cacheId: 'slow',
    translate: (texts, _f, _t, signal) => {
      seen.push(signal);
      // Never answers unless aborted: only cancel can end this run.
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))),
      );
    },
  };
  const run = translateAll(paragraphs(10, 500), {
    translator,
    from: 'en',
    to: 'ko',
    signal: controller.signal,
    maxBatchChars: 500,
    onResult: () => results++,
  });
  await new Promise((r) => setTimeout(r, 5));
  expect(seen.length).toBe(3);
  controller.abort();
  await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
  expect(seen.every((s) => s.aborted)).toBe(true);
  expect(results).toBe(0);
  await expect(translateAll(['x'], { translator, from: 'en', to: 'ko', signal: controller.signal })).rejects.toMatchObject({
    kind: 'cancelled',
  });
});

test('cancel during a backoff wait ends at once', async () => {
  const controller = new AbortController();
  const { translator } = recorder(() => {
    throw new TranslateError('rate-limit', '429', { status: 429, retryAfterMs: 20_000 });
  });
  const run = translateAll(['a'], { translator, from: 'en', to: 'ko', signal: controller.signal });
  await new Promise((r) => setTimeout(r, 10));
  controller.abort();
  await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
});
