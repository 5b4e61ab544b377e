// Where translation runs, seen from a page (the reader content script, the saved-article reader).
//
// Network providers run in the background (background/translate-port.ts: it holds the database
// for the cache, and the host permissions for the provider's origin): the page opens a
// `runtime.connect` port named 'translate' (lib/translate/protocol.ts), sends {texts, from, to}
// once, and receives {type:'result'|'progress'|'wait'|'done'|'error'}; disconnecting the port (the
// reader closed, Cancel) aborts the job and its requests.
//
// An on-device provider must run where a window is (Chrome's Translator API is not in the
// service worker), so its engine runs in the page itself, with a cache reached by messages
// ('translate/cache-get' / 'translate/cache-put', answered in the background).
import { browser } from 'wxt/browser';
import type { TranslationCache } from '@/lib/translate/cache';
import { translateAll } from '@/lib/translate/engine';
import { onDeviceApis, type TranslatorApi } from '@/lib/translate/providers/browser';
import { createTranslator, translatesOnDevice } from '@/lib/translate/providers/index';
import type { ProviderRuntime } from '@/lib/translate/providers/provider';
import type { ProviderConfig } from '@/lib/translate/providers/registry';
import {
  TRANSLATE_PORT,
  type EngineTuning,
  type PortLike,
  type TranslateEvent,
  type TranslateRequest,
} from '@/lib/translate/protocol';
import { effectiveProvider } from '@/platform/translate/settings';
import { TranslateError, translateErrorMessage, toTranslateError, type TranslateErrorKind } from '@/lib/translate/types';

/** A TranslationCache that asks the background (for an on-device provider in a page). */
export function messageCache(
  send: (message: { type: string; payload: unknown }) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): TranslationCache {
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
  /** Waiting for the service (Retry-After): seconds left, each second; 0 when requests go again. */
  onWait?: (seconds: number) => void;
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
export function startTranslation(
  texts: string[],
  from: string,
  to: string,
  handlers: TranslationHandlers,
  options: StartOptions = {},
): { cancel(): void } {
  let cancelled = false;
  let finished = false;
  let port: PortLike | null = null;
  const controller = new AbortController();
  const guard =
    <A extends unknown[]>(fn: ((...args: A) => void) | undefined, last = false) =>
    (...args: A) => {
      if (cancelled || finished) return;
      if (last) finished = true;
      fn?.(...args);
    };
  const onResult = guard(handlers.onResult);
  const onProgress = guard(handlers.onProgress);
  const onWait = guard(handlers.onWait);
  const onDone = guard(handlers.onDone, true);
  const onError = guard(handlers.onError, true);
  const fail = (raw: unknown) => {
    const err = toTranslateError(raw);
    onError(err.kind, translateErrorMessage(err));
  };

  void (async () => {
    try {
      const runtime: ProviderRuntime = {
        onDevice: options.translatorApi ? { translator: options.translatorApi } : onDeviceApis(),
        ...(options.onDownloadProgress ? { onDownloadProgress: options.onDownloadProgress } : {}),
      };
      const config = options.config !== undefined ? options.config : await effectiveProvider(runtime);
      if (cancelled) return;
      if (!config) throw new TranslateError('not-configured');
      if (translatesOnDevice(config)) {
        await translateAll(texts, {
          ...options.engine,
          translator: createTranslator(config, runtime),
          from,
          to,
          cache: messageCache(options.sendMessage),
          signal: controller.signal,
          onResult,
          onProgress,
          onWait,
        });
        onDone();
        return;
      }
      port = (options.connect ?? (() => browser.runtime.connect({ name: TRANSLATE_PORT }) as unknown as PortLike))();
      port.onMessage.addListener((raw) => {
        const event = raw as TranslateEvent;
        if (event?.type === 'result') onResult(event.index, event.text);
        else if (event?.type === 'progress') onProgress(event.done, event.total);
        else if (event?.type === 'wait') onWait(event.seconds);
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
