// An SVG picture stored with a saved article is a document of its own: shown by <img> it runs
// nothing, but opened by itself (a new tab on its blob: address) it would run its scripts in the
// extension's origin. So it is stored only once DOMPurify's SVG profile has emptied it of
// scripts, foreignObject, event handlers and every address outside it (a link, an external
// image or style): what is left is shapes. Needs a DOM (the parser page, the library page).
import DOMPurify from 'dompurify';

const FORBID_TAGS = ['script', 'foreignObject', 'style', 'a', 'image', 'use', 'iframe', 'animate', 'set', 'animateMotion'];
const FORBID_ATTR = ['href', 'xlink:href', 'src', 'style'];

/** The sanitized SVG text, or null when nothing drawable is left (or it is no SVG at all). */
export function sanitizeSvg(text: string, win: Window & typeof globalThis = window): string | null {
  const purifier = DOMPurify(win);
  const clean = purifier.sanitize(text, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS,
    FORBID_ATTR,
    WHOLE_DOCUMENT: false,
  });
  const trimmed = clean.trim();
  if (!/^<svg[\s>]/i.test(trimmed)) return null;
  // url(#id) inside the document is fine; any other url() would fetch.
  if (/url\(\s*['"]?(?!#)/i.test(trimmed)) return null;
  return trimmed.includes('xmlns=') ? trimmed : trimmed.replace(/^<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"');
}
