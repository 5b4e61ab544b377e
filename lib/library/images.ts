// The pictures a saved copy keeps (pure decisions; the fetching is extension/save-images.ts, the
// storing extension/library/images.ts): which address of each picture is stored, what the bytes
// really are (never what a server or an import says), how far a picture is scaled, and the
// per-article budget after which the rest stay links.

/** Pictures wider than this are scaled down to it when stored. */
export const MAX_IMAGE_WIDTH = 1600;
/** The library's thumbnail of an article (its lead picture), at most this wide. */
export const THUMB_WIDTH = 320;
/** An article keeps at most this many bytes of pictures; the rest stay links (the reader says so). */
export const MAX_ARTICLE_IMAGE_BYTES = 10 * 1024 * 1024;
/** A single download is read up to this, before scaling (a larger one is left a link). */
export const MAX_IMAGE_DOWNLOAD_BYTES = 25 * 1024 * 1024;
/** Pictures this small (both sides, in pixels) are spacers and tracking pixels: not stored. */
const TINY_IMAGE = 2;

/** The picture formats a saved copy stores, by what their bytes begin with. */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/svg+xml';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The picture format of `bytes` by their magic numbers, or null when they are no picture we
 * store (HTML, a script, an icon, a video, nothing). SVG is text: an <svg> root after an optional
 * BOM, XML declaration, comments and doctype.
 */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('ftyp'), 4) && (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8)))
    return 'image/avif';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .replace(/^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  if (/^<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

/**
 * A picture's size in pixels read from its header (PNG's IHDR, GIF's screen, WebP's VP8 / VP8L /
 * VP8X, a baseline or progressive JPEG's frame), without decoding it: deciding whether to scale
 * needs no more, and a full decode only to measure cost ~110 ms for a 2400 × 1600 PNG. Null when
 * the header does not say (AVIF, SVG, a JPEG with Exif, whose orientation may turn it, a damaged
 * header): the caller decodes to know.
 */
export function pictureSize(bytes: Uint8Array): { width: number; height: number } | null {
  const type = sniffImage(bytes);
  const size = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : null);
  if (type === 'image/png')
    return bytes.length >= 24 && startsWith(bytes, ascii('IHDR'), 12) ? size(u32be(bytes, 16), u32be(bytes, 20)) : null;
  if (type === 'image/gif') return bytes.length >= 10 ? size(u16le(bytes, 6), u16le(bytes, 8)) : null;
  if (type === 'image/webp' && bytes.length >= 30) {
    if (startsWith(bytes, ascii('VP8 '), 12) && startsWith(bytes, [0x9d, 0x01, 0x2a], 23))
      return size(u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff);
    if (startsWith(bytes, ascii('VP8L'), 12) && bytes[20] === 0x2f) {
      const bits = bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24);
      return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    if (startsWith(bytes, ascii('VP8X'), 12)) return size(u24le(bytes, 24) + 1, u24le(bytes, 27) + 1);
    return null;
  }
  if (type === 'image/jpeg') {
    for (let at = 2; at + 9 < bytes.length;) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1]!;
      if (marker === 0xff) {
        at++;
        continue;
      }
      // Exif (APP1) may turn the picture: its displayed size is not the frame's.
      if (marker === 0xe1 && startsWith(bytes, ascii('Exif'), at + 4)) return null;
      // A start of frame (not DHT, JPG or DAC, which share the range): height, then width.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return size(u16be(bytes, at + 7), u16be(bytes, at + 5));
      at += 2 + u16be(bytes, at + 2);
    }
  }
  return null;
}

/** The size a picture is stored at: at most `max` wide, the same shape, never enlarged. */
export function scaledSize(width: number, height: number, max = MAX_IMAGE_WIDTH): { width: number; height: number } {
  if (width <= max || width <= 0) return { width, height };
  return { width: max, height: Math.max(1, Math.round((height * max) / width)) };
}

/** Whether a decoded picture is a spacer or a tracking pixel rather than content. */
export const isTiny = (width: number, height: number) => width > 0 && height > 0 && width <= TINY_IMAGE && height <= TINY_IMAGE;

/** The candidates of a srcset ("a.jpg 1x, b.jpg 800w"); a data: URL may hold commas. */
function srcsetCandidates(srcset: string): { url: string; w: number; x: number }[] {
  return srcset
    .split(/,\s+(?=\S)/)
    .map((part) => part.trim().split(/\s+/))
    .filter((bits) => bits[0])
    .map(([url, descriptor = '']) => ({
      url: url!,
      w: /^\d+w$/i.test(descriptor) ? parseInt(descriptor, 10) : 0,
      x: /^[\d.]+x$/i.test(descriptor) ? parseFloat(descriptor) : 0,
    }));
}

const web = (url: string | null | undefined): url is string => !!url && /^https?:\/\//i.test(url.trim());

/**
 * The one address of a picture that a saved copy stores: its src when that is a web address,
 * else the srcset's widest candidate up to MAX_IMAGE_WIDTH (or its smallest one above). Saving
 * and showing a copy both ask this, so the stored bytes are found again by the same address.
 */
export function pickSource(src: string | null | undefined, srcset: string | null | undefined): string | null {
  if (web(src)) return src.trim();
  const candidates = srcset ? srcsetCandidates(srcset).filter((c) => web(c.url)) : [];
  if (candidates.length === 0) return null;
  const width = (c: { w: number; x: number }) => c.w || (c.x || 1) * 800;
  const fitting = candidates.filter((c) => width(c) <= MAX_IMAGE_WIDTH).sort((a, b) => width(b) - width(a));
  return (fitting[0] ?? [...candidates].sort((a, b) => width(a) - width(b))[0]!).url.trim();
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', nbsp: '\u00a0', '#39': "'" };
const decodeAttr = (value: string) => value.replace(/&(amp|quot|lt|gt|nbsp|#39);/g, (_, name: string) => ENTITIES[name]!);

/**
 * The addresses to store for the pictures of an article's HTML, in document order, each once.
 * Reads the HTML as a browser serializes it (double-quoted attributes, & and " escaped: a saved
 * article's HTML always is), so it runs where there is no DOM (Chrome's service worker).
 */
export function imageSources(html: string): string[] {
  const out = new Set<string>();
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const attr = (name: string) => {
      const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
      return m ? decodeAttr(m[1]!) : null;
    };
    const chosen = pickSource(attr('src'), attr('srcset'));
    if (chosen) out.add(chosen);
  }
  return [...out];
}

/** What happens to each picture of an article, in document order, given its stored size. */
export interface Budget {
  /** Adds a picture of `bytes`: true when it fits (it is kept), false from the first that does not. */
  take(bytes: number): boolean;
  readonly used: number;
  /** Whether a picture was left out for the budget. */
  readonly full: boolean;
}

/** The per-article budget: pictures are kept in order until one would pass `max`; the rest stay links. */
export function imageBudget(max = MAX_ARTICLE_IMAGE_BYTES): Budget {
  let used = 0;
  let full = false;
  return {
    take(bytes) {
      if (full || used + bytes > max) {
        full = true;
        return false;
      }
      used += bytes;
      return true;
    },
    get used() {
      return used;
    },
    get full() {
      return full;
    },
  };
}

/** A short, stable key for a picture's address (the database key is article + this). */
export async function sourceKey(src: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(src));
  return [...new Uint8Array(digest).subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * `html` (serialized by a browser) with every picture whose chosen address `local` knows pointed at
 * its local copy (a data: URL in an HTML export, a file in the Markdown zip): its srcset goes, and
 * the <source>s of its <picture>, which a browser would prefer to it.
 */
export function replaceImageSources(html: string, local: (src: string) => string | null): string {
  const swap = (tag: string) => {
    const attr = (name: string) => {
      const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
      return m ? decodeAttr(m[1]!) : null;
    };
    const chosen = pickSource(attr('src'), attr('srcset'));
    const to = chosen && local(chosen);
    if (!to) return null;
    const value = to.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const bare = tag.replace(/\s(?:src|srcset|sizes)="[^"]*"/gi, '');
    return bare.replace(/^<img\b/i, `<img src="${value}"`);
  };
  const pictures = html.replace(/<picture\b[^>]*>[\s\S]*?<\/picture>/gi, (block) => {
    let swapped = false;
    const inner = block.replace(/<img\b[^>]*>/gi, (tag) => {
      const out = swap(tag);
      if (out) swapped = true;
      return out ?? tag;
    });
    return swapped ? inner.replace(/<source\b[^>]*>/gi, '') : inner;
  });
  // (a picture swapped above now has a local address, which pickSource does not choose again)
  return pictures.replace(/<img\b[^>]*>/gi, (tag) => swap(tag) ?? tag);
}

/** Bytes as base64 (a JSON backup carries pictures so). */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

/** base64 as bytes, or null when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return null;
  try {
    const raw = atob(text);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The file name extension of a picture type (the Markdown zip's files). */
export const IMAGE_EXTENSIONS: Readonly<Record<ImageType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
};
