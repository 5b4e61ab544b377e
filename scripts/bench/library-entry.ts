// What the library benchmark runs inside a real extension page: the library code the extension
// ships, bundled as it is (esbuild, IIFE) and exposed on window.__lib.
import { openLibrary } from '@/utils/library/db';
import { generateArticles } from '@/utils/library/generate';
import { exportJson, importItems, parseImport } from '@/utils/library/io';
import { searchLibrary } from '@/utils/library/search';
import { getArticle, recent, saveArticle } from '@/utils/library/store';

Object.assign(window, { __lib: { openLibrary, generateArticles, exportJson, importItems, parseImport, searchLibrary, getArticle, recent, saveArticle } });
