// Posting lists: for each search term, the ids of the articles that contain it
// (lib/library/terms.ts makes the terms, catalog.ts gives the ids; search-index.ts keeps them).
//
// Stored in blocks: a row of the `postings` table holds consecutive terms in key order (UTF-16
// code units, the order IndexedDB and JavaScript both sort strings in) with their id lists, and is
// keyed by its first term. A block closes once it holds the index's tuning.blockIds ids (a term is never
// split, so a very common term may make a block larger). Reading the terms that start with a
// prefix reads the block that holds the prefix's place (the last block keyed ≤ the prefix) and
// the blocks keyed within the prefix's range: one or two rows of ~64 KB for most prefixes.
//
// Why blocks rather than a row per term: in Chromium each row written costs ~80 µs (measured on
// the 2-core test machine), whatever its size; real text has hundreds of thousands of distinct
// terms per 10,000 articles, and the old multiEntry index (one index entry per term and article,
// 3.4 million for 10,000 articles) took 2 minutes to import 10,000 articles. Blocks make the cost
// of writing the index proportional to its size (~4 bytes an id), about 0.2 s for 10,000.
//
// The blocks are rebuilt as a whole (mergePostings): after an import, and when enough articles
// have been saved since (their terms wait in the `terms` table, see search-index.ts). Rebuilding
// drops the ids of deleted articles and the old postings of re-indexed ones.
import type { LibraryDB } from '@/extension/library/db';
import type { PostingBlock } from '@/extension/library/schema';

/** Reads the id lists of every term starting with `prefix`. */
export async function prefixPostings(db: LibraryDB, prefix: string): Promise<Uint32Array[]> {
  const [floor, within] = await Promise.all([
    db.postings.where(':id').belowOrEqual(prefix).reverse().limit(1).toArray(),
    db.postings.where(':id').between(prefix, `${prefix}\uffff`, false, true).toArray(),
  ]);
  const out: Uint32Array[] = [];
  for (const block of [...floor, ...within]) {
    const terms = block.terms.split('\n');
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) {
      out.push(block.ids.subarray(i === 0 ? 0 : block.ends[i - 1]!, block.ends[i]!));
    }
  }
  return out;
}

/** Collects sorted terms with their ids into blocks. */
class BlockWriter {
  readonly blocks: PostingBlock[] = [];
  readonly keys: string[] = [];
  private terms: string[] = [];
  private ends: number[] = [];
  private ids: number[] = [];

  constructor(private readonly blockIds: number) {}

  add(term: string, ids: ArrayLike<number>, keep?: Uint8Array): void {
    const before = this.ids.length;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!keep || keep[id] === 1) this.ids.push(id);
    }
    if (this.ids.length === before) return;
    this.terms.push(term);
    this.ends.push(this.ids.length);
    if (this.ids.length >= this.blockIds) this.flush();
  }

  flush(): void {
    if (this.terms.length === 0) return;
    this.keys.push(this.terms[0]!);
    this.blocks.push({ terms: this.terms.join('\n'), ends: Uint32Array.from(this.ends), ids: Uint32Array.from(this.ids) });
    this.terms = [];
    this.ends = [];
    this.ids = [];
  }
}

/**
 * New blocks from the old ones (in key order) and new postings: of the old postings, only the ids
 * that `keep` marks (keep[id] === 1) stay; `added` (term → ids) is merged in.
 */
export function mergePostings(
  old: readonly PostingBlock[],
  keep: Uint8Array,
  added: ReadonlyMap<string, readonly number[]>,
  blockIds: number,
) {
  const writer = new BlockWriter(Math.max(1, blockIds));
  const fresh = [...added.keys()].sort();
  let j = 0;
  for (const block of old) {
    const terms = block.terms.split('\n');
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      while (j < fresh.length && fresh[j]! < term) {
        writer.add(fresh[j]!, added.get(fresh[j]!)!);
        j++;
      }
      const ids = block.ids.subarray(i === 0 ? 0 : block.ends[i - 1]!, block.ends[i]!);
      if (j < fresh.length && fresh[j] === term) {
        const more = added.get(term)!;
        const merged: number[] = [];
        for (const id of ids) if (keep[id] === 1) merged.push(id);
        writer.add(term, merged.concat(more));
        j++;
      } else {
        writer.add(term, ids, keep);
      }
    }
  }
  for (; j < fresh.length; j++) writer.add(fresh[j]!, added.get(fresh[j]!)!);
  writer.flush();
  return { blocks: writer.blocks, keys: writer.keys };
}

/**
 * Rebuilds the postings (inside the caller's read-write transaction on `postings`): the old ones
 * (`old` when the caller has read them already) whose ids `keep` marks, plus `added`.
 */
export async function rewritePostings(
  db: LibraryDB,
  keep: Uint8Array,
  added: ReadonlyMap<string, readonly number[]>,
  old?: readonly PostingBlock[],
): Promise<void> {
  const { blocks, keys } = mergePostings(old ?? (await db.postings.toArray()), keep, added, db.tuning.blockIds);
  await Promise.all([db.postings.clear(), blocks.length ? db.postings.bulkPut(blocks, keys) : null]);
}
