// @vitest-environment node
import { entityId, groupEntities } from '@/lib/entities/group';
import type { EntitySpan } from '@/lib/entities/types';

const s = (text: string, type: EntitySpan['type'], extra: Partial<EntitySpan> = {}): EntitySpan => ({
  start: 0,
  end: text.length,
  type,
  text,
  ...extra,
});

describe('groupEntities', () => {
  it('groups by what the user sees, most mentioned first, with counts and mentions in order', () => {
    const samsung = { code: '005930', market: 'KOSPI', name: '삼성전자' };
    const spans = [
      s('샘 올트먼', 'person'),
      s('삼성전자', 'org', { ticker: samsung }),
      s('손정의', 'person'),
      s('올트먼', 'person', { canonical: '샘 올트먼' }),
      s('4일', 'date'),
      s('오후 3시', 'time'),
      s('Samsung Electronics', 'org', { ticker: samsung, canonical: '삼성전자' }),
      s('5000억 달러', 'money'),
      s('삼성전자', 'org', { ticker: samsung }),
    ];
    const groups = groupEntities(spans);
    expect(groups.map((g) => g.group)).toEqual(['person', 'org', 'datetime', 'amount']);
    expect(groups[0]!.entries.map((e) => [e.name, e.count, e.mentions])).toEqual([
      ['샘 올트먼', 2, [0, 3]],
      ['손정의', 1, [2]],
    ]);
    expect(groups[1]!.entries).toEqual([
      { id: 'org:KOSPI:005930', type: 'org', name: '삼성전자', count: 3, ticker: samsung, mentions: [1, 6, 8] },
    ]);
    expect(groups[2]!.entries.map((e) => e.type)).toEqual(['date', 'time']);
  });

  it('gives one id to mentions that differ only in spacing', () => {
    expect(entityId(s('서울  서초구', 'place'))).toBe(entityId(s('서울 서초구', 'place')));
  });
});
