// The entity recognizer and highlighter, loaded only when highlights are first used: the
// background injects this file (`scripting.executeScript({files: ['/entities.js']})`) into the tab,
// into the same isolated world as the reader content script, for "Highlight page", which then finds
// the API on `globalThis.__readingAssistantEntities`. The readers (the overlay, the saved-article
// page) have their names found in the parser page instead (page/find-entities.ts), off the page's
// main thread; the reader's own bundle carries no recognizer, English tagger or ticker table.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ENTITIES } from '@/lib/entities/bundle';
import { ENTITIES_GLOBAL } from '@/lib/entities/api';

export default defineUnlistedScript({
  main() {
    const g = globalThis as unknown as Record<string, unknown>;
    g[ENTITIES_GLOBAL] ??= ENTITIES;
  },
});
