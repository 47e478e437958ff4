/**
 * Split a byte stream into lines without loading it whole. Not node:readline: readline decodes
 * leniently (invalid UTF-8 becomes U+FFFD, so a bad line could not be reported) and buffers a line
 * of any length; here each line stays bytes until the caller decodes it strictly, and a line over
 * the limit is dropped as it streams past, keeping memory bounded.
 */
export interface RawLine {
  /** 1-based line number */
  number: number;
  /** the line without its \n (and \r), or null when it was longer than maxBytes */
  bytes: Buffer | null;
  /** byte length of the line, also when it was dropped */
  size: number;
}

export async function* splitLines(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let number = 1;
  const take = (): RawLine => {
    let bytes: Buffer | null = size > maxBytes ? null : Buffer.concat(parts, size);
    if (bytes && bytes.at(-1) === 0x0d) bytes = bytes.subarray(0, -1);
    const line = { number, bytes, size };
    parts = [];
    size = 0;
    number++;
    return line;
  };
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    while (from <= buf.length) {
      const nl = buf.indexOf(0x0a, from);
      const piece = buf.subarray(from, nl < 0 ? buf.length : nl);
      size += piece.length;
      // Keep bytes only while under the limit: a 2 GB line costs no memory.
      if (size <= maxBytes) parts.push(piece);
      else parts = [];
      if (nl < 0) break;
      yield take();
      from = nl + 1;
    }
  }
  if (size > 0) yield take();
}
