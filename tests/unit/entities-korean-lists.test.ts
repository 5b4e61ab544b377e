// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { recognize } from '@/lib/entities';
import { bloomHas, buildBloom } from '@/lib/entities/korean/bloom';
import { isCommonNoun } from '@/lib/entities/korean/nouns';
import { MORE_ORGS, MORE_PLACES } from '@/lib/entities/korean/lexicon';

describe('Korean word lists', () => {
  it('knows common nouns (the person filter) and not names', () => {
    for (const w of ['고양이', '주유소', '골키퍼', '조카']) expect(isCommonNoun(w), w).toBe(true);
    for (const w of ['이재용', '손정의', '올트먼', '삼성전자']) expect(isCommonNoun(w), w).toBe(false);
    expect(isCommonNoun('고')).toBe(false);
  });

  it('a Bloom filter finds every word put in it', () => {
    const words = ['서울', '부산', '대구', '인천', '광주'];
    const f = buildBloom(words, 1024, 4);
    for (const w of words) expect(bloomHas(f, 1024, 4, w)).toBe(true);
  });

  it('holds multi-word entries and leaves out bare names that are common words', () => {
    expect(MORE_ORGS).toContain('두산 베어스');
    expect(MORE_PLACES).toContain('시가현');
    expect(MORE_PLACES).not.toContain('시가');
    expect(MORE_PLACES).not.toContain('메인');
  });
});

describe('Korean rules around the tagger', () => {
  const found = (text: string): string[] => recognize(text, 'ko').map((s) => `${s.text}/${s.type}`);

  it('takes a surname alone before a title as the person, as KLUE does', () => {
    expect(found('채 전 총장은 이날 오전 퇴임식을 가졌다.')).toContain('채/person');
  });

  it('does not take a nationality or a common noun for a name', () => {
    expect(found('중국인 관광객이 늘었다.').some((s) => s.startsWith('중국'))).toBe(false);
    expect(found('고양이가 주유소 앞에 있었다.').filter((s) => s.endsWith('/person'))).toEqual([]);
  });

  it('does not join a verb or a relation word to a name after it', () => {
    const people = recognize('성매매 알선 자금을 관리한 박씨의 딸과 아들 준혁 군이 왔다.', 'ko')
      .filter((s) => s.type === 'person')
      .map((s) => s.text);
    expect(people.some((p) => p.includes(' '))).toBe(false);
  });
});
