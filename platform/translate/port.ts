// Where translation runs, and how the page hears of it.
//
// Network providers run in the background (it holds the database for the cache, and the host
// permissions for the provider's origin): the page opens a `runtime.connect` port named
// 'translate', sends {texts, from, to} once, and receives {type:'result'|'progress'|'done'|
// 'error'}; disconnecting the port (the reader closed, Cancel) aborts the job and its requests.
//
// The on-device provider must run where a window is (Chrome's Translator API is not in the
// service worker), so its engine runs in the page itself, with a cache reached by messages
// ('translate/cache-get' / 'translate/cache-put', answered by translateCacheHandlers).
import { browser } from 'wxt/browser';
import type { Handlers } from '@/platform/messages';
import type { TranslationCache } from '@/lib/translate/cache';
import { translateAll, type TranslateAllOptions } from '@/lib/translate/engine';
import { createBrowserTranslator, onDeviceApis, type TranslatorApi } from '@/lib/translate/providers/browser';
import { createTranslator, type FetchLike } from '@/lib/translate/providers/index';
import { effectiveProvider } from '@/platform/translate/settings';
import { TranslateError, translateErrorMessage, toTranslateError, type ProviderConfig, type TranslateErrorKind } from '@/lib/translate/types';

export const TRANSLATE_PORT = 'translate';

export interface TranslateRequest {
  texts: string[];
  from: string;
  to: string;
}

export type TranslateEvent =
  | { type: 'result'; index: number; text: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done' }
  | { type: 'error'; kind: TranslateErrorKind; message: string };

/** What we use of runtime.Port (a fake in tests). */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

type EngineTuning = Pick<TranslateAllOptions, 'maxBatchChars' | 'maxBatchItems' | 'concurrency' | 'retries' | 'backoffMs' | 'maxDelayMs' | 'sleep'>;

export interface ServeOptions {
  /** The provider the user configured (settings.ts providerConfigItem). */
  getConfig: () => Promise<ProviderConfig | null>;
  cache: TranslationCache | null;
  fetchImpl?: FetchLike;
  engine?: EngineTuning;
}

function isRequest(value: unknown): value is TranslateRequest {
  const v = value as Partial<TranslateRequest> | null;
  return !!v && Array.isArray(v.texts) && v.texts.every((x) => typeof x === 'string') && typeof v.from === 'string' && typeof v.to === 'string';
}

// ---------------------------------------------------------------- background side

/** Runs one page's job on `port`: the first valid request starts it, a disconnect aborts it. */
export function serveTranslatePort(port: PortLike, options: ServeOptions): void {
  const controller = new AbortController();
  let started = false;
  let open = true;
  const post = (event: TranslateEvent) => {
    if (!open) return;
    try {
      port.postMessage(event);
    } catch {
      open = false;
      controller.abort();
    }
  };
  port.onDisconnect.addListener(() => {
    open = false;
    controller.abort();
  });
  port.onMessage.addListener((message) => {
    if (started || !isRequest(message)) return;
    started = true;
    void (async () => {
      try {
        const config = await options.getConfig();
        if (!config || config.kind === 'browser') {
          // The on-device provider runs in the page (startTranslation), never here.
          throw new TranslateError('not-configured', config ? 'the on-device provider runs in the page' : 'no provider');
        }
        const translator = createTranslator(config, options.fetchImpl);
        await translateAll(message.texts, {
          ...options.engine,
          translator,
          from: message.from,
          to: message.to,
          cache: options.cache,
          signal: controller.signal,
          onResult: (index, text) => post({ type: 'result', index, text }),
          onProgress: (done, total) => post({ type: 'progress', done, total }),
        });
        post({ type: 'done' });
      } catch (raw) {
        const err = toTranslateError(raw);
        if (err.kind !== 'cancelled' || open) post({ type: 'error', kind: err.kind, message: translateErrorMessage(err) });
      }
    })();
  });
}

/** In the background: serves every 'translate' port. Answers a function that stops listening. */
export function listenForTranslatePorts(options: ServeOptions): () => void {
  const listener = (port: PortLike) => {
    if (port.name === TRANSLATE_PORT) serveTranslatePort(port, options);
  };
  browser.runtime.onConnect.addListener(listener as never);
  return () => browser.runtime.onConnect.removeListener(listener as never);
}

/** In the background: the cache messages of the on-device provider, for messages.ts listen(). */
export function translateCacheHandlers(cache: TranslationCache): Pick<Handlers, 'translate/cache-get' | 'translate/cache-put'> {
  return {
    'translate/cache-get': async ({ cacheId, from, to, texts }) => (await cache.getMany(cacheId, from, to, texts)).map((x) => x ?? null),
    'translate/cache-put': ({ cacheId, from, to, entries }) => cache.putMany(cacheId, from, to, entries),
  };
}

// ---------------------------------------------------------------- page side

/** A TranslationCache that asks the background (for the on-device provider in a page). */
export function messageCache(send: (message: { type: string; payload: unknown }) => Promise<unknown> = (m) => browser.runtime.sendMessage(m)): TranslationCache {
  return {
    async getMany(cacheId, from, to, texts) {
      const answer = await send({ type: 'translate/cache-get', payload: { cacheId, from, to, texts } });
      return Array.isArray(answer) ? answer.map((x) => (typeof x === 'string' ? x : undefined)) : texts.map(() => undefined);
    },
    async putMany(cacheId, from, to, entries) {
      await send({ type: 'translate/cache-put', payload: { cacheId, from, to, entries } });
    },
  };
}

export interface TranslationHandlers {
  onResult?: (index: number, text: string) => void;
  onProgress?: (done: number, total: number) => void;
  onDone?: () => void;
  onError?: (kind: TranslateErrorKind, message: string) => void;
}

export interface StartOptions {
  /** The provider; read from settings when absent (the on-device one where it exists). */
  config?: ProviderConfig | null;
  connect?: () => PortLike;
  /** runtime.sendMessage, for the on-device provider's cache. */
  sendMessage?: (message: { type: string; payload: unknown }) => Promise<unknown>;
  /** The on-device Translator API (tests pass a fake). */
  translatorApi?: TranslatorApi;
  /** On-device model download, 0…1. */
  onDownloadProgress?: (fraction: number) => void;
  engine?: EngineTuning;
}

/**
 * In a page (reader content script, saved-article reader): translates `texts` (segment markup)
 * and reports each result as it arrives. Exactly one of onDone / onError is called, unless
 * cancel() comes first, after which nothing is called.
 */
export function startTranslation(texts: string[], from: string, to: string, handlers: TranslationHandlers, options: StartOptions = {}): { cancel(): void } {
  let cancelled = false;
  let finished = false;
  let port: PortLike | null = null;
  const controller = new AbortController();
  const guard = <A extends unknown[]>(fn: ((...args: A) => void) | undefined, last = false) => (...args: A) => {
    if (cancelled || finished) return;
    if (last) finished = true;
    fn?.(...args);
  };
  const onResult = guard(handlers.onResult);
  const onProgress = guard(handlers.onProgress);
  const onDone = guard(handlers.onDone, true);
  const onError = guard(handlers.onError, true);
  const fail = (raw: unknown) => {
    const err = toTranslateError(raw);
    onError(err.kind, translateErrorMessage(err));
  };

  void (async () => {
    try {
      const api = options.translatorApi ?? onDeviceApis().translator;
      const config = options.config !== undefined ? options.config : await effectiveProvider(!!api);
      if (cancelled) return;
      if (!config) throw new TranslateError('not-configured');
      if (config.kind === 'browser') {
        await translateAll(texts, {
          ...options.engine,
          translator: createBrowserTranslator({ ...(api ? { api } : {}), ...(options.onDownloadProgress ? { onDownloadProgress: options.onDownloadProgress } : {}) }),
          from,
          to,
          cache: messageCache(options.sendMessage),
          signal: controller.signal,
          onResult,
          onProgress,
        });
        onDone();
        return;
      }
      port = (options.connect ?? (() => browser.runtime.connect({ name: TRANSLATE_PORT }) as unknown as PortLike))();
      port.onMessage.addListener((raw) => {
        const event = raw as TranslateEvent;
        if (event?.type === 'result') onResult(event.index, event.text);
        else if (event?.type === 'progress') onProgress(event.done, event.total);
        else if (event?.type === 'done') onDone();
        else if (event?.type === 'error') onError(event.kind, event.message);
        if (event?.type === 'done' || event?.type === 'error') port?.disconnect();
      });
      port.onDisconnect.addListener(() => {
        // The background went away (extension reloaded, worker crashed) before finishing.
        fail(new TranslateError('unreachable', 'the extension stopped answering'));
      });
      port.postMessage({ texts, from, to } satisfies TranslateRequest);
    } catch (err) {
      fail(err);
    }
  })();

  return {
    cancel() {
      if (cancelled) return;
      cancelled = true;
      controller.abort();
      try {
        port?.disconnect();
      } catch {
        // already gone
      }
    },
  };
}
