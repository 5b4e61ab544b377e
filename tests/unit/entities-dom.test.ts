// Spans back into the DOM across inline markup and text-node boundaries, and out again exactly.
import { highlightEntities, mentionsOf, removeHighlights, textOf } from '@/lib/entities/dom';
import { entityId } from '@/lib/entities/group';
import type { EntitySpan } from '@/lib/entities/types';

function article(html: string): HTMLElement {
  const root = document.createElement('div');
  // Test-authored markup, not page input.
  // eslint-disable-next-line no-unsanitized/property
  root.innerHTML = html;
  return root;
}

const spanOf = (text: string, needle: string, type: EntitySpan['type'], from = 0): EntitySpan => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`${needle} not in text`);
  return { start, end: start + needle.length, type, text: needle };
};

describe('textOf', () => {
  it('reads text nodes in order and separates blocks, not inline elements', () => {
    const root = article('<p>이재용 <b>삼성전자</b> 회장은</p><p>샘 <a href="#">올트먼</a></p><script>x()</script>');
    expect(textOf(root).text).toBe('이재용 삼성전자 회장은\n샘 올트먼\n');
  });
});

describe('highlightEntities', () => {
  const html =
    '<p>이재용 <b>삼성</b>전자 회장은 <a href="https://example.org/">샘 올트먼 오픈AI</a> CEO와 만났다.</p><p>올트먼은 <i>서울</i>에 왔다.</p>';

  it('wraps a span crossing a link or bold text in one mark per piece, with the type in class and title', () => {
    const root = article(html);
    const text = textOf(root).text;
    const spans = [spanOf(text, '삼성전자', 'org'), spanOf(text, '샘 올트먼', 'person'), spanOf(text, '서울', 'place')];
    const handle = highlightEntities(root, spans, ['org', 'person', 'place'], { label: (s) => `${s.type}: ${s.text}` });
    const marks = [...root.querySelectorAll('mark.ra-ent')];
    expect(marks.map((m) => [m.textContent, m.className, m.parentElement!.tagName])).toEqual([
      ['삼성', 'ra-ent ra-ent-org', 'B'],
      ['전자', 'ra-ent ra-ent-org', 'P'],
      ['샘 올트먼', 'ra-ent ra-ent-person', 'A'],
      ['서울', 'ra-ent ra-ent-place', 'I'],
    ]);
    expect(marks[0]!.getAttribute('title')).toBe('org: 삼성전자');
    expect(textOf(root).text).toBe(text);
    // One mention drawn by two marks.
    expect(handle.mentionsOf(entityId(spans[0]!)).map((m) => m.map((x) => x.textContent).join(''))).toEqual(['삼성전자']);
  });

  it('restores the DOM exactly: same markup, same text, the very same text nodes', () => {
    const root = article(html);
    const before = root.innerHTML;
    const textNodes = textOf(root).nodes.map((n) => n.node);
    const text = textOf(root).text;
    highlightEntities(
      root,
      [spanOf(text, '이재용 삼성전자', 'person'), spanOf(text, '올트먼 오픈AI', 'org'), spanOf(text, '서울', 'place')],
      ['person', 'org', 'place'],
    );
    expect(root.innerHTML).not.toBe(before);
    removeHighlights(root);
    expect(root.innerHTML).toBe(before);
    expect(root.textContent).toBe(article(html).textContent);
    expect(textOf(root).nodes.map((n) => n.node)).toEqual(textNodes);
  });

  it('draws only enabled types and groups, and skips a span overlapping one already drawn', () => {
    const root = article('<p>2025년 2월 4일 오후 3시 삼성전자</p>');
    const text = textOf(root).text;
    const spans = [
      spanOf(text, '2025년 2월 4일', 'date'),
      spanOf(text, '4일 오후', 'time'),
      spanOf(text, '오후 3시', 'time'),
      spanOf(text, '삼성전자', 'org'),
    ];
    const handle = highlightEntities(root, spans, ['datetime']);
    expect(handle.spans.map((s) => s.text)).toEqual(['2025년 2월 4일', '오후 3시']);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['2025년 2월 4일', '오후 3시']);
  });

  it('lists every mention of an entity in document order for cycling', () => {
    const root = article('<p>올트먼은 <b>서울</b>에, 올트먼은 부산에</p><p>그리고 올트먼</p>');
    const text = textOf(root).text;
    const spans = [...text.matchAll(/올트먼/g)].map((m): EntitySpan => ({
      start: m.index,
      end: m.index + 3,
      type: 'person',
      text: '올트먼',
    }));
    highlightEntities(root, spans, ['person']);
    const mentions = mentionsOf(root, 'person:올트먼');
    expect(mentions).toHaveLength(3);
    expect(mentions.map((m) => m[0]!.closest('p') === root.lastElementChild)).toEqual([false, false, true]);
  });

  it('highlighting twice replaces the first highlights instead of nesting marks', () => {
    const root = article('<p>서울과 부산</p>');
    const before = root.innerHTML;
    const text = textOf(root).text;
    highlightEntities(root, [spanOf(text, '서울', 'place')], ['place']);
    highlightEntities(root, [spanOf(text, '서울', 'place'), spanOf(text, '부산', 'place')], ['place']);
    expect(root.querySelectorAll('mark mark')).toHaveLength(0);
    expect(root.querySelectorAll('mark')).toHaveLength(2);
    removeHighlights(root);
    expect(root.innerHTML).toBe(before);
  });

  it('removes marks left by another copy of the module and joins the text again', () => {
    const root = article('<p>이재용 <mark class="ra-ent ra-ent-person" data-entity-id="person:x">회장</mark>은</p>');
    removeHighlights(root);
    expect(root.innerHTML).toBe('<p>이재용 회장은</p>');
    expect(root.querySelector('p')!.childNodes).toHaveLength(1);
  });
});
