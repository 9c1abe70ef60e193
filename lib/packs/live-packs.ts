/**
 * The installed packs as match candidates (the background's view): which packs are installed,
 * in row order, with their generation summaries (buckets.ts: a bitmap of 32 KB and at most
 * 24,000 frequent keys each, whatever the pack's size), and a small cache of buckets. Postings,
 * keys and labels stay in IndexedDB: a match reads the buckets of its page's keys, then the few
 * candidate entries (disk-match.ts). Loading after a worker start reads the pack list and the
 * summaries only (packs installed before buckets existed get theirs built first). A pack
 * changed while a match runs simply yields no entry for its old generation, which is left out.
 */
import { BucketCache } from './bucket-cache';
import { matchOnDisk, type DiskPack } from './disk-match';
import { articleKeys, type ArticleKeys } from './entry';
import { packMatchOf, type EntryLabels, type PackMatch } from './match';
import { listPacks, readGeneration } from './store';
import { rebuildMissingBuckets } from './store-buckets';
import type { PacksDb } from './store-db';

/** A pack match as the extension keeps it: the match, and which installed pack it came from. */
export interface InstalledPackMatch extends PackMatch {
  /** The installed pack's slot (store-db.ts). */
  slot: string;
}

interface LoadedPack extends DiskPack {
  slot: string;
  name: string;
}

async function readSummaries(db: PacksDb) {
  const installed = await listPacks(db);
  const summaries = await Promise.all(installed.map((pack) => db.get('summaries', pack.generation)));
  return { installed, summaries };
}

export class LivePacks {
  private readonly cache: BucketCache;

  private constructor(
    private readonly db: PacksDb,
    private readonly packs: readonly LoadedPack[],
  ) {
    this.cache = new BucketCache(db);
  }

  /** Reads the installed packs and their summaries (building the buckets of packs that have none). */
  static async load(db: PacksDb): Promise<LivePacks> {
    let { installed, summaries } = await readSummaries(db);
    if (summaries.some((summary) => !summary)) {
      await rebuildMissingBuckets(db, (generation) => readGeneration(db, generation));
      ({ installed, summaries } = await readSummaries(db));
    }
    const loaded: LoadedPack[] = [];
    let firstRow = 0;
    installed.forEach((pack, i) => {
      const summary = summaries[i];
      // Only a pack installed between the rebuild and this read could lack one: it is skipped until the next load.
      if (!summary) return;
      loaded.push({ slot: pack.slot, name: pack.name, generation: pack.generation, firstRow, summary });
      firstRow += summary.entries;
    });
    return new LivePacks(db, loaded);
  }

  /** Entries installed, all packs together. */
  get size(): number {
    return this.packs.reduce((sum, pack) => sum + pack.summary.entries, 0);
  }

  /**
   * Pack entries a page reuses, best first, with their labels. `skip(match)`: matches to leave
   * out (the page itself, articles the library reports), decided on the labels.
   */
  async match(page: string | ArticleKeys, skip?: (labels: EntryLabels) => boolean): Promise<InstalledPackMatch[]> {
    if (this.packs.length === 0) return [];
    const keys = typeof page === 'string' ? articleKeys(page) : page;
    const found: InstalledPackMatch[] = [];
    for (const { pack, stored, estimate } of await matchOnDisk(this.db, this.packs, this.cache, keys)) {
      const { id, title, url, publishedAt } = stored;
      const labels: EntryLabels = { id, title, url, publishedAt };
      if (skip?.(labels)) continue;
      found.push({ ...packMatchOf(pack.name, labels, estimate), slot: pack.slot });
    }
    return found;
  }
}
