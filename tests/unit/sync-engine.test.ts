// @vitest-environment node
// The sync engine between devices through one folder kept in memory (the real server, Apache,
// is in tests/e2e/sync.e2e.ts and the bench). Each device is a library of plain maps with the
// same contract as the Dexie one (extension/sync/library.ts): lib/sync/memory.ts.
import { describe, expect, it } from 'vitest';
import type { Highlight } from '@/lib/annotations/highlight';
import type { ArticleMeta } from '@/lib/library/types';
import { importKeys } from '@/lib/sync/crypto';
import { openFolder, pendingChanges, runSync } from '@/lib/sync/engine';
import { memoryFolder, memoryLibrary, memoryState, type MemoryFolder } from '@/lib/sync/memory';

let clock = Date.UTC(2026, 0, 1);
const now = () => (clock += 1000);

async function device(folder: MemoryFolder, passphrase = 'correct horse battery staple') {
  const lib = memoryLibrary();
  const state = memoryState();
  const { keyBytes } = await openFolder(folder, passphrase);
  const keys = await importKeys(keyBytes);
  const sync = () => runSync({ store: folder, keys, library: lib.library, state, now });
  const pending = () => pendingChanges({ keys, library: lib.library, state, now });
  return { ...lib, state, sync, pending };
}

function article(url: string, title: string, extra: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    url,
    pageUrl: url,
    title,
    byline: null,
    siteName: null,
    site: new URL(url).hostname,
    lang: 'ko',
    dir: 'ltr',
    publishedTime: null,
    excerpt: null,
    leadImage: null,
    wordCount: 100,
    readingMinutes: 1,
    status: 'full',
    savedAt: clock,
    updatedAt: clock,
    readAt: 0,
    progress: 0,
    tags: [],
    ...extra,
  };
}

function highlight(id: string, url: string, note: string): Highlight {
  return {
    id,
    article: url,
    selectors: [
      { type: 'TextQuoteSelector', exact: '반도체 수출', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 6 },
    ],
    color: 'yellow',
    note,
    createdAt: clock,
    updatedAt: clock,
  };
}

const URL1 = 'https://news.example.kr/2026/economy/chips';
const TITLE1 = '반도체 수출 다시 늘었다';
const TEXT1 = '반도체 수출이 석 달 만에 다시 늘었다. 비밀스러운 본문 문장.';

async function twoDevices() {
  const folder = memoryFolder();
  const a = await device(folder);
  const b = await device(folder);
  return { folder, a, b };
}

describe('sync between two devices', () => {
  it('carries a save, a highlight with its note, tags, read state and a deletion', async () => {
    const { a, b } = await twoDevices();
    a.articles.set(URL1, article(URL1, TITLE1, { tags: ['경제'] }));
    a.bodies.set(URL1, { contentHtml: `<p>${TEXT1}</p>`, text: TEXT1 });
    a.highlights.set('hl-1', highlight('hl-1', URL1, '메모: 중요'));
    expect(await a.pending()).toBe(2);
    expect((await a.sync()).sent).toBe(2);
    expect(await a.pending()).toBe(0);
    await b.sync();
    expect(b.articles.get(URL1)).toMatchObject({ title: TITLE1, tags: ['경제'] });
    expect(b.bodies.get(URL1)?.text).toBe(TEXT1);
    expect(b.highlights.get('hl-1')?.note).toBe('메모: 중요');

    b.articles.set(URL1, { ...b.articles.get(URL1)!, readAt: clock, tags: ['경제', 'chips'] });
    await b.sync();
    await a.sync();
    expect(a.articles.get(URL1)).toMatchObject({ tags: ['chips', '경제'] });
    expect(a.articles.get(URL1)!.readAt).toBeGreaterThan(0);

    a.articles.delete(URL1);
    a.highlights.delete('hl-1');
    await a.sync();
    await b.sync();
    expect(b.articles.has(URL1)).toBe(false);
    expect(b.highlights.size).toBe(0);
  });

  it('merges concurrent edits of one article without losing either', async () => {
    const { a, b } = await twoDevices();
    a.articles.set(URL1, article(URL1, TITLE1));
    a.bodies.set(URL1, { contentHtml: '<p>x</p>', text: 'x' });
    await a.sync();
    await b.sync();
    a.articles.set(URL1, { ...a.articles.get(URL1)!, tags: ['from-a'], readAt: clock });
    b.articles.set(URL1, { ...b.articles.get(URL1)!, tags: ['from-b'], progress: 0.5 });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect(d.articles.get(URL1)!.tags).toEqual(['from-a', 'from-b']);
      expect(d.articles.get(URL1)!.readAt).toBeGreaterThan(0);
      expect(d.articles.get(URL1)!.progress).toBe(0.5);
    }
  });

  it('keeps both notes when one highlight is edited on both devices at once', async () => {
    const { a, b } = await twoDevices();
    a.articles.set(URL1, article(URL1, TITLE1));
    a.highlights.set('hl-1', highlight('hl-1', URL1, 'first'));
    await a.sync();
    await b.sync();
    a.highlights.set('hl-1', { ...a.highlights.get('hl-1')!, note: 'note written on A' });
    b.highlights.set('hl-1', { ...b.highlights.get('hl-1')!, note: 'note written on B', color: 'green' });
    await a.sync();
    expect((await b.sync()).forked).toBe(1);
    await a.sync();
    for (const d of [a, b]) {
      const notes = [...d.highlights.values()].map((h) => h.note).sort();
      expect(notes).toEqual(['note written on A', 'note written on B']);
    }
  });

  it('keeps an article deleted on one device while a highlight was added to it on the other', async () => {
    const { a, b } = await twoDevices();
    a.articles.set(URL1, article(URL1, TITLE1));
    a.bodies.set(URL1, { contentHtml: `<p>${TEXT1}</p>`, text: TEXT1 });
    await a.sync();
    await b.sync();
    a.articles.delete(URL1);
    await a.sync();
    b.highlights.set('hl-2', highlight('hl-2', URL1, 'written after the deletion'));
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect(d.articles.has(URL1)).toBe(true);
      expect(d.highlights.get('hl-2')?.note).toBe('written after the deletion');
    }
    expect(a.bodies.get(URL1)?.text).toBe(TEXT1);
  });

  it('writes no title, address or text where the server can read it', async () => {
    const { folder, a } = await twoDevices();
    a.articles.set(URL1, article(URL1, TITLE1));
    a.bodies.set(URL1, { contentHtml: `<p>${TEXT1}</p>`, text: TEXT1 });
    a.highlights.set('hl-1', highlight('hl-1', URL1, '아주 사적인 메모'));
    await a.sync();
    const everything = [...folder.files].map(([name, data]) => name + new TextDecoder().decode(data)).join('\n');
    for (const secret of [TITLE1, URL1, 'news.example.kr', '석 달 만에', '아주 사적인 메모', 'economy'])
      expect(everything).not.toContain(secret);
  });
});

describe('sync faults', () => {
  it('refuses a wrong passphrase on the check file and writes nothing', async () => {
    const folder = memoryFolder();
    await device(folder);
    const before = new Map(folder.files);
    await expect(openFolder(folder, 'not the passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(folder.files).toEqual(before);
  });

  it('skips a corrupt or truncated batch, reports it and merges the rest', async () => {
    const { folder, a, b } = await twoDevices();
    a.articles.set(URL1, article(URL1, TITLE1));
    await a.sync();
    const URL2 = 'https://news.example.com/world/election';
    a.articles.set(URL2, article(URL2, 'Election results'));
    await a.sync();
    const first = [...folder.files.keys()].find((k) => k.startsWith('log/') && k.endsWith('-1.bin'))!;
    folder.files.set(first, folder.files.get(first)!.slice(0, 40));
    const report = await b.sync();
    expect(report.skipped).toEqual([expect.stringContaining(first)]);
    expect(b.articles.has(URL2)).toBe(true);
    expect(b.articles.has(URL1)).toBe(false);
  });

  it('finishes an interrupted sync on the next one, with no duplicate and no loss', async () => {
    const { folder, a, b } = await twoDevices();
    a.articles.set(URL1, article(URL1, TITLE1));
    a.bodies.set(URL1, { contentHtml: '<p>x</p>', text: 'x' });
    a.highlights.set('hl-1', highlight('hl-1', URL1, 'note'));
    folder.fault = (method, path) => {
      if (method === 'PUT' && path.startsWith('heads/')) throw new Error('connection reset');
    };
    await expect(a.sync()).rejects.toThrow('connection reset');
    await b.sync();
    expect(b.articles.size).toBe(0);
    folder.fault = null;
    expect((await a.sync()).sent).toBe(0);
    await b.sync();
    expect(b.articles.has(URL1)).toBe(true);
    expect(b.highlights.get('hl-1')?.note).toBe('note');
    expect([...folder.files.keys()].filter((k) => k.startsWith('log/'))).toHaveLength(1);
  });

  it('starts a new device from the newest snapshot', async () => {
    const folder = memoryFolder();
    const a = await device(folder);
    for (let i = 0; i < 50; i++) {
      a.articles.set(`https://example.org/${i}`, article(`https://example.org/${i}`, `Article ${i}`));
      await a.sync();
    }
    expect([...folder.files.keys()].filter((k) => k.startsWith('snap/'))).toHaveLength(1);
    const c = await device(folder);
    const gets: string[] = [];
    folder.fault = (method, path) => void (method === 'GET' && gets.push(path));
    await c.sync();
    expect(c.articles.size).toBe(50);
    expect(gets.filter((p) => p.startsWith('log/'))).toHaveLength(0);
  });

  it('deletes its own old batches once two snapshots hold them; a device away all along and a new one still get everything', async () => {
    const { folder, a, b } = await twoDevices();
    const url = (i: number) => `https://example.org/story/${i}`;
    b.articles.set(url(0), article(url(0), 'From B'));
    await b.sync();
    await a.sync();
    for (let i = 1; i <= 110; i++) {
      a.articles.set(url(i), article(url(i), `Article ${i}`));
      await a.sync();
    }
    const files = (dir: string) => [...folder.files.keys()].filter((k) => k.startsWith(dir)).sort();
    const id = a.state.meta!.device;
    const own = files('log/').filter((k) => k.startsWith(`log/${id}-`));
    // a snapshot at its 50th and its 100th batch: the batches the first one holds are gone
    expect(files('snap/')).toEqual([`snap/${id}-100.bin`, `snap/${id}-50.bin`]);
    expect(own).toHaveLength(110 - 50);
    expect(own).not.toContain(`log/${id}-50.bin`);
    // B's own file is never A's to delete
    expect(files('log/').filter((k) => !k.startsWith(`log/${id}-`))).toHaveLength(1);

    const report = await b.sync();
    expect(report.skipped).toEqual([]);
    expect(b.articles.size).toBe(111);
    const c = await device(folder);
    await c.sync();
    expect([...c.articles.keys()].sort()).toEqual([...a.articles.keys()].sort());
  });
});
