/**
 * Entries ready to store: their record, text and fingerprint, computed before any transaction
 * opens (IndexedDB transactions close when they wait on other work). Their search words are
 * indexed afterwards (word-indexer.ts).
 */
import { fingerprintText, type Fingerprint } from '../core/fingerprint';
import { hashesToMessage, untitledTitle, type ImportArticle, type PreparedImportArticle } from './import-entry';
import { textHash, toRecord, type EntryRecord } from './records';
import { packForMessage, type PackedText } from './text-codec';
import type { LibraryEntry } from './types';

/** An entry added by the library service itself (seeds, pages, pasted or restored texts). */
export interface PreparedEntry {
  record: EntryRecord;
  text: string;
  fingerprint: Fingerprint;
}

/** An entry as its record is written: its text packed (deflated when long enough,
 *  text-codec.ts), for an import as the options page sent it. */
export interface EntryToStore {
  record: EntryRecord;
  body: PackedText;
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

/** What the options page computes for each article it imports, so the background only checks
 *  and writes it (import-entry.ts PreparedImportArticle): the normalized text's SHA-256
 *  (duplicates), the engine's fingerprint, and the text deflated as the library keeps it. */
export async function prepareImportArticle({ article, ...position }: ImportArticle): Promise<PreparedImportArticle> {
  const { text, ...fields } = article;
  const packed = packForMessage(text);
  const { v, hashes } = fingerprintText(text);
  return {
    ...position,
    // A blank title is no title, as the library format reads it (format.ts).
    article: { ...fields, title: fields.title?.trim() ? fields.title : untitledTitle(text), ...(packed === undefined ? { text } : {}) },
    size: text.length,
    textHash: await textHash(text),
    fingerprint: { v, hashes: hashesToMessage(hashes) },
    ...(packed === undefined ? {} : { packed }),
  };
}

/** prepareImportArticle for each article of a batch, on this thread. */
export function prepareImportBatch(articles: readonly ImportArticle[]): Promise<PreparedImportArticle[]> {
  return Promise.all(articles.map(prepareImportArticle));
}
