// Translation settings (wxt/storage items). The provider, with any API key, stays on this device
// (local:); the target language and display mode follow the browser profile (sync:).
//
// WXT gotcha: under Vitest, WXT's plugin auto-imports names such as `storage`, `browser` and `t`
// wherever they appear, even as local variables — so `storage` is imported here explicitly from
// 'wxt/utils/storage' and no local variable in utils/translate is called storage, browser or t.
import { storage } from 'wxt/utils/storage';
import type { DisplayMode } from '@/lib/translate/segment';
import { defaultTargetLanguage, normalizeLang } from '@/lib/translate/languages';
import type { ProviderConfig } from '@/lib/translate/types';

/** Null until the user chooses: the on-device provider is used where the browser has one. */
export const providerConfigItem = storage.defineItem<ProviderConfig | null>('local:translateProvider', { fallback: null });
/** Null: the browser's UI language (defaultTargetLanguage). */
export const targetLanguageItem = storage.defineItem<string | null>('sync:translateTarget', { fallback: null });
export const displayModeItem = storage.defineItem<DisplayMode>('sync:translateMode', { fallback: 'side-by-side' });

/** A stored value made safe: anything that is not a complete configuration is null. */
export function normalizeProviderConfig(value: unknown): ProviderConfig | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x.trim() : '');
  const opt = (x: unknown) => (str(x) ? { apiKey: str(x) } : {});
  switch (v.kind) {
    case 'browser':
      return { kind: 'browser' };
    case 'libretranslate':
      return str(v.url) ? { kind: 'libretranslate', url: str(v.url), ...opt(v.apiKey) } : null;
    case 'deepl':
      return str(v.apiKey) ? { kind: 'deepl', apiKey: str(v.apiKey), ...(str(v.url) ? { url: str(v.url) } : {}) } : null;
    case 'openai':
      return str(v.baseUrl) && str(v.model) ? { kind: 'openai', baseUrl: str(v.baseUrl), model: str(v.model), ...opt(v.apiKey) } : null;
    default:
      return null;
  }
}

/** The provider to use: the user's choice, else the on-device one where it exists, else none. */
export async function effectiveProvider(hasOnDevice: boolean): Promise<ProviderConfig | null> {
  const chosen = normalizeProviderConfig(await providerConfigItem.getValue());
  return chosen ?? (hasOnDevice ? { kind: 'browser' } : null);
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
