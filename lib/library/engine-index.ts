/**
 * Fills the in-memory engine from the library. Fingerprints are derived data stored with the
 * engine's INDEX_VERSION: while it holds, they load as they are; after an engine change they
 * are recomputed from the texts (the library records are the truth, like uBlock's selfie).
 */
import type { Engine } from '../core/engine';
import { fingerprintText } from '../core/fingerprint';
import { INDEX_VERSION } from '../core/tuning';
import type { LibraryDb } from './db';
import type { EntryRecord } from './records';

/** Entries re-fingerprinted per transaction while rebuilding: bounds memory and lets other
 *  requests in between. */
const REBUILD_BATCH = 200;
const INDEX_VERSION_KEY = 'indexVersion';

/** What the engine keeps in memory about an entry besides its fingerprint: the date helps it
 *  tell which side of a pair copied the other. */
export function engineMeta(record: Pick<EntryRecord, 'publishedAt'>): { publishedAt?: string } {
  return { publishedAt: record.publishedAt };
}

/** Loads every entry's fingerprint into `engine`, rebuilding stale ones. Returns how many
 *  were rebuilt. */
export async function loadEngineIndex(db: LibraryDb, engine: Engine): Promise<number> {
  const versionHolds = (await db.get('meta', INDEX_VERSION_KEY)) === INDEX_VERSION;
  const stale: string[] = [];
  const tx = db.transaction(['entries', 'fingerprints']);
  let cursor = await tx.objectStore('entries').openCursor();
  while (cursor) {
    const record = cursor.value;
    const stored = versionHolds ? await tx.objectStore('fingerprints').get(record.id) : undefined;
    if (stored && stored.version === INDEX_VERSION) engine.addFingerprint(record.id, stored.fingerprint, engineMeta(record));
    else stale.push(record.id);
    cursor = await cursor.continue();
  }
  for (let start = 0; start < stale.length; start += REBUILD_BATCH) {
    await rebuildBatch(db, engine, stale.slice(start, start + REBUILD_BATCH));
  }
  await db.put('meta', INDEX_VERSION, INDEX_VERSION_KEY);
  return stale.length;
}

async function rebuildBatch(db: LibraryDb, engine: Engine, ids: string[]): Promise<void> {
  const read = db.transaction(['entries', 'texts']);
  const rows = await Promise.all(
    ids.map(async (id) => ({ record: await read.objectStore('entries').get(id), text: await read.objectStore('texts').get(id) })),
  );
  const computed = rows.flatMap(({ record, text }) =>
    record && text ? [{ record, fingerprint: fingerprintText(text.text) }] : [],
  );
  const write = db.transaction('fingerprints', 'readwrite');
  await Promise.all([
    ...computed.map(({ record, fingerprint }) => write.store.put({ id: record.id, version: INDEX_VERSION, fingerprint })),
    write.done,
  ]);
  for (const { record, fingerprint } of computed) engine.addFingerprint(record.id, fingerprint, engineMeta(record));
}
