/**
 * The installed packs (store-db.ts): import, list, remove, read back. An import is atomic:
 * entries, and their postings by bucket (buckets.ts), go under a fresh generation, marked
 * pending, and only after the reader has checked
 * the whole pack (lengths, order, counts, checksum) does one transaction point the pack at the
 * new generation and unmark it. A page closed or a worker stopped mid-import leaves a pending
 * generation nobody references; `dropLeftovers` deletes it (under the store lock, so never
 * while an import runs). A bad pack is rejected whole: its generation is deleted, and the
 * other packs (and the library, another database) are untouched.
 */
import { t } from '../i18n';
import { PackFormatError } from './bytes';
import { openPack } from './reader';
import { MAX_GENERATION_ENTRIES } from './buckets';
import type { InstalledPack, PackOrigin, PacksDb, StoredPackEntry } from './store-db';
import { ifStoreIdle, withStoreLock } from './store-lock';
import { dropGeneration, GenerationWriter, installGeneration, newGeneration } from './store-write';

/** Why a pack could not be added, in plain words naming the file or address. */
export class PackImportError extends Error {
  constructor(readonly file: string, readonly reason: string, readonly cancelled = false) {
    super(cancelled ? t('packsCancelled', file) : t('packsRejected', file, reason));
    this.name = 'PackImportError';
  }
}

export interface ImportOptions {
  /** Where the bytes come from (shown in messages and kept for updates). */
  origin: PackOrigin;
  /** Replace this installed pack (an update) instead of adding a new one. */
  replace?: string;
  signal?: AbortSignal;
  /** Called as bytes are read: bytes so far. */
  onProgress?(bytes: number): void;
  now?: () => number;
}

/** The name the user knows a pack origin by: the file name or the address. */
export function originLabel(origin: PackOrigin): string {
  return origin.kind === 'file' ? origin.file : origin.url;
}

/**
 * Reads a pack from `chunks` and installs it. Resolves with the installed pack; rejects with a
 * PackImportError (bad pack, cancelled) after dropping everything it wrote.
 */
export function importPack(db: PacksDb, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ImportOptions): Promise<InstalledPack> {
  const label = originLabel(options.origin);
  return withStoreLock(async () => {
    const generation = await newGeneration(db, options.now?.() ?? Date.now());
    try {
      const tally = { bytes: 0 };
      return await writePack(db, generation, counted(chunks, options, tally), tally, options);
    } catch (error) {
      await dropGeneration(db, generation);
      if (error instanceof PackFormatError) throw new PackImportError(label, error.message);
      if (options.signal?.aborted) throw new PackImportError(label, '', true);
      throw error;
    }
  });
}

/** The chunks, counted (`tally.bytes`), reported as read, and stopped when the import is cancelled. */
async function* counted(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ImportOptions, tally: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    tally.bytes += chunk.length;
    options.onProgress?.(tally.bytes);
    yield chunk;
  }
}

async function writePack(db: PacksDb, generation: number, chunks: AsyncIterable<Uint8Array>, tally: { bytes: number }, options: ImportOptions): Promise<InstalledPack> {
  const { header, records } = await openPack(chunks);
  if (header.kind !== 'pack') throw new PackFormatError('this is a pack update, not a pack: apply it to its pack first (npm run pack -- apply)');
  if (header.articles > MAX_GENERATION_ENTRIES) throw new PackFormatError(`the extension takes packs of at most ${MAX_GENERATION_ENTRIES.toLocaleString('en')} articles; this one has ${header.articles.toLocaleString('en')}`);
  const writer = new GenerationWriter(db, generation, options.signal);
  for await (const record of records) if (record.op === 'put') await writer.put(record.entry);
  await writer.finish();
  // The reader has checked the whole pack: switch to the new generation in one transaction.
  return installGeneration(db, generation, { header, bytes: tally.bytes, origin: options.origin, replace: options.replace, now: options.now?.() ?? Date.now() });
}

/** Installed packs, by name. */
export async function listPacks(db: PacksDb): Promise<InstalledPack[]> {
  return (await db.getAll('packs')).sort((a, b) => a.name.localeCompare(b.name) || a.slot.localeCompare(b.slot));
}

/** Removes an installed pack and its entries (nothing else). Resolves to false when there was no such pack. */
export function removePack(db: PacksDb, slot: string): Promise<boolean> {
  return withStoreLock(async () => {
    const tx = db.transaction(['packs', 'pending'], 'readwrite');
    const pack = await tx.objectStore('packs').get(slot);
    if (pack) {
      await tx.objectStore('packs').delete(slot);
      await tx.objectStore('pending').put({ generation: pack.generation, at: Date.now() });
    }
    await tx.done;
    if (pack) await dropGeneration(db, pack.generation);
    return pack !== undefined;
  });
}

/** Records an update check that found nothing new (and the server's validators, when it sent new ones). */
export async function markChecked(db: PacksDb, slot: string, at: number, origin?: PackOrigin): Promise<void> {
  const tx = db.transaction('packs', 'readwrite');
  const pack = await tx.store.get(slot);
  if (pack) await tx.store.put({ ...pack, checkedAt: at, ...(origin ? { origin } : {}) });
  await tx.done;
}

/**
 * Deletes the entries of generations no pack references (an import interrupted by a closed
 * page or a stopped worker, a replaced or removed pack not fully deleted). Does nothing while
 * an import holds the store lock. Resolves to the number of generations dropped.
 */
export async function dropLeftovers(db: PacksDb): Promise<number> {
  const dropped = await ifStoreIdle(async () => {
    const pending = await db.getAllKeys('pending');
    for (const generation of pending) await dropGeneration(db, generation);
    return pending.length;
  });
  return dropped ?? 0;
}

/** The entries of one generation in seq order, read in batches (a cursor would time out across awaits). */
export async function* readGeneration(db: PacksDb, generation: number): AsyncGenerator<StoredPackEntry> {
  let from = -Infinity;
  for (;;) {
    const range = IDBKeyRange.bound([generation, from], [generation, Infinity], from !== -Infinity);
    const batch = await db.getAll('entries', range, 2_000);
    if (batch.length === 0) return;
    yield* batch;
    from = batch[batch.length - 1].seq;
  }
}
