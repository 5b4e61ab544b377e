// @vitest-environment node
// Language-agnostic kinds and overlap resolution. Korean sentences are from the seed article
// (../shared/seed, a Newspim article of 2025-02-04), quoted briefly.
import { findPatterns, resolveOverlaps } from '@/lib/entities/patterns';
import { recognize } from '@/lib/entities';

const found = (text: string) => resolveOverlaps(findPatterns(text)).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe('patterns', () => {
  it('finds Korean money, including the amount in brackets, as two spans', () => {
    const text = '향후 4년 동안 최대 5000억 달러(약 720조원)를 투자할 계획이다.';
    expect(found(text)).toEqual(['date:4년 동안', 'money:5000억 달러', 'money:약 720조원']);
  });

  it('finds Korean dates and times written without spaces', () => {
    expect(found('기사입력 : 2025년02월04일 16:20')).toEqual(['date:2025년02월04일', 'time:16:20']);
    expect(found('지난 3일 오후 서울에서, 24일 오후 3시에는 오전 9시 45분까지')).toEqual([
      'date:지난 3일',
      'time:오후',
      'date:24일',
      'time:오후 3시',
      'time:오전 9시 45분',
    ]);
  });

  it('does not take a place ending in 시 or a count for a time', () => {
    expect(found('서울시와 부산시는 3개 도시')).toEqual(['quantity:3개']);
  });

  it('finds English and numeric dates, times, money and percentages', () => {
    expect(found('On February 4, 2025 at 3:30 pm they pledged $500 billion, up 12.5%, on 2025-02-04.')).toEqual([
      'date:February 4, 2025',
      'time:3:30 pm',
      'money:$500 billion',
      'quantity:12.5%',
      'date:2025-02-04',
    ]);
  });

  it('finds e-mail addresses and URLs, and no date inside them', () => {
    expect(found('문의 syu@newspim.com 또는 https://www.newspim.com/news/view/20250204000915 참조')).toEqual([
      'email:syu@newspim.com',
      'url:https://www.newspim.com/news/view/20250204000915',
    ]);
  });

  it('works on languages it has no recognizer for', () => {
    const spans = recognize('Preis: 5 000 € am 04.02.2025 um 15:30, Kontakt presse@example.de', 'de').map(
      (s) => `${s.type}:${s.text}`,
    );
    expect(spans).toEqual(['money:5 000 €', 'date:04.02.2025', 'time:15:30', 'email:presse@example.de']);
  });
});

describe('resolveOverlaps', () => {
  it('keeps the longer of two overlapping spans, and a nested span loses to its container', () => {
    const spans = resolveOverlaps([
      { start: 0, end: 4, type: 'org' },
      { start: 0, end: 9, type: 'org' },
      { start: 5, end: 9, type: 'place' },
      { start: 8, end: 12, type: 'date' },
    ]);
    expect(spans).toEqual([{ start: 0, end: 9, type: 'org' }]);
  });

  it('on equal length prefers the higher priority, and never overlaps a fixed span', () => {
    expect(
      resolveOverlaps([
        { start: 0, end: 4, type: 'quantity' },
        { start: 0, end: 4, type: 'money' },
      ]),
    ).toEqual([{ start: 0, end: 4, type: 'money' }]);
    expect(resolveOverlaps([{ start: 2, end: 6, type: 'date' }], [{ start: 0, end: 3, type: 'person' }])).toEqual([]);
  });
});
