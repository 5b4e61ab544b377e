// The mechanism most rules share: short lines whose whole text matches a rule's wording go, with
// the wrapper that holds little else. The families call it with their own wording (data.ts).
import { clip, type ClutterFamily, type ClutterRule, type ClutterRun } from '@/lib/article/clutter/engine';
import { removable, standsAlone } from '@/lib/article/clutter/node-tests';
import { cached, looksLikeProse, testText, type TextTest } from '@/lib/article/clutter/text-tests';
import { squash } from '@/lib/article/text';

export interface ShortTextOptions {
  /** Also remove texts that read like prose (the pattern alone is specific enough). */
  prose?: boolean;
  /** Matches inside an element that matches this selector stay (headings, table cells…). */
  notIn?: string;
  /**
   * The pattern judges a whole line (it is anchored at the line's start): an element whose text
   * matches goes even when part of its text sits in a text node of its own beside a link.
   */
  line?: boolean;
}

/**
 * Removes short lines whose whole text matches `test`: starting from the innermost element (or the
 * text node) that matches, it climbs to the wrapper that holds little else (so a widget goes with
 * its buttons), and removes it when it stands as a line of its own. Texts longer than `maxLen`,
 * texts that read like prose, and matches inside a sentence are left alone: a paragraph that
 * mentions the same words is article text and is never touched. A wrapper that holds a heading
 * which does not match itself is not climbed into (a sticky header repeats the headline beside its
 * font buttons), nor one that holds a picture or a table (a caption's credit is not its figure).
 */
export function removeShortMatches(
  run: ClutterRun,
  root: Element,
  test: TextTest,
  maxLen: number,
  options: ShortTextOptions = {},
): number {
  const memo = run.memo;
  const plain = (text: string) => testText(test, text) && (options.prose || !looksLikeProse(text));
  // The index hands each distinct text to the test once; the memo is for the climbing below.
  const test1 = cached(plain);
  const matches = (text: string | null) => !!text && text.length <= maxLen && test1(text);
  const matching = new Set<Element>();
  const starts: Node[] = [];
  for (const n of memo.find<Node>(root, 0, maxLen, plain, !options.prose)) {
    if (n.nodeType === 3) {
      if (root.contains(n)) starts.push(n);
    } else if (removable(n as Element, root)) matching.add(n as Element);
  }
  // The innermost matching elements too, after the text nodes: a notice whose text is split by a
  // link ("저작권자 ⓒ 엔터미디어(<a>www…</a>), 무단전재 금지") goes whole when its first part,
  // which matches alone, cannot (it does not stand alone beside the link).
  for (const el of matching) if (!Array.from(el.children).some((c) => matching.has(c))) starts.push(el);
  let removed = 0;
  for (const start of starts) {
    if (!root.contains(start)) continue;
    if (options.notIn && (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest(options.notIn)) continue;
    if (start.nodeType === 1) {
      if (!matches(memo.shortText(start, maxLen))) continue;
      // A sentence of its own beside the match ("시는 … 발표했다.<br>[저작권자 …]"): only the line goes.
      if (
        !options.line &&
        Array.from(start.childNodes).some(
          (n) => n.nodeType === 3 && !matches(memo.text(n)) && (looksLikeProse(memo.text(n)) || memo.text(n).length > 40),
        )
      )
        continue;
    }
    const own = memo.length(start);
    let box: Node = start;
    for (let parent = box.parentElement; parent && removable(parent, root); parent = parent.parentElement) {
      const len = memo.length(parent);
      if (len > maxLen || len - own > Math.max(30, own)) break;
      // A sentence beside it in the same parent ("시는 … 발표했다.<br>[저작권자 …]"): the match is one line of several.
      if (
        Array.from(parent.childNodes).some(
          (n) => n !== box && n.nodeType === 3 && (looksLikeProse(squash(n.textContent)) || squash(n.textContent).length > 40),
        )
      )
        break;
      // …or in an element beside it ("<div><p>시는 … 발표했다.</p></div><p>저작권자 …</p>").
      if (
        Array.from(parent.children).some(
          (c) => c !== box && !matches(memo.shortText(c, maxLen)) && (memo.length(c) > 300 || looksLikeProse(memo.text(c))),
        )
      )
        break;
      if (Array.from(parent.querySelectorAll('h1, h2, h3')).some((h) => !matches(memo.text(h)))) break;
      // A caption's credit goes, the picture it belongs to stays.
      if (Array.from(parent.querySelectorAll('img, picture, video, audio, iframe, table')).some((m) => !box.contains(m))) break;
      box = parent;
    }
    if (!standsAlone(box, memo)) {
      // Inside a line that matches as a whole ("<figcaption><a>Need more space?</a> <a>Subscribe
      // to …</a></figcaption>"): that line is the next start to try.
      for (let up = start.parentElement; up && up !== root; up = up.parentElement) {
        if (!matching.has(up)) continue;
        if (!starts.includes(up) && !up.querySelector('img, picture, video, audio, iframe, table, h1, h2, h3')) starts.push(up);
        break;
      }
      continue;
    }
    const next = box.nextSibling as Element | null;
    if (box.nodeType === 3 && next?.tagName === 'BR') run.drop(next, 'the line break after a removed line');
    const climbed = box;
    run.drop(box, () =>
      memo.length(climbed) === memo.length(start)
        ? 'the whole line matches'
        : `«${clip(memo.text(start), 40)}» matches; its <${(climbed as Element).tagName.toLowerCase()}> holds little else`,
    );
    removed++;
  }
  return removed;
}

/** A rule of short lines in some wording (see `removeShortMatches`). */
export function shortLineRule(
  id: string,
  family: ClutterFamily,
  why: string,
  pattern: TextTest,
  maxLen: number,
  options?: ShortTextOptions,
): ClutterRule {
  return { id, family, why, apply: (root, run) => removeShortMatches(run, root, pattern, maxLen, options) };
}
