// @vitest-environment node
// English equivalents of the seed article's sentences (../shared/seed), and canonical names.
import { recognize } from '@/utils/entities';

const show = (text: string) => recognize(text, 'en').map((s) => `${s.type}:${s.text}${s.ticker ? `=${s.ticker.code}` : ''}`);

describe('English', () => {
  it('finds people, companies and places without their titles', () => {
    expect(show('Samsung Electronics Chairman Lee Jae-yong met OpenAI CEO Sam Altman and SoftBank Group Chairman Masayoshi Son in Seoul on Tuesday.')).toEqual([
      'org:Samsung Electronics=005930',
      'person:Lee Jae-yong',
      'org:OpenAI',
      'person:Sam Altman',
      'org:SoftBank Group',
      'person:Masayoshi Son',
      'place:Seoul',
      'date:Tuesday',
    ]);
  });

  it('links listed companies by name and short form, and finds the money', () => {
    expect(show('Stargate, backed by Oracle and Lockheed, will invest up to $500 billion (about 720 trillion won) over four years.')).toEqual([
      'org:Oracle=ORCL',
      'org:Lockheed=LMT',
      'money:$500 billion',
      'money:720 trillion won',
    ]);
  });

  it('gives a later surname the full name as its canonical form', () => {
    const spans = recognize('Sam Altman visited Seoul. Altman said Korea matters.', 'en');
    const altman = spans.filter((s) => s.type === 'person');
    expect(altman.map((s) => s.canonical ?? s.text)).toEqual(['Sam Altman', 'Sam Altman']);
  });

  it('does not take sentence-initial words or nationalities for names', () => {
    expect(show('However, Korean firms said the deal was good.')).toEqual([]);
  });
});
