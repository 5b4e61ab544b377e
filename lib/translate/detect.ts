// The article's language: what the page declares, then the browser's own detector
// (browser.i18n.detectLanguage, CLD), then the on-device LanguageDetector where present. A
// declaration that a reliable detection contradicts (a Korean article under <html lang="en">, a
// common portal template bug) gives way to the detection. The user can always override it.
import type { LanguageDetectorApi } from '@/lib/translate/providers/browser';
import { normalizeLang } from '@/lib/translate/languages';

type DetectionSource = 'declared' | 'i18n' | 'on-device';

export interface DetectedLanguage {
  lang: string | null;
  source: DetectionSource | null;
}

interface I18nDetection {
  isReliable: boolean;
  languages: { language: string; percentage: number }[];
}

export interface DetectOptions {
  /** The page's or article's declared language (html lang, Content-Language, og:locale). */
  declared?: string | null;
  /** The article's text (a sample of a few thousand characters is enough). */
  text: string;
  /** browser.i18n.detectLanguage (absent in some contexts). */
  i18nDetect?: ((text: string) => Promise<I18nDetection>) | null;
  /** The on-device LanguageDetector, where the browser has one. */
  detector?: LanguageDetectorApi | null;
  signal?: AbortSignal;
}

const SAMPLE_CHARS = 4000;
/** How sure the on-device detector must be. */
const MIN_CONFIDENCE = 0.5;

export async function detectLanguage({ declared, text, i18nDetect, detector, signal }: DetectOptions): Promise<DetectedLanguage> {
  const sample = text.slice(0, SAMPLE_CHARS);
  const fromPage = normalizeLang(declared);

  let fromI18n: { lang: string; reliable: boolean } | null = null;
  if (i18nDetect && sample.trim()) {
    try {
      const result = await i18nDetect(sample);
      const top = [...(result?.languages ?? [])].sort((a, b) => b.percentage - a.percentage)[0];
      const lang = normalizeLang(top?.language);
      if (lang) fromI18n = { lang, reliable: !!result.isReliable && (top?.percentage ?? 0) >= 50 };
    } catch {
      fromI18n = null;
    }
  }

  if (fromPage && !(fromI18n?.reliable && fromI18n.lang.split('-')[0] !== fromPage.split('-')[0]))
    return { lang: fromPage, source: 'declared' };
  if (fromI18n?.reliable) return { lang: fromI18n.lang, source: 'i18n' };

  if (detector && sample.trim()) {
    try {
      const session = await detector.create(signal ? { signal } : undefined);
      try {
        const results = await session.detect(sample, signal ? { signal } : undefined);
        const best = results.find((r) => r.detectedLanguage !== 'und');
        const lang = normalizeLang(best?.detectedLanguage);
        if (lang && best!.confidence >= MIN_CONFIDENCE) return { lang, source: 'on-device' };
      } finally {
        session.destroy();
      }
    } catch {
      // No model, no activation: fall through.
    }
  }
  if (fromI18n) return { lang: fromI18n.lang, source: 'i18n' };
  return { lang: null, source: null };
}
