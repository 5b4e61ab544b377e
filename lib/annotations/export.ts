// An article's highlights and notes in the exports: Markdown that Obsidian and Readwise read as
// highlights (a "## Highlights" section, each passage a quote block with its note under it), and
// the same as HTML for the one-file export. Highlights come in the order of the article's text.
import type { Highlight } from '@/lib/annotations/highlight';

/** Markdown text as text: the characters that would start Markdown (or HTML) are escaped. */
const mdText = (s: string) => s.replace(/[\\`*_[\]<]/g, '\\$&');

/** The "## Highlights" section of an article's Markdown ('' when it has none). */
export function highlightsMarkdown(highlights: readonly Highlight[]): string {
  if (!highlights.length) return '';
  const blocks = highlights.map((h) => {
    const quote = h.selectors[0].exact
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => `> ${mdText(line)}`)
      .join('\n>\n');
    const note = h.note.trim();
    return note ? `${quote}\n\n${mdText(note)}` : quote;
  });
  return `## Highlights\n\n${blocks.join('\n\n')}\n`;
}

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The highlights section of an article in the HTML export ('' when it has none); every text escaped. */
export function highlightsHtml(highlights: readonly Highlight[], heading: string): string {
  if (!highlights.length) return '';
  const items = highlights.map((h) => {
    const quote = h.selectors[0].exact
      .split(/\n+/)
      .filter((l) => l.trim())
      .map((l) => `<p>${html(l.trim())}</p>`)
      .join('');
    const note = h.note.trim() ? `<p class="note">${html(h.note.trim()).replace(/\n/g, '<br>')}</p>` : '';
    return `<li class="hl-${h.color}"><blockquote>${quote}</blockquote>${note}</li>`;
  });
  return `<section class="highlights"><h3>${html(heading)}</h3><ol>${items.join('')}</ol></section>`;
}
