/**
 * Inverted index from fingerprint hashes to library articles, compact enough for 100,000
 * articles in memory: every posting is ONE float64, hash * 2^21 + slot (exact in a double,
 * since hash < 2^32 and slot < 2^21), in sorted typed arrays, so a posting costs 8 bytes
 * and a lookup is a binary search. Two sorted levels (a big `main` and a `recent` one at most
 * an eighth of it) plus an unsorted `pending` buffer keep adds cheap: pending is sorted and
 * merged on the next lookup, and `recent` is folded into `main` only when it grows.
 * Removal marks the slot dead; dead postings are dropped when they pass a quarter of all.
 * The levels are sorted by hash only (slot order within one hash does not matter to the
 * lookups or the merges), so renumbering slots never needs a sort.
 * `toSnapshot` and `restore` turn the index into plain typed arrays and back, so a caller can
 * keep it across restarts (lib/library/index-snapshot.ts) instead of rebuilding it.
 */
import { checkSnapshot, SLOT_SPACE, SNAPSHOT_FORMAT, type IndexSnapshot } from './index-snapshot';
import { INDEX_VERSION } from './tuning';

export { INDEX_VERSION, type IndexSnapshot };

const EMPTY = new Float64Array(0);

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
  private main: Float64Array = EMPTY;
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

  /** Index `hashes` (unsigned 32-bit) under `id`, replacing what `id` had. */
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
  }

  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.slots.delete(id);
    this.alive[slot] = 0;
    this.deadPostings += this.postingsPerSlot[slot];
  }

  clear(): void {
    this.main = EMPTY;
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
   * articles first (O(postings), no sort). `postings` is the index's own array, which the
   * index never writes to again: the snapshot stays valid while the index changes.
   */
  toSnapshot(): IndexSnapshot {
    this.flush();
    if (this.deadPostings > 0 || this.ids.length !== this.slots.size) this.compactSlots();
    else if (this.recent.length > 0) {
      this.main = merge(this.main, this.recent);
      this.recent = EMPTY;
    }
    return {
      format: SNAPSHOT_FORMAT,
      ids: this.ids.join(''),
      idLengths: Uint32Array.from(this.ids, (id) => id.length),
      counts: this.postingsPerSlot.slice(0, this.ids.length),
      postings: this.main,
    };
  }

  /**
   * Replaces the contents with a snapshot's. Every field is checked (types, lengths, slots in
   * range, hashes ascending, counts agreeing with the postings, ids unique): on any mismatch
   * it throws an Error saying what is wrong and the index is left as it was. O(postings).
   */
  restore(snapshot: IndexSnapshot): void {
    const { ids, counts, postings } = checkSnapshot(snapshot);
    const slots = new Map(ids.map((id, slot) => [id, slot]));
    if (slots.size !== ids.length) throw new Error('Index snapshot is unusable: an id appears twice');
    this.main = postings;
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

  /** Bytes held by the index structures (postings, liveness, ids excluded: they are the caller's). */
  get byteLength(): number {
    this.flush();
    return this.main.byteLength + this.recent.byteLength + this.pending.byteLength + this.alive.byteLength + this.postingsPerSlot.byteLength;
  }

  /** Is `hash` held by more live articles than max(maxDocs, maxShare × size)? (Dead postings count too.) */
  isCommon(hash: number, query: Pick<CandidateQuery, 'maxDocs' | 'maxShare'>): boolean {
    this.flush();
    const base = hash * SLOT_SPACE;
    const [mainFrom, mainTo] = range(this.main, base);
    const [recentFrom, recentTo] = range(this.recent, base);
    return mainTo - mainFrom + recentTo - recentFrom > Math.max(query.maxDocs, Math.floor(query.maxShare * this.size));
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
    for (const hash of hashes) {
      const base = hash * SLOT_SPACE;
      const [mainFrom, mainTo] = range(this.main, base);
      const [recentFrom, recentTo] = range(this.recent, base);
      // Document frequency counts dead postings too: an upper bound, fine for a cut-off.
      const df = mainTo - mainFrom + recentTo - recentFrom;
      if (df === 0 || df > maxDocs) continue;
      this.countSlots(this.main, mainFrom, mainTo, base, 1 / df, shared, weight);
      this.countSlots(this.recent, recentFrom, recentTo, base, 1 / df, shared, weight);
    }
    const found: Candidate[] = [];
    for (const [slot, count] of shared) {
      // A short article (a wire item, a dividend notice) has few fingerprints: half of them will do.
      const needed = Math.min(query.minShared, Math.ceil(this.postingsPerSlot[slot] / 2));
      if (count >= needed) found.push({ id: this.ids[slot], shared: count, weight: weight.get(slot)! });
    }
    found.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return found.slice(0, query.limit);
  }

  private countSlots(
    postings: Float64Array,
    from: number,
    to: number,
    base: number,
    hashWeight: number,
    shared: Map<number, number>,
    weight: Map<number, number>,
  ): void {
    for (let i = from; i < to; i++) {
      const slot = postings[i] - base;
      if (!this.alive[slot]) continue;
      shared.set(slot, (shared.get(slot) ?? 0) + 1);
      weight.set(slot, (weight.get(slot) ?? 0) + hashWeight);
    }
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
      if (this.recent.length * 8 > this.main.length) {
        this.main = merge(this.main, this.recent);
        this.recent = EMPTY;
      }
    }
    if (this.deadPostings * 4 > this.main.length + this.recent.length && this.deadPostings > 0) {
      this.main = this.withoutDead(merge(this.main, this.recent));
      this.recent = EMPTY;
      this.deadPostings = 0;
    }
  }

  private growSlots(length: number): void {
    const alive = new Uint8Array(length);
    alive.set(this.alive.subarray(0, Math.min(length, this.alive.length)));
    this.alive = alive;
    const counts = new Uint32Array(length);
    counts.set(this.postingsPerSlot.subarray(0, Math.min(length, this.postingsPerSlot.length)));
    this.postingsPerSlot = counts;
  }

  private withoutDead(postings: Float64Array): Float64Array {
    let kept = 0;
    const out = new Float64Array(postings.length);
    for (let i = 0; i < postings.length; i++) {
      if (this.alive[postings[i] % SLOT_SPACE]) out[kept++] = postings[i];
    }
    return out.slice(0, kept);
  }

  /** Slots are never reused: renumber the live ones 0..n-1 (after 2^21 adds, or for a snapshot).
   *  Renumbering keeps each posting's hash, so the merged level stays sorted by hash. */
  private compactSlots(): void {
    this.flush();
    const all = merge(this.main, this.recent);
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const perSlot = new Uint32Array(Math.max(1024, this.slots.size * 2));
    for (const [id, slot] of this.slots) {
      renumber[slot] = ids.length;
      perSlot[ids.length] = this.postingsPerSlot[slot];
      ids.push(id);
    }
    const out = new Float64Array(all.length);
    let kept = 0;
    for (let i = 0; i < all.length; i++) {
      const slot = all[i] % SLOT_SPACE;
      const to = renumber[slot];
      if (to >= 0) out[kept++] = all[i] - slot + to;
    }
    this.main = out.slice(0, kept);
    this.recent = EMPTY;
    this.ids = ids;
    this.postingsPerSlot = perSlot;
    this.slots = new Map(ids.map((id, slot) => [id, slot]));
    this.alive = new Uint8Array(perSlot.length);
    this.alive.fill(1, 0, ids.length);
    this.deadPostings = 0;
  }
}

/** [from, to) of postings with this hash (all values in [base, base + SLOT_SPACE)). */
function range(postings: Float64Array, base: number): [number, number] {
  const from = lowerBound(postings, base);
  return [from, lowerBound(postings, base + SLOT_SPACE, from)];
}

function lowerBound(postings: Float64Array, value: number, from = 0): number {
  let lo = from;
  let hi = postings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postings[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
