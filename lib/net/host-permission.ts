// The host permission to ask for before the extension talks to a server the user typed in (a sync
// folder, a translation server): its scheme and host name, on every port. Not with the port:
// Firefox grants "http://127.0.0.1:8080/*" when asked, but its match patterns leave ports out, so
// requests to that server still fail (Firefox ESR with host access withdrawn: a NetworkError until
// "http://127.0.0.1/*" was granted; tests/e2e/sync.e2e.ts); Chrome reads a pattern without a port
// as any port.

/** `{ origins: ['https://host/*'] }` for an http(s) address, else null. */
export function hostPermission(address: string): { origins: string[] } | null {
  try {
    const url = new URL(address.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? { origins: [`${url.protocol}//${url.hostname}/*`] } : null;
  } catch {
    return null;
  }
}
