// End-to-end encryption of everything sync writes (WebCrypto only, so it runs in a service
// worker, an event page and Node alike). One passphrase gives two keys by PBKDF2-SHA-256 over a
// random salt kept on the server (not secret): AES-GCM-256 for the files, HMAC-SHA-256 for the
// names of content-addressed blobs (a keyed hash, so a name tells the server nothing about what
// it holds, and the same body saved on two devices gets the same name). A file is
// MAGIC · 12-byte random IV · AES-GCM(gzip(plaintext)): compressed before it is encrypted (text
// shrinks about threefold; nothing the server chose is mixed with a secret, so the length tells
// nothing CRIME-like). The tag authenticates each file, so a truncated, corrupt or foreign file
// fails to open (SyncFileError) instead of being read as something else.

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 310_000;
const MAGIC = new Uint8Array([0x52, 0x41, 0x53, 0x01]); // "RAS" 1
const IV_BYTES = 12;

/** A file that cannot be opened with the key: truncated, corrupt, or made with another passphrase. */
export class SyncFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncFileError';
  }
}

export interface SyncKeys {
  enc: CryptoKey;
  mac: CryptoKey;
}

const subtle = () => globalThis.crypto.subtle;
const buf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

export function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** 64 bytes from the passphrase (32 for AES-GCM, 32 for HMAC), to be kept on the device only. */
export async function deriveKeyBytes(passphrase: string, salt: Uint8Array, iterations = PBKDF2_ITERATIONS): Promise<Uint8Array> {
  const base = await subtle().importKey('raw', buf(new TextEncoder().encode(passphrase.normalize('NFC'))), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations }, base, 512);
  return new Uint8Array(bits);
}

export async function importKeys(raw: Uint8Array): Promise<SyncKeys> {
  if (raw.length !== 64) throw new Error('Sync keys must be 64 bytes.');
  const [enc, mac] = await Promise.all([
    subtle().importKey('raw', buf(raw.subarray(0, 32)), 'AES-GCM', false, ['encrypt', 'decrypt']),
    subtle().importKey('raw', buf(raw.subarray(32)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { enc, mac };
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(buf(bytes)).body!.pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encrypt(keys: SyncKeys, plain: Uint8Array): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES);
  const packed = await pipe(plain, new CompressionStream('gzip'));
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: buf(iv) }, keys.enc, buf(packed)));
  const out = new Uint8Array(MAGIC.length + IV_BYTES + sealed.length);
  out.set(MAGIC);
  out.set(iv, MAGIC.length);
  out.set(sealed, MAGIC.length + IV_BYTES);
  return out;
}

/** The plaintext, or SyncFileError when the file is not one of ours sealed with this key. */
export async function decrypt(keys: SyncKeys, file: Uint8Array): Promise<Uint8Array> {
  if (file.length < MAGIC.length + IV_BYTES + 16 || MAGIC.some((b, i) => file[i] !== b))
    throw new SyncFileError('The file is not a sync file (or it is truncated).');
  const iv = file.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  let packed: Uint8Array;
  try {
    packed = new Uint8Array(
      await subtle().decrypt({ name: 'AES-GCM', iv: buf(iv) }, keys.enc, buf(file.subarray(MAGIC.length + IV_BYTES))),
    );
  } catch {
    throw new SyncFileError('The file does not open with this passphrase (or it is corrupt).');
  }
  try {
    return await pipe(packed, new DecompressionStream('gzip'));
  } catch {
    throw new SyncFileError('The file is corrupt.');
  }
}

export const encodeJson = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
export const decodeJson = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The name of a content-addressed blob: a keyed hash of its plaintext (40 hex digits). */
export async function blobName(keys: SyncKeys, plain: Uint8Array): Promise<string> {
  return hex(new Uint8Array(await subtle().sign('HMAC', keys.mac, buf(plain)))).slice(0, 40);
}

/** A random id of `bytes` bytes as hex (device ids, highlight copies). */
export const randomId = (bytes = 8) => hex(randomBytes(bytes));
