// @vitest-environment node
// The background's own page fetch (extension/fetch-page.ts) with a recording fetch: what it
// requests, what it refuses before any request, how much of an answer it reads, how it decodes.
// The real browsers' part (the request rule that stops redirects) is in tests/e2e/hostile-fetch.e2e.ts.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fetchPage, FetchFailure, MAX_PAGE_BYTES } from '@/extension/fetch-page';
import { legacyEncode } from '../../scripts/lib/legacy-encode.mjs';

interface Call {
  url: string;
  init: RequestInit;
}

function recorder(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return answer(String(input), init);
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: unknown) =>
      err instanceof FetchFailure ? { code: err.code, detail: err.detail } : { code: 'other', detail: String(err) },
  );

const html = (title: string) => `<html><head><title>${title}</title></head><body><p>${title}</p></body></html>`;

/** Records the session rules the fetch adds and removes, as the browser would keep them. */
let rules: Array<{ id: number; condition: { regexFilter?: string; tabIds?: number[] } }>;
beforeEach(() => {
  fakeBrowser.reset();
  rules = [];
  Object.assign(fakeBrowser, {
    declarativeNetRequest: {
      updateSessionRules: async ({
        removeRuleIds = [],
        addRules = [],
      }: {
        removeRuleIds?: number[];
        addRules?: typeof rules;
      }) => {
        rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      },
    },
  });
});

test.each([
  'http://localhost:8080/admin',
  'http://127.0.0.1/admin',
  'http://0x7f000001/admin',
  'http://2130706433/admin',
  'http://[::ffff:127.0.0.1]/admin',
  'http://[::1]/admin',
  'http://192.168.0.1/admin',
  'http://router/admin',
  'file:///etc/passwd',
  'chrome://settings',
  'about:blank',
  'data:text/html,<p>x</p>',
  'javascript:alert(1)',
  'https://user:pass@news.example.com/',
])('%s is refused before any request', async (url) => {
  const { calls, fetchImpl } = recorder(() => new Response(html('x')));
  expect(await failure(fetchPage(url, { fetchImpl }))).toMatchObject({ code: 'blocked' });
  expect(calls).toEqual([]);
});

test('a public page is fetched without credentials, with redirects followed only while the rule refuses private hosts', async () => {
  let rulesDuringFetch: typeof rules = [];
  const { calls, fetchImpl } = recorder(() => {
    rulesDuringFetch = rules;
    return new Response(html('Story'), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  });
  const page = await fetchPage('https://news.example.com/story', { fetchImpl });
  expect(page.html).toContain('<title>Story</title>');
  expect(calls).toHaveLength(1);
  expect(calls[0]!.init).toMatchObject({ credentials: 'omit', redirect: 'follow' });
  expect(rulesDuringFetch.length).toBeGreaterThan(0);
  for (const rule of rulesDuringFetch) expect(rule.condition.tabIds).toEqual([-1]);
  const refused = (url: string) => rulesDuringFetch.some((r) => new RegExp(r.condition.regexFilter!).test(url));
  expect(refused('http://127.0.0.1:8080/admin')).toBe(true);
  expect(refused('http://192.168.0.1/')).toBe(true);
  expect(refused('https://news.example.com/story')).toBe(false);
  // Off again afterwards: a translation server on localhost is the user's own choice.
  expect(rules).toEqual([]);
});

test('without the request rule, redirects are not followed at all', async () => {
  Object.assign(fakeBrowser, {
    declarativeNetRequest: {
      updateSessionRules: async () => {
        throw new Error('not allowed');
      },
    },
  });
  const { calls, fetchImpl } = recorder((_, init) => {
    if (init.redirect === 'error') throw new TypeError('Failed to fetch');
    return Response.redirect('http://127.0.0.1/admin', 302);
  });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // The recording fetch answers 'manual' with a redirect (a real one would be opaque).
  const refused = await failure(fetchPage('https://news.example.com/r', { fetchImpl }));
  expect(calls.map((c) => c.init.redirect)).toEqual(['error', 'manual']);
  expect(refused).toMatchObject({ code: 'unreachable' });
});

test('a redirect the browser refused is told apart from a dead network', async () => {
  const opaque = { type: 'opaqueredirect', status: 0, ok: false, url: '', headers: new Headers() } as Response;
  const { fetchImpl } = recorder((_, init) => {
    if (init.redirect === 'manual') return opaque;
    throw new TypeError('Failed to fetch');
  });
  expect(await failure(fetchPage('https://news.example.com/r', { fetchImpl }))).toEqual({ code: 'blocked', detail: 'redirect' });
  const dead = recorder(() => {
    throw new TypeError('Failed to fetch');
  });
  expect(await failure(fetchPage('https://news.example.com/r', { fetchImpl: dead.fetchImpl }))).toMatchObject({
    code: 'unreachable',
  });
});

test('an answer that ended on a private host is not used', async () => {
  const { fetchImpl } = recorder(() => {
    const response = new Response(html('admin'), { headers: { 'content-type': 'text/html' } });
    Object.defineProperty(response, 'url', { value: 'http://192.168.0.1/admin' });
    return response;
  });
  expect(await failure(fetchPage('https://news.example.com/r', { fetchImpl }))).toEqual({ code: 'blocked', detail: 'redirect' });
});

test('a declared size over the cap is refused unread; a streamed one is cancelled past the cap', async () => {
  let pulled = 0;
  const endless = () =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65536;
        controller.enqueue(new Uint8Array(65536).fill(0x61));
      },
    });
  const declared = recorder(
    () => new Response(endless(), { headers: { 'content-type': 'text/html', 'content-length': String(50e6) } }),
  );
  expect(await failure(fetchPage('https://news.example.com/big', { fetchImpl: declared.fetchImpl }))).toMatchObject({
    code: 'too-large',
  });
  expect(pulled).toBeLessThanOrEqual(2 * 65536);
  pulled = 0;
  const streamed = recorder(() => new Response(endless(), { headers: { 'content-type': 'text/html' } }));
  expect(await failure(fetchPage('https://news.example.com/big', { fetchImpl: streamed.fetchImpl }))).toMatchObject({
    code: 'too-large',
  });
  expect(pulled).toBeLessThanOrEqual(MAX_PAGE_BYTES + 3 * 65536);
});

test('a link that is not a web page is refused without reading it', async () => {
  const { fetchImpl } = recorder(() => new Response('%PDF-1.7', { headers: { 'content-type': 'application/pdf' } }));
  expect(await failure(fetchPage('https://news.example.com/a.pdf', { fetchImpl }))).toMatchObject({ code: 'not-html' });
});

test('EUC-KR and Shift_JIS pages come out as written, declared in the header or not at all', async () => {
  const korean = html('밤 10시 이후에도 문을 여는 공공도서관이 생긴다');
  const japanese = html('夜も開く公共図書館、来月から市内三か所で');
  const cases: Array<[string, Uint8Array, string]> = [
    [korean, legacyEncode(korean, 'euc-kr'), 'text/html; charset=ks_c_5601-1987'],
    [korean, legacyEncode(korean, 'euc-kr'), 'text/html'],
    [japanese, legacyEncode(japanese, 'shift_jis'), 'text/html; charset=x-sjis'],
    [japanese, legacyEncode(japanese, 'shift_jis'), 'text/html'],
  ];
  for (const [text, bytes, type] of cases) {
    const { fetchImpl } = recorder(() => new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }));
    expect((await fetchPage('https://news.example.com/a', { fetchImpl })).html).toBe(text);
  }
});
