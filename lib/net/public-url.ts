// Which addresses the extension may fetch on its own ("Save linked article", the text of imported
// items): public http(s) pages only. A link or an imported list is untrusted, and without this a
// list naming http://127.1/admin or http://[::ffff:7f00:1]/ would make the background request the
// reader's own machine or network. The WHATWG URL parser canonicalizes every spelling of an IPv4
// address (0x7f.1, 2130706433, 0177.0.0.1, 127.1 all become 127.0.0.1) and of an IPv6 one, so the
// checks below read only canonical forms.
//
// Left: a public DNS name that resolves to a private address (DNS rebinding) cannot be told apart
// here; Chrome gives extensions no DNS lookup.

/** Why an address is not fetched: not a web page, credentials in it, or a host on the reader's own network. */
export type UrlRefusal = 'scheme' | 'credentials' | 'private-host' | 'invalid';

/** Special names: the machine itself, the local network, and names that never leave it. */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'localdomain', 'lan', 'intranet', 'corp'];
const SUFFIX_ALTERNATIVES = LOCAL_SUFFIXES.map((s) => s.replace('.', '\\.')).join('|');
const LOCAL_NAME = new RegExp(`(?:^|\\.)(?:${SUFFIX_ALTERNATIVES})$`);

/** IPv4 ranges that are not the public internet, as [first octets, prefix length]. */
const PRIVATE_V4: Array<[number, number]> = [
  [0x00000000, 8], // 0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link-local
  [0xac100000, 12], // 172.16/12
  [0xc0000000, 24], // 192.0.0/24 protocol assignments
  [0xc0000200, 24], // 192.0.2/24 documentation
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xc6336400, 24], // 198.51.100/24 documentation
  [0xcb007100, 24], // 203.0.113/24 documentation
  [0xe0000000, 4], // 224/4 multicast
  [0xf0000000, 4], // 240/4 reserved, and 255.255.255.255
];

function v4Number(host: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function privateV4(n: number): boolean {
  return PRIVATE_V4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
}

/** The eight 16-bit groups of a canonical IPv6 address (as URL.hostname gives it, without brackets). */
function v6Groups(host: string): number[] | null {
  const [head, tail, extra] = host.split('::');
  if (extra !== undefined) return null;
  const parse = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const a = parse(head);
  const b = parse(tail);
  if (tail === undefined) return a.length === 8 ? a : null;
  const groups = [...a, ...Array<number>(8 - a.length - b.length).fill(0), ...b];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function privateV6(groups: number[]): boolean {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const embedded = ((g6 << 16) | g7) >>> 0;
  const zeros = (...gs: number[]) => gs.every((g) => g === 0);
  if (zeros(g0, g1, g2, g3, g4)) {
    // ::, ::1, ::ffff:a.b.c.d (IPv4-mapped), ::a.b.c.d (IPv4-compatible): judged by the IPv4 inside.
    if (g5 === 0xffff) return privateV4(embedded);
    if (g5 === 0) return g6 === 0 || privateV4(embedded);
  }
  if (g0 === 0x64 && g1 === 0xff9b && zeros(g2, g3, g4, g5)) return privateV4(embedded); // NAT64
  if (g0 === 0x2002) return privateV4(((g1 << 16) | g2) >>> 0); // 6to4
  if ((g0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g0 & 0xff00) === 0xff00) return true; // ff00::/8 multicast
  return false;
}

/** Whether a host (URL.hostname, canonical) is on the reader's own machine or network, or otherwise not public. */
function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) {
    const groups = v6Groups(host.slice(1, -1));
    return groups === null || privateV6(groups);
  }
  const v4 = v4Number(host);
  if (v4 !== null) return privateV4(v4);
  // A name without a dot is an intranet name ("router", "intranet"): never a public site.
  return !host.includes('.') || LOCAL_NAME.test(host);
}

/** Why the extension will not fetch `raw` by itself, or null when it may (a public http(s) address). */
export function urlRefusal(raw: string): UrlRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  return isPrivateHost(url.hostname) ? 'private-host' : null;
}

/**
 * The same refusal of hosts as regular expressions (RE2 syntax, one declarativeNetRequest rule
 * each) over a canonical http(s) URL: they let the browser refuse a redirect to such a host before
 * it is requested, which the background's own code cannot see (a fetch hides where a redirect
 * leads). One pattern for each kind of host: Chromium refuses a rule whose compiled pattern passes
 * 2 kB ("regexFilter exceeded the 2KB memory limit"), which the one pattern for all of them did.
 * Broader than isPrivateHost for IPv6 (every address starting with a zero group), never narrower;
 * the unit test checks both agree on every spelling.
 */
export const PRIVATE_HOST_PATTERNS = [
  // Names: no dot at all, or a special suffix.
  '[^./:?#\\[]+\\.?',
  `(?:[^/:?#]*\\.)?(?:${SUFFIX_ALTERNATIVES})\\.?`,
  // IPv4: 0/8, 10/8, 127/8, 100.64/10, 169.254/16, 172.16/12, 192.0.0/24, 192.0.2/24, 192.168/16,
  // 198.18/15, 198.51.100/24, 203.0.113/24, 224/4 and 240/4.
  '(?:0|10|127)\\.\\d+\\.\\d+\\.\\d+',
  '100\\.(?:6[4-9]|[7-9]\\d|1[01]\\d|12[0-7])\\.\\d+\\.\\d+',
  '(?:169\\.254|192\\.168|198\\.1[89])\\.\\d+\\.\\d+',
  '172\\.(?:1[6-9]|2\\d|3[01])\\.\\d+\\.\\d+',
  '(?:192\\.0\\.[02]|198\\.51\\.100|203\\.0\\.113)\\.\\d+',
  '(?:22[4-9]|2[3-4]\\d|25[0-5])\\.\\d+\\.\\d+\\.\\d+',
  // IPv6: a zero first group (::, ::1, mapped and compatible IPv4), NAT64, 6to4, fc00::/7,
  // fe80::/10, ff00::/8.
  '\\[(?:::|0:|64:ff9b:|2002:|f[c-d][0-9a-f]{2}:|fe[89ab][0-9a-f]:|ff[0-9a-f]{2}:)[^\\]]*\\]',
].map(
  // http(s) only: the extension's own pages and scripts (chrome-extension://<id>/, a name without
  // a dot) load as requests without a tab too, and must never match.
  (host) => `^https?://(?:[^/?#@]*@)?(?:${host})(?::\\d+)?(?:[/?#]|$)`,
);
