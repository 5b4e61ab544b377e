// @vitest-environment node
// The 'translate' port between a page (platform/translate/port.ts) and the background
// (background/translate-port.ts), both sides with fake ports, and the
// on-device path that runs in the page with its cache reached by messages.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MemoryTranslationCache } from '@/lib/translate/cache';
import { messageCache, startTranslation } from '@/platform/translate/port';
import { serveTranslatePort, translateCacheHandlers } from '@/background/translate-port';
import type { TranslateEvent } from '@/lib/translate/protocol';
import type { TranslatorApi } from '@/lib/translate/providers/browser';
import { providerConfigItem } from '@/platform/translate/settings';
import type { ProviderConfig } from '@/lib/translate/providers/registry';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { installEnglishMessages, portPair } from './translate-helpers';

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
});

function collect() {
  const events: string[] = [];
  const results = new Map<number, string>();
  let settle!: () => void;
  const finished = new Promise<void>((r) => (settle = r));
  return {
    events,
    results,
    finished,
    handlers: {
      onResult: (i: number, s: string) => results.set(i, s),
      onProgress: (d: number, n: number) => events.push(`${d}/${n}`),
      onDone: () => (events.push('done'), settle()),
      onError: (kind: string, message: string) => (events.push(`error ${kind}: ${message}`), settle()),
    },
  };
}

describe('network provider: page ⇄ background', () => {
  let server: Awaited<ReturnType<typeof startTranslateServer>>;
  beforeAll(async () => {
    server = await startTranslateServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const config = (): ProviderConfig => ({ kind: 'libretranslate', url: server.origin });

  test('results, progress and done arrive in the page; the second run comes from the cache', async () => {
    const cache = new MemoryTranslationCache();
    const texts = Array.from({ length: 8 }, (_, i) => `Paragraph ${i} with <a1>a link</a1>.`);
    for (const run of [1, 2]) {
      const [page, background] = portPair();
      serveTranslatePort(background, { getConfig: async () => config(), cache });
      const c = collect();
      startTranslation(texts, 'en', 'ko', c.handlers, { config: config(), connect: () => page });
      await c.finished;
      expect(c.events[c.events.length - 1]).toBe('done');
      expect(c.events).toContain('8/8');
      expect([...c.results.entries()].sort(([a], [b]) => a - b).map(([, s]) => s)).toEqual(texts.map((s) => `[ko] ${s}`));
      if (run === 1) expect(server.stats.requests).toBe(1);
      else expect(server.stats.requests).toBe(1); // nothing more was sent
    }
  });

  test('closing the page (disconnect) aborts the job in the background', async () => {
    server.setDelay(200);
    const [page, background] = portPair();
    const posted: TranslateEvent[] = [];
    const realPost = background.postMessage.bind(background);
    background.postMessage = (m: unknown) => {
      posted.push(m as TranslateEvent);
      realPost(m);
    };
    serveTranslatePort(background, {
      getConfig: async () => config(),
      cache: null,
      engine: { maxBatchChars: 40, concurrency: 1 },
    });
    const c = collect();
    const job = startTranslation(
      ['One paragraph of text here.', 'Another paragraph of text.', 'A third one, also text.'],
      'en',
      'ko',
      c.handlers,
      { config: config(), connect: () => page },
    );
    await new Promise((r) => setTimeout(r, 50));
    job.cancel();
    const before = [...c.events];
    await new Promise((r) => setTimeout(r, 400));
    server.setDelay(0);
    expect(server.stats.requests).toBe(1); // the other two batches were never sent
    expect(posted.some((m) => m.type === 'result' || m.type === 'done')).toBe(false);
    expect(c.events).toEqual(before); // nothing reaches the page after cancel
    expect(c.events.some((e) => e === 'done' || e.startsWith('error'))).toBe(false);
  });

  test('an error reaches the page as kind + sentence, after the results that did arrive', async () => {
    server.fail(403, 5);
    const [page, background] = portPair();
    serveTranslatePort(background, { getConfig: async () => config(), cache: null });
    const c = collect();
    startTranslation(['Hello.'], 'en', 'ko', c.handlers, { config: config(), connect: () => page });
    await c.finished;
    expect(c.events.pop()).toBe('error auth: The translation service refused the API key. Check the key in the options.');
  });

  test('no provider configured: one sentence, no port opened', async () => {
    const c = collect();
    let connected = false;
    startTranslation(['Hello.'], 'en', 'ko', c.handlers, {
      translatorApi: undefined,
      connect: () => ((connected = true), portPair()[0]),
    });
    await c.finished;
    expect(connected).toBe(false);
    expect(c.events).toEqual([
      "error not-configured: No translation provider is set up yet. Choose one in the extension's options.",
    ]);
  });

  test('a saved provider is read from settings', async () => {
    await providerConfigItem.setValue(config());
    const [page, background] = portPair();
    serveTranslatePort(background, { getConfig: () => providerConfigItem.getValue(), cache: null });
    const c = collect();
    startTranslation(['Hi there.'], 'en', 'ja', c.handlers, { connect: () => page });
    await c.finished;
    expect(c.results.get(0)).toBe('[ja] Hi there.');
  });

  test('the background refuses anything but one well-formed request', async () => {
    const [page, background] = portPair();
    serveTranslatePort(background, { getConfig: async () => ({ kind: 'browser' }), cache: null });
    const got: unknown[] = [];
    page.onMessage.addListener((m) => got.push(m));
    page.postMessage({ texts: 'not an array', from: 'en', to: 'ko' });
    page.postMessage({ texts: ['x'], from: 'en', to: 'ko' });
    await new Promise((r) => setTimeout(r, 20));
    // The on-device provider never runs in the background.
    expect(got).toEqual([
      {
        type: 'error',
        kind: 'not-configured',
        message: "No translation provider is set up yet. Choose one in the extension's options.",
      },
    ]);
  });
});

describe('on-device provider: engine in the page, cache by messages', () => {
  const api: TranslatorApi = {
    availability: async () => 'available',
    create: async ({ targetLanguage }) => ({ translate: async (s: string) => `(${targetLanguage}) ${s}`, destroy() {} }),
  };

  test('translates in the page and caches through the background', async () => {
    const cache = new MemoryTranslationCache();
    const handlers = translateCacheHandlers(cache);
    const sent: string[] = [];
    const sendMessage = async (m: { type: string; payload: unknown }) => {
      sent.push(m.type);
      const handler = handlers[m.type as keyof typeof handlers] as (p: unknown) => unknown;
      return handler(m.payload);
    };
    const c = collect();
    startTranslation(['안녕하세요.', '반갑습니다.'], 'ko', 'en', c.handlers, {
      config: { kind: 'browser' },
      translatorApi: api,
      sendMessage,
    });
    await c.finished;
    expect(c.events.pop()).toBe('done');
    expect([...c.results.values()]).toEqual(['(en) 안녕하세요.', '(en) 반갑습니다.']);
    expect(sent).toEqual(['translate/cache-get', 'translate/cache-put']);
    expect(await messageCache(sendMessage).getMany('browser', 'ko', 'en', ['반갑습니다.', '없음'])).toEqual([
      '(en) 반갑습니다.',
      undefined,
    ]);
  });
});
