// Family "credits": who made the story and when, printed in its body where the reader already shows
// author and date above it: photo and production credits (whole lines, or cut off the end of a
// caption), reporters' e-mail sign-offs, date lines, bylines, author bios and the labels of the
// article's own <header>.
import {
  ABOUT_AUTHOR_LABEL,
  AGENCY,
  BOX_NAMES,
  BYLINE_FILLER,
  BYLINE_START,
  CAPTION_SOURCE,
  CAPTION_SOURCE_END,
  CAPTION_WORDS,
  CREDIT_LINE,
  CREDIT_SUFFIX,
  CREDIT_SUFFIX_HINT,
  CREDIT_WORDS,
  DATE_PART,
  DATE_WORDS,
  EMAIL,
  EMAIL_HINT,
  KOREAN_JAPANESE_DATELINE,
  NAME_WORD,
  WIRE_CREDIT,
} from '@/lib/article/clutter/data';
import { authorOf, type ClutterRule, type ClutterRun } from '@/lib/article/clutter/engine';
import { removeNamedBoxes } from '@/lib/article/clutter/named-boxes';
import { holdsProse, removable, standsAlone } from '@/lib/article/clutter/node-tests';
import { removeShortMatches, shortLineRule } from '@/lib/article/clutter/short-lines';
import { cached, isDateLine, looksLikeProse, wordsOf } from '@/lib/article/clutter/text-tests';
import { squash } from '@/lib/article/text';

/**
 * Agency and photographer credits that stand for a caption's source: "Getty Images", "J. Scott
 * Applewhite / AP file", "Natalie Naccache | Bloomberg | Getty Images", "(AP Photo/David Zalubowski)",
 * "© John Brecher", "Image copyright". Short, no sentence, and naming a picture agency, the photo
 * word, or a copyright sign before a name.
 */
function isAgencyCredit(text: string): boolean {
  if (text.length > 90) return false;
  if (/^(?:image|photo|picture)\s+copyright(?:\s+.{1,40})?$/i.test(text)) return !looksLikeProse(text);
  if (/^[©ⓒ]\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}$/u.test(text)) return !looksLikeProse(text);
  // A sentence and then a source ("…연설하고 있다. 연합뉴스") is a caption, not a credit line.
  if (!AGENCY.test(text) || looksLikeProse(text) || /(?:[a-z가-힣]{2}|[가-힣])[.!?。]\s/.test(text)) return false;
  // Names, slashes and bars: "Alex Wong | Getty Images", "Sakib Ali/Hindustan Times/Getty Images".
  const words = text
    .replace(/[()[\]]/g, '')
    .split(/[\s/|,;·•–—-]+/)
    .filter(Boolean);
  // Names and agencies are short words; a caption in a script without spaces is one long "word".
  if (words.length > 10 || words.some((w) => w.length > 20)) return false;
  return words.every(
    (w) =>
      /^(?:\p{Lu}|\d|[가-힣ぁ-んァ-ン一-龯]|Ｐ|photo|via|for|of|the|file|and|de|del|van|von|by)/u.test(w) ||
      /^(?:photo|images?|pool|file|staff|handout|via|for|courtesy)$/i.test(w),
  );
}

/**
 * Where a credit suffix starts in `text` (0 or null: none, or the whole text is the credit). The
 * pattern is tried on the last 90 characters only: a credit is short, and the pattern tried at
 * every position of a long caption was the slowest step of the clutter rules.
 */
function creditSuffixAt(text: string): number | null {
  const offset = Math.max(0, text.length - 90);
  const tail = offset ? text.slice(offset) : text;
  // Every form of the pattern holds one of these (a separator, 기자/특파원, an agency in brackets).
  if (!CREDIT_SUFFIX_HINT.test(tail)) return null;
  const m = CREDIT_SUFFIX.exec(tail);
  return m ? offset + m.index || null : null;
}

const mayEndWithCaptionSource = (text: string) =>
  CAPTION_SOURCE_END.has(text[text.length - 1]!) && CAPTION_SOURCE.test(text.slice(-40));

/**
 * Credit lines go whole; a credit that ends a short caption line is cut off it, the caption's
 * words stay. A sentence that ends in a full stop is never cut.
 */
function removeCredits(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = removeShortMatches(
    run,
    root,
    (text) => (text.length <= 60 && CREDIT_LINE.test(text)) || isAgencyCredit(text),
    90,
  );
  // A credit printed inside the caption's line ("…sought treatment<span>Credit: EPA</span>",
  // "<cite>NASA Worldview</cite>"): an inline element at the end of a caption, or a cite in a figure.
  const named = new Set(memo.elementsNamed(root, CREDIT_WORDS));
  const candidates = new Set<Element>([...root.querySelectorAll('figure *, figcaption *'), ...named]);
  for (const box of memo.elementsNamed(root, CAPTION_WORDS)) for (const el of box.querySelectorAll('*')) candidates.add(el);
  const creditText = cached((text) => CREDIT_LINE.test(text) || isAgencyCredit(text));
  for (const el of candidates) {
    // Text first (memoised, cheap), the tree checks only for a credit.
    const text = memo.shortText(el, 90);
    if (!text) continue;
    const isCredit =
      creditText(text) || (el.tagName === 'CITE' && !!el.closest('figure')) || (named.has(el) && !looksLikeProse(text));
    if (!isCredit || !removable(el, root) || el.querySelector('img, picture, video, figcaption, p, div')) continue;
    // Last in its line: nothing but whitespace after it within its parent.
    let after = false;
    for (let n = el.nextSibling; n; n = n.nextSibling) if (squash(n.textContent)) after = true;
    if (after && !standsAlone(el, memo)) continue;
    run.drop(el, () =>
      creditText(text)
        ? 'a credit inside a caption'
        : el.tagName === 'CITE'
          ? 'a <cite> in a figure'
          : 'named as a credit, not a sentence',
    );
    removed++;
  }
  // One look at each text: a credit at its end, or (in a caption) a Korean source after the sentence.
  for (const t of memo.textsWith(root, 300, (text) => !!creditSuffixAt(text) || mayEndWithCaptionSource(text))) {
    if (!root.contains(t)) continue;
    const text = memo.text(t);
    const at = creditSuffixAt(text);
    if (at) {
      const next = t.nextSibling;
      // The credit must end the line: nothing but a break or the end of the parent after it.
      if (next && !(next.nodeType === 1 && (next as Element).tagName === 'BR') && squash(next.textContent)) continue;
      run.cut(t, text.slice(0, at), 'a credit at the end of a caption');
      removed++;
      continue;
    }
    if (!t.parentElement?.closest('figcaption, figure, [class*="caption" i], [class*="photo" i]')) continue;
    const m = CAPTION_SOURCE.exec(text.slice(-40));
    if (!m) continue;
    run.cut(t, text.slice(0, text.length - Math.min(40, text.length) + m.index), 'a source after the sentence of a caption');
    removed++;
  }
  return removed;
}

/** A line that ends in an e-mail address: `whole` when at most six words come before it. */
function signOff(text: string): { whole: boolean; before: string } | null {
  if (!text.includes('@')) return null;
  const m = EMAIL.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index).trim();
  if (/[.!?。]["'”’)]*$/.test(before)) return { whole: false, before };
  return wordsOf(before) <= 6 ? { whole: true, before } : null;
}

/**
 * Reporter sign-offs that end in an e-mail address ("홍길동 기자 hong@example.com"): the whole line
 * when at most six words come before the address; when the words before it are a sentence (a TV
 * sign-off: "MBN뉴스 안진우입니다. [a@b.kr]"), only the address goes.
 */
function removeReporterEmails(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = removeShortMatches(run, root, (text) => !!signOff(text)?.whole, 120, { prose: true });
  for (const t of memo.textsWith(root, 120, (text) => signOff(text)?.whole === false)) {
    const found = signOff(memo.text(t));
    if (!found || found.whole || !root.contains(t) || !standsAlone(t, memo)) continue;
    run.cut(t, found.before, 'an e-mail address after a spoken sign-off');
    removed++;
  }
  return removed;
}

/** `isBylineLine` with the metadata's author already worked out (`authorOf`). */
function bylineLine(text: string, author: string): boolean {
  if (text.length > 120) return false;
  // Cheap first: a byline opens with a "by" word, or holds the author's name.
  if (
    !/^[\s|·•–—-]*(?:by|written|posted|words|story|text|reporting|von|par|por|door|av|af)\b/i.test(text) &&
    (author.length < 3 || !text.includes(author))
  )
    return false;
  const t = text.replace(/^[\s|·•–—-]+|[\s|·•–—,:-]+$/g, '');
  if (author.length >= 3) {
    if (t === author || t.toLowerCase() === `by ${author.toLowerCase()}`) return true;
    if (t.startsWith(author) && isDateLine(t.slice(author.length).trim() || 'x')) return true;
  }
  const m = BYLINE_START.exec(t);
  if (!m) return false;
  let rest = m[1]!;
  // A date after the name ("… - 11/18/19 11:04 PM EST", "… September 15, 2014").
  rest = rest.replace(DATE_PART, ' ').replace(DATE_WORDS, ' ');
  const words = rest
    .replace(/[,|/·•–—:;()]+|\s-\s/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length || words.length > 9 || /[.!?]$/.test(t.replace(/\b\p{Lu}\.$/u, ''))) return false;
  let names = 0;
  for (const w of words) {
    if (NAME_WORD.test(w)) names++;
    else if (!BYLINE_FILLER.test(w)) return false;
  }
  return names >= 1;
}

/**
 * A byline printed in the body: "By Paul Takahashi", "By Justine Coleman - 11/18/19 11:04 PM EST",
 * "By Regan September 15, 2014", "Written by …", "Von …", "Par …", "Por …"; or a line that is the
 * metadata's author, alone or with a date. A sentence that opens with "By" ("By the end of the
 * year, …") has lower-case words and a full stop, and stays.
 */
export function isBylineLine(text: string, byline?: string | null): boolean {
  return bylineLine(text, authorOf(byline));
}

/** The longest text a closing bio line has. */
const BIO_MAX = 500;
const SHOUT_CHECK = /\p{Lu}/u;

/**
 * The opening of the author's own bio line ("Phil Helsel is a reporter for NBC News."): the
 * metadata's author, or their first name, and a verb that says who they are. Null without a
 * capitalised author of three letters or more. Made once a run (a pattern compiled per line cost
 * more than the test).
 */
function bioOpening(author: string): RegExp | null {
  if (author.length < 3 || !SHOUT_CHECK.test(author[0] ?? '')) return null;
  const first = author.split(' ')[0]!;
  const names = [author, ...(first.length >= 3 && first !== author ? [first] : [])];
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?:${escaped.join('|')})\\s+(?:is|was|has|joined|covers|writes|reports|lives|previously|also)\\b`);
}

const BIO_WORDS = new Set(BOX_NAMES.bio.words.split(' '));

/**
 * Author bios: a box the page names as such ("author-bio", "about-author"), the "About the
 * author" label with the box after it, and a paragraph among the story's last few that opens with
 * the metadata author's name and tells who they are ("… is a reporter for …", "… joined … in 2017").
 */
function removeAuthorBios(run: ClutterRun, root: Element): number {
  let removed = removeNamedBoxes(run, root, BIO_WORDS, { maxLen: 800, pairs: BOX_NAMES.bio.pairs });
  removed += removeShortMatches(run, root, ABOUT_AUTHOR_LABEL, 30);
  const opening = bioOpening(run.author);
  if (!opening) return removed;
  // The last five blocks that hold no other block.
  const all = root.querySelectorAll('p, div');
  const blocks: Element[] = [];
  for (let i = all.length - 1; i >= 0 && blocks.length < 5; i--) if (!all[i]!.querySelector('p, div')) blocks.push(all[i]!);
  for (const el of blocks.reverse()) {
    if (!removable(el, root) || !standsAlone(el, run.memo)) continue;
    // A longer block than a bio can be: its text is never built.
    const text = run.memo.shortText(el, BIO_MAX);
    if (text === null || !opening?.test(text)) continue;
    run.drop(el, "one of the story's last lines, opening with the author's name");
    removed++;
  }
  return removed;
}

/**
 * Short lines inside a `<header>` of the article that are not a sentence and not a heading: the
 * section label, date, byline and "Opinion columnist" the page prints above its headline. The
 * headline and the standfirst (a sentence) stay.
 */
function removeHeaderLabels(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = 0;
  for (const header of root.querySelectorAll('header')) {
    if (!removable(header, root) || holdsProse(header, 300)) continue;
    for (const el of Array.from(header.querySelectorAll('p, span, div, time, li, a, ol, ul'))) {
      if (!header.contains(el) || el.querySelector('p, div, li, h1, h2, h3, h4, h5, h6, img, picture, video, figure')) continue;
      if (el.closest('h1, h2, h3, h4, h5, h6, figure')) continue;
      const text = memo.shortText(el, 80);
      if (text === null || !text || looksLikeProse(text) || /[.!?…]["'”’]?$/.test(text)) continue;
      if (!standsAlone(el, memo) && el.tagName !== 'LI') continue;
      run.drop(el, "a short line in the article's <header>, not a sentence");
      removed++;
    }
  }
  return removed;
}

export const reporterEmail: ClutterRule = {
  id: 'reporter-email',
  family: 'credits',
  why: 'Reporter sign-offs ending in an e-mail address ("홍길동 기자 hong@example.com"); a spoken sign-off sentence keeps its words.',
  apply: (root, run) => removeReporterEmails(run, root),
  hint: EMAIL_HINT,
};

export const photoCredit: ClutterRule = {
  id: 'photo-credit',
  family: 'credits',
  why: 'Photo, graphic and production credits ("사진=연합뉴스", "영상편집 : 김경준", "Photo: Getty Images"), whole or at the end of a caption; the caption and picture stay.',
  apply: (root, run) => removeCredits(run, root),
};

export const dateline = shortLineRule(
  'dateline',
  'credits',
  'Entry and revision time lines ("기사입력 : 2025.02.04", "Updated: …", "PUBLISHED: 10:48, Tue, Nov 19, 2019", "Published 1 day ago"): the reader shows the date itself; a date heading, list item or table cell stays.',
  (text) => /\d/.test(text) && (KOREAN_JAPANESE_DATELINE.test(text) || isDateLine(text)),
  100,
  { notIn: 'h1, h2, h3, h4, h5, h6, td, th, li' },
);

export const headerLabels: ClutterRule = {
  id: 'header-labels',
  family: 'credits',
  why: "Section labels, dates and bylines inside the article's <header> (short lines that are not a sentence nor a heading); the headline and standfirst stay.",
  apply: (root, run) => removeHeaderLabels(run, root),
};

export const bylineLineRule: ClutterRule = {
  id: 'byline-line',
  family: 'credits',
  why: 'Bylines printed in the body ("By Paul Takahashi", "By … - 11/18/19 11:04 PM EST", the metadata author alone, a wire story\'s "Reporting by …; Editing by …"): the reader shows the author above the article.',
  apply: (root, run) => {
    const author = run.author;
    return removeShortMatches(run, root, (text) => bylineLine(text, author) || WIRE_CREDIT.test(text), 300, {
      notIn: 'h1, h2, h3, td, th, li',
      prose: true,
    });
  },
};

export const authorBio: ClutterRule = {
  id: 'author-bio',
  family: 'credits',
  why: 'Author bios after the story: boxes named bio/about-author, the "About the author" label, and a closing line that opens with the author\'s name ("… is a reporter for …").',
  apply: (root, run) => removeAuthorBios(run, root),
};
