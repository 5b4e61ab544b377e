// @vitest-environment node
import { entityId, groupEntities, grouping } from '@/lib/entities/group';
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

describe('grouping (groupEntities in steps)', () => {
  it('counts a long article’s 50,000 mentions with the page’s turns between steps, the same entries as at once', async () => {
    const { runInSlices } = await import('@/lib/slices');
    const names = Array.from({ length: 500 }, (_, i) => `이름${i}`);
    // Name i is mentioned at every index ≡ i (mod 500): 100 mentions each, the first at index i.
    const spans = Array.from({ length: 50_000 }, (_, i) => s(names[i % names.length]!, 'person'));
    let t = 0;
    let turns = 0;
    // Every read of the clock: 10 ms; a slice: 30 ms.
    const groups = await runInSlices(grouping(spans), { sliceMs: 30, now: () => (t += 10), pause: async () => void turns++ });
    expect(turns).toBeGreaterThanOrEqual(8);
    expect(groups.map((g) => g.group)).toEqual(['person']);
    const entries = groups[0]!.entries;
    expect(entries.map((e) => e.name)).toEqual(names);
    expect(entries.every((e, i) => e.count === 100 && e.mentions[0] === i && e.mentions[99] === i + 99 * 500)).toBe(true);
    expect(groups).toEqual(groupEntities(spans));
  });
});
