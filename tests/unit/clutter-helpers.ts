// Shared by the clutter tests (not a test file itself): one case per rule, a small piece of the
// pattern as portals print it (Korean and English), and a nearby article paragraph that mentions
// the same words. `familyTests` checks every rule of a family against its case.
import { CLUTTER_RULES, removeClutter, removeEmpty, type ClutterContext, type ClutterFamily } from '@/lib/article/clutter';
import { parse } from './article-helpers';

export interface Case {
  /** Markup of the clutter. */
  clutter: string;
  /** Text that must be gone after the rule ran. */
  gone: string[];
  /** Markup of real article text next to it that talks about similar things. */
  keep: string;
  /** Text that must still be there. */
  kept: string[];
  /** What the page's metadata says (title, author, address). */
  context?: ClutterContext;
}

/** A page with the case's markup around a real paragraph, parsed in its own document. */
export function body(c: Case): HTMLElement {
  const doc = parse(`<!doctype html><html><body><main><div class="story">
    <p>The council voted on Tuesday to extend the opening hours of the city's public libraries to ten at night.</p>
    ${c.keep}
    </div><div class="widgets">${c.clutter}</div></main></body></html>`);
  return doc.body;
}

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

/** The rules of one family, in running order. */
const rulesOf = (family: ClutterFamily) => CLUTTER_RULES.filter((r) => r.family === family);

/** Every rule of `family` has a case in `cases` and a one-line why; each removes its clutter and keeps the article, alone and with every other rule. */
export function familyTests(family: ClutterFamily, cases: Record<string, Case>): void {
  test(`every ${family} rule has a test case and a one-line why`, () => {
    const ids = rulesOf(family).map((r) => r.id);
    for (const rule of rulesOf(family)) {
      expect(cases[rule.id], `no test case for rule ${rule.id}`).toBeDefined();
      expect(rule.why.length).toBeGreaterThan(20);
      expect(rule.why).not.toContain('\n');
    }
    expect(Object.keys(cases).sort()).toEqual([...ids].sort());
  });

  describe.each(rulesOf(family).map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
    const c = cases[id]!;

    test('removes the clutter and keeps the article text that mentions the same things', () => {
      const root = body(c);
      const story = squash(root.querySelector('.story')!.textContent);
      expect(removeClutter(root, [rule], c.context)[id]).toBeGreaterThan(0);
      const text = squash(root.textContent);
      for (const g of c.gone) expect(text, `"${g}" should be gone`).not.toContain(g);
      for (const k of c.kept) expect(text, `"${k}" should stay`).toContain(k);
      expect(text).toContain('The council voted on Tuesday');
      // The article's own paragraphs are untouched unless the case put clutter inside them.
      if (!c.clutter.includes('class="body')) expect(squash(root.querySelector('.story')!.textContent)).toBe(story);
    });

    test('with every other rule too, the article text stays', () => {
      const root = body(c);
      removeClutter(root, CLUTTER_RULES, c.context);
      removeEmpty(root);
      const text = squash(root.textContent);
      for (const k of c.kept) expect(text, `"${k}" should stay`).toContain(k);
    });
  });
}
