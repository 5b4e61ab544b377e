// Sanitized article HTML → Markdown, for the zip export: headings, paragraphs, links, emphasis,
// code, lists (nested), blockquotes, images, figures, rules, simple tables. Works on any DOM
// (the browser's, or jsdom in tests); anything unknown contributes its text.

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'UL', 'BODY', 'CENTER',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'BUTTON', 'FORM', 'SELECT']);

const isElement = (n: Node): n is Element => n.nodeType === 1;
/** Upper-case tag name (SVG and MathML elements keep their own case in tagName). */
const tagOf = (el: Element) => el.tagName.toUpperCase();

function escapeText(s: string): string {
  return s.replace(/[\\`*_[\]<]/g, '\\$&');
}

/** Escapes what would start a block at the beginning of a line. */
function escapeLineStarts(s: string): string {
  return s
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, '$1\\$2'))
    .join('\n');
}

function safeUrl(raw: string | null): string | null {
  if (!raw) return null;
  const url = raw.trim();
  if (!/^(https?:|mailto:)/i.test(url)) return null;
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function wrap(inner: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : inner;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function inline(node: Node): string {
  if (node.nodeType === 3) return escapeText((node.textContent ?? '').replace(/\s+/g, ' '));
  if (!isElement(node) || SKIP.has(tagOf(node))) return '';
  const children = () => [...node.childNodes].map(inline).join('');
  switch (tagOf(node)) {
    case 'BR':
      return '  \n';
    case 'STRONG':
    case 'B':
      return wrap(children(), '**');
    case 'EM':
    case 'I':
    case 'CITE':
      return wrap(children(), '*');
    case 'DEL':
    case 'S':
    case 'STRIKE':
      return wrap(children(), '~~');
    case 'CODE':
    case 'KBD':
    case 'SAMP':
      return codeSpan((node.textContent ?? '').replace(/\s+/g, ' '));
    case 'A': {
      const text = children().trim();
      const href = safeUrl(node.getAttribute('href'));
      if (!href) return text;
      return `[${text || escapeText(href)}](${href})`;
    }
    case 'IMG': {
      const src = safeUrl(node.getAttribute('src'));
      if (!src) return '';
      return `![${escapeText((node.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim())}](${src})`;
    }
    default:
      return children();
  }
}

/** Inline Markdown as a paragraph: spaces collapsed; every newline in it came from a <br>. */
function paragraph(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
  while (lines.length && !lines[0]) lines.shift();
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return escapeLineStarts(lines.join('  \n'));
}

function indent(text: string, by: string, first: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? by + line : line))
    .join('\n');
}

function list(el: Element): string {
  const ordered = tagOf(el) === 'OL';
  let n = Number(el.getAttribute('start')) || 1;
  const items: string[] = [];
  for (const li of el.children) {
    if (tagOf(li) !== 'LI') continue;
    const marker = ordered ? `${n++}. ` : '- ';
    // a nested list follows its item's text directly (a tight list)
    const body = blocks(li).reduce((acc, b) => (acc ? `${acc}${/^(- |\d+\. )/.test(b) ? '\n' : '\n\n'}${b}` : b), '');
    items.push(indent(body, ' '.repeat(marker.length), marker));
  }
  return items.join('\n');
}

function table(el: Element): string {
  const rows = [...el.querySelectorAll('tr')].map((tr) =>
    [...tr.children].filter((c) => tagOf(c) === 'TD' || tagOf(c) === 'TH').map((c) => inline(c).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')),
  );
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0) return '';
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head!), line(Array(width).fill('---')), ...body.map(line)].join('\n');
}

function block(el: Element): string {
  const tag = tagOf(el);
  switch (tag) {
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6': {
      const text = inline(el).replace(/\s+/g, ' ').trim();
      return text ? `${'#'.repeat(Number(tag[1]))} ${text}` : '';
    }
    case 'P':
    case 'DT':
    case 'SUMMARY':
    case 'ADDRESS':
      return paragraph(inline(el));
    case 'FIGCAPTION': {
      const text = paragraph(inline(el));
      return text ? wrap(text, '*') : '';
    }
    case 'HR':
      return '---';
    case 'PRE': {
      const code = (el.textContent ?? '').replace(/\n$/, '');
      const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}\n${code}\n${fence}`;
    }
    case 'BLOCKQUOTE': {
      const inner = blocks(el).join('\n\n');
      return inner
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    }
    case 'UL':
    case 'OL':
      return list(el);
    case 'TABLE':
      return table(el);
    case 'DD':
      return indent(blocks(el).join('\n\n'), '    ', '    ');
    default:
      return blocks(el).join('\n\n');
  }
}

/** The Markdown blocks of `parent`'s children: block elements, and runs of inline content as paragraphs. */
function blocks(parent: Node): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    const p = paragraph(run);
    if (p) out.push(p);
    run = '';
  };
  for (const child of parent.childNodes) {
    if (isElement(child) && SKIP.has(tagOf(child))) continue;
    if (isElement(child) && BLOCKS.has(tagOf(child))) {
      flush();
      const b = block(child);
      if (b.trim()) out.push(b);
    } else run += inline(child);
  }
  flush();
  return out;
}

/** Markdown for the children of `root` (an element or a document's body). */
export function domToMarkdown(root: Node): string {
  return blocks(root).join('\n\n').trim();
}

/** Markdown for an HTML fragment, parsed with `parseHtml` (e.g. DOMParser). */
export function htmlToMarkdown(html: string, parseHtml: (html: string) => Document): string {
  const doc = parseHtml(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return domToMarkdown(doc.body);
}
