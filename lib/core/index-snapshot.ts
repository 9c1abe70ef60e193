/**
 * The plain-data form of a FingerprintIndex (lib/core/index.ts), which a caller may store and
 * give back to `restore` after a restart, and the checks a snapshot read back must pass.
 */
import { MAX_SLOT_BITS, MIN_SLOT_BITS, PostingBuckets } from './posting-buckets';

/**
 * The index as plain, structured-cloneable data: the live articles renumbered 0..n-1 and the
 * postings in the bucketed layout of posting-buckets.ts. `format` changes whenever this layout
 * does; `restore` rejects any other.
 */
export interface IndexSnapshot {
  format: number;
  /** The live ids concatenated in slot order (one string: far cheaper to store and read than 100,000). */
  ids: string;
  /** Length of each id in `ids`, in UTF-16 code units. */
  idLengths: Uint32Array;
  /** Postings per slot (the article's hash count). */
  counts: Uint32Array;
  /** k: a posting's slot bits, and the bits of the hash's top that pick its bucket. */
  slotBits: number;
  /** 2^k + 1 ascending offsets: bucket b's postings are postings[offsets[b] .. offsets[b + 1]). */
  offsets: Uint32Array;
  /** (hash mod 2^(32 - k)) × 2^k + slot, ascending by hash within a bucket. */
  postings: Uint32Array;
}

/** 1: float64 postings, hash × 2^21 + slot; 2: bucketed Uint32 postings. */
export const SNAPSHOT_FORMAT = 2;

/** The snapshot's fields, checked and decoded (see FingerprintIndex.restore). */
export function checkSnapshot(snapshot: IndexSnapshot): { ids: string[]; counts: Uint32Array; buckets: PostingBuckets } {
  const corrupt = (what: string) => new Error(`Index snapshot is unusable: ${what}`);
  if (typeof snapshot !== 'object' || snapshot === null) throw corrupt('not an object');
  if (snapshot.format !== SNAPSHOT_FORMAT) throw corrupt(`format ${String(snapshot.format)}, expected ${SNAPSHOT_FORMAT}`);
  const { ids: joined, idLengths, counts, slotBits: bits, offsets, postings } = snapshot;
  if (
    typeof joined !== 'string' ||
    !(idLengths instanceof Uint32Array) ||
    !(counts instanceof Uint32Array) ||
    !(offsets instanceof Uint32Array) ||
    !(postings instanceof Uint32Array)
  ) {
    throw corrupt('a field has the wrong type');
  }
  if (!Number.isInteger(bits) || bits < MIN_SLOT_BITS || bits > MAX_SLOT_BITS) throw corrupt(`slot bits ${String(bits)}`);
  const size = idLengths.length;
  if (counts.length !== size || size > 2 ** bits) throw corrupt('ids and counts disagree');
  const ids: string[] = new Array(size);
  let at = 0;
  for (let slot = 0; slot < size; slot++) {
    ids[slot] = joined.slice(at, (at += idLengths[slot]));
  }
  if (at !== joined.length) throw corrupt('id lengths do not add up');
  const buckets = 2 ** bits;
  if (offsets.length !== buckets + 1 || offsets[0] !== 0 || offsets[buckets] !== postings.length) throw corrupt('the bucket offsets do not cover the postings');
  // One pass, kept cheap (it runs on every worker start): ids are checked unique by `restore`'s map.
  const seen = new Uint32Array(size);
  const slotMask = buckets - 1;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const to = offsets[bucket + 1];
    if (to < offsets[bucket]) throw corrupt(`the bucket offsets go down at bucket ${bucket}`);
    let previous = 0;
    for (let i = offsets[bucket]; i < to; i++) {
      const rest = postings[i] >>> bits;
      const slot = postings[i] & slotMask;
      if (rest < previous || slot >= size) throw corrupt(`posting ${i} is out of order or out of range`);
      previous = rest;
      seen[slot]++;
    }
  }
  for (let slot = 0; slot < size; slot++) {
    if (seen[slot] !== counts[slot]) throw corrupt(`the counts disagree with the postings at slot ${slot}`);
  }
  return { ids, counts, buckets: new PostingBuckets(bits, offsets, postings) };
}
