// DeepL API: POST /v2/translate with a JSON body, the key in `Authorization: DeepL-Auth-Key`.
// Free-plan keys end in ":fx" and use api-free.deepl.com, others api.deepl.com. tag_handling
// "xml" keeps the markup of segment.ts (our tags are well-formed XML). 456 means the quota is
// used up. Targets English, Portuguese and Chinese need a variant (EN-US, PT-BR, ZH-HANS).
import { TranslateError, toTranslateError, type Translator } from '@/lib/translate/types';
import { baseUrl, originOf, requestJson, type FetchLike } from '@/lib/translate/providers/http';
import { defineProvider, optional, text } from '@/lib/translate/providers/provider';

export interface DeepLConfig {
  kind: 'deepl';
  apiKey: string;
  /** Overrides the endpoint chosen from the key (a proxy, or the local test server); not on the options page. */
  url?: string;
}

export const DEEPL_FREE = 'https://api-free.deepl.com';
export const DEEPL_PRO = 'https://api.deepl.com';

export function deeplEndpoint(apiKey: string): string {
  return apiKey.trim().endsWith(':fx') ? DEEPL_FREE : DEEPL_PRO;
}

const TARGETS: Record<string, string> = {
  en: 'EN-US',
  'en-GB': 'EN-GB',
  'en-US': 'EN-US',
  pt: 'PT-BR',
  'pt-BR': 'PT-BR',
  'pt-PT': 'PT-PT',
  zh: 'ZH-HANS',
  'zh-CN': 'ZH-HANS',
  'zh-TW': 'ZH-HANT',
  'zh-Hant': 'ZH-HANT',
};

export const deeplTarget = (code: string) => TARGETS[code] ?? code.split('-')[0]!.toUpperCase();
export const deeplSource = (code: string) => code.split('-')[0]!.toUpperCase();

function createDeepL(config: { apiKey: string; url?: string }, fetchImpl: FetchLike = fetch): Translator {
  const apiKey = config.apiKey.trim();
  if (!apiKey) throw new TranslateError('not-configured', 'DeepL needs an API key');
  const base = baseUrl(config.url?.trim() || deeplEndpoint(apiKey)).replace(/\/v2(\/translate)?$/, '');
  return {
    cacheId: `deepl:${base}`,
    async translate(texts, from, to, signal) {
      const body = await requestJson(fetchImpl, `${base}/v2/translate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `DeepL-Auth-Key ${apiKey}` },
        body: JSON.stringify({
          text: texts,
          ...(from && from !== 'auto' ? { source_lang: deeplSource(from) } : {}),
          target_lang: deeplTarget(to),
          tag_handling: 'xml',
        }),
        signal,
      });
      const list = (body as { translations?: { text?: unknown }[] } | null)?.translations;
      if (!Array.isArray(list) || list.length !== texts.length || list.some((x) => typeof x?.text !== 'string')) {
        throw new TranslateError('malformed', `DeepL answered ${JSON.stringify(body).slice(0, 120)}`);
      }
      return list.map((x) => x.text as string);
    },
  };
}

/** DeepL, free or pro as the key says. */
export const deeplProvider = defineProvider<DeepLConfig>({
  kind: 'deepl',
  label: 'optionsProviderDeepl',
  hint: 'optionsProviderDeeplHint',
  where: 'network',
  fields: [
    { key: 'apiKey', id: 'deepl-key', label: 'optionsApiKey', hint: 'optionsDeeplKeyHint', type: 'secret', required: true },
  ],
  defaults: { apiKey: '' },
  normalize: (v) => (text(v.apiKey) ? { kind: 'deepl', apiKey: text(v.apiKey), ...optional('url', v.url) } : null),
  origin: (config) => originOf(config.url?.trim() || deeplEndpoint(config.apiKey)),
  create: (config, runtime) => createDeepL(config, runtime.fetchImpl),
  // 456 (quota) and its {"message": …} bodies are read by requestJson (http.ts).
  mapError: (err) => toTranslateError(err),
});
