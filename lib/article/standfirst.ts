// The standfirst: the lead paragraph under the headline ("dek", "intro", "Vorspann", "chapô"),
// which many pages print in the article's header, apart from the body Readability picks. It is
// found by place and by what the page says it is: one of the first text blocks after the headline,
// not a link list or a line of the site's furniture, and either the page's own description (its
// meta description says the same words) or a block the page names a standfirst by its class.
import { SUBSCRIPTION_WORDS } from '@/lib/article/clutter/data';
import { squash } from '@/lib/article/text';

/** Class words pages use for a standfirst, in several naming schemes. */
const STANDFIRST_CLASS =
  /(?:^|[\s_-])(?:standfirst|intro|lead|leadin|lede|dek|deck|teaser|excerpt|summary|subtitle|sub-title|subheadline|description|abstract|chapo|chapeau|vorspann|bajada|entradilla|sumario|ingress|ingres)(?:$|[\s_-]|__)/i;

/** Blocks a standfirst never is inside: the site's menus, asides, figures and forms. */
const NOT_IN = 'nav, aside, figure, figcaption, footer, form, button, label, li, table, blockquote';

/** Blocks a standfirst is printed as (leaves: no block inside). */
const LEAF_TAGS = /^(?:P|DIV|SPAN|H2|H3|STRONG|B|EM|SECTION|HEADER)$/;
const BLOCK_INSIDE = 'p, div, h1, h2, h3, h4, h5, h6, ul, ol, li, section, article, table, figure, blockquote';

/** How many text blocks after the headline are looked at. */
const LOOK_AHEAD = 8;
/** A standfirst is a sentence or a few: between these many characters. */
const MIN_CHARS = 30;
const MAX_CHARS = 700;

const fold = (s: string) =>
  squash(s)
    .toLowerCase()
    .replace(/[…]|\.{3}$/g, '');
/** Without any white space: a text split into paragraphs elsewhere still matches. */
const bare = (s: string) => s.replace(/\s+/g, '').toLowerCase();
/** A standfirst is written in sentences: it ends like one (a headline or a label does not). */
const ENDS_SENTENCE = /[.!?。！？…]["'”’»)]*$/;

/** The headline: the `<h1>` that says the title, else the first one. */
function headline(doc: Document, title: string): Element | null {
  const h1s = [...doc.getElementsByTagName('h1')];
  const t = fold(title);
  return (
    h1s.find((h) => t && (fold(h.textContent ?? '').includes(t) || t.includes(fold(h.textContent ?? '') || '\u0000'))) ??
    h1s[0] ??
    null
  );
}

/** Whether `text` says what the page's description says (the same first words). */
function isDescription(text: string, description: string): boolean {
  const a = fold(text);
  const b = fold(description);
  if (a.length < MIN_CHARS || b.length < MIN_CHARS) return false;
  const n = Math.min(a.length, b.length, 80);
  return a.slice(0, n) === b.slice(0, n);
}

/**
 * The standfirst of `doc` when the article's body (`body`, its text) does not hold it yet: one of
 * the first text blocks after the headline, 30 to 700 characters in sentences, little of it links,
 * not the headline again, that the page's `description` says or whose class names a standfirst.
 * Null when there is none.
 */
export function findStandfirst(doc: Document, title: string, description: string | null, body: string): string | null {
  const h1 = headline(doc, title);
  if (!h1 || !doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, 1 /* SHOW_ELEMENT */);
  walker.currentNode = h1;
  let seen = 0;
  const inBody = bare(body);
  const heading = bare(title);
  for (let n = walker.nextNode(); n && seen < LOOK_AHEAD; n = walker.nextNode()) {
    const e = n as Element;
    if (h1.contains(e) || !LEAF_TAGS.test(e.tagName) || e.querySelector(BLOCK_INSIDE)) continue;
    const text = squash(e.textContent);
    if (!text) continue;
    if (text.length < MIN_CHARS) continue; // A date, a byline, a label.
    seen++;
    if (text.length > MAX_CHARS) return null; // The body has started.
    if (e.closest(NOT_IN)) continue;
    const linked = [...e.getElementsByTagName('a')].reduce((k, a) => k + squash(a.textContent).length, 0);
    if (linked > text.length / 3) continue;
    const named =
      e.getAttribute('itemprop') === 'description' ||
      STANDFIRST_CLASS.test(`${e.getAttribute('class') ?? ''} ${e.parentElement?.getAttribute('class') ?? ''}`);
    const said = description !== null && isDescription(text, description);
    if (!named && !said) continue;
    if (!ENDS_SENTENCE.test(text)) continue;
    // An offer to subscribe printed under the headline ("Just R20 for the first month. Support
    // independent journalism by subscribing…") sells the publication; it is not the story's lead.
    if (SUBSCRIPTION_WORDS.test(text)) continue;
    const b = bare(text);
    // The headline again (a second title line) is no standfirst.
    if (heading && (b.includes(heading) || heading.includes(b))) continue;
    // Already in the article (the body starts with it, perhaps split in paragraphs): nothing to add.
    if (inBody.includes(b.slice(0, 60))) return null;
    return text;
  }
  return null;
}
