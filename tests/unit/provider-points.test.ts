// @vitest-environment node
// Key points written by the user's OpenAI-compatible provider: the answer read strictly (it comes
// from a server: plain text only, three to five points), each point linked to the sentence it
// restates or to none, and the whole path against the local chat server on 127.0.0.1
// (scripts/lib/translate-server.mjs, the one the translation tests use) with its 401, 429 and 500,
// and a server that does not answer in time.
import { startTranslateServer } from '../../scripts/lib/translate-server.mjs';
import { keyPoints, linkToSources } from '@/lib/summary/key-points';
import {
  articleForPrompt,
  cleanPoint,
  keyPointsPrompt,
  MAX_POINT_CHARS,
  parseKeyPoints,
  writeKeyPoints,
} from '@/lib/summary/provider-points';
import { REQUEST_TIMEOUT_MS } from '@/lib/translate/providers/http';
import type { ProviderConfig } from '@/lib/translate/providers/registry';
import { TranslateError, translateErrorMessage } from '@/lib/translate/types';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installEnglishMessages } from './translate-helpers';

let server: Awaited<ReturnType<typeof startTranslateServer>>;
beforeAll(async () => {
  server = await startTranslateServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  fakeBrowser.reset();
  installEnglishMessages();
});

const SENTENCES = [
  "Oracle agreed on Monday to run part of Lockheed Martin's engineering software in its cloud.",
  'Safra Catz said the work would start in April at data centers in Virginia and Arizona.',
  'Shares of Oracle rose 3% in New York while Lockheed Martin was little changed.',
  'The Pentagon has asked contractors to move more of their systems to secure cloud services by 2027.',
  'Analysts expect other defence companies to sign similar contracts within the year.',
  'Lockheed Martin declined to say how much the contract was worth.',
];
const KOREAN = [
  '서울시는 다음 달부터 시립 도서관 다섯 곳을 24시간 운영한다고 7일 밝혔다.',
  '시는 야간 이용객이 지난해보다 40% 늘어 운영 시간을 늘리기로 했다고 설명했다.',
  '야간에는 무인 대출기와 보안 인력이 배치된다.',
  '시민 누구나 도서관 회원증만 있으면 이용할 수 있다.',
  '시는 이용 현황을 보고 내년에 대상 도서관을 늘릴 계획이다.',
];

const config = (extra: Partial<{ apiKey: string; model: string }> = {}): ProviderConfig => ({
  kind: 'openai',
  baseUrl: server.url('/v1'),
  model: 'echo-1',
  ...extra,
});

const fails = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (err) {
    return translateErrorMessage(err);
  }
  throw new Error('did not fail');
};

test('parseKeyPoints: a JSON array, fenced or wrapped, or a bulleted list after a preamble', () => {
  const three = ['One thing happened.', 'Another thing followed.', 'A third was said.'];
  expect(parseKeyPoints(JSON.stringify(three))).toEqual(three);
  expect(parseKeyPoints('```json\n' + JSON.stringify({ points: three }) + '\n```')).toEqual(three);
  expect(
    parseKeyPoints('Here are the key points:\n\n- One thing happened.\n* **Another** thing followed.\n3. A third was said.'),
  ).toEqual(three);
  expect(parseKeyPoints(JSON.stringify([...three, 'Four.', 'Five.', 'Six.', 'Seven.']))).toHaveLength(5);
});

test('parseKeyPoints: plain text only; fewer than three points, or a list of other things, is a malformed answer', () => {
  const points = parseKeyPoints(
    JSON.stringify([
      'The <img src=x onerror="alert(1)">board <b>approved</b> the deal.<script>alert(2)</script>',
      'Shares \u202egnp.exe\u202c rose\u200b 3%.',
      'x'.repeat(MAX_POINT_CHARS * 2),
    ]),
  );
  expect(points[0]).toBe('The board approved the deal.');
  expect(points[1]).toBe('Shares gnp.exe rose 3%.');
  expect(points[2]!.length).toBeLessThanOrEqual(MAX_POINT_CHARS + 1);
  for (const answer of [
    '["Only one point."]',
    'Just some prose without a list.',
    '[1, 2, 3]',
    '{"points": [{"a": 1}, 2, 3]}',
    '',
  ]) {
    expect(() => parseKeyPoints(answer)).toThrow(TranslateError);
  }
  expect(cleanPoint('  - “**Quoted** point”  ')).toBe('Quoted point');
  expect(cleanPoint('<br>')).toBe('');
});

test('linkToSources: a restated point links to its sentence (Korean too); one that states something else links to none', () => {
  const linked = linkToSources(
    ['Oracle will run Lockheed Martin engineering software in its cloud', 'The weather in Paris was sunny and mild all week'],
    SENTENCES,
  );
  expect(linked.map((p) => p.source)).toEqual([0, null]);
  expect(linkToSources(['시립 도서관 다섯 곳이 24시간 문을 연다'], KOREAN)[0]!.source).toBe(0);
  expect(linkToSources(['주가가 크게 떨어졌다'], KOREAN)[0]!.source).toBeNull();
});

test('the prompt names the count and the language; the article goes in whole sentences up to the bound', () => {
  expect(keyPointsPrompt(4, 'ko')).toMatch(/the 4 key points .*in Korean/);
  expect(keyPointsPrompt(3, null)).toMatch(/in the language it is written in/);
  const long = Array.from({ length: 500 }, (_, i) => `Sentence number ${i} of a long article.`);
  const sent = articleForPrompt(long, 1000);
  expect(sent.length).toBeLessThanOrEqual(1000);
  expect(sent.endsWith('article.')).toBe(true);
});

test('against the local chat server: the points, each linked to the sentence it restates', async () => {
  for (const sentences of [SENTENCES, KOREAN]) {
    const written = await writeKeyPoints(config(), { sentences, count: 3, lang: null });
    expect(written).toHaveLength(3);
    const result = await keyPoints(sentences, {
      lang: null,
      summarizer: null,
      provider: async (s, count) => writeKeyPoints(config(), { sentences: s, count, lang: null }),
    });
    expect(result.engine).toBe('provider');
    for (const p of result.points) {
      expect(p.source).not.toBeNull();
      expect(sentences[p.source!]!.startsWith(p.text)).toBe(true);
    }
  }
  expect(server.stats.keyPoints).toBe(4);
});

test("the server's 401, 429 and 500 are the translation's sentences; keyPoints then shows the device's points with that sentence", async () => {
  expect(await fails(writeKeyPoints(config({ apiKey: 'bad-key' }), { sentences: SENTENCES, count: 3, lang: 'en' }))).toBe(
    'The translation service refused the API key. Check the key in the options.',
  );
  server.fail(429, 1, { retryAfter: 30 });
  expect(await fails(writeKeyPoints(config(), { sentences: SENTENCES, count: 3, lang: 'en' }))).toBe(
    'The translation service is receiving too many requests. Try again in a minute.',
  );
  server.fail(500);
  const provider = async (s: readonly string[], count: number) => {
    try {
      return await writeKeyPoints(config(), { sentences: s, count, lang: 'en' });
    } catch (err) {
      throw new Error(translateErrorMessage(err));
    }
  };
  const result = await keyPoints(SENTENCES, { lang: 'en', summarizer: null, provider });
  expect(result.engine).toBe('extractive');
  expect(result.error).toBe('The translation service failed (error 500). Try again later.');
  expect(result.points.length).toBeGreaterThanOrEqual(3);
  expect(result.points.every((p) => p.text === SENTENCES[p.source!])).toBe(true);
  // A malformed answer (one point of prose) is said too.
  server.keyPointsAnswer('I cannot summarize this article.');
  expect((await keyPoints(SENTENCES, { lang: 'en', summarizer: null, provider })).error).toBe(
    'The translation service gave an answer that could not be used.',
  );
});

test('a server that does not answer in time: the timeout sentence', async () => {
  vi.useFakeTimers();
  try {
    const never = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const pending = fails(
      writeKeyPoints(config(), { sentences: SENTENCES, count: 3, lang: 'en' }, { runtime: { fetchImpl: never } }),
    );
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS + 1);
    expect(await pending).toBe('The translation service did not answer in time. What was translated stays; try again later.');
  } finally {
    vi.useRealTimers();
  }
});
