// Clutter rules: general patterns, by structure, class names, link share, position and wording in
// several languages, never keyed to one site. Each rule says what it removes and why that is safe.
// They run once, on Readability's result (run with `keepClasses`, so class names are still there
// to read; the sanitizer drops them afterwards). The engine is engine.ts, the rules are filed by
// family (one file each) and listed in running order in rules.ts; their wording is in data.ts.
import { runRules, type ClutterContext, type ClutterRule, type ClutterRunOptions } from '@/lib/article/clutter/engine';
import { CLUTTER_RULES } from '@/lib/article/clutter/rules';

export { CLUTTER_RULES } from '@/lib/article/clutter/rules';
export {
  FAMILIES,
  removeEmpty,
  type ClutterContext,
  type ClutterFamily,
  type ClutterRule,
  type ClutterRunOptions,
  type Removal,
} from '@/lib/article/clutter/engine';
export { isBylineLine } from '@/lib/article/clutter/credits';
export { holdsProse, standsAlone } from '@/lib/article/clutter/node-tests';
export { removeAdjacentRepeats, removeTitleRepeats } from '@/lib/article/clutter/repeats';
export { inDocumentOrder } from '@/lib/article/clutter/text-memo';
export { looksLikeProse } from '@/lib/article/clutter/text-tests';

/**
 * Runs every rule once below `root`, in order; returns removals per rule (for tests and the
 * benchmark). With `empty`, the empty wrappers the rules left go too; with `removals`, each removal
 * is recorded there (the rule, its family, why and the text).
 */
export function removeClutter(
  root: Element,
  rules: readonly ClutterRule[] = CLUTTER_RULES,
  context: ClutterContext = {},
  options: ClutterRunOptions = {},
): Record<string, number> {
  return runRules(root, rules, context, options);
}
