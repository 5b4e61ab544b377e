// Import and export of the library, lossless.
//
// Export: a JSON backup with every field and the stored pictures in base64 (exportJson), a zip of
// Markdown files with front matter and the pictures as files they link to (exportMarkdownZip) and
// one self-contained HTML file with the pictures inline (exportHtml) for reading elsewhere, and an
// EPUB 3 book of chosen articles for e-readers (exportEpub, lib/library/epub.ts).
// Import: parseImport reads a file's text and tells the format by its content — our JSON backup,
// a Pocket export (CSV, or the older HTML ril_export), an Instapaper CSV export, or a plain list
// of URLs — and throws LibraryError('invalid-file') naming what is wrong (and where) for anything
// else, and leaves out (listing them) entries that are not valid; importItems merges the items by
// canonical URL in one transaction (all or nothing): nothing lost (more content beats less, a
// differing copy of a saved article is kept out unless the user chooses to replace theirs, tags
// united, read wins, earliest savedAt, dates clamped), nothing duplicated, and undoable. Items without content are stored as 'pending' (pendingUrls) for
// the background to fetch later.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sanitizeHtml } from '@/lib/article/sanitize';
import type { LibraryDB } from '@/extension/library/db';
import { guard, LibraryError } from '@/lib/library/errors';
import { compareEntries } from '@/extension/library/catalog';
import {
  canonicalUrl,
  clampProgress,
  clampTime,
  isLangTag,
  isStatus,
  isWebUrl,
  joinSaved,
  normalizeTags,
  siteOf,
} from '@/lib/library/records';
import { CsvError, parseCsv, type CsvRow } from '@/lib/library/csv';
import { highlightsUndo, mergeArticles, type MergeResult } from '@/extension/library/store';
import type { ArticleContent, ArticleMeta, SaveStatus, SavedArticle, SavedImage } from '@/lib/library/types';
import { type AssetRow, THUMB_HASH } from '@/extension/library/schema';
import {
  base64ToBytes,
  bytesToBase64,
  IMAGE_EXTENSIONS,
  type ImageType,
  MAX_ARTICLE_IMAGE_BYTES,
  replaceImageSources,
  sniffImage,
} from '@/lib/library/images';
import { sanitizeSvg } from '@/lib/library/svg';
import type { EpubArticle, EpubBook, EpubImage } from '@/lib/library/epub';
import { putHighlights } from '@/extension/library/highlights';
import { readSavedKeyPoints } from '@/lib/summary/saved';
import { highlightsHtml, highlightsMarkdown } from '@/lib/annotations/export';
import { fromWebAnnotation, MAX_QUOTE, toWebAnnotation, type Highlight, type WebAnnotation } from '@/lib/annotations/highlight';

const EXPORT_FORMAT = 'reading-assistant-library';
const EXPORT_VERSION = 1;

interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** ISO 8601. */
  exportedAt: string;
  articles: SavedArticle[];
  /** The articles' highlights and notes as W3C Web Annotations (target.source: the article's URL). */
  annotations?: WebAnnotation[];
}

type ImportKind = 'json' | 'pocket' | 'instapaper' | 'urls';

/** One thing to import. Items from a backup carry the whole article; the others a URL and what
 *  the service knew about it. */
export interface ImportItem {
  /** Canonical URL. */
  url: string;
  title?: string;
  tags?: string[];
  /** When it was saved in the other service (epoch ms). */
  savedAt?: number;
  /** Read / archived in the other service. */
  read?: boolean;
  excerpt?: string;
  /** A complete article, from our JSON backup: every field checked, but its HTML as the file has it
   *  until importItems writes it, sanitized with `sanitize` (an article the library already holds
   *  as it is, as when a backup is imported again, is never sanitized: nothing of it is written). */
  article?: SavedArticle;
  sanitize?: (html: string) => string;
}

export interface ParsedImport {
  kind: ImportKind;
  items: ImportItem[];
  /** Entries left out because they are not valid (a row whose address is not a web page, a backup's
   *  article with a field of the wrong type…): where they are ("line 9", "article 2") and why. */
  skipped: { where: string; reason: string }[];
  /** Highlights and notes of a backup (checked), for importItems. */
  highlights?: Highlight[];
}

// ---------------------------------------------------------------------------------------------
// Export

/** Every article (or those of `urls`), newest first; with its stored pictures when `withImages`. */
async function allArticles(db: LibraryDB, withImages = false, urls?: readonly string[]): Promise<SavedArticle[]> {
  return guard(() =>
    db.transaction('r', [db.articles, db.contents, db.assets, db.highlights], async () => {
      // Whole tables in key order (one read each), not through an index: the fastest reads there are.
      const keys = urls ? [...urls].sort() : null;
      const some = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => !!r);
      const [metas, contents, assets, highlights] = await Promise.all([
        keys ? db.articles.bulkGet(keys).then(some) : db.articles.toArray(),
        keys ? db.contents.bulkGet(keys).then(some) : db.contents.toArray(),
        !withImages ? ([] as AssetRow[]) : keys ? db.assets.where('article').anyOf(keys).toArray() : db.assets.toArray(),
        keys ? db.highlights.where('article').anyOf(keys).toArray() : db.highlights.toArray(),
      ]);
      const imagesOf = new Map<string, SavedImage[]>();
      for (const { article, ...image } of assets) {
        const list = imagesOf.get(article) ?? [];
        list.push(image);
        imagesOf.set(article, list);
      }
      // Each article's highlights, in the order of its text.
      const marked = new Map<string, Highlight[]>();
      for (const h of highlights.sort((a, b) => a.selectors[1].start - b.selectors[1].start))
        marked.set(h.article, [...(marked.get(h.article) ?? []), h]);
      // newest first, as the lists show them (both tables are in URL order)
      let byUrl: Map<string, ArticleContent> | null = null;
      const contentOf = (m: ArticleMeta, i: number) => {
        if (contents[i]?.url === m.url) return contents[i];
        byUrl ??= new Map(contents.map((c) => [c.url, c]));
        return byUrl.get(m.url);
      };
      return metas
        .map((m, i) => {
          const images = imagesOf.get(m.url);
          const own = marked.get(m.url);
          return { ...joinSaved(m, contentOf(m, i)), ...(images ? { images } : {}), ...(own ? { highlights: own } : {}) };
        })
        .sort(compareEntries);
    }),
  );
}

/** A stored picture as a backup carries it: its bytes in base64 (their type is sniffed again on import). */
interface ExportedImage extends Omit<SavedImage, 'blob'> {
  data: string;
}

export async function exportedImage({ blob, ...rest }: SavedImage): Promise<ExportedImage> {
  return { ...rest, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) };
}

/** The whole library as a versioned JSON backup (one article per line), its pictures in base64. */
export async function exportJson(db: LibraryDB, options: { now?: number } = {}): Promise<string> {
  const articles = await Promise.all(
    (await allArticles(db, true)).map(async (a) =>
      a.images ? { ...a, images: await Promise.all(a.images.map(exportedImage)) } : a,
    ),
  );
  // The backup's shape, written one article per line so a large library streams into the string.
  const meta: Omit<LibraryExport, 'articles'> = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(options.now ?? Date.now()).toISOString(),
  };
  const head = JSON.stringify(meta);
  // Highlights go in their own list, in the W3C Web Annotation model, after the articles.
  const annotations = articles.flatMap((a) => (a.highlights ?? []).map(toWebAnnotation));
  const list = (items: unknown[]) => (items.length ? `[\n${items.map((x) => JSON.stringify(x)).join(',\n')}\n]` : '[]');
  const plain = articles.map(({ highlights: _, ...a }) => a);
  return `${head.slice(0, -1)},"articles":${list(plain)}${annotations.length ? `,"annotations":${list(annotations)}` : ''}}\n`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

function slug(title: string): string {
  const s = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...s].slice(0, 60).join('').replace(/-+$/, '').toLowerCase() || 'article';
}

function frontMatter(a: SavedArticle): string {
  const lines = ['---', `title: ${JSON.stringify(a.title)}`, `url: ${JSON.stringify(a.url)}`, `site: ${JSON.stringify(a.site)}`];
  if (a.byline) lines.push(`author: ${JSON.stringify(a.byline)}`);
  lines.push(`date: ${JSON.stringify(a.publishedTime || iso(a.savedAt))}`);
  lines.push(`saved: ${JSON.stringify(iso(a.savedAt))}`);
  if (a.readAt) lines.push(`read: ${JSON.stringify(iso(a.readAt))}`);
  if (a.lang) lines.push(`lang: ${JSON.stringify(a.lang)}`);
  if (a.status !== 'full') lines.push(`status: ${a.status}`);
  lines.push(`tags: [${a.tags.map((tag) => JSON.stringify(tag)).join(', ')}]`);
  lines.push('---');
  return lines.join('\n');
}

function defaultParser(): ((html: string) => Document) | null {
  if (typeof DOMParser === 'undefined') return null;
  const parser = new DOMParser();
  return (html) => parser.parseFromString(html, 'text/html');
}

function textToMarkdown(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim().replace(/[\\`*_[\]<]/g, '\\$&'))
    .filter(Boolean)
    .join('\n\n');
}

/** Markdown of one article: front matter, title, body. */
export function articleMarkdown(a: SavedArticle, toMarkdown: ((html: string) => string) | null): string {
  let body = '';
  if (a.contentHtml && toMarkdown) body = toMarkdown(a.contentHtml);
  else if (a.text) body = textToMarkdown(a.text);
  else if (a.excerpt) body = textToMarkdown(a.excerpt);
  const title = a.title.replace(/\s+/g, ' ').replace(/[\\`*_[\]<]/g, '\\$&');
  // The source as a link only when it is a web address: a javascript: or data: one (an imported
  // backup's) stays text, which no Markdown viewer runs.
  const source = isWebUrl(a.url)
    ? `[${a.url.replace(/[[\]]/g, '\\$&')}](${a.url.replace(/[\s()<>]/g, encodeURIComponent)})`
    : a.url.replace(/[\\`*_[\]<]/g, '\\$&');
  const marks = highlightsMarkdown(a.highlights ?? []);
  return `${frontMatter(a)}\n\n# ${title}\n\n${body ? `${body}\n\n` : ''}${marks ? `${marks}\n` : ''}${source}\n`;
}

/**
 * A zip with one Markdown file per article ("2024-05-01-title.md"), newest first. HTML is
 * converted with `parseHtml` (default: DOMParser; without a DOM the plain text is used).
 */
export async function exportMarkdownZip(
  db: LibraryDB,
  options: { parseHtml?: (html: string) => Document } = {},
): Promise<Uint8Array> {
  const parse = options.parseHtml ?? defaultParser();
  // turndown loads only when a Markdown export is asked for: the library page opens without it.
  const { htmlToMarkdown } = await import('@/lib/library/markdown');
  const toMarkdown = parse ? (html: string) => htmlToMarkdown(html, parse) : null;
  const files: Zippable = {};
  const used = new Set<string>();
  for (const a of await allArticles(db, true)) {
    const base = `${day(a.savedAt)}-${slug(a.title)}`;
    let name = `${base}.md`;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}.md`;
    used.add(name.toLowerCase());
    // zip dates start in 1980
    const mtime = new Date(Math.max(a.updatedAt, Date.UTC(1980, 0, 2)));
    // The stored pictures as files (images/<hash>.<ext>, one per address), the Markdown linking to them.
    const local = new Map<string, string>();
    for (const image of a.images ?? []) {
      if (image.hash === THUMB_HASH) continue;
      const file = `images/${image.hash}.${IMAGE_EXTENSIONS[image.type as ImageType] ?? 'bin'}`;
      local.set(image.src, file);
      files[file] ??= [new Uint8Array(await image.blob.arrayBuffer()), { mtime, level: 0 }];
    }
    const linked = local.size ? { ...a, contentHtml: replaceImageSources(a.contentHtml, (src) => local.get(src) ?? null) } : a;
    files[name] = [strToU8(articleMarkdown(linked, toMarkdown)), { mtime }];
  }
  return zipSync(files, { level: 6 });
}

/** The words an EPUB is written with (the library passes its own language's). */
export type EpubLabels = EpubBook['labels'];

const EPUB_LABELS: EpubLabels = {
  highlights: 'Highlights and notes',
  back: 'Back to the text',
  contents: 'Contents',
  source: 'Original article',
};

/** A picture as an e-reader shows it: WebP and AVIF (not EPUB 3.2 core types) redrawn as PNG where the browser can. */
async function bookImage(blob: Blob, type: string): Promise<{ bytes: Uint8Array; type: EpubImage['type'] } | null> {
  if (type === 'image/jpeg' || type === 'image/png' || type === 'image/gif' || type === 'image/svg+xml')
    return { bytes: new Uint8Array(await blob.arrayBuffer()), type };
  if (typeof createImageBitmap === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
  try {
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    const png = await canvas.convertToBlob({ type: 'image/png' });
    return { bytes: new Uint8Array(await png.arrayBuffer()), type: 'image/png' };
  } catch {
    return null; // left out: its description stays in the text
  }
}

/**
 * The articles `urls` (in that order) as one EPUB 3 book: their stored pictures, their highlights
 * marked with the notes as endnotes. Stored HTML is sanitized again here (`sanitize`), then reduced
 * to a book's elements (lib/library/epub.ts). Pictures not stored stay out (a book fetches nothing).
 */
export async function exportEpub(
  db: LibraryDB,
  urls: readonly string[],
  options: {
    parseHtml?: (html: string) => Document;
    sanitize?: (html: string) => string;
    now?: number;
    title?: string;
    labels?: EpubLabels;
  } = {},
): Promise<Uint8Array> {
  const parse = options.parseHtml ?? defaultParser();
  if (!parse) throw new Error('An EPUB is made with a DOM parser, which this context lacks.');
  const sanitize = options.sanitize ?? sanitizeHtml;
  const byUrl = new Map((await allArticles(db, true, urls)).map((a) => [a.url, a]));
  const articles = urls.flatMap((url) => byUrl.get(url) ?? []);
  if (!articles.length) throw new LibraryError('not-found', 'There is nothing to export in this list.');
  const images: EpubImage[] = [];
  const pathOf = new Map<string, string | null>();
  const chapters: EpubArticle[] = [];
  for (const a of articles) {
    const local = new Map<string, string>();
    for (const image of a.images ?? []) {
      if (image.hash === THUMB_HASH) continue;
      if (!pathOf.has(image.hash)) {
        const made = await bookImage(image.blob, image.type);
        const path = made ? `images/${image.hash}.${IMAGE_EXTENSIONS[made.type]}` : null;
        if (made && path) images.push({ path, ...made });
        pathOf.set(image.hash, path);
      }
      const path = pathOf.get(image.hash);
      if (path) local.set(image.src, path);
    }
    chapters.push({
      title: a.title,
      url: a.url,
      lang: a.lang,
      dir: a.dir === 'rtl' ? 'rtl' : 'ltr',
      meta: [a.siteName || a.site, a.byline, a.publishedTime ? a.publishedTime.slice(0, 10) : day(a.savedAt)]
        .filter(Boolean)
        .join(' · '),
      html: a.contentHtml ? sanitize(a.contentHtml) : a.text ? textToHtml(a.text) : a.excerpt ? textToHtml(a.excerpt) : '',
      images: local,
      highlights: a.highlights ?? [],
    });
  }
  const now = options.now ?? Date.now();
  // The book maker loads when a book is made, as the Markdown export's converter does.
  const { buildEpub } = await import('@/lib/library/epub');
  return buildEpub(parse, {
    title: options.title ?? (articles.length === 1 ? articles[0]!.title : `Reading Assistant · ${day(now)}`),
    id: `urn:uuid:${crypto.randomUUID()}`,
    lang: articles[0]!.lang && isLangTag(articles[0]!.lang) ? articles[0]!.lang : 'en',
    modified: new Date(now),
    articles: chapters,
    images,
    labels: options.labels ?? EPUB_LABELS,
  });
}

/** Plain text as paragraphs of HTML (an article without HTML: a bookmark, an imported item). */
function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const HTML_STYLE = `body{font:17px/1.6 Georgia,'Noto Serif KR','Noto Serif JP',serif;max-width:42em;margin:2em auto;padding:0 1em;color:#222;background:#fff}
nav ol{padding-left:1.5em}nav li{margin:.2em 0}article{border-top:1px solid #ccc;margin-top:3em;padding-top:1em}
.meta{color:#666;font:14px/1.4 system-ui,sans-serif}img,video{max-width:100%;height:auto}pre{overflow:auto}
blockquote{margin-left:0;padding-left:1em;border-left:3px solid #ccc;color:#444}
.highlights ol{list-style:none;padding:0}.highlights blockquote{border-left:4px solid #e0b400}.highlights .note{margin-left:1.3em;font-style:italic}
@media (prefers-color-scheme:dark){body{background:#161616;color:#ddd}.meta{color:#999}a{color:#8ab4f8}}`;

/**
 * What an exported page may do: show itself, its own styles and inline pictures. No script runs
 * and nothing is fetched, not even the articles' pictures from their sites: opening the file
 * would tell each site who reads it (the addresses stay in the file).
 */
const EXPORT_CSP =
  "default-src 'none'; img-src data:; media-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * The whole library as one HTML file: a table of contents, then every article, newest first.
 * Stored HTML is sanitized again here (`sanitize`, default lib/article/sanitize.ts, which needs
 * a DOM) and a Content-Security-Policy (EXPORT_CSP) forbids scripts and remote pictures should
 * anything slip through.
 */
export async function exportHtml(
  db: LibraryDB,
  options: { sanitize?: (html: string) => string; now?: number } = {},
): Promise<string> {
  const sanitize = options.sanitize ?? sanitizeHtml;
  const articles = await allArticles(db, true);
  /** Each article's stored pictures as data: URLs, by address. */
  const inline = await Promise.all(
    articles.map(async (a) => {
      const local = new Map<string, string>();
      for (const image of a.images ?? [])
        if (image.hash !== THUMB_HASH)
          local.set(image.src, `data:${image.type};base64,${bytesToBase64(new Uint8Array(await image.blob.arrayBuffer()))}`);
      return local;
    }),
  );
  const toc: string[] = [];
  const bodies: string[] = [];
  articles.forEach((a, i) => {
    const id = `a${i + 1}`;
    const lang = a.lang && isLangTag(a.lang) ? ` lang="${a.lang}"` : '';
    const dir = a.dir === 'rtl' ? ' dir="rtl"' : '';
    const href = isWebUrl(a.url) ? escapeHtml(a.url) : '';
    toc.push(
      `<li><a href="#${id}">${escapeHtml(a.title)}</a> <span class="meta">${escapeHtml(a.site)} · ${day(a.savedAt)}</span></li>`,
    );
    const meta = [
      a.siteName || a.site,
      a.byline,
      a.publishedTime ? a.publishedTime.slice(0, 10) : day(a.savedAt),
      a.tags.length ? `#${a.tags.join(' #')}` : null,
    ]
      .filter((x): x is string => !!x)
      .map(escapeHtml)
      .join(' · ');
    const local = inline[i]!;
    const sanitized = a.contentHtml ? sanitize(a.contentHtml) : '';
    const content = a.contentHtml
      ? local.size
        ? replaceImageSources(sanitized, (src) => local.get(src) ?? null)
        : sanitized
      : a.excerpt
        ? `<p>${escapeHtml(a.excerpt)}</p>`
        : '';
    const marks = highlightsHtml(a.highlights ?? [], 'Highlights');
    bodies.push(
      `<article id="${id}"${lang}${dir}>\n<h2>${escapeHtml(a.title)}</h2>\n<p class="meta">${meta}${href ? ` · <a href="${href}" rel="noopener noreferrer">${escapeHtml(a.site || 'source')}</a>` : ''}</p>\n${content}\n${marks ? `${marks}\n` : ''}</article>`,
    );
  });
  const title = `Reading Assistant library · ${day(options.now ?? Date.now())}`;
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<nav>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${articles.length} articles</p>
<ol>
${toc.join('\n')}
</ol>
</nav>
${bodies.join('\n')}
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Import: parsing

function invalid(name: string | undefined, what: string): LibraryError {
  return new LibraryError('invalid-file', `${name ? `"${name}": ` : ''}${what}`);
}

/** Epoch ms from Unix seconds (or milliseconds, when it is that large); undefined when empty. */
function unixTime(raw: string | undefined, where: string, column: string, name?: string): number | undefined {
  const v = (raw ?? '').trim();
  if (!v) return undefined;
  if (!/^\d+(\.\d+)?$/.test(v)) throw invalid(name, `${where}: ${column} "${v.slice(0, 40)}" is not a Unix time.`);
  const n = Number(v);
  return Math.round(n > 1e12 ? n : n * 1000);
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  let bad = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if (ch === '\ufffd' || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return bad > Math.max(2, sample.length * 0.02);
}

/**
 * Reads an import file's text and tells its format by its content. Throws LibraryError
 * 'invalid-file' with a message naming the problem (and its line) for anything it cannot read.
 * A Pocket HTML export is parsed with `parseHtml` (default: DOMParser, which extension pages have);
 * a backup's HTML is sanitized with `sanitize` (default lib/article/sanitize.ts, which needs a DOM).
 * Entries that are not valid are left out and listed in `skipped`; the file is refused only when
 * it cannot be read at all, or nothing in it can be imported.
 */
export function parseImport(
  text: string,
  fileName?: string,
  options: { parseHtml?: (html: string) => Document; sanitize?: (html: string) => string } = {},
): ParsedImport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw invalid(fileName, 'The file is empty.');
  if (looksBinary(body))
    throw invalid(
      fileName,
      'This is not a text file (it contains binary data). Choose a JSON backup, a Pocket or Instapaper CSV export, or a list of URLs.',
    );
  const start = body.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return parseJsonBackup(body, fileName, options.sanitize ?? defaultSanitize);
  if (start.startsWith('<')) {
    const parseHtml = options.parseHtml ?? defaultParser();
    if (!parseHtml) throw new Error('parseImport: reading an HTML export needs a DOM parser (DOMParser, or options.parseHtml).');
    return parsePocketHtml(body, fileName, parseHtml);
  }
  const firstLine = start.split(/\r\n|\r|\n/, 1)[0]!.trim();
  if (isWebUrl(firstLine) || firstLine.startsWith('#')) return { kind: 'urls', items: parseUrlList(body, fileName), skipped: [] };
  return parseCsvExport(body, fileName);
}

function defaultSanitize(html: string): string {
  if (typeof document === 'undefined')
    throw new Error('parseImport: reading HTML from a backup needs a DOM to sanitize it (or options.sanitize).');
  return sanitizeHtml(html);
}

function parseJsonBackup(text: string, name: string | undefined, sanitize: (html: string) => string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw invalid(name, `This is not valid JSON (is the file complete?): ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw invalid(
      name,
      'This JSON file is not a Reading Assistant library backup (its "format" is not "reading-assistant-library").',
    );
  }
  const { version, articles, annotations } = data as { version?: unknown; articles?: unknown; annotations?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw invalid(name, 'The backup has no valid "version".');
  if (version > EXPORT_VERSION)
    throw invalid(
      name,
      `The backup was made by a newer version of the extension (format version ${version}); update the extension to import it.`,
    );
  if (!Array.isArray(articles)) throw invalid(name, 'The backup has no "articles" list.');
  const items: ImportItem[] = [];
  const skipped: ParsedImport['skipped'] = [];
  articles.forEach((raw, i) => {
    // the HTML is sanitized by importItems, where it is written (ImportItem.sanitize)
    const checked = validateArticle(raw, (html) => html);
    if (typeof checked === 'string') skipped.push({ where: `article ${i + 1}`, reason: checked });
    else items.push({ url: checked.url, article: checked, sanitize });
  });
  if (items.length === 0 && skipped.length > 0)
    throw invalid(name, `No article in the backup is valid (${skipped[0]!.where}: ${skipped[0]!.reason}).`);
  // Highlights: each annotation checked on its own (a bad one is listed, the rest come in).
  const highlights: Highlight[] = [];
  const now = Date.now();
  (Array.isArray(annotations) ? annotations : []).forEach((raw, i) => {
    const read = fromWebAnnotation(raw, now);
    const source = 'highlight' in read ? read.highlight.article.trim() : '';
    if ('error' in read) skipped.push({ where: `annotation ${i + 1}`, reason: read.error });
    else if (source.length > MAX_URL || !isWebUrl(source))
      skipped.push({ where: `annotation ${i + 1}`, reason: 'its target is not a web address (http or https)' });
    else highlights.push({ ...read.highlight, article: canonicalUrl(source) });
  });
  return { kind: 'json', items, skipped, ...(highlights.length ? { highlights } : {}) };
}

/** Longest web address, text field and body an import takes (a body of 5 million characters is a
 *  book: a saved article is about 10,000). */
const MAX_URL = 8192;
const MAX_BODY = 5_000_000;
const MAX_COUNT = 10_000_000;
const MAX_TAGS = 500;
const TEXT_LIMITS = { title: 2000, byline: 1000, siteName: 1000, excerpt: 20_000, publishedTime: 100 } as const;
const NULLABLE_STRINGS = ['byline', 'siteName', 'lang', 'publishedTime', 'excerpt', 'leadImage'] as const;
const NUMBERS = ['wordCount', 'readingMinutes', 'savedAt', 'updatedAt', 'readAt', 'progress', 'listening'] as const;

/**
 * One article of a backup, checked field by field as strictly as its address: the article itself
 * (or the reason it is refused, as a string). Addresses are web addresses (http or https) of
 * bounded length; text fields of the right type and length; numbers finite, ≥ 0 and in range
 * (progress is clamped to 0..1; dates are clamped on import); a language tag that is not one, a
 * date that is not one, a lead image that is not a web address become null; the HTML is sanitized;
 * fields we do not know are dropped.
 */
export function validateArticle(raw: unknown, sanitize: (html: string) => string): SavedArticle | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'it is not an object';
  const r = raw as Record<string, unknown>;
  const web = (v: unknown) => typeof v === 'string' && v.trim().length <= MAX_URL && isWebUrl(v.trim());
  if (!web(r.url)) return '"url" is not a web address (http or https)';
  const url = canonicalUrl(r.url as string);
  for (const k of ['title', 'pageUrl', 'contentHtml', 'text'] as const)
    if (r[k] !== undefined && typeof r[k] !== 'string') return `"${k}" must be text`;
  if (r.pageUrl && !web(r.pageUrl)) return '"pageUrl" is not a web address (http or https)';
  for (const k of NULLABLE_STRINGS)
    if (r[k] !== undefined && r[k] !== null && typeof r[k] !== 'string') return `"${k}" must be text or null`;
  for (const [k, max] of Object.entries(TEXT_LIMITS))
    if (typeof r[k] === 'string' && (r[k] as string).length > max) return `"${k}" is longer than ${max} characters`;
  for (const k of ['contentHtml', 'text'] as const)
    if (typeof r[k] === 'string' && (r[k] as string).length > MAX_BODY) return `"${k}" is longer than ${MAX_BODY} characters`;
  for (const k of NUMBERS)
    if (r[k] !== undefined && (typeof r[k] !== 'number' || !Number.isFinite(r[k]) || (r[k] as number) < 0))
      return `"${k}" must be a number ≥ 0`;
  for (const k of ['wordCount', 'readingMinutes'] as const)
    if (typeof r[k] === 'number' && (r[k] as number) > MAX_COUNT) return `"${k}" is larger than ${MAX_COUNT}`;
  if (r.listening !== undefined && (!Number.isInteger(r.listening) || (r.listening as number) > MAX_COUNT))
    return `"listening" must be a whole number ≥ 0 and at most ${MAX_COUNT}`;
  if (r.savedAt === undefined) return '"savedAt" is missing';
  if (r.tags !== undefined && (!Array.isArray(r.tags) || r.tags.some((tag) => typeof tag !== 'string')))
    return '"tags" must be a list of text';
  if (Array.isArray(r.tags) && r.tags.length > MAX_TAGS) return `"tags" holds more than ${MAX_TAGS} tags`;
  if (r.status !== undefined && !isStatus(r.status)) return '"status" must be "full", "bookmark" or "pending"';
  if (r.dir !== undefined && r.dir !== 'ltr' && r.dir !== 'rtl') return '"dir" must be "ltr" or "rtl"';
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
  const opt = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : null);
  const num = (k: string, d: number) => (typeof r[k] === 'number' ? (r[k] as number) : d);
  if (r.images !== undefined && !Array.isArray(r.images)) return '"images" must be a list';
  const images = Array.isArray(r.images) ? importedImages(r.images) : [];
  if (typeof images === 'string') return images;
  const savedAt = num('savedAt', 0);
  const contentHtml = str('contentHtml') && sanitize(str('contentHtml'));
  const text = str('text');
  const lang = opt('lang');
  const published = opt('publishedTime');
  const leadImage = opt('leadImage');
  const keyPoints = readSavedKeyPoints(r.keyPoints, MAX_COUNT);
  return {
    url,
    pageUrl: str('pageUrl').trim() || url,
    title: str('title') || url,
    byline: opt('byline'),
    siteName: opt('siteName'),
    site: siteOf(url),
    lang: lang && isLangTag(lang) ? lang : null,
    dir: r.dir === 'rtl' ? 'rtl' : 'ltr',
    publishedTime: published && Number.isFinite(Date.parse(published)) ? published : null,
    excerpt: opt('excerpt'),
    leadImage: leadImage && web(leadImage) ? leadImage.trim() : null,
    wordCount: num('wordCount', 0),
    readingMinutes: num('readingMinutes', 0),
    status: (r.status as SaveStatus | undefined) ?? (contentHtml || text ? 'full' : 'pending'),
    savedAt,
    updatedAt: num('updatedAt', savedAt),
    readAt: num('readAt', 0),
    progress: clampProgress(num('progress', 0)),
    // Read-aloud's place (the sentence to go on from), absent when never listened to.
    ...(typeof r.listening === 'number' && r.listening > 0 ? { listening: r.listening } : {}),
    // The key points once made (plain text, checked; shown only over the text they were made from).
    ...(keyPoints ? { keyPoints } : {}),
    tags: normalizeTags((r.tags as string[] | undefined) ?? []),
    contentHtml,
    text,
    ...(images.length ? { images } : {}),
  };
}

/** How many pictures a backup's article may carry (a saved one keeps 10 MB of them). */
const MAX_IMAGES = 500;
const MAX_IMAGE_SIDE = 100_000;

/**
 * A backup's pictures, each checked: a web address, a key of ours, sizes in range, base64 bytes
 * whose type is sniffed again (the type the file states is never taken), an SVG only sanitized
 * (where there is a DOM; dropped elsewhere). A picture that fails is left out (the article stays);
 * more than an article keeps refuses the article (a string says why).
 */
function importedImages(raw: unknown[]): SavedImage[] | string {
  if (raw.length > MAX_IMAGES) return `"images" holds more than ${MAX_IMAGES} pictures`;
  const out: SavedImage[] = [];
  let bytes = 0;
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    const { src, hash, data, width, height } = r;
    if (typeof src !== 'string' || src.length > MAX_URL || !isWebUrl(src)) continue;
    if (typeof hash !== 'string' || !(hash === THUMB_HASH || /^[0-9a-f]{32}$/.test(hash))) continue;
    if (typeof data !== 'string') continue;
    const size = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_IMAGE_SIDE ? v : null);
    const w = size(width);
    const h = size(height);
    if (w === null || h === null) continue;
    let body = base64ToBytes(data);
    if (!body) continue;
    bytes += body.length;
    if (bytes > 2 * MAX_ARTICLE_IMAGE_BYTES) return '"images" are larger than an article keeps';
    const type = sniffImage(body);
    if (!type) continue;
    if (type === 'image/svg+xml') {
      const clean = typeof DOMParser === 'undefined' ? null : sanitizeSvg(new TextDecoder().decode(body));
      if (!clean) continue;
      body = new TextEncoder().encode(clean);
    }
    out.push({ hash, src: src.trim(), type, width: w, height: h, blob: new Blob([body.slice()], { type }) });
  }
  return out;
}

function parseUrlList(text: string, name?: string): ImportItem[] {
  const items: ImportItem[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/^\ufeff/, '').trim();
    if (!line || line.startsWith('#')) return;
    if (!isWebUrl(line) || /\s/.test(line))
      throw invalid(
        name,
        `line ${i + 1}: "${line.slice(0, 80)}" is not a web address (a list of URLs has one http(s) address per line).`,
      );
    items.push({ url: canonicalUrl(line) });
  });
  if (items.length === 0) throw invalid(name, 'The list holds no web addresses.');
  return items;
}

const POCKET_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status'];
const INSTAPAPER_COLUMNS = ['url', 'title', 'selection', 'folder', 'timestamp'];

function parseCsvExport(text: string, name?: string): ParsedImport {
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw invalid(name, `This CSV file is malformed: ${err.message}.`);
    throw err;
  }
  const header = rows[0]!.fields.map((h) => h.trim().toLowerCase());
  const has = (cols: string[]) => cols.every((c) => header.includes(c));
  let kind: 'pocket' | 'instapaper';
  if (has(['url', 'time_added'])) kind = 'pocket';
  else if (has(['url', 'folder', 'timestamp'])) kind = 'instapaper';
  else if (header.filter(Boolean).length >= 2 && header.every((h) => h.length <= 40)) {
    throw invalid(
      name,
      `line 1: this CSV's columns (${header.slice(0, 8).join(', ')}) are neither a Pocket export (${POCKET_COLUMNS.join(', ')}) nor an Instapaper export (${INSTAPAPER_COLUMNS.join(', ')}).`,
    );
  } else {
    const first = text
      .replace(/^\ufeff/, '')
      .trimStart()
      .split(/\r\n|\r|\n/, 1)[0]!
      .trim();
    throw invalid(
      name,
      `line 1: "${first.slice(0, 80)}" — this is not a file we can import: choose a JSON backup, a Pocket or Instapaper CSV export, or a list of web addresses, one per line.`,
    );
  }
  const col = (c: string) => header.indexOf(c);
  const items: ImportItem[] = [];
  const skipped: ParsedImport['skipped'] = [];
  const highlights: Highlight[] = [];
  for (const row of rows.slice(1)) {
    const where = `line ${row.line}`;
    if (row.fields.length !== header.length) {
      throw invalid(name, `${where}: expected ${header.length} fields like the header, found ${row.fields.length}.`);
    }
    const get = (c: string) => (col(c) >= 0 ? row.fields[col(c)]! : '');
    const url = get('url').trim();
    if (!isWebUrl(url)) {
      skipped.push({ where: `line ${row.line}`, reason: `"${url.slice(0, 80)}" is not a web address` });
      continue;
    }
    const title = get('title').trim();
    if (kind === 'pocket') {
      const status = get('status').trim().toLowerCase();
      items.push({
        url: canonicalUrl(url),
        ...(title && title !== url ? { title } : {}),
        tags: normalizeTags(get('tags').split('|')),
        savedAt: unixTime(get('time_added'), where, 'time_added', name),
        read: status === 'archive' || status === 'archived' || status === 'read',
      });
    } else {
      const folder = get('folder').trim();
      const tags = instapaperTags(get('tags'));
      if (folder && !/^(unread|archive|home)$/i.test(folder)) tags.push(folder);
      const excerpt = get('selection').trim();
      const savedAt = unixTime(get('timestamp'), where, 'Timestamp', name);
      items.push({
        url: canonicalUrl(url),
        ...(title && title !== url ? { title } : {}),
        ...(excerpt ? { excerpt } : {}),
        tags: normalizeTags(tags),
        savedAt,
        read: /^archive$/i.test(folder),
      });
      // Instapaper's Selection is the passage the reader highlighted when saving: a highlight too,
      // placed by its words once the article's text is fetched.
      if (excerpt) highlights.push(selectionHighlight(canonicalUrl(url), excerpt, savedAt));
    }
  }
  if (items.length === 0 && skipped.length > 0)
    throw invalid(name, `No row holds a web address (${skipped[0]!.reason}, ${skipped[0]!.where}).`);
  return { kind, items, skipped, ...(highlights.length ? { highlights } : {}) };
}

/**
 * A highlight of an imported selection, its id made from the article and the words (cyrb53), so
 * importing the same file again changes nothing.
 */
function selectionHighlight(article: string, selection: string, savedAt: number | undefined): Highlight {
  const exact = selection.slice(0, MAX_QUOTE);
  const key = `${article}\n${exact}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const id = `hl-ip-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
  const at = savedAt ?? Date.now();
  return {
    id,
    article,
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 0 },
    ],
    color: 'yellow',
    note: '',
    createdAt: at,
    updatedAt: at,
  };
}

/** Instapaper's newer exports have a Tags column holding a JSON list; older ones none. */
function instapaperTags(raw: string): string[] {
  const v = raw.trim();
  if (!v) return [];
  if (v.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(v);
      if (Array.isArray(list))
        return list
          .map((tag) =>
            typeof tag === 'string'
              ? tag
              : typeof tag === 'object' && tag && 'name' in tag
                ? String((tag as { name: unknown }).name)
                : '',
          )
          .filter(Boolean);
    } catch {
      // not JSON: split below
    }
  }
  return v.split(/[,|]/);
}

/**
 * The line of each `<a` start tag in `text`, in order (one pass; comments and the raw text of
 * script, style, textarea and title skipped, as the HTML parser does). DOMParser keeps no source
 * positions; the k-th link element is the k-th `<a` tag, so a message can still name the line.
 * (Only for messages: in an odd file a line may be off, never an item.)
 */
function anchorLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const m of text.matchAll(
    /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[\s\S]*?(?:<\/\1\s*>|$)|<a[\s/>]|\r\n?|\n/gi,
  )) {
    const s = m[0];
    if (s.startsWith('<a') || s.startsWith('<A')) lines.push(line);
    else if (s[0] === '<') line += s.match(/\r\n?|\n/g)?.length ?? 0;
    else line++;
  }
  return lines;
}

/**
 * Pocket's older HTML export: <h1>Unread</h1><ul><li><a href time_added tags>…</a></li></ul>
 * <h1>Read Archive</h1>… Parsed by the browser's HTML parser (`parseHtml`, DOMParser by default):
 * entities, odd quoting and broken nesting are read as a browser reads them, in time linear in
 * the file (a 10,000-link export in well under a second). DOMParser runs no script and loads
 * nothing, so a hostile file is only text.
 */
function parsePocketHtml(text: string, name: string | undefined, parseHtml: (html: string) => Document): ParsedImport {
  const doc = parseHtml(text);
  const isPocket = /^\s*pocket export\s*$/i.test(doc.title) || doc.querySelector('a[time_added]') !== null;
  if (!isPocket)
    throw invalid(name, 'This HTML file is not a Pocket export (no "Pocket Export" title and no links with time_added).');
  const items: ImportItem[] = [];
  const skipped: ParsedImport['skipped'] = [];
  let read = false;
  let anchors = -1;
  let lines: number[] | null = null;
  const lineOf = (k: number) => (lines ??= anchorLines(text))[k] ?? 0;
  for (const el of doc.querySelectorAll('h1, a')) {
    if (el.localName === 'h1') {
      // "Unread" / "Read Archive"
      read = /\barchive\b|^\s*read\b/i.test(el.textContent ?? '');
      continue;
    }
    anchors++;
    if (!el.hasAttribute('href')) continue; // a named anchor, not a link
    const url = (el.getAttribute('href') ?? '').trim();
    if (!isWebUrl(url)) {
      skipped.push({ where: `line ${lineOf(anchors)}`, reason: `"${url.slice(0, 80)}" is not a web address` });
      continue;
    }
    const title = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const added = el.getAttribute('time_added') ?? undefined;
    items.push({
      url: canonicalUrl(url),
      ...(title && title !== url ? { title } : {}),
      tags: normalizeTags((el.getAttribute('tags') ?? '').split(',')),
      savedAt: added?.trim() ? unixTime(added, `line ${lineOf(anchors)}`, 'time_added', name) : undefined,
      read,
    });
  }
  if (items.length === 0 && skipped.length === 0) throw invalid(name, 'This Pocket export lists no articles.');
  if (items.length === 0) throw invalid(name, `No link is a web address (${skipped[0]!.reason}, ${skipped[0]!.where}).`);
  return { kind: 'pocket', items, skipped };
}

// ---------------------------------------------------------------------------------------------
// Import: writing

/** The article an item becomes: the backup's own, or a 'pending' one awaiting its content. */
function itemToArticle(item: ImportItem, now: number): SavedArticle {
  if (item.article) return item.article;
  const url = canonicalUrl(item.url);
  const savedAt = item.savedAt ?? now;
  return {
    url,
    pageUrl: url,
    title: item.title?.trim() || url,
    byline: null,
    siteName: null,
    site: siteOf(url),
    lang: null,
    dir: 'ltr',
    publishedTime: null,
    excerpt: item.excerpt?.trim() || null,
    leadImage: null,
    wordCount: 0,
    readingMinutes: 0,
    status: 'pending',
    savedAt,
    updatedAt: savedAt,
    readAt: item.read ? now : 0,
    progress: 0,
    tags: normalizeTags(item.tags ?? []),
    contentHtml: '',
    text: '',
  };
}

/**
 * Merges imported items into the library, all in one transaction: all or nothing. Counts are per
 * distinct URL: added (new), updated (something gained), unchanged (nothing new), kept (a saved
 * article of which the import holds a differing copy: left as it was unless `replace`). Dates are
 * clamped (clampTime): a backup's updatedAt in the year 2999 neither wins nor sorts first. The
 * answer's `undo` is for undoMerges.
 */
export async function importItems(
  db: LibraryDB,
  items: readonly ImportItem[],
  options: { now?: number; replace?: boolean; highlights?: readonly Highlight[] } = {},
): Promise<MergeResult & { highlights?: { written: number; missing: number } }> {
  const now = options.now ?? Date.now();
  const articles = items.map((item, i) => {
    const a = itemToArticle(item, now);
    if (!isWebUrl(a.url)) throw new LibraryError('invalid-file', `Item ${i + 1}: "${a.url.slice(0, 80)}" is not a web address.`);
    return {
      ...a,
      savedAt: clampTime(a.savedAt, now),
      updatedAt: clampTime(a.updatedAt, now),
      readAt: a.readAt > 0 ? clampTime(a.readAt, now) : 0,
    };
  });
  // A backup's HTML is sanitized as it is written, and only where it is (ImportItem.sanitize).
  const sanitizers = new Map(items.flatMap((item) => (item.article && item.sanitize ? [[item.article.url, item.sanitize]] : [])));
  const content = (a: SavedArticle): ArticleContent => {
    const sanitize = sanitizers.get(a.url);
    return { url: a.url, contentHtml: sanitize && a.contentHtml ? sanitize(a.contentHtml) : a.contentHtml, text: a.text };
  };
  const merged = await mergeArticles(db, articles, { replace: options.replace, content });
  if (!options.highlights?.length) return merged;
  // Highlights of articles now in the library come in; those of an article it does not hold are
  // left out and counted (the backup still has them), never a failure of the whole import.
  const { written, missing, before } = await putHighlights(db, options.highlights, { skipMissing: true });
  return {
    ...merged,
    undo: [...merged.undo, ...highlightsUndo(written, before)],
    highlights: { written: written.length, missing: missing.length },
  };
}
