// What the rest of the extension asks of providers, answered from the registry: read a stored
// configuration, build a Translator, test it with one sentence, say where the text goes and which
// host permission that needs. Nothing here knows a provider by name.
import { t } from '@/platform/i18n';
import { TranslateError, translateErrorMessage, toTranslateError, type Translator } from '@/lib/translate/types';
import type { ProviderRuntime } from '@/lib/translate/providers/provider';
import { PROVIDERS, providerOf, type ProviderConfig } from '@/lib/translate/providers/registry';
import { hostPermission } from '@/lib/net/host-permission';

export type { FetchLike } from '@/lib/translate/providers/http';

/** A stored value made safe: anything that is not a complete configuration of a known provider is null. */
export function normalizeProviderConfig(value: unknown): ProviderConfig | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  return providerOf(v.kind)?.normalize(v) ?? null;
}

/** The provider used before the user chooses one: the first on-device one this context has, else none (text never leaves unasked). */
export function fallbackProvider(runtime: ProviderRuntime = {}): ProviderConfig | null {
  for (const p of PROVIDERS) {
    if (p.where !== 'device' || !(p.available?.(runtime) ?? true)) continue;
    const config = p.normalize({ ...p.defaults, kind: p.kind });
    if (config) return config;
  }
  return null;
}

/** Whether `config` translates in the browser itself: it then runs in the page, never in the background. */
export function translatesOnDevice(config: ProviderConfig): boolean {
  return providerOf(config.kind)?.where === 'device';
}

/** A Translator for `config`; every failure it reports is the provider's own TranslateError. */
export function createTranslator(config: ProviderConfig | null | undefined, runtime: ProviderRuntime = {}): Translator {
  const provider = config && providerOf(config.kind);
  if (!config || !provider) throw new TranslateError('not-configured', 'no provider configured');
  // The global fetch as it is when a request goes out, not when the translator was made.
  const withFetch: ProviderRuntime = { ...runtime, fetchImpl: runtime.fetchImpl ?? ((...args) => fetch(...args)) };
  let inner: Translator;
  try {
    inner = provider.create(config, withFetch);
  } catch (err) {
    throw provider.mapError(err, config);
  }
  return {
    cacheId: inner.cacheId,
    translate: (texts, from, to, signal) =>
      inner.translate(texts, from, to, signal).catch((err: unknown) => {
        throw provider.mapError(err, config);
      }),
  };
}

/** Whether `config`'s provider is a chat model that can write key points too. */
export function writesKeyPoints(config: ProviderConfig | null | undefined): boolean {
  return !!(config && providerOf(config.kind)?.chat);
}

/**
 * A chat with `config`'s model, for the key points it can write (null when its provider is no chat
 * model: it only translates); every failure is the provider's own TranslateError.
 */
export function chatWith(
  config: ProviderConfig | null | undefined,
  runtime: ProviderRuntime = {},
): ((system: string, user: string, signal: AbortSignal) => Promise<string>) | null {
  const provider = config && providerOf(config.kind);
  if (!config || !provider?.chat) return null;
  const withFetch: ProviderRuntime = { ...runtime, fetchImpl: runtime.fetchImpl ?? ((...args) => fetch(...args)) };
  let chat: ReturnType<NonNullable<typeof provider.chat>>;
  try {
    chat = provider.chat(config, withFetch);
  } catch (err) {
    throw provider.mapError(err, config);
  }
  return (system, user, signal) =>
    chat(system, user, signal).catch((err: unknown) => {
      throw provider.mapError(err, config);
    });
}

/** The origin a network provider sends text to (null for an on-device one). */
export function providerOrigin(config: ProviderConfig | null | undefined): string | null {
  return (config && providerOf(config.kind)?.origin?.(config)) ?? null;
}

/** The host permission to ask for before saving a network provider (browser.permissions.request). */
export function providerPermission(config: ProviderConfig | null | undefined): { origins: string[] } | null {
  const origin = providerOrigin(config);
  return origin ? hostPermission(origin) : null;
}

/** The popup's privacy line, said before the first request: where the article's text goes. */
export function providerDestination(config: ProviderConfig | null | undefined): string {
  if (!config) return t('translateNoProvider');
  if (translatesOnDevice(config)) return t('translateGoesOnDevice');
  const origin = providerOrigin(config);
  return t('translateGoesTo', origin ? new URL(origin).host : '?');
}

export const TEST_SENTENCE = 'Good morning. The meeting with <b>Acme Corp.</b> starts at 10:30, see <a1>the agenda</a1>.';

/** Translates one sentence with `config`; the answer a Test button shows. */
export async function testProvider(
  config: ProviderConfig,
  options: { from?: string; to?: string; signal?: AbortSignal; runtime?: ProviderRuntime } = {},
): Promise<{ ok: true; sample: string } | { ok: false; message: string }> {
  const from = options.from ?? 'en';
  const to = options.to && options.to !== from ? options.to : from === 'de' ? 'fr' : 'de';
  try {
    const translator = createTranslator(config, options.runtime);
    const [sample] = await translator.translate([TEST_SENTENCE], from, to, options.signal ?? new AbortController().signal);
    if (typeof sample !== 'string' || !sample.trim()) throw new TranslateError('malformed', 'empty answer');
    return { ok: true, sample: sample.replace(/<[^<>]*>/g, '') };
  } catch (err) {
    return { ok: false, message: translateErrorMessage(toTranslateError(err)) };
  }
}
