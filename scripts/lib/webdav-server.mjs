// A real WebDAV server for the sync tests and bench: Debian's Apache (mod_dav, mod_dav_fs, Basic
// auth with an htpasswd file made by `htpasswd`) on 127.0.0.1 on a free port, with everything in a
// temporary folder (its own ServerRoot, config, PidFile, ErrorLog, lock database and data): no
// system configuration is read or touched. In front of it a small proxy on 127.0.0.1 that passes
// every request through and can be told to fail them as a server would (507 for PUT, 403 for
// all, which Apache cannot easily be made to give) or to kill Apache in the middle of one.
//
//   const dav = await startWebDav();   // dav.url: the folder's address (through the proxy)
//   dav.dataDir                          // what the server stores (the tests grep it)
//   dav.fail(507, ['PUT']) / dav.fail(403) / dav.fail(null)
//   dav.onRequest = (method, path) => …  // e.g. kill() on the first PUT of a manifest
//   dav.clockOffsetMs = 3 * 3600_000    // the server's Date header three hours ahead
//   await dav.kill(); await dav.restart(); await dav.stop();
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MODULES = '/usr/lib/apache2/modules';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, up, timeoutMs = 10_000) {
  const start = Date.now();
  for (;;) {
    const open = await new Promise((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'OPTIONS', path: '/' }, (res) => {
        res.resume();
        resolve(true);
      });
      req.once('error', () => resolve(false));
      req.end();
    });
    if (open === up) return;
    if (Date.now() - start > timeoutMs) throw new Error(`Apache on port ${port} did not ${up ? 'start' : 'stop'} in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether Apache with mod_dav can run here (scripts/install-browsers.sh installs it). */
export function hasApache() {
  return (
    existsSync('/usr/sbin/apache2') && existsSync(`${MODULES}/mod_dav_fs.so`) && spawnSync('htpasswd', ['-h']).status !== null
  );
}

export async function startWebDav({ user = 'reader', password = 'app-password-1', folder = 'sync' } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'webdav-'));
  const dataDir = join(root, 'data');
  const folderDir = join(dataDir, folder);
  mkdirSync(folderDir, { recursive: true });
  mkdirSync(join(root, 'run'));
  mkdirSync(join(root, 'htdocs'));
  spawnSync('htpasswd', ['-cbB', join(root, 'htpasswd'), user, password], { stdio: 'ignore' });
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const conf = [
    `ServerRoot "${root}"`,
    `ServerName 127.0.0.1`,
    `Listen 127.0.0.1:${port}`,
    `PidFile "${root}/run/httpd.pid"`,
    `ErrorLog "${root}/error.log"`,
    'LogLevel warn',
    ...[
      ['mpm_event_module', 'mod_mpm_event.so'],
      ['authz_core_module', 'mod_authz_core.so'],
      ['authn_core_module', 'mod_authn_core.so'],
      ['authn_file_module', 'mod_authn_file.so'],
      ['auth_basic_module', 'mod_auth_basic.so'],
      ['authz_user_module', 'mod_authz_user.so'],
      ['alias_module', 'mod_alias.so'],
      ['dav_module', 'mod_dav.so'],
      ['dav_fs_module', 'mod_dav_fs.so'],
    ].map(([name, file]) => `LoadModule ${name} ${MODULES}/${file}`),
    // Apache started by root serves as an ordinary user.
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    'StartServers 1',
    'ServerLimit 1',
    'ThreadsPerChild 32',
    'MaxRequestWorkers 32',
    'KeepAlive On',
    'MaxKeepAliveRequests 0',
    `DAVLockDB "${root}/run/davlock"`,
    `DocumentRoot "${root}/htdocs"`,
    `<Directory "${root}/htdocs">`,
    '  Require all denied',
    '  AllowOverride None',
    '</Directory>',
    `Alias /dav "${dataDir}"`,
    `<Directory "${dataDir}">`,
    '  DAV On',
    '  AllowOverride None',
    '  AuthType Basic',
    '  AuthName "sync"',
    `  AuthUserFile "${root}/htpasswd"`,
    '  Require valid-user',
    '</Directory>',
  ].join('\n');
  writeFileSync(join(root, 'httpd.conf'), conf);
  if (asRoot) {
    // www-data must reach the folders (mkdtemp makes the root 0700)
    chmodSync(root, 0o755);
    for (const p of [dataDir, folderDir, join(root, 'run')]) chownSync(p, 33, 33);
  }

  let child = null;
  const start = async () => {
    child = spawn('/usr/sbin/apache2', ['-f', join(root, 'httpd.conf'), '-DFOREGROUND'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { PATH: process.env.PATH, LANG: 'C' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.once(
      'exit',
      (code, signal) => code !== null && code !== 0 && console.warn(`apache2 exited (${code ?? signal}): ${err.trim()}`),
    );
    await waitForPort(port, true);
  };
  await start();

  // The proxy in front: what the tests' faults go through.
  let failStatus = null;
  let failMethods = null;
  const proxy = createServer(async (req, res) => {
    dav.requests++;
    // a test's hook may act first (kill Apache before this request reaches it)
    await Promise.resolve(dav.onRequest?.(req.method, req.url)).catch(() => undefined);
    if (failStatus && (!failMethods || failMethods.includes(req.method))) {
      req.resume();
      res.writeHead(failStatus, { 'Content-Type': 'text/plain' });
      res.end(failStatus === 507 ? 'Insufficient Storage' : 'refused');
      return;
    }
    const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      // a server whose clock is off (dav.clockOffsetMs): its Date header says so
      const headers = dav.clockOffsetMs
        ? { ...up.headers, date: new Date(Date.now() + dav.clockOffsetMs).toUTCString() }
        : up.headers;
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = proxy.address().port;

  const killChild = (signal) =>
    new Promise((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid, signal);
      } catch {
        resolve();
      }
    });

  const dav = {
    url: `http://127.0.0.1:${proxyPort}/dav/${folder}/`,
    directUrl: `http://127.0.0.1:${port}/dav/${folder}/`,
    origin: `http://127.0.0.1:${proxyPort}`,
    dataDir,
    folderDir,
    user,
    password,
    requests: 0,
    clockOffsetMs: 0,
    /** Called with (method, path) on every request before it is passed on (awaited). */
    onRequest: null,
    /**
     * Every request (or those of `methods`) from now on answers `status` (null: passed through again).
     * @param {number | null} status
     * @param {string[] | null} [methods]
     */
    fail(status, methods = null) {
      failStatus = status;
      failMethods = methods;
    },
    /** Kills Apache at once (SIGKILL), as a crash or a pulled plug would. */
    async kill() {
      await killChild('SIGKILL');
      await waitForPort(port, false);
    },
    async restart() {
      await killChild('SIGKILL');
      await start();
    },
    async stop() {
      await killChild('SIGTERM');
      await new Promise((resolve) => proxy.close(() => resolve()));
      proxy.closeAllConnections?.();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return dav;
}
