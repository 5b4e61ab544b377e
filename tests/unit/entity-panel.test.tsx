// The entity panel as a reader uses it: legend toggles, entries with counts and tickers, and
// cycling through an entity's mentions with the mouse and the keyboard.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { EntityPanel, PANEL_PAGE, entityLabel } from '@/components/EntityPanel';
import { highlightEntities, mentionsOf, textOf } from '@/lib/entities/dom';
import { quoteUrl } from '@/lib/entities/tickers';
import { groupEntities } from '@/lib/entities/group';
import type { EntityGroup, EntitySpan } from '@/lib/entities/types';

// The browser's message catalogue is not under test here (and platform/i18n pulls the extension's
// browser shim, which jsdom cannot load): messages come back as their key and arguments.
vi.mock('@/platform/i18n', () => ({ t: (key: string, ...args: unknown[]) => [key, ...args].join(' ') }));

const samsung = { code: '005930', market: 'KOSPI', name: '삼성전자' };

function setup(enabled: EntityGroup[] = ['person', 'org']) {
  const article = document.createElement('div');
  article.append(
    Object.assign(document.createElement('p'), {
      textContent: '삼성전자는 올트먼과 만났다. 올트먼은 삼성전자에, 다시 삼성전자로.',
    }),
  );
  document.body.append(article);
  const text = textOf(article).text;
  const spans: EntitySpan[] = [...text.matchAll(/삼성전자|올트먼/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    type: m[0] === '올트먼' ? 'person' : 'org',
    text: m[0],
    ...(m[0] === '삼성전자' ? { ticker: samsung } : {}),
  }));
  highlightEntities(article, spans, enabled, { label: entityLabel });
  const host = document.createElement('div');
  document.body.append(host);
  const toggles: Array<[EntityGroup, boolean]> = [];
  act(() =>
    render(
      <EntityPanel
        groups={groupEntities(spans)}
        enabled={enabled}
        onToggle={(g, on) => toggles.push([g, on])}
        root={article}
        api={{ mentionsOf, quoteUrl }}
      />,
      host,
    ),
  );
  return { article, host, toggles };
}

beforeAll(() => {
  Element.prototype.scrollIntoView = function () {};
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('EntityPanel', () => {
  it('names every kind in the legend with a checkbox, and reports switches', () => {
    const { host, toggles } = setup(['person', 'org']);
    const boxes = [...host.querySelectorAll<HTMLInputElement>('.ra-ent-legend input[type=checkbox]')];
    expect(boxes).toHaveLength(6);
    expect(boxes.map((b) => b.checked)).toEqual([true, true, false, false, false, false]);
    expect(boxes.every((b) => b.closest('label')!.textContent!.replace('Aa', '').trim().length > 0)).toBe(true);
    act(() => boxes[2]!.click());
    expect(toggles).toEqual([['place', true]]);
  });

  it('lists entities most mentioned first with counts, and a ticker link that opens only on click in a new tab', () => {
    const { host } = setup();
    const names = [...host.querySelectorAll('.ra-ent-item')].map((b) => [
      b.querySelector('.ra-ent-name')!.textContent,
      b.querySelector('.ra-ent-count')!.textContent,
    ]);
    expect(names).toEqual([
      ['올트먼', '2'],
      ['삼성전자', '3'],
    ]);
    const link = host.querySelector<HTMLAnchorElement>('a.ra-ent-ticker')!;
    expect(link.textContent).toBe('005930 · KOSPI');
    expect(link.href).toBe('https://finance.naver.com/item/main.naver?code=005930');
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
  });

  it('cycles through mentions on click and Enter, and back with Shift+Enter', () => {
    const { host, article } = setup();
    const samsungButton = [...host.querySelectorAll<HTMLButtonElement>('.ra-ent-item')].find((b) =>
      b.textContent!.includes('삼성전자'),
    )!;
    const currentIndex = () =>
      [...article.querySelectorAll('mark[data-entity-type=org]')].findIndex((m) => m.classList.contains('ra-ent-current'));
    act(() => samsungButton.click());
    expect(currentIndex()).toBe(0);
    act(() => samsungButton.click());
    expect(currentIndex()).toBe(1);
    act(() => {
      samsungButton.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    });
    expect(currentIndex()).toBe(0);
    act(() => {
      samsungButton.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    });
    expect(currentIndex()).toBe(2);
    expect(article.querySelectorAll('.ra-ent-current')).toHaveLength(1);
    expect(host.querySelector('.ra-ent-position')!.textContent).toBe('entityMentionOf 3 3');
  });

  it('hides the entries of kinds switched off', () => {
    const { host } = setup(['person']);
    expect([...host.querySelectorAll('.ra-ent-name')].map((n) => n.textContent)).toEqual(['올트먼']);
  });

  it('draws a long article’s entries a hundred at a time, a few each turn of the page: "Show more" adds the next ones, and every one stays reachable', async () => {
    // 250 people, the first mentioned most.
    const spans: EntitySpan[] = Array.from({ length: 250 }, (_, i) => ({
      start: 0,
      end: 1,
      type: 'person' as const,
      text: `이름${i}`,
    }));
    spans.unshift(...Array.from({ length: 5 }, () => ({ start: 0, end: 1, type: 'person' as const, text: '이름0' })));
    const host = document.createElement('div');
    document.body.append(host);
    act(() =>
      render(
        <EntityPanel
          groups={groupEntities(spans)}
          enabled={['person']}
          onToggle={() => {}}
          root={null}
          api={{ mentionsOf, quoteUrl }}
        />,
        host,
      ),
    );
    const rows = () => [...host.querySelectorAll('[data-testid="entity-row"]')];
    // Drawn a few at a time, a turn of the page between: soon a page of them.
    expect(rows().length).toBeLessThan(PANEL_PAGE);
    await vi.waitFor(() => expect(rows()).toHaveLength(PANEL_PAGE));
    expect(rows()[0]!.textContent).toContain('이름0');
    const more = () => host.querySelector<HTMLButtonElement>('[data-testid="entity-more"]');
    expect(more()!.textContent).toBe('entityShowMore 100 250');
    act(() => more()!.click());
    await vi.waitFor(() => expect(rows()).toHaveLength(200));
    expect(more()!.textContent).toBe('entityShowMore 50 250');
    act(() => more()!.click());
    await vi.waitFor(() => expect(rows()).toHaveLength(250));
    expect(rows()[249]!.textContent).toContain('이름249');
    expect(more()).toBeNull();
  });
});
