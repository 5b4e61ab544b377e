// Saved articles as an EPUB 3 book for e-readers: one chapter (XHTML) per article with its stored
// pictures, its highlights drawn as marks and listed with their notes in an endnotes section, a
// table of contents, in a zip whose first entry is the uncompressed mimetype (OCF). Valid under
// EPUBCheck (tests/unit/library-epub.test.ts runs Debian's epubcheck on a book).
//
// The article HTML comes from the library (sanitized when saved, and again by the caller): here it
// is reduced to the elements and attributes of a plain book (ALLOWED; the rest unwrapped or dropped:
// scripts, media, frames, forms, styles, ids, classes), every picture not stored with the article
// left out (an EPUB may not fetch one), and serialized as XHTML by the DOM's XMLSerializer. Every
// other string (titles, notes) is escaped. The DOM is passed in (`doc`: any HTML document).
import { strToU8, zipSync, type Zippable } from 'fflate';
import { anchor } from '@/lib/annotations/anchor';
import { drawHighlights } from '@/lib/annotations/draw';
import type { Highlight } from '@/lib/annotations/highlight';
import { textOf } from '@/lib/entities/dom';
import { pickSource } from '@/lib/library/images';
import { isLangTag, isWebUrl } from '@/lib/library/records';

/** A picture of the book: its path in the book ('images/…') and bytes of an EPUB core type. */
export interface EpubImage {
  path: string;
  type: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/svg+xml';
  bytes: Uint8Array;
}

export interface EpubArticle {
  title: string;
  url: string;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  /** The facts line under the title (site, author, date), as text. */
  meta: string;
  /** The article's HTML (sanitized). */
  html: string;
  /** Its pictures' addresses in `html` → their paths in the book. */
  images: ReadonlyMap<string, string>;
  highlights: readonly Highlight[];
}

export interface EpubBook {
  title: string;
  /** A stable identifier (urn:uuid:…). */
  id: string;
  lang: string;
  modified: Date;
  articles: readonly EpubArticle[];
  /** Every picture the articles refer to, once each. */
  images: readonly EpubImage[];
  /** The endnotes' heading ("Highlights and notes") and the link back to a passage ("Back to the text"). */
  labels: { highlights: string; back: string; contents: string; source: string };
}

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Elements kept, with the attributes each may keep (every element: lang, dir, title). */
const ALLOWED: Record<string, readonly string[]> = {
  a: ['href'],
  img: ['src', 'alt'],
  ol: ['start', 'reversed'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ...Object.fromEntries(
    (
      'p br hr h1 h2 h3 h4 h5 h6 div section article aside header footer blockquote pre ul li dl dt dd ' +
      'table thead tbody tfoot tr caption figure figcaption b i em strong u s small sub sup q cite code kbd ' +
      'samp var mark abbr span del ins'
    )
      .split(' ')
      .map((tag) => [tag, []]),
  ),
};
/** Elements dropped with their content (never shown in a book, or not allowed there). */
const DROPPED = new Set(
  'script style template noscript iframe frame frameset object embed video audio source track canvas svg math form input button select textarea link meta base picture map area dialog'.split(
    ' ',
  ),
);
/** Inline elements (phrasing content only): unwrapped when they hold a block. */
const INLINE = new Set('a b i em strong u s small sub sup q cite code kbd samp var mark abbr span del ins'.split(' '));
const BLOCKS =
  'p,div,section,article,aside,header,footer,blockquote,pre,ul,ol,li,dl,dt,dd,table,figure,figcaption,h1,h2,h3,h4,h5,h6,hr';
/** Where an element may stand: li in a list, dt/dd in dl, figcaption in figure (else it becomes a div). */
const PARENTS: Record<string, readonly string[]> = { li: ['ul', 'ol'], dt: ['dl'], dd: ['dl'], figcaption: ['figure'] };

const xml = (s: string) =>
  s
    // characters XML 1.0 does not allow
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  next.append(...el.childNodes);
  el.replaceWith(next);
  return next;
}

const positiveInt = (v: string) => /^[1-9]\d{0,3}$/.test(v);

/** The article's body (parsed in an inert document) reduced to a plain book's elements, pictures pointed at the book's files. */
function cleanBody(doc: Document, a: EpubArticle): HTMLElement {
  const body = doc.body;
  for (const el of [...body.querySelectorAll('*')]) {
    if (!el.isConnected || !body.contains(el)) continue;
    const tag = el.localName;
    if (DROPPED.has(tag)) {
      // a <picture>'s own <img> stays (its <source>s go)
      const img = tag === 'picture' ? el.querySelector('img') : null;
      if (img) el.replaceWith(img);
      else el.remove();
      continue;
    }
    if (!(tag in ALLOWED)) {
      unwrap(el);
      continue;
    }
    const keep = new Set([...ALLOWED[tag]!, 'lang', 'dir', 'title']);
    const src = tag === 'img' ? pickSource(el.getAttribute('src'), el.getAttribute('srcset')) : null;
    for (const attr of [...el.attributes]) if (!keep.has(attr.name)) el.removeAttribute(attr.name);
    const lang = el.getAttribute('lang');
    if (lang !== null && !isLangTag(lang)) el.removeAttribute('lang');
    const dir = el.getAttribute('dir');
    if (dir !== null && !['ltr', 'rtl', 'auto'].includes(dir)) el.removeAttribute('dir');
    for (const name of ['colspan', 'rowspan', 'start']) {
      const v = el.getAttribute(name);
      if (v !== null && !positiveInt(v)) el.removeAttribute(name);
    }
    if (el.hasAttribute('reversed')) el.setAttribute('reversed', 'reversed');
    if (tag === 'img') {
      const local = src ? a.images.get(src) : undefined;
      if (!local) {
        // not stored with the article: its description stays as text
        const alt = el.getAttribute('alt')?.trim();
        if (alt) el.replaceWith(doc.createTextNode(`[${alt}]`));
        else el.remove();
        continue;
      }
      el.setAttribute('src', local);
      el.setAttribute('alt', el.getAttribute('alt') ?? '');
    }
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      // only web and mail links (a fragment points at an id, and ids are not kept)
      if (!isWebUrl(href) && !/^mailto:[^\s<>]+$/i.test(href)) el.removeAttribute('href');
    }
  }
  for (const [tag, parents] of Object.entries(PARENTS))
    for (const el of [...body.querySelectorAll(tag)])
      if (!parents.includes(el.parentElement?.localName ?? '')) rename(el, tag === 'figcaption' ? 'p' : 'div');
  // an inline element around a block (the HTML parser allows <span><p>): unwrapped
  for (const el of [...body.querySelectorAll([...INLINE].join(','))].reverse()) if (el.querySelector(BLOCKS)) unwrap(el);
  // a figure's captions after its first (only one is allowed)
  for (const fig of body.querySelectorAll('figure'))
    for (const extra of [...fig.querySelectorAll(':scope > figcaption')].slice(1)) rename(extra, 'div');
  return body;
}

/** The article's highlights as marks in `body` and as endnotes (each passage linked to its note). */
function markHighlights(doc: Document, body: HTMLElement, a: EpubArticle, n: number, labels: EpubBook['labels']): string {
  if (!a.highlights.length) return '';
  const text = textOf(body).text;
  // in the order of the text, those no longer found in it last
  const placed = a.highlights
    .map((h) => ({ h, at: anchor(text, h.selectors) }))
    .sort((x, y) => (x.at?.start ?? Infinity) - (y.at?.start ?? Infinity) || (x.at?.end ?? 0) - (y.at?.end ?? 0));
  drawHighlights(
    body,
    placed.flatMap(({ h, at }) => (at ? [{ id: h.id, start: at.start, end: at.end, color: h.color }] : [])),
  );
  const notes: string[] = [];
  placed.forEach(({ h, at }, i) => {
    const ref = `a${n}-hl${i + 1}`;
    const marks = [...body.querySelectorAll('mark.ra-hl')].filter((m) =>
      (m.getAttribute('data-hl') ?? '').split(' ').includes(h.id),
    );
    if (at && marks.length) {
      // the place the endnote links back to (an overlapping highlight may start in the same mark)
      const target = doc.createElement('span');
      target.setAttribute('id', ref);
      marks[0]!.before(target);
      const link = doc.createElement('a');
      link.setAttribute('href', `#${ref}-note`);
      link.setAttribute('class', 'noteref');
      link.setAttribute('data-epub-noteref', '');
      link.textContent = String(i + 1);
      const sup = doc.createElement('sup');
      sup.append(link);
      marks[marks.length - 1]!.after(sup);
    }
    const quote = h.selectors[0].exact.replace(/\s+/g, ' ').trim();
    const back = at && marks.length ? ` <a href="#${ref}" class="back">${xml(labels.back)}</a>` : '';
    const note = h.note.trim()
      ? `<p class="note">${h.note
          .trim()
          .split(/\n+/)
          .map((l) => xml(l))
          .join('<br/>')}</p>`
      : '';
    notes.push(`<li id="${ref}-note" class="hl-${h.color}"><blockquote><p>${xml(quote)}${back}</p></blockquote>${note}</li>`);
  });
  for (const m of body.querySelectorAll('mark.ra-hl')) {
    const color = /ra-hl-(yellow|green|blue|pink)/.exec(m.getAttribute('class') ?? '')?.[1] ?? 'yellow';
    for (const attr of [...m.attributes]) m.removeAttribute(attr.name);
    m.setAttribute('class', `hl-${color}`);
  }
  return `<section class="endnotes" epub:type="endnotes" role="doc-endnotes"><h2>${xml(labels.highlights)}</h2><ol>${notes.join('')}</ol></section>`;
}

const STYLE = `body{font-family:serif;line-height:1.55;margin:0 4%}h1{font-size:1.5em;line-height:1.25}
.meta{font-family:sans-serif;font-size:.85em;color:#555}img{max-width:100%;height:auto}
figure{margin:1em 0}figcaption{font-size:.9em;color:#444}blockquote{margin:1em 0 1em 1em;padding-left:.8em;border-left:3px solid #999}
mark.hl-yellow{background:#fff0a8}mark.hl-green{background:#c8f0c8}mark.hl-blue{background:#cfe3ff}mark.hl-pink{background:#ffd6e7}
mark{color:inherit}.endnotes{margin-top:2em;border-top:1px solid #999}.endnotes .note{font-style:italic;margin-left:1em}
a.noteref{text-decoration:none}.source{font-family:sans-serif;font-size:.85em;overflow-wrap:anywhere}`;

function page(title: string, lang: string, dir: string, body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="${XHTML}" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"/><title>${xml(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
${body}
</body>
</html>
`;
}

/** A parser of HTML into an inert document (DOMParser's: nothing in it loads or runs). */
export type ParseHtml = (html: string) => Document;

/** One article's chapter as XHTML. */
function articleXhtml(parse: ParseHtml, a: EpubArticle, n: number, labels: EpubBook['labels']): string {
  const doc = parse(`<!doctype html><html><head></head><body>${a.html}</body></html>`);
  const body = cleanBody(doc, a);
  const endnotes = markHighlights(doc, body, a, n, labels);
  const serializer = new XMLSerializer();
  // the body's children as XHTML (the serializer writes the XHTML namespace on each top element,
  // which is the page's own: the same markup)
  const content = [...body.childNodes].map((node) => serializer.serializeToString(node)).join('');
  const lang = a.lang && isLangTag(a.lang) ? a.lang : 'und';
  const source = isWebUrl(a.url) ? `<p class="source"><a href="${xml(a.url)}">${xml(labels.source)}</a></p>` : '';
  return page(
    a.title,
    lang,
    a.dir,
    `<section epub:type="chapter"><h1>${xml(a.title)}</h1>\n<p class="meta">${xml(a.meta)}</p>\n${content}\n${source}${endnotes}</section>`,
  ).replace(/ data-epub-noteref=""/g, ' epub:type="noteref"');
}

const pad = (i: number) => String(i).padStart(4, '0');

/** The book as an EPUB file (zip bytes); `parse` gives the DOM the chapters are built in. */
export function buildEpub(parse: ParseHtml, book: EpubBook): Uint8Array {
  const lang = isLangTag(book.lang) ? book.lang : 'en';
  const mtime = book.modified;
  const files: Zippable = {
    // first and uncompressed, as OCF asks
    mimetype: [strToU8('application/epub+zip'), { level: 0, mtime }],
    'META-INF/container.xml': [
      strToU8(`<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`),
      { mtime },
    ],
  };
  const chapters = book.articles.map((a, i) => ({
    file: `a${pad(i + 1)}.xhtml`,
    title: a.title,
    xhtml: articleXhtml(parse, a, i + 1, book.labels),
  }));
  const toc = chapters.map((c) => `<li><a href="${c.file}">${xml(c.title)}</a></li>`).join('\n');
  const nav = page(
    book.labels.contents,
    lang,
    'ltr',
    `<nav epub:type="toc" id="toc"><h1>${xml(book.labels.contents)}</h1><ol>\n${toc}\n</ol></nav>`,
  );
  const stamp = mtime.toISOString().replace(/\.\d+Z$/, 'Z');
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    ...chapters.map((c, i) => `<item id="c${i + 1}" href="${c.file}" media-type="application/xhtml+xml"/>`),
    ...book.images.map((img, i) => `<item id="i${i + 1}" href="${xml(img.path)}" media-type="${img.type}"/>`),
  ];
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${xml(book.id)}</dc:identifier>
<dc:title>${xml(book.title)}</dc:title>
<dc:language>${lang}</dc:language>
<meta property="dcterms:modified">${stamp}</meta>
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine>
${chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`).join('\n')}
</spine>
</package>
`;
  files['OEBPS/content.opf'] = [strToU8(opf), { mtime }];
  files['OEBPS/nav.xhtml'] = [strToU8(nav), { mtime }];
  files['OEBPS/style.css'] = [strToU8(STYLE), { mtime }];
  for (const c of chapters) files[`OEBPS/${c.file}`] = [strToU8(c.xhtml), { mtime }];
  for (const img of book.images) files[`OEBPS/${img.path}`] = [img.bytes, { mtime, level: 0 }];
  return zipSync(files, { level: 6 });
}
