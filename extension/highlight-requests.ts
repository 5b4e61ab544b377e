// The background's answers to the readers' highlight messages. The saved-article page could write
// the database itself, but the reader over a web page is a content script: it asks here, and may
// only read and change the highlights of the article of the page it is on. Which article that is,
// the background reads from the sender's own tab (`reader/capture`), never from the message; a
// highlight on an article not saved yet saves it first, by the same path as the Save button.
import { browser, type Browser } from 'wxt/browser';
import type { LibraryDB } from '@/extension/library/db';
import { getHighlight, listHighlights, putHighlights, removeHighlight } from '@/extension/library/highlights';
import { saveTab, type SaveMedia } from '@/extension/save-page';
import { canonicalUrl } from '@/lib/library/records';
import { senderKind, type Handlers, type PageCapture, type SaveResult } from '@/platform/messages';

type Sender = Browser.runtime.MessageSender;

/** The library key of the article in the sender's page (a content script), or null for an extension page. */
async function pageArticle(sender: Sender): Promise<string | null> {
  if (senderKind(sender) !== 'content-script') return null;
  const capture = (await browser.tabs.sendMessage(
    sender.tab!.id!,
    { type: 'reader/capture', payload: undefined },
    { frameId: sender.frameId ?? 0 },
  )) as PageCapture;
  if (!capture.article) throw new Error('This page holds no article to highlight.');
  return canonicalUrl(capture.article.canonicalUrl || capture.url);
}

export function highlightHandlers(
  db: LibraryDB,
  media: SaveMedia = {},
): Pick<Handlers, 'highlights/list' | 'highlights/put' | 'highlights/remove'> {
  return {
    'highlights/list': async ({ article }, sender) => listHighlights(db, (await pageArticle(sender)) ?? article),
    'highlights/put': async ({ highlight }, sender) => {
      const own = await pageArticle(sender);
      let saved: SaveResult | null = null;
      if (own && !(await db.articles.get(own))) {
        // With its pictures, as Save does; the reader confirms it itself (one message, not two).
        saved = await saveTab(db, sender.tab!.id!, media, { quiet: true });
        if (!saved.ok) throw new Error(`The article could not be saved, so the highlight was not kept (${saved.error}).`);
      }
      const { written } = await putHighlights(db, [{ ...highlight, article: own ?? highlight.article }]);
      return { highlight: written[0]!, saved };
    },
    'highlights/remove': async ({ id }, sender) => {
      const own = await pageArticle(sender);
      if (own) {
        const row = await getHighlight(db, id);
        if (row && row.article !== own) throw new Error('A reader may only remove the highlights of its own page.');
      }
      return removeHighlight(db, id);
    },
  };
}
