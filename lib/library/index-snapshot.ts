/**
 * A snapshot of the engine's in-memory index, kept in the library's `meta` store, so a
 * restarted service worker restores the index from one record instead of re-adding every
 * stored fingerprint (engine-index.ts: 889 ms at 10,000 articles, growing with the library).
 * It is a cache of the library, never its truth: stamped with INDEX_VERSION, the library's
 * generation (bumped by every transaction that changes entries, entry-writes.ts) and the
 * number of entries, it is used only when all three still hold and its arrays pass
 * FingerprintIndex.restore's checks; otherwise the caller rebuilds the index from the
 * entries' texts and a fresh snapshot is saved a little later, off the critical path.
 *
 * Rewriting the whole snapshot (tens of MB at 100,000 articles) for every learned page would
 * be wasteful, so a few changes are saved as a small second record instead: the ids added or
 * removed since the snapshot's generation. Restoring then replays them (drop each id, re-add
 * those still in the library); the whole snapshot is rewritten once they are many.
 */
import type { Engine } from '../core/engine';
import { SNAPSHOT_FORMAT } from '../core/index-snapshot';
import { INDEX_VERSION } from '../core/tuning';
import type { LibraryDb } from './db';
import { indexEntry } from './engine-index';
import { libraryGeneration, RequestBatch } from './entry-writes';
import { packSnapshot, unpackSnapshot, type PackedSnapshot } from './snapshot-blob';

const SNAPSHOT_KEY = 'indexSnapshot';
const CHANGES_KEY = 'indexSnapshotChanges';
/** The `meta` keys the snapshot is kept under (the storage panel counts them as fingerprints). */
export const SNAPSHOT_KEYS: readonly string[] = [SNAPSHOT_KEY, CHANGES_KEY];
/** Quiet time after the last change (or after a rebuild) before the whole snapshot is saved: a
 *  burst of changes (an import's files, a delete of many) costs one save. Well within the 30 s
 *  a service worker lives idle. */
const SAVE_DELAY_MS = 5_000;
/** Changed ids kept beside the snapshot before it is rewritten whole: replaying them on a
 *  restore reads and fingerprints this many texts at most. */
const MAX_CHANGES = 1_000;

interface StoredSnapshot {
  version: number;
  generation: number;
  entries: number;
  /** The index, its arrays in one Blob (snapshot-blob.ts). A record of the former layout has
   *  `index` (the typed arrays themselves) instead, and is rebuilt. */
  packed: PackedSnapshot;
}

/** A record read back from the snapshot's key: of this version or of any other. */
interface ReadSnapshot {
  version?: unknown;
  generation?: unknown;
  packed?: Partial<PackedSnapshot>;
}

/** Ids added or removed between the snapshot's generation (`base`) and `generation`. */
interface StoredChanges {
  base: number;
  generation: number;
  ids: string[];
}

type MetaAndEntries = { objectStore(name: 'meta' | 'entries'): { get(key: string): Promise<unknown>; count(): Promise<number> } };

/** What the library stands at now, read in `tx`. */
async function libraryStamp(tx: MetaAndEntries) {
  const [generation, entries] = await Promise.all([libraryGeneration(tx.objectStore('meta')), tx.objectStore('entries').count()]);
  return { generation, entries };
}

/**
 * Keeps the engine's snapshot: restores it when the library opens, and saves it (or the ids
 * changed since) a while after the library last changed. Every change of entries runs through
 * `change`, which covers the window between the write's commit (the generation moves) and the
 * engine's update: nothing is saved inside it, so a saved generation is always one the index
 * reflects.
 */
export class IndexSnapshotKeeper {
  private changing = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Generation of the stored snapshot, and ids changed since; `changed` undefined: the whole
   *  snapshot must be written. */
  private base = -1;
  private changed: Set<string> | undefined;
  private savedGeneration = -1;

  constructor(
    private readonly db: LibraryDb,
    private readonly engine: Engine,
    private readonly delayMs = SAVE_DELAY_MS,
  ) {}

  /**
   * Fills the empty engine from the stored snapshot, replaying the changes saved beside it,
   * when both match the library (stamped INDEX_VERSION, generation and entry count). Resolves
   * the number of changed ids replayed, or undefined, the engine still empty, when there is no
   * snapshot or it is stale or corrupt.
   *
   * The snapshot (tens of MB) is read at once, beside `startUp` (the caller's other start-up
   * steps, which may write entries); the library's stamp is read once `startUp` is done, so it
   * is compared with what the library holds after them. Nothing else saves a snapshot before
   * the library is open, so the snapshot and its changes, read together, stay one pair.
   */
  async restore(startUp: Promise<unknown> = Promise.resolve()): Promise<number | undefined> {
    const read = this.db.transaction('meta').store;
    const records = Promise.all([
      read.get(SNAPSHOT_KEY) as Promise<ReadSnapshot | undefined>,
      read.get(CHANGES_KEY) as Promise<Partial<StoredChanges> | undefined>,
    ]);
    // A snapshot of another layout (left by an older version) is rebuilt without a warning.
    const usable = (stored: ReadSnapshot | undefined): stored is ReadSnapshot & { generation: number; packed: Partial<PackedSnapshot> } =>
      stored?.version === INDEX_VERSION && typeof stored.generation === 'number' && stored.packed?.format === SNAPSHOT_FORMAT;
    // The arrays' bytes are read as soon as the record is there, also beside `startUp`.
    const arrays = records.then(([stored]) => (usable(stored) ? unpackSnapshot(stored.packed) : undefined)).then(
      (index) => ({ index }),
      (error: unknown) => ({ error }),
    );
    const [[stored, changes], unpacked, stamp] = await Promise.all([records, arrays, startUp.then(() => libraryStamp(this.db.transaction(['meta', 'entries'])))]);
    if (!usable(stored)) return undefined;
    const replay = stored.generation === stamp.generation ? [] : changes?.base === stored.generation && changes.generation === stamp.generation ? changes.ids : undefined;
    if (!Array.isArray(replay) || !replay.every((id) => typeof id === 'string')) return undefined;
    try {
      if ('error' in unpacked) throw unpacked.error;
      this.engine.restore(unpacked.index!);
      await this.replay(replay);
    } catch (error) {
      console.warn('Recycled News: the saved index is damaged; rebuilding it from the library', error);
      this.engine.clear();
      return undefined;
    }
    if (this.engine.size !== stamp.entries) {
      this.engine.clear();
      return undefined;
    }
    this.base = stored.generation;
    this.changed = new Set(replay);
    this.savedGeneration = stamp.generation;
    return replay.length;
  }

  /** Drops the changed ids from the engine and adds back those still in the library (one read;
   *  their fingerprints computed from their texts). */
  private async replay(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const store = this.db.transaction('entries').store;
    const reads = new RequestBatch();
    const found = ids.map((id) => reads.add(store.get(id)));
    await reads.settle();
    for (const id of ids) this.engine.remove(id);
    for (const stored of await Promise.all(found)) if (stored) indexEntry(this.engine, stored);
  }

  /** Runs `work` (a write of entries, then the engine's update, noting the ids it changed) and
   *  schedules a save after it. */
  async change<T>(work: () => Promise<T>): Promise<T> {
    this.changing++;
    try {
      return await work();
    } finally {
      this.changing--;
      this.schedule();
    }
  }

  /** Notes entries added or removed by the running change; `'all'`: the library was emptied. */
  note(ids: Iterable<string> | 'all'): void {
    if (ids === 'all') this.changed = undefined;
    else if (this.changed) for (const id of ids) this.changed.add(id);
  }

  /** (Re)starts the timer of the next save: at once when only a few ids changed since the
   *  snapshot (a small record, so a worker stopped just after, say, a learned page restores
   *  without fingerprinting every text again), else after the quiet time, so a burst of
   *  changes costs one whole snapshot. */
  schedule(): void {
    clearTimeout(this.timer);
    const delay = this.changed !== undefined && this.changed.size <= MAX_CHANGES ? 0 : this.delayMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save().catch((error: unknown) => {
        // A connection closed meanwhile (given up for an upgrade, or the library reopened) has nothing to save to.
        if ((error as { name?: string })?.name !== 'InvalidStateError') console.warn('Recycled News: could not save the index snapshot', error);
      });
    }, delay);
  }

  /**
   * Saves now, stamped with the library's generation read in the same transaction and the
   * engine's size: the ids changed since the snapshot when they are few, else the whole
   * snapshot. Resolves false without saving while a change is under way (the save scheduled
   * after it will do).
   */
  async save(): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.changing > 0) return false;
    // Every transaction that changes entries writes `meta` too, so none can commit between the
    // generation read here and the put; `entries` stays free for the reads of matching.
    const tx = this.db.transaction('meta', 'readwrite');
    const generation = await libraryGeneration(tx.store);
    if (this.changing > 0) {
      await tx.done;
      return false;
    }
    // The engine reflects the library at this generation: its size is the entry count a
    // restore compares with the entries store.
    const stamp = { generation, entries: this.engine.size };
    const meta = tx.store;
    const writes = new RequestBatch();
    if (stamp.generation === this.savedGeneration) {
      // Nothing changed since the last save.
    } else if (this.changed && this.changed.size <= MAX_CHANGES) {
      writes.add(meta.put({ base: this.base, generation: stamp.generation, ids: [...this.changed] } satisfies StoredChanges, CHANGES_KEY));
    } else {
      writes.add(meta.put({ version: INDEX_VERSION, ...stamp, packed: packSnapshot(this.engine.snapshot()) } satisfies StoredSnapshot, SNAPSHOT_KEY));
      writes.add(meta.delete(CHANGES_KEY));
      // Changes from here on are counted against the snapshot being written.
      this.base = stamp.generation;
      this.changed = new Set();
    }
    try {
      await Promise.all([writes.settle(), tx.done]);
    } catch (error) {
      this.changed = undefined; // what is stored is unknown now: the next save writes it all
      throw error;
    }
    this.savedGeneration = stamp.generation;
    return true;
  }
}
