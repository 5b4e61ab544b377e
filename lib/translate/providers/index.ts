// One entry point for every provider: build a Translator from the user's configuration, test it
// with one sentence, and say where the text goes.
import { t } from '@/platform/i18n';
import { TranslateError, translateErrorMessage, toTranslateError, type ProviderConfig, type Translator } from '@/lib/translate/types';
import { createBrowserTranslator, type BrowserTranslatorOptions } from '@/lib/translate/providers/browser';
import { createDeepL, deeplEndpoint } from '@/lib/translate/providers/deepl';
import { originOf, type FetchLike } from '@/lib/translate/providers/http';
import { createLibreTranslate } from '@/lib/translate/providers/libretranslate';
import { createOpenAi } from '@/lib/translate/providers/openai';

export type { FetchLike } from '@/lib/translate/providers/http';

/** A Translator for `config`. Network providers call `fetchImpl` (a fake in unit tests). */
export function createTranslator(config: ProviderConfig | null | undefined, fetchImpl: FetchLike = (...args) => fetch(...args), browserOptions: BrowserTranslatorOptions = {}): Translator {
  switch (config?.kind) {
    case 'browser':
      return createBrowserTranslator(browserOptions);
    case 'libretranslate':
      return createLibreTranslate(config, fetchImpl);
    case 'deepl':
      return createDeepL(config, fetchImpl);
    case 'openai':
      return createOpenAi(config, fetchImpl);
    default:
      throw new TranslateError('not-configured', 'no provider configured');
  }
}

/** The origin a network provider sends text to (null for the on-device one). */
export function providerOrigin(config: ProviderConfig | null | undefined): string | null {
  switch (config?.kind) {
    case 'libretranslate':
      return originOf(config.url);
    case 'deepl':
      return originOf(config.url?.trim() || deeplEndpoint(config.apiKey));
    case 'openai':
      return originOf(config.baseUrl);
    default:
      return null;
  }
}

/** The host permission to ask for before saving a network provider (browser.permissions.request). */
export function providerPermission(config: ProviderConfig | null | undefined): { origins: string[] } | null {
  const origin = providerOrigin(config);
  return origin ? { origins: [`${origin}/*`] } : null;
}

/** The popup's privacy line, said before the first request: where the article's text goes. */
export function providerDestination(config: ProviderConfig | null | undefined): string {
  if (!config) return t('translateNoProvider');
  if (config.kind === 'browser') return t('translateGoesOnDevice');
  const origin = providerOrigin(config);
  return t('translateGoesTo', origin ? new URL(origin).host : '?');
}

export const TEST_SENTENCE = 'Good morning. The meeting with <b>Acme Corp.</b> starts at 10:30, see <a1>the agenda</a1>.';

/** Translates one sentence with `config`; the answer a Test button shows. */
export async function testProvider(
  config: ProviderConfig,
  options: { fetchImpl?: FetchLike; from?: string; to?: string; signal?: AbortSignal; browserOptions?: BrowserTranslatorOptions } = {},
): Promise<{ ok: true; sample: string } | { ok: false; message: string }> {
  const from = options.from ?? 'en';
  const to = options.to && options.to !== from ? options.to : from === 'de' ? 'fr' : 'de';
  try {
    const translator = createTranslator(config, options.fetchImpl, options.browserOptions);
    const [sample] = await translator.translate([TEST_SENTENCE], from, to, options.signal ?? new AbortController().signal);
    if (typeof sample !== 'string' || !sample.trim()) throw new TranslateError('malformed', 'empty answer');
    return { ok: true, sample: sample.replace(/<[^<>]*>/g, '') };
  } catch (err) {
    return { ok: false, message: translateErrorMessage(toTranslateError(err)) };
  }
}
