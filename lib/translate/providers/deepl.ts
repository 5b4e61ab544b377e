// DeepL API: POST /v2/translate with a JSON body, the key in `Authorization: DeepL-Auth-Key`.
// Free-plan keys end in ":fx" and use api-free.deepl.com, others api.deepl.com. tag_handling
// "xml" keeps the markup of segment.ts (our tags are well-formed XML). 456 means the quota is
// used up. Targets English, Portuguese and Chinese need a variant (EN-US, PT-BR, ZH-HANS).
import { TranslateError, type Translator } from '@/lib/translate/types';
import { baseUrl, requestJson, type FetchLike } from '@/lib/translate/providers/http';

export const DEEPL_FREE = 'https://api-free.deepl.com';
export const DEEPL_PRO = 'https://api.deepl.com';

export function deeplEndpoint(apiKey: string): string {
  return apiKey.trim().endsWith(':fx') ? DEEPL_FREE : DEEPL_PRO;
}

const TARGETS: Record<string, string> = { en: 'EN-US', 'en-GB': 'EN-GB', 'en-US': 'EN-US', pt: 'PT-BR', 'pt-BR': 'PT-BR', 'pt-PT': 'PT-PT', zh: 'ZH-HANS', 'zh-CN': 'ZH-HANS', 'zh-TW': 'ZH-HANT', 'zh-Hant': 'ZH-HANT' };

export const deeplTarget = (code: string) => TARGETS[code] ?? code.split('-')[0]!.toUpperCase();
export const deeplSource = (code: string) => code.split('-')[0]!.toUpperCase();

export function createDeepL(config: { apiKey: string; url?: string }, fetchImpl: FetchLike = fetch): Translator {
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
