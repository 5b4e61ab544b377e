import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONFIDENT, UNSURE } from '@/lib/entities/confidence';
import { recognize } from '@/lib/entities/index';
import { minEntityConfidence, uncertainEntitiesItem } from '@/platform/settings/entities';

const names = (text: string, lang: string, min?: number) =>
  recognize(text, lang, min)
    .filter((s) => s.type === 'person' || s.type === 'org' || s.type === 'place')
    .map((s) => `${s.type}:${s.text}`);

describe('confidence: names are shown only when the recognizer is sure of them', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives every name a confidence between 0 and 1', () => {
    const spans = recognize('Angela Merkel met executives of Siemens in Munich on Monday.', 'en', 0);
    expect(spans.filter((s) => s.type !== 'date').every((s) => s.confidence! >= 0 && s.confidence! <= 1)).toBe(true);
  });

  it('hides a name that is only a guess from its shape, and shows it when less certain ones are asked for', () => {
    const text = 'Later, Vantorelli and the others left.';
    expect(names(text, 'en')).toEqual([]);
    expect(names(text, 'en', UNSURE)).toEqual(['person:Vantorelli']);
  });

  it('shows a Korean name with a title after it by default', () => {
    expect(names('박서준 장관은 이날 국회에 출석했다.', 'ko')).toContain('person:박서준');
  });

  it('the setting "show less certain ones too" lowers the threshold', async () => {
    expect(await minEntityConfidence()).toBe(CONFIDENT);
    await uncertainEntitiesItem.setValue(true);
    expect(await minEntityConfidence()).toBe(UNSURE);
  });
});
