/**
 * Pack entries as match candidates, like library articles: an inverted index over their
 * sampled keys (lib/core's FingerprintIndex, in segments of at most SEGMENT_ENTRIES since one
 * index addresses 2^21 slots), candidates ranked by Σ 1/df, then each estimated from its keys
 * (estimate.ts). Entries of several packs live side by side; a match names its pack.
 */
import { FingerprintIndex } from '../core/index';
import { DEFAULT_TUNING } from '../core/tuning';
import type { Match } from '../core/types';
import { articleKeys, entrySource, type ArticleKeys, type PackEntry } from './entry';
import { classifyReuse, pageKeysOf, reuseFigures } from './estimate';
import { PACK_MATCH, type PackMatchTuning } from './tuning';

/** Entries per FingerprintIndex (below its 2^21 slot space, with room for replacements). */
const SEGMENT_ENTRIES = 1_500_000;

/** Retrieval as the engine does it (lib/core/tuning.ts defaults): rare keys count, common ones are ignored. */
const RETRIEVAL = {
  maxDocs: DEFAULT_TUNING.commonHashMaxDocs,
  maxShare: DEFAULT_TUNING.commonHashMaxShare,
  minShared: DEFAULT_TUNING.minSharedHashes,
  limit: DEFAULT_TUNING.maxCandidates,
};

/** Kind, score, shares, direction and reason mean what they mean for a library match (lib/core/types). */
export interface PackMatch extends Pick<Match, 'kind' | 'score' | 'coverage' | 'sourceCoverage' | 'direction' | 'reason'> {
  /** The entry's id in its pack. */
  id: string;
  /** The pack's name (its header's `name`). */
  pack: string;
  title?: string;
  url?: string;
  /** The site: the URL's host. */
  source?: string;
  publishedAt?: string;
}

interface Held {
  pack: string;
  entry: PackEntry;
}

export class PackIndex {
  private readonly segments: FingerprintIndex[] = [];
  private readonly held: Held[] = [];

  constructor(private readonly tuning: PackMatchTuning = PACK_MATCH) {}

  get size(): number {
    return this.held.length;
  }

  /** Adds one entry of pack `pack`. Entries are never removed one by one: a pack goes as a whole (new index). */
  add(pack: string, entry: PackEntry): void {
    const slot = this.held.length;
    if (slot % SEGMENT_ENTRIES === 0) this.segments.push(new FingerprintIndex());
    this.held.push({ pack, entry });
    this.segments[this.segments.length - 1].add(String(slot), [...entry.exact, ...entry.robust]);
  }

  /**
   * Pack entries the page reuses, best first. `keys`: the page's keys (articleKeys of its text).
   * `skip(pack, id)`: entries to leave out (e.g. also in the library, which reports them itself).
   */
  match(keys: ArticleKeys, skip?: (pack: string, entry: PackEntry) => boolean): PackMatch[] {
    const page = pageKeysOf(keys);
    const query = [...keys.exact, ...keys.robust];
    const found: PackMatch[] = [];
    for (const segment of this.segments) {
      const isCommon = (key: number) => segment.isCommon(key, RETRIEVAL);
      for (const candidate of segment.candidates(query, RETRIEVAL)) {
        const { pack, entry } = this.held[Number(candidate.id)];
        if (skip?.(pack, entry)) continue;
        const estimate = classifyReuse(reuseFigures(entry, page, isCommon), this.tuning);
        if (!estimate) continue;
        const source = entrySource(entry);
        found.push({
          id: entry.id,
          pack,
          ...(entry.title ? { title: entry.title } : {}),
          ...(entry.url ? { url: entry.url } : {}),
          ...(source ? { source } : {}),
          ...(entry.publishedAt ? { publishedAt: entry.publishedAt } : {}),
          ...estimate,
          direction: 'copies',
        });
      }
    }
    return found.sort((a, b) => b.score - a.score);
  }

  /** `match` from a page's text. */
  matchText(text: string, skip?: (pack: string, entry: PackEntry) => boolean): PackMatch[] {
    return this.match(articleKeys(text), skip);
  }
}
