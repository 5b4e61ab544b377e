// Errors of the saved-articles library, with a code the UI can explain. Storage errors from
// IndexedDB reach us in several wrappings (a DOMException, Dexie's own QuotaExceededError, an
// AbortError or BulkError carrying the real cause as `inner` / `failures`): all of them map to
// one LibraryError('quota').

export type LibraryErrorCode =
  /** The browser's storage for the extension is full. Nothing of the failed write remains. */
  | 'quota'
  /** An import file is malformed or in a format we do not read. Nothing was written. */
  | 'invalid-file'
  /** No saved article at that URL. */
  | 'not-found'
  /** Only http(s) pages can be saved. */
  | 'invalid-url'
  /** Any other database failure (blocked, closed, corrupted…). */
  | 'database';

export class LibraryError extends Error {
  readonly code: LibraryErrorCode;

  constructor(code: LibraryErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LibraryError';
    this.code = code;
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** True when `err` is, or wraps (inner, cause, bulk failures), a storage quota error. */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 6) return false;
  const e = err as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  // Legacy DOMException code QUOTA_EXCEEDED_ERR.
  if (e.code === 22 && typeof DOMException !== 'undefined' && err instanceof DOMException) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = e.failures;
  if (Array.isArray(failures)) return failures.some((f) => isQuotaError(f, depth + 1));
  if (failures && typeof failures === 'object') return Object.values(failures).some((f) => isQuotaError(f, depth + 1));
  return false;
}

const QUOTA_MESSAGE =
  'The browser has no more storage for the library, so nothing of this change was written and the library is as it was: delete some saved articles (or allow persistent storage) and try again.';

/** The same error as a LibraryError: quota errors become code 'quota', others 'database'. */
function toLibraryError(err: unknown): LibraryError {
  if (err instanceof LibraryError) return err;
  if (isQuotaError(err)) return new LibraryError('quota', QUOTA_MESSAGE, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new LibraryError('database', `The library database failed: ${message}`, { cause: err });
}

/** Runs a database operation, mapping its failures to LibraryError. */
export async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toLibraryError(err);
  }
}
