/**
 * Worker thread of `pack build`: takes a batch of whole NDJSON lines as UTF-8 bytes (transferred,
 * not copied), parses them (lib/library/format), turns each article into a pack entry
 * (fingerprints of lib/core; the text stays here) and encodes it as the pack stores it. Replies
 * per batch with the ids and the encoded entries in one transferred buffer, or with the first
 * bad line (its number within the batch: the main thread knows where the batch starts).
 * Once the entries are sorted, it also deflates the pack's blocks, in parallel with the others.
 */
import { parentPort } from 'node:worker_threads';
import { deflateSync } from 'fflate';
import { isBlankLibraryLine, LibraryFormatError, parseLibraryLine } from '../library/format';
import { ByteWriter } from '../packs/bytes';
import { packEntryOf } from '../packs/entry';
import { entryProblem, writeEntry } from '../packs/record';
import type { DeflateLevel } from '../packs/writer';

export interface BuildBatch {
  batch: number;
  /** Whole lines: the batch ends at a line break or at the end of its input. */
  bytes: Uint8Array;
}

export type BuildReply =
  /** `lines` in the batch; entry i is `bytes` from ends[i - 1] (0 for the first) to ends[i]. */
  | { batch: number; lines: number; ids: string[]; ends: Uint32Array; bytes: Uint8Array }
  /** `line`: 0 for the batch's first line. */
  | { batch: number; line: number; reason: string };

/** Line breaks as node:readline finds them (CR LF, LF, or a CR alone). */
const LINE_BREAK = /\r?\n|\r(?!\n)/;
// A byte-order mark stays in the text, where the library format's parser expects and skips it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The entries of a batch, or the first line that cannot be one. */
export function encodeBatch(message: BuildBatch): BuildReply {
  const text = decoder.decode(message.bytes);
  // Splitting at one character is much cheaper than at a pattern; CRs are rare in NDJSON.
  const lines = text.includes('\r') ? text.split(LINE_BREAK) : text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop(); // the break after the last line
  const out = new ByteWriter();
  const ids: string[] = [];
  const ends: number[] = [];
  for (let line = 0; line < lines.length; line++) {
    // A line that opens an object is not blank (the check would copy and trim the whole line).
    if (lines[line].charCodeAt(0) !== 0x7b && isBlankLibraryLine(lines[line])) continue;
    try {
      const article = parseLibraryLine(lines[line], { file: '', line });
      const problem = entryProblem(article);
      if (problem) return { batch: message.batch, line, reason: problem };
      const entry = packEntryOf(article);
      writeEntry(out, entry);
      ids.push(entry.id);
      ends.push(out.size);
    } catch (error) {
      const reason = error instanceof LibraryFormatError ? error.reason : error instanceof Error ? error.message : String(error);
      return { batch: message.batch, line, reason };
    }
  }
  return { batch: message.batch, lines: lines.length, ids, ends: Uint32Array.from(ends), bytes: out.toBytes() };
}

/** A raw pack block to deflate (the pack writer's framing stays on the main thread). */
export interface DeflateRequest {
  block: number;
  raw: Uint8Array;
  level: DeflateLevel;
}

export interface DeflateReply {
  block: number;
  compressed: Uint8Array;
}

parentPort?.on('message', (message: BuildBatch | DeflateRequest) => {
  if ('raw' in message) {
    const compressed = deflateSync(message.raw, { level: message.level });
    parentPort!.postMessage({ block: message.block, compressed } satisfies DeflateReply, [compressed.buffer as ArrayBuffer]);
    return;
  }
  const reply = encodeBatch(message);
  parentPort!.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer, reply.ends.buffer as ArrayBuffer] : []);
});
