/**
 * A snapshot of the engine's in-memory index, kept in the library's `meta` store, so a
 * restarted service worker restores the index from one record instead of re-adding every
 * stored fingerprint (engine-index.ts: 889 ms at 10,000 articles, growing with the library).
 * It is a cache of the library, never its truth: stamped with INDEX_VERSION, the library's
 * generation (bumped by every transaction that changes entries, entry-writes.ts) and the
 * number of entries, it is used only when all three still hold and its arrays pass
 * FingerprintIndex.restore's checks; otherwise the caller rebuilds the index from the
 * fingerprints store and a fresh snapshot is saved a little later, off the critical path.
 */
import type { Engine } from '../core/engine';
import type { IndexSnapshot } from '../core/index';
import { INDEX_VERSION } from '../core/tuning';
import type { LibraryDb } from './db';
import { libraryGeneration } from './entry-writes';

const SNAPSHOT_KEY = 'indexSnapshot';
/** Quiet time after the last change (or after a rebuild) before the snapshot is saved: a burst
 *  of changes (an import's files, a delete of many) costs one save. Well within the 30 s a
 *  service worker lives idle. */
const SAVE_DELAY_MS = 5_000;

interface StoredSnapshot {
  version: number;
  generation: number;
  entries: number;
  index: IndexSnapshot;
}

/** What the library stands at now, read in `tx`. */
async function libraryStamp(tx: { objectStore(name: 'meta' | 'entries'): { get(key: string): Promise<unknown>; count(): Promise<number> } }) {
  const [generation, entries] = await Promise.all([libraryGeneration(tx.objectStore('meta')), tx.objectStore('entries').count()]);
  return { generation, entries };
}

/**
 * Fills the empty `engine` from the stored snapshot when it matches the library (one read
 * transaction). Resolves false, the engine still empty, when there is none, it is stale or it
 * is corrupt.
 */
export async function restoreIndexSnapshot(db: LibraryDb, engine: Engine): Promise<boolean> {
  const tx = db.transaction(['meta', 'entries']);
  const [stored, stamp] = await Promise.all([
    tx.objectStore('meta').get(SNAPSHOT_KEY) as Promise<Partial<StoredSnapshot> | undefined>,
    libraryStamp(tx),
  ]);
  if (!stored || stored.version !== INDEX_VERSION || stored.generation !== stamp.generation || stored.entries !== stamp.entries) {
    return false;
  }
  try {
    engine.restore(stored.index as IndexSnapshot);
  } catch (error) {
    console.warn('Recycled News: the saved index is damaged; rebuilding it from the library', error);
    return false;
  }
  if (engine.size === stamp.entries) return true;
  engine.clear();
  return false;
}

/**
 * Saves the engine's snapshot a while after the library last changed. Every change of entries
 * runs through `change`, which covers the window between the write's commit (the generation
 * moves) and the engine's update: no snapshot is taken inside it, so a snapshot never carries
 * a generation its index does not reflect.
 */
export class IndexSnapshotKeeper {
  private changing = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: LibraryDb,
    private readonly engine: Engine,
    private readonly delayMs = SAVE_DELAY_MS,
  ) {}

  /** Runs `work` (a write of entries, then the engine's update) and schedules a save after it. */
  async change<T>(work: () => Promise<T>): Promise<T> {
    this.changing++;
    try {
      return await work();
    } finally {
      this.changing--;
      this.schedule();
    }
  }

  /** (Re)starts the quiet-time timer of the next save. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save().catch((error: unknown) => {
        // A connection closed meanwhile (given up for an upgrade, or the library reopened) has nothing to save to.
        if ((error as { name?: string })?.name !== 'InvalidStateError') console.warn('Recycled News: could not save the index snapshot', error);
      });
    }, this.delayMs);
  }

  /**
   * Saves the snapshot now, stamped with the library's generation and entry count read in the
   * same transaction. Resolves false without saving while a change is under way (the save
   * scheduled after it will do).
   */
  async save(): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.changing > 0) return false;
    // Read-write on `entries` too: no change of entries can commit between the stamp and the put.
    const tx = this.db.transaction(['meta', 'entries'], 'readwrite');
    const stamp = await libraryStamp(tx);
    if (this.changing > 0 || this.engine.size !== stamp.entries) {
      await tx.done;
      return false;
    }
    const stored: StoredSnapshot = { version: INDEX_VERSION, ...stamp, index: this.engine.snapshot() };
    await Promise.all([tx.objectStore('meta').put(stored, SNAPSHOT_KEY), tx.done]);
    return true;
  }

  /** Stops the pending save (the library is being closed). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
