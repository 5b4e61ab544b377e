// A Bloom filter over strings (double hashing), for word lists shipped compactly (nouns.ts).

/** Two independent 32-bit string hashes (FNV-1a and a multiplicative one) for double hashing. */
function hashes(word: string): [number, number] {
  let a = 0x811c9dc5 | 0,
    b = 0x9747b28c | 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [a >>> 0, (b >>> 0) | 1];
}

/** Bit positions of a word in a filter of `bits` bits with `k` hashes. */
function bloomPositions(word: string, bits: number, k: number): number[] {
  const [a, b] = hashes(word);
  const out: number[] = [];
  for (let i = 0; i < k; i++) out.push(((a + Math.imul(i, b)) >>> 0) % bits);
  return out;
}

export function buildBloom(words: Iterable<string>, bits: number, k: number): Uint8Array {
  const filter = new Uint8Array(Math.ceil(bits / 8));
  for (const w of words) for (const p of bloomPositions(w, bits, k)) filter[p >> 3]! |= 1 << (p & 7);
  return filter;
}

export function bloomHas(filter: Uint8Array, bits: number, k: number, word: string): boolean {
  return bloomPositions(word, bits, k).every((p) => (filter[p >> 3]! >> (p & 7)) & 1);
}
