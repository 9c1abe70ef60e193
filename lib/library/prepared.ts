/**
 * An entry ready to store: its record, text and fingerprint, computed before any
 * transaction opens (IndexedDB transactions close when they wait on other work). Its search
 * words are indexed afterwards (word-indexer.ts).
 */
import { fingerprintText, type Fingerprint } from '../core/fingerprint';
import type { ImportArticle, PreparedImportArticle } from './import-entry';
import { textHash, toRecord, type EntryRecord } from './records';
import { packForMessage } from './text-codec';
import type { LibraryEntry } from './types';

export interface PreparedEntry {
  record: EntryRecord;
  text: string;
  fingerprint: Fingerprint;
  /** The text deflated (text-codec.ts), when the options page already did it; else it is done as it is stored. */
  deflated?: Uint8Array;
}

export async function prepareEntry(entry: LibraryEntry): Promise<PreparedEntry> {
  const hash = await textHash(entry.text);
  return {
    record: toRecord(entry, hash),
    text: entry.text,
    fingerprint: fingerprintText(entry.text),
  };
}

/** What the options page computes for each article it imports, so the background only checks
 *  and writes it: the normalized text's SHA-256 (duplicates), the engine's fingerprint, and
 *  the text deflated as the `texts` store keeps it. */
export async function prepareImportArticle(item: ImportArticle): Promise<PreparedImportArticle> {
  const { text } = item.article;
  const packed = packForMessage(text);
  return { ...item, textHash: await textHash(text), fingerprint: fingerprintText(text), ...(packed === undefined ? {} : { packed }) };
}

/** prepareImportArticle for each article of a batch, on this thread. */
export function prepareImportBatch(articles: readonly ImportArticle[]): Promise<PreparedImportArticle[]> {
  return Promise.all(articles.map(prepareImportArticle));
}
