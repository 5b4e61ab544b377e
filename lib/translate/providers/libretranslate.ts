// LibreTranslate (self-hosted or hosted): POST {url}/translate with q as an array and
// format "html", so the markup of segment.ts comes back in place. GET {url}/languages is read once
// to map our language codes to the server's (zh → zh-Hans or zh, zh-TW → zh-Hant or zt) and to
// refuse an unsupported pair before any text is sent.
import { TranslateError, toTranslateError, type Translator } from '@/lib/translate/types';
import { baseUrl, originOf, requestJson, type FetchLike } from '@/lib/translate/providers/http';
import { defineProvider, optional, text } from '@/lib/translate/providers/provider';

export interface LibreTranslateConfig {
  kind: 'libretranslate';
  url: string;
  apiKey?: string;
}

interface LtLanguage {
  code: string;
  targets?: string[];
}

const ALIASES: Record<string, string[]> = {
  zh: ['zh', 'zh-Hans', 'zh-CN'],
  'zh-TW': ['zh-Hant', 'zt', 'zh-TW'],
  pt: ['pt', 'pt-BR', 'pt-PT'],
  he: ['he', 'iw'],
  nb: ['nb', 'no'],
};

function candidates(code: string): string[] {
  return [...(ALIASES[code] ?? []), code, code.split('-')[0]!];
}

function createLibreTranslate(config: { url: string; apiKey?: string }, fetchImpl: FetchLike = fetch): Translator {
  const base = baseUrl(config.url).replace(/\/translate$/, '');
  const apiKey = config.apiKey?.trim() || undefined;
  let languages: Promise<LtLanguage[] | null> | null = null;

  const loadLanguages = (signal: AbortSignal) => {
    languages ??= requestJson(fetchImpl, `${base}/languages`, { method: 'GET', signal })
      .then((body) => (Array.isArray(body) ? (body as LtLanguage[]) : null))
      .catch((err: TranslateError) => {
        languages = null; // try again next time
        // An unreachable server or a bad key shows at once; an old server without the list is fine.
        if (err.kind === 'unreachable' || err.kind === 'auth' || err.kind === 'cancelled') throw err;
        return null;
      });
    return languages;
  };

  const resolve = (list: LtLanguage[] | null, from: string, to: string): [string, string] => {
    if (!list) return [from || 'auto', to];
    const find = (code: string) => candidates(code).find((c) => list.some((l) => l.code === c));
    const target = find(to);
    const source = !from || from === 'auto' ? 'auto' : find(from);
    if (!target || !source) throw new TranslateError('unsupported-pair', `${from} → ${to}`);
    const entry = list.find((l) => l.code === source);
    if (entry?.targets && !entry.targets.includes(target)) throw new TranslateError('unsupported-pair', `${source} → ${target}`);
    return [source, target];
  };

  return {
    cacheId: `libretranslate:${base}`,
    async translate(texts, from, to, signal) {
      const [source, target] = resolve(await loadLanguages(signal), from, to);
      const body = await requestJson(fetchImpl, `${base}/translate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ q: texts, source, target, format: 'html', ...(apiKey ? { api_key: apiKey } : {}) }),
        signal,
      });
      const out = (body as { translatedText?: unknown } | null)?.translatedText;
      const list = typeof out === 'string' && texts.length === 1 ? [out] : out;
      if (!Array.isArray(list) || list.length !== texts.length || list.some((s) => typeof s !== 'string')) {
        throw new TranslateError('malformed', `LibreTranslate answered ${JSON.stringify(body).slice(0, 120)}`);
      }
      return list as string[];
    },
  };
}

/** A LibreTranslate server at the user's address, with an optional key. */
export const libreTranslateProvider = defineProvider<LibreTranslateConfig>({
  kind: 'libretranslate',
  label: 'optionsProviderLibre',
  hint: 'optionsProviderLibreHint',
  where: 'network',
  fields: [
    {
      key: 'url',
      id: 'lt-url',
      label: 'optionsLibreUrl',
      type: 'url',
      required: true,
      placeholder: 'https://libretranslate.example.org',
      autocomplete: 'url',
    },
    { key: 'apiKey', id: 'lt-key', label: 'optionsApiKeyOptional', type: 'secret' },
  ],
  defaults: { url: '', apiKey: '' },
  normalize: (v) => (text(v.url) ? { kind: 'libretranslate', url: text(v.url), ...optional('apiKey', v.apiKey) } : null),
  origin: (config) => originOf(config.url),
  create: (config, runtime) => createLibreTranslate(config, runtime.fetchImpl),
  // Its statuses and {"error": …} bodies are read by requestJson (http.ts).
  mapError: (err) => toTranslateError(err),
});
