// @vitest-environment node
// The fetch WebDAV client's reading of multistatus answers as Apache, Nextcloud and rclone write
// them (different namespace prefixes, entities, the folder itself and sub-folders listed too), and
// its errors as codes the options page words.
import { describe, expect, it } from 'vitest';
import { parseMultistatus, webDavStore } from '@/lib/sync/webdav';

const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:"><D:href>/dav/sync/heads/</D:href><D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype></D:prop></D:propstat></D:response>
<D:response xmlns:lp1="DAV:"><D:href>/dav/sync/heads/a1b2.bin</D:href><D:propstat><D:prop><lp1:getetag>"1f-5f0"</lp1:getetag><lp1:getcontentlength>31</lp1:getcontentlength><lp1:resourcetype/></D:prop></D:propstat></D:response>
</D:multistatus>`;
const NEXTCLOUD = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:response><d:href>/remote.php/dav/files/u/Reader%20sync/log/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response><d:response><d:href>/remote.php/dav/files/u/Reader%20sync/log/x-1.bin</d:href><d:propstat><d:prop><d:getetag>&quot;abc&quot;</d:getetag><d:getcontentlength>120</d:getcontentlength><d:resourcetype/></d:prop></d:propstat></d:response><d:response><d:href>/remote.php/dav/files/u/Reader%20sync/log/sub/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response></d:multistatus>`;

describe('WebDAV client', () => {
  it('lists the files of a folder from Apache and Nextcloud answers', () => {
    expect(parseMultistatus(APACHE, '/dav/sync/heads/')).toEqual([{ name: 'a1b2.bin', etag: '"1f-5f0"', size: 31 }]);
    expect(parseMultistatus(NEXTCLOUD, '/remote.php/dav/files/u/Reader sync/log/')).toEqual([
      { name: 'x-1.bin', etag: '"abc"', size: 120 },
    ]);
  });

  it('turns refusals into codes and sends Basic auth', async () => {
    const seen: { url: string; method: string; auth: string | null }[] = [];
    const answer = (status: number) => async (url: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(url), method: init!.method!, auth: new Headers(init!.headers).get('Authorization') });
      return new Response(status === 404 ? 'gone' : '', { status });
    };
    const store = (status: number) =>
      webDavStore({ url: 'http://127.0.0.1:1/dav/sync', user: '사용자', password: 'p:w', fetch: answer(status) as typeof fetch });
    await expect(store(401).put('log/a-1.bin', new Uint8Array([1]))).rejects.toMatchObject({ code: 'auth' });
    await expect(store(403).get('sync.json')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(store(507).put('blobs/x.bin', new Uint8Array([1]))).rejects.toMatchObject({ code: 'full' });
    expect(await store(404).list('heads')).toBeNull();
    expect(await store(404).get('sync.json')).toBeNull();
    const offline = webDavStore({
      url: 'http://127.0.0.1:1/dav/',
      user: 'u',
      password: 'p',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(offline.get('sync.json')).rejects.toMatchObject({ code: 'offline' });
    expect(seen[0]).toMatchObject({ url: 'http://127.0.0.1:1/dav/sync/log/a-1.bin', method: 'PUT' });
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(seen[0]!.auth!.slice(6)), (c) => c.charCodeAt(0)));
    expect(decoded).toBe('사용자:p:w');
  });
});
