// The clutter engine: the rules' registry (every rule filed in a family with a test file, in the
// order they run), the runner and its per-run text memo, the removal record, and the tests of text
// and nodes the rules share.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { toPlainText } from '@/lib/article/text';
import {
  CLUTTER_RULES,
  FAMILIES,
  holdsProse,
  looksLikeProse,
  removeClutter,
  removeEmpty,
  standsAlone,
  type ClutterRule,
  type Removal,
} from '@/lib/article/clutter';
import { parse } from './article-helpers';

/** The running order: each rule reads what the ones before it left (see lib/article/clutter/rules.ts). */
const ORDER = [
  'font-size-widget',
  'translation-widget',
  'ai-summary',
  'share-bar',
  'reaction-prompt',
  'related-lists',
  'copyright-line',
  'back-to-top',
  'stock-tracker',
  'reporter-email',
  'photo-credit',
  'dateline',
  'subscribe-prompt',
  'tip-off',
  'hashtag-line',
  'end-marker',
  'navigation',
  'header-labels',
  'newsletter-box',
  'byline-box',
  'ad-box',
  'related-box',
  'comment-box',
  'cookie-box',
  'tag-list',
  'ad-label',
  'gallery-controls',
  'comment-prompt',
  'newsletter-prompt',
  'cookie-notice',
  'media-fallback',
  'share-prompt',
  'byline-line',
  'promo-line',
  'author-bio',
  'hover-card',
  'repeated-caption',
  'trailing-links',
  'affiliate-notice',
  'carousel-box',
  'url-line',
  'title-repeat',
  'screen-reader-text',
  'adjacent-repeat',
];

describe('the rules', () => {
  test('run in their order, each once, each in a family that has its own test file', () => {
    expect(CLUTTER_RULES.map((r) => r.id)).toEqual(ORDER);
    for (const rule of CLUTTER_RULES) expect(FAMILIES).toContain(rule.family);
    for (const family of FAMILIES) {
      expect(
        CLUTTER_RULES.some((r) => r.family === family),
        `family ${family} has no rule`,
      ).toBe(true);
      expect(
        existsSync(join(process.cwd(), `tests/unit/clutter-${family}.test.ts`)),
        `tests/unit/clutter-${family}.test.ts`,
      ).toBe(true);
    }
  });
});

/** A rule that removes the elements `selector` finds, counting them. */
const removing = (id: string, selector: string): ClutterRule => ({
  id,
  family: 'widgets',
  why: `Removes ${selector} (a test rule).`,
  apply: (root, run) => {
    const found = Array.from(root.querySelectorAll(selector));
    for (const el of found) run.drop(el, `matches ${selector}`);
    return found.length;
  },
});

describe('the runner', () => {
  test('runs the rules in order, counts per rule, and times each rule when asked', () => {
    const root = parse('<div id="r"><p class="a">One</p><p class="b">Two</p><p class="b">Three</p></div>').getElementById('r')!;
    const seen: string[] = [];
    const watching = (id: string): ClutterRule => ({
      id,
      family: 'repeats',
      why: 'Notes the text it sees (a test rule).',
      apply: (r, run) => (seen.push(`${id}:${run.memo.text(r)}`), 0),
    });
    const phases: Record<string, number> = {};
    const counts = removeClutter(
      root,
      [watching('first'), removing('a', '.a'), watching('second'), removing('b', '.b'), watching('third')],
      {},
      { phases },
    );
    expect(counts).toEqual({ first: 0, a: 1, second: 0, b: 2, third: 0 });
    // One memo for the run, and each rule reads the text the rules before it left.
    expect(seen).toEqual(['first:One Two Three', 'second:Two Three', 'third:']);
    expect(Object.keys(phases).sort()).toEqual(['rule:a', 'rule:b', 'rule:first', 'rule:second', 'rule:third']);
  });

  test('a run keeps nothing for the next one: text changed between two runs is read afresh', () => {
    const root = parse('<div id="r"><p>Share</p><p>Tweet</p></div>').getElementById('r')!;
    const texts: string[] = [];
    const reading: ClutterRule = {
      id: 'reading',
      family: 'share',
      why: 'Notes the text it sees (a test rule).',
      apply: (r, run) => (texts.push(run.memo.text(r)), 0),
    };
    removeClutter(root, [reading]);
    root.firstElementChild!.textContent = 'Print';
    removeClutter(root, [reading]);
    expect(texts).toEqual(['Share Tweet', 'Print Tweet']);
  });

  test('rules never remove the root, <main> or <article>, and leave a clean page alone', () => {
    const doc = parse('<!doctype html><html><body><article><p>Share</p></article><main><p>© 2024 Foo</p></main></body></html>');
    removeClutter(doc.body);
    expect(doc.querySelector('article')).not.toBeNull();
    expect(doc.querySelector('main')).not.toBeNull();
    const clean = parse(
      `<!doctype html><html><body><div><h1>Libraries stay open late</h1><p>The council voted on Tuesday to extend the opening hours.</p><ul><li>Monday to Friday: until 10 p.m.</li><li>Weekends: until 6 p.m.</li></ul><blockquote>"We are thrilled," the librarian said.</blockquote></div></body></html>`,
    );
    const before = clean.body.innerHTML;
    const counts = removeClutter(clean.body);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(clean.body.innerHTML).toBe(before);
  });

  test('a large page is cleaned in reasonable time (no pathological patterns)', () => {
    const line = (i: number) =>
      `<div><span>기자${i} 이름${i} 부서${i} 팀${i} 직함${i} 호칭${i} 추가${i} 더${i}</span><a href="/x">reporter.name${i}@example.co.kr-not-an-address-</a></div>`;
    const doc = parse(`<!doctype html><html><body>${Array.from({ length: 400 }, (_, i) => line(i)).join('')}</body></html>`);
    const t0 = performance.now();
    removeClutter(doc.body);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('the removal record', () => {
  const page = () =>
    parse(`<!doctype html><html><body><div id="r"><p>The council voted on Tuesday to extend the opening hours of the city's public libraries to ten at night.</p>
      <p>Copyright ⓒ 매일방송. 무단전재 및 재배포 금지</p>
      <figure><img src="a.jpg" alt="vance"><figcaption>비트코인 2025에서 연설 중인 JD 밴스 미국 부통령. 사진=BTC미디어</figcaption></figure>
      <div class="newsletter"><p>Get our morning briefing</p></div></div></body></html>`).getElementById('r')!;

  test('names, for each node that went, the rule, its family, why and the text; the article is the same with or without it', () => {
    const removals: Removal[] = [];
    const recorded = page();
    const counts = removeClutter(recorded, CLUTTER_RULES, {}, { empty: true, removals });
    const plain = page();
    expect(removeClutter(plain, CLUTTER_RULES, {}, { empty: true })).toEqual(counts);
    expect(recorded.innerHTML).toBe(plain.innerHTML);

    expect(removals).toContainEqual({
      rule: 'copyright-line',
      family: 'notices',
      reason: 'the whole line matches',
      text: 'Copyright ⓒ 매일방송. 무단전재 및 재배포 금지',
      node: 'p',
      stage: 'after-readability',
    });
    // A credit cut off the end of a caption: the part that went.
    expect(removals).toContainEqual({
      rule: 'photo-credit',
      family: 'credits',
      reason: 'a credit at the end of a caption',
      text: '사진=BTC미디어',
      node: '#text',
      stage: 'after-readability',
    });
    expect(removals).toContainEqual({
      rule: 'newsletter-box',
      family: 'named-boxes',
      reason: 'class or id says "newsletter"',
      text: 'Get our morning briefing',
      node: 'div',
      stage: 'after-readability',
    });
    // Every entry names a rule that ran (or the engine's tidy-up of empty wrappers) and says why.
    const ids = new Set(CLUTTER_RULES.map((r) => r.id));
    for (const r of removals) {
      expect(ids.has(r.rule) || (r.rule === 'empty-wrapper' && r.family === 'engine')).toBe(true);
      expect(r.reason.length).toBeGreaterThan(5);
    }
    // What the record says went is what went.
    for (const r of removals) if (r.text) expect(recorded.textContent).not.toContain(r.text);
    expect(recorded.textContent).toContain('The council voted on Tuesday');
  });
});

describe('removeEmpty', () => {
  test('removeEmpty drops empty wrappers but keeps pictures, and a space held by an inline element', () => {
    const doc = parse(
      '<!doctype html><html><body><div id="r"><p>price tag of<b>&nbsp;</b>$35 USD.</p><div><span></span></div><p><img src="a.jpg" alt="a"></p><ul><li> </li></ul><p>End</p></div></body></html>',
    );
    const root = doc.getElementById('r')!;
    removeEmpty(root);
    expect(root.textContent).toContain('price tag of $35 USD.');
    expect(root.querySelector('img')).not.toBeNull();
    expect(root.querySelector('span, ul')).toBeNull();
  });

  test('removeEmpty keeps a line break that an inline element holds: the lines stay apart', () => {
    const doc = parse(
      '<!doctype html><html><body><div id="r"><p><span>행동: 0937-141993</span><span><br></span><span>林錦武 (泰雅族名: 摟信)</span><span lang="en"><br></span><span>營地地址：新竹縣</span></p><p><br></p></div></body></html>',
    );
    const root = doc.getElementById('r')!;
    removeEmpty(root);
    expect(toPlainText(root)).toBe('행동: 0937-141993\n林錦武 (泰雅族名: 摟信)\n營地地址：新竹縣');
    // A paragraph that holds nothing but a break is only a gap.
    expect(root.querySelectorAll('p')).toHaveLength(1);
  });
});

describe('shared tests', () => {
  test('looksLikeProse: sentences, not labels or notices', () => {
    expect(looksLikeProse('선관위는 투표용지의 글자 크기를 키우기로 했다.')).toBe(true);
    expect(looksLikeProse('무단 전재, 복사, 배포를 금합니다.')).toBe(false);
    expect(looksLikeProse('글자크기 설정')).toBe(false);
    expect(looksLikeProse('The font size on the ballot was too small.')).toBe(true);
    expect(looksLikeProse('Subscribe to our newsletter for the latest updates.')).toBe(false);
    expect(looksLikeProse('Text size')).toBe(false);
  });

  test('standsAlone: a line of its own, not a word inside a sentence', () => {
    const doc = parse(
      '<p id="a">The <em>font size</em> was small.</p><p><span id="b">Text size</span><button>A+</button></p><p>Body<br><span id="c">ⓒ Foo</span></p>',
    );
    expect(standsAlone(doc.querySelector('em')!)).toBe(false);
    expect(standsAlone(doc.getElementById('b')!)).toBe(true);
    expect(standsAlone(doc.getElementById('c')!)).toBe(true);
  });

  test('holdsProse: a container with a real paragraph, not a headline list', () => {
    const doc = parse(
      `<div id="list"><a href="/1">${'Headline '.repeat(30)}</a></div><div id="story"><p>${'The council voted. '.repeat(15)}</p></div>`,
    );
    expect(holdsProse(doc.getElementById('list')!)).toBe(false);
    expect(holdsProse(doc.getElementById('story')!)).toBe(true);
  });
});
