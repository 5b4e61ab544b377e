// The one way the background fetches a web page by itself: "Save linked article", the text of
// imported items, and the pictures of an article being saved (fetchImageBytes). Links and imported lists are untrusted, so:
// - only public http(s) addresses are requested (lib/net/public-url.ts), checked before the request;
// - every redirect is checked before it is followed. A fetch from the extension hides where a
//   redirect leads (with redirect: 'manual' Chromium's service worker and Firefox's event page both
//   answer an opaque redirect, no Location; tested in both), so while page fetches run a
//   declarativeNetRequest session rules make the browser refuse the extension's own requests (no
//   tab: tabId -1) to private hosts, redirects included; those never reach the host. Redirects to
//   file:, data:, about: and other schemes are refused by fetch itself. Without the rule (the API
//   missing or failing) redirects are not followed at all;
// - no cookies or credentials, a time limit, and at most MAX_PAGE_BYTES read (lib/net/read-capped.ts);
// - the bytes are decoded as a browser would (lib/net/charset.ts): EUC-KR, Shift_JIS, GB18030 …
import { browser } from 'wxt/browser';
import { decodePage } from '@/lib/net/charset';
import { PRIVATE_HOST_PATTERNS, urlRefusal } from '@/lib/net/public-url';
import { readCappedBytes, TooLargeError } from '@/lib/net/read-capped';

/** Pages larger than this are refused rather than parsed (a runaway or a binary). */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 30000;
/** The session rules' ids, one a pattern (the extension has no other declarativeNetRequest rules). */
const GUARD_RULE_IDS = PRIVATE_HOST_PATTERNS.map((_, k) => 21 + k);

export type FetchFailureCode = 'blocked' | 'unreachable' | 'not-html' | 'too-large';

/** Why a page was not fetched, in codes the save result carries (platform/messages.ts SaveResult). */
export class FetchFailure extends Error {
  constructor(
    readonly code: FetchFailureCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

let guards = 0;
let guardReady: Promise<boolean> = Promise.resolve(false);

/** Runs `fetchWith` while the browser refuses the extension's own requests to private hosts. */
async function withRedirectGuard<T>(fetchWith: (guarded: boolean) => Promise<T>): Promise<T> {
  const dnr = (browser as { declarativeNetRequest?: typeof browser.declarativeNetRequest }).declarativeNetRequest;
  if (!dnr?.updateSessionRules) return fetchWith(false);
  if (guards++ === 0)
    guardReady = dnr
      .updateSessionRules({
        removeRuleIds: GUARD_RULE_IDS,
        addRules: PRIVATE_HOST_PATTERNS.map((regexFilter, k) => ({
          id: GUARD_RULE_IDS[k]!,
          priority: 1,
          action: { type: 'block' as const },
          condition: { regexFilter, tabIds: [-1] },
        })),
      })
      .then(
        () => true,
        (err: unknown) => {
          console.warn('Redirects will not be followed: the request rule was refused', err);
          return false;
        },
      );
  try {
    return await fetchWith(await guardReady);
  } finally {
    // Off again when no page fetch runs: the user's own translation server may be on localhost.
    if (--guards === 0) await dnr.updateSessionRules({ removeRuleIds: GUARD_RULE_IDS }).catch(() => undefined);
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The answer for a public http(s) address, fetched with the policy above (no credentials, no
 * referrer, redirects guarded, a time limit); a failure is a FetchFailure in the user's terms.
 */
async function guardedFetch(
  url: string,
  { signal, fetchImpl = fetch, accept }: { signal?: AbortSignal; fetchImpl?: typeof fetch; accept?: string },
): Promise<Response> {
  const refusal = urlRefusal(url);
  if (refusal) throw new FetchFailure('blocked', refusal);
  const init = (redirect: RequestRedirect): RequestInit => ({
    credentials: 'omit',
    redirect,
    referrerPolicy: 'no-referrer',
    signal: signal ?? AbortSignal.timeout(TIMEOUT_MS),
    ...(accept ? { headers: { accept } } : {}),
  });
  const response = await withRedirectGuard(async (guarded) => {
    try {
      return await fetchImpl(url, init(guarded ? 'follow' : 'error'));
    } catch (err) {
      // A refused redirect and a dead network fail alike; ask the first address alone (never the
      // redirect's target) whether it redirects, so the user is told the right reason.
      const first = await fetchImpl(url, init('manual')).catch(() => null);
      if (first?.type === 'opaqueredirect') throw new FetchFailure('blocked', 'redirect');
      throw new FetchFailure('unreachable', message(err));
    }
  });
  // The rule refused every private host on the way; this catches a browser that did not apply it.
  if (response.url && urlRefusal(response.url)) throw new FetchFailure('blocked', 'redirect');
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    throw new FetchFailure('unreachable', `HTTP ${response.status}`);
  }
  return response;
}

async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readCappedBytes(response, maxBytes);
  } catch (err) {
    if (err instanceof TooLargeError) throw new FetchFailure('too-large');
    throw new FetchFailure('unreachable', message(err));
  }
}

/** Downloads a page for saving; a failure says what went wrong in the user's terms (FetchFailure). */
export async function fetchPage(
  url: string,
  options: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): Promise<{ html: string; url: string }> {
  const response = await guardedFetch(url, options);
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html|xml/i.test(type)) {
    void response.body?.cancel().catch(() => undefined);
    throw new FetchFailure('not-html', type);
  }
  const bytes = await readBody(response, MAX_PAGE_BYTES);
  const finalUrl = response.url || url;
  return { html: decodePage(bytes, type, finalUrl), url: finalUrl };
}

/**
 * The bytes at a picture's address, at most `maxBytes`, by the same policy as pages. What they
 * are is not taken from the answer's Content-Type: the caller sniffs them (lib/library/images.ts).
 */
export async function fetchImageBytes(
  url: string,
  maxBytes: number,
  options: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): Promise<Uint8Array> {
  const response = await guardedFetch(url, { ...options, accept: 'image/avif,image/webp,image/png,image/*;q=0.8' });
  return readBody(response, maxBytes);
}
