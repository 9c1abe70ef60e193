/**
 * What an import leaves in the database, so it can be undone whatever happens: each batch of
 * articles is written once, straight into the library's stores, and in the same transaction
 * the batch's ids go into a journal in `meta` (`import:<importId>:<n>`, beside the import's
 * head `import:<importId>`). Committing a file only deletes its journal; cancelling it, a
 * rejected line, a closed page, a failed write or a worker that stopped half-way (found when
 * the library next opens) deletes the journaled entries again. Every step is idempotent, so a
 * rollback cut short is finished by the next one.
 */
import type { LibraryDb } from './db';
import { adjustCounts, allOrNothing, deleteEntries, putEntry, RequestBatch, tally, type DeletedEntry } from './entry-writes';
import type { EntryToStore } from './prepared';

/** The head of an open import (a version-2 head, which also counted staged rows, reads the same). */
interface ImportHead {
  file: string;
  startedAt: number;
}

/** One written batch: the ids to delete if the import does not complete. */
interface JournalBatch {
  importId: string;
  ids: string[];
}

const headKey = (importId: string) => `import:${importId}`;
const batchKey = (importId: string, seq: number) => `import:${importId}:${seq}`;
/** The head and batches of one import, or (no id) of every import. */
const journalRange = (importId = '') => IDBKeyRange.bound(`import:${importId}`, `import:${importId}\uffff`);

const isJournalBatch = (value: unknown): value is JournalBatch => Array.isArray((value as JournalBatch | undefined)?.ids);

/** Records that `importId` has begun (before any of its articles is written). */
export async function openJournal(db: LibraryDb, importId: string, file: string): Promise<void> {
  const head: ImportHead = { file, startedAt: Date.now() };
  await db.put('meta', head, headKey(importId));
}

/** True while `importId` has a head: begun, and neither committed nor rolled back. */
export async function journalOpen(db: LibraryDb, importId: string): Promise<boolean> {
  return (await db.getKey('meta', headKey(importId))) !== undefined;
}

/**
 * Writes batch number `seq` of an import: its entries (one record each), the per-origin counts
 * and the batch's journal row, in one transaction (all of it, or none on any error, e.g. a
 * full quota). Requests are pipelined, not awaited one by one. Durability is relaxed (the
 * commit does not wait for the disk to flush): a power cut can lose the last batches, which
 * loses nothing, since an import without its commit is rolled back anyway.
 */
export async function writeImportBatch(db: LibraryDb, importId: string, seq: number, rows: readonly EntryToStore[]): Promise<void> {
  const tx = db.transaction(['entries', 'meta'], 'readwrite', { durability: 'relaxed' });
  await allOrNothing(tx, async () => {
    const writes = new RequestBatch();
    const journal: JournalBatch = { importId, ids: rows.map((row) => row.record.id) };
    writes.add(tx.objectStore('meta').put(journal, batchKey(importId, seq)));
    for (const row of rows) putEntry(writes, tx, row);
    await writes.settle();
    await adjustCounts(tx, tally(rows.map((row) => row.record.origin)));
  });
}

/** The ids written by imports not yet committed (nor rolled back), read in `meta`. */
export async function journaledIds(meta: { getAll(range: IDBKeyRange): Promise<unknown[]> }): Promise<Set<string>> {
  const out = new Set<string>();
  for (const row of await meta.getAll(journalRange())) if (isJournalBatch(row)) for (const id of row.ids) out.add(id);
  return out;
}

/** Commits an import: its entries stay, its journal goes. */
export async function closeJournal(db: LibraryDb, importId: string): Promise<void> {
  await db.delete('meta', journalRange(importId));
}

/** Deletes every entry an import wrote, then its journal; returns the records deleted. A
 *  committed or already rolled-back import has no journal: nothing happens. */
export function rollbackImport(db: LibraryDb, importId: string): Promise<DeletedEntry[]> {
  return rollbackRange(db, journalRange(importId));
}

/** Rolls back every import left open: called when the library opens, since no page can still
 *  be sending batches to a background that just started. */
export function rollbackUnfinishedImports(db: LibraryDb): Promise<DeletedEntry[]> {
  return rollbackRange(db, journalRange());
}

async function rollbackRange(db: LibraryDb, range: IDBKeyRange): Promise<DeletedEntry[]> {
  const deleted: DeletedEntry[] = [];
  // Batch by batch, each row dropped after its entries: bounded memory, and a rollback cut
  // short leaves only rows whose entries may still be there.
  for (const key of await db.getAllKeys('meta', range)) {
    const row = await db.get('meta', key);
    if (isJournalBatch(row)) deleted.push(...(await deleteEntries(db, row.ids)));
    await db.delete('meta', key);
  }
  return deleted;
}
