/**
 * Streaming pack reader: the header first, then the entries block by block, so a pack larger
 * than memory can be read. Every count, length and field is checked; the body's length and
 * CRC-32 are checked when the end marker is reached. A consumer must therefore treat the pack
 * as accepted only once `records` has finished without throwing: anything it did with earlier
 * entries is to be discarded when it throws (that is what "rejected whole" means here).
 */
import { inflateSync } from 'fflate';
import { ByteReader, crc32, PackFormatError } from './bytes';
import { checkMagic, checksumLabel, MAX_HEADER_BYTES, PACK_MAGIC, parseHeaderJson, type PackHeader } from './header';
import type { PackEntry } from './entry';
import { readEntry } from './record';
import { BLOCK_ENTRIES, MAX_BLOCK_BYTES, OP_PUT, OP_REMOVE } from './writer';
import { MAX_LIBRARY_FIELD_CHARS } from '../library/format';

/** A put also carries its entry's bytes as stored (a view into its inflated block). */
export type PackRecord = { op: 'put'; entry: PackEntry; encoded: Uint8Array } | { op: 'remove'; id: string };

export interface OpenedPack {
  header: PackHeader;
  /** Entries in id order (removals too, for an update). Throws PackFormatError on any defect. */
  records: AsyncGenerator<PackRecord>;
}

/** Pulls exact byte counts out of a chunk stream. */
class ChunkStream {
  private buffer = new Uint8Array(0);
  private offset = 0;
  private done = false;
  /** Bytes handed out since `mark()`, and their CRC-32. */
  counted = 0;
  crc = 0;

  constructor(private readonly chunks: AsyncIterator<Uint8Array>) {}

  private async fill(needed: number): Promise<boolean> {
    while (this.buffer.length - this.offset < needed && !this.done) {
      const next = await this.chunks.next();
      if (next.done) {
        this.done = true;
        break;
      }
      const rest = this.buffer.subarray(this.offset);
      const joined = new Uint8Array(rest.length + next.value.length);
      joined.set(rest);
      joined.set(next.value, rest.length);
      this.buffer = joined;
      this.offset = 0;
    }
    return this.buffer.length - this.offset >= needed;
  }

  async take(length: number, what: string): Promise<Uint8Array> {
    if (!(await this.fill(length))) throw new PackFormatError(`the pack is truncated (it ends inside ${what})`);
    const out = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    this.counted += length;
    this.crc = crc32(out, this.crc);
    return out;
  }

  async varint(max: number, what: string): Promise<number> {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = (await this.take(1, what))[0];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (value > max) throw new PackFormatError(`the pack is corrupt: ${what} is ${value}, more than the limit of ${max}`);
        return value;
      }
      scale *= 0x80;
    }
    throw new PackFormatError(`the pack is corrupt: ${what} is not a valid number`);
  }

  mark(): void {
    this.counted = 0;
    this.crc = 0;
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }
}

/**
 * Opens a pack or an update from its bytes (any chunking). Reads and checks the header now;
 * the entries come through `records`. `checkEngine` (default true): reject packs built with
 * other fingerprint parameters than this engine's (INDEX_VERSION and the rest).
 */
export async function openPack(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, checkEngine = true): Promise<OpenedPack> {
  const iterator = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : toAsync(chunks[Symbol.iterator]());
  const stream = new ChunkStream(iterator);
  checkMagic(await stream.take(PACK_MAGIC.length, 'its signature').catch((error: unknown) => {
    // Too short to be a pack; a file that cannot be read at all says so itself.
    throw error instanceof PackFormatError ? new PackFormatError('not a pack file (it is shorter than the pack signature)') : error;
  }));
  const headerLength = await stream.varint(MAX_HEADER_BYTES, 'the header length');
  const header = parseHeaderJson(await stream.take(headerLength, 'the header'), checkEngine);
  stream.mark();
  return { header, records: readRecords(stream, header) };
}

/**
 * Reads only the header of the pack in `chunks` (checked as openPack checks it) and gives back
 * the same bytes, from the first, as `chunks`, so that the caller can decide from the header
 * whether to read the pack at all (an update check that finds the copy it has) and, if so, hand
 * them to openPack. Holds the header and the chunks it came in, nothing more. Throws
 * PackFormatError when the bytes do not start with a valid pack header. A caller that does not
 * read the returned chunks to their end calls `close` (which ends the source: a download stops).
 */
export async function peekHeader(chunks: AsyncIterable<Uint8Array>): Promise<{ header: PackHeader; chunks: AsyncGenerator<Uint8Array>; close(): Promise<void> }> {
  const source = chunks[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  const recorded: AsyncIterator<Uint8Array> = {
    async next() {
      const next = await source.next();
      if (!next.done) seen.push(next.value);
      return next;
    },
  };
  let header: PackHeader;
  try {
    ({ header } = await openPack({ [Symbol.asyncIterator]: () => recorded }, true));
  } catch (error) {
    // A refused header: the rest is not read (a download stops).
    await source.return?.();
    throw error;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* seen.splice(0);
      for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
    } finally {
      await source.return?.();
    }
  }
  return {
    header,
    chunks: replay(),
    async close() {
      await source.return?.();
    },
  };
}

async function* toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
}

async function* readRecords(stream: ChunkStream, header: PackHeader): AsyncGenerator<PackRecord> {
  const update = header.kind === 'update';
  let puts = 0;
  let removals = 0;
  let lastId: string | undefined;
  for (let block = 1; ; block++) {
    const count = await stream.varint(BLOCK_ENTRIES, `the entry count of block ${block}`);
    if (count === 0) break;
    const rawLength = await stream.varint(MAX_BLOCK_BYTES, `the length of block ${block}`);
    const compressedLength = await stream.varint(rawLength + 1024 + Math.ceil(rawLength / 1000) * 5, `the compressed length of block ${block}`);
    const raw = inflate(await stream.take(compressedLength, `block ${block}`), rawLength, block);
    const input = new ByteReader(raw, `block ${block}`);
    for (let index = 1; index <= count; index++) {
      const where = `block ${block}, entry ${index}`;
      const op = update ? input.byte() : OP_PUT;
      let record: PackRecord;
      if (op === OP_PUT) {
        const start = input.offset;
        const entry = readEntry(input, header.fingerprint, where);
        record = { op: 'put', entry, encoded: raw.subarray(start, input.offset) };
        if (++puts > header.articles) throw new PackFormatError(`the pack holds more entries than its header says (${header.articles})`);
      } else if (op === OP_REMOVE) {
        const id = input.string(MAX_LIBRARY_FIELD_CHARS, `the id of ${where}`);
        if (id === undefined) throw new PackFormatError(`${where} has an empty id`);
        record = { op: 'remove', id };
        if (++removals > (header.removed ?? 0)) throw new PackFormatError(`the update removes more entries than its header says (${header.removed})`);
      } else {
        throw new PackFormatError(`${where}: unknown operation ${op}`);
      }
      const id = record.op === 'put' ? record.entry.id : record.id;
      if (lastId !== undefined && !(id > lastId)) throw new PackFormatError(`the pack is corrupt: entries out of order or repeated at "${id.slice(0, 80)}"`);
      lastId = id;
      yield record;
    }
    if (input.remaining !== 0) throw new PackFormatError(`the pack is corrupt: block ${block} has ${input.remaining} bytes left after its ${count} entries`);
  }
  if (!(await stream.atEnd())) throw new PackFormatError('the pack is corrupt: there are bytes after its end marker');
  if (puts !== header.articles) throw new PackFormatError(`the pack holds ${puts} entries, its header says ${header.articles}: it is truncated or corrupt`);
  if (removals !== (header.removed ?? 0)) throw new PackFormatError(`the update removes ${removals} entries, its header says ${header.removed}`);
  if (stream.counted !== header.bodyBytes) throw new PackFormatError(`the pack body is ${stream.counted} bytes, its header says ${header.bodyBytes}`);
  const expected = update ? header.updateChecksum : header.checksum;
  if (checksumLabel(stream.crc) !== expected) throw new PackFormatError(`wrong checksum: the body has ${checksumLabel(stream.crc)}, the header says ${expected}: the file is corrupt`);
}

function inflate(compressed: Uint8Array, rawLength: number, block: number): Uint8Array {
  let raw: Uint8Array;
  try {
    // One byte of room more than announced: a block that inflates to more is caught, and memory stays bounded.
    raw = inflateSync(compressed, { out: new Uint8Array(rawLength + 1) });
  } catch (error) {
    throw new PackFormatError(`the pack is corrupt: block ${block} cannot be decompressed (${error instanceof Error ? error.message : String(error)})`);
  }
  if (raw.length !== rawLength) throw new PackFormatError(`the pack is corrupt: block ${block} decompresses to a different length than announced`);
  return raw;
}
