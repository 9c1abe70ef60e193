/**
 * The installed packs as match candidates in memory (the background's copy): one EntryIndex
 * over every pack's entries, holding only what matching needs; titles, addresses and dates stay
 * in IndexedDB and are read for the few entries that match. Built from the store when the worker
 * starts (or when the packs change); a pack changed while a match runs simply yields no label
 * for its old generation, and that entry is left out.
 */
import { articleKeys, type ArticleKeys } from './entry';
import { EntryIndex } from './entry-index';
import { packMatchOf, type EntryLabels, type PackMatch } from './match';
import { listPacks, readGeneration, storedKeys } from './store';
import type { PacksDb } from './store-db';

/** A pack match as the extension keeps it: the match, and which installed pack it came from. */
export interface InstalledPackMatch extends PackMatch {
  /** The installed pack's slot (store-db.ts). */
  slot: string;
}

interface LoadedPack {
  slot: string;
  name: string;
  generation: number;
  /** Rows [firstRow, firstRow + count) of the index are this pack's entries, in seq order. */
  firstRow: number;
  count: number;
}

export class LivePacks {
  private constructor(
    private readonly db: PacksDb,
    private readonly index: EntryIndex,
    private readonly packs: readonly LoadedPack[],
  ) {}

  /** Reads every installed pack's entries into a fresh index. */
  static async load(db: PacksDb): Promise<LivePacks> {
    const index = new EntryIndex();
    const loaded: LoadedPack[] = [];
    for (const pack of await listPacks(db)) {
      const firstRow = index.size;
      for await (const stored of readGeneration(db, pack.generation)) index.add(storedKeys(stored));
      loaded.push({ slot: pack.slot, name: pack.name, generation: pack.generation, firstRow, count: index.size - firstRow });
    }
    return new LivePacks(db, index, loaded);
  }

  /** Entries held, all packs together. */
  get size(): number {
    return this.index.size;
  }

  /**
   * Pack entries a page reuses, best first, with their labels. `skip(match)`: matches to leave
   * out (the page itself, articles the library reports), decided on the labels.
   */
  async match(page: string | ArticleKeys, skip?: (labels: EntryLabels) => boolean): Promise<InstalledPackMatch[]> {
    if (this.index.size === 0) return [];
    const keys = typeof page === 'string' ? articleKeys(page) : page;
    const found: InstalledPackMatch[] = [];
    for (const { row, estimate } of this.index.match(keys)) {
      const pack = this.packOf(row);
      const labels = await this.db.get('entries', [pack.generation, row - pack.firstRow]);
      if (!labels || skip?.(labels)) continue;
      found.push({ ...packMatchOf(pack.name, labels, estimate), slot: pack.slot });
    }
    return found;
  }

  private packOf(row: number): LoadedPack {
    let lo = 0;
    let hi = this.packs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.packs[mid].firstRow <= row) lo = mid;
      else hi = mid - 1;
    }
    return this.packs[lo];
  }
}
