import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_HIGHLIGHTS,
  loadHighlightSettings,
  normalizeHighlightSettings,
  saveHighlightSettings,
  setGroupEnabled,
  watchHighlightSettings,
} from '@/platform/settings/entities';

describe('highlight settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts off, with every group but links and e-mail', async () => {
    expect(await loadHighlightSettings()).toEqual(DEFAULT_HIGHLIGHTS);
  });

  it('remembers each group switched off and on, in a fixed order', async () => {
    await setGroupEnabled('org', false);
    await setGroupEnabled('contact', true);
    expect((await loadHighlightSettings()).groups).toEqual(['person', 'place', 'datetime', 'amount', 'contact']);
    await setGroupEnabled('org', true);
    expect((await loadHighlightSettings()).groups).toEqual(['person', 'org', 'place', 'datetime', 'amount', 'contact']);
  });

  it('drops unknown groups from stored values', () => {
    expect(normalizeHighlightSettings({ on: true, groups: ['person', 'weapons' as never] })).toEqual({
      on: true,
      groups: ['person'],
    });
  });

  it('tells watchers when highlights are turned on elsewhere', async () => {
    const seen: boolean[] = [];
    const unwatch = watchHighlightSettings((v) => seen.push(v.on));
    await saveHighlightSettings({ ...DEFAULT_HIGHLIGHTS, on: true });
    await new Promise((r) => setTimeout(r, 0));
    unwatch();
    expect(seen).toEqual([true]);
  });
});
