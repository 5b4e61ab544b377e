// The 'translate' port between a page and the background (platform/translate/port.ts on the
// page's side, background/translate-port.ts on the background's): the page sends one request,
// the background answers with events until 'done' or 'error'; disconnecting aborts the job.
import type { TranslateAllOptions } from '@/lib/translate/engine';
import type { TranslateErrorKind } from '@/lib/translate/types';

export const TRANSLATE_PORT = 'translate';

export interface TranslateRequest {
  texts: string[];
  from: string;
  to: string;
}

export type TranslateEvent =
  | { type: 'result'; index: number; text: string }
  | { type: 'progress'; done: number; total: number }
  /** Every request waits for the service (Retry-After): seconds left, each second; 0 when over. */
  | { type: 'wait'; seconds: number }
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

/** The engine's knobs either side may set (tests make batches small). */
export type EngineTuning = Pick<
  TranslateAllOptions,
  'maxBatchChars' | 'maxBatchItems' | 'concurrency' | 'retries' | 'backoffMs' | 'maxDelayMs' | 'maxWaitMs' | 'sleep'
>;

/** A request as the page must send it; anything else is ignored. */
export function isTranslateRequest(value: unknown): value is TranslateRequest {
  const v = value as Partial<TranslateRequest> | null;
  return (
    !!v &&
    Array.isArray(v.texts) &&
    v.texts.every((x) => typeof x === 'string') &&
    typeof v.from === 'string' &&
    typeof v.to === 'string'
  );
}
