import { restrictionOf } from '@/lib/restricted';

test.each([
  ['https://news.example.com/a/1', null],
  ['http://127.0.0.1:8080/demo/article.html', null],
  ['chrome://settings/', 'browser'],
  ['about:addons', 'browser'],
  ['edge://newtab', 'browser'],
  ['view-source:https://example.com', 'browser'],
  ['moz-extension://abc/popup.html', 'browser'],
  ['https://chromewebstore.google.com/detail/x', 'store'],
  ['https://addons.mozilla.org/ko/firefox/', 'store'],
  ['https://example.com/report.pdf', 'pdf'],
  ['file:///home/me/page.html', 'file'],
  [undefined, 'other'],
  ['data:text/html,hi', 'other'],
])('%s → %s', (url, expected) => {
  expect(restrictionOf(url)).toBe(expected);
});

test('file pages are fine once the user allowed file access', () => {
  expect(restrictionOf('file:///home/me/page.html', true)).toBeNull();
});
