/**
 * Fills the in-memory engine from the library. Fingerprints are derived data stored with the
 * engine's INDEX_VERSION: while it holds, they load as they are; after an engine change (or
 * for an entry that lacks one) they are recomputed from the texts: the library records are
 * the truth, like uBlock's selfie. This runs every time the service worker starts, so it
 * reads the fingerprints store alone, in large chunks.
 */
import type { Engine } from '../core/engine';
import { fingerprintText } from '../core/fingerprint';
import { INDEX_VERSION } from '../core/tuning';
import type { LibraryDb, StoredFingerprint } from './db';
import { RequestBatch } from './entry-writes';
import { unpackText } from './text-codec';

/** Records read per request while loading. */
const LOAD_CHUNK = 2_000;
/** Entries re-fingerprinted per transaction while rebuilding: bounds memory and lets other
 *  requests in between. */
const REBUILD_BATCH = 200;
const INDEX_VERSION_KEY = 'indexVersion';

export function addToEngine(engine: Engine, stored: Pick<StoredFingerprint, 'id' | 'fingerprint'>): void {
  engine.addFingerprint(stored.id, stored.fingerprint);
}

/** Loads every entry's fingerprint into `engine`, rebuilding stale or missing ones. Returns
 *  how many were rebuilt. */
export async function loadEngineIndex(db: LibraryDb, engine: Engine): Promise<number> {
  const versionHolds = (await db.get('meta', INDEX_VERSION_KEY)) === INDEX_VERSION;
  // Keys only: cheap even for 100,000 entries. A fingerprint without its entry is ignored.
  const entryIds = new Set(await db.getAllKeys('entries'));
  const loaded = new Set<string>();
  if (versionHolds) {
    let range: IDBKeyRange | undefined;
    for (;;) {
      const chunk = await db.getAll('fingerprints', range, LOAD_CHUNK);
      for (const stored of chunk) {
        if (stored.version !== INDEX_VERSION || stored.fingerprint.v !== INDEX_VERSION || !entryIds.has(stored.id)) continue;
        addToEngine(engine, stored);
        loaded.add(stored.id);
      }
      if (chunk.length < LOAD_CHUNK) break;
      range = IDBKeyRange.lowerBound(chunk[chunk.length - 1].id, true);
    }
  }
  const stale = [...entryIds].filter((id) => !loaded.has(id));
  for (let start = 0; start < stale.length; start += REBUILD_BATCH) {
    await rebuildBatch(db, engine, stale.slice(start, start + REBUILD_BATCH));
  }
  await db.put('meta', INDEX_VERSION, INDEX_VERSION_KEY);
  return stale.length;
}

async function rebuildBatch(db: LibraryDb, engine: Engine, ids: string[]): Promise<void> {
  const read = db.transaction(['entries', 'texts']);
  const reads = new RequestBatch();
  const rows = ids.map((id) => ({ record: reads.add(read.objectStore('entries').get(id)), text: reads.add(read.objectStore('texts').get(id)) }));
  await reads.settle();
  const computed: StoredFingerprint[] = [];
  for (const row of rows) {
    const [record, text] = await Promise.all([row.record, row.text]);
    if (!record || !text) continue;
    computed.push({ id: record.id, version: INDEX_VERSION, fingerprint: fingerprintText(unpackText(text)), publishedAt: record.publishedAt });
  }
  const write = db.transaction('fingerprints', 'readwrite');
  await Promise.all([...computed.map((stored) => write.store.put(stored)), write.done]);
  for (const stored of computed) addToEngine(engine, stored);
}
