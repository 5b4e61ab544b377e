// Captions found by structure (lib/reader-aids/captions.ts): a figure's figcaption, the short block
// after a picture that is set apart or opens with a caption mark, the row under a photo in a
// one-column table; never a body paragraph that happens to follow a picture.
import { captionFor, isCredit } from '@/lib/reader-aids/captions';

function dom(html: string): HTMLElement {
  // Parsed in an inert document, as the reader's article is (sanitizeToFragment).
  return new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body.firstElementChild as HTMLElement;
}
const caption = (html: string) => {
  const root = dom(html);
  return captionFor(root.querySelector('img')!, root)?.textContent?.trim() ?? null;
};

test('a figcaption is the caption of its figure', () => {
  expect(caption('<figure><img src="a.jpg"><figcaption>The harbour at dawn.</figcaption></figure>')).toBe('The harbour at dawn.');
});

test('an italic or small line right after a picture is its caption, inside or outside a wrapper', () => {
  expect(caption('<p><img src="a.jpg"></p><p><em>Readers at the long desk.</em></p><p>Body text.</p>')).toBe(
    'Readers at the long desk.',
  );
  expect(caption('<div><div><img src="a.jpg"></div></div><div><small>Photo by the city</small></div>')).toBe('Photo by the city');
  // Empty paragraphs between the picture and its caption are skipped.
  expect(caption('<p><img src="a.jpg"></p><p> </p><p><i>Lanterns on the river.</i></p>')).toBe('Lanterns on the river.');
});

test('a line that opens with a caption mark or a picture label is a caption, in any language', () => {
  expect(caption('<p><img src="a.jpg"></p><p>▲ 17일 서울 중구에서 시민들이 걷고 있다.</p>')).toBe(
    '▲ 17일 서울 중구에서 시민들이 걷고 있다.',
  );
  expect(caption('<p><img src="a.jpg"></p><p>Photo: the new bridge from the east bank.</p>')).toBe(
    'Photo: the new bridge from the east bank.',
  );
  expect(caption('<p><img src="a.jpg"></p><p>写真：開館初日の様子</p>')).toBe('写真：開館初日の様子');
});

test('the row under a photo in a one-column table is its caption', () => {
  expect(caption('<table><tr><td><img src="a.jpg"></td></tr><tr><td>시민들이 도서관에 모여 있다.</td></tr></table>')).toBe(
    '시민들이 도서관에 모여 있다.',
  );
});

test('a plain body paragraph, a long block or a heading after a picture is no caption', () => {
  expect(caption('<p><img src="a.jpg"></p><p>The council voted on Tuesday to keep the hours.</p>')).toBeNull();
  expect(caption(`<p><img src="a.jpg"></p><p><em>${'A very long emphasised passage. '.repeat(12)}</em></p>`)).toBeNull();
  expect(caption('<p><img src="a.jpg"></p><h2>Photo: a heading</h2>')).toBeNull();
  // Only part of it set apart: a paragraph with emphasis, not a caption.
  expect(caption('<p><img src="a.jpg"></p><p>The <em>main</em> room stays open.</p>')).toBeNull();
  // Another picture next: the gallery's second picture is not the first one's caption.
  expect(caption('<p><img src="a.jpg"></p><p><img src="b.jpg"></p>')).toBeNull();
});

test('credit lines are told apart from captions', () => {
  expect(isCredit('Photo: Getty Images')).toBe(true);
  expect(isCredit('사진=연합뉴스')).toBe(true);
  expect(isCredit('© AP')).toBe(true);
  expect(isCredit('The harbour at dawn, photographed from the ferry.')).toBe(false);
});
