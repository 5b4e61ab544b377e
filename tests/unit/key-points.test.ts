// @vitest-environment node
// Key points: the extractive engine on the dev corpora's Korean portal pages (no network, no
// model), and the choice of engine. Chrome's Summarizer has no model on this machine: it is tested
// against a fake written to Chrome's documented API (developer.chrome.com/docs/ai/summarizer-api:
// Summarizer.availability(options), Summarizer.create({...options, monitor}) with
// `downloadprogress` events whose `loaded` goes 0 to 1, summarizer.summarize(text) answering
// key points as a bulleted list, destroy()).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '@/lib/speech/sentences';
import { keySentences, rankSentences, terms } from '@/lib/summary/extractive';
import { keyPoints, linkToSources, pointLines, type SummarizerApi } from '@/lib/summary/key-points';

const PORTALS = join(__dirname, '../../../shared/corpus/korean-portals');

/** Korean articles of the dev corpus: their sentences, from the true article body. */
function koreanPages(): Array<{ id: string; sentences: string[] }> {
  const out: Array<{ id: string; sentences: string[] }> = [];
  for (const id of readdirSync(PORTALS)) {
    const file = join(PORTALS, id, 'expected.txt');
    if (!existsSync(file)) continue;
    const body = readFileSync(file, 'utf8');
    if (!/[\uac00-\ud7a3]/.test(body)) continue;
    const sentences = body.split('\n').flatMap((p) => splitSentences(p, 'ko').map((s) => p.slice(s.start, s.end)));
    if (sentences.length >= 6) out.push({ id, sentences });
  }
  return out;
}

test('terms: words for spaced scripts, character bigrams inside Hangul so particles do not hide a word', () => {
  expect(terms('Shares of Oracle rose 3%')).toEqual(['shares', 'of', 'oracle', 'rose']);
  const a = new Set(terms('도서관이 문을 연다'));
  const b = new Set(terms('도서관은 늦게 닫는다'));
  expect([...a].filter((t) => b.has(t))).toEqual(['도서', '서관']);
});

test('on the Korean portal pages: 3 to 5 sentences of the article, in order, no near-duplicates', () => {
  const pages = koreanPages();
  expect(pages.length).toBeGreaterThanOrEqual(10);
  for (const { sentences } of pages) {
    const chosen = keySentences(sentences);
    expect(chosen.length).toBeGreaterThanOrEqual(Math.min(3, sentences.length));
    expect(chosen.length).toBeLessThanOrEqual(5);
    expect([...chosen].sort((x, y) => x - y)).toEqual(chosen);
    expect(new Set(chosen).size).toBe(chosen.length);
    for (const i of chosen) expect(sentences[i]!.length).toBeGreaterThanOrEqual(25);
  }
});

test("the ranking prefers the sentences that share the article's subject over an unrelated one", () => {
  // A sentence about something else, put in the middle of each page, is never a key point.
  let picked = 0;
  for (const { sentences } of koreanPages()) {
    const off = '한편 이날 전국 대부분 지역에는 구름이 많고 오후 한때 곳곳에 소나기가 내릴 것으로 예보됐다.';
    const mixed = [...sentences.slice(0, 3), off, ...sentences.slice(3)];
    if (keySentences(mixed).includes(3)) picked++;
  }
  expect(picked).toBe(0);
  expect(rankSentences([])).toEqual([]);
});

/** Chrome's Summarizer as documented; `state` is what availability() answers. */
function fakeSummarizer(state: 'unavailable' | 'downloadable' | 'available', answer: string) {
  const calls: string[] = [];
  const api: SummarizerApi = {
    async availability(options) {
      calls.push(`availability:${options.type}`);
      return state;
    },
    async create(options) {
      calls.push(`create:${options.type}:${options.format}`);
      if (state === 'downloadable' && options.monitor) {
        const m = new EventTarget();
        options.monitor(m);
        for (const loaded of [0, 0.5, 1]) m.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
      }
      return {
        async summarize(text: string) {
          calls.push(`summarize:${text.length}`);
          return answer;
        },
        destroy: () => void calls.push('destroy'),
      };
    },
  };
  return { api, calls };
}

const SENTENCES = [
  "Oracle agreed on Monday to run part of Lockheed Martin's engineering software in its cloud.",
  'Safra Catz said the work would start in April at data centers in Virginia and Arizona.',
  'Shares of Oracle rose 3% in New York while Lockheed Martin was little changed.',
  'The Pentagon has asked contractors to move more of their systems to secure cloud services by 2027.',
];

test('the Summarizer goes first where it can run: its download progress is reported, each point linked to its sentence', async () => {
  const { api, calls } = fakeSummarizer(
    'downloadable',
    '* Oracle will run Lockheed Martin software in its cloud.\n* Work starts in April in Virginia and Arizona.\n* Oracle shares rose 3%.',
  );
  const progress: number[] = [];
  const result = await keyPoints(SENTENCES, { lang: 'en', summarizer: api, onProgress: (p) => progress.push(p) });
  expect(result.engine).toBe('summarizer');
  expect(result.points.map((p) => p.source)).toEqual([0, 1, 2]);
  expect(result.points[0]!.text).toBe('Oracle will run Lockheed Martin software in its cloud.');
  expect(progress).toEqual([0, 0.5, 1]);
  expect(calls).toEqual([
    'availability:key-points',
    'create:key-points:plain-text',
    `summarize:${SENTENCES.join(' ').length}`,
    'destroy',
  ]);
});

test('no Summarizer model and no provider: the extractive engine, on the device', async () => {
  const { api, calls } = fakeSummarizer('unavailable', '');
  const result = await keyPoints(SENTENCES, { lang: 'en', summarizer: api, provider: null });
  expect(result.engine).toBe('extractive');
  expect(calls).toEqual(['availability:key-points']);
  expect(result.points.every((p) => p.text === SENTENCES[p.source!])).toBe(true);
});

test("a configured provider comes before the extractive engine; on its error, the device's points with the error's sentence", async () => {
  const result = await keyPoints(SENTENCES, {
    lang: 'en',
    summarizer: null,
    provider: async () => ['- The Pentagon wants contractors on secure cloud services.', '1. Oracle rose 3% in New York.'],
  });
  expect(result).toEqual({
    engine: 'provider',
    points: [
      { text: 'The Pentagon wants contractors on secure cloud services.', source: 3 },
      { text: 'Oracle rose 3% in New York.', source: 2 },
    ],
  });
  const fallback = await keyPoints(SENTENCES, {
    lang: 'en',
    provider: async () => Promise.reject(new Error('The service refused the key (error 401).')),
  });
  expect(fallback.engine).toBe('extractive');
  expect(fallback.error).toBe('The service refused the key (error 401).');
  expect(fallback.points.every((p) => p.text === SENTENCES[p.source!])).toBe(true);
  // The user chose the device for this provider: its points, and no error.
  expect(await keyPoints(SENTENCES, { lang: 'en', provider: async () => null })).toMatchObject({ engine: 'extractive' });
  expect((await keyPoints(SENTENCES, { lang: 'en', provider: async () => null })).error).toBeUndefined();
});

test('pointLines and linkToSources', () => {
  expect(pointLines('- one thing\n\n* **two** things\n3) three\n—')).toEqual(['one thing', 'two things', 'three']);
  expect(linkToSources(['도서관이 24시간 문을 연다'], ['날씨가 맑다.', '한빛시 도서관이 24시간 운영된다.'])[0]!.source).toBe(1);
});
