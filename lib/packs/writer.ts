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

/** Blocks a writer with `deflate` lets wait for their deflated bytes before its callers pause (`settle`): about 5 MB. */
export const DEFLATE_BACKLOG = 16;

export type DeflateLevel = DeflateOptions['level'];

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
  /** Blocks not written yet, in order: the first waits for its deflated bytes (see `deflate`). */
  private readonly queue: Array<{ count: number; rawLength: number; compressed: Uint8Array | Promise<Uint8Array> }> = [];

  /**
   * `update`: write an update body (puts and removals) instead of a pack body. `deflateLevel`:
   * 6 for every pack handed out (the level decides the bytes); temporary packs read back at
   * once (a build's sorted runs) can take a faster level. `deflate`: deflates a block elsewhere
   * (a build's worker threads, with fflate's deflateSync at that level: the same bytes), so
   * blocks are deflated in parallel while later ones fill; callers then keep the backlog
   * bounded with `settle` and end with `close`.
   */
  constructor(
    private readonly emit: (chunk: Uint8Array) => void,
    private readonly update = false,
    private readonly deflateLevel: DeflateLevel = 6,
    private readonly deflate?: (raw: Uint8Array, level: DeflateLevel) => Promise<Uint8Array>,
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

  /** Blocks handed to `deflate` and not written yet (0 without `deflate`). */
  get backlog(): number {
    return this.queue.length;
  }

  /** Waits until at most `limit` blocks are still being deflated, writing those done in order. */
  async settle(limit = 0): Promise<void> {
    while (this.queue.length > limit) {
      this.queue[0].compressed = await this.queue[0].compressed;
      this.writeReady();
    }
  }

  /** `finish` once every block is deflated: for a writer with `deflate`. */
  async close(): Promise<BodySummary> {
    this.flushBlock();
    await this.settle();
    return this.finish();
  }

  /** Writes the last block and the end marker; returns the counts and the body's CRC-32. */
  finish(): BodySummary {
    this.flushBlock();
    if (this.queue.length > 0) throw new Error('pack blocks are still being deflated: close() waits for them');
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
    const rawLength = raw.length; // before `deflate` may transfer the buffer away
    const compressed = this.deflate ? this.deflate(raw, this.deflateLevel) : deflateSync(raw, { level: this.deflateLevel });
    this.queue.push({ count: this.inBlock, rawLength, compressed });
    this.block.reset();
    this.inBlock = 0;
    this.writeReady();
  }

  /** Writes the blocks at the head of the queue whose deflated bytes are there. */
  private writeReady(): void {
    while (this.queue.length > 0 && this.queue[0].compressed instanceof Uint8Array) {
      const { count, rawLength, compressed } = this.queue.shift()!;
      this.frame.reset();
      this.frame.varint(count);
      this.frame.varint(rawLength);
      this.frame.varint((compressed as Uint8Array).length);
      this.write(this.frame.toBytes());
      this.write(compressed as Uint8Array);
    }
  }

  private write(chunk: Uint8Array): void {
    this.summary.crc = crc32(chunk, this.summary.crc);
    this.summary.bodyBytes += chunk.length;
    this.emit(chunk);
  }
}
