// @vitest-environment node
// What a translation provider may send back: an answer is read only up to a cap (the rest of the
// download is cancelled, not read and thrown away), and a translation far longer than its source
// is refused, so a broken or hostile server cannot fill the reader's memory. The original stays:
// nothing of the refused batch is delivered.
import { maxTranslationLength, translateAll } from '@/lib/translate/engine';
import { MAX_RESPONSE_BYTES, requestJson } from '@/lib/translate/providers/http';
import { TranslateError, type Translator } from '@/lib/translate/types';

const CHUNK = 64 * 1024;

/** A response that streams `total` bytes of JSON-ish text in 64 KiB chunks, counting what was pulled. */
function streamingResponse(total: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const size = Math.min(CHUNK, total - pulled);
      pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } }),
    pulled: () => pulled,
    cancelled: () => cancelled,
  };
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof TranslateError ? err.kind : `other: ${String(err)}`;
  }
}

test('an endless answer is cut at the cap: the download is cancelled after about the cap, and the error says too large', async () => {
  const answer = streamingResponse(200 * 1024 * 1024); // 200 MB on offer
  const kind = await kindOf(requestJson(async () => answer.response, 'http://127.0.0.1:1/translate', { method: 'POST' }));
  expect(kind).toBe('too-large');
  expect(answer.cancelled()).toBe(true);
  // Read no further than the chunk that crossed the cap (plus what the stream had queued ahead).
  expect(answer.pulled()).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + 2 * CHUNK);
});

test('an answer that declares its size over the cap is refused before any of it is read', async () => {
  const answer = streamingResponse(50_000_000, { 'content-length': '50000000' });
  const kind = await kindOf(requestJson(async () => answer.response, 'http://127.0.0.1:1/translate', { method: 'POST' }));
  expect(kind).toBe('too-large');
  expect(answer.pulled()).toBeLessThanOrEqual(CHUNK); // at most what the stream queued on its own
});

test('an honest answer under the cap is read and parsed as before, in any number of chunks', async () => {
  const json = JSON.stringify({ translatedText: ['안녕하세요', '세계'.repeat(20_000)] });
  const bytes = new TextEncoder().encode(json);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // Split inside multi-byte characters on purpose: decoding must stream.
      for (let i = 0; i < bytes.length; i += 1001) controller.enqueue(bytes.slice(i, i + 1001));
      controller.close();
    },
  });
  const out = await requestJson(async () => new Response(body, { status: 200 }), 'http://127.0.0.1:1/translate', {});
  expect(out).toEqual(JSON.parse(json));
});

test('a translation ten times longer than its source is refused: nothing of its batch is shown, and it is asked for once', async () => {
  const texts = ['첫 문단입니다.', '둘째 문단입니다.'];
  const calls: string[][] = [];
  const translator: Translator = {
    cacheId: 'huge',
    async translate(batch) {
      calls.push(batch);
      return batch.map((s, i) => (i === 1 ? 'x'.repeat(maxTranslationLength(s.length) + 1) : `T(${s})`));
    },
  };
  const shown: number[] = [];
  const kind = await kindOf(translateAll(texts, { translator, from: 'ko', to: 'en', onResult: (i) => shown.push(i) }));
  expect(kind).toBe('too-large');
  expect(shown).toEqual([]);
  expect(calls).toHaveLength(1); // not retried, not split into halves and asked again
});

test('ordinary growth between languages passes (a short Chinese line four times longer in English)', async () => {
  const texts = ['中国经济增长。', '好'];
  const translator: Translator = {
    cacheId: 'grow',
    async translate(batch) {
      return batch.map((s) => 'The economy of China grew strongly.'.padEnd(s.length * 4, '.'));
    },
  };
  const out = await translateAll(texts, { translator, from: 'zh', to: 'en' });
  expect(out).toHaveLength(2);
  expect(maxTranslationLength(1)).toBeGreaterThan('Good.'.length);
});
