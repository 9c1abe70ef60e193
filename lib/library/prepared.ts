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

/** Queues the writes of one entry in `tx`; the caller awaits them (with the transaction). */
export function putPrepared(tx: EntryWriteTx, item: PreparedEntry): Promise<unknown>[] {
  const id = item.record.id;
  return [
    tx.objectStore('entries').put(item.record),
    tx.objectStore('texts').put({ id, text: item.text }),
    tx.objectStore('words').put({ id, words: item.words }),
    tx.objectStore('fingerprints').put({ id, version: INDEX_VERSION, fingerprint: item.fingerprint }),
  ];
}

/** Writes entries in one transaction: all of them are stored, or (on any error, e.g. a full
 *  quota) none. */
export async function writeEntries(db: LibraryDb, prepared: readonly PreparedEntry[]): Promise<void> {
  const tx = db.transaction(ENTRY_STORES, 'readwrite');
  // Every request's promise is awaited with the transaction, so a failing put surfaces as
  // the error of this call instead of an unhandled rejection.
  await Promise.all([...prepared.flatMap((item) => putPrepared(tx, item)), tx.done]);
}

/** Deletes entries and everything derived from them, in one transaction. */
export async function deleteEntries(db: LibraryDb, ids: readonly string[]): Promise<void> {
  const tx = db.transaction([...ENTRY_STORES, 'matches'], 'readwrite');
  for (const id of ids) {
    for (const store of ENTRY_STORES) await tx.objectStore(store).delete(id);
    const matchKeys = await tx.objectStore('matches').index('entry').getAllKeys(entryMatchesRange(id));
    for (const key of matchKeys) await tx.objectStore('matches').delete(key);
  }
  await tx.done;
}
