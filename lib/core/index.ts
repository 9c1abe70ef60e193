/**
 * Inverted index from fingerprint hashes to library articles, compact enough for 100,000
 * articles in memory. The bulk of the postings sit in one bucketed level (posting-buckets.ts:
 * 4 bytes per posting, the 32-bit hash kept exact, a lookup is a binary search within one
 * bucket); adds stay cheap through two small levels of float64 postings, hash * 2^21 + slot:
 * an unsorted `pending` buffer, sorted into a sorted `recent` level on the next lookup, which
 * is folded into the buckets only when it passes a sixteenth of them (so it costs at most half
 * a byte per posting more). Removal marks the slot dead; dead postings are dropped when they
 * pass a quarter of all. Levels are sorted by hash only (slot order within one hash does not
 * matter to the lookups or the merges), so renumbering slots never needs a sort.
 * `toSnapshot` and `restore` turn the index into plain typed arrays and back, so a caller can
 * keep it across restarts (lib/library/index-snapshot.ts) instead of rebuilding it.
 */
import { checkSnapshot, SNAPSHOT_FORMAT, type IndexSnapshot } from './index-snapshot';
import { lowerBound, PostingBuckets, PostingBucketsWriter, SLOT_SPACE, slotBitsFor } from './posting-buckets';
import { INDEX_VERSION } from './tuning';

export { INDEX_VERSION, type IndexSnapshot };

const EMPTY = new Float64Array(0);
/** `recent` is folded into the buckets when it holds more than this share of them (or of this floor). */
const RECENT_SHARE = 1 / 16;
const RECENT_FLOOR = 1 << 16;
/** Pending postings, as a share of the buckets, that an add sorts into the levels. */
const PENDING_SHARE = 1 / 8;

export interface Candidate {
  id: string;
  /** Fingerprints shared with the query (too-common ones not counted). */
  shared: number;
  /** Sum of 1/df over the shared fingerprints: the ranking key. */
  weight: number;
}

export interface CandidateQuery {
  /** Hashes in more live articles than max(maxDocs, maxShare × size) are ignored. */
  maxDocs: number;
  maxShare: number;
  minShared: number;
  limit: number;
}

export class FingerprintIndex {
  private main = PostingBuckets.empty();
  private recent: Float64Array = EMPTY;
  private pending: Float64Array = new Float64Array(1024);
  private pendingLength = 0;
  private ids: string[] = [];
  private slots = new Map<string, number>();
  private alive = new Uint8Array(1024);
  private deadPostings = 0;
  private postingsPerSlot = new Uint32Array(1024);

  /** Number of live articles. */
  get size(): number {
    return this.slots.size;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** Index `hashes` (unsigned 32-bit) under `id`, replacing what `id` had. Throws a RangeError
   *  past SLOT_SPACE (2^21) live articles. */
  add(id: string, hashes: readonly number[]): void {
    this.remove(id);
    if (this.ids.length >= SLOT_SPACE) this.compactSlots();
    if (this.ids.length >= SLOT_SPACE) throw new RangeError(`The index holds at most ${SLOT_SPACE} articles`);
    const fresh = this.ids.length;
    this.ids.push(id);
    this.slots.set(id, fresh);
    if (fresh >= this.alive.length) this.growSlots(this.alive.length * 2);
    this.alive[fresh] = 1;
    this.postingsPerSlot[fresh] = hashes.length;
    this.reservePending(hashes.length);
    for (const hash of hashes) this.pending[this.pendingLength++] = hash * SLOT_SPACE + fresh;
    // A bulk load (the library read at a worker start, the scan command's library) makes no
    // lookup until it ends: sorting the pending float64 postings into the levels as they pass a
    // eighth of the buckets keeps that buffer small, so the peak is not 8 bytes per posting
    // pending plus their merged copies. (Every fold copies all the buckets: a sixteenth took
    // twice a quarter's time to load 50,000 articles, 2.4 s against 1.3 s; an eighth 1.7 s.)
    if (this.pendingLength > Math.max(RECENT_FLOOR, this.main.length * PENDING_SHARE)) this.flush();
  }

  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.slots.delete(id);
    this.alive[slot] = 0;
    this.deadPostings += this.postingsPerSlot[slot];
  }

  clear(): void {
    this.main = PostingBuckets.empty();
    this.recent = EMPTY;
    this.pendingLength = 0;
    this.ids = [];
    this.slots.clear();
    this.alive = new Uint8Array(1024);
    this.deadPostings = 0;
    this.postingsPerSlot = new Uint32Array(1024);
  }

  /**
   * The index as plain data, e.g. to store it. Drops dead postings and renumbers the live
   * articles first (O(postings), no sort). Its arrays are the index's own, which the index
   * never writes to again: the snapshot stays valid while the index changes.
   */
  toSnapshot(): IndexSnapshot {
    this.flush();
    if (this.deadPostings > 0 || this.ids.length !== this.slots.size) this.compactSlots();
    // Also when articles with no hashes (added, but never to be matched) outgrew the buckets'
    // slot bits: they leave no posting to fold, but the snapshot's slots must cover them.
    else if (this.recent.length > 0 || 2 ** this.main.bits < this.ids.length) this.fold();
    return {
      format: SNAPSHOT_FORMAT,
      ids: this.ids.join(''),
      idLengths: Uint32Array.from(this.ids, (id) => id.length),
      counts: this.postingsPerSlot.slice(0, this.ids.length),
      slotBits: this.main.bits,
      offsets: this.main.offsets,
      postings: this.main.postings,
    };
  }

  /**
   * Replaces the contents with a snapshot's. Every field is checked (types, lengths, bucket
   * offsets, slots in range, hashes ascending, counts agreeing with the postings, ids unique):
   * on any mismatch it throws an Error saying what is wrong and the index is left as it was.
   * O(postings).
   */
  restore(snapshot: IndexSnapshot): void {
    const { ids, counts, buckets } = checkSnapshot(snapshot);
    const slots = new Map<string, number>();
    for (let slot = 0; slot < ids.length; slot++) slots.set(ids[slot], slot);
    if (slots.size !== ids.length) throw new Error('Index snapshot is unusable: an id appears twice');
    this.main = buckets;
    this.recent = EMPTY;
    this.pendingLength = 0;
    this.ids = ids;
    this.slots = slots;
    this.alive = new Uint8Array(Math.max(1024, ids.length * 2));
    this.alive.fill(1, 0, ids.length);
    this.postingsPerSlot = new Uint32Array(this.alive.length);
    this.postingsPerSlot.set(counts);
    this.deadPostings = 0;
  }

  /** Bytes held by the index structures (postings, offsets, liveness; ids excluded: they are the caller's). */
  get byteLength(): number {
    this.flush();
    return this.main.byteLength + this.recent.byteLength + this.pending.byteLength + this.alive.byteLength + this.postingsPerSlot.byteLength;
  }

  /** Postings held, dead ones not yet dropped included. */
  get postingCount(): number {
    return this.main.length + this.recent.length + this.pendingLength;
  }

  /** Is `hash` held by more live articles than max(maxDocs, maxShare × size)? (Dead postings count too.) */
  isCommon(hash: number, query: Pick<CandidateQuery, 'maxDocs' | 'maxShare'>): boolean {
    this.flush();
    return this.df(hash) > Math.max(query.maxDocs, Math.floor(query.maxShare * this.size));
  }

  /**
   * Live articles sharing fingerprints with `hashes`, best first. Ranked by the sum of 1/df
   * over shared hashes (df: articles holding the hash), so a hash unique to one article
   * outweighs several that many articles share by chance; ties by id.
   */
  candidates(hashes: readonly number[], query: CandidateQuery): Candidate[] {
    this.flush();
    const maxDocs = Math.max(query.maxDocs, Math.floor(query.maxShare * this.size));
    const shared = new Map<number, number>();
    const weight = new Map<number, number>();
    const count = (slot: number, hashWeight: number) => {
      if (!this.alive[slot]) return;
      shared.set(slot, (shared.get(slot) ?? 0) + 1);
      weight.set(slot, (weight.get(slot) ?? 0) + hashWeight);
    };
    const { postings } = this.main;
    const slotMask = this.main.slotMask;
    for (const hash of hashes) {
      const [mainFrom, mainTo] = this.main.range(hash);
      const [recentFrom, recentTo] = recentRange(this.recent, hash);
      // Document frequency counts dead postings too: an upper bound, fine for a cut-off.
      const df = mainTo - mainFrom + recentTo - recentFrom;
      if (df === 0 || df > maxDocs) continue;
      for (let i = mainFrom; i < mainTo; i++) count(postings[i] & slotMask, 1 / df);
      for (let i = recentFrom; i < recentTo; i++) count(this.recent[i] - hash * SLOT_SPACE, 1 / df);
    }
    const found: Candidate[] = [];
    for (const [slot, sharedCount] of shared) {
      // A short article (a wire item, a dividend notice) has few fingerprints: half of them will do.
      const needed = Math.min(query.minShared, Math.ceil(this.postingsPerSlot[slot] / 2));
      if (sharedCount >= needed) found.push({ id: this.ids[slot], shared: sharedCount, weight: weight.get(slot)! });
    }
    found.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return found.slice(0, query.limit);
  }

  /** Articles holding `hash`, dead ones not yet dropped included. */
  private df(hash: number): number {
    const [mainFrom, mainTo] = this.main.range(hash);
    const [recentFrom, recentTo] = recentRange(this.recent, hash);
    return mainTo - mainFrom + recentTo - recentFrom;
  }

  private reservePending(extra: number): void {
    if (this.pendingLength + extra <= this.pending.length) return;
    const grown = new Float64Array(Math.max(this.pending.length * 2, this.pendingLength + extra));
    grown.set(this.pending.subarray(0, this.pendingLength));
    this.pending = grown;
  }

  /** Sort pending postings into the levels; drop dead postings when they are many. */
  private flush(): void {
    if (this.pendingLength > 0) {
      const sorted = this.pending.slice(0, this.pendingLength).sort();
      this.pendingLength = 0;
      this.pending = new Float64Array(1024);
      this.recent = merge(this.recent, sorted);
      if (this.recent.length > Math.max(RECENT_FLOOR, this.main.length * RECENT_SHARE)) this.fold();
    }
    if (this.deadPostings * 4 > this.main.length + this.recent.length && this.deadPostings > 0) {
      const drop = new Int32Array(this.ids.length);
      for (let slot = 0; slot < drop.length; slot++) drop[slot] = this.alive[slot] ? slot : -1;
      this.fold(drop);
      this.deadPostings = 0;
    }
  }

  /** Folds `recent` into the buckets, sized for the slots in use; `renumber` maps each slot to
   *  its new number, or -1 to drop its postings. O(postings). */
  private fold(renumber?: Int32Array): void {
    const slotCount = renumber ? renumber.reduce((most, to) => Math.max(most, to + 1), 0) : this.ids.length;
    const writer = new PostingBucketsWriter(slotBitsFor(slotCount), this.main.length + this.recent.length);
    const put = renumber
      ? (hash: number, slot: number) => {
          if (renumber[slot] >= 0) writer.push(hash, renumber[slot]);
        }
      : (hash: number, slot: number) => writer.push(hash, slot);
    const recent = this.recent;
    let next = 0;
    const putRecentBelow = (bound: number) => {
      for (; next < recent.length && recent[next] < bound; next++) {
        const hash = Math.floor(recent[next] / SLOT_SPACE);
        put(hash, recent[next] - hash * SLOT_SPACE);
      }
    };
    this.main.forEach((hash, slot) => {
      putRecentBelow(hash * SLOT_SPACE);
      put(hash, slot);
    });
    putRecentBelow(Infinity);
    this.main = writer.finish();
    this.recent = EMPTY;
  }

  private growSlots(length: number): void {
    const alive = new Uint8Array(length);
    alive.set(this.alive.subarray(0, Math.min(length, this.alive.length)));
    this.alive = alive;
    const counts = new Uint32Array(length);
    counts.set(this.postingsPerSlot.subarray(0, Math.min(length, this.postingsPerSlot.length)));
    this.postingsPerSlot = counts;
  }

  /** Slots are never reused: renumber the live ones 0..n-1 (after 2^21 adds, or for a snapshot).
   *  Renumbering keeps each posting's hash, so the folded level stays sorted by hash. */
  private compactSlots(): void {
    this.flush();
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const perSlot = new Uint32Array(Math.max(1024, this.slots.size * 2));
    for (const [id, slot] of this.slots) {
      renumber[slot] = ids.length;
      perSlot[ids.length] = this.postingsPerSlot[slot];
      ids.push(id);
    }
    this.fold(renumber);
    this.ids = ids;
    this.postingsPerSlot = perSlot;
    this.slots = new Map(ids.map((id, slot) => [id, slot]));
    this.alive = new Uint8Array(perSlot.length);
    this.alive.fill(1, 0, ids.length);
    this.deadPostings = 0;
  }
}

/** [from, to) of the float64 postings with this hash (all values in [hash × SLOT_SPACE, (hash + 1) × SLOT_SPACE)). */
function recentRange(postings: Float64Array, hash: number): [number, number] {
  if (postings.length === 0) return [0, 0];
  const from = lowerBound(postings, hash * SLOT_SPACE);
  return [from, lowerBound(postings, (hash + 1) * SLOT_SPACE, from)];
}

function merge(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
