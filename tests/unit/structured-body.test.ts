// A story Readability finds only part of (here the rest is not in the page's markup at all, as on a
// page whose script renders it later): the page's JSON-LD articleBody brings back the rest, but
// only when it is much longer and the same story, and never on a page that marks content not free.
import { extract } from '@/lib/article/extract';
import { structuredBody } from '@/lib/article/structured-body';
import { parse } from './article-helpers';

const SHOWN = [
  'The council voted on Tuesday to extend the opening hours of the city’s public libraries to ten at night, after a year of petitions from students and shift workers.',
  'Librarians said the change would need twelve new posts, which the council agreed to fund from the culture budget for at least three years.',
  'The first branches to stay open late will be the central library and the two largest district libraries, from the first of March next year.',
];
const REST = Array.from(
  { length: 8 },
  (_, i) =>
    `Paragraph ${i + 1} of the rest of the story goes on about the opening hours, the staff, the budget and the students who asked for it, with new details each time (${i}).`,
);

function page(jsonLd: object, extraHead = ''): Document {
  return parse(
    `<!doctype html><html lang="en"><head><title>Libraries stay open late</title>
      <script type="application/ld+json">${JSON.stringify(jsonLd)}</script>${extraHead}</head><body>
      <article><h1>Libraries stay open late</h1>${SHOWN.map((p) => `<p>${p}</p>`).join('')}</article>
      <aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">And another</a></li></ul></aside>
    </body></html>`,
    'https://news.example/libraries',
  );
}

const body = [...SHOWN, ...REST].join('\n');
const URL_ = 'https://news.example/libraries';

describe('the structured article body', () => {
  test('a much longer articleBody of the same story gives the whole story', () => {
    const article = extract(page({ '@context': 'https://schema.org', '@type': 'NewsArticle', articleBody: body }), URL_)!;
    for (const p of [...SHOWN, ...REST]) expect(article.bodyText).toContain(p);
    expect(article.contentHtml).toContain(REST[7]);
  });

  test('in a @graph, with HTML entities and an editor’s markup line', () => {
    const html = `+++dropcap\n${SHOWN.join('\n')}\n${REST.map((p) => p.replace('the staff', 'the staff &amp; volunteers')).join('\n')}`;
    const doc = page({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['NewsArticle'], articleBody: html }] });
    const article = extract(doc, URL_)!;
    expect(article.bodyText).toContain('the staff & volunteers');
    expect(article.bodyText).not.toContain('+++dropcap');
  });

  test('not on a page that marks its content not free: what the paywall hides stays hidden', () => {
    for (const doc of [
      page({ '@type': 'NewsArticle', articleBody: body, isAccessibleForFree: 'False' }),
      page({ '@type': 'NewsArticle', articleBody: body, hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false } }),
      page({ '@type': 'NewsArticle', articleBody: body }, '<meta property="article:content_tier" content="locked">'),
    ]) {
      expect(structuredBody(doc).locked).toBe(true);
      expect(extract(doc, URL_)!.bodyText).not.toContain(REST[7]);
    }
  });

  test('not when it is another story, or not much longer', () => {
    const other = REST.concat(REST).join('\n');
    expect(extract(page({ '@type': 'NewsArticle', articleBody: other }), URL_)!.bodyText).not.toContain(REST[0]);
    const short = [...SHOWN, REST[0]].join('\n');
    expect(extract(page({ '@type': 'NewsArticle', articleBody: short }), URL_)!.bodyText).not.toContain(REST[0]);
  });
});
