// Sentence splitting for read-aloud and key points: Korean and English, abbreviations kept whole,
// no utterance longer than the limit, offsets that point into the text.
import { MAX_SENTENCE, splitSentences } from '@/lib/speech/sentences';

const texts = (text: string, lang: string | null, max?: number) =>
  splitSentences(text, lang, max).map((s) => text.slice(s.start, s.end));

test('Korean sentences end at 다. 요. ? ! and quotes stay with their sentence', () => {
  const text =
    '밤 10시 이후에도 문을 여는 공공도서관이 생긴다. 한빛시는 14일 "시범 운영"한다고 밝혔다.  누가 쓰나요? 시민 누구나 쓸 수 있어요!';
  expect(texts(text, 'ko')).toEqual([
    '밤 10시 이후에도 문을 여는 공공도서관이 생긴다.',
    '한빛시는 14일 "시범 운영"한다고 밝혔다.',
    '누가 쓰나요?',
    '시민 누구나 쓸 수 있어요!',
  ]);
});

test('English: abbreviations and initials do not end a sentence; decimals neither', () => {
  const text = 'Mr. Kim met Dr. Lee in the U.S. on Monday. Shares rose 3.5% in New York. "It works," she said.';
  expect(texts(text, 'en')).toEqual([
    'Mr. Kim met Dr. Lee in the U.S. on Monday.',
    'Shares rose 3.5% in New York.',
    '"It works," she said.',
  ]);
});

test('without Intl.Segmenter the punctuation rule splits the same sentences', () => {
  const saved = Intl.Segmenter;
  try {
    // An engine without it.
    delete (Intl as { Segmenter?: unknown }).Segmenter;
    expect(texts('첫 문장이다. 둘째 문장이다. Third one here.', 'ko')).toEqual([
      '첫 문장이다.',
      '둘째 문장이다.',
      'Third one here.',
    ]);
  } finally {
    (Intl as { Segmenter?: unknown }).Segmenter = saved;
  }
});

test('a very long sentence is cut at a comma or a space, never past the limit, and loses no word', () => {
  const clause = 'the council said the library would stay open late on weekdays';
  const text = `${Array(12).fill(clause).join(', ')}.`;
  const parts = texts(text, 'en');
  expect(parts.length).toBeGreaterThan(2);
  for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE);
  expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text);
  // A text without spaces (long Korean run, URL) is still cut.
  const run = '가'.repeat(600);
  const cut = texts(run, 'ko');
  expect(cut.every((p) => p.length <= MAX_SENTENCE)).toBe(true);
  expect(cut.join('')).toBe(run);
});

test('white space and symbol-only text make no sentence; offsets point into the text', () => {
  expect(splitSentences('   \n  ', 'en')).toEqual([]);
  const text = '  Hello there.   Next one.';
  const spans = splitSentences(text, 'en');
  expect(spans).toEqual([
    { start: 2, end: 14 },
    { start: 17, end: 26 },
  ]);
});
