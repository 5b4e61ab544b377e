// @vitest-environment node
// Issue 18, entities a reader can trust: each failure a reader saw, one assertion each, on sentences
// written for these tests (none is from the dev corpora), and the seed article's panel.
import fs from 'node:fs';
import path from 'node:path';
import { groupEntities, recognize } from '@/lib/entities';
import { trimKoreanNames } from '@/lib/entities/korean/evidence';
import type { EntitySpan } from '@/lib/entities/types';

const spansOf = (text: string, lang: string) => recognize(text, lang);
const names = (text: string, lang: string, type: string) =>
  spansOf(text, lang)
    .filter((s) => s.type === type)
    .map((s) => s.text);
const tickers = (text: string, lang: string) =>
  spansOf(text, lang).flatMap((s) => (s.ticker ? [`${s.text}=${s.ticker.code}`] : []));

describe('common words and verb forms never become names', () => {
  it('a verb form in a quotation is no person', () => {
    expect(names('어머니는 "다들 그렇게 산다고 하더라"고 말씀하셨다.', 'ko', 'person')).toEqual([]);
  });
  it('"한다" is no person', () => {
    expect(names('선생님은 "숙제는 내일까지 해야 한다"고 말씀하셨다.', 'ko', 'person')).toEqual([]);
  });
  it('"비트코인" is no person, nor a piece of it', () => {
    expect(names('비트코인 가격이 이번 주 크게 올랐다. 비트코인 투자자들은 환호했다.', 'ko', 'person')).toEqual([]);
  });
  it('a quoted word said by someone is no person', () => {
    expect(names('그는 소감을 묻자 "원더풀"이라고 짧게 답했다.', 'ko', 'person')).toEqual([]);
  });
  it('"트럼프" alone before a title is found', () => {
    expect(names('트럼프 대통령은 이날 기자회견을 열었다.', 'ko', 'person')).toEqual(['트럼프']);
  });
  it('a product name is no person', () => {
    expect(names('The new MacBook Pro ships in May with two ports.', 'en', 'person')).toEqual([]);
  });
  it('Wi-Fi is no person', () => {
    expect(names('The hotel offers free Wi-Fi in every room.', 'en', 'person')).toEqual([]);
  });
  it('a product with a model letter is no place', () => {
    expect(names('In Final Cut Pro X, hold the key and drag.', 'en', 'place')).toEqual([]);
  });
  it('a product line is no place where the text names its models', () => {
    const text = 'The Pixel Pro sold out in Canada, and Pixel owners waited.';
    expect(spansOf(text, 'en').filter((s) => s.text === 'Pixel')).toEqual([]);
  });
  it('a common word labelled by a letter is no name', () => {
    expect(spansOf('Spain plays in Group D, and Italy in Group A.', 'en').map((s) => s.text)).toEqual(['Spain', 'Italy']);
  });
  it('text in capitals does not derail English', () => {
    const text = 'THE COURT: PLEASE STATE YOUR NAME FOR THE RECORD. THE WITNESS: MARY JONES.';
    expect(spansOf(text, 'en').filter((s) => s.type === 'org' || s.type === 'person')).toEqual([]);
  });
});

describe('one entity, one entry', () => {
  it('a common word before a foreign name is not part of it', () => {
    expect(names('만남 후 올트먼 CEO는 자리를 떠났다. 샘 올트먼 오픈AI CEO는 웃었다.', 'ko', 'person')).not.toContain(
      '후 올트먼',
    );
  });
  it('a common word after a person or a place is not part of it', () => {
    const spans: EntitySpan[] = [
      { start: 0, end: 6, type: 'person', text: '김영삼 당시' },
      { start: 10, end: 17, type: 'place', text: '일본 스마트폰' },
      { start: 20, end: 26, type: 'place', text: '서울 서초구' },
      { start: 30, end: 37, type: 'person', text: '도널드 트럼프' },
    ];
    trimKoreanNames(spans);
    expect(spans.map((s) => `${s.start}-${s.end} ${s.text}`)).toEqual([
      '0-3 김영삼',
      '10-12 일본',
      '20-26 서울 서초구',
      '30-37 도널드 트럼프',
    ]);
  });
  it('a person run into the company after it is split', () => {
    expect(names('일론 머스크 테슬라 CEO는 이날 새 공장 계획을 밝혔다.', 'ko', 'person')).toEqual(['일론 머스크']);
  });
  it('"팀 쿡 애플 CEO" is Tim Cook of Apple', () => {
    expect(names('팀 쿡 애플 CEO는 신제품을 공개했다.', 'ko', 'person')).toEqual(['팀 쿡']);
  });
  it('an e-mail address after a date is found whole', () => {
    expect(names('사진은 행사장 모습. 2025.02.04 hong01@example.com', 'ko', 'email')).toEqual(['hong01@example.com']);
  });
  it('"최 회장" joins the full name named with that title, not a reporter with the same surname', () => {
    const text = '최지환 기자가 전했다. 최태원 SK그룹 회장은 이날 회견을 열었다. 최 회장은 말을 아꼈다.';
    const people = groupEntities(spansOf(text, 'ko')).find((g) => g.group === 'person')!.entries;
    expect(people.find((e) => e.name === '최태원')?.count).toBe(2);
  });
});

describe('tickers only for companies', () => {
  it('ordinary Korean words that are listed names get no ticker', () => {
    expect(tickers('명절에 형님과 동서는 부엌에서 전을 부쳤다. 동양 철학 책을 읽었다. 대교 위에 차가 막혔다.', 'ko')).toEqual([]);
  });
  it('a goddess who shares a listed name gets no ticker', () => {
    expect(tickers('In Greek myth, Nike was the goddess of victory, shown with wings.', 'en')).toEqual([]);
  });
  it('an ordinary word that is a listed name gets no ticker', () => {
    expect(tickers('The Mosaic exhibition opens on Friday at the town museum.', 'en')).toEqual([]);
  });
  it('a town that shares a listed name gets no ticker', () => {
    expect(tickers('Corning is a small city in upstate New York, on a river.', 'en')).toEqual([]);
  });
  // A guard (it held before too): company words around an ordinary word still give the ticker.
  it('a listed name with company words gets its ticker', () => {
    expect(tickers('Shares of Target rose after the retailer reported higher sales.', 'en')).toEqual(['Target=TGT']);
  });
  it('a possessive does not cut a name', () => {
    expect(tickers("Investors cheered Lowe's quarterly results.", 'en')).toEqual(["Lowe's=LOW"]);
  });
  it('a particle does not cut a name', () => {
    expect(tickers('테슬라는 이날 실적을 발표했다.', 'ko')).toEqual(['테슬라=TSLA']);
  });
  it('a legal form after a short name keeps the ticker', () => {
    expect(tickers('Walt Disney Co. said its streaming service gained subscribers.', 'en')).toEqual(['Walt Disney Co.=DIS']);
  });
});

describe("the seed article's panel (../shared/seed)", () => {
  const page = fs.readFileSync(path.resolve(__dirname, '../../../shared/seed/000_ec71d0287be534e7.txt'), 'utf8');
  // The article: from its headline to the reporter's e-mail line (the portal's menus before it and
  // the unrelated "best articles" after it are what the reader's extraction leaves out).
  const text = page.slice(page.indexOf('[종합]'), page.indexOf('[뉴스핌 베스트 기사]'));
  const spans = recognize(text, 'ko');
  const groups = groupEntities(spans);
  const entries = (group: string) => groups.find((g) => g.group === group)?.entries ?? [];
  const PEOPLE = ['이재용', '샘 올트먼', '손정의', '최태원', '곽노정', '유영상', '정신아'];
  // The reporters named in the bylines ("[서울=뉴스핌] 서영욱 김정인 기자 ="), read from the text.
  const reporters = [...text.matchAll(/뉴스핌\] ([가-힣 ]+?) 기자/g)].flatMap((m) => m[1]!.split(' '));

  it('lists each of the seven people exactly once', () => {
    expect(PEOPLE.map((p) => entries('person').filter((e) => e.name === p).length)).toEqual(PEOPLE.map(() => 1));
  });
  it('lists no other person than the seven and the bylined reporters', () => {
    expect(entries('person').filter((e) => !PEOPLE.includes(e.name) && !reporters.includes(e.name))).toEqual([]);
  });
  it('gives the listed companies their tickers', () => {
    const code = (name: string) => entries('org').find((e) => e.name === name)?.ticker?.code;
    expect(['삼성전자', 'SK하이닉스', 'SK텔레콤', '카카오', '오라클'].map(code)).toEqual([
      '005930',
      '000660',
      '017670',
      '035720',
      'ORCL',
    ]);
  });
  it('finds the e-mail addresses whole', () => {
    expect(spans.filter((s) => s.type === 'email').map((s) => s.text)).toEqual(
      expect.arrayContaining(['syu@newspim.com', 'choipix16@newspim.com', 'kji01@newspim.com']),
    );
  });
});
