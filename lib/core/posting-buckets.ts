/**
 * The big sorted level of FingerprintIndex (index.ts): postings grouped into 2^k buckets by the
 * top k bits of their 32-bit hash, each posting ONE Uint32 holding the hash's other 32 - k bits
 * above a k-bit slot, so a posting costs 4 bytes and the hash stays exact (bucket number and
 * stored bits together give it back). k follows the slots in use (2^k ≥ slots, at least 2^10):
 * the bucket offsets, 4 bytes per bucket, then cost at most 8 bytes per article, far below its
 * postings. Within a bucket postings are ascending by hash; the slots of one hash are in no
 * particular order (lookups take all of them), so renumbering slots never needs a sort.
 * The arrays are never written once built: a snapshot may share them.
 */
/** Fewest bucket bits: small indexes (tests, a few seeds) keep 1,025 offsets. */
export const MIN_SLOT_BITS = 10;
/** Most bucket bits. */
export const MAX_SLOT_BITS = 21;
/** Slots per index (articles it can hold); a float64 posting of the small levels is hash × SLOT_SPACE + slot. */
export const SLOT_SPACE = 2 ** MAX_SLOT_BITS;

/** Bucket bits for `slots` slots (0..slots-1). */
export function slotBitsFor(slots: number): number {
  let bits = MIN_SLOT_BITS;
  while (2 ** bits < slots) bits++;
  if (bits > MAX_SLOT_BITS) throw new RangeError(`The index holds at most ${SLOT_SPACE} articles`);
  return bits;
}

export class PostingBuckets {
  /** Slot bits, also the bucket bits. */
  readonly bits: number;
  /** Bucket b's postings are [offsets[b], offsets[b + 1]); 2^bits + 1 entries. */
  readonly offsets: Uint32Array;
  /** (hash mod 2^(32 - bits)) × 2^bits + slot, ascending by hash within a bucket. */
  readonly postings: Uint32Array;

  constructor(bits: number, offsets: Uint32Array, postings: Uint32Array) {
    this.bits = bits;
    this.offsets = offsets;
    this.postings = postings;
  }

  static empty(): PostingBuckets {
    return new PostingBuckets(MIN_SLOT_BITS, new Uint32Array(2 ** MIN_SLOT_BITS + 1), new Uint32Array(0));
  }

  get length(): number {
    return this.postings.length;
  }

  get byteLength(): number {
    return this.offsets.byteLength + this.postings.byteLength;
  }

  /** Mask of a posting's slot bits. */
  get slotMask(): number {
    return 2 ** this.bits - 1;
  }

  /** [from, to) of the postings of `hash` (unsigned 32-bit). */
  range(hash: number): [number, number] {
    const restBits = 32 - this.bits;
    const bucket = Math.floor(hash / 2 ** restBits);
    const low = (hash - bucket * 2 ** restBits) * 2 ** this.bits;
    const from = lowerBound(this.postings, low, this.offsets[bucket], this.offsets[bucket + 1]);
    return [from, lowerBound(this.postings, low + 2 ** this.bits, from, this.offsets[bucket + 1])];
  }

  /** Calls `visit(hash, slot)` for every posting, in ascending hash order. */
  forEach(visit: (hash: number, slot: number) => void): void {
    const { offsets, postings, bits } = this;
    const slotMask = this.slotMask;
    const bucketSpan = 2 ** (32 - bits);
    for (let bucket = 0; bucket < 2 ** bits; bucket++) {
      const base = bucket * bucketSpan;
      for (let i = offsets[bucket]; i < offsets[bucket + 1]; i++) {
        const posting = postings[i];
        visit(base + (posting >>> bits), posting & slotMask);
      }
    }
  }
}

/**
 * Builds a PostingBuckets from postings given in ascending hash order (`push`), for at most
 * `capacity` postings.
 */
export class PostingBucketsWriter {
  private readonly offsets: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly restBits: number;
  private length = 0;
  /** Buckets whose start is written: 0..next-1. */
  private next = 0;

  constructor(
    private readonly bits: number,
    capacity: number,
  ) {
    this.offsets = new Uint32Array(2 ** bits + 1);
    this.postings = new Uint32Array(capacity);
    this.restBits = 32 - bits;
  }

  /** Appends a posting; `hash` must not be below the last one pushed, `slot` < 2^bits. */
  push(hash: number, slot: number): void {
    // 32-bit integer operations (bits is 10..21, so both shifts are in range): the hash's top
    // bits pick the bucket, its other bits go above the slot.
    const bucket = hash >>> this.restBits;
    while (this.next <= bucket) this.offsets[this.next++] = this.length;
    this.postings[this.length++] = ((hash << this.bits) | slot) >>> 0;
  }

  finish(): PostingBuckets {
    while (this.next < this.offsets.length) this.offsets[this.next++] = this.length;
    const postings = this.length === this.postings.length ? this.postings : this.postings.slice(0, this.length);
    return new PostingBuckets(this.bits, this.offsets, postings);
  }
}

/** First index in [from, to) whose value is ≥ `value` (`to` if none). */
export function lowerBound(values: Uint32Array | Float64Array, value: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
