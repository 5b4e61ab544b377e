// One way to call a network provider: errors become TranslateErrors by status, Retry-After is
// read, error bodies ({"error": …} from LibreTranslate, {"message": …} from DeepL, {"error":
// {"message": …}} from OpenAI-compatible servers) become the error's detail.
import { TranslateError } from '@/lib/translate/types';
import { readCappedBytes, TooLargeError } from '@/lib/net/read-capped';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Retry-After as milliseconds: delay-seconds or an HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT", or
 * the two obsolete forms, all beginning with the day's name); a date past is 0. Anything else
 * ("-5", "soon", "1e3") is undefined: the engine's own backoff applies. A huge value stays huge
 * (Infinity at most): the engine gives up on a wait past its limit rather than wait.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/^[A-Za-z]{3,9},? /.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The human part of an error body, whatever shape the provider uses. */
export function errorDetail(body: unknown): string {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body.slice(0, 300) : '';
  const b = body as Record<string, unknown>;
  const nested = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>).message : undefined;
  const detail = nested ?? b.error ?? b.message ?? b.detail;
  return typeof detail === 'string' ? detail : '';
}

/** Status → kind. 400s that name a language are an unsupported pair. */
export function errorForStatus(status: number, detail: string, retryAfterMs?: number): TranslateError {
  const extra = { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  const message = `${status}${detail ? `: ${detail}` : ''}`;
  if (status === 401 || status === 403) return new TranslateError('auth', message, extra);
  if (status === 429) return new TranslateError('rate-limit', message, extra);
  if (status === 456) return new TranslateError('quota', message, extra);
  if (status === 400 && /lang|language|not supported|unsupported/i.test(detail))
    return new TranslateError('unsupported-pair', message, extra);
  // A wrong address or model name: nothing to retry, and the user must be told which to check.
  if (status === 404) return new TranslateError('not-configured', message, { ...extra, messageKey: 'translateErrorNotFound' });
  return new TranslateError('server', message, extra);
}

/**
 * The most we read of one answer. A batch sends at most 4,000 characters (engine.ts), so an honest
 * answer is a few tens of kilobytes; a hostile or broken server answering megabytes would otherwise
 * be read whole, parsed and rendered (50 million characters held a tab for minutes near 6 GB).
 */
export const MAX_RESPONSE_BYTES = 2_000_000;

/** The body as UTF-8 text, refusing it (and cancelling the rest of the download) past `maxBytes`. */
async function readCapped(response: Response, url: string, maxBytes: number): Promise<string> {
  try {
    return new TextDecoder().decode(await readCappedBytes(response, maxBytes));
  } catch (err) {
    if (!(err instanceof TooLargeError)) throw err;
    throw new TranslateError('too-large', `${url}: ${err.message}`, { status: response.status });
  }
}

/**
 * The longest one request may take, answer read to its end. A batch is at most 4,000 characters
 * (engine.ts): a local model on a slow machine answers it within a minute or so, so a server that
 * holds the connection (or drips its answer) past this is stuck, and the user is told so.
 */
export const REQUEST_TIMEOUT_MS = 120_000;

/** POSTs (or GETs) JSON and answers the parsed body; every failure is a TranslateError. */
export async function requestJson(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit & { signal?: AbortSignal },
  maxBytes = MAX_RESPONSE_BYTES,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<unknown> {
  const outer = init.signal;
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (outer?.aborted) throw new TranslateError('cancelled');
  outer?.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const failure = (err: unknown) => {
    if (timedOut)
      return new TranslateError('unreachable', `${url}: no complete answer in ${timeoutMs / 1000} s`, {
        messageKey: 'translateErrorTimeout',
      });
    if (outer?.aborted || (err as { name?: string })?.name === 'AbortError') return new TranslateError('cancelled');
    return new TranslateError('unreachable', `${url}: ${err instanceof Error ? err.message : String(err)}`);
  };
  let response: Response;
  let text = '';
  try {
    try {
      response = await fetchImpl(url, { ...init, signal: controller.signal });
    } catch (err) {
      throw failure(err);
    }
    try {
      text = await readCapped(response, url, maxBytes);
    } catch (err) {
      if (err instanceof TranslateError) throw err;
      throw failure(err);
    }
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', abort);
  }
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new TranslateError('malformed', `not JSON: ${text.slice(0, 120)}`, { status: response.status });
  }
  if (!response.ok)
    throw errorForStatus(response.status, errorDetail(body), parseRetryAfter(response.headers.get('retry-after')));
  return body;
}

/** "https://host/path/" → "https://host/path"; throws not-configured for anything but http(s). */
export function baseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new TranslateError('not-configured', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TranslateError('not-configured', `not http(s): ${raw}`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** The origin a provider's requests go to, for permissions.request and the privacy line. */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
