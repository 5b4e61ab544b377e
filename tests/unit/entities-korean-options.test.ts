// @vitest-environment node
// The Korean tagger's rules after the model are options of each call (TaggerOptions), not switches
// of the module: what the extension shows (recognizeKorean) is the shipped set, and a call that
// turns a rule off to measure it changes nothing for the next caller.
import { describe, expect, it } from 'vitest';
import { recognizeKorean } from '../../lib/entities/korean';
import { base64ToBytes, decodeModel } from '../../lib/entities/korean/codec';
import { companyNames } from '../../lib/entities/korean/features';
import { COMPANY_NAMES, MODEL_B64 } from '../../lib/entities/korean/model-data';
import { tagWithModel, type TaggerOptions } from '../../lib/entities/korean/tagger';

const model = decodeModel(base64ToBytes(MODEL_B64));
const companies = companyNames(COMPANY_NAMES.split('|'));
const tag = (text: string, options?: Partial<TaggerOptions>, gazetteer = companies) =>
  tagWithModel(model, gazetteer, text, options).map((e) => `${text.slice(e.start, e.end)}/${e.type}`);
const shown = (text: string) => recognizeKorean(text).map((e) => `${text.slice(e.start, e.end)}/${e.type}`);

// Sentences of the KLUE-NER development split (CC BY-SA 4.0) where a rule decides what is found.
const FUNERAL = '고 박지영씨의 빈소는 인천 인하대병원 장례식장에 마련돼 있으며, 발인은 오늘(22일) 오전 9시 엄수됐다.';
const GLOSS = '류 위원장은 또 이날 회동에서 시진핑(習近平) 중국 국가주석 겸 공산당 총서기의 서한을 전달했다.';
// A common noun the model (trained with --prune 5) takes for a person; the noun filter drops it.
const ISLAND = '동화 속 신데렐라의 마음씨가 고왔다.';
const AIRLINE = '진에어의 김포∼제주 노선 예약률은 86%를 기록했다.';

describe('TaggerOptions', () => {
  it('the reader shows what the shipped options give: a place joined to the organisation after it, a gloss, no common noun as a person', () => {
    for (const text of [FUNERAL, GLOSS, ISLAND, AIRLINE]) expect(shown(text)).toEqual(tag(text));
    expect(shown(FUNERAL)).toContain('인천 인하대병원/org');
    expect(shown(GLOSS)).toContain('習近平/person');
    expect(shown(ISLAND)).not.toContain('신데렐라/person');
    expect(shown(AIRLINE)).toContain('진에어/org');
  });

  it('a rule turned off for one call changes that call only', () => {
    expect(tag(FUNERAL, { placeMerge: 0 })).toEqual(expect.arrayContaining(['인천/place', '인하대병원/org']));
    expect(tag(GLOSS, { glosses: false })).not.toContain('習近平/person');
    expect(tag(ISLAND, { nounFilter: false })).toContain('신데렐라/person');
    // The company gazetteer is the caller's too: without it the airline is taken for a person.
    expect(tag(AIRLINE, {}, new Set())).not.toContain('진에어/org');
    // …and the next call, with nothing passed, is as shipped again.
    expect(shown(FUNERAL)).toContain('인천 인하대병원/org');
    expect(shown(GLOSS)).toContain('習近平/person');
    expect(shown(ISLAND)).not.toContain('신데렐라/person');
    expect(shown(AIRLINE)).toContain('진에어/org');
  });
});
