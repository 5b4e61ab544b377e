// The standfirst (lead paragraph under the headline) printed apart from the body is kept, first;
// a line that is neither the page's description nor named a standfirst is not taken for one.
import { extract } from '@/lib/article/extract';
import { parse } from './article-helpers';

const STORY = [
  'The council voted on Tuesday to extend the opening hours of the city’s public libraries to ten at night, after a year of petitions from students and shift workers.',
  'Librarians said the change would need twelve new posts, which the council agreed to fund from the culture budget for at least three years.',
  'The first branches to stay open late will be the central library and the two largest district libraries, from the first of March next year.',
  'Students’ unions welcomed the decision and said they would keep asking for weekend hours as well, which the council has promised to look at in the spring.',
];
const LEAD = 'Städtische Bibliotheken bleiben bald bis 22 Uhr geöffnet – der Rat folgt damit einer Petition.';

function page(header: string, description = ''): Document {
  return parse(
    `<!doctype html><html lang="de"><head><title>Bibliotheken länger offen</title>
      ${description ? `<meta name="description" content="${description}">` : ''}</head><body>
      <div class="top"><h1>Bibliotheken länger offen</h1>${header}<span class="date">12.03.2026, 10:15 Uhr</span></div>
      <div class="text">${STORY.map((p) => `<p>${p}</p>`).join('')}</div>
    </body></html>`,
    'https://news.example/bibliotheken',
  );
}

describe('the standfirst', () => {
  test.each([
    ['the page’s description', page(`<div class="x1">${LEAD}</div>`, LEAD)],
    ['named by its class', page(`<p class="article-intro">${LEAD}</p>`)],
  ])('%s: kept, before the body', (_name, doc) => {
    const article = extract(doc, 'https://news.example/bibliotheken')!;
    expect(article.bodyText?.startsWith(LEAD)).toBe(true);
    expect(article.text.startsWith(LEAD)).toBe(true);
    expect(article.contentHtml).toContain(LEAD);
    for (const p of STORY) expect(article.bodyText).toContain(p);
  });

  test('an offer to subscribe under the headline, named like a standfirst, is not taken', () => {
    const offer = 'Just R20 for the first month. Support independent journalism by subscribing to our digital edition.';
    const article = extract(page(`<p class="article-intro">${offer}</p>`), 'https://news.example/bibliotheken')!;
    expect(article.text).not.toContain('Just R20');
    for (const p of STORY) expect(article.bodyText).toContain(p);
  });

  test('a line under the headline that is neither is not taken', () => {
    const article = extract(page(`<div class="x1">${LEAD}</div>`), 'https://news.example/bibliotheken')!;
    expect(article.text).not.toContain(LEAD);
  });

  test('a standfirst the body already holds is not doubled', () => {
    const doc = page('', STORY[0]);
    const article = extract(doc, 'https://news.example/bibliotheken')!;
    expect(article.text.split(STORY[0]!).length).toBe(2);
  });
});
