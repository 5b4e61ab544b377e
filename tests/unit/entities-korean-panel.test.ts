// @vitest-environment node
// The Korean panel's mistakes by class (issue 18), each fixed from the training sample's counts or
// general word lists, never from a development article: sentences written for these tests.
import { recognize } from '@/lib/entities';
import { SURE } from '@/lib/entities/confidence';
import { loanwordShaped, weighKoreanPlacesAndOrgs } from '@/lib/entities/korean/evidence';
import type { EntitySpan } from '@/lib/entities/types';

const shown = (text: string) =>
  recognize(text, 'ko')
    .filter((s) => s.type === 'person' || s.type === 'org' || s.type === 'place')
    .map((s) => `${s.type}:${s.text}`);
const confidenceOf = (text: string, name: string) => recognize(text, 'ko', 0).find((s) => s.text === name)?.confidence;

describe('cities are places, not organisations', () => {
  it('a city in a list of cities', () => {
    expect(shown('두 사람은 작년 서울에서 처음 만난 뒤 마드리드, 런던, 뉴욕에서 다시 만났다.')).toContain('place:마드리드');
  });
  it('a capital named as where something stands', () => {
    expect(shown('양국 정상은 이날 워싱턴 DC에 있는 기념비를 찾았다.')).toContain('place:워싱턴');
  });
});

describe('common nouns and loanwords are no people', () => {
  it('"무소속" (independent) before a title is no person', () => {
    expect(shown('국민의힘을 탈당한 박민철 무소속 의원이 이날 지지를 선언했다.')).not.toContain('person:무소속');
  });
  it('"마이닝" (mining) is no person', () => {
    expect(shown('그 회사는 지난해 비트코인 마이닝 사업을 두 배로 키웠다.')).toEqual([]);
  });
  it('a tournament named "…배" is no person', () => {
    expect(shown('어제 열린 송암배 아마추어선수권대회에서 그는 우승했다.')).toEqual([]);
  });
  it('a loanword is told by its inserted ㅡ, a Sino-Korean word is not', () => {
    expect([loanwordShaped('트럼프'), loanwordShaped('머스크'), loanwordShaped('무소속'), loanwordShaped('정부')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('evidence for names', () => {
  it('a title after "당시" (then) makes a person sure', () => {
    expect(confidenceOf('2009년 오바마 당시 대통령은 의회에서 연설했다.', '오바마')).toBe(SURE);
  });
  it('a family name shared with a person named in full and titled, though it is also a common noun', () => {
    expect(shown('도널드 트럼프 대통령의 두 아들 도널드 트럼프 주니어와 에릭 트럼프가 무대에 올랐다.')).toContain(
      'person:에릭 트럼프',
    );
  });
  it('a foreign person named in full after a given name of the training persons is shown without a title', () => {
    expect(shown('세미나에서 크리스 베이커는 새 전략을 소개했다.')).toEqual(['person:크리스 베이커']);
  });
  it('a gazetteer place that the training sample mostly uses as an ordinary word (음성 "voice") is not made sure; 서울 is', () => {
    const spans: EntitySpan[] = [
      { start: 3, end: 5, type: 'place', text: '음성', confidence: 0.2 },
      { start: 10, end: 12, type: 'place', text: '서울', confidence: 0.2 },
    ];
    weighKoreanPlacesAndOrgs(spans);
    expect(spans.map((s) => s.confidence)).toEqual([0.2, SURE]);
  });
  it("a party in the gazetteer is shown whatever the model's margin", () => {
    expect(shown('국민의힘을 떠난 박민철 의원이 이 후보 지지를 밝혔다.')).toContain('org:국민의힘');
  });
});
