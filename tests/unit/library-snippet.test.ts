// @vitest-environment node
// Search results' snippets (lib/library/snippet.ts): the passage around the first match, matched
// words marked as the index matches them, in Korean, Japanese, Chinese and English.
import { matchRanges, snippet } from '@/lib/library/snippet';

/** The snippet written with [brackets] around the marked parts. */
const show = (text: string, query: string, width?: number) =>
  snippet(text, query, width)
    ?.map((p) => (p.mark ? `[${p.text}]` : p.text))
    .join('') ?? null;

test('English: folded (case, accents), at the start of words, every query word marked', () => {
  expect(show('The Café opened. A new cafe culture; decafe is not it.', 'CAFE culture')).toBe(
    'The [Café] opened. A new [cafe] [culture]; decafe is not it.',
  );
});

test('Korean: a word found at the start of an eojeol, particles after it left unmarked', () => {
  expect(show('삼성전자는 반도체를 만든다. 전자 산업은 크다.', '삼성')).toBe('[삼성]전자는 반도체를 만든다. 전자 산업은 크다.');
  expect(show('한빛시는 24시간 도서관 열람실을 연다.', '열람실 도서관')).toBe('한빛시는 24시간 [도서관] [열람실]을 연다.');
});

test('Japanese and Chinese: anywhere in a run, three characters and more (閲覧室)', () => {
  expect(show('夜間の運営に必要な職員を新たに採用し、閲覧室の照明や暖房も改修する。', '閲覧室')).toBe(
    '夜間の運営に必要な職員を新たに採用し、[閲覧室]の照明や暖房も改修する。',
  );
  expect(show('北京市图书馆的阅览室将延长开放时间。', '阅览室')).toBe('北京市图书馆的[阅览室]将延长开放时间。');
  // full-width letters are folded as the index folds them
  expect(show('ＡＢＣ銀行の発表', 'abc')).toBe('[ＡＢＣ]銀行の発表');
});

test('a long text: the passage around the first match, cut at spaces, with ellipses', () => {
  const text = `${'Before the news, many words are written here. '.repeat(10)}The harbour plan was approved on Tuesday. ${'After it, more words follow in the text. '.repeat(10)}`;
  const out = show(text, 'harbour', 120)!;
  expect(out.startsWith('…')).toBe(true);
  expect(out.endsWith('…')).toBe(true);
  expect(out).toContain('[harbour] plan was approved');
  expect(out.length).toBeLessThan(140);
});

test('no match in the text (the title matched): no snippet; an unsearchable query marks nothing', () => {
  expect(show('Nothing here.', 'harbour')).toBeNull();
  expect(matchRanges('a b c', 'a')).toEqual([]);
  expect(matchRanges('', 'x')).toEqual([]);
});
