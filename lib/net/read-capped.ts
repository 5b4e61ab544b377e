// Reading an answer from a server that may be hostile or broken: never more than a cap, whatever it
// declares or streams. Used for translation answers and for pages the background fetches itself.

/** The answer was larger than the cap: `bytes` is what it declared or what had arrived. */
export class TooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`answer over ${maxBytes} bytes (${bytes} read)`);
  }
}

/**
 * The body's bytes, refusing it past `maxBytes`: a declared Content-Length over the cap is refused
 * unread, otherwise the stream is read and the rest of the download cancelled once past the cap.
 */
export async function readCappedBytes(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Not awaited: a cancel may wait on the network; the caller need not.
    void response.body?.cancel().catch(() => undefined);
    throw new TooLargeError(declared, maxBytes);
  }
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.byteLength > maxBytes) throw new TooLargeError(whole.byteLength, maxBytes);
    return whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new TooLargeError(bytes, maxBytes);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}
