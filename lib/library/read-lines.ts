/**
 * A file's bytes as UTF-8 text, streamed: a file larger than memory is read chunk by chunk,
 * and bytes that are not UTF-8 stop the read with the line they are on.
 */

export class NotUtf8Error extends Error {
  constructor(readonly line: number) {
    super('not UTF-8 text (save the file as UTF-8 and import it again)');
    this.name = 'NotUtf8Error';
  }
}

/** Decoded text chunks; `lineAt()` says which line the decoder has reached (for errors). */
export async function* decodeUtf8(
  chunks: AsyncIterable<Uint8Array>,
  lineAt: () => number,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError) throw new NotUtf8Error(lineAt());
    throw error;
  }
}

export class LineTooLongError extends Error {
  constructor(readonly line: number, readonly limit: number) {
    super(`line is too long (more than ${limit} characters)`);
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
  for await (let text of decodeUtf8(chunks, () => line + 1)) {
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
