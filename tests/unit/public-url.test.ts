import { PRIVATE_HOST_PATTERNS, urlRefusal } from '@/lib/net/public-url';

const refused: Array<[string, string]> = [
  // Not a web page.
  ['file:///etc/passwd', 'scheme'],
  ['chrome://settings/', 'scheme'],
  ['about:blank', 'scheme'],
  ['data:text/html,<p>hi</p>', 'scheme'],
  ['javascript:alert(1)', 'scheme'],
  ['ftp://files.example.com/a', 'scheme'],
  ['not a url', 'invalid'],
  // Credentials in the address.
  ['https://user:secret@news.example.com/', 'credentials'],
  ['https://user@news.example.com/', 'credentials'],
  // Names of the machine and the local network.
  ['http://localhost/admin', 'private-host'],
  ['http://LOCALHOST.:8080/admin', 'private-host'],
  ['http://app.localhost/', 'private-host'],
  ['http://printer.local/', 'private-host'],
  ['http://wiki.internal/', 'private-host'],
  ['http://nas.home.arpa/', 'private-host'],
  ['http://router/admin', 'private-host'],
  ['http://router./admin', 'private-host'],
  // Loopback in every spelling the URL parser accepts.
  ['http://127.0.0.1:8080/admin', 'private-host'],
  ['http://127.1/admin', 'private-host'],
  ['http://0x7f.1/admin', 'private-host'],
  ['http://0x7f000001/admin', 'private-host'],
  ['http://2130706433/admin', 'private-host'],
  ['http://0177.0.0.1/admin', 'private-host'],
  ['http://017700000001/admin', 'private-host'],
  ['http://127.000.000.001/admin', 'private-host'],
  ['http://0/', 'private-host'],
  ['http://0.0.0.0/', 'private-host'],
  // Private, shared, link-local, documentation, benchmarking, multicast, reserved, broadcast.
  ['http://10.1.2.3/', 'private-host'],
  ['http://100.64.0.1/', 'private-host'],
  ['http://100.127.255.255/', 'private-host'],
  ['http://169.254.169.254/latest/meta-data/', 'private-host'],
  ['http://172.16.0.1/', 'private-host'],
  ['http://172.31.255.1/', 'private-host'],
  ['http://192.0.0.8/', 'private-host'],
  ['http://192.0.2.1/', 'private-host'],
  ['http://192.168.0.1/admin', 'private-host'],
  ['http://3232235521/admin', 'private-host'],
  ['http://198.18.0.1/', 'private-host'],
  ['http://198.19.255.1/', 'private-host'],
  ['http://198.51.100.7/', 'private-host'],
  ['http://203.0.113.9/', 'private-host'],
  ['http://224.0.0.1/', 'private-host'],
  ['http://239.255.255.250/', 'private-host'],
  ['http://240.0.0.1/', 'private-host'],
  ['http://255.255.255.255/', 'private-host'],
  // IPv6: unspecified, loopback, unique local, link-local, multicast.
  ['http://[::]/', 'private-host'],
  ['http://[::1]:8080/admin', 'private-host'],
  ['http://[0:0:0:0:0:0:0:1]/admin', 'private-host'],
  ['http://[fc00::1]/', 'private-host'],
  ['http://[fd12:3456::1]/', 'private-host'],
  ['http://[fe80::1]/', 'private-host'],
  ['http://[febf::1]/', 'private-host'],
  ['http://[ff02::1]/', 'private-host'],
  // IPv6 forms embedding an IPv4 address, judged by it.
  ['http://[::ffff:127.0.0.1]/admin', 'private-host'],
  ['http://[::ffff:7f00:1]/admin', 'private-host'],
  ['http://[0:0:0:0:0:ffff:7f00:1]/admin', 'private-host'],
  ['http://[::ffff:192.168.1.1]/', 'private-host'],
  ['http://[::127.0.0.1]/', 'private-host'],
  ['http://[::10.0.0.1]/', 'private-host'],
  ['http://[64:ff9b::127.0.0.1]/', 'private-host'],
  ['http://[64:ff9b::a00:1]/', 'private-host'],
  ['http://[2002:7f00:1::]/', 'private-host'],
  ['http://[2002:c0a8:101::1]/', 'private-host'],
];

const allowed = [
  'https://news.example.com/2025/02/story.html',
  'http://www.mk.co.kr/news/economy/1',
  'https://n.news.naver.com/article/001/0015000000',
  'https://xn--9n2bp8q.xn--3e0b707e/기사',
  'http://news.example:8080/article',
  'http://8.8.8.8/',
  'http://172.32.0.1/',
  'http://100.128.0.1/',
  'http://192.169.0.1/',
  'http://[2001:4860:4860::8888]/',
  'http://[::ffff:8.8.8.8]/',
  'http://[64:ff9b::808:808]/',
  'http://[2002:808:808::1]/',
];

test.each(refused)('%s is refused (%s)', (url, why) => {
  expect(urlRefusal(url)).toBe(why);
});

test.each(allowed)('%s may be fetched', (url) => {
  expect(urlRefusal(url)).toBeNull();
});

describe('the browser-side pattern (declarativeNetRequest) agrees with the check', () => {
  const patterns = PRIVATE_HOST_PATTERNS.map((p) => new RegExp(p));
  const pattern = { test: (url: string) => patterns.some((p) => p.test(url)) };
  const canonical = (raw: string) => new URL(raw).href;
  test.each(refused.filter(([, why]) => why === 'private-host'))('%s matches', (url) => {
    expect(pattern.test(canonical(url))).toBe(true);
  });
  // The pattern is broader for a few IPv6 prefixes judged by an embedded public IPv4 address.
  const broader = new Set(['http://[::ffff:8.8.8.8]/', 'http://[64:ff9b::808:808]/', 'http://[2002:808:808::1]/']);
  test.each(allowed.filter((u) => !broader.has(u)))('%s does not match', (url) => {
    expect(pattern.test(canonical(url))).toBe(false);
  });
  test("the extension's own pages and scripts never match (they load without a tab as well)", () => {
    expect(pattern.test('chrome-extension://abcdefghijklmnopabcdefghijklmnop/offscreen.html')).toBe(false);
    expect(pattern.test('moz-extension://0b7d2c1e-6f6a-4d1a-9d59-3f0a1b2c3d4e/offscreen.html')).toBe(false);
  });
  test('a public page whose path names a private host does not match', () => {
    expect(pattern.test('https://news.example.com/redirect?to=http://127.0.0.1/')).toBe(false);
    expect(pattern.test('https://news.example.com/localhost/a.local')).toBe(false);
  });
});
