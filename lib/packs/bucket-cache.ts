/**
 * Reading buckets (buckets.ts) for a match: every bucket the page needs in one readonly
 * transaction, all requests issued at once, behind a small least-recently-used cache bounded in
 * bytes (pages of one site share common keys; a re-check of the same page reads nothing).
 */
import type { StoredBucket } from './buckets';
import type { PacksDb } from './store-db';

/** Bytes of bucket records the cache keeps (postings are 5 bytes each). */
export const BUCKET_CACHE_BYTES = 4 << 20;

/** A bucket to read: generation and bucket number. */
export interface BucketId {
  generation: number;
  bucket: number;
}

const cacheKey = ({ generation, bucket }: BucketId) => `${generation}/${bucket}`;

const bytesOf = (record: StoredBucket) => record.suffixes.byteLength + record.rows.byteLength + 128;

export class BucketCache {
  /** Insertion order is recency order (a hit is re-inserted). */
  private readonly held = new Map<string, StoredBucket>();
  private bytes = 0;

  constructor(
    private readonly db: PacksDb,
    private readonly maxBytes = BUCKET_CACHE_BYTES,
  ) {}

  /** Each bucket asked for (undefined for a bucket with no record), keyed `generation/bucket`. */
  async read(ids: readonly BucketId[]): Promise<Map<string, StoredBucket | undefined>> {
    const found = new Map<string, StoredBucket | undefined>();
    const missing: BucketId[] = [];
    for (const id of ids) {
      const key = cacheKey(id);
      const cached = this.held.get(key);
      if (cached) {
        this.held.delete(key);
        this.held.set(key, cached);
        found.set(key, cached);
      } else if (!found.has(key)) {
        missing.push(id);
        found.set(key, undefined);
      }
    }
    if (missing.length > 0) {
      const tx = this.db.transaction('buckets', 'readonly');
      // A complete generation (one with a summary) has one record per bucket: part 0.
      const read = await Promise.all(missing.map(({ generation, bucket }) => tx.store.get([generation, bucket, 0])));
      await tx.done;
      missing.forEach((id, i) => {
        const record = read[i];
        found.set(cacheKey(id), record);
        if (record) this.keep(cacheKey(id), record);
      });
    }
    return found;
  }

  private keep(key: string, record: StoredBucket): void {
    const size = bytesOf(record);
    if (size > this.maxBytes / 4) return;
    this.held.set(key, record);
    this.bytes += size;
    for (const [oldest, old] of this.held) {
      if (this.bytes <= this.maxBytes) break;
      this.held.delete(oldest);
      this.bytes -= bytesOf(old);
    }
  }
}
