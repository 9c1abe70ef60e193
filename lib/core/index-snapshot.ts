/**
 * The plain-data form of a FingerprintIndex (lib/core/index.ts), which a caller may store and
 * give back to `restore` after a restart, and the checks a snapshot read back must pass.
 */

/** Slots per index: a posting is hash * SLOT_SPACE + slot, exact in a double. */
export const SLOT_SPACE = 2 ** 21;

/**
 * The index as plain, structured-cloneable data: the live articles renumbered 0..n-1.
 * `format` changes whenever this layout does; `restore` rejects any other.
 */
export interface IndexSnapshot {
  format: number;
  /** The live ids concatenated in slot order (one string: far cheaper to store and read than 100,000). */
  ids: string;
  /** Length of each id in `ids`, in UTF-16 code units. */
  idLengths: Uint32Array;
  /** Postings per slot (the article's hash count). */
  counts: Uint32Array;
  /** hash * 2^21 + slot, ascending by hash. */
  postings: Float64Array;
}

export const SNAPSHOT_FORMAT = 1;

/** The snapshot's fields, checked and decoded (see FingerprintIndex.restore). */
export function checkSnapshot(snapshot: IndexSnapshot): { ids: string[]; counts: Uint32Array; postings: Float64Array } {
  const corrupt = (what: string) => new Error(`Index snapshot is unusable: ${what}`);
  if (typeof snapshot !== 'object' || snapshot === null) throw corrupt('not an object');
  if (snapshot.format !== SNAPSHOT_FORMAT) throw corrupt(`format ${String(snapshot.format)}, expected ${SNAPSHOT_FORMAT}`);
  const { ids: joined, idLengths, counts, postings } = snapshot;
  if (typeof joined !== 'string' || !(idLengths instanceof Uint32Array) || !(counts instanceof Uint32Array) || !(postings instanceof Float64Array)) {
    throw corrupt('a field has the wrong type');
  }
  const size = idLengths.length;
  if (counts.length !== size || size >= SLOT_SPACE) throw corrupt('ids and counts disagree');
  const ids: string[] = new Array(size);
  let at = 0;
  for (let slot = 0; slot < size; slot++) {
    ids[slot] = joined.slice(at, (at += idLengths[slot]));
  }
  if (at !== joined.length) throw corrupt('id lengths do not add up');
  // One pass, kept cheap (it runs on every worker start): ids are checked unique by `restore`'s map.
  const seen = new Uint32Array(size);
  let previousHash = 0;
  for (let i = 0; i < postings.length; i++) {
    const posting = postings[i];
    const hash = Math.floor(posting / SLOT_SPACE);
    const slot = posting - hash * SLOT_SPACE;
    // NaN fails every comparison; a fractional slot differs from its integer part.
    if (!(hash >= previousHash && slot < size && (slot | 0) === slot)) throw corrupt(`posting ${i} is out of order or out of range`);
    previousHash = hash;
    seen[slot]++;
  }
  if (previousHash >= 2 ** 32) throw corrupt('a hash is out of range');
  for (let slot = 0; slot < size; slot++) {
    if (seen[slot] !== counts[slot]) throw corrupt(`the counts disagree with the postings at slot ${slot}`);
  }
  return { ids, counts, postings };
}
