// Compact binary format of the Korean NER weights (shipped base64-encoded in model-data.ts).
//   u8 version (2) | u8 bits | u8 labels L | u8 flags (1: news domain copies) | int16 trans[(L+1)*L]
//   u8 T | T × u16 label masks (the commonest, most frequent first)
//   u32 number of stored buckets | per bucket: varint bucket delta, u8 mask code (< T: the table's
//   mask; 255: a u16 mask follows), int8 weight per set bit of the mask
// Weights are quantised: emission and transition scores share one integer scale. Version 1 (a u16
// mask per bucket, no table) is still read.

export interface KoreanModel {
  bits: number;
  labels: number;
  flags: number;
  weights: Int8Array | Float32Array;
  trans: Float32Array;
}

const ESCAPE = 255;

export function encodeModel(bits: number, labels: number, weights: Int8Array, trans: Int16Array, flags = 0): Uint8Array {
  const bytes: number[] = [2, bits, labels, flags];
  for (const v of trans) bytes.push(v & 255, (v >> 8) & 255);
  const H = 1 << bits;
  const masks: number[] = new Array(H).fill(0);
  const freq = new Map<number, number>();
  for (let b = 0; b < H; b++) {
    let m = 0;
    for (let y = 0; y < labels; y++) if (weights[b * labels + y]) m |= 1 << y;
    masks[b] = m;
    if (m) freq.set(m, (freq.get(m) ?? 0) + 1);
  }
  // The commonest masks (ties by mask value, so the table is deterministic).
  const table = [...freq.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, ESCAPE)
    .map(([m]) => m);
  const code = new Map(table.map((m, i) => [m, i]));
  bytes.push(table.length);
  for (const m of table) bytes.push(m & 255, m >> 8);
  const body: number[] = [];
  let count = 0,
    last = 0;
  for (let b = 0; b < H; b++) {
    const m = masks[b]!;
    if (!m) continue;
    count++;
    let d = b - last;
    last = b;
    while (d >= 128) {
      body.push((d & 127) | 128);
      d >>>= 7;
    }
    body.push(d);
    const c = code.get(m);
    if (c === undefined) body.push(ESCAPE, m & 255, m >> 8);
    else body.push(c);
    for (let y = 0; y < labels; y++) if (m & (1 << y)) body.push(weights[b * labels + y]! & 255);
  }
  bytes.push(count & 255, (count >> 8) & 255, (count >> 16) & 255, (count >>> 24) & 255);
  return Uint8Array.from([...bytes, ...body]);
}

export function decodeModel(buf: Uint8Array): KoreanModel {
  const version = buf[0];
  if (buf.length < 8 || (version !== 1 && version !== 2)) throw new Error('Korean NER model: bad header');
  const bits = buf[1]!,
    L = buf[2]!,
    flags = buf[3]!;
  if (bits < 8 || bits > 24 || L < 3 || L > 16) throw new Error('Korean NER model: bad header');
  let p = 4;
  const trans = new Float32Array((L + 1) * L);
  for (let i = 0; i < trans.length; i++, p += 2) trans[i] = ((buf[p]! | (buf[p + 1]! << 8)) << 16) >> 16;
  const table: number[] = [];
  if (version === 2) {
    const T = buf[p++]!;
    for (let i = 0; i < T; i++, p += 2) table.push(buf[p]! | (buf[p + 1]! << 8));
  }
  const count = (buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24)) >>> 0;
  p += 4;
  const weights = new Int8Array((1 << bits) * L);
  let b = 0;
  for (let k = 0; k < count; k++) {
    let d = 0,
      shift = 0,
      byte: number;
    do {
      byte = buf[p++]!;
      d |= (byte & 127) << shift;
      shift += 7;
    } while (byte & 128);
    b += d;
    let m: number;
    if (version === 1) {
      m = buf[p]! | (buf[p + 1]! << 8);
      p += 2;
    } else {
      const c = buf[p++]!;
      if (c === ESCAPE) {
        m = buf[p]! | (buf[p + 1]! << 8);
        p += 2;
      } else if (c < table.length) m = table[c]!;
      else throw new Error('Korean NER model: corrupt body');
    }
    if (b >= 1 << bits || p > buf.length) throw new Error('Korean NER model: corrupt body');
    for (let y = 0; y < L; y++) if (m & (1 << y)) weights[b * L + y] = (buf[p++]! << 24) >> 24;
  }
  if (p !== buf.length) throw new Error('Korean NER model: trailing or missing bytes');
  return { bits, labels: L, flags, weights, trans };
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
