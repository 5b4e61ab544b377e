// The entity recognizer and highlighter, loaded only when highlights are first used: the
// background injects this file (`scripting.executeScript({files: ['/entities.js']})`) into the tab,
// into the same isolated world as the reader content script, and the reader then finds the API on
// `globalThis.__readingAssistantEntities`. The reader's own bundle does not carry the recognizer,
// the English tagger or the ticker table. The saved-article reader, an extension page, loads this
// same file on first use with a <script> of its own (entrypoints/read/main.tsx), so the package
// holds the recognizer once.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ENTITIES } from '@/lib/entities/bundle';
import { ENTITIES_GLOBAL } from '@/lib/entities/api';

export default defineUnlistedScript({
  main() {
    const g = globalThis as unknown as Record<string, unknown>;
    g[ENTITIES_GLOBAL] ??= ENTITIES;
  },
});
