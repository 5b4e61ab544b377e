// What the library benchmark runs inside a real extension page: the library code the extension
// ships, bundled as it is (esbuild, IIFE) and exposed on window.__lib.
import { openLibrary } from '@/extension/library/db';
import { generateArticles, generatePocketHtml } from '@/lib/library/generate';
import { exportJson, importItems, parseImport } from '@/extension/library/io';
import { searchLibrary } from '@/extension/library/search';
import { getArticle, getMetas, listUrls, openingUrls, recent, saveArticle } from '@/extension/library/store';
import { putHighlights } from '@/extension/library/highlights';
import { highlightCount, highlightsPage } from '@/extension/library/highlights-view';
import { saveWithImages } from '@/extension/save-page';
import { measureReanchoring } from './reanchor-entry';

Object.assign(window, {
  __lib: {
    openLibrary,
    generateArticles,
    generatePocketHtml,
    exportJson,
    importItems,
    parseImport,
    searchLibrary,
    getArticle,
    recent,
    saveArticle,
    saveWithImages,
    measureReanchoring,
    putHighlights,
    highlightsPage,
    highlightCount,
    listUrls,
    openingUrls,
    getMetas,
  },
});
