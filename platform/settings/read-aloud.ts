// Remembered read-aloud choices: speed, volume, the voice for each language (a Korean voice for
// Korean articles, an English one for English), and what to read after a side-by-side translation.
// Synced with the browser profile like the typography; a voice another device lacks is ignored
// there (the reader falls back to the best voice for the language).
import { defineSetting } from '@/platform/settings/define';
import type { BilingualMode } from '@/lib/speech/script';

export interface ReadAloudSettings {
  /** 0.5 to 3. */
  rate: number;
  /** 0 to 1. */
  volume: number;
  /** voiceURI by primary language code ("ko", "en"). */
  voices: Record<string, string>;
  bilingual: BilingualMode;
}

const RATE_MIN = 0.5;
const RATE_MAX = 3;

export const DEFAULT_READ_ALOUD: ReadAloudSettings = { rate: 1, volume: 1, voices: {}, bilingual: 'original' };

const clamp = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;

/** A stored value made safe: numbers clamped, unknown modes and non-string voices dropped. */
export function normalizeReadAloud(value: Partial<ReadAloudSettings> | null | undefined): ReadAloudSettings {
  const voices: Record<string, string> = {};
  if (value?.voices && typeof value.voices === 'object')
    for (const [lang, uri] of Object.entries(value.voices))
      if (/^[a-z]{2,3}$/.test(lang) && typeof uri === 'string' && uri.length < 300) voices[lang] = uri;
  const bilingual = (['original', 'translation', 'both'] as const).find((m) => m === value?.bilingual) ?? 'original';
  return {
    rate: clamp(value?.rate, RATE_MIN, RATE_MAX, 1),
    volume: clamp(value?.volume, 0, 1, 1),
    voices,
    bilingual,
  };
}

// Version 1: the shape since read-aloud first shipped.
export const readAloudSettings = defineSetting<ReadAloudSettings>('sync:readAloud', {
  fallback: DEFAULT_READ_ALOUD,
  version: 1,
  migrations: {},
});

export async function loadReadAloud(): Promise<ReadAloudSettings> {
  return normalizeReadAloud(await readAloudSettings.getValue());
}

export async function saveReadAloud(value: ReadAloudSettings): Promise<void> {
  await readAloudSettings.setValue(normalizeReadAloud(value));
}
