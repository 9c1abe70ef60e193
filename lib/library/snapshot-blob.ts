/**
 * The engine's index snapshot as it is stored (index-snapshot.ts): its ids as one string and
 * its four Uint32 arrays one after another in one Blob. IndexedDB keeps a Blob as a file of
 * its own and hands it back as a handle; `arrayBuffer()` then reads its bytes straight into one
 * ArrayBuffer, which the restored index uses as it is (views, no copy). In Chromium 156 that
 * read 50 MB (100,000 articles) in a median 65 ms against 144 ms for the same arrays stored as
 * typed arrays, which are structured-clone decoded on the reading thread
 * (tests/bench/browser/snapshot-read.ts, 2026-11-30, README "A restarted worker's first match").
 */
import type { IndexSnapshot } from '../core/index';

/** A snapshot as stored: `lengths` are the element counts of idLengths, counts, offsets and
 *  postings, in that order, as laid out in `arrays`. */
export interface PackedSnapshot {
  format: number;
  ids: string;
  slotBits: number;
  lengths: number[];
  arrays: Blob;
}

/** The snapshot with its arrays in one Blob (a copy of them: the index may change after). */
export function packSnapshot(index: IndexSnapshot): PackedSnapshot {
  const { format, ids, slotBits, idLengths, counts, offsets, postings } = index;
  const parts = [idLengths, counts, offsets, postings];
  // The arrays are plain ArrayBuffer-backed Uint32Arrays (never shared memory).
  return { format, ids, slotBits, lengths: parts.map((part) => part.length), arrays: new Blob(parts as Uint32Array<ArrayBuffer>[]) };
}

/**
 * Reads a stored snapshot's arrays back as views of one ArrayBuffer. Throws an Error saying what
 * is wrong when the record does not describe its arrays or the Blob's size disagrees (a Blob
 * whose file is gone rejects its read too); the arrays' contents are checked by
 * FingerprintIndex.restore.
 */
export async function unpackSnapshot(packed: Partial<PackedSnapshot>): Promise<IndexSnapshot> {
  const { format, ids, slotBits, lengths, arrays } = packed;
  if (!(arrays instanceof Blob) || !Array.isArray(lengths) || lengths.length !== 4 || !lengths.every((length) => Number.isInteger(length) && length >= 0)) {
    throw new Error('Index snapshot is unusable: its arrays are not described');
  }
  const bytes = 4 * lengths.reduce((sum, length) => sum + length, 0);
  if (arrays.size !== bytes) throw new Error(`Index snapshot is unusable: ${arrays.size} bytes of arrays, expected ${bytes}`);
  const buffer = await arrays.arrayBuffer();
  if (buffer.byteLength !== bytes) throw new Error(`Index snapshot is unusable: ${buffer.byteLength} bytes read, expected ${bytes}`);
  let at = 0;
  const [idLengths, counts, offsets, postings] = lengths.map((length) => {
    const view = new Uint32Array(buffer, at, length);
    at += 4 * length;
    return view;
  });
  return { format: format as number, ids: ids as string, slotBits: slotBits as number, idLengths, counts, offsets, postings };
}
