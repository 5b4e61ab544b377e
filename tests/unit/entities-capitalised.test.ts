// @vitest-environment node
// Languages without a recognizer of their own: capitalised names in scripts with case.
import { recognize } from '@/lib/entities';

const show = (text: string, lang: string) => recognize(text, lang).map((s) => `${s.type}:${s.text}`);

describe('capitalised names', () => {
  it('finds people and places in French, and the date and time', () => {
    expect(show('Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin le 04/02/2025 à 15:30.', 'fr')).toEqual([
      'person:Emmanuel Macron',
      'person:Olaf Scholz',
      'place:Berlin',
      'date:04/02/2025',
      'time:15:30',
    ]);
  });

  it('types organisations by their legal or institutional word, and skips a lone word opening a sentence', () => {
    expect(show('Gestern meldete die Deutsche Bank AG Gewinne.', 'de')).toEqual(['org:Deutsche Bank AG']);
  });

  it('guesses no names in Japanese or Chinese, where capitals mean nothing', () => {
    expect(show('昨日 Tokyo Big Sight で New Product を発表', 'ja')).toEqual([]);
  });
});
