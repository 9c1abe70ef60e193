import { describe, expect, it } from 'vitest';
import { FingerprintIndex, type IndexSnapshot } from '../../../lib/core/index';
import { seededNumbers } from '../../bench/quality-prng';


const everything = { maxDocs: 1e9, maxShare: 1, minShared: 1, limit: 1e9 };

/** Random hash lists that share hashes often, including hashes one bit apart (top bit, bottom
 *  bit, the bucket boundary) and the extremes of the 32-bit range. */
function hashMaker(next: () => number) {
  const pool = Array.from({ length: 400 }, () => Math.floor(next() * 2 ** 32));
  const near = (hash: number) => [hash ^ 1, hash ^ 0x80000000, hash ^ (1 << 21), hash ^ (1 << 11)][Math.floor(next() * 4)] >>> 0;
  return (): number[] => {
    const hashes = new Set<number>();
    const n = 1 + Math.floor(next() * 40);
    while (hashes.size < n) {
      const roll = next();
      if (roll < 0.4) hashes.add(pool[Math.floor(next() * pool.length)]);
      else if (roll < 0.55) hashes.add(near(pool[Math.floor(next() * pool.length)]));
      else if (roll < 0.6) hashes.add(next() < 0.5 ? 0 : 0xffffffff);
      else hashes.add(Math.floor(next() * 2 ** 32));
    }
    return [...hashes];
  };
}

/** What `candidates` must find, by brute force: id → shared hash count. */
function naive(model: Map<string, number[]>, query: number[]): Map<string, number> {
  const wanted = new Set(query);
  const found = new Map<string, number>();
  for (const [id, hashes] of model) {
    const shared = hashes.filter((hash) => wanted.has(hash)).length;
    if (shared > 0) found.set(id, shared);
  }
  return found;
}

function sharedCounts(index: FingerprintIndex, query: number[]): Map<string, number> {
  return new Map(index.candidates(query, everything).map((c) => [c.id, c.shared]));
}

/** Exact weights (Σ 1/df) by brute force, for an index without dead postings. */
function naiveWeights(model: Map<string, number[]>, query: number[]): Map<string, number> {
  const df = new Map<number, number>();
  for (const hashes of model.values()) for (const hash of hashes) df.set(hash, (df.get(hash) ?? 0) + 1);
  const wanted = new Set(query);
  const weights = new Map<string, number>();
  for (const [id, hashes] of model) {
    for (const hash of hashes) if (wanted.has(hash)) weights.set(id, (weights.get(id) ?? 0) + 1 / df.get(hash)!);
  }
  return weights;
}

/** Replays random adds, replacements and removals on an index and on a plain map, asking both
 *  along the way; returns them. */
function randomRun(seed: number, steps: number) {
  const next = seededNumbers(seed);
  const makeHashes = hashMaker(next);
  const index = new FingerprintIndex();
  const model = new Map<string, number[]>();
  let asked = 0;
  for (let step = 0; step < steps; step++) {
    const roll = next();
    const id = `doc${Math.floor(next() * steps * 0.6)}`;
    if (roll < 0.75) {
      const hashes = makeHashes();
      index.add(id, hashes);
      model.set(id, hashes);
    } else {
      index.remove(id);
      model.delete(id);
    }
    // A snapshot folds the recent level into the buckets: later folds merge into non-empty buckets.
    if (step % 1500 === 1499) index.toSnapshot();
    if (step % 97 === 0) {
      const query = makeHashes();
      expect(sharedCounts(index, query)).toEqual(naive(model, query));
      asked++;
    }
  }
  expect(asked).toBeGreaterThan(steps / 100);
  return { index, model, makeHashes };
}

describe('FingerprintIndex layout (bucketed 32-bit postings)', () => {
  it('finds what a plain map finds, through adds, replacements, removals and folds', () => {
    // 6,000 steps: more than 1,024 slots (the buckets grow a bit), several folds of the recent level
    // into the buckets, and enough removals to drop dead postings more than once.
    const { index, model, makeHashes } = randomRun(7, 6000);
    expect(index.size).toBe(model.size);
    for (let q = 0; q < 50; q++) {
      const query = makeHashes();
      expect(sharedCounts(index, query)).toEqual(naive(model, query));
    }
    for (const [id, hashes] of [...model].slice(0, 50)) expect(index.candidates(hashes, everything).map((c) => c.id)).toContain(id);
  });

  it('keeps hashes exact: hashes one bit apart never meet', () => {
    const index = new FingerprintIndex();
    const base = 0x12345678;
    const neighbours = [base, base ^ 1, base ^ 0x80000000, base ^ (1 << 21), base ^ (1 << 11), base ^ (1 << 22), 0, 0xffffffff].map((hash) => hash >>> 0);
    neighbours.forEach((hash, n) => index.add(`n${n}`, [hash]));
    for (let i = 0; i < 3000; i++) index.add(`filler${i}`, [(i + 1) * 1_000_003]); // past 1,024 slots
    neighbours.forEach((hash, n) => expect(index.candidates([hash], everything).map((c) => c.id)).toEqual([`n${n}`]));
  });

  it('costs about 4 bytes per posting', () => {
    const next = seededNumbers(11);
    const index = new FingerprintIndex();
    for (let i = 0; i < 5_000; i++) index.add(`doc${i}`, Array.from({ length: 100 }, () => Math.floor(next() * 2 ** 32)));
    const bytes = index.byteLength; // flushes: everything is in the buckets or the recent level
    expect(index.postingCount).toBe(500_000);
    // 4 per posting, plus the offsets (≤ 8 bytes per article), liveness and counts (5 per slot),
    // and a recent level of at most a sixteenth of the postings at 8 bytes.
    expect(bytes / index.postingCount).toBeLessThan(4.7);
    index.toSnapshot(); // folds the recent level
    expect(index.byteLength / index.postingCount).toBeLessThan(4.3);
  });

  it('drops removed articles from its arrays and renumbers the rest (compaction)', () => {
    const { index, model } = randomRun(3, 3000);
    const before = index.postingCount;
    const gone = [...model.keys()].slice(0, Math.floor(model.size * 0.6));
    for (const id of gone) {
      index.remove(id);
      model.delete(id);
    }
    const snapshot = index.toSnapshot();
    const live = [...model.values()].reduce((sum, hashes) => sum + hashes.length, 0);
    expect(index.postingCount).toBe(live);
    expect(index.postingCount).toBeLessThan(before);
    expect(snapshot.idLengths.length).toBe(model.size);
    for (const [id, hashes] of [...model].slice(0, 200)) {
      const weights = naiveWeights(model, hashes);
      const found = index.candidates(hashes, everything);
      expect(found.find((c) => c.id === id)?.weight).toBeCloseTo(weights.get(id)!, 9);
    }
  });

  describe('snapshots', () => {
    it('round-trips through structured clone: same candidates, same weights, and both indexes go on alike', () => {
      const { index, model, makeHashes } = randomRun(5, 4000);
      const snapshot = structuredClone(index.toSnapshot());
      const restored = new FingerprintIndex();
      restored.restore(snapshot);
      expect(restored.size).toBe(model.size);
      for (let q = 0; q < 40; q++) {
        const query = makeHashes();
        const found = restored.candidates(query, everything);
        expect(found).toEqual(index.candidates(query, everything));
        const weights = naiveWeights(model, query);
        for (const candidate of found) expect(candidate.weight).toBeCloseTo(weights.get(candidate.id)!, 9);
      }
      for (let i = 0; i < 500; i++) {
        const hashes = makeHashes();
        index.add(`late${i}`, hashes);
        restored.add(`late${i}`, hashes);
        index.remove(`doc${i}`);
        restored.remove(`doc${i}`);
      }
      for (let q = 0; q < 20; q++) {
        const query = makeHashes();
        expect(restored.candidates(query, everything)).toEqual(index.candidates(query, everything));
      }
    });

    it('rejects a corrupt snapshot, saying so, and keeps its contents', () => {
      const { index } = randomRun(9, 1500);
      const snapshot = index.toSnapshot();
      expect(snapshot.postings.length).toBeGreaterThan(1000);
      const swapped = snapshot.postings.slice();
      // Two postings of one bucket whose hashes differ, swapped: out of order.
      const bucket = snapshot.offsets.findIndex((at, b) => b + 1 < snapshot.offsets.length && snapshot.offsets[b + 1] - at >= 2 && snapshot.postings[at] >>> snapshot.slotBits !== snapshot.postings[snapshot.offsets[b + 1] - 1] >>> snapshot.slotBits);
      const first = snapshot.offsets[bucket];
      const last = snapshot.offsets[bucket + 1] - 1;
      [swapped[first], swapped[last]] = [swapped[last], swapped[first]];
      const badSlot = snapshot.postings.slice();
      badSlot[0] = (badSlot[0] | (2 ** snapshot.slotBits - 1)) >>> 0; // slot 2^k - 1: beyond the ids
      const offsets = snapshot.offsets.slice();
      offsets[5] = offsets[6] + 1;
      const broken: unknown[] = [
        { ...snapshot, format: 1 },
        { ...snapshot, postings: Float64Array.from(snapshot.postings) },
        { ...snapshot, offsets: Array.from(snapshot.offsets) },
        { ...snapshot, postings: swapped },
        { ...snapshot, postings: badSlot },
        { ...snapshot, postings: snapshot.postings.slice(1) },
        { ...snapshot, offsets },
        { ...snapshot, offsets: snapshot.offsets.slice(1) },
        { ...snapshot, slotBits: snapshot.slotBits + 1 },
        { ...snapshot, slotBits: 40 },
        { ...snapshot, counts: snapshot.counts.slice(1) },
        { ...snapshot, counts: snapshot.counts.map((count, slot) => (slot === 3 ? count + 1 : count)) },
        { ...snapshot, ids: snapshot.ids.slice(1) },
        { ...snapshot, ids: 'x'.repeat(snapshot.ids.length) },
        null,
      ];
      const kept = new FingerprintIndex();
      kept.add('kept', [1, 2, 3]);
      for (const bad of broken) {
        expect(() => kept.restore(bad as IndexSnapshot)).toThrow(/Index snapshot is unusable/);
        expect(kept.size).toBe(1);
        expect(kept.candidates([1, 2, 3], everything).map((c) => c.id)).toEqual(['kept']);
      }
    });
  });
});
