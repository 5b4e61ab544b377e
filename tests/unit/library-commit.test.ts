// @vitest-environment node
// The one write path: whatever sequence of writes the library sees (saves, bookmarks, read state,
// tags, progress, deletes, undo, imports, index merges and repairs), with any tuning of the search
// index, the catalog, its head row, the pending list and every search must equal what a brute-force
// scan of the articles and contents tables gives. A write path that skipped the catalog or the
// index (or a counter) makes one of them differ.
import { article, catalogRows, dropDbs, freshDb } from './library-helpers';
import type { LibraryDB } from '@/extension/library/db';
import { commit, rebuildAll } from '@/extension/library/commit';
import { HEAD_KEY, HEAD_SIZE } from '@/extension/library/schema';
import { readCatalog } from '@/extension/library/catalog';
import { indexPending, indexSettled } from '@/extension/library/search-index';
import { importItems, type ImportItem } from '@/extension/library/io';
import { prng } from '@/lib/library/generate';
import { fold, parseQuery, termsOf } from '@/lib/library/terms';
import type { LibraryFilter, SavedArticle } from '@/lib/library/types';
import {
  listUrls,
  pendingUrls,
  removeArticles,
  restoreArticles,
  saveArticle,
  saveBookmark,
  setProgress,
  setRead,
  setTags,
  sites,
  tags,
} from '@/extension/library/store';

afterEach(dropDbs);

const T0 = Date.UTC(2025, 0, 1);
const WORDS = [
  'alpha',
  'alphabet',
  'beta',
  'gamma',
  'café',
  'Cafeteria',
  '삼성전자는',
  '반도체를',
  '서울에서는',
  '전자',
  '東京都に住む',
  '京都と東京',
  '经济增长',
];
const QUERIES = [
  'alp',
  'alpha',
  'beta',
  'cafe',
  'caf',
  'gamma beta',
  '삼성',
  '전자',
  '반도체',
  '서울',
  '東京都',
  '京都',
  '经济',
  'zzz',
  'https',
  'example',
];
const TAGS = ['x', 'y', '경제'];

/** What the library must answer, by brute force over the rows every write keeps. */
async function oracle(db: LibraryDB, filter: LibraryFilter): Promise<string[]> {
  const [metas, contents] = await Promise.all([db.articles.toArray(), db.contents.toArray()]);
  const text = new Map(contents.map((c) => [c.url, c.text]));
  const q = parseQuery(filter.query ?? '');
  return metas
    .filter((m) => {
      if (filter.site !== undefined && m.site !== filter.site) return false;
      if (filter.tag !== undefined && !m.tags.includes(filter.tag)) return false;
      if (filter.read === 'read' && !(m.readAt > 0)) return false;
      if (filter.read === 'unread' && m.readAt !== 0) return false;
      if (q.blank) return true;
      if (q.terms.length === 0) return false;
      const terms = termsOf(m, text.get(m.url) ?? '');
      const hay = fold(`${m.title}\n${text.get(m.url) || m.excerpt || ''}`);
      return q.terms.every((t) => terms.some((x) => x.startsWith(t))) && q.verify.every((v) => hay.includes(v));
    })
    .sort((a, b) => b.savedAt - a.savedAt || (a.url < b.url ? 1 : -1))
    .map((m) => m.url);
}

async function expectConsistent(db: LibraryDB, step: string) {
  const metas = (await db.articles.toArray()).sort((a, b) => b.savedAt - a.savedAt || (a.url < b.url ? 1 : -1));
  const rows = metas.map((m) => ({
    url: m.url,
    savedAt: m.savedAt,
    read: m.readAt > 0,
    status: m.status,
    site: m.site,
    tags: m.tags,
  }));
  expect(await catalogRows(db), step).toEqual(rows);
  expect(await db.contents.count(), step).toBe(metas.length);
  const head = (await db.catalog.get(HEAD_KEY))?.urls;
  if (metas.length)
    expect(head, step).toBe(
      metas
        .slice(0, HEAD_SIZE)
        .map((m) => m.url)
        .join('\n'),
    );
  expect(await pendingUrls(db), step).toEqual(metas.filter((m) => m.status === 'pending').map((m) => m.url));
  const cat = await readCatalog(db);
  expect(new Set(cat.ids).size, step).toBe(cat.size);
  // every pending row belongs to a listed article, under its id
  const pending = await db.terms.toArray();
  for (const row of pending) expect(cat.ids[cat.indexOf(row.url)], step).toBe(row.id);
  // `stale` counts at least the ids the postings hold for deleted or re-indexed articles (it
  // decides when they are rebuilt)
  const live = new Set(cat.ids);
  const waiting = new Set(pending.map((row) => row.id));
  const stale = new Set(
    (await db.postings.toArray()).flatMap((block) => [...block.ids]).filter((id) => !live.has(id) || waiting.has(id)),
  );
  expect(cat.stale, step).toBeGreaterThanOrEqual(stale.size);
  expect(await sites(db), step).toEqual(countsOf(metas.map((m) => m.site)).map(([site, count]) => ({ site, count })));
  expect(await tags(db), step).toEqual(countsOf(metas.flatMap((m) => m.tags)).map(([tag, count]) => ({ tag, count })));
  for (const query of QUERIES) expect(await listUrls(db, { query }), `${step}: "${query}"`).toEqual(await oracle(db, { query }));
  for (const filter of [
    { tag: 'x', query: 'alpha' },
    { read: 'read' as const },
    { read: 'unread' as const, query: '전자' },
    { site: 's1.example.com' },
  ]) {
    expect(await listUrls(db, filter), `${step}: ${JSON.stringify(filter)}`).toEqual(await oracle(db, filter));
  }
}

function countsOf(keys: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A random sequence of writes of every kind, checking the library after each. */
async function run(seed: number, tuning: { pendingMax: number; blockIds: number }, steps: number) {
  const r = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const url = () => `https://s${Math.floor(r() * 3)}.example.com/${Math.floor(r() * 10)}`;
  const db = freshDb('commit', { tuning });
  const undo: SavedArticle[][] = [];
  let now = T0;
  for (let i = 0; i < steps; i++) {
    now += 1 + Math.floor(r() * 3) * 1000;
    const known = await db.articles.toCollection().primaryKeys();
    const some = () => (known.length && r() < 0.8 ? pick(known) : url());
    const roll = r();
    let step: string;
    if (roll < 0.22) {
      const u = url();
      step = `save ${u}`;
      await saveArticle(db, article({ url: u, title: words(2), text: words(1 + Math.floor(r() * 6)) }), { pageUrl: u, now });
    } else if (roll < 0.3) {
      const u = url();
      step = `bookmark ${u}`;
      await saveBookmark(db, { url: u, title: r() < 0.3 ? '' : words(1), excerpt: r() < 0.5 ? words(2) : null }, { now });
    } else if (roll < 0.38) {
      const u = some();
      step = `read ${u}`;
      await setRead(db, u, r() < 0.7, { now }).catch((e: { code?: string }) => expect(e.code).toBe('not-found'));
    } else if (roll < 0.46) {
      const u = some();
      step = `tags ${u}`;
      await setTags(
        db,
        u,
        TAGS.filter(() => r() < 0.4),
      ).catch((e: { code?: string }) => expect(e.code).toBe('not-found'));
    } else if (roll < 0.5) {
      const u = some();
      step = `progress ${u}`;
      await setProgress(db, u, r()).catch((e: { code?: string }) => expect(e.code).toBe('not-found'));
    } else if (roll < 0.6) {
      const urls = known.filter(() => r() < 0.3);
      step = `remove ${urls.length}`;
      undo.push(await removeArticles(db, urls));
    } else if (roll < 0.67 && undo.length) {
      step = 'undo';
      await restoreArticles(db, undo.splice(Math.floor(r() * undo.length), 1)[0]!);
    } else if (roll < 0.85) {
      // an import: pending links with titles, excerpts (an Instapaper selection), tags and read
      // state, some of them already saved; now and then a backup's whole article
      const items: ImportItem[] = Array.from({ length: 1 + Math.floor(r() * 8) }, () => {
        const u = some();
        if (r() < 0.2) {
          const a = article({ url: u, title: words(2), text: words(3) });
          return {
            url: u,
            article: {
              ...a,
              url: u,
              pageUrl: u,
              site: new URL(u).hostname,
              status: 'full',
              savedAt: now - 5000,
              updatedAt: now + Math.floor(r() * 3) * 1000,
              readAt: 0,
              progress: 0,
              tags: [pick(TAGS)],
            },
          };
        }
        return {
          url: u,
          ...(r() < 0.6 ? { title: words(1) } : {}),
          ...(r() < 0.5 ? { excerpt: words(2) } : {}),
          tags: TAGS.filter(() => r() < 0.3),
          savedAt: now - Math.floor(r() * 10_000),
          read: r() < 0.3,
        };
      });
      step = `import ${items.length}`;
      await importItems(db, items, { now });
    } else if (roll < 0.93) {
      step = 'merge the pending terms';
      await indexSettled(db);
      await indexPending(db, { force: r() < 0.7 });
    } else {
      step = 'rebuild everything';
      await indexSettled(db);
      await rebuildAll(db);
    }
    await indexSettled(db);
    await expectConsistent(db, `seed ${seed}, step ${i}: ${step}`);
  }
}

describe('every sequence of writes keeps the catalog and the search index equal to a brute-force scan', () => {
  test.each([
    [1, { pendingMax: 128, blockIds: 16384 }],
    [2, { pendingMax: 0, blockIds: 3 }],
    [3, { pendingMax: 2, blockIds: 1 }],
    [4, { pendingMax: 4, blockIds: 8 }],
    [5, { pendingMax: Infinity, blockIds: 16384 }],
  ])('seed %i, tuning %o', async (seed, tuning) => {
    await run(seed, tuning, 45);
  });
});

describe('commit', () => {
  test('a write may only touch the URLs it read, once each', async () => {
    const db = freshDb();
    const u = 'https://a.example.com/1';
    await saveArticle(db, article({ url: u }), { pageUrl: u });
    const meta = (await db.articles.get(u))!;
    await expect(commit(db, [], () => ({ put: [{ meta }], value: 0 }))).rejects.toThrow(/without being read/);
    await expect(commit(db, [u], () => ({ put: [{ meta }], remove: [u], value: 0 }))).rejects.toThrow(/twice/);
    expect(await db.articles.get(u)).toEqual(meta);
  });

  test('a change the catalog does not show (reading progress) writes the row alone', async () => {
    const db = freshDb();
    const u = 'https://a.example.com/1';
    await saveArticle(db, article({ url: u }), { pageUrl: u });
    const before = await db.catalog.get('catalog');
    await setProgress(db, u, 0.5);
    expect(await db.catalog.get('catalog')).toEqual(before);
    expect((await db.articles.get(u))?.progress).toBe(0.5);
  });

  test('an excerpt that an import fills in is searchable (the index follows every column it reads)', async () => {
    const db = freshDb();
    const u = 'https://a.example.com/1';
    await importItems(db, [{ url: u }]);
    expect(await listUrls(db, { query: 'selection' })).toEqual([]);
    expect(await importItems(db, [{ url: u, excerpt: 'A selection from Instapaper' }])).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 0,
      kept: 0,
    });
    expect(await listUrls(db, { query: 'selection' })).toEqual([u]);
  });
});
