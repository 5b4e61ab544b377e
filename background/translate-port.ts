// The background's side of translation (the page's side: platform/translate/port.ts). Network
// providers run here: the background holds the database for the cache and the host permission
// for the provider's origin. Each page's job arrives on a 'translate' port (lib/translate/
// protocol.ts); a disconnect (the reader closed, Cancel) aborts the job and its requests. The
// on-device provider runs in the page and reaches the cache through translateCacheHandlers.
import { browser } from 'wxt/browser';
import { mayCall, type Handlers } from '@/platform/messages';
import type { TranslationCache } from '@/lib/translate/cache';
import { translateAll } from '@/lib/translate/engine';
import { createTranslator, translatesOnDevice, type FetchLike } from '@/lib/translate/providers/index';
import type { ProviderConfig } from '@/lib/translate/providers/registry';
import {
  isTranslateRequest,
  TRANSLATE_PORT,
  type EngineTuning,
  type PortLike,
  type TranslateEvent,
} from '@/lib/translate/protocol';
import { TranslateError, translateErrorMessage, toTranslateError } from '@/lib/translate/types';

export interface ServeOptions {
  /** The provider the user configured (platform/translate/settings.ts providerConfigItem). */
  getConfig: () => Promise<ProviderConfig | null>;
  cache: TranslationCache | null;
  fetchImpl?: FetchLike;
  engine?: EngineTuning;
}

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
    if (started || !isTranslateRequest(message)) return;
    started = true;
    void (async () => {
      try {
        const config = await options.getConfig();
        if (!config || translatesOnDevice(config)) {
          // An on-device provider runs in the page (startTranslation), never here.
          throw new TranslateError('not-configured', config ? 'the on-device provider runs in the page' : 'no provider');
        }
        const translator = createTranslator(config, options.fetchImpl ? { fetchImpl: options.fetchImpl } : {});
        await translateAll(message.texts, {
          ...options.engine,
          translator,
          from: message.from,
          to: message.to,
          cache: options.cache,
          signal: controller.signal,
          onResult: (index, text) => post({ type: 'result', index, text }),
          onProgress: (done, total) => post({ type: 'progress', done, total }),
          onWait: (seconds) => post({ type: 'wait', seconds }),
        });
        post({ type: 'done' });
      } catch (raw) {
        const err = toTranslateError(raw);
        if (err.kind !== 'cancelled' || open) post({ type: 'error', kind: err.kind, message: translateErrorMessage(err) });
      }
    })();
  });
}

/**
 * Serves every 'translate' port opened by our own reader script or extension pages (a port sends
 * text with the user's key, so no one else may open one). Answers a function that stops listening.
 */
export function listenForTranslatePorts(options: ServeOptions): () => void {
  const listener = (port: PortLike & { sender?: Parameters<typeof mayCall>[1] }) => {
    if (port.name === TRANSLATE_PORT && mayCall('extension', port.sender)) serveTranslatePort(port, options);
  };
  browser.runtime.onConnect.addListener(listener as never);
  return () => browser.runtime.onConnect.removeListener(listener as never);
}

/** The cache messages of the on-device provider, for messages.ts listen(). */
export function translateCacheHandlers(cache: TranslationCache): Pick<Handlers, 'translate/cache-get' | 'translate/cache-put'> {
  return {
    'translate/cache-get': async ({ cacheId, from, to, texts }) =>
      (await cache.getMany(cacheId, from, to, texts)).map((x) => x ?? null),
    'translate/cache-put': ({ cacheId, from, to, entries }) => cache.putMany(cacheId, from, to, entries),
  };
}
