// What a reader uses of the entity code (page/reader-session.ts): marking the spans in its own DOM
// is done here, in steps; finding them is not. The recognizer (compromise's lexicon, the Korean
// model: a megabyte of script and tens of milliseconds of set-up, then seconds of work on a long
// article) runs in the extension's parser page (background/entities-port.ts), whose main thread is
// not the page's: the reader sends its article's text over an ENTITIES_PORT port and hears the
// progress and the spans. "Highlight page" sends the page's article the same way (page/entities.ts).
import { browser } from 'wxt/browser';
import type { EntitiesApi } from '@/lib/entities/api';
import { highlighting, mentionsOf, removeHighlights, removing, textMapping } from '@/lib/entities/dom';
import { grouping } from '@/lib/entities/group';
import { quoteUrl } from '@/lib/entities/quote';
import type { EntitySpan } from '@/lib/entities/types';
import type { SliceOptions } from '@/lib/slices';
import { ENTITIES_PORT, type FindEvent, type FindMessage, type FindRequest } from '@/platform/messages';
import type { PortLike } from '@/lib/translate/protocol';

/** The entities of `request.text`, wherever they are found; `options.signal` stops it, `onProgress` hears the share done. */
type FindEntities = (request: FindRequest, options?: Pick<SliceOptions, 'signal' | 'onProgress'>) => Promise<EntitySpan[]>;

/** Characters of the text in one message. */
const TEXT_PART = 50_000;

/** A reader's entity code: the DOM work in its page, and `find`. */
export type ReaderEntities = Pick<
  EntitiesApi,
  'textMapping' | 'highlighting' | 'removing' | 'removeHighlights' | 'grouping' | 'mentionsOf' | 'quoteUrl'
> & { find: FindEntities };

/** Asks the background (the parser page) for the entities; disconnecting stops the job there. */
const findOffPage: FindEntities = ({ text, lang, min }, { signal, onProgress } = {}) =>
  new Promise<EntitySpan[]>((resolve, reject) => {
    signal?.throwIfAborted();
    const port = browser.runtime.connect({ name: ENTITIES_PORT }) as unknown as PortLike;
    const spans: EntitySpan[] = [];
    let settled = false;
    const finish = (then: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      port.disconnect();
      then();
    };
    const onAbort = () => finish(() => reject(signal!.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    port.onMessage.addListener((raw) => {
      const event = raw as FindEvent;
      if (event.type === 'progress') onProgress?.(event.share);
      else if (event.type === 'spans') for (const s of event.spans) spans.push(s);
      else if (event.type === 'done') finish(() => resolve(spans));
      else if (event.type === 'error') finish(() => reject(new Error(event.message)));
    });
    port.onDisconnect.addListener(() => finish(() => reject(new Error('the entity recognizer stopped'))));
    // The text in parts, a turn of the page between two (each is written in the page's thread).
    void (async () => {
      const messages: FindMessage[] = [];
      for (let i = 0; i < text.length; i += TEXT_PART) messages.push({ type: 'text', text: text.slice(i, i + TEXT_PART) });
      messages.push({ type: 'find', lang, min });
      for (const message of messages) {
        if (settled) return;
        port.postMessage(message);
        await new Promise((r) => setTimeout(r, 0));
      }
    })();
  });

/** The reader's entity code in a page or an extension page. */
export const readerEntities: ReaderEntities = {
  textMapping,
  highlighting,
  removing,
  removeHighlights,
  grouping,
  mentionsOf,
  quoteUrl,
  find: findOffPage,
};
