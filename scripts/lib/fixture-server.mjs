// A static HTTP server on 127.0.0.1 for the end-to-end tests, the benchmarks and the demo: it
// serves tests/fixtures and nothing else, and can be stopped to test offline behaviour.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
};

/**
 * A public-looking name for the fixture server: the test browsers resolve it to 127.0.0.1
 * (scripts/lib/browsers.mjs), because the extension refuses to fetch 127.0.0.1 itself ("Save
 * linked article", imported items) and the tests must not weaken that.
 */
export const TEST_HOST = 'news.example';

/**
 * @param {number} [port] 0 picks a free port
 * @param {{handle?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean}} [options]
 *   `handle` answers a request itself (a test's own pages) by returning true
 * @returns {Promise<{origin: string, url: (path: string) => string, publicUrl: (path: string) => string, requests: string[], close: () => Promise<void>}>}
 */
export async function serveFixtures(port = 0, options = {}) {
  /** @type {string[]} Every path asked for, in order, so a test can count what reached the server. */
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    if (options.handle?.(req, res)) return;
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(FIXTURES, path);
    if (!file.startsWith(FIXTURES) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  const portNumber = typeof address === 'object' && address ? address.port : port;
  const origin = `http://127.0.0.1:${portNumber}`;
  const at = (/** @type {string} */ base, /** @type {string} */ p) => base + (p.startsWith('/') ? p : `/${p}`);
  return {
    origin,
    url: (p) => at(origin, p),
    /** The same page at TEST_HOST, as the extension may fetch it. */
    publicUrl: (p) => at(`http://${TEST_HOST}:${portNumber}`, p),
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok(undefined));
      }),
  };
}
