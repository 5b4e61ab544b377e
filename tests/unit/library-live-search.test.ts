// @vitest-environment node
// The library's list and the popup's search run their queries under Dexie's liveQuery. A query of
// 3+ Japanese or Chinese characters is checked against the stored text after the index answers;
// inside the index's transaction that check ended it too early ("Transaction committed too
// early"), so the library kept showing the previous query's rows: 閲覧室 found nothing new in
// Chromium. This runs the pages' own calls under liveQuery.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { article, dropDbs, freshDb } from './library-helpers';
import { listUrls, saveArticle } from '@/extension/library/store';
import { searchLibrary } from '@/extension/library/search';

afterEach(dropDbs);

/** The first answer of a liveQuery, or its error as text. */
const firstAnswer = <T>(query: () => Promise<T>) =>
  new Promise<T | string>((resolve) => {
    const sub = liveQuery(query).subscribe({
      next: (v) => {
        sub.unsubscribe();
        resolve(v);
      },
      error: (e: unknown) => {
        sub.unsubscribe();
        resolve(String(e));
      },
    });
  });

test.each(['閲覧室', '図書館', '阅览室', '열람실', 'harbour plan'])('"%s" answers under a liveQuery', async (query) => {
  const db = freshDb('live');
  const texts: Record<string, string> = {
    'https://ja.example/1': '市は市立図書館を夜十時まで開ける。夜間の職員を採用し、閲覧室の照明も改修する。',
    'https://zh.example/1': '北京市图书馆的阅览室将延长开放时间。',
    'https://ko.example/1': '한빛시는 24시간 도서관 열람실을 연다.',
    'https://en.example/1': 'The harbour plan was approved on Tuesday.',
  };
  for (const [url, text] of Object.entries(texts))
    await saveArticle(db, article({ url, title: 'Story', text }), { pageUrl: url });
  const expected = Object.keys(texts).filter((url) => texts[url]!.includes(query.split(' ')[0]!));
  expect(await firstAnswer(() => listUrls(db, { query }))).toEqual(expected);
  expect(await firstAnswer(() => searchLibrary(db, { query }).then((metas) => metas.map((m) => m.url)))).toEqual(expected);
});
