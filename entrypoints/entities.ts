// The entity recognizer and highlighter, loaded only when names are first asked for, and only in the
// extension's parser page (background/parse-html.ts), which finds the API on
// `globalThis.__readingAssistantEntities`: the readers (the overlay, the saved-article page) and
// "Highlight page" have their names found there (page/find-entities.ts), off the web page's main
// thread; no web page ever loads this file, and the reader's own bundle carries no recognizer,
// English tagger or ticker table. (bench:entities evaluates it in a page to time the recognizer.)
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ENTITIES } from '@/lib/entities/bundle';
import { ENTITIES_GLOBAL } from '@/lib/entities/api';

export default defineUnlistedScript({
  main() {
    const g = globalThis as unknown as Record<string, unknown>;
    g[ENTITIES_GLOBAL] ??= ENTITIES;
  },
});
