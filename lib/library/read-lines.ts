/**
 * A file's bytes as UTF-8 text, streamed: a file larger than memory is read chunk by chunk,
 * and bytes that are not UTF-8 stop the read with the line they are on.
 */
import { t } from '../i18n';

export class NotUtf8Error extends Error {
  constructor(readonly line: number) {
    super(t('importNotUtf8'));
    this.name = 'NotUtf8Error';
  }
}

/**
 * Decoded text chunks. Bytes that are not UTF-8 throw a NotUtf8Error naming the line they are
 * on: the newline byte (0x0A) never occurs inside a multi-byte sequence, so lines are counted
 * on the bytes, and the failing chunk is split at its newlines to find the bad one.
 */
export async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let linesBefore = 0;
  // The last bytes of the previous chunk: a character may be split between two chunks.
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (error) {
      if (error instanceof TypeError) throw new NotUtf8Error(linesBefore + 1 + badLineIn(carry, chunk));
      throw error;
    }
    linesBefore += countNewlines(chunk);
    carry = lastBytes(carry, chunk, 3);
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    // A character cut off by the end of the file.
    if (error instanceof TypeError) throw new NotUtf8Error(linesBefore + 1);
    throw error;
  }
}

function lastBytes(before: Uint8Array, chunk: Uint8Array, count: number): Uint8Array {
  if (chunk.length >= count) return chunk.slice(chunk.length - count);
  const joined = new Uint8Array(before.length + chunk.length);
  joined.set(before);
  joined.set(chunk, before.length);
  return joined.slice(Math.max(0, joined.length - count));
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  // indexOf searches natively: several times faster than visiting each byte in script.
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

/** 0-based line within `chunk` holding its first byte that is not UTF-8 (`carry`: the bytes
 *  before the chunk, which may begin a character the chunk ends). */
function badLineIn(carry: Uint8Array, chunk: Uint8Array): number {
  const bytes = new Uint8Array(carry.length + chunk.length);
  bytes.set(carry);
  bytes.set(chunk, carry.length);
  // Skip the carried bytes up to where a character may start inside them.
  let start = 0;
  while (start < carry.length && !isCharStart(bytes, start)) start++;
  let line = 0;
  for (let from = start; from <= bytes.length; ) {
    const end = bytes.indexOf(0x0a, from);
    const stop = end < 0 ? bytes.length : end;
    try {
      // Streaming: a character cut by the end of the chunk is not an error here.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(from, stop), { stream: true });
    } catch {
      return line;
    }
    if (end < 0) break;
    if (end >= carry.length) line++;
    from = end + 1;
  }
  return 0;
}

/** True when a character starting at `index` (a lead byte followed by its continuation bytes) can be read there. */
function isCharStart(bytes: Uint8Array, index: number): boolean {
  const byte = bytes[index];
  return byte < 0x80 || byte >= 0xc0;
}

export class LineTooLongError extends Error {
  constructor(readonly line: number, readonly limit: number) {
    super(t('importLineTooLong', limit));
    this.name = 'LineTooLongError';
  }
}

/** Lines of a byte stream (LF or CRLF ends, a leading byte-order mark dropped), with 1-based
 *  numbers. A line longer than `maxLineChars` stops the read before it fills memory. */
export async function* readLines(
  chunks: AsyncIterable<Uint8Array>,
  maxLineChars: number = Infinity,
): AsyncGenerator<{ text: string; line: number }> {
  let line = 0;
  let pending = '';
  let first = true;
  for await (let text of decodeUtf8(chunks)) {
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    pending += text;
    let end = pending.indexOf('\n');
    let start = 0;
    while (end >= 0) {
      line++;
      yield { text: stripCr(pending.slice(start, end)), line };
      start = end + 1;
      end = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
    if (pending.length > maxLineChars) throw new LineTooLongError(line + 1, maxLineChars);
  }
  if (pending.length > 0) yield { text: stripCr(pending), line: line + 1 };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
