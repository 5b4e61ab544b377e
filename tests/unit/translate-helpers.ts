// Helpers for the translation tests: the real English catalogue behind the fake browser's
// i18n.getMessage, and a fake fetch that records requests.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';

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
