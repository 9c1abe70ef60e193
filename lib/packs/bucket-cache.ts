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

const bytesOf = (parts: readonly StoredBucket[]) => parts.reduce((sum, part) => sum + part.suffixes.byteLength + part.rows.byteLength + 64, 64);

export class BucketCache {
  /** Insertion order is recency order (a hit is re-inserted). */
  private readonly held = new Map<string, StoredBucket[]>();
  private bytes = 0;

  constructor(
    private readonly db: PacksDb,
    private readonly maxBytes = BUCKET_CACHE_BYTES,
  ) {}

  /** The parts of each bucket asked for (an empty list for a bucket with no record), keyed `generation/bucket`. */
  async read(ids: readonly BucketId[]): Promise<Map<string, StoredBucket[]>> {
    const found = new Map<string, StoredBucket[]>();
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
        found.set(key, []);
      }
    }
    if (missing.length > 0) {
      const tx = this.db.transaction('buckets', 'readonly');
      const read = await Promise.all(missing.map(({ generation, bucket }) => tx.store.getAll(IDBKeyRange.bound([generation, bucket], [generation, bucket, Infinity]))));
      await tx.done;
      missing.forEach((id, i) => {
        found.set(cacheKey(id), read[i]);
        this.keep(cacheKey(id), read[i]);
      });
    }
    return found;
  }

  private keep(key: string, parts: StoredBucket[]): void {
    const size = bytesOf(parts);
    if (size > this.maxBytes / 4) return;
    this.held.set(key, parts);
    this.bytes += size;
    for (const [oldest, oldParts] of this.held) {
      if (this.bytes <= this.maxBytes) break;
      this.held.delete(oldest);
      this.bytes -= bytesOf(oldParts);
    }
  }
}
