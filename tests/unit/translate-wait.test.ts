// @vitest-environment node
// Waiting for a busy translation service (issue 21, item 3), with no real waiting: Retry-After
// read (seconds, HTTP dates, nonsense left to the backoff), one wait shared by every batch and
// counted down each second, at most 30 s a wait and 60 s in all or the rate-limit sentence at
// once (the reader's side: translate-wait-reader.test.ts). And a provider that holds its answer:
// a trickle is read, a stuck request times out.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translateAll } from '@/lib/translate/engine';
import { parseRetryAfter, requestJson } from '@/lib/translate/providers/http';
import { TranslateError, translateErrorMessage, type Translator } from '@/lib/translate/types';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { installEnglishMessages } from './translate-helpers';

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
});

const RATE_LIMIT = 'The translation service is receiving too many requests. Try again in a minute.';

/** A sleep that records how long it was asked to wait and returns on the next turn of the event loop. */
function instant() {
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { slept, sleep };
}

/** A translator whose `n`-th call (from 1) may throw; else "T(text)". */
function scripted(fail: (n: number) => TranslateError | null) {
  let calls = 0;
  const translator: Translator = {
    cacheId: 'fake',
    async translate(texts) {
      const err = fail(++calls);
      if (err) throw err;
      return texts.map((s) => `T(${s})`);
    },
  };
  return { translator, calls: () => calls };
}

const tooMany = (retryAfterMs?: number) =>
  new TranslateError('rate-limit', '429', { status: 429, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

test('Retry-After: delay-seconds and HTTP dates; a date past is 0; nonsense is left to the backoff; a huge value stays huge', () => {
  const now = Date.UTC(2026, 11, 7, 12, 0, 0);
  expect(parseRetryAfter('12', now)).toBe(12_000);
  expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
  expect(parseRetryAfter('Mon, 07 Dec 2026 12:00:20 GMT', now)).toBe(20_000);
  expect(parseRetryAfter('Monday, 07-Dec-26 12:00:20 GMT', now)).toBe(20_000);
  expect(parseRetryAfter('Mon, 07 Dec 2026 11:00:00 GMT', now)).toBe(0);
  for (const bad of ['-5', '-1.5', '1e3', 'soon', '5 minutes', '', '   ', 'NaN', '0x10', 'Mon, never'])
    expect(parseRetryAfter(bad, now), bad).toBeUndefined();
  expect(parseRetryAfter('9'.repeat(400), now)).toBe(Infinity);
});

test('a 429 with Retry-After: the batches wait once together, counted down each whole second, then every paragraph is translated', async () => {
  const { slept, sleep } = instant();
  const seconds: number[] = [];
  // Three batches start together; all three are refused (one asks 2.5 s, the others 1 s).
  const { translator, calls } = scripted((n) => (n <= 3 ? tooMany(n === 1 ? 2500 : 1000) : null));
  const out = await translateAll(['one', 'two', 'three'], {
    translator,
    from: 'en',
    to: 'ko',
    maxBatchItems: 1,
    sleep,
    onWait: (s) => seconds.push(s),
  });
  expect(out).toEqual(['T(one)', 'T(two)', 'T(three)']);
  expect(seconds).toEqual([3, 2, 1, 0]);
  expect(slept).toEqual([500, 1000, 1000]); // 2.5 s in all, not 2.5 + 1 + 1
  expect(calls()).toBe(6);
});

test('a 503 with Retry-After (a server down for maintenance) waits the same way', async () => {
  const { slept, sleep } = instant();
  const seconds: number[] = [];
  const { translator, calls } = scripted((n) =>
    n === 1 ? new TranslateError('server', '503', { status: 503, retryAfterMs: 2000 }) : null,
  );
  const out = await translateAll(['one'], { translator, from: 'en', to: 'ko', sleep, onWait: (s) => seconds.push(s) });
  expect(out).toEqual(['T(one)']);
  expect(seconds).toEqual([2, 1, 0]);
  expect(slept).toEqual([1000, 1000]);
  expect(calls()).toBe(2);
});

test('a Retry-After past 30 s (or absurd) gives up at once with the rate-limit sentence, without waiting', async () => {
  for (const retryAfterMs of [45_000, Infinity]) {
    const { slept, sleep } = instant();
    const seconds: number[] = [];
    const { translator, calls } = scripted(() => tooMany(retryAfterMs));
    const err = await translateAll(['one'], { translator, from: 'en', to: 'ko', sleep, onWait: (s) => seconds.push(s) }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ kind: 'rate-limit' });
    expect(translateErrorMessage(err)).toBe(RATE_LIMIT);
    expect(calls()).toBe(1);
    expect(slept).toEqual([]);
    expect(seconds).toEqual([]);
  }
});

test('when one batch gives up, the batches waiting with it ask nothing more; what did translate is delivered', async () => {
  const { sleep } = instant();
  const results: string[] = [];
  // Three batches: the first is translated, the second asked to wait 5 s, the third 45 s (given up).
  const { translator, calls } = scripted((n) => (n === 2 ? tooMany(5000) : n === 3 ? tooMany(45_000) : null));
  const err = await translateAll(['one', 'two', 'three'], {
    translator,
    from: 'en',
    to: 'ko',
    maxBatchItems: 1,
    sleep,
    onResult: (_, text) => results.push(text),
  }).catch((e: unknown) => e);
  expect(err).toMatchObject({ kind: 'rate-limit' });
  expect(calls()).toBe(3);
  expect(results).toEqual(['T(one)']);
});

test('all the waits of one translation stay within 60 s: a service that keeps asking is given up on', async () => {
  const { slept, sleep } = instant();
  const { translator, calls } = scripted(() => tooMany(25_000));
  const err = await translateAll(['one'], { translator, from: 'en', to: 'ko', sleep, retries: 10 }).catch((e: unknown) => e);
  expect(err).toMatchObject({ kind: 'rate-limit' });
  expect(slept.reduce((a, b) => a + b, 0)).toBe(50_000); // 25 + 25; a third 25 would pass 60
  expect(calls()).toBe(3);
  // Without Retry-After, the backoff's waits count down too, within the same budget.
  const backoff = instant();
  const seconds: number[] = [];
  const busy = scripted((n) => (n === 1 ? tooMany() : null));
  await translateAll(['one'], {
    translator: busy.translator,
    from: 'en',
    to: 'ko',
    sleep: backoff.sleep,
    backoffMs: 1500,
    onWait: (s) => seconds.push(s),
  });
  expect(seconds[0]).toBe(2);
  expect(seconds.at(-1)).toBe(0);
});

describe('a provider that holds its answer', () => {
  let server: Awaited<ReturnType<typeof startTranslateServer>>;
  beforeAll(async () => {
    server = await startTranslateServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const ask = (timeoutMs?: number) =>
    requestJson(
      fetch,
      server.url('/translate'),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ q: ['안녕하세요', '감사합니다'], source: 'ko', target: 'en' }),
      },
      undefined,
      timeoutMs,
    );

  test('an answer that trickles in a few bytes at a time is read whole', async () => {
    server.drip(7, 5);
    expect(await ask()).toEqual({ translatedText: ['[en] 안녕하세요', '[en] 감사합니다'] });
  });

  test('a request stuck past its timeout fails with one sentence, and the connection is dropped', async () => {
    server.reset();
    server.drip(1, 1000); // an answer of some 50 bytes, one a second
    const err = await ask(300).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unreachable' });
    expect(translateErrorMessage(err)).toBe(
      'The translation service did not answer in time. What was translated stays; try again later.',
    );
    await vi.waitFor(() => expect(server.stats.dropped).toBe(1));
    // A server that never sends its headers: the same.
    const held = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const stuck = await requestJson(held, 'http://127.0.0.1:9/translate', { method: 'POST' }, undefined, 20).catch(
      (e: unknown) => e,
    );
    expect(translateErrorMessage(stuck)).toMatch(/did not answer in time/);
    // Cancel is still a cancel, not a timeout.
    const controller = new AbortController();
    const cancelled = requestJson(held, 'http://127.0.0.1:9/translate', { method: 'POST', signal: controller.signal });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
