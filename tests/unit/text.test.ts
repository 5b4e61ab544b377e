// Word counts, reading time and plain text: Korean, Japanese and Chinese are counted by
// characters (a space-separated "word" means nothing in Japanese or Chinese, and a Korean eojeol
// carries its particles), other scripts by words.
import {
  countText,
  languageFromScript,
  minutesFor,
  readingMinutes,
  READING_SPEED,
  squash,
  toPlainText,
  wordCount,
} from '@/lib/article/text';
import { parse } from './article-helpers';

describe('counting', () => {
  test('English: words, with contractions, abbreviations, hyphenated words and numbers as one each', () => {
    expect(wordCount('The quick brown fox jumps over the lazy dog.')).toBe(9);
    // Don't · stop · the · U.S · state-of-the-art · plan · costs · 3.5 · billion · really
    expect(wordCount("Don't stop: the U.S. state-of-the-art plan costs 3.5 billion — really!")).toBe(10);
    expect(countText('Hello, world').hangul).toBe(0);
  });

  test('Korean: characters, not spaces', () => {
    const text = '시의회는 화요일 도서관 운영 시간을 늘렸다.';
    // 4 + 3 + 3 + 2 + 3 + 3 Hangul syllables in 6 eojeol.
    expect(countText(text)).toEqual({ words: 0, hangul: 18, hanKana: 0 });
    expect(wordCount(text)).toBe(18);
    expect(wordCount(text)).toBeGreaterThan(text.split(/\s+/).length);
  });

  test('Japanese and Chinese: characters (kana and Han)', () => {
    // 東京都 は 図書館 の 開館時間 を 延長 した: 3 + 1 + 3 + 1 + 4 + 1 + 2 + 2.
    expect(countText('東京都は図書館の開館時間を延長した。')).toEqual({ words: 0, hangul: 0, hanKana: 17 });
    expect(countText('市议会周二投票延长图书馆开放时间。')).toEqual({ words: 0, hangul: 0, hanKana: 16 });
    expect(wordCount('市议会周二投票延长图书馆开放时间。')).toBe(16);
  });

  test('mixed text: Hangul by character, Latin words and numbers by word', () => {
    expect(countText('삼성전자, Galaxy S24 2월 출시')).toEqual({ words: 3, hangul: 7, hanKana: 0 });
    // 李 (Han) + 대표는 + AI (a word) + 정책을 + 발표했다.
    expect(wordCount('李 대표는 AI 정책을 발표했다')).toBe(1 + 3 + 1 + 3 + 4);
  });

  test('empty and blank text count nothing', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount(' \n\t ')).toBe(0);
    expect(readingMinutes('')).toBe(0);
    expect(readingMinutes('— … ·')).toBe(0);
  });
});

describe('reading time', () => {
  const english = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const korean = (n: number) => '가'.repeat(n);

  test('English at 230 words a minute, at least one minute for any text', () => {
    expect(READING_SPEED.words).toBe(230);
    expect(readingMinutes('Hi')).toBe(1);
    expect(readingMinutes(english(230))).toBe(1);
    expect(readingMinutes(english(460))).toBe(2);
    expect(readingMinutes(english(2300))).toBe(10);
  });

  test('Korean at 500 characters a minute', () => {
    expect(readingMinutes(korean(500))).toBe(1);
    expect(readingMinutes(korean(2500))).toBe(5);
    // The same 2,500 characters in 500 eojeol would be 2 minutes if counted as words.
    const spaced = Array.from({ length: 500 }, () => '가나다라마').join(' ');
    expect(readingMinutes(spaced)).toBe(5);
  });

  test('Japanese and Chinese at 400 characters a minute', () => {
    expect(readingMinutes('図'.repeat(400))).toBe(1);
    expect(readingMinutes('图'.repeat(2000))).toBe(5);
    expect(readingMinutes('ひらがな'.repeat(300))).toBe(3);
  });

  test('a mixed text adds the parts', () => {
    expect(readingMinutes(`${korean(1000)} ${english(460)}`)).toBe(4);
  });
});

describe('language from script', () => {
  test('Korean, Japanese, Chinese; nothing for Latin text or too little text', () => {
    expect(languageFromScript('시의회는 화요일 시립 도서관의 운영 시간을 밤 10시까지 늘리는 조례안을 통과시켰다.')).toBe('ko');
    expect(languageFromScript('東京都は火曜日、図書館の開館時間を午後10時まで延長すると発表しました。来月から実施します。')).toBe(
      'ja',
    );
    expect(languageFromScript('市议会周二投票通过了将市立图书馆开放时间延长至晚上十点的决定。')).toBe('zh');
    expect(languageFromScript('The council voted on Tuesday.')).toBeNull();
    expect(languageFromScript('한국')).toBeNull();
  });

  test('a short Japanese text is Japanese, not Chinese: any share of kana decides', () => {
    // Ten kana among 34 characters; Chinese text has none.
    expect(languageFromScript('東京都は火曜日、図書館の開館時間を午後10時まで延長すると発表した。')).toBe('ja');
    expect(languageFromScript('首相は「検討する」と述べた。政府は来年度予算に計上する方針だ。')).toBe('ja');
  });

  test('Korean with Hanja is still Korean', () => {
    expect(languageFromScript('李 대통령은 國政 운영 방향을 밝히며 국민 통합과 경제 회복을 최우선 과제로 제시했다.')).toBe('ko');
  });
});

test('squash: runs of any white space become one space, ends trimmed; squashed text comes back as it is', () => {
  for (const text of [
    '',
    'word',
    'two words',
    ' lead',
    'trail ',
    'a  b',
    'a\nb',
    'a\u00a0b',
    'a\u200bb',
    '\u3000가\t나\r\n',
    'x\ufeff',
    '\u2028y\u2029 z',
  ]) {
    expect(squash(text), JSON.stringify(text)).toBe(text.replace(/[\s\u00a0\u200b]+/g, ' ').trim());
  }
  expect(squash(null)).toBe('');
  expect(squash(undefined)).toBe('');
});

describe('toPlainText', () => {
  const el = (html: string) => parse(`<!doctype html><html><body><div id="r">${html}</div></body></html>`).getElementById('r')!;

  test('blocks are separated by one blank line, inline markup stays in its line', () => {
    const text = toPlainText(
      el(
        '<h1>Title</h1><p>One <b>bold</b> and <a href="#">linked</a> word.</p><p>Two</p><ul><li>a</li><li>b</li></ul><blockquote><p>Quoted</p></blockquote>',
      ),
    );
    expect(text).toBe('Title\n\nOne bold and linked word.\n\nTwo\n\na\n\nb\n\nQuoted');
  });

  test('<br> is a line break, not a paragraph', () => {
    expect(toPlainText(el('<p>Line one<br>line two<br/>line three</p><p>Next</p>'))).toBe(
      'Line one\nline two\nline three\n\nNext',
    );
  });

  test('nested blocks never make more than one blank line; white space collapses', () => {
    const text = toPlainText(
      el('<div><div><p>  A \u00a0 spaced\t\tline </p></div></div>\n\n\n<section><div><p>B</p></div></section>'),
    );
    expect(text).toBe('A spaced line\n\nB');
    expect(text).not.toMatch(/\n{3,}/);
  });

  test('line breaks of the HTML source are spaces, as on screen; <pre> keeps its lines', () => {
    const text = toPlainText(
      el(
        '<p>Lupita\'s now-famous Oscar dress\n    -- adorned in pearls -- was stolen right out of her hotel room.</p><p>谷歌(<a href="#">微博</a>)\r\n  在2014年</p><pre>line one\nline two</pre>',
      ),
    );
    expect(text).toBe(
      "Lupita's now-famous Oscar dress -- adorned in pearls -- was stolen right out of her hotel room.\n\n谷歌(微博) 在2014年\n\nline one\nline two",
    );
  });

  test('scripts, styles, templates and noscript are not text', () => {
    expect(
      toPlainText(
        el('<p>Visible</p><script>var x = 1;</script><style>p{}</style><template><p>T</p></template><noscript>N</noscript>'),
      ),
    ).toBe('Visible');
  });

  test('Korean paragraphs keep their own spacing', () => {
    expect(toPlainText(el('<p>첫 번째 문단입니다.</p><p>두 번째 <em>문단</em>입니다.</p>'))).toBe(
      '첫 번째 문단입니다.\n\n두 번째 문단입니다.',
    );
  });

  test('a table reads cell by cell', () => {
    const text = toPlainText(el('<table><tr><th>Year</th><th>Visits</th></tr><tr><td>2023</td><td>1,200</td></tr></table>'));
    expect(text.split(/\n+/)).toEqual(['Year', 'Visits', '2023', '1,200']);
  });
});

test('minutesFor gives readingMinutes from counts taken once', () => {
  for (const text of ['', 'One two three.', '시의회가 도서관 운영 시간을 늘렸다. '.repeat(200), 'word '.repeat(1000)]) {
    expect(minutesFor(countText(text))).toBe(readingMinutes(text));
  }
});

test('countWords counts what the word pattern matches', async () => {
  const { countWords } = await import('@/lib/article/text');
  const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
  for (const s of [
    "Don't stop: the U.S. e-mail -- a-b 'quoted' 3.14 café naïve x.",
    'one',
    '',
    ' - . ',
    "it's–fine",
    'Ελληνικά και Русский текст 12,500',
    "end.'",
  ]) {
    expect(countWords(s), s).toBe(s.match(WORD)?.length ?? 0);
  }
});
