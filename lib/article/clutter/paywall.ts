// Where a paywall cuts the story. A page that sells its articles prints the story's first part,
// then a notice that the rest is for subscribers ("Il vous reste N % de cet article à lire. La
// suite est réservée aux abonnés.", "The rest of this article is for subscribers"), then the
// paywall's own prompts (offers, a "read on one device at a time" dialog). Readability keeps them
// with the story. The notice goes, and so does what follows it in the article, unless that holds
// prose or more text than came before it (then the notice was not where the story stops, and only
// the notice goes). The text a paywall hides is never revealed: this only takes away.
import { clip, type ClutterRule, type ClutterRun } from '@/lib/article/clutter/engine';
import { PAYWALL_HINT, PAYWALL_LABEL, PAYWALL_NOTICE } from '@/lib/article/clutter/data';
import { holdsProse, removable } from '@/lib/article/clutter/node-tests';
import { removeShortMatches } from '@/lib/article/clutter/short-lines';

/** A notice is a line or two. */
const MAX_NOTICE = 250;
/** The notice starts within this many characters of its box's start (a story sentence before it stays). */
const MAX_LEAD = 40;
/** What follows the notice is the story's after all when an element of it has this much prose. */
const PROSE = 200;
/** A label ("Article réservé aux abonnés") is a few words. */
const MAX_LABEL = 60;

/** The outermost removable element around the first notice that starts near its start, or null. */
function noticeBox(root: Element, run: ClutterRun): Element | null {
  const found = run.memo.find<Element>(root, 1, MAX_NOTICE, (text) => {
    const match = PAYWALL_NOTICE.exec(text);
    return !!match && match.index <= MAX_LEAD;
  });
  // Document order puts a box before the elements inside it.
  return found.find((el) => removable(el, root)) ?? null;
}

/** Everything after `box` inside `root`: its following siblings and those of each ancestor. */
function following(box: Element, root: Element): Node[] {
  const out: Node[] = [];
  for (let node: Element | null = box; node && node !== root; node = node.parentElement) {
    for (let s = node.nextSibling; s; s = s.nextSibling) out.push(s);
  }
  return out;
}

export const paywallEnd: ClutterRule = {
  id: 'paywall-end',
  family: 'promos',
  why: 'A paywall\'s notice that the rest is for subscribers ("Il vous reste N % de cet article à lire…", "Dieser Artikel ist nur für Abonnenten"), the prompts after it and its label: what follows such a notice is never more of the story a reader sees.',
  hint: PAYWALL_HINT,
  apply(root, run) {
    let removed = 0;
    const box = noticeBox(root, run);
    if (box) {
      const after = following(box, root);
      // More text after the notice than before it, or a paragraph of prose: the story goes on.
      const afterLength = after.reduce((n, node) => n + run.memo.length(node), 0);
      const story =
        afterLength > run.memo.length(root) - afterLength - run.memo.length(box) ||
        after.some((n) => n.nodeType === 1 && holdsProse(n as Element, PROSE));
      const notice = clip(run.memo.text(box), 40);
      if (!story) {
        for (const n of after) {
          if (n.nodeType === 1 || run.memo.length(n)) {
            run.drop(n, `after the paywall's notice «${notice}»`);
            removed++;
          }
        }
      }
      run.drop(box, 'the paywall says the rest is for subscribers');
      removed++;
    }
    return removed + removeShortMatches(run, root, PAYWALL_LABEL, MAX_LABEL);
  },
};
