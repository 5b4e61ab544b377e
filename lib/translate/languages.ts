// Target languages offered in the popup and options: the most used languages of the web and of
// the world (by speakers), Korean, English, Japanese and Chinese among them. Names come from
// Intl.DisplayNames in the UI language (platform/i18n.ts languageName), so no list of names here.

export const TARGET_LANGUAGES = [
  'en',
  'zh',
  'zh-TW',
  'es',
  'hi',
  'ar',
  'pt',
  'bn',
  'ru',
  'ja',
  'de',
  'fr',
  'ko',
  'it',
  'tr',
  'vi',
  'id',
  'pl',
  'uk',
  'nl',
  'th',
  'fa',
  'sv',
  'he',
  'ur',
  'ms',
  'cs',
  'el',
  'ro',
  'hu',
] as const;

/**
 * Our code for a BCP 47 tag: the primary subtag, except Chinese, where traditional script
 * (zh-TW, zh-HK, zh-Hant) is "zh-TW" and simplified (zh, zh-CN, zh-Hans) is "zh". Null when empty.
 */
export function normalizeLang(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const clean = tag.trim().replace(/_/g, '-');
  if (!clean || clean.toLowerCase() === 'und') return null;
  const parts = clean.toLowerCase().split('-');
  const primary = parts[0]!;
  if (!/^[a-z]{2,3}$/.test(primary)) return null;
  if (primary === 'zh') return parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo' || p === 'hant') ? 'zh-TW' : 'zh';
  if (primary === 'iw') return 'he';
  if (primary === 'in') return 'id';
  if (primary === 'nb' || primary === 'nn') return 'no';
  return primary;
}

/**
 * The default target: the browser's UI language when offered, English otherwise. For an article
 * already in that language (a Korean article read with a Korean browser) it is the next of the
 * reader's preferred languages (`preferred`, as `navigator.languages` lists them), then English,
 * then Korean, then the first offered language, that is not the article's: translating an article
 * into its own language does nothing, so it is never offered (an English article read with an
 * English-only browser is offered Korean, the other language the reader is made for).
 */
export function defaultTargetLanguage(
  uiLanguage: string | null | undefined,
  articleLang?: string | null,
  preferred: readonly string[] = [],
): string {
  const offered = [uiLanguage, ...preferred, 'en', 'ko', ...TARGET_LANGUAGES]
    .map(normalizeLang)
    .filter((code): code is string => !!code && (TARGET_LANGUAGES as readonly string[]).includes(code));
  const article = normalizeLang(articleLang);
  return offered.find((code) => code !== article)!;
}

/** Same language (ignoring region), so there is nothing to translate. */
export function sameLanguage(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && normalizeLang(a) === normalizeLang(b);
}
