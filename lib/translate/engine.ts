// Translates a list of paragraphs with any Translator: cache first, the misses in batches by
// size, a few batches in flight, retries with backoff on 429 and 5xx (Retry-After honoured within
// a short budget, one wait shared by every batch and counted down to the caller), results
// delivered as they come, and what did translate kept when something fails.
import type { TranslationCache } from '@/lib/translate/cache';
import { TranslateError, toTranslateError, type Translator } from '@/lib/translate/types';

export interface TranslateAllOptions {
  translator: Translator;
  from: string;
  to: string;
  cache?: TranslationCache | null;
  signal?: AbortSignal;
  /** Each translation as soon as it is known (cache hits first), by index into `texts`. */
  onResult?: (index: number, text: string) => void;
  /** Paragraphs done (translated or served from the cache) out of all. */
  onProgress?: (done: number, total: number) => void;
  /** Characters per request at most (one longer paragraph goes alone). Default 4000. */
  maxBatchChars?: number;
  /** The first request's size at most, so the first paragraphs show early. Default 800. */
  firstBatchChars?: number;
  /** Paragraphs per request at most (DeepL takes 50). Default 50. */
  maxBatchItems?: number;
  /** Requests in flight at most. Default 3. */
  concurrency?: number;
  /** Attempts after the first for a 429 or 5xx. Default 4. */
  retries?: number;
  /** First backoff delay; doubled each attempt, with jitter. Default 500 ms. */
  backoffMs?: number;
  /** Longest wait between attempts: a longer Retry-After gives up at once. Default 30 s. */
  maxDelayMs?: number;
  /** Longest time spent waiting in all, per translation: a wait past it gives up at once. Default 60 s. */
  maxWaitMs?: number;
  /**
   * While every request waits for the service (Retry-After, backoff): the whole seconds left, each
   * second; 0 when the wait is over and requests go again.
   */
  onWait?: (seconds: number) => void;
  /** For tests: how to wait. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const DEFAULT_BATCH_CHARS = 4000;
const DEFAULT_BATCH_ITEMS = 50;
const DEFAULT_CONCURRENCY = 3;
const DEFAULT_FIRST_BATCH_CHARS = 800;

/**
 * Groups `items` (indices into texts) into batches of at most maxChars / maxItems, in order; the
 * first batch holds at most firstChars, so the top of the article comes back first and soon.
 */
export function makeBatches(
  texts: string[],
  items: number[],
  maxChars: number,
  maxItems: number,
  firstChars = maxChars,
): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  for (const i of items) {
    const len = texts[i]!.length;
    const limit = batches.length ? maxChars : Math.min(firstChars, maxChars);
    if (current.length && (chars + len > limit || current.length >= maxItems)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(i);
    chars += len;
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * The longest translation we accept for a source of `length` characters. Translations between the
 * languages we offer differ in length by a few times at most (Chinese to English about 4x); ten
 * times, plus room for a short line, only stops an answer that is not a translation of it.
 */
export function maxTranslationLength(length: number): number {
  return length * 10 + 200;
}

function isRetryable(err: TranslateError): boolean {
  return err.kind === 'rate-limit' || (err.kind === 'server' && (err.status === undefined || err.status >= 500));
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new TranslateError('cancelled'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TranslateError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves with every translation (same order as `texts`) or rejects with a TranslateError after
 * delivering, through onResult, everything that did translate. Identical paragraphs are sent once;
 * empty ones are returned as they are.
 */
export async function translateAll(texts: string[], options: TranslateAllOptions): Promise<string[]> {
  const { translator, from, to, cache, onResult, onProgress } = options;
  const maxChars = options.maxBatchChars ?? DEFAULT_BATCH_CHARS;
  const maxItems = options.maxBatchItems ?? DEFAULT_BATCH_ITEMS;
  const firstChars = options.firstBatchChars ?? DEFAULT_FIRST_BATCH_CHARS;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const sleep = options.sleep ?? abortableSleep;
  const controller = new AbortController();
  const outer = options.signal;
  const onOuterAbort = () => controller.abort();
  if (outer?.aborted) throw new TranslateError('cancelled');
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = controller.signal;
  const aborted = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(new TranslateError('cancelled')), { once: true }),
  );
  aborted.catch(() => undefined);

  const total = texts.length;
  const results: (string | undefined)[] = new Array(total);
  let done = 0;
  const deliver = (index: number, text: string) => {
    if (results[index] !== undefined) return;
    results[index] = text;
    done++;
    onResult?.(index, text);
  };
  const cancelled = () => {
    if (signal.aborted) throw new TranslateError('cancelled');
  };

  try {
    // Identical texts are translated once; blanks need no translation.
    const firstOf = new Map<string, number>();
    const copies = new Map<number, number[]>();
    const unique: number[] = [];
    texts.forEach((text, i) => {
      if (!text.trim()) {
        deliver(i, text);
        return;
      }
      const first = firstOf.get(text);
      if (first === undefined) {
        firstOf.set(text, i);
        unique.push(i);
        copies.set(i, [i]);
      } else {
        copies.get(first)!.push(i);
      }
    });
    const deliverAll = (i: number, text: string) => copies.get(i)!.forEach((j) => deliver(j, text));
    onProgress?.(done, total);

    let misses = unique;
    if (cache && unique.length) {
      let hits: (string | undefined)[] = [];
      try {
        hits = await cache.getMany(
          translator.cacheId,
          from,
          to,
          unique.map((i) => texts[i]!),
        );
      } catch {
        hits = []; // A broken cache never stops a translation.
      }
      cancelled();
      misses = [];
      unique.forEach((i, k) => {
        const hit = hits[k];
        if (hit !== undefined) deliverAll(i, hit);
        else misses.push(i);
      });
      if (misses.length < unique.length) onProgress?.(done, total);
    }

    const queue = makeBatches(texts, misses, maxChars, maxItems, firstChars);
    let failure: TranslateError | null = null;

    // One wait for every batch: a service that asks us to wait is not asked again by the others
    // meanwhile, and the caller counts down one number. It lasts the longest wait asked for; all
    // the waits of a translation together stay within maxWaitMs, or it gives up at once.
    let pause: { left: number; over: Promise<void> } | null = null;
    let waited = 0;
    const hold = (ms: number, err: TranslateError): Promise<void> => {
      if (waited + Math.max(ms, pause?.left ?? 0) > maxWaitMs) throw err;
      if (pause) {
        pause.left = Math.max(pause.left, ms);
        return pause.over;
      }
      if (ms <= 0) return Promise.resolve();
      const current = { left: ms, over: Promise.resolve() };
      current.over = (async () => {
        try {
          while (current.left > 0) {
            options.onWait?.(Math.ceil(current.left / 1000));
            // Whole seconds left after the first step, so the count goes 12, 11, 10…
            const step = current.left % 1000 || 1000;
            await sleep(step, signal);
            current.left -= step;
            waited += step;
          }
        } finally {
          pause = null;
        }
        options.onWait?.(0);
      })();
      pause = current;
      return current.over;
    };

    const attempt = async (batch: number[]): Promise<string[]> => {
      for (let n = 0; ; n++) {
        cancelled();
        if (pause) await pause.over;
        // Another batch gave up (during the wait, say): this one asks nothing more either.
        if (failure) throw failure;
        try {
          // A provider that ignores the signal still lets the caller go at once.
          const out = await Promise.race([
            translator.translate(
              batch.map((i) => texts[i]!),
              from,
              to,
              signal,
            ),
            aborted,
          ]);
          if (!Array.isArray(out) || out.length !== batch.length || out.some((s) => typeof s !== 'string')) {
            throw new TranslateError(
              'malformed',
              `expected ${batch.length} translations, got ${Array.isArray(out) ? out.length : typeof out}`,
            );
          }
          const overlong = out.findIndex((s, k) => s.length > maxTranslationLength(texts[batch[k]!]!.length));
          if (overlong >= 0) {
            throw new TranslateError(
              'too-large',
              `a translation of ${out[overlong]!.length} characters for ${texts[batch[overlong]!]!.length}`,
            );
          }
          return out;
        } catch (raw) {
          const err = signal.aborted ? new TranslateError('cancelled') : toTranslateError(raw);
          if (!isRetryable(err) || n >= retries) throw err;
          // A Retry-After past the longest wait: give up now rather than wait in silence.
          if (err.retryAfterMs !== undefined && !(err.retryAfterMs <= maxDelayMs)) throw err;
          const backoff = Math.min(maxDelayMs, backoffMs * 2 ** n * (1 + Math.random() * 0.25));
          await hold(err.retryAfterMs !== undefined ? Math.max(err.retryAfterMs, 0) : Math.round(backoff), err);
        }
      }
    };

    const run = async (batch: number[]): Promise<void> => {
      try {
        const out = await attempt(batch);
        cancelled();
        out.forEach((text, k) => deliverAll(batch[k]!, text));
        onProgress?.(done, total);
        if (cache) {
          await cache
            .putMany(
              translator.cacheId,
              from,
              to,
              batch.map((i, k) => ({ source: texts[i]!, translation: out[k]! })),
            )
            .catch(() => undefined);
        }
      } catch (raw) {
        const err = toTranslateError(raw);
        // A model that answered with the wrong number of paragraphs may do better with fewer.
        if (err.kind === 'malformed' && batch.length > 1 && !signal.aborted && err !== failure) {
          const half = Math.ceil(batch.length / 2);
          await run(batch.slice(0, half));
          await run(batch.slice(half));
          return;
        }
        throw err;
      }
    };

    const worker = async () => {
      while (queue.length && !failure && !signal.aborted) {
        const batch = queue.shift()!;
        try {
          await run(batch);
        } catch (raw) {
          failure ??= toTranslateError(raw);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    cancelled();
    if (failure) throw failure;
    return results as string[];
  } catch (raw) {
    throw signal.aborted ? new TranslateError('cancelled') : toTranslateError(raw);
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
