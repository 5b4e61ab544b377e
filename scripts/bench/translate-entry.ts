// What bench:translate runs: the shipped translation code, bundled for Node by esbuild.
export { translateAll } from '@/utils/translate/engine';
export { createTranslator } from '@/utils/translate/providers/index';
export { DexieTranslationCache } from '@/utils/translate/cache';
export { openLibrary } from '@/utils/library/db';
export { segmentArticle } from '@/utils/translate/segment';
