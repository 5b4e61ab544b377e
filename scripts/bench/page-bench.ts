// Bundled by scripts/bench/extract.mjs (esbuild, IIFE) and evaluated in each benchmark page: the
// very extraction and detection code the extension ships, next to unchanged Readability.
import { Readability } from '@mozilla/readability';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import * as clutter from '@/lib/article/clutter';
import { extract, PIPELINE_STEPS, type PipelineStep } from '@/lib/article/extract';
import { detect } from '@/lib/article/detect';
import { sanitizerEngine } from '@/lib/article/sanitize';
import { toPlainText } from '@/lib/article/text';
import type { Detection } from '@/lib/article/types';

/** HTML (Readability's `content`, a test page's expected.html) as text, parsed in an inert document. */
function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return toPlainText(doc.body);
}

interface Run {
  ms: number;
  /** What is scored: the article's body (figure captions apart), or Readability's whole text. */
  text: string;
  /** Ours: the whole text with the captions, as the reader shows it (scored beside, for comparison). */
  whole?: string;
  /** The pipeline declined the page (null result), or Readability found nothing. */
  none: boolean;
  error: string | null;
}

function runOurs(url: string, raw = false, without?: PipelineStep[]): Run {
  const t0 = performance.now();
  try {
    const article = extract(document, url, { raw, without });
    const ms = performance.now() - t0;
    return { ms, text: article?.bodyText ?? article?.text ?? '', whole: article?.text ?? '', none: !article, error: null };
  } catch (e) {
    return { ms: performance.now() - t0, text: '', none: true, error: String((e as Error)?.stack ?? e) };
  }
}

/** Unchanged Readability on a clone; only the parse is timed, the text conversion is not. */
function runReadability(): Run {
  const t0 = performance.now();
  try {
    const parsed = new Readability(document.cloneNode(true) as Document).parse();
    const ms = performance.now() - t0;
    return { ms, text: parsed?.content ? htmlToText(parsed.content) : '', none: !parsed?.content, error: null };
  } catch (e) {
    return { ms: performance.now() - t0, text: '', none: true, error: String((e as Error)?.stack ?? e) };
  }
}

/** The other copy of this bundle, which runs raw Readability (see `timed`). */
interface RawSide {
  runReadability: () => Run;
  Readability: typeof Readability;
}

/**
 * `reps` timed runs of each, alternating which goes first. Raw Readability runs from `raw`, another
 * copy of this bundle in the same page: run from this copy, it shares its Readability with our
 * extraction, and each one's runs then shape the compiled code the other runs.
 */
function timed(url: string, reps: number, raw: RawSide = ownSide): { oursMs: number[]; rawMs: number[] } {
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      oursMs.push(runOurs(url).ms);
      rawMs.push(raw.runReadability().ms);
    } else {
      rawMs.push(raw.runReadability().ms);
      oursMs.push(runOurs(url).ms);
    }
  }
  return { oursMs, rawMs };
}

/**
 * Where the time goes: ours by phase (extract's own clock, summed over `reps` runs, then divided),
 * and raw Readability split into its document clone and its parse.
 */
function phases(
  url: string,
  reps: number,
  rawSide: RawSide = ownSide,
): { ours: Record<string, number>; raw: Record<string, number> } {
  const ours: Record<string, number> = {};
  const raw: Record<string, number> = { clone: 0, parse: 0 };
  for (let i = 0; i < reps; i++) {
    extract(document, url, { phases: ours });
    const t0 = performance.now();
    const clone = document.cloneNode(true) as Document;
    const t1 = performance.now();
    new rawSide.Readability(clone).parse();
    raw.clone! += t1 - t0;
    raw.parse! += performance.now() - t1;
  }
  for (const rec of [ours, raw]) for (const k of Object.keys(rec)) rec[k]! /= reps;
  return { ours, raw };
}

/** The detector's verdict and Readability's readerable check alone, on the same document. */
function detection(): { detection: Detection | null; detectMs: number; detectError: string | null; readerable: boolean | null } {
  let result: Detection | null = null;
  let detectError: string | null = null;
  const t0 = performance.now();
  try {
    result = detect(document);
  } catch (e) {
    detectError = String((e as Error)?.stack ?? e);
  }
  const detectMs = performance.now() - t0;
  let readerable: boolean | null = null;
  try {
    readerable = isProbablyReaderable(document);
  } catch {
    readerable = null;
  }
  return { detection: result, detectMs, detectError, readerable };
}

interface NamedRule {
  id: string;
}

/**
 * Ours with one clutter rule left out at a time (`ids`: only those rules), to see which rule costs
 * a page its text, and then with one step of the pipeline left out at a time (`step:<name>`, see
 * PIPELINE_STEPS). Works on the rule list the pipeline reads (CLUTTER_RULES, changed in place and
 * restored).
 */
function ablate(url: string, ids: string[] | null): Record<string, Run> {
  const out: Record<string, Run> = {};
  for (const step of PIPELINE_STEPS) {
    const id = `step:${step}`;
    if (!ids || ids.includes(id)) out[id] = runOurs(url, false, [step]);
  }
  const rules = (clutter as Record<string, unknown>).CLUTTER_RULES;
  if (!Array.isArray(rules)) return out;
  const all = (rules as NamedRule[]).slice();
  for (const rule of all) {
    if (ids && !ids.includes(rule.id)) continue;
    rules.splice(0, rules.length, ...all.filter((r) => r !== rule));
    try {
      out[rule.id] = runOurs(url);
    } finally {
      rules.splice(0, rules.length, ...all);
    }
  }
  return out;
}

/** Ours once with the removal record (`--why`): every node removed, by which rule and why, and the text that is left. */
function why(url: string): { removals: clutter.Removal[]; text: string; whole: string; none: boolean; error: string | null } {
  const removals: clutter.Removal[] = [];
  try {
    const article = extract(document, url, { removals });
    return { removals, text: article?.bodyText ?? article?.text ?? '', whole: article?.text ?? '', none: !article, error: null };
  } catch (e) {
    return { removals, text: '', whole: '', none: true, error: String((e as Error)?.stack ?? e) };
  }
}

const ownSide: RawSide = { runReadability, Readability };

(globalThis as unknown as { __bench: unknown }).__bench = {
  extract,
  detect,
  Readability,
  isProbablyReaderable,
  toPlainText,
  htmlToText,
  sanitizerEngine,
  runOurs,
  runReadability,
  timed,
  phases,
  detection,
  ablate,
  why,
};
