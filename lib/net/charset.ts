// Decoding a page the background fetched itself. The reader reads what the browser decoded; a page
// fetched by "Save linked article" or for an imported item arrives as bytes, and many Korean,
// Japanese and Chinese sites still send EUC-KR, Shift_JIS or GB18030. The order is the HTML
// standard's: a byte order mark, then the charset of the Content-Type header, then a <meta charset>
// or <meta http-equiv="content-type"> in the first 1024 bytes, then a guess. TextDecoder knows
// every label and alias of the Encoding standard (ks_c_5601-1987, x-sjis, gb2312, latin1 …).

/** How the encoding was found, for tests and diagnostics. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'sniffed';

/** The Encoding standard's name for a label, or null for a label it does not know. */
function encodingOf(label: string | undefined | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset parameter of a Content-Type header. */
function headerCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return encodingOf(m?.[1] ?? m?.[2]);
}

/** The first 1024 bytes as Latin-1 (one character per byte), where ASCII markup can be read. */
const head = (bytes: Uint8Array, length = 1024) => new TextDecoder('windows-1252').decode(bytes.subarray(0, length));

/**
 * A <meta charset> or <meta http-equiv="content-type" content="…; charset=…"> in the first 1024
 * bytes (the standard's prescan, simplified: comments are skipped). A page cannot declare UTF-16
 * in itself (it would not be ASCII-readable): that means UTF-8, and x-user-defined windows-1252.
 */
function metaCharset(bytes: Uint8Array): string | null {
  const text = head(bytes).replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of text.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s;>/]+)/i.exec(tag);
    if (!direct) continue;
    const encoding = encodingOf(direct[1]);
    if (!encoding) continue;
    if (encoding.startsWith('utf-16')) return 'utf-8';
    return encoding === 'x-user-defined' ? 'windows-1252' : encoding;
  }
  return null;
}

/** Where no charset is declared: a language named by the page or by its country's domain. */
const BY_LANGUAGE: Record<string, string> = { ko: 'euc-kr', ja: 'shift_jis', zh: 'gb18030' };
const BY_DOMAIN: Record<string, string> = { kr: 'euc-kr', jp: 'shift_jis', cn: 'gb18030' };

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * A guess for a page that declares nothing. Browsers guess too, each its own way (Chromium's
 * compact encoding detector, Firefox's chardetng, both helped by the address's country domain);
 * this is a small guess of the same kind, not either of theirs:
 * 1. bytes that are valid UTF-8 are UTF-8 (legacy CJK text almost never is);
 * 2. the page's own <html lang>, else its country domain (.kr, .jp, .cn), picks the legacy
 *    encoding of that language when the bytes decode in it without error;
 * 3. otherwise the bytes' shape: high bytes standing alone between ASCII letters are accented
 *    Latin letters (windows-1252); bytes that all pair up in the EUC range (A1–FE A1–FE) are
 *    EUC-KR when nearly all pairs fall in its Hangul rows (B0–C8), else GB18030 (whose common
 *    Chinese characters spread over rows B0–D7); anything else is tried as Shift_JIS (kana),
 *    EUC-KR (Hangul, with the Unified Hangul Code extension) and GB18030, in that order, and
 *    windows-1252 decodes whatever is left.
 */
function sniffEncoding(bytes: Uint8Array, url?: string): string {
  let high = 0;
  let isolated = 0;
  let pairs = 0;
  let hangulRows = 0;
  let nonEuc = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    high++;
    const prev = i > 0 ? bytes[i - 1]! : 0;
    const next = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    if (prev < 0x80 && next < 0x80) isolated++;
    if (b >= 0xa1 && b <= 0xfe && next >= 0xa1 && next <= 0xfe) {
      pairs++;
      if (b >= 0xb0 && b <= 0xc8) hangulRows++;
      i++;
      high++;
    } else nonEuc++;
  }
  if (high === 0 || decodesCleanly(bytes, 'utf-8')) return 'utf-8';

  const lang = /<html\b[^>]*?\blang\s*=\s*["']?([a-z]{2})/i.exec(head(bytes, 4096))?.[1]?.toLowerCase();
  let domain: string | undefined;
  try {
    domain = url ? new URL(url).hostname.split('.').pop() : undefined;
  } catch {
    domain = undefined;
  }
  for (const hinted of [lang && BY_LANGUAGE[lang], domain && BY_DOMAIN[domain]]) {
    if (hinted && decodesCleanly(bytes, hinted)) return hinted;
  }

  if (isolated * 2 > high) return 'windows-1252';
  if (nonEuc === 0 && pairs > 0) return hangulRows >= 0.85 * pairs ? 'euc-kr' : 'gb18030';
  const nonAscii = (text: string) => count(text, /[\u0080-\uffff]/g) || 1;
  if (decodesCleanly(bytes, 'shift_jis')) {
    const text = new TextDecoder('shift_jis').decode(bytes);
    if (count(text, /[\u3040-\u30ff]/g) >= 0.1 * nonAscii(text)) return 'shift_jis';
  }
  if (decodesCleanly(bytes, 'euc-kr')) {
    const text = new TextDecoder('euc-kr').decode(bytes);
    if (count(text, /[\uac00-\ud7a3]/g) >= 0.5 * nonAscii(text)) return 'euc-kr';
  }
  if (decodesCleanly(bytes, 'gb18030')) return 'gb18030';
  return 'windows-1252';
}

/** The encoding of fetched page bytes and how it was found. */
export function pageEncoding(
  bytes: Uint8Array,
  contentType?: string | null,
  url?: string,
): { encoding: string; source: CharsetSource } {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, source: 'bom' };
  const header = headerCharset(contentType);
  if (header) return { encoding: header === 'x-user-defined' ? 'windows-1252' : header, source: 'header' };
  const meta = metaCharset(bytes);
  if (meta) return { encoding: meta, source: 'meta' };
  return { encoding: sniffEncoding(bytes, url), source: 'sniffed' };
}

/** Fetched page bytes as text, decoded as a browser would (see pageEncoding); a BOM is dropped. */
export function decodePage(bytes: Uint8Array, contentType?: string | null, url?: string): string {
  return new TextDecoder(pageEncoding(bytes, contentType, url).encoding).decode(bytes);
}
