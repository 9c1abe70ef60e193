/**
 * Every write to the library's entry stores, each in one all-or-nothing transaction that
 * also keeps the per-origin counts (meta `counts`) in step, so the list's totals and the
 * storage figures never have to count 100,000 records.
 *
 * Requests inside a transaction are issued together and awaited together: IndexedDB runs
 * them in order anyway, and not waiting for each answer before the next saves a round trip
 * per request (the difference between seconds and minutes for a large import).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { LibraryDb, LibrarySchema, StoredEntry } from './db';
import type { EntryToStore, PreparedEntry } from './prepared';
import { ORIGINS } from './records';
import { entryMatchesRange } from './recent-matches';
import { forgetEntries, putSegment, SEARCH_STORES } from './search-index';
import { buildSegment } from './search-segments';
import { searchWords } from './search-words';
import { packText } from './text-codec';
import type { EntryOrigin } from './types';

export const ENTRY_STORES = ['entries'] as const;
export type OriginCounts = Record<EntryOrigin, number>;
const COUNTS_KEY = 'counts';
/** Bumped by every transaction that changes entries: what derived caches (index-snapshot.ts) are stamped with. */
const GENERATION_KEY = 'generation';

type WriteTx = IDBPTransaction<LibrarySchema, ArrayLike<StoreNames<LibrarySchema>>, 'readwrite'>;

/** Requests issued together and awaited together. Each is observed as soon as it is added, so
 *  one failing while others are still queued never surfaces as an unhandled rejection. */
export class RequestBatch {
  private readonly pending: Promise<unknown>[] = [];

  add<T>(request: Promise<T>): Promise<T> {
    request.catch(() => undefined);
    this.pending.push(request);
    return request;
  }

  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/**
 * Runs `work` in `tx` and waits for the commit. Any error, including one thrown before a
 * request was even queued, aborts the transaction: IndexedDB would otherwise commit the
 * writes queued so far and leave half an operation behind.
 */
export async function allOrNothing<T>(tx: { abort(): void; done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted by the failing request, or finished.
    }
    throw error;
  }
}

/** Queues the write of one entry: its record, with its packed text (db.ts StoredEntry; its
 *  fingerprint goes to the engine, not to the library: engine-index.ts). */
export function putEntry(batch: RequestBatch, tx: WriteTx, { record, body }: EntryToStore): void {
  const stored: StoredEntry = { ...record, body };
  batch.add(tx.objectStore('entries').put(stored));
}

/** An entry the service prepared, with its text packed (text-codec.ts). */
export function packedEntry({ record, text, fingerprint }: PreparedEntry): EntryToStore {
  return { record, body: packText(text), fingerprint };
}

export function zeroCounts(): OriginCounts {
  return Object.fromEntries(ORIGINS.map((origin) => [origin, 0])) as OriginCounts;
}

async function readCounts(meta: { get(key: string): Promise<unknown> }): Promise<OriginCounts> {
  const stored = (await meta.get(COUNTS_KEY)) as OriginCounts | undefined;
  return { ...zeroCounts(), ...stored };
}

/** Adds `delta` to the stored counts (within the caller's transaction, which changes entries:
 *  so it also bumps the library's generation). */
export async function adjustCounts(tx: WriteTx, delta: Partial<OriginCounts>): Promise<void> {
  const counts = await readCounts(tx.objectStore('meta'));
  for (const origin of ORIGINS) counts[origin] = Math.max(0, counts[origin] + (delta[origin] ?? 0));
  await Promise.all([tx.objectStore('meta').put(counts, COUNTS_KEY), bumpGeneration(tx)]);
}

/** The library's generation: a number that changes with every write that changes entries. */
export async function libraryGeneration(meta: { get(key: string): Promise<unknown> }): Promise<number> {
  const stored = await meta.get(GENERATION_KEY);
  return typeof stored === 'number' ? stored : 0;
}

async function bumpGeneration(tx: WriteTx): Promise<void> {
  await tx.objectStore('meta').put((await libraryGeneration(tx.objectStore('meta'))) + 1, GENERATION_KEY);
}

export function tally(origins: Iterable<EntryOrigin>, sign: 1 | -1 = 1): Partial<OriginCounts> {
  const delta: Partial<OriginCounts> = {};
  for (const origin of origins) delta[origin] = (delta[origin] ?? 0) + sign;
  return delta;
}

/** Counts the entries once when a library has no stored counts yet (slow, but only once). */
export async function ensureCounts(db: LibraryDb): Promise<void> {
  if ((await db.get('meta', COUNTS_KEY)) !== undefined) return;
  const index = db.transaction('entries').store.index('origin-added');
  const counts = zeroCounts();
  for (const origin of ORIGINS) counts[origin] = await index.count(IDBKeyRange.bound([origin], [origin, []]));
  await db.put('meta', counts, COUNTS_KEY);
}

export async function libraryCounts(db: LibraryDb): Promise<OriginCounts> {
  return readCounts(db.transaction('meta').store);
}

/** Writes entries whose ids are new, in one transaction: all of them are stored, or (on any
 *  error, e.g. a full quota) none. Their search words are written too (one segment), so an entry
 *  added or restored by hand is found at once (bulk imports leave that to the word indexer). */
export async function writeEntries(db: LibraryDb, prepared: readonly PreparedEntry[]): Promise<void> {
  if (prepared.length === 0) return;
  const tx = db.transaction([...ENTRY_STORES, ...SEARCH_STORES, 'meta'], 'readwrite');
  await allOrNothing(tx, async () => {
    const batch = new RequestBatch();
    for (const item of prepared) putEntry(batch, tx, packedEntry(item));
    batch.add(putSegment(tx, buildSegment(prepared.map(({ record, text }) => ({ id: record.id, words: searchWords(record.title, text) })))));
    await batch.settle();
    await adjustCounts(tx, tally(prepared.map((item) => item.record.origin)));
  });
}

/** What the caller of deleteEntries learns of an entry deleted (not its text: a rollback may
 *  delete 100,000). */
export type DeletedEntry = Pick<StoredEntry, 'id' | 'textHash' | 'origin'>;

/** Deletes entries and everything derived from them, in one transaction; returns those that
 *  were there. */
export async function deleteEntries(db: LibraryDb, ids: readonly string[]): Promise<DeletedEntry[]> {
  const tx = db.transaction([...ENTRY_STORES, ...SEARCH_STORES, 'matches', 'meta'], 'readwrite');
  return allOrNothing(tx, async () => {
    const reads = new RequestBatch();
    const records = ids.map((id) => reads.add(tx.objectStore('entries').get(id)));
    const matchKeys = ids.map((id) => reads.add(tx.objectStore('matches').index('entry').getAllKeys(entryMatchesRange(id))));
    await reads.settle();
    const found = (await Promise.all(records)).filter((record): record is StoredEntry => record !== undefined);
    const writes = new RequestBatch();
    for (const { id } of found) writes.add(tx.objectStore('entries').delete(id));
    for (const keys of await Promise.all(matchKeys)) for (const key of keys) writes.add(tx.objectStore('matches').delete(key));
    writes.add(forgetEntries(tx, found.map((record) => record.id)));
    await writes.settle();
    await adjustCounts(tx, tally(found.map((record) => record.origin), -1));
    return found.map(({ id, textHash, origin }) => ({ id, textHash, origin }));
  });
}

/** Empties the library: entries, texts, derived data and recent matches. */
export async function clearEntries(db: LibraryDb): Promise<void> {
  const tx = db.transaction([...ENTRY_STORES, ...SEARCH_STORES, 'matches', 'meta'], 'readwrite');
  await allOrNothing(tx, async () => {
    const batch = new RequestBatch();
    for (const store of [...ENTRY_STORES, ...SEARCH_STORES, 'matches'] as const) batch.add(tx.objectStore(store).clear());
    batch.add(tx.objectStore('meta').put(zeroCounts(), COUNTS_KEY));
    batch.add(bumpGeneration(tx));
    await batch.settle();
  });
}
