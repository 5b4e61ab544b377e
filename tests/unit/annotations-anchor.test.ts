// Highlights described by W3C selectors and placed again after the text around them changed.
import { anchor, describe as describeText, describeRange, type HighlightSelectors } from '@/lib/annotations/anchor';
import { drawHighlights, eraseHighlights, marksOf } from '@/lib/annotations/draw';
import { fromWebAnnotation, toWebAnnotation, type Highlight } from '@/lib/annotations/highlight';
import { textOf } from '@/lib/entities/dom';

function article(html: string): HTMLElement {
  const root = document.createElement('div');
  // Test-authored markup, not page input.
  // eslint-disable-next-line no-unsanitized/property
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

const PARAS = [
  '서울시는 7일 새 교통 정책을 발표했다. 버스 요금은 내년부터 오른다.',
  'The council voted on Tuesday to expand the bike lanes along the river.',
  '시민 단체는 이번 결정이 "늦었지만 환영할 만하다"고 밝혔다.',
  'Critics said the plan would cost more than the city had budgeted for.',
];

function selectorsOf(text: string, quote: string, from = 0): HighlightSelectors {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`${quote} not in text`);
  return describeText(text, start, start + quote.length)!;
}

const placed = (text: string, s: HighlightSelectors) => {
  const a = anchor(text, s);
  return a && { text: text.slice(a.start, a.end), how: a.how };
};

describe('describe', () => {
  it('keeps the quote with 32 characters of context and its position, trimmed of white space', () => {
    const text = PARAS.join('\n');
    const start = text.indexOf('expand');
    const [quote, position] = describeText(text, start - 1, start + 'expand the bike lanes'.length + 1)!;
    expect(quote.exact).toBe('expand the bike lanes');
    expect(quote.prefix).toBe(text.slice(start - 32, start));
    expect(quote.suffix).toBe(text.slice(position.end, position.end + 32));
    expect(text.slice(position.start, position.end)).toBe('expand the bike lanes');
    expect(describeText(text, 3, 3)).toBeNull();
  });

  it('survives a JSON round trip as a Web Annotation, and refuses one without a quote', () => {
    const text = PARAS.join('\n');
    const h: Highlight = {
      id: 'hl-1',
      article: 'https://news.example/a',
      selectors: selectorsOf(text, '버스 요금은'),
      color: 'green',
      note: '확인 필요',
      createdAt: Date.UTC(2026, 0, 2),
      updatedAt: Date.UTC(2026, 0, 3),
    };
    const back = fromWebAnnotation(JSON.parse(JSON.stringify(toWebAnnotation(h))), Date.UTC(2026, 5, 1));
    expect(back).toEqual({ highlight: h });
    expect(fromWebAnnotation({ type: 'Annotation', target: { source: 'https://x.example/', selector: [] } }, 0)).toHaveProperty(
      'error',
    );
    expect(fromWebAnnotation('<script>', 0)).toHaveProperty('error');
  });
});

describe('describeRange', () => {
  it('describes a selection across a link, emphasis and a paragraph boundary by the reader text', () => {
    const root = article('<p>Alpha <a href="#">beta <em>gamma</em></a> delta.</p><p>Epsilon zeta.</p>');
    const range = document.createRange();
    const gamma = root.querySelector('em')!.firstChild!;
    range.setStart(gamma, 2); // "mma"
    range.setEnd(root.querySelectorAll('p')[1]!.firstChild!, 7); // "Epsilon"
    const [quote, position] = describeRange(root, range)!;
    expect(quote.exact).toBe('mma delta.\nEpsilon');
    expect(textOf(root).text.slice(position.start, position.end)).toBe(quote.exact);
  });

  it('places a boundary between elements at the next text', () => {
    const root = article('<p>One two.</p><p>Three four.</p>');
    const range = document.createRange();
    range.setStart(root, 1); // before the second paragraph
    range.setEnd(root, 2);
    expect(describeRange(root, range)![0].exact).toBe('Three four.');
  });
});

describe('anchor', () => {
  const text = PARAS.join('\n');

  it('finds a highlight by position when nothing changed', () => {
    expect(placed(text, selectorsOf(text, '버스 요금은 내년부터'))).toEqual({ text: '버스 요금은 내년부터', how: 'position' });
  });

  it('finds it by its quote after text was added before it (the text moved)', () => {
    const s = selectorsOf(text, 'expand the bike lanes');
    const moved = `Updated 9:40 — a correction was added at the top of this story.\n${text}`;
    expect(placed(moved, s)).toEqual({ text: 'expand the bike lanes', how: 'quote' });
  });

  it('picks the occurrence whose prefix and suffix match, when the quote occurs more than once', () => {
    const twice = `${PARAS[1]}\nThe mayor said the council voted on Tuesday to wait.\n${PARAS[3]}`;
    const second = twice.indexOf('voted on Tuesday', twice.indexOf('mayor'));
    const s = describeText(twice, second, second + 'voted on Tuesday'.length)!;
    const edited = `Breaking: ${twice.replace('bike lanes', 'cycle paths')}`;
    const a = anchor(edited, s)!;
    expect(a.start).toBe(edited.indexOf('voted on Tuesday', edited.indexOf('mayor')));
  });

  it('finds it approximately after a small edit inside the quote and around it', () => {
    const s = selectorsOf(text, 'Critics said the plan would cost more than the city had budgeted for.');
    const edited = text
      .replace('Critics said', 'Critics  claimed')
      .replace('budgeted', 'budgetted')
      .replace('Tuesday', 'Wednesday');
    expect(placed(edited, s)).toEqual({
      text: 'Critics  claimed the plan would cost more than the city had budgetted for.',
      how: 'fuzzy',
    });
  });

  it('finds a Korean quote after a particle changed', () => {
    const s = selectorsOf(text, '이번 결정이 "늦었지만 환영할 만하다"고 밝혔다');
    const edited = text.replace('이번 결정이', '이번 결정은');
    expect(placed(edited, s)).toEqual({ text: '이번 결정은 "늦었지만 환영할 만하다"고 밝혔다', how: 'fuzzy' });
  });

  it('answers null (an orphan) when the passage is gone', () => {
    const s = selectorsOf(text, 'Critics said the plan would cost more');
    const gone = PARAS.slice(0, 3).join('\n');
    expect(anchor(gone, s)).toBeNull();
  });
});

describe('drawHighlights', () => {
  it('draws a highlight across a link and a paragraph as one mark per piece, and erases it exactly', () => {
    const root = article('<p>Alpha <a href="#">beta <em>gamma</em></a> delta.</p><p>Epsilon zeta.</p>');
    const before = root.cloneNode(true) as HTMLElement;
    const nodesBefore = textOf(root).nodes.map((n) => n.node);
    const text = textOf(root).text;
    const s = selectorsOf(text, 'gamma delta.\nEpsilon');
    drawHighlights(root, [{ id: 'a', start: s[1].start, end: s[1].end, color: 'blue' }]);
    expect(marksOf(root, 'a').map((m) => [m.textContent, m.parentElement!.tagName])).toEqual([
      ['gamma', 'EM'],
      [' delta.', 'P'],
      ['Epsilon', 'P'],
    ]);
    // Marks are transparent to the reader text: positions stay valid while drawn.
    expect(textOf(root).text).toBe(text);
    eraseHighlights(root);
    expect(root.isEqualNode(before)).toBe(true);
    expect(textOf(root).nodes.map((n) => n.node)).toEqual(nodesBefore);
  });

  it('draws overlapping highlights as non-nested pieces naming both, never losing text', () => {
    const root = article('<p>one two three four five</p>');
    const text = textOf(root).text;
    const a = selectorsOf(text, 'two three')[1];
    const b = selectorsOf(text, 'three four')[1];
    drawHighlights(root, [
      { id: 'a', ...a, color: 'yellow' },
      { id: 'b', ...b, color: 'pink' },
    ]);
    expect([...root.querySelectorAll('mark')].map((m) => [m.textContent, m.getAttribute('data-hl'), m.className])).toEqual([
      ['two ', 'a', 'ra-hl ra-hl-yellow'],
      ['three', 'a b', 'ra-hl ra-hl-pink ra-hl-overlap'],
      [' four', 'b', 'ra-hl ra-hl-pink'],
    ]);
    expect(root.querySelector('mark mark')).toBeNull();
    expect(root.textContent).toBe('one two three four five');
    // Drawn again (a highlight removed): the old marks go first.
    drawHighlights(root, [{ id: 'b', ...b, color: 'pink' }]);
    expect(root.querySelectorAll('mark').length).toBe(1);
    eraseHighlights(root);
    expect(root.innerHTML).toBe('<p>one two three four five</p>');
  });

  it('sets mark text as text: markup in the article text stays text', () => {
    const root = document.createElement('div');
    root.append(document.createTextNode('a <img src=x onerror=alert(1)> b'));
    drawHighlights(root, [{ id: 'x', start: 2, end: 30, color: 'green' }]);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toBe('a <img src=x onerror=alert(1)> b');
  });
});
