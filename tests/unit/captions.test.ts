// Figure captions told apart from the body: the reader keeps them (text and HTML), the body has
// none, and a paragraph of the story is never taken for a caption.
import { figureCaptions, splitCaptions } from '@/lib/article/captions';
import { extract } from '@/lib/article/extract';
import { parse } from './article-helpers';

const STORY = [
  'The council voted on Tuesday to extend the opening hours of the city’s public libraries to ten at night, after a year of petitions from students and shift workers.',
  'Librarians said the change would need twelve new posts, which the council agreed to fund from the culture budget for at least three years.',
  'The first branches to stay open late will be the central library and the two largest district libraries, from the first of March.',
];

function page(figures: string): Document {
  return parse(
    `<!doctype html><html lang="en"><head><title>Libraries stay open late</title></head><body><article>
      <h1>Libraries stay open late</h1>
      <p>${STORY[0]}</p>
      ${figures}
      <p>${STORY[1]}</p>
      <p>${STORY[2]}</p>
    </article></body></html>`,
    'https://news.example/libraries',
  );
}

describe('figure captions', () => {
  test.each([
    ['a figcaption', '<figure><img src="/a.jpg" alt=""><figcaption>The central library at night.</figcaption></figure>'],
    [
      'a figure’s caption and credit blocks',
      '<figure><div><img src="/a.jpg" alt=""></div><p>The central library at night.</p><small>Photo: City archive</small></figure>',
    ],
    [
      'a block named a caption next to its picture',
      '<div class="media"><img src="/a.jpg" alt=""></div><p class="image-caption">The central library at night.</p>',
    ],
    [
      'a loose caption beside its picture (Readability wraps it in a paragraph of its own)',
      '<div class="photo"><p><picture><img src="/a.jpg" alt=""></picture></p><span class="newsCaption">The central library at night.</span></div>',
    ],
    [
      'a caption box that wraps its picture',
      '<div class="wp-caption"><img src="/a.jpg" alt=""><p class="wp-caption-text">The central library at night.</p></div>',
    ],
  ])('%s: in the reader’s text, not in the body', (_name, figure) => {
    const article = extract(page(figure), 'https://news.example/libraries')!;
    expect(article.text).toContain('The central library at night.');
    expect(article.contentHtml).toContain('The central library at night.');
    expect(article.bodyText).not.toContain('The central library at night.');
    expect(article.captions?.join(' ')).toContain('The central library at night.');
    for (const p of STORY) expect(article.bodyText).toContain(p);
  });

  test('a caption wrapped alone in its own block is judged where it stands', () => {
    const doc = parse(
      '<div><p><img src="/a.jpg" alt=""></p><p><span class="caption">Near.</span></p></div><div><p><span class="caption">Alone, far from any picture.</span></p><p>Text.</p></div>',
    );
    expect(figureCaptions(doc.body).map((el) => el.textContent)).toEqual(['Near.']);
  });

  test('a caption Readability stripped of its picture and its class is known by its text in the page', () => {
    const page = parse(
      '<main><div class="box"><img src="/a.jpg" alt=""><div class="caption-text">An artist’s view of the new central library.</div></div><p>Not a caption, though short enough to be one.</p></main>',
    );
    const result = parse(
      '<div><p>An artist’s view of the new central library.</p><p>Not a caption, though short enough to be one.</p></div>',
    );
    const texts = (els: Element[]) => els.map((el) => el.textContent);
    expect(texts(figureCaptions(result.body, page))).toEqual(['An artist’s view of the new central library.']);
    expect(figureCaptions(result.body)).toEqual([]);
  });

  test('a figure without a picture (a pull quote) is no caption', () => {
    const article = extract(
      page('<figure><blockquote>“We waited years for this.”</blockquote><figcaption>A student</figcaption></figure>'),
      'https://news.example/libraries',
    )!;
    expect(article.bodyText).toContain('We waited years for this.');
    expect(article.captions).toEqual(['A student']);
  });

  test('a long block named a caption, or one far from any picture, stays in the body', () => {
    const long = `<div class="caption-wrapper"><p>${STORY[0]} ${STORY[1]} ${STORY[2]} ${STORY[0]} ${STORY[1]}</p></div>`;
    const doc = parse(`<div><img src="/a.jpg"><p class="caption">Near.</p></div>${long}<p class="caption-note">Alone.</p>`);
    const found = figureCaptions(doc.body).map((el) => el.textContent);
    expect(found).toEqual(['Near.']);
  });

  test('a story paragraph with a caption’s words elsewhere stays: captions go where they stand', () => {
    const doc = parse('<p>Same words.</p><figure><img src="/a.jpg"><figcaption>Same words.</figcaption></figure><p>After.</p>');
    const { body, captions } = splitCaptions(figureCaptions(doc.body), 'Same words.\n\nSame words.\n\nAfter.');
    expect(body).toBe('Same words.\n\nAfter.');
    expect(captions).toEqual(['Same words.']);
  });
});
