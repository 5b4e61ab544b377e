// What bench:translate runs: the shipped translation code, bundled for Node by esbuild.
export { translateAll } from '@/lib/translate/engine';
export { createTranslator } from '@/lib/translate/providers/index';
export { DexieTranslationCache } from '@/extension/translate/cache';
export { openLibrary } from '@/extension/library/db';
export { segmentArticle } from '@/lib/translate/segment';
