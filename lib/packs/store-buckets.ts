/**
 * Writing and dropping a generation's buckets and summary (buckets.ts) in the packs database,
 * and rebuilding them for packs installed before they existed (database version 1).
 */
import { BUCKET_COUNT, BucketWriter, mergeParts, type BucketSink } from './buckets';
import { RETRIEVAL } from './entry-index';
import { generationRange, type PacksDb, type StoredPackEntry } from './store-db';
import { withStoreLock } from './store-lock';

/** Buckets merged per transaction (about 10 MB of a million-entry pack). */
const MERGE_BUCKETS = 1024;

/** A BucketWriter storing into `db` under `generation` (`partPostings`: see BucketWriter). */
export function bucketWriter(db: PacksDb, generation: number, partPostings?: number): BucketWriter {
  const sink: BucketSink = {
    async put(records) {
      if (records.length === 0) return;
      const tx = db.transaction('buckets', 'readwrite');
      for (const record of records) void tx.store.put(record);
      await tx.done;
    },
    async merge() {
      for (let first = 0; first < BUCKET_COUNT; first += MERGE_BUCKETS) {
        const range = IDBKeyRange.bound([generation, first], [generation, first + MERGE_BUCKETS], false, true);
        const tx = db.transaction('buckets', 'readwrite');
        const parts = await tx.store.getAll(range);
        if (parts.length > 0) {
          await tx.store.delete(range);
          for (const record of mergeParts(parts)) void tx.store.put(record);
        }
        await tx.done;
      }
    },
    async putSummary(summary) {
      await db.put('summaries', summary);
    },
  };
  return new BucketWriter(generation, sink, partPostings);
}

/** Finishes a generation's buckets with the retrieval's common-key share. */
export function finishBuckets(writer: BucketWriter): Promise<void> {
  return writer.finish(RETRIEVAL.maxShare);
}

/** Deletes a generation's summary first (so half-deleted buckets are never taken as complete), then its buckets. */
export async function dropBuckets(db: PacksDb, generation: number): Promise<void> {
  await db.delete('summaries', generation);
  await db.delete('buckets', generationRange(generation));
}

/**
 * Writes the buckets and summary of every installed pack that has none (installed under
 * database version 1, or a rebuild cut short by a stopped worker), from its stored entries.
 * Under the store lock, so it never races an import or a removal. Resolves to the number of
 * packs rebuilt.
 */
export function rebuildMissingBuckets(db: PacksDb, read: (generation: number) => AsyncIterable<StoredPackEntry>): Promise<number> {
  return withStoreLock(async () => {
    let rebuilt = 0;
    for (const pack of await db.getAll('packs')) {
      if (await db.getKey('summaries', pack.generation)) continue;
      await dropBuckets(db, pack.generation);
      const writer = bucketWriter(db, pack.generation);
      for await (const stored of read(pack.generation)) await writer.add(stored.keys);
      await finishBuckets(writer);
      rebuilt++;
    }
    return rebuilt;
  });
}
