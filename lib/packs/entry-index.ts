/**
 * Pack entries as match candidates, held compactly: only what matching needs (keys, their
 * positions, the article's length and key totals) in growable typed arrays, no labels. Each
 * entry is a row (0, 1, 2, … in the order added); callers keep whatever labels they need by
 * row, or fetch them from storage for the few rows that match. Retrieval is lib/core's
 * FingerprintIndex over the sampled keys, in segments of at most SEGMENT_ENTRIES (one index
 * addresses 2^21 slots); candidates are ranked by Σ 1/df, then estimated from their keys
 * (estimate.ts).
 *
 * Memory per entry: about 48 keys × (4 bytes here + 4 bytes of posting) + 30 bytes of figures
 * and positions + the index's slot id (a short string): about 0.45 KB.
 */
import { FingerprintIndex } from '../core/index';
import { DEFAULT_TUNING } from '../core/tuning';
import type { ArticleKeys, PackEntry } from './entry';
import { classifyReuse, pageKeysOf, reuseFigures, type PackEstimate } from './estimate';
import { PACK_MATCH, type PackMatchTuning } from './tuning';

/** Entries per FingerprintIndex (below its 2^21 slot space, with room for replacements). */
const SEGMENT_ENTRIES = 1_500_000;

/** Retrieval as the engine does it (lib/core/tuning.ts defaults): rare keys count, common ones are ignored. Shared with the on-disk matcher (disk-match.ts). */
export const RETRIEVAL = {
  maxDocs: DEFAULT_TUNING.commonHashMaxDocs,
  maxShare: DEFAULT_TUNING.commonHashMaxShare,
  minShared: DEFAULT_TUNING.minSharedHashes,
  limit: DEFAULT_TUNING.maxCandidates,
};

/** A row the page reuses, with the estimate of how. */
export interface RowMatch {
  row: number;
  estimate: PackEstimate;
}

/** A Uint32Array that grows by doubling. */
class Column {
  values: Uint32Array;
  length = 0;
  constructor(initial = 1024) {
    this.values = new Uint32Array(initial);
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

export class EntryIndex {
  private readonly segments: FingerprintIndex[] = [];
  /** All rows' keys one after the other: exact keys, then robust keys. */
  private readonly keys = new Column(1 << 14);
  /** All rows' exact-key positions one after the other (0..255 each). */
  private readonly positions = new Column(1 << 14);
  /** Per row: where its keys and positions start, its exact key count, tokens and totals. */
  private readonly keyStart = new Column();
  private readonly positionStart = new Column();
  private readonly exactCount = new Column();
  private readonly robustCount = new Column();
  private readonly tokens = new Column();
  private readonly exactTotal = new Column();
  private readonly robustTotal = new Column();

  constructor(private readonly tuning: PackMatchTuning = PACK_MATCH) {}

  /** Rows held. */
  get size(): number {
    return this.keyStart.length;
  }

  /** Adds `entry` as the next row and returns its number. Rows are never removed: a changed pack gets a new index. */
  add(entry: Pick<PackEntry, 'tokens' | 'exactTotal' | 'robustTotal' | 'exact' | 'exactAt' | 'robust'>): number {
    const row = this.size;
    if (row % SEGMENT_ENTRIES === 0) this.segments.push(new FingerprintIndex());
    this.keyStart.push(this.keys.length);
    this.positionStart.push(this.positions.length);
    this.exactCount.push(entry.exact.length);
    this.robustCount.push(entry.robust.length);
    this.tokens.push(entry.tokens);
    this.exactTotal.push(entry.exactTotal);
    this.robustTotal.push(entry.robustTotal);
    for (const key of entry.exact) this.keys.push(key);
    for (const key of entry.robust) this.keys.push(key);
    for (const at of entry.exactAt) this.positions.push(at);
    this.segments[this.segments.length - 1].add(String(row), [...entry.exact, ...entry.robust]);
    return row;
  }

  /** The matching fields of row `row`, as a PackEntry without labels (id left empty). */
  entryAt(row: number): PackEntry {
    const start = this.keyStart.values[row];
    const exactCount = this.exactCount.values[row];
    const robustCount = this.robustCount.values[row];
    const at = this.positionStart.values[row];
    return {
      id: '',
      tokens: this.tokens.values[row],
      exactTotal: this.exactTotal.values[row],
      robustTotal: this.robustTotal.values[row],
      exact: Array.from(this.keys.values.subarray(start, start + exactCount)),
      exactAt: Array.from(this.positions.values.subarray(at, at + exactCount)),
      robust: Array.from(this.keys.values.subarray(start + exactCount, start + exactCount + robustCount)),
    };
  }

  /**
   * Rows the page reuses, best first. `keys`: the page's keys (articleKeys of its text).
   * `skip(row)`: rows to leave out before estimating.
   */
  match(keys: ArticleKeys, skip?: (row: number) => boolean): RowMatch[] {
    const page = pageKeysOf(keys);
    const query = [...keys.exact, ...keys.robust];
    const found: RowMatch[] = [];
    for (const segment of this.segments) {
      const isCommon = (key: number) => segment.isCommon(key, RETRIEVAL);
      for (const candidate of segment.candidates(query, RETRIEVAL)) {
        const row = Number(candidate.id);
        if (skip?.(row)) continue;
        const estimate = classifyReuse(reuseFigures(this.entryAt(row), page, isCommon), this.tuning);
        if (estimate) found.push({ row, estimate });
      }
    }
    return found.sort((a, b) => b.estimate.score - a.estimate.score);
  }
}
