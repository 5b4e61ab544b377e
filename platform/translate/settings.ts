// Translation settings (wxt/storage items). The provider, with any API key, stays on this device
// (local:); the target language and display mode follow the browser profile (sync:).
//
// Each is a versioned setting (platform/settings/define.ts, listed in platform/settings/index.ts).
// Version 1 is the shape every release so far has written: the registry of providers reads the
// same {kind, ...settings} the options page has always stored. A change of shape raises `version`
// and adds its numbered migration, and tests/unit/settings-migrations.test.ts a value the version
// before stored.
import { defineSetting } from '@/platform/settings/define';
import type { DisplayMode } from '@/lib/translate/segment';
import { defaultTargetLanguage, normalizeLang, sameLanguage } from '@/lib/translate/languages';
import { fallbackProvider, normalizeProviderConfig } from '@/lib/translate/providers/index';
import type { ProviderRuntime } from '@/lib/translate/providers/provider';
import type { ProviderConfig } from '@/lib/translate/providers/registry';

/**
 * The provider the user chose: `{kind, ...its settings}` as its registry entry describes them
 * (lib/translate/providers/registry.ts). Null until the user chooses: the on-device provider is
 * used where the browser has one.
 */
export const providerConfigItem = defineSetting<ProviderConfig | null>('local:translateProvider', {
  fallback: null,
  version: 1,
  migrations: {},
});
/** Null: the browser's UI language (defaultTargetLanguage). */
export const targetLanguageItem = defineSetting<string | null>('sync:translateTarget', {
  fallback: null,
  version: 1,
  migrations: {},
});
export const displayModeItem = defineSetting<DisplayMode>('sync:translateMode', {
  fallback: 'side-by-side',
  version: 1,
  migrations: {},
});

/** The provider to use: the user's choice, else the on-device one where this context has it, else none. */
export async function effectiveProvider(runtime: ProviderRuntime = {}): Promise<ProviderConfig | null> {
  const chosen = normalizeProviderConfig(await providerConfigItem.getValue());
  return chosen ?? fallbackProvider(runtime);
}

/**
 * The user's target language, or the default for an article in `articleLang` (defaultTargetLanguage),
 * with the reader's preferred languages as the browser lists them. Never the article's own language:
 * an English article with English chosen is offered the next language (the choice stays stored).
 */
export async function targetLanguage(
  uiLanguage: string,
  articleLang?: string | null,
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): Promise<string> {
  return pickTargetLanguage(await targetLanguageItem.getValue(), uiLanguage, articleLang, preferred);
}

/** targetLanguage's choice once the stored one (`stored`, targetLanguageItem's value) has been read. */
export function pickTargetLanguage(
  stored: string | null,
  uiLanguage: string,
  articleLang?: string | null,
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): string {
  const chosen = normalizeLang(stored);
  // The user's language, unless the article is in it already: then the next one (never en → en).
  if (chosen && !sameLanguage(chosen, articleLang)) return chosen;
  return defaultTargetLanguage(uiLanguage, articleLang, preferred);
}

export async function displayMode(): Promise<DisplayMode> {
  const mode = await displayModeItem.getValue();
  return mode === 'translation-only' ? 'translation-only' : 'side-by-side';
}
