// The article's body as the page's structured data gives it (schema.org `articleBody` in JSON-LD),
// for a page whose story Readability found only part of (a body split across sibling blocks, a
// story continued after a box). It is used only when it is much longer than what was found and
// plainly the same story, and never on a page that marks its content as not free: structured data
// may hold what a paywall hides from the reader, and the reader never reveals that.
import { isArticleType } from '@/lib/article/detect';
import { sanitizeToFragment } from '@/lib/article/sanitize';
import { squash } from '@/lib/article/text';

/** What the page's JSON-LD says about its article's body. */
export interface StructuredBody {
  /** The longest `articleBody` of an article object ('' when none). */
  text: string;
  /** Some object of the page's structured data, or its metadata, marks content as not free. */
  locked: boolean;
}

const NOT_FREE = (v: unknown) => v === false || (typeof v === 'string' && /^false$/i.test(v.trim()));

function visit(node: unknown, out: StructuredBody, depth: number): void {
  if (!node || typeof node !== 'object' || depth > 6) return;
  if (Array.isArray(node)) {
    for (const n of node) visit(n, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  if (NOT_FREE(obj.isAccessibleForFree)) out.locked = true;
  const body = obj.articleBody;
  if (typeof body === 'string' && isArticleType(obj['@type']) && body.length > out.text.length) out.text = body;
  for (const value of Object.values(obj)) if (value && typeof value === 'object') visit(value, out, depth + 1);
}

/** The page's structured article body and whether it is marked not free (JSON-LD and `content_tier` metadata). */
export function structuredBody(doc: Document): StructuredBody {
  const out: StructuredBody = { text: '', locked: false };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), out, 0);
    } catch {
      // Broken JSON-LD is common: nothing to read there.
    }
  }
  const tier = doc.querySelector('meta[property="article:content_tier"], meta[name="article:content_tier"]');
  if (/^(?:locked|metered)$/i.test(tier?.getAttribute('content')?.trim() ?? '')) out.locked = true;
  return out;
}

/** A line of markup a publisher's editor left in the text ("+++dropcap", "[#image: …]"): no spaces, starts with a sign. */
const MARKUP_LINE = /^[^\p{L}\p{N}\s"'“‘«„(¿¡]\S*$|^\[#[^\]]*\]$/u;

/** `articleBody` as paragraphs: HTML (tags or entities) through the sanitizer, else one paragraph a line. */
function paragraphsOf(body: string, doc: Document): string[] {
  // `doc` is one without a window (the copy's): nothing parsed from the data loads.
  const html = /<[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[\da-f]+);/i.test(body);
  let text = body;
  if (html) {
    const holder = doc.createElement('div');
    // Block ends become line breaks before the sanitizer reads it (its text is all we keep).
    holder.append(sanitizeToFragment(body.replace(/<\/(?:p|div|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, '$&\n')));
    text = holder.textContent ?? '';
  }
  return text
    .split(/\n+/)
    .map((line) => squash(line))
    .filter((line) => line && !MARKUP_LINE.test(line));
}

const letters = (s: string) => s.replace(/\s+/g, '').length;

/** The structured body counts when it has this many times the found body's text, and 400 characters more. */
const MUCH_LONGER = 1.5;

/**
 * The structured body of `doc` as a `<div>` of paragraphs (text only, made in `inert`, a document
 * without a window), when it is the story we found and much longer: at least half of the found
 * body's longer paragraphs (40 characters or more) are in it, word for word. Null otherwise, and
 * always on a page marked not free.
 */
export function fullerBody(doc: Document, found: string, inert: Document): HTMLElement | null {
  const foundLength = letters(found);
  // Cheap test first: no JSON-LD long enough to hold a longer body, no parsing.
  let longest = 0;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const json = script.textContent ?? '';
    if (json.includes('"articleBody"')) longest = Math.max(longest, json.length);
  }
  if (longest < foundLength * MUCH_LONGER + 400) return null;
  const data = structuredBody(doc);
  if (data.locked || letters(data.text) < foundLength * MUCH_LONGER + 400) return null;
  const paragraphs = paragraphsOf(data.text, inert);
  const whole = squash(paragraphs.join(' '));
  if (letters(whole) < foundLength * MUCH_LONGER + 400) return null;
  const ours = found
    .split(/\n\n/)
    .map((p) => squash(p))
    .filter((p) => p.length >= 40);
  if (!ours.length || ours.filter((p) => whole.includes(p)).length * 2 < ours.length) return null;
  const div = inert.createElement('div');
  for (const line of paragraphs) {
    const p = inert.createElement('p');
    p.textContent = line;
    div.append(p);
  }
  return div;
}
