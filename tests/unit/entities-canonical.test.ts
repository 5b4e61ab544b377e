// @vitest-environment node
// Korean particles and titles, and the canonical name mentions share.
import { assignCanonical, trimKoreanName } from '@/lib/entities';
import { stripParticles, stripTitle } from '@/lib/entities/particles';
import type { EntitySpan } from '@/lib/entities/types';

describe('Korean particles', () => {
  it('strips particles that cannot end a name', () => {
    expect(stripParticles('삼성전자는')).toBe('삼성전자');
    expect(stripParticles('카카오와의')).toBe('카카오');
    expect(stripParticles('오픈AI에서는')).toBe('오픈AI');
    expect(stripParticles('SK하이닉스를')).toBe('SK하이닉스');
  });

  it('strips a one-syllable particle that also ends names only when the bare name is known', () => {
    const known = new Set(['올트먼']);
    expect(stripParticles('올트먼은', known)).toBe('올트먼');
    expect(stripParticles('손정의', known)).toBe('손정의');
    expect(stripParticles('김지은', known)).toBe('김지은');
  });

  it('leaves titles out of names', () => {
    expect(trimKoreanName('손정의 회장과', new Set())).toBe('손정의');
    expect(trimKoreanName('올트먼 CEO는', new Set())).toBe('올트먼');
    expect(stripTitle('이재용 회장')).toBe('이재용');
    expect(trimKoreanName('삼성전자는')).toBe('삼성전자');
  });
});

describe('canonical names', () => {
  const span = (text: string, type: EntitySpan['type'], start = 0): EntitySpan => ({
    start,
    end: start + text.length,
    type,
    text,
  });

  it('joins a last name to the full name, and a surname alone to the one full name with it', () => {
    const spans = [
      span('샘 올트먼', 'person'),
      span('최태원', 'person', 10),
      span('올트먼', 'person', 20),
      span('최', 'person', 30),
      span('이', 'person', 40),
    ];
    assignCanonical(spans);
    expect(spans.map((s) => s.canonical ?? s.text)).toEqual(['샘 올트먼', '최태원', '샘 올트먼', '최태원', '이']);
  });

  it('does not join a last name that two full names share', () => {
    const spans = [span('Sam Altman', 'person'), span('Jack Altman', 'person', 20), span('Altman', 'person', 40)];
    assignCanonical(spans);
    expect(spans[2]!.canonical).toBeUndefined();
  });

  it('joins mentions of one listed company written differently', () => {
    const ticker = { code: 'ORCL', market: 'NYSE/NASDAQ', name: 'Oracle Corporation' };
    const spans = [
      { ...span('오라클', 'org'), ticker },
      { ...span('Oracle', 'org', 10), ticker },
    ];
    assignCanonical(spans);
    expect(spans[1]!.canonical).toBe('오라클');
  });
});
