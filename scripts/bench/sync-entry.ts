// What the sync bench runs in Node: the sync engine and WebDAV client the extension ships,
// bundled by esbuild (scripts/bench/sync.mjs), with the generated library of the library bench.
export { generateArticles } from '@/lib/library/generate';
export { metaOf } from '@/lib/library/records';
export { importKeys } from '@/lib/sync/crypto';
export { openFolder, runSync } from '@/lib/sync/engine';
export { memoryLibrary, memoryState } from '@/lib/sync/memory';
export { webDavStore } from '@/lib/sync/webdav';
