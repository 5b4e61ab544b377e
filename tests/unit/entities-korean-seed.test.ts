// @vitest-environment node
// WHAT THE MERGED SYSTEM MUST DO on the seed article's sentences (../shared/seed: a Newspim article
// of 2025-02-04, quoted briefly for testing). Expectations follow the KLUE conventions the benchmark
// scores by (particles and titles outside the name) and what a reader needs to see.
import { groupEntities, recognize } from '@/lib/entities';
import type { EntitySpan } from '@/lib/entities/types';

const SEED = [
  '[서울=뉴스핌] 서영욱 김정인 기자 = 항소심에서 무죄를 선고받으며 사법리스크를 털어낸 이재용 삼성전자 회장은 첫 공식 일정으로 샘 올트먼 오픈AI 최고경영자(CEO), 손정의 소프트뱅크그룹 회장을 만나 기틀 다지기에 나섰다.',
  '이재용 삼성전자 회장은 4일 오후 서울 서초구 삼성전자 사옥에서 샘 올트먼 오픈AI CEO와 손정의 소프트뱅크 회장을 만났다.',
  '올트먼 CEO는 이날 카카오 미디어데이에 참석한 뒤 기자들과 만났다.',
  '손정의 회장은 이날 서초사옥에서 기자들을 만났다.',
  '스타게이트는 오픈AI와 소프트뱅크를 비롯해 오라클 등이 합작한 미국의 AI 인프라 프로젝트다. 스타게이트에 합류한 기업들은 향후 4년 동안 최대 5000억 달러(약 720조원)를 투자할 계획이다.',
  '이 자리에는 곽노정 SK하이닉스 사장과 유영상 SK텔레콤 사장이 배석했다. 기사입력 : 2025년02월04일 16:20',
].join('\n');

const spans = recognize(SEED, 'ko');
const of = (type: EntitySpan['type']) => spans.filter((s) => s.type === type);
const texts = (type: EntitySpan['type']) => of(type).map((s) => s.text);

describe('seed article, merged Korean recognizer', () => {
  it('finds the people without titles or particles', () => {
    for (const name of ['이재용', '샘 올트먼', '손정의', '곽노정', '유영상']) expect(texts('person')).toContain(name);
    expect(texts('person')).not.toContain('이재용 삼성전자');
    expect(texts('person').some((n) => /회장|CEO|[은는과와을]$/.test(n))).toBe(false);
  });

  it('counts 올트먼 and 샘 올트먼 as one person, and 손정의 회장은/회장과 as 손정의', () => {
    const people = groupEntities(spans).find((g) => g.group === 'person')!.entries;
    const altman = people.find((e) => e.name === '샘 올트먼')!;
    expect(altman.count).toBeGreaterThanOrEqual(3);
    expect(people.filter((e) => e.name.includes('올트먼'))).toHaveLength(1);
    expect(people.find((e) => e.name === '손정의')!.count).toBe(3);
  });

  it('finds organisations, with tickers for the listed ones', () => {
    for (const name of ['삼성전자', '오픈AI', '카카오', '오라클', 'SK하이닉스']) expect(texts('org')).toContain(name);
    expect(texts('org').some((n) => n.startsWith('소프트뱅크'))).toBe(true);
    const ticker = (name: string) => of('org').find((s) => s.text === name)?.ticker?.code;
    expect(ticker('삼성전자')).toBe('005930');
    expect(ticker('SK하이닉스')).toBe('000660');
    expect(ticker('카카오')).toBe('035720');
    expect(ticker('오라클')).toBe('ORCL');
    expect(ticker('오픈AI')).toBeUndefined();
  });

  it('finds the place, dates, times and money', () => {
    expect(of('place').some((s) => s.text.includes('서초구'))).toBe(true);
    expect(texts('place').some((n) => n.includes('서울'))).toBe(true);
    expect(texts('date')).toEqual(expect.arrayContaining(['4일', '2025년02월04일']));
    expect(texts('time')).toEqual(expect.arrayContaining(['오후', '16:20']));
    expect(texts('money')).toContain('5000억 달러');
    expect(texts('money').some((n) => n.endsWith('720조원'))).toBe(true);
  });
});

describe('what the entity panel must never list', () => {
  // The bundled demo article's lead (a dateline with "=", a title in parentheses) once listed
  // "=데모일보" and "CEO" as organisations.
  const lead =
    '[서울=데모일보] 김하늘 기자 = 이재용 삼성전자 회장이 4일 오후 서울 서초구 삼성전자 사옥에서 샘 올트먼 오픈AI 최고경영자(CEO)와 손정의 소프트뱅크그룹 회장을 만났다.';
  const names = [...recognize(lead, 'ko'), ...spans]
    .filter((s) => s.type === 'person' || s.type === 'org' || s.type === 'place')
    .map((s) => s.text);

  it('a name that starts or ends with punctuation', () => {
    expect(names.filter((n) => /^[^\p{L}\p{N}(]|[^\p{L}\p{N}.)]$/u.test(n))).toEqual([]);
    // Trimmed, whatever its confidence: the dateline's "=" is never part of the name.
    expect(recognize(lead, 'ko', 0).map((s) => s.text)).toContain('데모일보');
  });

  it('a title alone as a person or an organisation', () => {
    expect(names.filter((n) => ['CEO', '회장', '최고경영자', '기자'].includes(n))).toEqual([]);
  });
});
