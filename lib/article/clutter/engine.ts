// The clutter engine: what a rule is, the run that carries one pass of rules over an article, and
// the removal record. Rules (the families in this folder, listed in order in rules.ts) only find
// nodes; every removal goes through the run, which keeps the text memo current and, when asked,
// notes what went and why. Nothing lives at module level: a run owns its memo and its record.
import { squash } from '@/lib/article/text';
import { INLINE } from '@/lib/article/clutter/node-tests';
import { TextMemo } from '@/lib/article/clutter/text-memo';

/** What a rule may know about the page beside the article's tree. */
export interface ClutterContext {
  /** The article's title. */
  title?: string;
  /** The author from the page's metadata (the reader shows it above the article). */
  byline?: string | null;
  /** The page's address and its canonical one. */
  urls?: string[];
}

/**
 * The families rules are filed under, by how they find clutter: each is one file of this folder
 * and one test file (tests/unit/clutter-<family>.test.ts).
 */
export const FAMILIES = ['widgets', 'share', 'related', 'credits', 'notices', 'promos', 'named-boxes', 'repeats'] as const;
export type ClutterFamily = (typeof FAMILIES)[number];

export interface ClutterRule {
  id: string;
  family: ClutterFamily;
  /** What the rule removes and why it cannot take article text with it. */
  why: string;
  /** Removes matches below `root` (never `root` itself) through `run` and returns how many nodes went. */
  apply(root: Element, run: ClutterRun): number;
  /**
   * Words one of which every text the rule removes holds (no white space in them: they are looked
   * for in the article's text as the browser joins it, `run.mentions`). When the article holds none,
   * the rule is not run at all: on a first extraction each rule's code and patterns run cold, and
   * most rules find nothing on most pages. Kept with the rule's wording in data.ts.
   */
  hint?: RegExp;
}

/** Removed from the page's copy before Readability read it, or from Readability's result. */
type RemovalStage = 'before-readability' | 'after-readability';

/** One entry of the removal record: a node that went (or the part of a text that was cut off). */
export interface Removal {
  /** The rule (or, before Readability, the preparation step) that removed it. */
  rule: string;
  family: string;
  /** Why this node, in a few words (the rule's `why` says why the rule exists). */
  reason: string;
  /** Its text, white space squashed (for a cut, the part cut off). */
  text: string;
  /** The node's name, lower case: a tag name, "#text" or "#comment". */
  node: string;
  stage: RemovalStage;
}

/** A reason, or a function that gives it: built only when a record is kept. */
export type Reason = string | (() => string);

/** `text` cut to `max` characters for a reason or a report. */
export const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * One pass of rules over one article: the page's context, the text memo every rule reads, and the
 * removal record when one was asked for (null otherwise: then nothing is noted and nothing costs).
 */
export class ClutterRun {
  readonly memo = new TextMemo();
  private rule: ClutterRule | null = null;
  private authorText: string | undefined;
  private wholeText: string | undefined;

  constructor(
    readonly context: ClutterContext = {},
    private readonly removals: Removal[] | null = null,
  ) {}

  /** The metadata's author without a leading "By" (worked out once; a rule asks per line). */
  get author(): string {
    this.authorText ??= authorOf(this.context.byline);
    return this.authorText;
  }

  /**
   * Whether the article's text (`root`'s, read once a run, when first asked: rules only take text
   * away, so it holds every text a later rule reads) holds a match of `hint`.
   */
  mentions(root: Element, hint: RegExp): boolean {
    this.wholeText ??= root.textContent ?? '';
    return hint.test(this.wholeText);
  }

  /** Runs `rule` below `root`, naming it in the record (not at all when its `hint` is absent). */
  apply(rule: ClutterRule, root: Element): number {
    if (rule.hint && !this.mentions(root, rule.hint)) return 0;
    this.rule = rule;
    try {
      return rule.apply(root, this);
    } finally {
      this.rule = null;
    }
  }

  /** Removes a node, telling the memo its ancestors' text changed. */
  drop(node: Node, reason: Reason): void {
    if (this.removals) this.note(node, this.memo.text(node), reason);
    this.memo.forget(node.parentNode);
    node.parentNode?.removeChild(node);
  }

  /** Cuts a text node's text down to `keep` (a credit off the end of a caption), telling the memo. */
  cut(node: Text, keep: string, reason: Reason): void {
    if (this.removals) {
      const was = squash(node.data);
      this.note(node, was.startsWith(keep) ? was.slice(keep.length).trim() : was, reason);
    }
    this.memo.forget(node);
    node.data = keep;
  }

  /** Forgets the text of `node` and its ancestors (a rule changed the tree below them itself). */
  changed(node: Node | null): void {
    this.memo.forget(node);
  }

  private note(node: Node, text: string, reason: Reason): void {
    this.removals!.push({
      rule: this.rule?.id ?? 'empty-wrapper',
      family: this.rule?.family ?? 'engine',
      reason: typeof reason === 'function' ? reason() : reason,
      text,
      node: node.nodeName.toLowerCase(),
      stage: 'after-readability',
    });
  }
}

/** The metadata's author without a leading "By". */
export const authorOf = (byline: string | null | undefined): string => squash(byline).replace(/^by\s+/i, '');

export interface ClutterRunOptions {
  /** Also remove the empty wrappers the rules left (`removeEmpty`, with the rules' index). */
  empty?: boolean;
  /** When given, milliseconds per rule are added to it as `rule:<id>` (bench:extract). */
  phases?: Record<string, number>;
  /** When given, every removal is added to it (the rule, its family, why and the text). */
  removals?: Removal[];
}

/** Runs every rule once below `root`, in order; returns removals per rule (tests and the benchmark). */
export function runRules(
  root: Element,
  rules: readonly ClutterRule[],
  context: ClutterContext = {},
  options: ClutterRunOptions = {},
): Record<string, number> {
  const phases = options.phases;
  const run = new ClutterRun(context, options.removals ?? null);
  const counts: Record<string, number> = {};
  if (phases) {
    // What every run builds on first use, timed apart from the rule that happens to ask first.
    let t0 = performance.now();
    run.memo.index(root);
    phases['rules:text-index'] = (phases['rules:text-index'] ?? 0) + performance.now() - t0;
    t0 = performance.now();
    run.memo.classIndex(root);
    phases['rules:class-index'] = (phases['rules:class-index'] ?? 0) + performance.now() - t0;
  }
  for (const rule of rules) {
    const t0 = phases ? performance.now() : 0;
    counts[rule.id] = run.apply(rule, root);
    if (phases) phases[`rule:${rule.id}`] = (phases[`rule:${rule.id}`] ?? 0) + performance.now() - t0;
  }
  const t0 = phases ? performance.now() : 0;
  if (options.empty) removeEmptyIn(root, run);
  if (phases) phases['rules:empty'] = (phases['rules:empty'] ?? 0) + performance.now() - t0;
  return counts;
}

/** Empty wrappers left behind: no text and no media. */
export function removeEmpty(root: Element, run: ClutterRun = new ClutterRun()): number {
  return removeEmptyIn(root, run);
}

const EMPTY_TAGS =
  'p, div, span, section, li, ul, ol, figure, figcaption, strong, b, em, a, h1, h2, h3, h4, h5, h6, table, tbody, tr, td';
const EMPTY_TAG = /^(?:P|DIV|SPAN|SECTION|LI|UL|OL|FIGURE|FIGCAPTION|STRONG|B|EM|A|H[1-6]|TABLE|TBODY|TR|TD)$/;

function removeEmptyIn(root: Element, run: ClutterRun): number {
  const memo = run.memo;
  let removed = 0;
  // The rules' index knows which elements are empty; without one, every candidate is looked at.
  const known = memo.emptyCandidates(root);
  const candidates = known
    ? memo.inOrder(
        root,
        known.filter((el) => EMPTY_TAG.test(el.tagName)),
      )
    : Array.from(root.querySelectorAll(EMPTY_TAGS));
  candidates.reverse();
  for (const el of candidates) {
    if (el === root || memo.length(el) || !root.contains(el)) continue;
    if (el.querySelector('img, picture, video, audio, iframe, svg, math, canvas, object, embed, br + br, hr')) continue;
    if (el.tagName === 'TD' || el.tagName === 'TR') continue;
    // "0937-141993<span><br></span>林錦武": an inline element that holds a line break is that break.
    if (INLINE.test(el.tagName) && el.querySelector('br')) continue;
    // "price tag of<b>&nbsp;</b>$35": an inline element that holds only a space is that space.
    if (INLINE.test(el.tagName) && /\s/.test(el.textContent ?? '')) {
      run.changed(el.parentNode);
      el.replaceWith(el.ownerDocument.createTextNode(' '));
    } else run.drop(el, 'no text and no picture left');
    removed++;
  }
  return removed;
}
