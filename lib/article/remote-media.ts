// A saved copy makes no request when it is opened: pictures, video posters, audio, subtitles and
// picture sources that point at a web address are set aside before the article's DOM reaches a
// document that loads things (the saved-article page), and come back only when the reader asks.
// Inline data (data:, blob:) is the copy's own and shows as it is.
//
// Pictures the copy stored when it was saved (extension/save-images.ts) are put in first, by the
// address saving chose for them (pickSource), so only the others wait.
//
// Run it on nodes of an inert document (sanitizeToFragment's fragment): an <img> with a src starts
// loading as soon as it belongs to a document with a window, even before it is in the page.
import { pickSource } from '@/lib/library/images';

/** Attributes that make an element fetch something by themselves. */
const FETCHING = ['src', 'srcset', 'poster', 'background', 'data'] as const;
/** The attribute a held address waits in (`data-ra-held-src` …). */
const HELD = 'data-ra-held-';
/** Marks the element whose picture or media waits: the reader draws a placeholder for it. */
export const HELD_MARK = 'data-ra-held';

/** An address the copy holds itself: nothing goes out for it. */
const STORED = /^\s*(?:data|blob):/i;

/** Whether `value` (a URL, or a srcset's list of them) names only stored data. */
function stored(attr: string, value: string): boolean {
  if (attr !== 'srcset') return STORED.test(value) || value.trim() === '';
  // "url 1x, url 2x": a data: URL may hold commas, so look at every candidate's start.
  return value
    .split(/,\s+(?=\S)/)
    .map((part) => part.trim())
    .filter(Boolean)
    .every((part) => STORED.test(part));
}

export interface HoldOptions {
  /** Shown as the picture's alt text where it had none ("Image not stored"). */
  label: string;
}

/**
 * Sets aside every remote address in `root` (src, srcset, poster, a background attribute, an
 * object's data, and a style attribute that names a url()). Alt text, width and height stay, so
 * the placeholder takes the picture's place. Answers how many elements wait.
 */
export function holdRemoteMedia(root: ParentNode, options: HoldOptions): number {
  let held = 0;
  const selector = [...FETCHING.map((a) => `[${a}]`), '[style*="url" i]'].join(',');
  for (const el of root.querySelectorAll(selector)) {
    let any = false;
    for (const attr of [...FETCHING, 'style'] as const) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      if (attr === 'style' ? !/url\s*\(|image-set\s*\(/i.test(value) : stored(attr, value)) continue;
      el.setAttribute(HELD + attr, value);
      el.removeAttribute(attr);
      any = true;
    }
    if (!any) continue;
    el.setAttribute(HELD_MARK, '');
    if (el.localName === 'img' && (!el.getAttribute('alt') || captionSays(el, el.getAttribute('alt')!)))
      el.setAttribute('alt', options.label);
    held++;
  }
  return held;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether the picture's figure caption already says its alt text. A picture that is not shown
 * displays its alt text in its place (Firefox as a line of text), so the caption would be read twice.
 */
function captionSays(img: Element, alt: string): boolean {
  const caption = img.closest('figure')?.querySelector('figcaption')?.textContent;
  if (!caption) return false;
  const a = squash(alt);
  const c = squash(caption);
  return a.length > 0 && (c.includes(a) || a.includes(c));
}

/**
 * Shows the pictures the copy stored: every <img> whose chosen address (pickSource, as when it
 * was saved) has a stored copy gets that copy's local address (`stored`: address → blob: URL);
 * its srcset and its <picture>'s sources go, so the browser cannot pick a remote one instead.
 * Answers how many pictures were put in.
 */
export function showStoredImages(root: ParentNode, stored: ReadonlyMap<string, string>): number {
  if (stored.size === 0) return 0;
  let shown = 0;
  for (const img of root.querySelectorAll('img')) {
    const src = pickSource(img.getAttribute('src'), img.getAttribute('srcset'));
    const local = src && stored.get(src);
    if (!local) continue;
    img.setAttribute('src', local);
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    if (img.parentElement?.localName === 'picture')
      for (const source of img.parentElement.querySelectorAll('source')) source.remove();
    shown++;
  }
  return shown;
}
