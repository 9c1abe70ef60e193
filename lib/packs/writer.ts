/**
 * Writes a pack body: entries in strictly increasing id order (JavaScript string order), in
 * blocks of up to BLOCK_ENTRIES entries, each block deflated (fflate). Layout of a block:
 * varint entry count, varint raw length, varint compressed length, the deflated bytes; a
 * zero count ends the body. An update's entries start with one byte: 1 put, 0 remove (then
 * only the id follows). Output goes to `emit` chunk by chunk, so memory holds one block.
 */
import { deflateSync, type DeflateOptions } from 'fflate';
import { ByteWriter, crc32 } from './bytes';
import type { PackEntry } from './entry';
import { entryProblem, writeEntry } from './record';

export const BLOCK_ENTRIES = 1024;
/** Largest raw block a reader accepts: 1024 entries of maximal labels and keys stay below it. */
export const MAX_BLOCK_BYTES = 64 * 1024 * 1024;

export const OP_REMOVE = 0;
export const OP_PUT = 1;

export interface BodySummary {
  /** Entries put (a pack's article count). */
  articles: number;
  /** Ids removed (updates only). */
  removed: number;
  bodyBytes: number;
  crc: number;
}

export class PackBodyWriter {
  private readonly block = new ByteWriter();
  private readonly frame = new ByteWriter();
  private inBlock = 0;
  private lastId: string | undefined;
  private summary: BodySummary = { articles: 0, removed: 0, bodyBytes: 0, crc: 0 };
  private finished = false;

  /**
   * `update`: write an update body (puts and removals) instead of a pack body. `deflateLevel`:
   * 6 for every pack handed out (the level decides the bytes); temporary packs read back at
   * once (a build's sorted runs) can take a faster level.
   */
  constructor(
    private readonly emit: (chunk: Uint8Array) => void,
    private readonly update = false,
    private readonly deflateLevel: DeflateOptions['level'] = 6,
  ) {}

  /** Adds an entry; throws a RangeError when ids are not strictly increasing or the entry is invalid. */
  put(entry: PackEntry): void {
    const problem = entryProblem(entry);
    if (problem) throw new RangeError(`entry "${entry.id}": ${problem}`);
    this.order(entry.id);
    if (this.update) this.block.byte(OP_PUT);
    writeEntry(this.block, entry);
    this.summary.articles++;
    this.counted();
  }

  /**
   * Adds an entry already encoded by writeEntry (a build worker's, or one read from a pack this
   * process wrote), whose id is `id`: its bytes are copied, not decoded and encoded again. The
   * caller vouches that the entry passed entryProblem; the order is checked here.
   */
  putEncoded(id: string, encoded: Uint8Array): void {
    this.order(id);
    if (this.update) this.block.byte(OP_PUT);
    this.block.bytes(encoded);
    this.summary.articles++;
    this.counted();
  }

  /** Update bodies only: `id` is removed from the pack. */
  remove(id: string): void {
    if (!this.update) throw new Error('a pack body cannot remove entries');
    this.order(id);
    this.block.byte(OP_REMOVE);
    this.block.string(id);
    this.summary.removed++;
    this.counted();
  }

  /** Writes the last block and the end marker; returns the counts and the body's CRC-32. */
  finish(): BodySummary {
    this.flushBlock();
    this.frame.reset();
    this.frame.varint(0);
    this.write(this.frame.toBytes());
    this.finished = true;
    return { ...this.summary };
  }

  private order(id: string): void {
    if (this.finished) throw new Error('the pack body is already finished');
    if (this.lastId !== undefined && !(id > this.lastId)) {
      throw new RangeError(`pack entries must come in increasing id order without repeats: "${id}" after "${this.lastId}"`);
    }
    this.lastId = id;
  }

  private counted(): void {
    this.inBlock++;
    if (this.inBlock >= BLOCK_ENTRIES) this.flushBlock();
  }

  private flushBlock(): void {
    if (this.inBlock === 0) return;
    const raw = this.block.toBytes();
    const compressed = deflateSync(raw, { level: this.deflateLevel });
    this.frame.reset();
    this.frame.varint(this.inBlock);
    this.frame.varint(raw.length);
    this.frame.varint(compressed.length);
    this.write(this.frame.toBytes());
    this.write(compressed);
    this.block.reset();
    this.inBlock = 0;
  }

  private write(chunk: Uint8Array): void {
    this.summary.crc = crc32(chunk, this.summary.crc);
    this.summary.bodyBytes += chunk.length;
    this.emit(chunk);
  }
}
