// The translation pipeline's shared types: what a provider does, and how it fails. (What a
// provider is configured with is its own: providers/registry.ts.) Everything else in
// lib/translate/ builds on these.
import { t, type MessageKey } from '@/platform/i18n';

/** Translates paragraphs. `texts` use the inline markup of segment.ts (`<a1>…</a1>`, `<b>`…). */
export interface Translator {
  /** Names the provider (and its address/model) in cache keys: another provider misses the cache. */
  readonly cacheId: string;
  /** One translation per input text, in order; rejects with a TranslateError. */
  translate(texts: string[], from: string, to: string, signal: AbortSignal): Promise<string[]>;
}

export type TranslateErrorKind =
  | 'not-configured'
  | 'unreachable'
  | 'auth'
  | 'rate-limit'
  | 'quota'
  | 'unsupported-pair'
  | 'malformed'
  | 'too-large'
  | 'server'
  | 'cancelled';

export const TRANSLATE_ERROR_KINDS: readonly TranslateErrorKind[] = [
  'not-configured',
  'unreachable',
  'auth',
  'rate-limit',
  'quota',
  'unsupported-pair',
  'malformed',
  'too-large',
  'server',
  'cancelled',
];

export class TranslateError extends Error {
  readonly kind: TranslateErrorKind;
  /** The HTTP status, when the provider answered with one. */
  readonly status?: number;
  /** How long the provider asked us to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs?: number;
  /** A more precise sentence than the kind's own, when there is one (e.g. on-device model needs a click). */
  readonly messageKey?: MessageKey;

  constructor(
    kind: TranslateErrorKind,
    detail?: string,
    extra: { status?: number; retryAfterMs?: number; messageKey?: MessageKey } = {},
  ) {
    super(detail || kind);
    this.name = 'TranslateError';
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.messageKey !== undefined) this.messageKey = extra.messageKey;
  }
}

/** Any failure as a TranslateError (an abort is 'cancelled', anything unknown 'server'). */
export function toTranslateError(err: unknown): TranslateError {
  if (err instanceof TranslateError) return err;
  if (err && typeof err === 'object' && (err as { name?: unknown }).name === 'AbortError') return new TranslateError('cancelled');
  return new TranslateError('server', err instanceof Error ? err.message : String(err));
}

const KIND_MESSAGES: Record<TranslateErrorKind, MessageKey> = {
  'not-configured': 'translateErrorNotConfigured',
  unreachable: 'translateErrorUnreachable',
  auth: 'translateErrorAuth',
  'rate-limit': 'translateErrorRateLimit',
  quota: 'translateErrorQuota',
  'unsupported-pair': 'translateErrorUnsupportedPair',
  malformed: 'translateErrorMalformed',
  'too-large': 'translateErrorTooLarge',
  server: 'translateErrorServer',
  cancelled: 'translateErrorCancelled',
};

/** One plain sentence for the user, in the UI language. */
export function translateErrorMessage(err: unknown): string {
  const e = toTranslateError(err);
  if (e.messageKey) return t(e.messageKey);
  if (e.kind === 'server') return t('translateErrorServer', e.status ? String(e.status) : '—');
  return t(KIND_MESSAGES[e.kind]);
}
