// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { END_OK, nameBounds, NUM_LABELS, START_OK } from '../../lib/entities/korean/features';
import { labelsToSpans, viterbi } from '../../lib/entities/korean/decode';
import { decodeModel, encodeModel } from '../../lib/entities/korean/codec';
import {
  commonNounPerson,
  dropCoordinationPieces,
  extendPlaces,
  glossNames,
  mergePlaces,
} from '../../lib/entities/korean/tagger';

const L = NUM_LABELS;
const B_PS = 1,
  I_PS = 2;

describe('nameBounds', () => {
  it('lets a name end at the end of a word, before a particle or a title, and start at a word start', () => {
    const text = '딕 코스톨로는 삼성전자에서 박사를 만났다';
    const b = nameBounds(text);
    const endsAfter = (s: string) => !!(b[text.indexOf(s) + s.length - 1]! & END_OK);
    expect(endsAfter('딕')).toBe(true);
    expect(endsAfter('딕 코스톨로')).toBe(true); // before 는
    expect(endsAfter('딕 코스')).toBe(false); // 톨로는 is no particle
    expect(endsAfter('딕 코')).toBe(false);
    expect(endsAfter('삼성전자')).toBe(true); // before 에서
    expect(endsAfter('삼성')).toBe(false);
    expect(endsAfter('박사를')).toBe(true);
    expect(!!(b[text.indexOf('코')]! & START_OK)).toBe(true);
    expect(!!(b[text.indexOf('스')]! & START_OK)).toBe(false);
  });

  it('lets a name end before a title written onto it, before 모, and where the script changes', () => {
    const text = '김모씨와 이교수는 USA투데이에';
    const b = nameBounds(text);
    const endsAfter = (s: string) => !!(b[text.indexOf(s) + s.length - 1]! & END_OK);
    expect(endsAfter('김')).toBe(true);
    expect(endsAfter('이')).toBe(true);
    expect(endsAfter('USA')).toBe(true);
    expect(endsAfter('USA투데이')).toBe(true);
    expect(endsAfter('USA투데')).toBe(false);
  });
});

describe('viterbi with name bounds', () => {
  it('does not end a name inside a word where the rest is no particle', () => {
    const text = '딕 코스톨로가';
    const n = text.length;
    const emit = new Float32Array(n * L);
    // The emissions want 딕 코스 as a person and 톨로는 outside it.
    const want = [B_PS, I_PS, I_PS, I_PS, 0, 0, 0];
    want.forEach((y, i) => (emit[i * L + y] = 5));
    emit[4 * L + I_PS] = 4; // 톨: continuing the name is the runner-up
    emit[5 * L + I_PS] = 4;
    const trans = new Float32Array((L + 1) * L);
    const free = labelsToSpans(text, viterbi(n, emit, trans)).map((e) => text.slice(e.start, e.end));
    expect(free).toEqual(['딕 코스']);
    const bounded = labelsToSpans(text, viterbi(n, emit, trans, nameBounds(text))).map((e) => text.slice(e.start, e.end));
    expect(bounded).toEqual(['딕 코스톨로']);
  });
});

describe('mergePlaces', () => {
  it('joins places one space apart, as KLUE tags them', () => {
    const text = '서울 서초구 서초동에서 삼성 사옥';
    const spans = [
      { start: 0, end: 2, type: 'place' as const },
      { start: 3, end: 6, type: 'place' as const },
      { start: 7, end: 10, type: 'place' as const },
      { start: 13, end: 15, type: 'org' as const },
    ];
    expect(mergePlaces(text, spans).map((e) => `${text.slice(e.start, e.end)}/${e.type}`)).toEqual([
      '서울 서초구 서초동/place',
      '삼성/org',
    ]);
  });

  it('joins a one-word place with the organisation after it, not an address of several words', () => {
    const text = '미국 법무부와 서울 서초동 대검찰청';
    const spans = [
      { start: 0, end: 2, type: 'place' as const },
      { start: 3, end: 6, type: 'org' as const },
      { start: 8, end: 10, type: 'place' as const },
      { start: 11, end: 14, type: 'place' as const },
      { start: 15, end: 19, type: 'org' as const },
    ];
    expect(mergePlaces(text, spans).map((e) => `${text.slice(e.start, e.end)}/${e.type}`)).toEqual([
      '미국 법무부/org',
      '서울 서초동/place',
      '대검찰청/org',
    ]);
  });

  it("makes a one-word place and an organisation's head noun after it one organisation", () => {
    const text = '캘리포니아 대학의 연구진과 부산 시민, 서울 종로 병원';
    const at = (w: string, type: 'place' | 'org') => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, type });
    const spans = [at('캘리포니아', 'place'), at('부산', 'place'), at('서울 종로', 'place')];
    const shown = (level: 1 | 2) => mergePlaces(text, spans, level).map((e) => `${text.slice(e.start, e.end)}/${e.type}`);
    // 시민 is no organisation's head; an address of two words keeps its own place; level 1 joins places only.
    expect(shown(2)).toEqual(['캘리포니아 대학/org', '부산/place', '서울 종로/place']);
    expect(shown(1)).toEqual(['캘리포니아/place', '부산/place', '서울 종로/place']);
  });
});

describe('dropCoordinationPieces', () => {
  const shown = (text: string, words: string[]) =>
    dropCoordinationPieces(
      text,
      words.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, type: 'org' as const })),
    ).map((e) => text.slice(e.start, e.end));

  it('drops a name that is a piece of a coordination with a one-syllable member (상·하원: 상원 and 하원)', () => {
    expect(shown('영국 상·하원 의원들과 한ㆍ미 정부', ['영국', '하원', '미', '정부'])).toEqual(['영국', '정부']);
    expect(shown('영국 상·하원이 모였다', ['상·하원'])).toEqual(['상·하원']);
  });

  it('keeps names in a coordination of whole words, and after a number', () => {
    const text = '을지대병원·건양대병원 의료진과 병원 74명·국군대전병원 24명';
    expect(shown(text, ['을지대병원', '건양대병원', '국군대전병원'])).toEqual(['을지대병원', '건양대병원', '국군대전병원']);
  });
});

describe('glossNames', () => {
  it('tags a Hanja gloss like the name before it, and a Latin gloss after an organisation', () => {
    const text = '베이징(北京)에서 이투데이(etoday)와 아베(安)';
    const spans = [
      { start: 0, end: 3, type: 'place' as const },
      { start: 10, end: 14, type: 'org' as const },
      { start: 24, end: 26, type: 'person' as const },
    ];
    expect(glossNames(text, spans).map((e) => `${text.slice(e.start, e.end)}/${e.type}`)).toEqual([
      '베이징/place',
      '北京/place',
      '이투데이/org',
      'etoday/org',
      '아베/person',
    ]);
  });

  it('leaves a Latin gloss after a person and brackets that hold something else', () => {
    const text = '김철수(Kim)와 삼성전자(005930)';
    const spans = [
      { start: 0, end: 3, type: 'person' as const },
      { start: 10, end: 14, type: 'org' as const },
    ];
    expect(glossNames(text, spans)).toHaveLength(2);
  });
});

describe('commonNounPerson', () => {
  it('knows common nouns, also with a particle, and not names', () => {
    expect(commonNounPerson('고양이')).toBe(true);
    expect(commonNounPerson('제안은')).toBe(true);
    expect(commonNounPerson('기록은')).toBe(true);
    expect(commonNounPerson('손정의')).toBe(false);
    expect(commonNounPerson('최태원')).toBe(false);
  });
});

describe('extendPlaces', () => {
  const show = (text: string, spans: { start: number; end: number; type: 'place' | 'org' }[]) =>
    extendPlaces(text, spans).map((e) => `${text.slice(e.start, e.end)}/${e.type}`);
  it('takes the smaller divisions written after a place', () => {
    expect(show('아산시 인주면 야미리에서 불이 났다', [{ start: 0, end: 3, type: 'place' }])).toEqual([
      '아산시 인주면 야미리/place',
    ]);
    expect(show('오카야마 현의 한 마을', [{ start: 0, end: 4, type: 'place' }])).toEqual(['오카야마 현/place']);
  });
  it('leaves common nouns, long words and found entities after a place alone', () => {
    expect(show('부산 지구에서', [{ start: 0, end: 2, type: 'place' }])).toEqual(['부산/place']);
    expect(show('한국 여자배구 대표팀', [{ start: 0, end: 2, type: 'place' }])).toEqual(['한국/place']);
    expect(
      show('서울 강남구청이', [
        { start: 0, end: 2, type: 'place' },
        { start: 3, end: 7, type: 'org' },
      ]),
    ).toEqual(['서울/place', '강남구청/org']);
  });
});

describe('model codec', () => {
  const bits = 8;
  const weights = new Int8Array((1 << bits) * L);
  // Buckets with one common label mask, and one rare mask that needs the escape.
  for (let b = 0; b < 200; b += 3) {
    weights[b * L] = (b % 50) - 25 || 1;
    weights[b * L + 2] = -7;
  }
  weights[77 * L + 12] = 100;
  weights[77 * L + 5] = -100;
  const trans = Int16Array.from({ length: (L + 1) * L }, (_, i) => (i % 7) - 3);

  it('encodes label masks by a table of the common ones (version 2) and decodes them exactly', () => {
    const bin = encodeModel(bits, L, weights, trans);
    expect(bin[0]).toBe(2);
    const m = decodeModel(bin);
    expect(Array.from(m.weights)).toEqual(Array.from(weights));
    expect(Array.from(m.trans)).toEqual(Array.from(trans));
    // One byte per bucket for its mask instead of two.
    let buckets = 0;
    for (let b = 0; b < 1 << bits; b++) if (weights.subarray(b * L, (b + 1) * L).some((v) => v)) buckets++;
    const v1Size = 4 + trans.length * 2 + 4 + buckets * 3 + Array.from(weights).filter((v) => v).length;
    expect(bin.length).toBeLessThan(v1Size);
  });

  it('still reads version 1 (a two-byte mask per bucket)', () => {
    const v1 = [
      1,
      bits,
      L,
      0,
      ...Array.from(trans).flatMap((v) => [v & 255, (v >> 8) & 255]),
      1,
      0,
      0,
      0,
      5,
      0b101,
      0,
      9,
      256 - 9,
    ];
    const m = decodeModel(Uint8Array.from(v1));
    expect(m.weights[5 * L]).toBe(9);
    expect(m.weights[5 * L + 2]).toBe(-9);
  });
});
