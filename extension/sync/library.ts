// The library as the sync engine sees it (lib/sync/engine.ts SyncLibrary), over the Dexie
// database. An article's body travels in the JSON backup's own form (extension/library/io.ts):
// content HTML, text and pictures in base64; what comes back is checked field by field and
// sanitized by the very code that checks an imported backup (validateArticle), then written by the
// one write path (commit.ts), and highlights by putHighlights (which checks each one).
import { commit, type ArticlePut } from '@/extension/library/commit';
import type { LibraryDB } from '@/extension/library/db';
import { putHighlights, removeHighlight } from '@/extension/library/highlights';
import { exportedImage, validateArticle } from '@/extension/library/io';
import { metaOf, sameMeta } from '@/lib/library/records';
import type { ArticleMeta } from '@/lib/library/types';
import { decodeJson, encodeJson } from '@/lib/sync/crypto';
import type { LibraryWrite, SyncLibrary } from '@/lib/sync/engine';

interface Body {
  contentHtml?: unknown;
  text?: unknown;
  images?: unknown;
}

const unchanged = (stored: ArticleMeta | undefined, expect: ArticleMeta | null) =>
  expect ? !!stored && sameMeta(stored, expect) : !stored;

export function librarySync(db: LibraryDB, sanitize: (html: string) => string): SyncLibrary {
  return {
    async articles() {
      return (await db.articles.toArray()).map(metaOf);
    },
    async highlights() {
      return db.highlights.toArray();
    },
    async body(url) {
      const [content, assets] = await Promise.all([db.contents.get(url), db.assets.where('article').equals(url).toArray()]);
      if (!content?.contentHtml && !content?.text && !assets.length) return null;
      const images = await Promise.all(
        assets.sort((a, b) => (a.hash < b.hash ? -1 : 1)).map(({ article: _, ...image }) => exportedImage(image)),
      );
      return encodeJson({
        contentHtml: content?.contentHtml ?? '',
        text: content?.text ?? '',
        ...(images.length ? { images } : {}),
      });
    },
    async write(w: LibraryWrite) {
      const put: ArticlePut[] = [];
      const expect = new Map<string, ArticleMeta | null>();
      for (const p of w.put) {
        let body: Body = {};
        try {
          body = p.body ? (decodeJson(p.body) as Body) : {};
        } catch {
          // a body that is not JSON: the row comes without it
        }
        const checked = validateArticle({ ...p.meta, ...(p.body === undefined ? {} : body) }, sanitize);
        if (typeof checked === 'string') continue;
        const { contentHtml, text, images, ...rest } = checked;
        // read-aloud's place is not in a backup's article: taken here, checked the same way
        const listening = p.meta.listening;
        const meta = metaOf({
          ...rest,
          ...(typeof listening === 'number' && Number.isFinite(listening) && listening > 0 ? { listening } : {}),
        });
        expect.set(meta.url, p.expect);
        put.push({
          meta,
          ...(p.body === undefined ? {} : { content: { url: meta.url, contentHtml, text }, images: images ?? [] }),
        });
      }
      const removeExpect = new Map(w.remove.map((r) => [r.url, r.expect]));
      if (put.length || removeExpect.size)
        await commit(db, [...expect.keys(), ...removeExpect.keys()], (stored) => ({
          // a row changed here since the sync read it keeps that change (the next sync sends it)
          put: put.filter((p) => unchanged(stored.get(p.meta.url), expect.get(p.meta.url)!)),
          remove: [...removeExpect].filter(([url, e]) => unchanged(stored.get(url), e)).map(([url]) => url),
          value: null,
        }));
      if (w.highlights.length) await putHighlights(db, w.highlights, { skipMissing: true });
      for (const id of w.removeHighlights) await removeHighlight(db, id);
    },
  };
}
