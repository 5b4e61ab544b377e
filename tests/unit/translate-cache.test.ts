// @vitest-environment node
// The translation cache in its own database: hits by provider, pair and text; collisions are
// misses; the size cap evicts the least recently used rows; the options page can clear it.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import {
  CACHE_SCHEMA_V1,
  clearTranslationCache,
  DexieTranslationCache,
  TranslationCacheDB,
  translationCacheSize,
} from '@/extension/translate/cache';
import { cacheKey, hashText } from '@/lib/translate/cache';

let db: TranslationCacheDB;
let name: string;
beforeEach(async () => {
  name = `cache-${Math.random()}`;
  db = new TranslationCacheDB(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

test('a translation is found again only for the same provider, language pair and text', async () => {
  const cache = new DexieTranslationCache(db);
  await cache.putMany('deepl:a', 'ko', 'en', [
    { source: '안녕하세요', translation: 'Hello' },
    { source: '감사합니다', translation: 'Thank you' },
  ]);
  expect(await cache.getMany('deepl:a', 'ko', 'en', ['감사합니다', '안녕하세요', '모르는 말'])).toEqual([
    'Thank you',
    'Hello',
    undefined,
  ]);
  expect(await cache.getMany('deepl:b', 'ko', 'en', ['안녕하세요'])).toEqual([undefined]);
  expect(await cache.getMany('deepl:a', 'ko', 'ja', ['안녕하세요'])).toEqual([undefined]);
  expect(await cache.getMany('deepl:a', 'en', 'ko', ['안녕하세요'])).toEqual([undefined]);
});

test('keys are stable and differ for different texts; a row whose source differs is a miss', async () => {
  expect(hashText('abc')).toBe(hashText('abc'));
  expect(hashText('abc')).not.toBe(hashText('abd'));
  expect(cacheKey('p', 'ko', 'en', 'x')).toBe(cacheKey('p', 'ko', 'en', 'x'));
  // Simulate a hash collision: a row under the key of "B" that holds another source text.
  await db.translations.put({
    key: cacheKey('p', 'ko', 'en', 'B'),
    cacheId: 'p',
    from: 'ko',
    to: 'en',
    source: 'A',
    translation: 'tA',
    chars: 3,
    createdAt: 1,
    lastUsed: 1,
  });
  const cache = new DexieTranslationCache(db);
  expect(await cache.getMany('p', 'ko', 'en', ['B'])).toEqual([undefined]);
  await cache.putMany('p', 'ko', 'en', [{ source: 'B', translation: 'tB' }]);
  expect(await cache.getMany('p', 'ko', 'en', ['B'])).toEqual(['tB']);
});

test('over the cap, the least recently used rows go; a hit counts as a use', async () => {
  let now = 1_000_000;
  const cache = new DexieTranslationCache(db, { maxChars: 100, now: () => now });
  const entry = (i: number) => ({ source: `source ${i}`.padEnd(15, '.'), translation: `target ${i}`.padEnd(15, '.') }); // 30 chars
  await cache.putMany('p', 'ko', 'en', [entry(1)]);
  now += 120_000;
  await cache.putMany('p', 'ko', 'en', [entry(2)]);
  now += 120_000;
  await cache.putMany('p', 'ko', 'en', [entry(3)]);
  now += 120_000;
  // Reading 1 makes it the most recently used.
  expect(await cache.getMany('p', 'ko', 'en', [entry(1).source])).toEqual([entry(1).translation]);
  now += 120_000;
  await cache.putMany('p', 'ko', 'en', [entry(4)]); // 120 chars > 100: evict down to 90
  const left = await cache.getMany(
    'p',
    'ko',
    'en',
    [1, 2, 3, 4].map((i) => entry(i).source),
  );
  expect(left.map((x) => x !== undefined)).toEqual([true, false, true, true]);
  expect(await cache.size()).toEqual({ entries: 3, bytes: 180 });
});

test('rewriting a row does not count its size twice; clearing empties it all', async () => {
  const cache = new DexieTranslationCache(db);
  await cache.putMany('p', 'ko', 'en', [{ source: 'abc', translation: 'def' }]);
  await cache.putMany('p', 'ko', 'en', [{ source: 'abc', translation: 'defg' }]);
  expect(await translationCacheSize(db)).toEqual({ entries: 1, bytes: 14 });
  await clearTranslationCache(db);
  expect(await translationCacheSize(db)).toEqual({ entries: 0, bytes: 0 });
  expect(await cache.getMany('p', 'ko', 'en', ['abc'])).toEqual([undefined]);
});

test('version 1 of the cache database is the schema it shipped with (a change is a new version)', () => {
  expect({ ...CACHE_SCHEMA_V1 }).toEqual({ translations: 'key, lastUsed', totals: '' });
  expect(Object.isFrozen(CACHE_SCHEMA_V1)).toBe(true);
  expect(db.verno).toBe(1);
});
