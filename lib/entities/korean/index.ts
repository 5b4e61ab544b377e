// Korean named-entity recognizer: a character-level averaged-perceptron tagger (BIO, Viterbi)
// with gazetteer features, trained on KLUE-NER (see README.md in this folder).
// Runs entirely on device; the model (~model-data.ts) is decoded once, on first use.
import { base64ToBytes, decodeModel, type KoreanModel } from '@/lib/entities/korean/codec';
import { companyNames } from '@/lib/entities/korean/features';
import { tagWithModel } from '@/lib/entities/korean/tagger';
import { COMPANY_NAMES, MODEL_B64 } from '@/lib/entities/korean/model-data';
import type { KoreanEntity } from '@/lib/entities/korean/decode';

export type { KoreanEntity };

let loaded: { model: KoreanModel; companies: ReadonlySet<string> } | null = null;

function load(): { model: KoreanModel; companies: ReadonlySet<string> } {
  loaded ??= { model: decodeModel(base64ToBytes(MODEL_B64)), companies: companyNames(COMPANY_NAMES.split('|')) };
  return loaded;
}

/**
 * Named entities in Korean text. Spans are UTF-16 offsets into `text` (text.slice(start, end) is the
 * entity), sorted and non-overlapping; particles and titles are outside the span, as KLUE annotates
 * (삼성전자는 → 삼성전자; 손정의 회장과 → 손정의).
 */
export function recognizeKorean(text: string): KoreanEntity[] {
  if (!text) return [];
  const { model, companies } = load();
  return tagWithModel(model, companies, text);
}
