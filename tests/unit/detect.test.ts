// The cheap "is this an article?" check: Readability's own readerable flag on its test pages, our
// verdict on real Korean portal pages, and the signals one by one on small synthetic pages.
import { detect, hasStructuredArticle, textLength } from '@/lib/article/detect';
import { koreanPages, parse, READABILITY_URL, readabilityPages } from './article-helpers';

const pages = readabilityPages();

/**
 * Readability's test pages flagged `"readerable": false`, and what a user should see on each: all
 * eight are pages without an article to read, so the toolbar icon stays plain on every one.
 */
const NOT_READERABLE: Record<string, { isArticle: boolean; why: string }> = {
  ol: { isArticle: false, why: 'one list item of 100 characters' },
  'js-link-replacement': { isArticle: false, why: 'three words inside a javascript: link' },
  '005-unescape-html-entities': { isArticle: false, why: 'the word "Test" and a broken description' },
  'invalid-attributes': { isArticle: false, why: 'one sentence of Lorem ipsum' },
  'remove-aria-hidden': { isArticle: false, why: 'two sentences of Lorem ipsum under a heading' },
  'lazy-image-3': { isArticle: false, why: 'two images and two headings, no text' },
  'mozilla-2': {
    isArticle: false,
    why: 'a product landing page (Firefox Developer Edition), feature blurbs and download buttons',
  },
  mathjax: { isArticle: false, why: 'a MathJax rendering demo: formulas and one-line captions' },
};

describe('Readability test pages', () => {
  test('the fixtures hold every not-readerable page of the corpus and a varied set of readerable ones', () => {
    const flagged = pages.filter((p) => !p.meta.readerable).map((p) => p.name);
    expect(flagged.sort()).toEqual(Object.keys(NOT_READERABLE).sort());
    expect(pages.filter((p) => p.meta.readerable).length).toBeGreaterThanOrEqual(14);
    expect(pages.some((p) => p.meta.dir === 'rtl')).toBe(true);
  });

  test.each(pages.map((p) => [p.name, p] as const))(
    '%s: readerable matches Readability, isArticle as expected',
    (_name, page) => {
      const d = detect(parse(page.source, READABILITY_URL));
      expect(d.readerable).toBe(page.meta.readerable);
      if (page.meta.readerable) expect(d.isArticle).toBe(true);
      else expect(d.isArticle).toBe(NOT_READERABLE[page.name]!.isArticle);
    },
  );
});

describe('Korean portal pages', () => {
  test.each(koreanPages().map((p) => [p.id, p] as const))('%s', (_id, page) => {
    const d = detect(parse(page.source, page.url));
    expect(d.isArticle).toBe(page.article);
    expect(d.title.length).toBeGreaterThan(0);
  });
});

const PROSE = Array.from(
  { length: 4 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the council voted on Tuesday to extend the opening hours of the city's public libraries, after a year in which evening visits rose by a third and students asked for quiet places to work late.</p>`,
).join('');
const page = (head: string, body: string) =>
  parse(`<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`);

describe('signals', () => {
  test('text length counts runs of white space (any the pattern \\s knows) as one, ends trimmed', () => {
    const texts = [
      '',
      '   ',
      'word',
      '  two  words  ',
      'a\u00a0\u00a0b',
      '\ufeff가\u3000나\u2028다\u202f',
      '\n\t line\r\n\v\fbreaks \u2000\u200a x ',
      'no\u200bwidth',
      `${PROSE}\n\n  ${PROSE}`,
    ];
    for (const text of texts) {
      const el = parse(`<div></div>`).querySelector('div')!;
      el.textContent = text;
      expect(textLength(el), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' ').trim().length);
    }
    expect(textLength(null)).toBe(0);
  });

  test('JSON-LD NewsArticle is structured data', () => {
    const doc = page(
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</script>',
      `<div>${PROSE}</div>`,
    );
    expect(hasStructuredArticle(doc)).toBe(true);
    expect(detect(doc)).toMatchObject({ structured: true, isArticle: true });
  });

  test('an article type inside @graph, as an array, or as a full schema.org URL counts', () => {
    for (const ld of [
      '{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"BreadcrumbList"},{"@type":["ReportageNewsArticle"]}]}',
      '[{"@type":"Organization"},{"@type":"BlogPosting"}]',
      '{"@type":"https://schema.org/Article"}',
      '{"@type":"WebPage","mainEntity":{"@type":"Article"}}',
    ]) {
      expect(hasStructuredArticle(page(`<script type="application/ld+json">${ld}</script>`, '')), ld).toBe(true);
    }
    expect(hasStructuredArticle(page('<script type="application/ld+json">{"@type":"WebSite"}</script>', ''))).toBe(false);
    expect(hasStructuredArticle(page('', '<div itemscope itemtype="https://schema.org/NewsArticle"></div>'))).toBe(true);
  });

  test('broken JSON-LD is no signal and does not throw', () => {
    const doc = page(
      '<script type="application/ld+json">{"@type": "NewsArticle",, </script><script type="application/ld+json"></script>',
      `<div>${PROSE}</div>`,
    );
    expect(() => detect(doc)).not.toThrow();
    expect(detect(doc).structured).toBe(false);
    // The prose is still there to read.
    expect(detect(doc).isArticle).toBe(true);
  });

  test('og:type=article with some prose is an article; without prose it is not', () => {
    const og = '<meta property="og:type" content="article">';
    const short =
      "<p>The council voted on Tuesday to extend the opening hours of the city's public libraries, after a year in which evening visits rose by a third and students asked for quiet places to work late at night in town.</p>";
    expect(detect(page(og, `<div>${short}${short}</div>`))).toMatchObject({ ogArticle: true, isArticle: true });
    expect(detect(page(og, '<div><p>Photo gallery</p></div>'))).toMatchObject({ ogArticle: true, isArticle: false });
  });

  test('a list page with many <article> teasers is not an article, even with article metadata', () => {
    const teaser = (i: number) =>
      `<article><h2><a href="/story/${i}">Story number ${i} about the city budget and libraries</a></h2><p>The council voted on Tuesday to extend the opening hours of the city's public libraries, after a year in which evening visits rose by a third and students asked for quiet places.</p></article>`;
    const doc = page(
      '<meta property="og:type" content="article"><script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      `<main>${Array.from({ length: 8 }, (_, i) => teaser(i)).join('')}</main>`,
    );
    const d = detect(doc);
    expect(d.articleElementCount).toBe(8);
    expect(d.isArticle).toBe(false);
  });

  test('one long <article> followed by comments that are <article>s too is an article', () => {
    const comment = (i: number) =>
      `<article class="comment"><p>Comment ${i}: I go to the library on Thursday evenings and it is always full, so longer hours are welcome news for students like me in town.</p></article>`;
    const doc = page(
      '',
      `<article>${PROSE}${PROSE}</article><section>${Array.from({ length: 6 }, (_, i) => comment(i)).join('')}</section>`,
    );
    expect(detect(doc).isArticle).toBe(true);
  });

  test('a story that declares itself an article, with related stories as <article> teasers around it, is an article', () => {
    const teaser = (i: number) =>
      `<article><h2><a href="/story/${i}">Story number ${i} about the city budget and libraries</a></h2><p>The council voted on Tuesday to extend the opening hours of the city's public libraries, after a year in which evening visits rose by a third and students asked for quiet places.</p></article>`;
    const doc = page(
      '<meta property="og:type" content="article">',
      `<main><div class="story"><h1>Libraries stay open late</h1>${PROSE}${PROSE}</div><aside>${Array.from({ length: 6 }, (_, i) => teaser(i)).join('')}</aside></main>`,
    );
    const d = detect(doc);
    expect(d.articleElementCount).toBe(6);
    expect(d.isArticle).toBe(true);
  });

  test('one <article> of a thousand characters on a readable page is an article, even when its lines are short', () => {
    const items = Array.from(
      { length: 14 },
      (_, i) => `<li>Step ${i + 1}: fill the cannon with fog and aim it at the far wall.</li>`,
    ).join('');
    const intro =
      '<p>Our vortex cannon is a bin with a hole in its lid and a rubber sheet over its bottom; pull the sheet and a ring of air flies across the room, strong enough to knock down a paper cup at ten metres, as the class found out on Friday afternoon in the gym.</p>';
    const d = detect(
      page('', `<header><a href="/">Home</a></header><article><h1>Build a vortex cannon</h1>${intro}<ol>${items}</ol></article>`),
    );
    expect(d.articleElementCount).toBe(1);
    expect(d.proseText).toBeLessThan(500);
    expect(d.isArticle).toBe(true);
  });

  test('a page that is mostly links (a portal front page) is not an article', () => {
    const links = Array.from(
      { length: 60 },
      (_, i) => `<li><a href="/n/${i}">Headline number ${i} about something that happened</a></li>`,
    ).join('');
    const doc = page(
      '',
      `<nav><ul>${links}</ul></nav><p>Short blurb about the site and what it offers to its readers every day, with a few words more to make a paragraph that is long enough.</p>`,
    );
    const d = detect(doc);
    expect(d.linkDensity).toBeGreaterThan(0.55);
    expect(d.isArticle).toBe(false);
  });

  test('a short Korean article (four paragraphs, 400 characters) without metadata is an article: Korean says as much in fewer characters', () => {
    const p =
      '<p>시의회는 화요일 시립 도서관의 운영 시간을 밤 10시까지 늘리는 조례안을 통과시켰다. 지난해 저녁 방문객이 3분의 1 늘었고, 학생들이 늦게까지 공부할 조용한 공간을 요청해 왔다.</p>';
    const doc = parse(
      `<!doctype html><html lang="ko"><head><title>도서관</title></head><body><div>${p}${p}${p}${p}</div></body></html>`,
    );
    expect(detect(doc).isArticle).toBe(true);
  });

  test('detect does not change the page', () => {
    const doc = page('<script type="application/ld+json">{"@type":"NewsArticle"}</script>', `<div>${PROSE}</div>`);
    const before = doc.documentElement.outerHTML;
    detect(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
