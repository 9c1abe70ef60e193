/**
 * An entry ready to store: its record, text and fingerprint, computed before any
 * transaction opens (IndexedDB transactions close when they wait on other work). Its search
 * words are indexed afterwards (word-indexer.ts).
 */
import { fingerprintText, type Fingerprint } from '../core/fingerprint';
import { textHash, toRecord, type EntryRecord } from './records';
import type { LibraryEntry } from './types';

export interface PreparedEntry {
  record: EntryRecord;
  text: string;
  fingerprint: Fingerprint;
}

export async function prepareEntry(entry: LibraryEntry): Promise<PreparedEntry> {
  const hash = await textHash(entry.text);
  return {
    record: toRecord(entry, hash),
    text: entry.text,
    fingerprint: fingerprintText(entry.text),
  };
}
