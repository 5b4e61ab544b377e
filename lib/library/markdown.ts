// Article HTML → Markdown, for the zip export: turndown with its GFM plugin (tables,
// strikethrough, task lists, code blocks with their language), on any DOM (the browser's, or
// jsdom in tests).
//
// Safe whatever the stored HTML holds (it is sanitized when saved, but an imported backup brings
// its own): the Markdown holds no raw HTML from the input, since
//   - script, style, frames, forms, SVG and MathML are dropped with their text;
//   - text has "<" escaped too (turndown escapes only Markdown syntax), so "&lt;script&gt;" in
//     an article stays text in any Markdown renderer;
//   - links and images keep only http(s) (and mailto) addresses, and pictures the zip's own picture
//     files (images/<hash>.<ext>); others become their text;
//   - nothing is kept as HTML: a table the GFM plugin would keep as HTML (one holding lists, code
//     blocks, headings, rules or quotes) is written cell by cell instead, and turndown's "keep"
//     writes an element's Markdown content, never its outerHTML.
// Our style, as the hand-written converter had it: "-" bullets and tight lists, "*" emphasis,
// ATX headings, fenced code, "---" rules, captions in italics.
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';

/** Elements whose content is not article text. */
const DROPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'button',
  'form',
  'select',
  'textarea',
] as const;
/** What makes the GFM plugin keep a table as HTML (besides a code block). */
const TABLE_BLOCKS = new Set(['UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'BLOCKQUOTE', 'PRE']);

/** A picture file of the Markdown zip itself (extension/library/io.ts exportMarkdownZip). */
const ZIP_PICTURE = /^images\/[0-9a-f]{32}\.(?:jpg|png|gif|webp|avif|svg)$/;

function safeUrl(raw: string | null): string | null {
  if (!raw) return null;
  const url = raw.trim();
  if (ZIP_PICTURE.test(url)) return url;
  if (!/^(https?:|mailto:)/i.test(url)) return null;
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const trimNewlines = (s: string) => s.replace(/^\n+|\n+$/g, '');

/** A table the GFM plugin would keep as HTML: one with block content in its cells. */
function complexTable(table: Element | null): boolean {
  if (!table) return false;
  for (const el of table.querySelectorAll('*')) if (TABLE_BLOCKS.has(el.nodeName)) return true;
  return false;
}

const parentTable = (node: Node): Element | null => (node.parentElement ? node.parentElement.closest('table') : null);

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
    // Never the element's HTML: its Markdown content.
    keepReplacement: (content, node) => ((node as { isBlock?: boolean }).isBlock ? `\n\n${content}\n\n` : content),
  });
  service.use(gfm);
  // (domToMarkdown strips them from its copy first; this keeps the service safe on its own)
  service.remove((node) => (DROPPED as readonly string[]).includes(node.nodeName.toLowerCase()));
  const escape = service.escape.bind(service);
  service.escape = (text: string) => escape(text).replace(/</g, '\\<');

  // Rules added later win over earlier ones (and over the plugin's).
  service.addRule('complexTable', {
    filter: (node) => node.nodeName === 'TABLE' && complexTable(node),
    replacement: (content) => `\n\n${content}\n\n`,
  });
  service.addRule('complexTableParts', {
    filter: (node) => ['TR', 'TH', 'TD', 'THEAD', 'TBODY', 'TFOOT'].includes(node.nodeName) && complexTable(parentTable(node)),
    replacement: (content) => `\n\n${content}\n\n`,
  });
  service.addRule('safeLink', {
    filter: 'a',
    replacement: (content, node) => {
      const href = safeUrl((node as Element).getAttribute('href'));
      const text = content.trim();
      if (!href) return text;
      return `[${text || service.escape(href)}](${href})`;
    },
  });
  service.addRule('safeImage', {
    filter: 'img',
    replacement: (_, node) => {
      const src = safeUrl((node as Element).getAttribute('src'));
      if (!src) return '';
      const alt = ((node as Element).getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
      return `![${service.escape(alt)}](${src})`;
    },
  });
  // Tight lists, as before: items one per line, a nested list right under its item's text.
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as Element | null;
      let marker = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start')) || 1;
        marker = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = trimNewlines(content).replace(/\n{3,}/g, '\n\n');
      return `${marker}${body.replace(/\n(?=.)/g, `\n${' '.repeat(marker.length)}`)}${node.nextSibling ? '\n' : ''}`;
    },
  });
  service.addRule('blockquote', {
    filter: 'blockquote',
    replacement: (content) =>
      `\n\n${trimNewlines(content)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n')}\n\n`,
  });
  service.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => {
      const text = content.trim();
      return text ? `\n\n*${text}*\n\n` : '';
    },
  });
  return service;
}

let shared: TurndownService | null = null;

/** Markdown for the children of `root` (an element or a document's body; left as it is). */
function domToMarkdown(root: Element): string {
  shared ??= createService();
  // Dropped before turndown collapses whitespace, so "a <img src=javascript:…> b" reads "a b".
  const copy = root.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll(DROPPED.join(','))) el.remove();
  for (const img of copy.querySelectorAll('img')) if (!safeUrl(img.getAttribute('src'))) img.remove();
  return shared.turndown(copy).trim();
}

/** Markdown for an HTML fragment, parsed with `parseHtml` (e.g. DOMParser). */
export function htmlToMarkdown(html: string, parseHtml: (html: string) => Document): string {
  const doc = parseHtml(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return domToMarkdown(doc.body);
}
