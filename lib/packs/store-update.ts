/**
 * Applying a pack update (a diff, made by `pack diff`) to a pack installed in the extension's
 * store, without the new pack's file: the installed entries are read back from IndexedDB in
 * their order (id order, as imported), merged with the update by merge.ts's `applyUpdate`, and
 * written under a fresh generation exactly as importing the new pack whole would write them
 * (same seq numbers, buckets and summary). The result is encoded again on the side, only to
 * compute its checksum: the update is accepted only when that is the checksum (and article
 * count) it promised. Atomic like an import (store-write.ts): the installed pack stays in use
 * until the new generation is complete and checked; a stop half-way leaves a pending
 * generation that is dropped later. Memory: a batch of installed entries, one block of the
 * re-encoded pack and the bucket writer's buffers, whatever the pack's size.
 */
import { encodeHeader } from './header';
import { MAX_GENERATION_ENTRIES } from './buckets';
import { PackFormatError } from './bytes';
import { applyUpdate, type EntryRecord, type UpdateCounts } from './merge';
import { openPack } from './reader';
import { readGeneration } from './store';
import type { InstalledPack, PackOrigin, PacksDb } from './store-db';
import { withStoreLock } from './store-lock';
import { dropGeneration, GenerationWriter, installGeneration, newGeneration, packEntryOfStored } from './store-write';
import { appliedHeader, checkUpdateFits } from './update';
import { PackBodyWriter } from './writer';

export interface StoredUpdateOptions {
  /** Where the installed pack now comes from (its address, with the validators to keep). */
  origin: PackOrigin;
  signal?: AbortSignal;
  now?: () => number;
}

/** The pack as updated, and what the update added, changed and removed. */
export interface StoredUpdate {
  installed: InstalledPack;
  counts: UpdateCounts;
}

/**
 * Reads the update in `chunks` and applies it to the installed pack `slot`. Rejects with a
 * PackFormatError in plain words, the store unchanged, when the update does not fit that pack
 * (made from another version, a removal of an id it lacks, a result that is not the promised
 * pack) or is itself bad (truncated, corrupt, wrong checksum, another fingerprint version).
 */
export function applyStoredUpdate(db: PacksDb, slot: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: StoredUpdateOptions): Promise<StoredUpdate> {
  return withStoreLock(async () => {
    const pack = await db.get('packs', slot);
    if (!pack) throw new PackFormatError('the pack to update has been removed meanwhile');
    const { header, records } = await openPack(chunks);
    checkUpdateFits(header, pack);
    if (header.targetArticles! > MAX_GENERATION_ENTRIES) throw new PackFormatError(`the extension takes packs of at most ${MAX_GENERATION_ENTRIES.toLocaleString('en')} articles; the updated one has ${header.targetArticles!.toLocaleString('en')}`);
    const generation = await newGeneration(db, options.now?.() ?? Date.now());
    try {
      const writer = new GenerationWriter(db, generation, options.signal);
      // Only the checksum and length of the re-encoded body are kept, not its bytes.
      const body = new PackBodyWriter(() => undefined);
      const counts = await applyUpdate(installedRecords(db, pack.generation), records, async (entry) => {
        body.put(entry);
        await writer.put(entry);
      });
      const summary = body.finish();
      const result = appliedHeader(header, summary);
      await writer.finish();
      const installed = await installGeneration(db, generation, {
        header: result,
        bytes: encodeHeader(result).length + summary.bodyBytes,
        origin: options.origin,
        replace: slot,
        now: options.now?.() ?? Date.now(),
      });
      return { installed, counts };
    } catch (error) {
      await dropGeneration(db, generation);
      throw error;
    }
  });
}

/** The installed entries of `generation` as pack records, in id order. */
async function* installedRecords(db: PacksDb, generation: number): AsyncGenerator<EntryRecord> {
  for await (const stored of readGeneration(db, generation)) yield { op: 'put', entry: packEntryOfStored(stored) };
}
