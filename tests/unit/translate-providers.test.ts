// @vitest-environment node
// Each network provider's requests and answers, with a fake fetch (shape of the request, parsing
// of the answer and of the error bodies), then against the local test server over real HTTP.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTranslator, providerDestination, providerPermission, testProvider } from '@/lib/translate/providers/index';
import { deeplEndpoint } from '@/lib/translate/providers/deepl';
import { parseRetryAfter } from '@/lib/translate/providers/http';
import { openAiPrompt, parseOpenAiAnswer } from '@/lib/translate/providers/openai';
import { translateAll } from '@/lib/translate/engine';
import { MemoryTranslationCache } from '@/lib/translate/cache';
import { TranslateError, translateErrorMessage } from '@/lib/translate/types';
import type { ProviderConfig } from '@/lib/translate/providers/registry';
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { fakeFetch, installEnglishMessages, json } from './translate-helpers';

beforeEach(() => {
  fakeBrowser.reset();
  installEnglishMessages();
});

const signal = () => new AbortController().signal;
const LT_LANGS = [
  { code: 'en', targets: ['ko', 'zh-Hans'] },
  { code: 'ko', targets: ['en'] },
  { code: 'zh-Hans', targets: ['en'] },
];

async function failure(p: Promise<unknown>): Promise<TranslateError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TranslateError);
  return err as TranslateError;
}

describe('LibreTranslate', () => {
  test('sends the paragraphs as one array in HTML format, with the key; reads translatedText', async () => {
    const { fetchImpl, calls } = fakeFetch((req) =>
      req.url.endsWith('/languages')
        ? json(LT_LANGS)
        : json({ translatedText: (req.body as { q: string[] }).q.map((s) => `KO:${s}`) }),
    );
    const tr = createTranslator({ kind: 'libretranslate', url: 'https://lt.example.org/', apiKey: 'k1' }, { fetchImpl });
    expect(await tr.translate(['Hello <b>you</b>', 'Bye'], 'en', 'zh', signal())).toEqual(['KO:Hello <b>you</b>', 'KO:Bye']);
    const post = calls[1]!;
    expect(post.url).toBe('https://lt.example.org/translate');
    expect(post.method).toBe('POST');
    expect(post.body).toEqual({ q: ['Hello <b>you</b>', 'Bye'], source: 'en', target: 'zh-Hans', format: 'html', api_key: 'k1' });
    // The language list is read once.
    await tr.translate(['Again'], 'en', 'ko', signal());
    expect(calls.filter((c) => c.url.endsWith('/languages'))).toHaveLength(1);
  });

  test('an unsupported pair is refused before any text is sent', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(LT_LANGS));
    const tr = createTranslator({ kind: 'libretranslate', url: 'https://lt.example.org' }, { fetchImpl });
    expect((await failure(tr.translate(['x'], 'ko', 'ja', signal()))).kind).toBe('unsupported-pair');
    expect(calls.some((c) => c.url.endsWith('/translate'))).toBe(false);
  });

  test('error bodies {"error": …}: 400 language, 403 key, 429 with Retry-After, 500; unreachable', async () => {
    const answers = [
      json({ error: 'ja is not supported' }, 400),
      json({ error: 'Invalid API key' }, 403),
      json({ error: 'Slowdown: 10 per 1 minute' }, 429, { 'Retry-After': '12' }),
      json({ error: 'Internal error' }, 500),
    ];
    let n = 0;
    const { fetchImpl } = fakeFetch((req) =>
      req.url.endsWith('/languages') ? json({ error: 'not found' }, 404) : answers[n++]!,
    );
    const tr = createTranslator({ kind: 'libretranslate', url: 'https://lt.example.org' }, { fetchImpl });
    const e400 = await failure(tr.translate(['x'], 'en', 'ja', signal()));
    expect([e400.kind, e400.message]).toEqual(['unsupported-pair', '400: ja is not supported']);
    expect((await failure(tr.translate(['x'], 'en', 'ko', signal()))).kind).toBe('auth');
    const e429 = await failure(tr.translate(['x'], 'en', 'ko', signal()));
    expect([e429.kind, e429.retryAfterMs]).toEqual(['rate-limit', 12000]);
    expect(await failure(tr.translate(['x'], 'en', 'ko', signal()))).toMatchObject({ kind: 'server', status: 500 });
    const down = createTranslator(
      { kind: 'libretranslate', url: 'https://lt.example.org' },
      {
        fetchImpl: async () => {
          throw new TypeError('Failed to fetch');
        },
      },
    );
    expect((await failure(down.translate(['x'], 'en', 'ko', signal()))).kind).toBe('unreachable');
  });

  test('an answer with the wrong count or not JSON is malformed', async () => {
    const { fetchImpl } = fakeFetch((req) =>
      req.url.endsWith('/languages') ? json(LT_LANGS) : json({ translatedText: ['only one'] }),
    );
    const tr = createTranslator({ kind: 'libretranslate', url: 'https://lt.example.org' }, { fetchImpl });
    expect((await failure(tr.translate(['a', 'b'], 'en', 'ko', signal()))).kind).toBe('malformed');
    const html = createTranslator(
      { kind: 'libretranslate', url: 'https://lt.example.org' },
      {
        fetchImpl: async (url) =>
          url.endsWith('/languages') ? json(LT_LANGS) : new Response('<html>proxy login</html>', { status: 200 }),
      },
    );
    expect((await failure(html.translate(['a'], 'en', 'ko', signal()))).kind).toBe('malformed');
  });
});

describe('DeepL', () => {
  test('the endpoint follows the key: ":fx" is the free API', () => {
    expect(deeplEndpoint('abc:fx')).toBe('https://api-free.deepl.com');
    expect(deeplEndpoint('abc')).toBe('https://api.deepl.com');
  });

  test('JSON body with text[], target variant, XML tag handling; key in the Authorization header', async () => {
    const { fetchImpl, calls } = fakeFetch((req) =>
      json({
        translations: (req.body as { text: string[] }).text.map((s) => ({ detected_source_language: 'KO', text: `EN:${s}` })),
      }),
    );
    const tr = createTranslator({ kind: 'deepl', apiKey: 'secret:fx' }, { fetchImpl });
    expect(await tr.translate(['<a1>삼성</a1>', '둘'], 'ko', 'en', signal())).toEqual(['EN:<a1>삼성</a1>', 'EN:둘']);
    expect(calls[0]!.url).toBe('https://api-free.deepl.com/v2/translate');
    expect(calls[0]!.headers.authorization).toBe('DeepL-Auth-Key secret:fx');
    expect(calls[0]!.body).toEqual({
      text: ['<a1>삼성</a1>', '둘'],
      source_lang: 'KO',
      target_lang: 'EN-US',
      tag_handling: 'xml',
    });
    expect(JSON.stringify(calls[0]!.body)).not.toContain('secret');
    const pro = fakeFetch(() => json({ translations: [{ text: 'x' }] }));
    await createTranslator({ kind: 'deepl', apiKey: 'pro-key' }, { fetchImpl: pro.fetchImpl }).translate(
      ['a'],
      'en',
      'zh-TW',
      signal(),
    );
    expect(pro.calls[0]!.url).toBe('https://api.deepl.com/v2/translate');
    expect((pro.calls[0]!.body as { target_lang: string }).target_lang).toBe('ZH-HANT');
  });

  test('error bodies {"message": …}: 403 key, 456 quota, 400 target, 429, 503', async () => {
    const cases: [Response, string][] = [
      [json({ message: 'Authorization failure, check auth_key' }, 403), 'auth'],
      [json({ message: 'Quota Exceeded' }, 456), 'quota'],
      [json({ message: "Value for 'target_lang' not supported." }, 400), 'unsupported-pair'],
      [json({ message: 'Too many requests' }, 429), 'rate-limit'],
      [new Response('Service Unavailable', { status: 503 }), 'server'],
    ];
    for (const [response, kind] of cases) {
      const tr = createTranslator({ kind: 'deepl', apiKey: 'k' }, { fetchImpl: async () => response });
      expect((await failure(tr.translate(['x'], 'en', 'ko', signal()))).kind).toBe(kind);
    }
    expect(translateErrorMessage(new TranslateError('quota'))).toBe('The translation quota of this account is used up.');
  });
});

describe('OpenAI-compatible', () => {
  test('one chat request: the paragraphs as a JSON array, the count in the prompt, the answer checked', async () => {
    const { fetchImpl, calls } = fakeFetch((req) => {
      const user = (req.body as { messages: { role: string; content: string }[] }).messages[1]!.content;
      return json({
        choices: [
          {
            message: {
              role: 'assistant',
              content: '```json\n' + JSON.stringify((JSON.parse(user) as string[]).map((s) => `KO:${s}`)) + '\n```',
            },
          },
        ],
      });
    });
    const tr = createTranslator(
      { kind: 'openai', baseUrl: 'http://localhost:11434/v1/', model: 'llama3', apiKey: 'sk-1' },
      { fetchImpl },
    );
    expect(await tr.translate(['One 1,234 https://x.y', 'Two'], 'en', 'ko', signal())).toEqual([
      'KO:One 1,234 https://x.y',
      'KO:Two',
    ]);
    expect(calls[0]!.url).toBe('http://localhost:11434/v1/chat/completions');
    expect(calls[0]!.headers.authorization).toBe('Bearer sk-1');
    const body = calls[0]!.body as { model: string; messages: { role: string; content: string }[] };
    expect(body.model).toBe('llama3');
    expect(body.messages[0]!.content).toContain('JSON array of 2 strings');
    expect(body.messages[0]!.content).toContain('from English to Korean');
    expect(JSON.parse(body.messages[1]!.content)).toEqual(['One 1,234 https://x.y', 'Two']);
    expect(tr.cacheId).toBe('openai:http://localhost:11434/v1:llama3');
  });

  test('the answer must hold one translation per paragraph', () => {
    expect(parseOpenAiAnswer('["a","b"]', 2)).toEqual(['a', 'b']);
    expect(parseOpenAiAnswer('Here you go: ["a","b"] Hope it helps', 2)).toEqual(['a', 'b']);
    expect(parseOpenAiAnswer('{"translations": ["a","b"]}', 2)).toEqual(['a', 'b']);
    expect(() => parseOpenAiAnswer('["a"]', 2)).toThrow(/1 translations for 2/);
    expect(() => parseOpenAiAnswer('["a","b","c"]', 2)).toThrow(TranslateError);
    expect(() => parseOpenAiAnswer('Sorry, I cannot do that.', 1)).toThrow(TranslateError);
    expect(() => parseOpenAiAnswer('[1, 2]', 2)).toThrow(TranslateError);
    expect(openAiPrompt(3, 'ko', 'ja')).toContain('from Korean to Japanese');
  });

  test('errors {"error": {"message"}}: 401 key, 404 model; no key, no header', async () => {
    const tr = createTranslator(
      { kind: 'openai', baseUrl: 'https://llm.example', model: 'm' },
      { fetchImpl: async () => json({ error: { message: 'Incorrect API key provided.' } }, 401) },
    );
    expect((await failure(tr.translate(['x'], 'en', 'ko', signal()))).kind).toBe('auth');
    const { fetchImpl, calls } = fakeFetch(() => json({ error: { message: "model 'm' not found" } }, 404));
    const err = await failure(
      createTranslator({ kind: 'openai', baseUrl: 'https://llm.example', model: 'm' }, { fetchImpl }).translate(
        ['x'],
        'en',
        'ko',
        signal(),
      ),
    );
    expect([err.kind, err.message]).toEqual(['not-configured', "404: model 'm' not found"]);
    // The user is told what to check, not that nothing is set up.
    expect(translateErrorMessage(err)).toBe(
      'The translation service does not know this address or model (error 404). Check the server address and the model name in the options.',
    );
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  test("Ollama's empty 403 to an extension's origin says how to allow it, not that a key is wrong", async () => {
    const server = await startTranslateServer({ ollamaOrigins: true });
    try {
      const withOrigin: typeof fetch = (input, init) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: 'chrome-extension://abcdef' } });
      const err = await failure(
        createTranslator(
          { kind: 'openai', baseUrl: `${server.origin}/v1`, model: 'echo-1' },
          { fetchImpl: withOrigin as never },
        ).translate(['x'], 'en', 'ko', signal()),
      );
      expect(err.kind).toBe('auth');
      expect(translateErrorMessage(err)).toContain('OLLAMA_ORIGINS');
    } finally {
      await server.close();
    }
  });
});

test('Retry-After in seconds or as a date', () => {
  expect(parseRetryAfter('3')).toBe(3000);
  expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
  expect(parseRetryAfter('soon')).toBeUndefined();
  expect(parseRetryAfter(null)).toBeUndefined();
});

test('where the text goes, and the permission asked for it', () => {
  expect(providerDestination({ kind: 'browser' })).toBe('Translated on this device; nothing is sent out.');
  expect(providerDestination({ kind: 'deepl', apiKey: 'k:fx' })).toBe(
    "The article's text will be sent to api-free.deepl.com for translation.",
  );
  expect(providerDestination({ kind: 'openai', baseUrl: 'http://localhost:1234/v1', model: 'x' })).toContain('localhost:1234');
  expect(providerDestination(null)).toMatch(/No translation provider is available/);
  expect(providerPermission({ kind: 'libretranslate', url: 'https://lt.example.org/sub/' })).toEqual({
    origins: ['https://lt.example.org/*'],
  });
  expect(providerPermission({ kind: 'browser' })).toBeNull();
});

describe('against the local test server, over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTranslateServer>>;
  beforeAll(async () => {
    server = await startTranslateServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const configs = (): [string, ProviderConfig][] => [
    ['LibreTranslate', { kind: 'libretranslate', url: server.origin }],
    ['DeepL', { kind: 'deepl', apiKey: 'test:fx', url: server.origin }],
    ['OpenAI-compatible', { kind: 'openai', baseUrl: `${server.origin}/v1`, model: 'echo-1' }],
  ];

  test('each provider translates, keeping markup, numbers and URLs', async () => {
    for (const [, config] of configs()) {
      const tr = createTranslator(config);
      const [out] = await tr.translate(['Price <b>1,000</b> won, see <a1>here</a1> <x1/>'], 'en', 'ko', signal());
      expect(out).toMatch(/^\[ko\] Price <b>1,000<\/b> won, see <a1>here<\/a1> <x1\/>$/);
    }
  });

  test('the Test button: a sample on success, a plain sentence on failure', async () => {
    for (const [, config] of configs()) {
      const result = await testProvider(config, { to: 'ko' });
      expect(result).toEqual({ ok: true, sample: expect.stringContaining('[ko] Good morning.') });
    }
    expect(await testProvider({ kind: 'deepl', apiKey: 'bad-key', url: server.origin })).toEqual({
      ok: false,
      message: 'The translation service refused the API key. Check the key in the options.',
    });
    expect(await testProvider({ kind: 'deepl', apiKey: 'quota-exceeded:fx', url: server.origin })).toEqual({
      ok: false,
      message: 'The translation quota of this account is used up.',
    });
    expect(
      await testProvider({ kind: 'openai', baseUrl: `${server.origin}/v1`, model: 'echo-1', apiKey: 'bad-key' }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('API key') });
    expect(await testProvider({ kind: 'libretranslate', url: 'http://127.0.0.1:9' })).toEqual({
      ok: false,
      message: 'The translation service could not be reached. Check its address and your connection.',
    });
  });

  test('the engine survives injected 503s and a short LLM answer, and the cache spares the second run', async () => {
    const cache = new MemoryTranslationCache();
    const texts = Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1}: the index rose ${i}.5% today.`);
    for (const [, config] of configs()) {
      server.reset();
      server.fail(503, 2, { retryAfter: 0 });
      if (config.kind === 'openai') server.openaiShortBy(1, 1);
      const out = await translateAll(texts, {
        translator: createTranslator(config),
        from: 'en',
        to: 'ko',
        cache,
        maxBatchChars: 300,
        backoffMs: 1,
      });
      expect(out).toEqual(texts.map((s) => `[ko] ${s}`));
      const requests = server.stats.requests;
      expect(requests).toBeGreaterThan(2);
      expect(requests).toBeLessThan(20);
      await translateAll(texts, { translator: createTranslator(config), from: 'en', to: 'ko', cache });
      expect(server.stats.requests).toBe(requests);
    }
  });
});
