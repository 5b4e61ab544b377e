// The browser's own on-device Translator and LanguageDetector APIs (Chrome 138+), as documented
// on developer.chrome.com and MDN: Translator.availability({sourceLanguage, targetLanguage}) →
// 'unavailable' | 'downloadable' | 'downloading' | 'available'; Translator.create({…, monitor(m) {
// m.addEventListener('downloadprogress', e => e.loaded /* 0…1 */) }, signal}); translator
// .translate(text, {signal}) → string; LanguageDetector.create() and detector.detect(text) →
// [{detectedLanguage, confidence}, …, {detectedLanguage: 'und'}].
// They run where a window is (content script, extension page), never in the service worker, and
// create() needs a user's click while a model must still be downloaded.
// browserProvider, at the end, is its entry in the registry of providers (registry.ts).
import { TranslateError, type Translator } from '@/lib/translate/types';
import { defineProvider, type ProviderRuntime } from '@/lib/translate/providers/provider';

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface CreateMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void;
}

export interface OnDeviceTranslator {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}

export interface TranslatorApi {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<Availability>;
  create(options: {
    sourceLanguage: string;
    targetLanguage: string;
    monitor?: (m: CreateMonitor) => void;
    signal?: AbortSignal;
  }): Promise<OnDeviceTranslator>;
}

export interface LanguageDetectorApi {
  availability(options?: { expectedInputLanguages?: string[] }): Promise<Availability>;
  create(options?: { expectedInputLanguages?: string[]; monitor?: (m: CreateMonitor) => void; signal?: AbortSignal }): Promise<{
    detect(input: string, options?: { signal?: AbortSignal }): Promise<{ detectedLanguage: string; confidence: number }[]>;
    destroy(): void;
  }>;
}

export interface OnDeviceApis {
  translator?: TranslatorApi;
  detector?: LanguageDetectorApi;
}

/** The APIs where this context has them. */
export function onDeviceApis(scope: object = globalThis): OnDeviceApis {
  const s = scope as { Translator?: TranslatorApi; LanguageDetector?: LanguageDetectorApi };
  return {
    ...(s.Translator && typeof s.Translator.create === 'function' ? { translator: s.Translator } : {}),
    ...(s.LanguageDetector && typeof s.LanguageDetector.create === 'function' ? { detector: s.LanguageDetector } : {}),
  };
}

/** Our codes as the on-device API names them. */
export const onDeviceCode = (code: string) => (code === 'zh-TW' ? 'zh-Hant' : code);

function fromDomException(err: unknown): TranslateError {
  if (err instanceof TranslateError) return err;
  const name = (err as { name?: string })?.name;
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'AbortError') return new TranslateError('cancelled');
  if (name === 'NotAllowedError')
    return new TranslateError('not-configured', message, { messageKey: 'translateErrorNeedsDownload' });
  if (name === 'NotSupportedError') return new TranslateError('unsupported-pair', message);
  return new TranslateError('server', message);
}

/** Availability of a pair, or 'no-api' where the browser has no Translator. */
export async function browserAvailability(
  from: string,
  to: string,
  api = onDeviceApis().translator,
): Promise<Availability | 'no-api'> {
  if (!api) return 'no-api';
  try {
    return await api.availability({ sourceLanguage: onDeviceCode(from), targetLanguage: onDeviceCode(to) });
  } catch {
    return 'unavailable';
  }
}

export interface BrowserTranslatorOptions {
  api?: TranslatorApi;
  /** Model download progress, 0…1. */
  onDownloadProgress?: (fraction: number) => void;
}

export function createBrowserTranslator(options: BrowserTranslatorOptions = {}): Translator {
  const api = options.api ?? onDeviceApis().translator;
  const sessions = new Map<string, Promise<OnDeviceTranslator>>();

  const session = (from: string, to: string, signal: AbortSignal) => {
    const key = `${from}|${to}`;
    let s = sessions.get(key);
    if (!s) {
      s = (async () => {
        if (!api) throw new TranslateError('not-configured', 'no on-device Translator in this browser');
        const pair = { sourceLanguage: onDeviceCode(from), targetLanguage: onDeviceCode(to) };
        const availability = await api.availability(pair).catch((err: unknown) => Promise.reject(fromDomException(err)));
        if (availability === 'unavailable') throw new TranslateError('unsupported-pair', `${from} → ${to} on this device`);
        return api.create({
          ...pair,
          signal,
          monitor: (m) => m.addEventListener('downloadprogress', (e) => options.onDownloadProgress?.(e.loaded)),
        });
      })().catch((err: unknown) => {
        sessions.delete(key);
        throw err instanceof TranslateError ? err : fromDomException(err);
      });
      sessions.set(key, s);
    }
    return s;
  };

  return {
    cacheId: 'browser',
    async translate(texts, from, to, signal) {
      if (!from || from === 'auto')
        throw new TranslateError('unsupported-pair', 'source language unknown', { messageKey: 'translateErrorSourceUnknown' });
      const translator = await session(from, to, signal);
      const out: string[] = [];
      for (const text of texts) {
        if (signal.aborted) throw new TranslateError('cancelled');
        try {
          out.push(await translator.translate(text, { signal }));
        } catch (err) {
          throw fromDomException(err);
        }
      }
      return out;
    },
  };
}

/** Downloads the model for a pair (call it from a click: create() needs the user's activation). */
export async function downloadBrowserModel(
  from: string,
  to: string,
  onProgress: (fraction: number) => void,
  api = onDeviceApis().translator,
): Promise<void> {
  if (!api) throw new TranslateError('not-configured', 'no on-device Translator in this browser');
  try {
    const created = await api.create({
      sourceLanguage: onDeviceCode(from),
      targetLanguage: onDeviceCode(to),
      monitor: (m) => m.addEventListener('downloadprogress', (e) => onProgress(e.loaded)),
    });
    created.destroy();
  } catch (err) {
    throw fromDomException(err);
  }
}

export interface BrowserConfig {
  kind: 'browser';
}

const apisOf = (runtime: ProviderRuntime) => runtime.onDevice ?? onDeviceApis();

/** The browser's own translator: no settings, nothing sent out, the model downloaded on the device. */
export const browserProvider = defineProvider<BrowserConfig>({
  kind: 'browser',
  label: 'optionsProviderBrowser',
  hint: 'optionsProviderBrowserHint',
  where: 'device',
  fields: [],
  defaults: {},
  normalize: () => ({ kind: 'browser' }),
  available: (runtime) => !!apisOf(runtime).translator,
  create: (_config, runtime) => {
    const api = apisOf(runtime).translator;
    return createBrowserTranslator({
      ...(api ? { api } : {}),
      ...(runtime.onDownloadProgress ? { onDownloadProgress: runtime.onDownloadProgress } : {}),
    });
  },
  mapError: fromDomException,
  model: {
    availability: (from, to, runtime) => browserAvailability(from, to, apisOf(runtime).translator),
    download: (from, to, onProgress, runtime) => downloadBrowserModel(from, to, onProgress, apisOf(runtime).translator),
    messages: {
      available: 'optionsOnDeviceAvailable',
      downloadable: 'optionsOnDeviceDownloadable',
      downloading: 'optionsOnDeviceDownloading',
      unavailable: 'optionsOnDeviceUnavailable',
      'no-api': 'optionsOnDeviceMissing',
    },
    // The page's language is checked by the on-device detector where it exists.
    note: (runtime) => {
      const apis = apisOf(runtime);
      if (!apis.translator) return null;
      return apis.detector ? 'optionsDetectorAvailable' : 'optionsDetectorMissing';
    },
  },
});
