// The popup's saved list paints at once: the list it showed last (localStorage) is in the first
// render, the database's answer replaces it, and a deleted article never comes back from it.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { SavedList } from '@/components/SavedList';
import {
  forgetRecentSnapshot,
  readRecentSnapshot,
  RECENT_SNAPSHOT_KEY,
  writeRecentSnapshot,
} from '@/extension/library/recent-snapshot';
import { recent, removeArticles, saveArticle } from '@/extension/library/store';
import type { ArticleMeta } from '@/lib/library/types';
import { article, dropDbs, freshDb } from './library-helpers';

// Messages come back as their key; opening a saved article is not under test (and the extension's
// browser shim, which both pull in, cannot load under jsdom).
vi.mock('@/platform/i18n', () => ({
  t: (key: string, ...args: unknown[]) => [key, ...args].join(' '),
  formatShortDate: () => 'date',
}));
vi.mock('@/extension/open-saved', () => ({ openSaved: vi.fn(), openLibraryPage: vi.fn() }));

afterEach(async () => {
  localStorage.clear();
  document.body.replaceChildren();
  await dropDbs();
});

const titles = (root: Element) => Array.from(root.querySelectorAll('.row-title')).map((b) => b.textContent);

async function libraryWith(...names: string[]) {
  const db = freshDb();
  let now = 1_700_000_000_000;
  for (const name of names)
    await saveArticle(db, article({ url: `https://news.example.com/${name}`, title: name }), {
      pageUrl: `https://news.example.com/${name}`,
      now: now++,
    });
  return db;
}

describe('the snapshot', () => {
  test('round trip, nothing, and a corrupt or foreign value all read safely', async () => {
    expect(readRecentSnapshot()).toBeUndefined();
    const db = await libraryWith('one', 'two');
    const metas = await recent(db, 8);
    writeRecentSnapshot(metas);
    expect(readRecentSnapshot()).toEqual(metas);
    localStorage.setItem(RECENT_SNAPSHOT_KEY, '{not json');
    expect(readRecentSnapshot()).toBeUndefined();
    localStorage.setItem(RECENT_SNAPSHOT_KEY, JSON.stringify([{ url: 1 }]));
    expect(readRecentSnapshot()).toBeUndefined();
    forgetRecentSnapshot();
    expect(localStorage.getItem(RECENT_SNAPSHOT_KEY)).toBeNull();
  });

  test('deleting articles forgets it, so a deleted title is not shown again', async () => {
    const db = await libraryWith('kept', 'deleted');
    writeRecentSnapshot(await recent(db, 8));
    await removeArticles(db, ['https://news.example.com/deleted']);
    expect(readRecentSnapshot()).toBeUndefined();
  });
});

describe('SavedList', () => {
  test('the first render shows the last list; the database answer replaces it and is kept', async () => {
    const db = await libraryWith('older', 'newer');
    const stale: ArticleMeta = { ...(await recent(db, 1))[0]!, url: 'https://news.example.com/stale', title: 'shown last time' };
    writeRecentSnapshot([stale]);
    const host = document.body.appendChild(document.createElement('div'));
    render(<SavedList db={db} />, host);
    // Synchronously, before IndexedDB has answered anything, and marked as not yet current:
    const list = host.querySelector('[data-testid="saved-list"]')!;
    expect(titles(host)).toEqual(['shown last time']);
    expect(list.getAttribute('aria-busy')).toBe('true');
    await vi.waitFor(() => expect(titles(host)).toEqual(['newer', 'older']));
    expect(list.getAttribute('aria-busy')).toBe('false');
    expect(readRecentSnapshot()?.map((m) => m.title)).toEqual(['newer', 'older']);
  });

  test('without a snapshot the list appears when the database answers', async () => {
    const db = await libraryWith('only');
    const host = document.body.appendChild(document.createElement('div'));
    render(<SavedList db={db} />, host);
    expect(titles(host)).toEqual([]);
    await vi.waitFor(() => expect(titles(host)).toEqual(['only']));
  });
});
