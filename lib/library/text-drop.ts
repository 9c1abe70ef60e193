/**
 * Reclaiming space without forgetting: the texts of old learned articles are deleted, their
 * entries (title, address, site, dates) and fingerprints stay, and a pack-style sample of their
 * keys (kept-keys.ts) is stored with the fingerprint, so a later copy is still recognised
 * (textless-match.ts). Each batch is one transaction: an entry either keeps its text or has its
 * keys and loses its text, never half of it. Entries already without text are left alone, so
 * doing it twice changes nothing.
 */
import { fingerprintText } from '../core/fingerprint';
import { INDEX_VERSION } from '../core/tuning';
import type { LibraryDb, StoredFingerprint } from './db';
import { allOrNothing, RequestBatch } from './entry-writes';
import { keptKeysOf, largestKeptKeys } from './kept-keys';
import type { EntryRecord } from './records';
import { serializedBytes } from './storage-use';
import { unpackText, type StoredText } from './text-codec';

/** Entries per transaction: each costs a tokenization (a few ms), so matching waits little. */
const BATCH = 25;

export interface TextDropFigures {
  /** Learned entries whose text is (or would be) dropped. */
  entries: number;
  /** Bytes freed, estimated as the storage panel estimates them: the texts' records minus the keys added. */
  bytes: number;
}

/** Bytes a text record frees once replaced by kept keys (at least 0). */
function freedBytes(text: StoredText, keysBytes: number): number {
  return Math.max(0, serializedBytes(text.id) + serializedBytes(text) - keysBytes);
}

/** Whether `record` is a learned entry that still has its text to drop. */
function droppable(record: EntryRecord | undefined, text: StoredText | undefined): record is EntryRecord {
  return record?.origin === 'learned' && record.textDroppedAt === undefined && text !== undefined;
}

/** What dropping the texts of these learned entries would free (read only; keys counted at their largest). */
export async function previewTextDrop(db: LibraryDb, ids: readonly string[]): Promise<TextDropFigures> {
  const keysBytes = serializedBytes(largestKeptKeys());
  const figures: TextDropFigures = { entries: 0, bytes: 0 };
  for (let start = 0; start < ids.length; start += BATCH * 20) {
    const tx = db.transaction(['entries', 'texts']);
    const reads = new RequestBatch();
    const rows = ids.slice(start, start + BATCH * 20).map((id) => ({
      record: reads.add(tx.objectStore('entries').get(id)),
      text: reads.add(tx.objectStore('texts').get(id)),
    }));
    await reads.settle();
    for (const row of rows) {
      const [record, text] = await Promise.all([row.record, row.text]);
      if (!droppable(record, text)) continue;
      figures.entries++;
      figures.bytes += freedBytes(text!, keysBytes);
    }
  }
  return figures;
}

/**
 * Drops the texts of these learned entries (others, and those already dropped, are skipped),
 * keeping their entries, fingerprints and kept keys. `beforeBatch` is awaited before each
 * transaction (the service lets matches go first). `now`: the drop's date, kept on the entry.
 */
export async function dropTexts(db: LibraryDb, ids: readonly string[], now: Date, beforeBatch: () => Promise<void>): Promise<TextDropFigures> {
  const figures: TextDropFigures = { entries: 0, bytes: 0 };
  for (let start = 0; start < ids.length; start += BATCH) {
    await beforeBatch();
    const done = await dropBatch(db, ids.slice(start, start + BATCH), now.toISOString());
    figures.entries += done.entries;
    figures.bytes += done.bytes;
  }
  return figures;
}

async function dropBatch(db: LibraryDb, ids: readonly string[], droppedAt: string): Promise<TextDropFigures> {
  const tx = db.transaction(['entries', 'texts', 'fingerprints'], 'readwrite');
  return allOrNothing(tx, async () => {
    const reads = new RequestBatch();
    const rows = ids.map((id) => ({
      record: reads.add(tx.objectStore('entries').get(id)),
      text: reads.add(tx.objectStore('texts').get(id)),
      fingerprint: reads.add(tx.objectStore('fingerprints').get(id)),
    }));
    await reads.settle();
    const figures: TextDropFigures = { entries: 0, bytes: 0 };
    const writes = new RequestBatch();
    for (const row of rows) {
      const [record, stored, fingerprint] = await Promise.all([row.record, row.text, row.fingerprint]);
      if (!droppable(record, stored)) continue;
      // Synchronous work only between requests: the transaction stays active.
      const text = unpackText(stored!);
      const keys = keptKeysOf(text);
      const current: StoredFingerprint =
        fingerprint && fingerprint.version === INDEX_VERSION
          ? fingerprint
          : { id: record.id, version: INDEX_VERSION, fingerprint: fingerprintText(text), publishedAt: record.publishedAt };
      writes.add(tx.objectStore('fingerprints').put({ ...current, keys }));
      writes.add(tx.objectStore('entries').put({ ...record, textDroppedAt: droppedAt }));
      writes.add(tx.objectStore('texts').delete(record.id));
      figures.entries++;
      figures.bytes += freedBytes(stored!, serializedBytes(keys));
    }
    await writes.settle();
    return figures;
  });
}
