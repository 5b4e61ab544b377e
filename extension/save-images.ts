// The pictures of an article being saved, fetched by the background so the saved copy is complete
// offline: each address the copy will look for (lib/library/images.ts pickSource) is fetched by the
// page policy (extension/fetch-page.ts: public http(s) only, no cookies, a size cap), kept only if
// its bytes are a picture (sniffed, whatever the server says), an SVG only once sanitized, scaled to
// at most 1600 px wide, and kept in document order until the article's 10 MB are used: the rest
// stay links (the save's message and the reader say so). The lead picture also becomes the
// library's thumbnail.
import { fetchImageBytes } from '@/extension/fetch-page';
import { THUMB_HASH } from '@/extension/library/schema';
import {
  type ImageType,
  imageBudget,
  imageSources,
  isTiny,
  MAX_ARTICLE_IMAGE_BYTES,
  MAX_IMAGE_DOWNLOAD_BYTES,
  MAX_IMAGE_WIDTH,
  pickSource,
  pictureSize,
  scaledSize,
  sniffImage,
  sourceKey,
  THUMB_WIDTH,
} from '@/lib/library/images';
import type { SavedImage } from '@/lib/library/types';

/** Decoding and scaling pictures: the browser's (createImageBitmap and OffscreenCanvas). */
export interface ImageCodec {
  /** The picture's size in pixels; throws when the bytes do not decode. */
  measure(blob: Blob): Promise<{ width: number; height: number }>;
  /** The picture drawn at `width` × `height`, encoded as `type` where the browser can (else PNG). */
  scale(blob: Blob, width: number, height: number, type: string): Promise<Blob>;
}

/** The browser's codec where this context has one (Chrome's service worker, Firefox's event page, pages). */
function browserCodec(): ImageCodec | null {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  return {
    async measure(blob) {
      const bitmap = await createImageBitmap(blob);
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return size;
    },
    async scale(blob, width, height, type) {
      const bitmap = await createImageBitmap(blob);
      try {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d context');
        context.imageSmoothingQuality = 'high';
        context.drawImage(bitmap, 0, 0, width, height);
        return await canvas.convertToBlob({ type, quality: 0.85 });
      } finally {
        bitmap.close();
      }
    },
  };
}

export interface ImageOptions {
  /** Fetches a picture's bytes (default: fetchImageBytes, the background's policy). */
  fetchBytes?: (url: string, maxBytes: number) => Promise<Uint8Array>;
  /** Sanitizes an SVG's text (lib/library/svg.ts, where a DOM is); absent: SVGs are not stored. */
  sanitizeSvg?: (text: string) => Promise<string | null>;
  /** Absent where the context has none: pictures are stored as they came, unscaled, sizes unknown. */
  codec?: ImageCodec | null;
  maxBytes?: number;
  concurrency?: number;
  /**
   * Stores each picture as soon as it is ready, in document order (the thumbnail right after the
   * picture it is made from), so a saved copy fills in while the rest are fetched and scaled.
   * False when it could not be stored (the storage is full, the article deleted): collecting stops.
   */
  keep?: (image: SavedImage) => Promise<boolean>;
}

/** The pictures to store with an article, and what was left out for the budget. */
export interface CollectedImages {
  /** The pictures kept (and handed to `keep`, which took them all unless `stopped`), thumbnail included. */
  images: SavedImage[];
  /** Pictures left as links because the article's budget was used (0 when all fit). */
  left: number;
  /** Pictures found in the article (each address once). */
  total: number;
  /** Whether `keep` refused one: the pictures after it were not stored. */
  stopped: boolean;
}

/** What a re-encoding is stored as: the same family, so transparency and animation-free pictures keep their look. */
const scaledType = (type: ImageType) =>
  type === 'image/png' || type === 'image/gif' ? 'image/png' : type === 'image/webp' ? 'image/webp' : 'image/jpeg';

/** Bytes as a Blob of their sniffed type (a copy: the Blob must not share a buffer the caller may reuse). */
const blobOf = (bytes: Uint8Array, type: string) => new Blob([bytes.slice()], { type });

async function sniffBlob(blob: Blob): Promise<ImageType | null> {
  return sniffImage(new Uint8Array(await blob.slice(0, 1024).arrayBuffer()));
}

interface Prepared {
  src: string;
  image: Omit<SavedImage, 'hash' | 'src'>;
}

/** One picture, fetched, checked and scaled; null when it is no picture we keep (or did not come). */
async function prepare(
  src: string,
  options: Required<Pick<ImageOptions, 'fetchBytes'>> & ImageOptions,
): Promise<Prepared | null> {
  let bytes: Uint8Array;
  try {
    bytes = await options.fetchBytes(src, MAX_IMAGE_DOWNLOAD_BYTES);
  } catch {
    return null; // unreachable, refused, too large: it stays a link
  }
  const type = sniffImage(bytes);
  if (!type) return null;
  if (type === 'image/svg+xml') {
    const clean = options.sanitizeSvg ? await options.sanitizeSvg(new TextDecoder().decode(bytes)).catch(() => null) : null;
    if (!clean) return null;
    return { src, image: { type, width: 0, height: 0, blob: new Blob([clean], { type }) } };
  }
  let blob = blobOf(bytes, type);
  const codec = options.codec;
  if (!codec) return { src, image: { type, width: 0, height: 0, blob } };
  // The header says the size, else a decode (which also refuses a picture's first bytes over something else).
  let size: { width: number; height: number } | null = pictureSize(bytes);
  try {
    size ??= await codec.measure(blob);
  } catch {
    return null;
  }
  if (isTiny(size.width, size.height)) return null;
  const target = scaledSize(size.width, size.height, MAX_IMAGE_WIDTH);
  let stored: string = type;
  if (target.width < size.width) {
    try {
      blob = await codec.scale(blob, target.width, target.height, scaledType(type));
      stored = (await sniffBlob(blob)) ?? blob.type;
      size = target;
    } catch {
      return null;
    }
  }
  return { src, image: { type: stored, width: size.width, height: size.height, blob } };
}

/** A small copy of a stored picture for the library's list. */
async function thumbnail(image: Omit<SavedImage, 'hash' | 'src'>, src: string, codec: ImageCodec): Promise<SavedImage | null> {
  if (image.type === 'image/svg+xml' || image.width <= 0) return null;
  const size = scaledSize(image.width, image.height, THUMB_WIDTH);
  try {
    const blob = size.width < image.width ? await codec.scale(image.blob, size.width, size.height, 'image/jpeg') : image.blob;
    const type = (await sniffBlob(blob)) ?? image.type;
    return { hash: THUMB_HASH, src, type, width: size.width, height: size.height, blob };
  } catch {
    return null;
  }
}

/**
 * Fetches and prepares the pictures of an article's HTML, a few at a time, keeping them in
 * document order until the budget is used; stops fetching once it is. With `keep`, each is stored
 * as soon as it and those before it are ready.
 */
export async function collectImages(
  article: { contentHtml: string; leadImage: string | null },
  options: ImageOptions = {},
): Promise<CollectedImages> {
  const opts = {
    ...options,
    fetchBytes: options.fetchBytes ?? ((url: string, max: number) => fetchImageBytes(url, max)),
    codec: options.codec === undefined ? browserCodec() : options.codec,
  };
  const keep = options.keep ?? (async () => true);
  const sources = imageSources(article.contentHtml);
  const budget = imageBudget(options.maxBytes ?? MAX_ARTICLE_IMAGE_BYTES);
  const concurrency = options.concurrency ?? 6;
  const running: Promise<Prepared | null>[] = [];
  let next = 0;
  let stopped = false;
  const launch = () => {
    if (next < sources.length && !budget.full && !stopped) running.push(prepare(sources[next++]!, opts));
  };
  for (let i = 0; i < concurrency; i++) launch();
  const images: SavedImage[] = [];
  const store = async (image: SavedImage) => {
    stopped = !(await keep(image));
    if (!stopped) images.push(image);
  };
  // The thumbnail: the lead picture (made as soon as it is stored; fetched alongside when the
  // article does not show it), else the first picture stored.
  const lead = pickSource(article.leadImage, null);
  const leadAlone = opts.codec && lead && !sources.includes(lead) ? prepare(lead, opts).catch(() => null) : null;
  let thumbDone = !opts.codec;
  const makeThumb = async (from: Prepared) => {
    const thumb = await thumbnail(from.image, from.src, opts.codec!);
    if (thumb) {
      thumbDone = true;
      await store(thumb);
    }
  };
  let first: Prepared | null = null;
  let left = 0;
  for (let i = 0; i < running.length && !stopped; i++) {
    const done = await running[i]!;
    if (done) {
      if (budget.take(done.image.blob.size)) {
        await store({ hash: await sourceKey(done.src), src: done.src, ...done.image });
        first ??= done;
        if (!thumbDone && !stopped && (done.src === lead || !lead)) await makeThumb(done);
      } else left++;
    }
    launch();
  }
  left += sources.length - next;
  const alone = leadAlone && (await leadAlone);
  if (!thumbDone && !stopped && alone) await makeThumb(alone);
  if (!thumbDone && !stopped && first) await makeThumb(first);
  return { images, left, total: sources.length, stopped };
}
