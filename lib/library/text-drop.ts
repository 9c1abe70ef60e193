/**
 * Reclaiming space without forgetting: the texts of old learned articles are deleted, their
 * entries (title, address, site, dates) stay, with the engine's fingerprint (computed from the
 * text before it goes: an entry with its text stores none, engine-index.ts) and a pack-style
 * sample of their keys (kept-keys.ts), so a later copy is still recognised
 * (textless-match.ts). Each batch is one transaction: an entry either keeps its text or has its
 * keys and loses its text, never half of it. Entries already without text are left alone, so
 * doing it twice changes nothing.
 */
import { fingerprintText } from '../core/fingerprint';
import { storedFingerprint, type LibraryDb, type StoredEntry } from './db';
import { allOrNothing, RequestBatch } from './entry-writes';
import { keptKeysOf, largestKeptKeys } from './kept-keys';
import { entryBytes } from './storage-use';
import { unpackText, type PackedText } from './text-codec';

/** Entries per transaction: each costs a tokenization (a few ms), so matching waits little. */
const BATCH = 25;

export interface TextDropFigures {
  /** Learned entries whose text is (or would be) dropped. */
  entries: number;
  /** Bytes freed, estimated as the storage panel estimates them: the texts' records minus the keys added. */
  bytes: number;
}

/** Bytes dropping an entry's text frees (at least 0), as the storage panel counts them
 *  (storage-use.ts entryBytes): its packed text, less the fingerprint and kept keys stored
 *  instead (`kept`). */
function freedBytes(entry: StoredEntry, kept: Pick<StoredEntry, 'fingerprint' | 'keys'>): number {
  return Math.max(0, entryBytes(entry).text - entryBytes({ ...entry, ...kept }).fingerprint);
}

/** Whether `entry` is a learned entry that still has its text to drop. */
function droppable(entry: StoredEntry | undefined): entry is StoredEntry & { body: PackedText } {
  return entry?.origin === 'learned' && entry.textDroppedAt === undefined && entry.body !== undefined;
}

/** What dropping the texts of these learned entries would free (read only; keys counted at
 *  their largest, fingerprints computed). */
export async function previewTextDrop(db: LibraryDb, ids: readonly string[]): Promise<TextDropFigures> {
  const keys = largestKeptKeys();
  const figures: TextDropFigures = { entries: 0, bytes: 0 };
  for (let start = 0; start < ids.length; start += BATCH * 20) {
    const store = db.transaction('entries').store;
    const reads = new RequestBatch();
    const rows = ids.slice(start, start + BATCH * 20).map((id) => reads.add(store.get(id)));
    await reads.settle();
    for (const entry of await Promise.all(rows)) {
      if (!droppable(entry)) continue;
      figures.entries++;
      figures.bytes += freedBytes(entry, { keys, fingerprint: storedFingerprint(fingerprintText(unpackText(entry.body))) });
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
  const tx = db.transaction('entries', 'readwrite');
  return allOrNothing(tx, async () => {
    const reads = new RequestBatch();
    const rows = ids.map((id) => reads.add(tx.store.get(id)));
    await reads.settle();
    const figures: TextDropFigures = { entries: 0, bytes: 0 };
    const writes = new RequestBatch();
    for (const entry of await Promise.all(rows)) {
      if (!droppable(entry)) continue;
      // Synchronous work only between requests: the transaction stays active.
      const text = unpackText(entry.body);
      const keys = keptKeysOf(text);
      const { body: _dropped, ...kept } = entry;
      const fingerprint = storedFingerprint(fingerprintText(text));
      writes.add(tx.store.put({ ...kept, fingerprint, keys, textDroppedAt: droppedAt }));
      figures.entries++;
      figures.bytes += freedBytes(entry, { fingerprint, keys });
    }
    await writes.settle();
    return figures;
  });
}
