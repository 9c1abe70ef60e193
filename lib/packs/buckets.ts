/**
 * A generation's postings on disk (the extension's packs database, store-db.ts), so that a
 * match reads only the few records its page's keys fall in instead of holding every entry in
 * memory. A posting is (key, row) for each sampled key of each entry; postings are grouped by
 * the key's top BUCKET_BITS bits into buckets. A bucket record holds, as compact typed arrays,
 * each posting's remaining key bits (`suffixes`) and its row (`rows`: the entry's seq in its
 * generation, times 8, plus its key count capped at 7, which the retrieval's "half of a short
 * entry's keys will do" rule needs: disk-match.ts). The importer writes postings in parts (one
 * per PART_POSTINGS, so its memory stays bounded), then merges each bucket's parts into one
 * record, [generation, bucket, 0], so a match reads one record per bucket.
 *
 * A summary per generation, written after its last bucket (its presence says the buckets are
 * complete), holds a bitmap of the buckets that exist (a page's keys mostly fall in empty ones:
 * pack keys are bottom-k samples, so small values) and the generation's frequent keys with
 * their document frequency (df): keys held by more than `frequentAbove` = ⌊maxShare × entries⌋
 * entries. With it, whether a candidate's own key is too common to count is known without
 * reading its bucket (disk-match.ts). Its size is bounded whatever the pack's size: at most
 * postings / (frequentAbove + 1) < 48 / maxShare = 24,000 keys.
 */
import { KEY_BITS } from './entry';

/** Key bits that choose the bucket: 2^18 buckets, so a million entries give buckets of about 10 KB. */
export const BUCKET_BITS = 18;
/** Key bits kept in a bucket (KEY_BITS - BUCKET_BITS ≤ 8: one byte each). */
const SUFFIX_BITS = KEY_BITS - BUCKET_BITS;
const SUFFIX_MASK = (1 << SUFFIX_BITS) - 1;
export const BUCKET_COUNT = 1 << BUCKET_BITS;
/** Postings the importer holds before writing them as one part of each bucket (8 bytes each). */
const PART_POSTINGS = 1 << 22;
/** Bucket records per write transaction. */
const RECORDS_PER_WRITE = 4_000;
/** Rows carry the entry's key count in their low 3 bits. */
const COUNT_BITS = 3;
const COUNT_CAP = (1 << COUNT_BITS) - 1;
/** Entries a generation may hold (seq × 8 must fit in 32 bits). */
export const MAX_GENERATION_ENTRIES = 2 ** (32 - COUNT_BITS);

export interface StoredBucket {
  generation: number;
  bucket: number;
  part: number;
  /** Each posting's low key bits (the key is bucket << SUFFIX_BITS | suffix). */
  suffixes: Uint8Array;
  /** Each posting's row: seq << 3 | min(key count, 7). */
  rows: Uint32Array;
}

export interface GenerationSummary {
  generation: number;
  entries: number;
  /** Bit b set: bucket b has postings. */
  buckets: Uint8Array;
  /** Keys held by more than `frequentAbove` entries, ascending, with their df. */
  frequentKeys: Uint32Array;
  frequentDf: Uint32Array;
  frequentAbove: number;
}

/** The bucket a key falls in. */
export function bucketOf(key: number): number {
  return key >>> SUFFIX_BITS;
}

/** Does the summary say bucket `bucket` exists? */
export function hasBucket(summary: GenerationSummary, bucket: number): boolean {
  return (summary.buckets[bucket >>> 3] & (1 << (bucket & 7))) !== 0;
}

/** Appends to `out` the rows (encoded: decodeRow) of the bucket's postings that hold `key`. */
export function postingsOf(bucket: StoredBucket, key: number, out: number[]): void {
  const suffix = key & SUFFIX_MASK;
  const { suffixes, rows } = bucket;
  for (let i = 0; i < suffixes.length; i++) if (suffixes[i] === suffix) out.push(rows[i]);
}

/** The seq and the key count (capped at 7) of an encoded row. */
export function decodeRow(row: number): { seq: number; keyCount: number } {
  return { seq: Math.floor(row / (COUNT_CAP + 1)), keyCount: row & COUNT_CAP };
}

/**
 * One record per bucket (part 0) from `parts`, which are in key order ([bucket, part]): each
 * bucket's postings concatenated in part order, so rows stay in seq order.
 */
export function mergeParts(parts: readonly StoredBucket[]): StoredBucket[] {
  const merged: StoredBucket[] = [];
  for (let from = 0; from < parts.length; ) {
    let to = from + 1;
    while (to < parts.length && parts[to].bucket === parts[from].bucket) to++;
    const group = parts.slice(from, to);
    const length = group.reduce((sum, part) => sum + part.rows.length, 0);
    const suffixes = new Uint8Array(length);
    const rows = new Uint32Array(length);
    let at = 0;
    for (const part of group) {
      suffixes.set(part.suffixes, at);
      rows.set(part.rows, at);
      at += part.rows.length;
    }
    merged.push({ generation: parts[from].generation, bucket: parts[from].bucket, part: 0, suffixes, rows });
    from = to;
  }
  return merged;
}

/** Where a BucketWriter stores one generation: bucket records, their final merge, and the summary. */
export interface BucketSink {
  put(records: readonly StoredBucket[]): Promise<void>;
  /** Replaces the parts of every bucket by one record (mergeParts), a range of buckets at a time. */
  merge(): Promise<void>;
  putSummary(summary: GenerationSummary): Promise<void>;
}

/**
 * Gathers postings as entries come (`add` each entry in seq order, then `finish`), writes
 * them as bucket parts every PART_POSTINGS, merges the parts, and writes the summary last. Memory: the part buffer (32 MB) and a df count
 * per possible key (2^24 × 2 bytes, saturating), whatever the pack's size.
 */
export class BucketWriter {
  private readonly keys: Uint32Array;
  private readonly rows: Uint32Array;
  private length = 0;
  private part = 0;
  private entries = 0;
  private readonly df = new Uint16Array(1 << KEY_BITS);
  private readonly present = new Uint8Array(BUCKET_COUNT / 8);

  /** `partPostings`: postings per part (tests use small parts to exercise the merge). */
  constructor(
    private readonly generation: number,
    private readonly sink: BucketSink,
    private readonly partPostings = PART_POSTINGS,
  ) {
    this.keys = new Uint32Array(partPostings);
    this.rows = new Uint32Array(partPostings);
  }

  /** Adds the next entry's keys (exact and robust together). Throws a RangeError past MAX_GENERATION_ENTRIES. */
  async add(keys: ArrayLike<number>): Promise<void> {
    const seq = this.entries++;
    if (seq >= MAX_GENERATION_ENTRIES) throw new RangeError(`a pack in the extension holds at most ${MAX_GENERATION_ENTRIES} entries`);
    if (this.length + keys.length > this.partPostings) await this.flush();
    const row = seq * (COUNT_CAP + 1) + Math.min(keys.length, COUNT_CAP);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      this.keys[this.length] = key;
      this.rows[this.length++] = row;
      if (this.df[key] < 0xffff) this.df[key]++;
    }
  }

  /** Writes what is left and the summary. `maxShare`: the retrieval's common-key share (frequentAbove = ⌊maxShare × entries⌋). */
  async finish(maxShare: number): Promise<void> {
    await this.flush();
    if (this.part > 1) await this.sink.merge();
    const frequentAbove = Math.floor(maxShare * this.entries);
    const frequentKeys: number[] = [];
    const frequentDf: number[] = [];
    for (let key = 0; key < this.df.length; key++) {
      if (this.df[key] > frequentAbove) {
        frequentKeys.push(key);
        frequentDf.push(this.df[key]);
      }
    }
    await this.sink.putSummary({
      generation: this.generation,
      entries: this.entries,
      buckets: this.present,
      frequentKeys: Uint32Array.from(frequentKeys),
      frequentDf: Uint32Array.from(frequentDf),
      frequentAbove,
    });
  }

  /** Writes the buffered postings as one part per bucket (a counting sort by bucket; rows stay in seq order). */
  private async flush(): Promise<void> {
    if (this.length === 0) return;
    const starts = new Uint32Array(BUCKET_COUNT + 1);
    for (let i = 0; i < this.length; i++) starts[bucketOf(this.keys[i]) + 1]++;
    for (let b = 0; b < BUCKET_COUNT; b++) starts[b + 1] += starts[b];
    const fill = starts.slice(0, BUCKET_COUNT);
    const suffixes = new Uint8Array(this.length);
    const rows = new Uint32Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const key = this.keys[i];
      const at = fill[bucketOf(key)]++;
      suffixes[at] = key & SUFFIX_MASK;
      rows[at] = this.rows[i];
    }
    let records: StoredBucket[] = [];
    for (let bucket = 0; bucket < BUCKET_COUNT; bucket++) {
      const from = starts[bucket];
      const to = starts[bucket + 1];
      if (from === to) continue;
      this.present[bucket >>> 3] |= 1 << (bucket & 7);
      // slice, not subarray: a stored view would carry its whole buffer.
      records.push({ generation: this.generation, bucket, part: this.part, suffixes: suffixes.slice(from, to), rows: rows.slice(from, to) });
      if (records.length >= RECORDS_PER_WRITE) {
        await this.sink.put(records);
        records = [];
      }
    }
    await this.sink.put(records);
    this.part++;
    this.length = 0;
  }
}
