// The extension's own sources bundled for a page (one IIFE script, `@/` = the repository root, as
// in WXT's tsconfig): how the benchmarks and the sanitizer's end-to-end test run the shipped code
// inside a page of a real browser.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
