/**
 * An entry ready to store: its record, text, search words and fingerprint, computed before
 * any transaction opens (IndexedDB transactions close when they wait on other work).
 */
import { fingerprintText, type Fingerprint } from '../core/fingerprint';
import { INDEX_VERSION } from '../core/tuning';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { LibraryDb, LibrarySchema } from './db';
import { textHash, toRecord, type EntryRecord } from './records';
import { searchWords } from './search-words';
import { entryMatchesRange } from './recent-matches';
import type { LibraryEntry } from './types';

export interface PreparedEntry {
  record: EntryRecord;
  text: string;
  words: string[];
  fingerprint: Fingerprint;
}

export async function prepareEntry(entry: LibraryEntry): Promise<PreparedEntry> {
  const hash = await textHash(entry.text);
  return {
    record: toRecord(entry, hash),
    text: entry.text,
    words: searchWords(entry.title, entry.text),
    fingerprint: fingerprintText(entry.text),
  };
}

export const ENTRY_STORES = ['entries', 'texts', 'words', 'fingerprints'] as const;

/** A transaction that can write entries (it may span more stores). */
type EntryWriteTx = IDBPTransaction<LibrarySchema, ArrayLike<StoreNames<LibrarySchema>>, 'readwrite'>;

/** Writes one entry in `tx`. One request after the other: a failure then leaves no request
 *  of ours pending with nobody to hear its rejection. */
export async function putPrepared(tx: EntryWriteTx, item: PreparedEntry): Promise<void> {
  const id = item.record.id;
  await tx.objectStore('entries').put(item.record);
  await tx.objectStore('texts').put({ id, text: item.text });
  await tx.objectStore('words').put({ id, words: item.words });
  await tx.objectStore('fingerprints').put({ id, version: INDEX_VERSION, fingerprint: item.fingerprint });
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

/** Writes entries in one transaction: all of them are stored, or (on any error, e.g. a full
 *  quota) none. */
export async function writeEntries(db: LibraryDb, prepared: readonly PreparedEntry[]): Promise<void> {
  const tx = db.transaction(ENTRY_STORES, 'readwrite');
  await allOrNothing(tx, async () => {
    for (const item of prepared) await putPrepared(tx, item);
  });
}

/** Deletes entries and everything derived from them, in one transaction. */
export async function deleteEntries(db: LibraryDb, ids: readonly string[]): Promise<void> {
  const tx = db.transaction([...ENTRY_STORES, 'matches'], 'readwrite');
  await allOrNothing(tx, async () => {
    for (const id of ids) {
      for (const store of ENTRY_STORES) await tx.objectStore(store).delete(id);
      const matchKeys = await tx.objectStore('matches').index('entry').getAllKeys(entryMatchesRange(id));
      for (const key of matchKeys) await tx.objectStore('matches').delete(key);
    }
  });
}
