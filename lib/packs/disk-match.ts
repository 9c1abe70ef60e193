/**
 * Matching a page against installed packs without holding their entries in memory: the same
 * retrieval and estimate as EntryIndex (entry-index.ts: lib/core's FingerprintIndex ranking,
 * Σ 1/df over shared keys, keys in more than max(maxDocs, maxShare × entries) entries ignored,
 * at least minShared shared keys or half of a short entry's, the best `limit` candidates; then
 * estimate.ts), computed from the buckets on disk (buckets.ts):
 * 1. the buckets of the page's keys (those the summaries say exist), one readonly transaction;
 * 2. df of each page key = its postings in those buckets, over all packs; candidates ranked;
 * 3. the candidates' entries (keys, figures, labels), one readonly transaction;
 * 4. whether a candidate's own key absent from the page is too common, from the summaries'
 *    frequent keys (buckets are read only for a key they cannot settle).
 * Rows are numbered across packs as EntryIndex numbers them when fed the packs in order, so
 * ties break alike: the results equal EntryIndex's (tested) while all packs together hold at
 * most one EntryIndex segment (1,500,000 entries); past that, df is counted over all packs
 * (EntryIndex counts it per segment). Memory: the page's buckets and the candidates.
 */
import { lowerBound } from '../core/posting-buckets';
import { bucketOf, decodeRow, hasBucket, postingsOf, type GenerationSummary } from './buckets';
import type { BucketCache, BucketId } from './bucket-cache';
import type { ArticleKeys } from './entry';
import { RETRIEVAL } from './entry-index';
import { classifyReuse, pageKeysOf, reuseFigures, type PackEstimate } from './estimate';
import { storedKeys } from './store-write';
import type { PacksDb, StoredPackEntry } from './store-db';
import { PACK_MATCH, type PackMatchTuning } from './tuning';

/** An installed pack as the matcher sees it. */
export interface DiskPack {
  generation: number;
  /** Rows [firstRow, firstRow + summary.entries) are this pack's, in seq order. */
  firstRow: number;
  summary: GenerationSummary;
}

/** A stored entry the page reuses, with the estimate. */
export interface DiskMatch<P extends DiskPack = DiskPack> {
  pack: P;
  stored: StoredPackEntry;
  estimate: PackEstimate;
}

/** Postings of one key: per pack (same order as the packs), the encoded rows. */
type KeyPostings = number[][];

/** Rows decoded, with the key counts the "half of a short entry" rule needs. */
interface Candidate<P extends DiskPack> {
  row: number;
  pack: P;
  seq: number;
  keyCount: number;
  shared: number;
  weight: number;
}

/** Postings of every distinct key in `keys`, from the buckets (cache first). */
async function postingsFor(keys: Iterable<number>, packs: readonly DiskPack[], cache: BucketCache): Promise<Map<number, KeyPostings>> {
  const distinct = [...new Set(keys)];
  const ids: BucketId[] = [];
  for (const key of distinct) {
    for (const pack of packs) if (hasBucket(pack.summary, bucketOf(key))) ids.push({ generation: pack.generation, bucket: bucketOf(key) });
  }
  const buckets = await cache.read(ids);
  const postings = new Map<number, KeyPostings>();
  for (const key of distinct) {
    postings.set(
      key,
      packs.map((pack) => {
        const rows: number[] = [];
        const bucket = buckets.get(`${pack.generation}/${bucketOf(key)}`);
        if (bucket) postingsOf(bucket, key, rows);
        return rows;
      }),
    );
  }
  return postings;
}

const dfOf = (postings: KeyPostings | undefined) => (postings ? postings.reduce((sum, rows) => sum + rows.length, 0) : 0);

/** FingerprintIndex.candidates over the postings read: the best `limit` rows by Σ 1/df, ties by row as a string. */
function rankCandidates<P extends DiskPack>(query: readonly number[], postings: Map<number, KeyPostings>, packs: readonly P[], maxDocs: number): Array<Candidate<P>> {
  const byRow = new Map<number, Candidate<P>>();
  for (const key of query) {
    const perPack = postings.get(key);
    const df = dfOf(perPack);
    if (df === 0 || df > maxDocs) continue;
    perPack!.forEach((rows, p) => {
      for (const encoded of rows) {
        const { seq, keyCount } = decodeRow(encoded);
        const row = packs[p].firstRow + seq;
        let candidate = byRow.get(row);
        if (!candidate) byRow.set(row, (candidate = { row, pack: packs[p], seq, keyCount, shared: 0, weight: 0 }));
        candidate.shared++;
        candidate.weight += 1 / df;
      }
    });
  }
  const found = [...byRow.values()].filter((candidate) => {
    // Key counts are capped at 7 in a row: exact while minShared ≤ 4 (⌈7 / 2⌉).
    const needed = candidate.keyCount >= 7 ? RETRIEVAL.minShared : Math.min(RETRIEVAL.minShared, Math.ceil(candidate.keyCount / 2));
    return candidate.shared >= needed;
  });
  const id = (candidate: Candidate<P>) => String(candidate.row);
  found.sort((a, b) => b.weight - a.weight || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  return found.slice(0, RETRIEVAL.limit);
}

/** The df a summary knows for `key`, or undefined when the key is not among its frequent ones. */
function frequentDf(summary: GenerationSummary, key: number): number | undefined {
  const at = lowerBound(summary.frequentKeys, key);
  return summary.frequentKeys[at] === key ? summary.frequentDf[at] : undefined;
}

/**
 * Whether each of `keys` (not among the page's) is held by more than maxDocs entries. A
 * summary gives a key's exact df when it is frequent in its pack, and a bound (frequentAbove)
 * when not; a key the bounds leave open has its buckets read.
 */
async function commonKeys(keys: Iterable<number>, packs: readonly DiskPack[], maxDocs: number, cache: BucketCache): Promise<Map<number, boolean>> {
  const common = new Map<number, boolean>();
  const open: number[] = [];
  for (const key of keys) {
    if (common.has(key)) continue;
    let known = 0;
    let bound = 0;
    for (const pack of packs) {
      const df = frequentDf(pack.summary, key);
      if (df === undefined) bound += pack.summary.frequentAbove;
      else known += df;
    }
    if (known > maxDocs) common.set(key, true);
    else if (known + bound <= maxDocs) common.set(key, false);
    else open.push(key);
  }
  if (open.length > 0) {
    const postings = await postingsFor(open, packs, cache);
    for (const key of open) common.set(key, dfOf(postings.get(key)) > maxDocs);
  }
  return common;
}

/**
 * Stored entries of `packs` that the page reuses, best first (by estimated score; ties keep
 * the candidates' order). `packs`: in row order, firstRow of each the sum of the entries before.
 */
export async function matchOnDisk<P extends DiskPack>(db: PacksDb, packs: readonly P[], cache: BucketCache, keys: ArticleKeys, tuning: PackMatchTuning = PACK_MATCH): Promise<Array<DiskMatch<P>>> {
  const total = packs.reduce((sum, pack) => sum + pack.summary.entries, 0);
  if (total === 0) return [];
  const maxDocs = Math.max(RETRIEVAL.maxDocs, Math.floor(RETRIEVAL.maxShare * total));
  const query = [...keys.exact, ...keys.robust];
  const postings = await postingsFor(query, packs, cache);
  const candidates = rankCandidates(query, postings, packs, maxDocs);
  if (candidates.length === 0) return [];

  const tx = db.transaction('entries', 'readonly');
  const stored = await Promise.all(candidates.map(({ pack, seq }) => tx.store.get([pack.generation, seq])));
  await tx.done;
  const otherKeys: number[] = [];
  for (const entry of stored) for (const key of entry?.keys ?? []) if (!postings.has(key)) otherKeys.push(key);
  const common = await commonKeys(otherKeys, packs, maxDocs, cache);
  const isCommon = (key: number) => (postings.has(key) ? dfOf(postings.get(key)) > maxDocs : common.get(key)!);

  const page = pageKeysOf(keys);
  const found: Array<DiskMatch<P>> = [];
  candidates.forEach((candidate, i) => {
    // A pack removed meanwhile: its entries are gone, and so is the candidate.
    const entry = stored[i];
    if (!entry) return;
    const estimate = classifyReuse(reuseFigures({ id: entry.id, ...storedKeys(entry) }, page, isCommon), tuning);
    if (estimate) found.push({ pack: candidate.pack, stored: entry, estimate });
  });
  return found.sort((a, b) => b.estimate.score - a.estimate.score);
}
