// The extension's own sources bundled for a page (one IIFE script, `@/` = the repository root, as
// in WXT's tsconfig): how the benchmarks and the sanitizer's end-to-end test run the shipped code
// inside a page of a real browser; and bundled for Node (nodeModule): how the benchmarks that need
// no browser run it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const REPO = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * @param {{entry?: string, contents?: string, root?: string}} source a file (relative to `root`) or
 *   TypeScript source; `root` (default: this repository) may be another checkout of it, whose
 *   packages then come from this one's node_modules.
 * @returns {Promise<string>}
 */
export async function pageBundle({ entry, contents, root = REPO }) {
  const alias = {
    name: 'alias-root',
    setup: (b) =>
      b.onResolve({ filter: /^@\// }, (args) => b.resolve(`./${args.path.slice(2)}`, { resolveDir: root, kind: args.kind })),
  };
  const result = await build({
    ...(entry
      ? { entryPoints: [path.join(root, entry)] }
      : { stdin: { contents: contents ?? '', loader: 'ts', resolveDir: root } }),
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [alias],
    nodePaths: [path.join(REPO, 'node_modules')],
  });
  return result.outputFiles[0].text;
}

/**
 * The shipped sources as a Node module (ESM; packages stay in node_modules), written under
 * bench-results/ and imported.
 * @param {{entry?: string, contents?: string, name: string}} source a file (relative to the
 *   repository) or TypeScript source; `name` names the written bundle.
 * @returns {Promise<Record<string, any>>}
 */
export async function nodeModule({ entry, contents, name }) {
  const outfile = path.join(REPO, 'bench-results', `.${name}-bundle.mjs`);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    ...(entry
      ? { entryPoints: [path.join(REPO, entry)] }
      : { stdin: { contents: contents ?? '', loader: 'ts', resolveDir: REPO } }),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    alias: { '@': REPO },
    outfile,
    logLevel: 'error',
  });
  // eslint-disable-next-line no-unsanitized/method -- our own bundle, written just above
  return import(pathToFileURL(outfile).href);
}
