// Helpers for the translation tests: the real English catalogue behind the fake browser's
// i18n.getMessage, a fake fetch that records requests, and the two ends of a 'translate' port.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import { TRANSLATE_PORT, type PortLike } from '@/lib/translate/protocol';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** browser.i18n.getMessage answering from public/_locales/en/messages.json, with substitutions. */
export function installEnglishMessages(): void {
  const catalogue = en as unknown as Catalogue;
  (fakeBrowser.i18n as unknown as { getMessage: (key: string, subs?: string[]) => string }).getMessage = (key, subs = []) => {
    const entry = catalogue[key];
    if (!entry) return '';
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, d: string) => subs[Number(d) - 1] ?? '');
    });
  };
}

export interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records each request and answers with `respond` (a Response or a thrown error). */
export function fakeFetch(respond: (req: Recorded, n: number) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetchImpl = async (url: string, init: RequestInit = {}) => {
    if (init.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const raw = typeof init.body === 'string' ? init.body : '';
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const req = { url, method: init.method ?? 'GET', headers, body };
    calls.push(req);
    return respond(req, calls.length);
  };
  return { fetchImpl, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** Two connected ends of a runtime.Port: a message posted on one arrives on the other; disconnect
 *  fires onDisconnect on the other end only, as in browsers. */
export function portPair(): [PortLike & { disconnected: boolean }, PortLike & { disconnected: boolean }] {
  const make = () => {
    const messageListeners: ((m: unknown) => void)[] = [];
    const disconnectListeners: (() => void)[] = [];
    return {
      name: TRANSLATE_PORT,
      disconnected: false,
      peer: null as unknown as { deliver: (m: unknown) => void; drop: () => void },
      postMessage(m: unknown) {
        if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
        const copy = JSON.parse(JSON.stringify(m)) as unknown;
        queueMicrotask(() => this.peer.deliver(copy));
      },
      disconnect() {
        if (this.disconnected) return;
        this.disconnected = true;
        queueMicrotask(() => this.peer.drop());
      },
      onMessage: { addListener: (l: (m: unknown) => void) => void messageListeners.push(l) },
      onDisconnect: { addListener: (l: () => void) => void disconnectListeners.push(l) },
      deliver(m: unknown) {
        if (!this.disconnected) messageListeners.forEach((l) => l(m));
      },
      drop() {
        if (this.disconnected) return;
        this.disconnected = true;
        disconnectListeners.forEach((l) => l());
      },
    };
  };
  const a = make();
  const b = make();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
