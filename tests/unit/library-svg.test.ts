// An SVG stored with a saved copy could run its scripts if opened by itself: lib/library/svg.ts
// keeps shapes only (DOMPurify's SVG profile; jsdom here, the parser page in the browsers).
import { sanitizeSvg } from '@/lib/library/svg';

test('scripts, foreignObject, event handlers, links and outside addresses go; the shapes stay', () => {
  const dirty = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">
    <script>alert(2)</script>
    <foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(3)"/></body></foreignObject>
    <a href="javascript:alert(4)"><circle cx="5" cy="5" r="4"/></a>
    <image href="https://tracker.example/p.gif" width="1" height="1"/>
    <use href="https://evil.example/sprite.svg#x"/>
    <rect width="4" height="4" fill="#c00" onclick="alert(5)" style="fill:url(https://tracker.example/f)"/>
    <set attributeName="onmouseover" to="alert(6)"/>
  </svg>`;
  const clean = sanitizeSvg(dirty)!;
  expect(clean).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(clean).toContain('<rect');
  expect(clean).not.toMatch(/script|foreignObject|onload|onclick|onerror|javascript:|tracker|evil|<set|<image|<use/i);
});

test('what is no SVG, or nothing once cleaned, is not stored', () => {
  expect(sanitizeSvg('<html><body><script>alert(1)</script></body></html>')).toBeNull();
  expect(sanitizeSvg('not even markup')).toBeNull();
  expect(sanitizeSvg('<svg><script>alert(1)</script></svg>')).toMatch(/^<svg/); // an empty drawing, harmless
});

test('a gradient referenced inside the drawing is kept', () => {
  const clean = sanitizeSvg(
    '<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect fill="url(#g)" width="4" height="4"/></svg>',
  );
  expect(clean).toContain('url(#g)');
});
