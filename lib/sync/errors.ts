// Why a sync failed, as a code the options page turns into one sentence (public/_locales:
// syncError_<code>), and the server's own words kept for the console only.

export type SyncErrorCode =
  | 'offline' // the server did not answer (down, wrong address, no network)
  | 'auth' // 401: wrong user name or app password
  | 'forbidden' // 403
  | 'no-folder' // 404 on the folder: it can be created
  | 'full' // 507 Insufficient Storage
  | 'wrong-passphrase' // the check file does not open with this passphrase
  | 'not-sync-folder' // the folder holds something that is not ours
  | 'server'; // any other answer

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The code of an HTTP status that ends a sync. */
export function statusCode(status: number): SyncErrorCode {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 409) return 'no-folder';
  if (status === 507 || status === 413) return 'full';
  return 'server';
}
