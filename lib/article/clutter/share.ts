// Family "share": share, like and print bars (by their words and by their links to share
// endpoints), prompts to share or follow, hashtag lines and comment prompts: what a page asks the
// reader to do with the story rather than the story.
import {
  COMMENT_PROMPT,
  HASHTAG_HINT,
  HASHTAG_LINE,
  SHARE_HINT,
  SHARE_HOSTS,
  SHARE_PROMPT,
  SHARE_PUNCTUATION_RUN,
  SHARE_SEPARATORS,
  SHARE_WORDS,
  WEAK_SHARE_WORDS,
} from '@/lib/article/clutter/data';
import type { ClutterRule, ClutterRun } from '@/lib/article/clutter/engine';
import { removable, standsAlone } from '@/lib/article/clutter/node-tests';
import { shortLineRule } from '@/lib/article/clutter/short-lines';

/**
 * The words of a short text are all share/like words and counts, with at least one word that names
 * a share control or two different weaker ones: a share bar, not a number in a table or a "link".
 */
function isShareText(text: string): boolean {
  // Cheap first: the first word (as split below) must already be a share word or a count.
  let start = 0;
  while (start < text.length && SHARE_SEPARATORS.has(text[start]!)) start++;
  let end = start;
  while (end < text.length && !SHARE_SEPARATORS.has(text[end]!)) end++;
  const first = text.slice(start, end).toLowerCase();
  if (!first || (!SHARE_WORDS.has(first) && !WEAK_SHARE_WORDS.has(first) && !/^\d+$/.test(first))) return false;
  const words = text.toLowerCase().replace(SHARE_PUNCTUATION_RUN, ' ').split(/\s+/).filter(Boolean);
  if (!words.length || !words.every((w) => SHARE_WORDS.has(w) || WEAK_SHARE_WORDS.has(w) || /^\d+$/.test(w))) return false;
  if (words.some((w) => SHARE_WORDS.has(w))) return true;
  return new Set(words.filter((w) => WEAK_SHARE_WORDS.has(w))).size >= 2;
}

/** What is left of a text without its share words and counts (a byline with "follow" links keeps its name). */
function nonShareText(text: string): string {
  return text
    .toLowerCase()
    .replace(SHARE_PUNCTUATION_RUN, ' ')
    .split(/\s+/)
    .filter((w) => w && !SHARE_WORDS.has(w) && !WEAK_SHARE_WORDS.has(w) && !/^\d+$/.test(w))
    .join(' ');
}

function removeShareBars(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = 0;
  // Only an element that holds two share links can be a bar of links.
  const shareLinkCount = new Map<Element, number>();
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (!SHARE_HINT.test(href) || !SHARE_HOSTS.test(href)) continue;
    for (let p: Element | null = a; p && p !== root; p = p.parentElement) shareLinkCount.set(p, (shareLinkCount.get(p) ?? 0) + 1);
  }
  const textual = memo.elementsWith(root, 120, isShareText);
  const byLinks = Array.from(shareLinkCount)
    .filter(([, n]) => n >= 2)
    .map(([el]) => el);
  const candidates = memo.inOrder(root, [...new Set([...textual, ...byLinks])]);
  for (const el of candidates) {
    const text = memo.shortText(el, 120);
    if (text === null) continue;
    const textBar = !!text && isShareText(text);
    if (!removable(el, root)) continue;
    let isBar = textBar;
    if (!isBar) {
      const links = Array.from(el.querySelectorAll('a[href]'));
      const shareLinks = links.filter((a) => SHARE_HOSTS.test(a.getAttribute('href') ?? ''));
      isBar = shareLinks.length >= 2 && shareLinks.length >= links.length / 2 && nonShareText(text).length <= 15;
    }
    // A "Facebook" link inside a sentence ("visit us on <a>Facebook</a>, …") is not a bar.
    if (!isBar || el.querySelector('p, h1, h2, h3, figure, picture, video') || !standsAlone(el, memo)) continue;
    run.drop(el, textBar ? 'only share words and counts' : 'links to share endpoints and hardly any other text');
    removed++;
  }
  return removed;
}

export const shareBar: ClutterRule = {
  id: 'share-bar',
  family: 'share',
  why: 'Share, like and print bars: short blocks made only of share words and counts, or of links to share endpoints with hardly any other text (a byline with a "follow" link stays).',
  apply: (root, run) => removeShareBars(run, root),
};

export const hashtagLine: ClutterRule = {
  ...shortLineRule(
    'hashtag-line',
    'share',
    'Lines made only of hashtags ("#고물가 #짠테크"): two tags or more and nothing else.',
    HASHTAG_LINE,
    300,
    { prose: true },
  ),
  hint: HASHTAG_HINT,
};

export const commentPrompt = shortLineRule(
  'comment-prompt',
  'share',
  'Comment counts and prompts ("12 Comments", "Post Comment (+)", "Tell us what YOU think...", "댓글 3").',
  COMMENT_PROMPT,
  60,
  { prose: true },
);

export const sharePrompt = shortLineRule(
  'share-prompt',
  'share',
  'Share and follow prompts ("Like this story? Share it with a friend!", "Follow Newsbeat on Instagram…", "View author archive").',
  SHARE_PROMPT,
  200,
  { prose: true },
);
