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
 * @param {number} [port] 0 picks a free port
 * @returns {Promise<{origin: string, url: (path: string) => string, close: () => Promise<void>}>}
 */
export async function serveFixtures(port = 0) {
  const server = createServer((req, res) => {
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
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    url: (p) => origin + (p.startsWith('/') ? p : `/${p}`),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok(undefined));
      }),
  };
}
