// Family "widgets": the page's controls inside the article (font-size and translation pickers,
// machine-made summary boxes, like/rate prompts, back-to-top buttons, stock trackers, gallery
// controls, hover cards), found by their labels and taken with the box that holds little else.
import {
  AI_SUMMARY_EN,
  AI_SUMMARY_HINT,
  AI_SUMMARY_JA_ZH,
  AI_SUMMARY_KO,
  AI_SUMMARY_LABEL,
  BACK_TO_TOP,
  BACK_TO_TOP_HINT,
  FONT_SIZE_LABEL,
  GALLERY_CONTROL,
  INVESTMENT_DISCLAIMER,
  REACTION_PROMPT,
  STOCK_HINT,
  STOCK_LABEL,
  TOP_BUTTON,
  TRANSLATION_HINT,
  TRANSLATION_LABEL,
} from '@/lib/article/clutter/data';
import { clip, type ClutterRule, type ClutterRun } from '@/lib/article/clutter/engine';
import { INLINE, removable } from '@/lib/article/clutter/node-tests';
import { removeShortMatches, shortLineRule } from '@/lib/article/clutter/short-lines';
import { cached, looksLikeProse } from '@/lib/article/clutter/text-tests';

/** A label or disclaimer of a machine-made summary box, not prose that reports on AI summaries. */
function isAiSummaryNote(text: string): boolean {
  if (text.length > 300) return false;
  if (text.length <= 40 && AI_SUMMARY_LABEL.test(text)) return true;
  if (AI_SUMMARY_EN.test(text)) return true;
  if ((AI_SUMMARY_KO.test(text) || AI_SUMMARY_JA_ZH.test(text)) && !looksLikeProse(text)) return true;
  return false;
}

/**
 * Machine-made summary boxes ("AI 요약은 … 기술을 활용해 …", "AI-generated summary"): the
 * disclaimer, with the box around it while that box stays small (summaries are a few sentences)
 * and holds no headline. A sentence in plain news prose that reports on AI summaries is kept.
 */
function removeAiSummaries(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = 0;
  const isNote = cached(isAiSummaryNote);
  for (const el of memo.elementsWith(root, 300, isNote)) {
    const text = memo.text(el);
    if (!removable(el, root)) continue;
    // Up (at most four levels) to the box that also holds the summary sentences, then through
    // wrappers that add no more than a button's worth of text.
    const own = text.length;
    let box: Element = el;
    let reached = false;
    for (let level = 0; box.parentElement && removable(box.parentElement, root); level++) {
      const parent = box.parentElement;
      const len = memo.length(parent);
      if (len > 800 || Array.from(parent.querySelectorAll('h1, h2, [itemprop="articleBody"]')).some((h) => !box.contains(h)))
        break;
      if (reached ? len - memo.length(box) > 30 : level >= 4) break;
      box = parent;
      if (len - own >= 100) reached = true;
    }
    if (!reached) box = el;
    run.drop(box, () =>
      box === el ? 'an AI summary label or disclaimer' : `the box around the AI summary note «${clip(text, 40)}»`,
    );
    removed++;
  }
  return removed;
}

/** Text nodes and elements whose whole text is the pattern, plus links/buttons that say only "top". */
function removeBackToTop(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = removeShortMatches(run, root, BACK_TO_TOP, 30);
  for (const el of memo.elementsWith(root, 12, (t) => TOP_BUTTON.test(t))) {
    if (!(el.tagName === 'A' || el.tagName === 'BUTTON' || el.getAttribute('role') === 'button')) continue;
    const text = memo.text(el);
    if (!removable(el, root)) continue;
    let box: Element = el;
    // The wrapper that holds nothing but the button goes with it.
    while (box.parentElement && removable(box.parentElement, root) && memo.shortText(box.parentElement, 12) === text)
      box = box.parentElement;
    run.drop(box, 'a link or button that says only "top"');
    removed++;
  }
  return removed;
}

/** A stock widget's label (not in a sentence) or an investment disclaimer (notices are sentences). */
function isStockWidget(text: string): boolean {
  if (!STOCK_HINT.test(text)) return false;
  return INVESTMENT_DISCLAIMER.test(text) || (STOCK_LABEL.test(text) && !looksLikeProse(text));
}

/**
 * A paragraph that also holds the text of a hover card (a picture and links, shown only on hover):
 * inside a sentence, an inline element with a picture and two links or more is not the sentence.
 */
function removeHoverCards(run: ClutterRun, root: Element): number {
  const memo = run.memo;
  let removed = 0;
  for (const img of root.querySelectorAll('p span img, p a img, li span img')) {
    let card: Element | null = img.parentElement;
    // Up through inline wrappers that add no more than the name the card is about.
    while (
      card?.parentElement &&
      INLINE.test(card.parentElement.tagName) &&
      card.parentElement.closest('p, li') &&
      memo.length(card.parentElement) - memo.length(card) <= 40
    ) {
      card = card.parentElement;
    }
    if (!card || !INLINE.test(card.tagName) || !removable(card, root) || !root.contains(card)) continue;
    const block = card.closest('p, li');
    if (!block || card.querySelectorAll('a').length < 2) continue;
    // The paragraph goes on around it: text before or after the card.
    if (memo.length(block) - memo.length(card) < 40) continue;
    // The name the card is for stays: the card's first link when it comes before the picture.
    const first = card.querySelector('a');
    if (first && !first.contains(img) && first.compareDocumentPosition(img) & 4 /* FOLLOWING */) {
      for (let n = first.nextSibling; n;) {
        const next = n.nextSibling;
        run.drop(n, 'the hover card after the name it is about');
        n = next;
      }
      first.replaceWith(...Array.from(first.childNodes));
    } else run.drop(card, 'a hover card (a picture and links) inside a sentence');
    removed++;
  }
  return removed;
}

export const fontSizeWidget = shortLineRule(
  'font-size-widget',
  'widgets',
  'Font-size and display pickers ("본문 글자 크기 조정", "검은색 배경", "Text size") with their buttons: a short label, never a sentence.',
  FONT_SIZE_LABEL,
  80,
);

export const translationWidget: ClutterRule = {
  ...shortLineRule(
    'translation-widget',
    'widgets',
    'Translation pickers and their placeholders ("번역할 언어 선택", "결과물 출력을 준비하고 있어요"): short labels, never a sentence.',
    TRANSLATION_LABEL,
    80,
  ),
  hint: TRANSLATION_HINT,
};

export const aiSummary: ClutterRule = {
  id: 'ai-summary',
  family: 'widgets',
  why: 'Machine-made summary boxes ("AI 요약은 … 활용해", "AI-generated summary") that repeat the story above it.',
  apply: (root, run) => removeAiSummaries(run, root),
  hint: AI_SUMMARY_HINT,
};

export const reactionPrompt = shortLineRule(
  'reaction-prompt',
  'widgets',
  'Prompts to like or rate the story and bookmark/copy toasts ("좋아요를 눌러주세요", "해당 기사를 북마크했습니다", "Was this article helpful?").',
  REACTION_PROMPT,
  100,
);

export const backToTop: ClutterRule = {
  id: 'back-to-top',
  family: 'widgets',
  why: '"Top으로 이동" / "Back to top" links and buttons: the whole text is the phrase.',
  apply: (root, run) => removeBackToTop(run, root),
  hint: BACK_TO_TOP_HINT,
};

export const stockTracker: ClutterRule = {
  ...shortLineRule(
    'stock-tracker',
    'widgets',
    'Stock-tracker widgets and investment disclaimers ("종목 추적기", "투자 판단의 책임은 …", "not investment advice"), by wording notices use.',
    isStockWidget,
    600,
    { prose: true },
  ),
  hint: STOCK_HINT,
};

export const galleryControls = shortLineRule(
  'gallery-controls',
  'widgets',
  'Gallery and player controls ("Image 1 of 9", "Caption", "Close", "This slideshow requires JavaScript."): the whole line is the control.',
  GALLERY_CONTROL,
  60,
  { prose: true, notIn: 'table' },
);

export const hoverCard: ClutterRule = {
  id: 'hover-card',
  family: 'widgets',
  why: 'Hover cards inside a sentence (a picture and links about a name, shown only on hover): the name stays, the card goes.',
  apply: (root, run) => removeHoverCards(run, root),
};
