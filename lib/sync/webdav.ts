// A small WebDAV client on fetch: the five verbs sync needs (PROPFIND with Depth 1, GET, PUT,
// DELETE, MKCOL) against one folder, with Basic auth. The `webdav` npm package (5.11) was
// measured first: 149 kB minified, 51 kB gzip bundled for the browser (fast-xml-parser, md5,
// url-parse, node-fetch shims…) for these five calls, against about 2 kB here; a service worker
// has no DOMParser, so a multistatus answer is read by its tags (any namespace prefix), which is
// all the three fields sync reads need. Every request is one the user asked for (a sync).
import { SyncError, statusCode } from '@/lib/sync/errors';

export interface RemoteEntry {
  /** The file's name inside the folder listed. */
  name: string;
  etag: string;
  size: number;
}

/** Where sync keeps its files: paths relative to the configured folder ("log/ab-1.bin"). */
export interface RemoteStore {
  /** The files of a folder, or null when it does not exist. */
  list(dir: string): Promise<RemoteEntry[] | null>;
  /** A file's bytes, or null when there is none. */
  get(path: string): Promise<Uint8Array | null>;
  put(path: string, data: Uint8Array): Promise<void>;
  /** Creates a folder (one that exists already is fine). */
  mkdir(path: string): Promise<void>;
  /** Deletes a file or a folder with what it holds (absent is fine). */
  remove(path: string): Promise<void>;
}

export interface WebDavOptions {
  /** The folder's address (http or https). */
  url: string;
  user: string;
  password: string;
  fetch?: typeof fetch;
  /** Called with the server's clock (its Date header) on every answer. */
  onServerTime?: (ms: number) => void;
  /** Counts requests (the bench reports them). */
  onRequest?: (method: string, path: string) => void;
}

const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** The text of the first element named `tag` (any namespace prefix) in `xml`. */
function tagText(xml: string, tag: string): string | null {
  const m = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}\\s*>)`, 'i').exec(xml);
  return m ? decodeEntities((m[1] ?? '').trim()) : null;
}

/** The entries of a PROPFIND Depth 1 multistatus, without the folder itself and sub-folders. */
export function parseMultistatus(xml: string, folderPath: string): RemoteEntry[] {
  const out: RemoteEntry[] = [];
  const responses = xml.match(/<(?:[\w.-]+:)?response\b[\s\S]*?<\/(?:[\w.-]+:)?response\s*>/gi) ?? [];
  for (const response of responses) {
    const href = tagText(response, 'href');
    if (!href) continue;
    let path: string;
    try {
      path = decodeURIComponent(new URL(href, 'http://x').pathname);
    } catch {
      continue;
    }
    if (/<(?:[\w.-]+:)?collection\b/i.test(response) || path.replace(/\/+$/, '') === folderPath.replace(/\/+$/, '')) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!name) continue;
    out.push({ name, etag: tagText(response, 'getetag') ?? '', size: Number(tagText(response, 'getcontentlength') ?? 0) || 0 });
  }
  return out;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:getcontentlength/><d:resourcetype/></d:prop></d:propfind>';

export function webDavStore(options: WebDavOptions): RemoteStore {
  const base = options.url.endsWith('/') ? options.url : `${options.url}/`;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const auth = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${options.user}:${options.password}`)))}`;
  const addr = (path: string) =>
    new URL(
      path
        .split('/')
        .map((p) => encodeURIComponent(p))
        .join('/'),
      base,
    ).href;

  async function request(method: string, path: string, init: RequestInit = {}, ok: (status: number) => boolean = (s) => s < 300) {
    options.onRequest?.(method, path);
    let res: Response;
    try {
      res = await doFetch(addr(path), {
        ...init,
        method,
        headers: { Authorization: auth, ...(init.headers as Record<string, string>) },
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch (err) {
      throw new SyncError('offline', `The sync server did not answer (${err instanceof Error ? err.message : String(err)}).`);
    }
    const date = Date.parse(res.headers.get('Date') ?? '');
    if (Number.isFinite(date)) options.onServerTime?.(date);
    if (!ok(res.status)) {
      await res.body?.cancel().catch(() => undefined);
      throw new SyncError(statusCode(res.status), `${method} ${path || '/'}: HTTP ${res.status} ${res.statusText}`);
    }
    return res;
  }

  return {
    async list(dir) {
      const res = await request(
        'PROPFIND',
        dir,
        { headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' }, body: PROPFIND_BODY },
        (s) => s === 207 || s === 404,
      );
      if (res.status === 404) return null;
      return parseMultistatus(await res.text(), new URL(addr(dir)).pathname);
    },
    async get(path) {
      const res = await request('GET', path, {}, (s) => s < 300 || s === 404);
      if (res.status === 404) return null;
      return new Uint8Array(await res.arrayBuffer());
    },
    async put(path, data) {
      await request('PUT', path, { body: data.slice().buffer, headers: { 'Content-Type': 'application/octet-stream' } });
    },
    async mkdir(path) {
      // 405: it exists already
      const dir = path.replace(/\/+$/, '');
      await request('MKCOL', dir ? `${dir}/` : '', {}, (s) => s < 300 || s === 405);
    },
    async remove(path) {
      await request('DELETE', path, {}, (s) => s < 300 || s === 404);
    },
  };
}
