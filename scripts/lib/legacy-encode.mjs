// Encoding text into the legacy encodings of East Asian and Western pages (EUC-KR, Shift_JIS,
// GB18030, windows-1252), for tests that need real bytes of such pages. TextEncoder only writes
// UTF-8, so the table is built by decoding every one- and two-byte sequence with TextDecoder (the
// very decoder browsers use) and reversing it. Characters the encoding lacks are written as &#N;.
// (Node reads windows-1252's 0x80–0x9F as Latin-1 controls, so ’ € … come out as &#N; there.)

import { TextDecoder } from 'node:util';

/** @type {Map<string, Map<string, number[]>>} */
const tables = new Map();

/** @param {string} encoding */
function table(encoding) {
  let map = tables.get(encoding);
  if (map) return map;
  map = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const add = (/** @type {number[]} */ bytes) => {
    try {
      const ch = decoder.decode(Uint8Array.from(bytes));
      if ([...ch].length === 1 && !map.has(ch)) map.set(ch, bytes);
    } catch {
      // Not a character in this encoding.
    }
  };
  for (let b = 0; b < 0x100; b++) add([b]);
  if (encoding !== 'windows-1252')
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  tables.set(encoding, map);
  return map;
}

/**
 * @param {string} text
 * @param {'euc-kr'|'shift_jis'|'gb18030'|'windows-1252'} encoding
 * @returns {Uint8Array}
 */
export function legacyEncode(text, encoding) {
  const map = table(encoding);
  /** @type {number[]} */
  const out = [];
  for (const ch of text) {
    const bytes = ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : map.get(ch);
    if (bytes) out.push(...bytes);
    else for (const c of `&#${ch.codePointAt(0)};`) out.push(c.charCodeAt(0));
  }
  return Uint8Array.from(out);
}
