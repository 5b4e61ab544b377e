// Translation settings (wxt/storage items). The provider, with any API key, stays on this device
// (local:); the target language and display mode follow the browser profile (sync:).
//
// Each item is versioned (WXT keeps the version beside the value, under the key + '$'). Version 1
// is the shape every release so far has written: a value without a version is read as 1. A
// change of shape raises `version` and adds the numbered step to `migrations` (N: turns a value
// of version N-1 into version N; WXT runs the steps in order when the item is first used), and
// tests/unit/translate-settings-migrations.test.ts gains the old shape's stored data.
//
// WXT gotcha: under Vitest, WXT's plugin auto-imports names such as `storage`, `browser` and `t`
// wherever they appear, even as local variables — so `storage` is imported here explicitly from
// 'wxt/utils/storage' and no local variable in utils/translate is called storage, browser or t.
import { storage } from 'wxt/utils/storage';
import type { DisplayMode } from '@/lib/translate/segment';
import { defaultTargetLanguage, normalizeLang } from '@/lib/translate/languages';
import { fallbackProvider, normalizeProviderConfig } from '@/lib/translate/providers/index';
import type { ProviderRuntime } from '@/lib/translate/providers/provider';
import type { ProviderConfig } from '@/lib/translate/providers/registry';

/**
 * The provider the user chose: `{kind, ...its settings}` as its registry entry describes them
 * (lib/translate/providers/registry.ts). Null until the user chooses: the on-device provider is
 * used where the browser has one.
 */
export const providerConfigItem = storage.defineItem<ProviderConfig | null>('local:translateProvider', { fallback: null, version: 1, migrations: {} });
/** Null: the browser's UI language (defaultTargetLanguage). */
export const targetLanguageItem = storage.defineItem<string | null>('sync:translateTarget', { fallback: null, version: 1, migrations: {} });
export const displayModeItem = storage.defineItem<DisplayMode>('sync:translateMode', { fallback: 'side-by-side', version: 1, migrations: {} });

/** The provider to use: the user's choice, else the on-device one where this context has it, else none. */
export async function effectiveProvider(runtime: ProviderRuntime = {}): Promise<ProviderConfig | null> {
  const chosen = normalizeProviderConfig(await providerConfigItem.getValue());
  return chosen ?? fallbackProvider(runtime);
}

/**
 * The user's target language, or the default for an article in `articleLang` (defaultTargetLanguage),
 * with the reader's preferred languages as the browser lists them.
 */
export async function targetLanguage(uiLanguage: string, articleLang?: string | null, preferred: readonly string[] = globalThis.navigator?.languages ?? []): Promise<string> {
  return normalizeLang(await targetLanguageItem.getValue()) ?? defaultTargetLanguage(uiLanguage, articleLang, preferred);
}

export async function displayMode(): Promise<DisplayMode> {
  const mode = await displayModeItem.getValue();
  return mode === 'translation-only' ? 'translation-only' : 'side-by-side';
}
