/**
 * Writing one generation of the pack store (store-db.ts), shared by a whole import (store.ts)
 * and an update applied to an installed pack (store-update.ts): a fresh generation marked
 * pending, its entries and their postings written as they come, and the one transaction that
 * points the pack record at it once it is complete and checked. Until that transaction the
 * generation is referenced by nobody, so a stop in between leaves the old state (the pending
 * generation is dropped later: store.ts's dropLeftovers).
 */
import { PackFormatError } from './bytes';
import type { PackEntry } from './entry';
import type { PackHeader } from './header';
import { bucketWriter, dropBuckets, finishBuckets } from './store-buckets';
import { generationRange, type InstalledPack, type PackOrigin, type PacksDb, type StoredPackEntry } from './store-db';

/** Entries written per transaction. */
const BATCH = 500;

/** Takes the next generation number and marks it pending (at `at`, epoch ms). */
export async function newGeneration(db: PacksDb, at: number): Promise<number> {
  const tx = db.transaction(['meta', 'pending'], 'readwrite');
  const generation = ((await tx.objectStore('meta').get('nextGeneration')) ?? 1) as number;
  await tx.objectStore('meta').put(generation + 1, 'nextGeneration');
  await tx.objectStore('pending').put({ generation, at });
  await tx.done;
  return generation;
}

/**
 * Writes a generation's entries (`put` them in id order) in transactions of BATCH, and their
 * postings into buckets; `finish` writes the rest, merges the buckets and writes the summary.
 * Memory: one batch and the bucket writer's buffers, whatever the pack's size. `signal`:
 * checked between batches (a cancelled import stops there).
 */
export class GenerationWriter {
  private readonly buckets;
  private batch: StoredPackEntry[] = [];
  private seq = 0;

  constructor(
    private readonly db: PacksDb,
    private readonly generation: number,
    private readonly signal?: AbortSignal,
  ) {
    this.buckets = bucketWriter(db, generation);
  }

  async put(entry: PackEntry): Promise<void> {
    const stored = storedEntry(this.generation, this.seq++, entry);
    this.batch.push(stored);
    await this.buckets.add(stored.keys);
    if (this.batch.length >= BATCH) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    await finishBuckets(this.buckets);
  }

  private async flush(): Promise<void> {
    this.signal?.throwIfAborted();
    if (this.batch.length === 0) return;
    const tx = this.db.transaction('entries', 'readwrite');
    for (const entry of this.batch) void tx.store.put(entry);
    this.batch = [];
    await tx.done;
  }
}

/** What the pack record of a complete generation says: its pack's header, file size and origin. */
export interface GenerationPack {
  header: PackHeader;
  /** Size of the pack file in bytes. */
  bytes: number;
  origin: PackOrigin;
  /** The installed pack this generation replaces (an update), if any. */
  replace?: string;
  /** Epoch milliseconds. */
  now: number;
}

/**
 * Points the pack record (new, or the one `replace` names) at `generation` and unmarks it, in
 * one transaction; the generation it replaces is marked pending in the same transaction, then
 * dropped. Throws a PackFormatError when the pack to replace was removed meanwhile.
 */
export async function installGeneration(db: PacksDb, generation: number, pack: GenerationPack): Promise<InstalledPack> {
  const { header, now } = pack;
  const tx = db.transaction(['packs', 'pending'], 'readwrite');
  const packs = tx.objectStore('packs');
  const previous = pack.replace === undefined ? undefined : await packs.get(pack.replace);
  if (pack.replace !== undefined && !previous) throw new PackFormatError('the pack to update has been removed meanwhile');
  const installed: InstalledPack = {
    slot: previous?.slot ?? `pack-${generation}`,
    generation,
    name: header.name,
    description: header.description,
    createdAt: header.createdAt,
    articles: header.articles,
    bytes: pack.bytes,
    checksum: header.checksum,
    origin: pack.origin,
    addedAt: previous?.addedAt ?? now,
    updatedAt: now,
    checkedAt: now,
  };
  await packs.put(installed);
  await tx.objectStore('pending').delete(generation);
  // The replaced generation is now referenced by nobody: pending until deleted below (or by dropLeftovers).
  if (previous) await tx.objectStore('pending').put({ generation: previous.generation, at: now });
  await tx.done;
  if (previous) await dropGeneration(db, previous.generation);
  return installed;
}

/** Deletes a generation's entries and buckets, then its pending mark (in that order: a stop in between leaves it pending, to be dropped later). */
export async function dropGeneration(db: PacksDb, generation: number): Promise<void> {
  await dropBuckets(db, generation);
  await db.delete('entries', generationRange(generation));
  await db.delete('pending', generation);
}

function storedEntry(generation: number, seq: number, entry: PackEntry): StoredPackEntry {
  const stored: StoredPackEntry = {
    generation,
    seq,
    id: entry.id,
    tokens: entry.tokens,
    exactTotal: entry.exactTotal,
    robustTotal: entry.robustTotal,
    exactCount: entry.exact.length,
    keys: Uint32Array.from([...entry.exact, ...entry.robust]),
    exactAt: Uint8Array.from(entry.exactAt),
  };
  if (entry.title !== undefined) stored.title = entry.title;
  if (entry.url !== undefined) stored.url = entry.url;
  if (entry.publishedAt !== undefined) stored.publishedAt = entry.publishedAt;
  return stored;
}

/** The matching fields of a stored entry. */
export function storedKeys(stored: StoredPackEntry): Pick<PackEntry, 'tokens' | 'exactTotal' | 'robustTotal' | 'exact' | 'exactAt' | 'robust'> {
  return {
    tokens: stored.tokens,
    exactTotal: stored.exactTotal,
    robustTotal: stored.robustTotal,
    exact: Array.from(stored.keys.subarray(0, stored.exactCount)),
    exactAt: Array.from(stored.exactAt),
    robust: Array.from(stored.keys.subarray(stored.exactCount)),
  };
}

/** The pack entry a stored entry was written from (its labels and keys; the inverse of storedEntry). */
export function packEntryOfStored(stored: StoredPackEntry): PackEntry {
  const entry: PackEntry = { id: stored.id, ...storedKeys(stored) };
  if (stored.title !== undefined) entry.title = stored.title;
  if (stored.url !== undefined) entry.url = stored.url;
  if (stored.publishedAt !== undefined) entry.publishedAt = stored.publishedAt;
  return entry;
}
