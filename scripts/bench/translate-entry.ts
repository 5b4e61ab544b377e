// What bench:translate runs: the shipped translation code, bundled for Node by esbuild.
export { translateAll } from '@/lib/translate/engine';
export { createTranslator } from '@/lib/translate/providers/index';
export { DexieTranslationCache, openTranslationCache } from '@/extension/translate/cache';
export { segmentArticle } from '@/lib/translate/segment';
