/**
 * An entry ready to store: its record, text, search words and fingerprint, computed before
 * any transaction opens (IndexedDB transactions close when they wait on other work).
 */
import { fingerprintText, type Fingerprint } from '../core/fingerprint';
import { textHash, toRecord, type EntryRecord } from './records';
import { searchWords } from './search-words';
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
