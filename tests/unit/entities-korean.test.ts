// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognizeKorean } from '../../lib/entities/korean';
import { isMoney } from '../../lib/entities/korean/decode';
import { base64ToBytes, decodeModel } from '../../lib/entities/korean/codec';
import { MODEL_B64 } from '../../lib/entities/korean/model-data';

type Ent = ReturnType<typeof recognizeKorean>[number];
const found = (text: string): string[] => recognizeKorean(text).map((e) => `${text.slice(e.start, e.end)}/${e.type}`);

// Sentences from the seed article (../shared/seed, a Newspim article of 2025-02-04).
const SEED_1 =
  "항소심에서 무죄를 선고받으며 사법리스크를 털어낸 이재용 삼성전자 회장은 첫 공식 일정으로 샘 올트먼 오픈AI 최고경영자(CEO), 손정의 소프트뱅크그룹 회장을 만나 '새로운 삼성(뉴삼성)'을 위한 기틀 다지기에 나섰다.";
const SEED_2 =
  '이재용 삼성전자 회장은 4일 오후 서울 서초구 삼성전자 사옥에서 샘 올트먼 오픈AI CEO와 손정의 소프트뱅크 회장을 만났다.';
const SEED_3 = '스타게이트에 합류한 기업들은 향후 4년 동안 최대 5000억 달러(약 720조원)를 투자할 계획이다.';
const SEED_4 = '기사입력 : 2025년02월04일 16:20';
const SEED_5 = '올트먼 CEO는 이날 오전 최태원 SK그룹 회장과 만나 AI 생태계 확대를 위한 협력 방안을 논의했다.';

describe('recognizeKorean on the seed article', () => {
  it('finds the people and companies of the lead sentence, without titles or particles', () => {
    const got = found(SEED_1);
    // Known miss (see lib/entities/korean/README.md): 이재용 after "사법리스크를 털어낸" is not found here.
    expect(got).toContain('삼성전자/org');
    expect(got).toContain('오픈AI/org');
    expect(got).toContain('손정의/person');
    expect(got).toContain('소프트뱅크그룹/org');
    expect(got.some((g) => g.startsWith('회장'))).toBe(false);
  });

  it('finds a two-word foreign name, the place and the meeting time', () => {
    const got = found(SEED_2);
    // Known misses: the model gives 올트먼 without 샘, and (this model) not 이재용 at the start of the
    // sentence; recognize() in lib/entities adds both (a name before an organisation and a title).
    expect(got.some((g) => /올트먼\/person$/.test(g))).toBe(true);
    expect(got).toEqual(expect.arrayContaining(['삼성전자/org', '손정의/person', '소프트뱅크/org', '4일/date', '오후/time']));
    const places = recognizeKorean(SEED_2)
      .filter((e) => e.type === 'place')
      .map((e) => SEED_2.slice(e.start, e.end));
    expect(places.join(' ')).toBe('서울 서초구');
  });

  it('finds amounts of money', () => {
    expect(found(SEED_3)).toContain('5000억 달러/money');
    // KLUE sometimes keeps 약 (about) inside the amount, sometimes not.
    expect(found(SEED_3).some((g) => /^(?:약 )?720조원\/money$/.test(g))).toBe(true);
  });

  it('finds a compact date and a clock time', () => {
    expect(found(SEED_4)).toEqual(['2025년02월04일/date', '16:20/time']);
  });

  it('finds a person before an organisation and a title', () => {
    expect(found(SEED_5)).toEqual(expect.arrayContaining(['최태원/person', 'SK그룹/org', '이날/date', '오전/time']));
  });
});

describe('recognizeKorean spans', () => {
  it('leaves particles outside the span', () => {
    for (const josa of ['는', '가', '의', '와', '에서']) {
      const text = `삼성전자${josa} 새 반도체 공장을 짓는다.`;
      expect(found(text)[0]).toBe('삼성전자/org');
    }
  });

  it('gives exact, sorted, non-overlapping UTF-16 offsets, also after emoji', () => {
    const text = '😀🎉 이재용 삼성전자 회장은 4일 서울에서 손정의 회장을 만났다.';
    const ents = recognizeKorean(text);
    expect(ents.length).toBeGreaterThan(2);
    let last = 0;
    for (const e of ents) {
      expect(e.start).toBeGreaterThanOrEqual(last);
      expect(e.end).toBeGreaterThan(e.start);
      expect(text.slice(e.start, e.end).trim()).toBe(text.slice(e.start, e.end));
      last = e.end;
    }
    expect(found(text)).toEqual(expect.arrayContaining(['삼성전자/org', '서울/place', '손정의/person']));
  });

  it('does not crash on empty, English, symbol or very long input', () => {
    expect(recognizeKorean('')).toEqual([]);
    expect(() => recognizeKorean('The quick brown fox jumps over the lazy dog.')).not.toThrow();
    expect(() => recognizeKorean('   \n\t  ')).not.toThrow();
    expect(() => recognizeKorean('🎉🎉🎉 ((( ))) ... ---')).not.toThrow();
    const long = '이재용 삼성전자 회장은 서울에서 손정의 회장을 만났다. '.repeat(400);
    expect(recognizeKorean(long).filter((e) => e.type === 'person').length).toBeGreaterThanOrEqual(400);
  });

  it('tells money from other quantities by the corpus rule', () => {
    for (const m of ['5000억 달러', '1억8천만불', '3억원대', '1천550캐나다달러', '$30', '10조 원'])
      expect(isMoney(m), m).toBe(true);
    for (const q of ['넘버원', '한차원', '2동', '16명', '52%']) expect(isMoney(q), q).toBe(false);
  });
});

describe('the shipped model', () => {
  it('rejects a corrupt model file', () => {
    const bytes = base64ToBytes(MODEL_B64);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 7))).toThrow();
    expect(() => decodeModel(new Uint8Array([9, 17, 13, 0]))).toThrow();
  });

  it('scores above a floor on 300 KLUE-NER dev sentences (exact span and type)', () => {
    const file = path.resolve(__dirname, '../fixtures/ner/ko-klue-dev-300.jsonl');
    const rows = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; entities: { start: number; end: number; type: string }[] });
    const counts = { core: { tp: 0, pred: 0, gold: 0 }, all: { tp: 0, pred: 0, gold: 0 } };
    const CORE = new Set(['person', 'org', 'place']);
    for (const row of rows) {
      // Offsets in the data are code points; ours are UTF-16.
      const map = [0];
      for (const ch of row.text) map.push(map[map.length - 1]! + ch.length);
      const gold = row.entities.map((e) => `${map[e.start]}:${map[e.end]}:${e.type.toLowerCase()}`);
      const pred = recognizeKorean(row.text).map((e: Ent) => `${e.start}:${e.end}:${e.type}`);
      const goldSet = new Set(gold);
      for (const [k, c] of Object.entries(counts)) {
        const keep = (s: string): boolean => k === 'all' || CORE.has(s.split(':')[2]!);
        c.gold += gold.filter(keep).length;
        c.pred += pred.filter(keep).length;
        c.tp += pred.filter((p) => keep(p) && goldSet.has(p)).length;
      }
    }
    const f1 = (c: { tp: number; pred: number; gold: number }): number => (2 * c.tp) / (c.pred + c.gold);
    // Measured when the model was trained: 0.679 (PERSON/ORG/PLACE) and 0.749 (all seven types).
    expect(f1(counts.core)).toBeGreaterThan(0.65);
    expect(f1(counts.all)).toBeGreaterThan(0.72);
  });
});
