import { describe, expect, it } from 'vitest';
import { FingerprintIndex } from '../../../lib/core/index';

const query = { maxDocs: 1000, maxShare: 1, minShared: 1, limit: 10 };

describe('FingerprintIndex', () => {
  it('ranks candidates by shared hashes weighted by rarity, ties by id', () => {
    const index = new FingerprintIndex();
    index.add('b', [1, 2, 3]);
    index.add('a', [1, 2]);
    index.add('c', [2, 3, 4, 5]);
    index.add('d', [9]);
    const found = index.candidates([1, 2, 3, 4], query).map(({ id, shared }) => [id, shared]);
    // c: 2 (df 3) + 3 (df 2) + 4 (df 1) outweighs b: 1 (df 2) + 2 + 3; a shares only 1 and 2.
    expect(found).toEqual([
      ['c', 3],
      ['b', 3],
      ['a', 2],
    ]);
  });

  it('prefers one rare shared hash over several common ones', () => {
    const index = new FingerprintIndex();
    for (let i = 0; i < 10; i++) index.add(`noise${i}`, [100, 101, 102]);
    index.add('source', [100, 7]);
    const found = index.candidates([100, 101, 102, 7], query);
    expect(found[0].id).toBe('source');
  });

  it('needs minShared hashes, or half of a short article\'s own', () => {
    const index = new FingerprintIndex();
    index.add('long', [1, 2, 3, 4, 5, 6]);
    index.add('short', [1, 2]);
    const strict = { ...query, minShared: 3 };
    expect(index.candidates([1], strict).map((c) => c.id)).toEqual(['short']);
    expect(index.candidates([1, 2, 3], strict).map((c) => c.id)).toEqual(['long', 'short']);
  });

  it('ignores hashes held by too many articles', () => {
    const index = new FingerprintIndex();
    for (let i = 0; i < 30; i++) index.add(`doc${i}`, [7, 100 + i]);
    const found = index.candidates([7, 105], { ...query, maxDocs: 20, maxShare: 0 });
    expect(found.map((c) => c.id)).toEqual(['doc5']);
  });

  it('replaces, removes and clears articles, interleaved with lookups', () => {
    const index = new FingerprintIndex();
    index.add('a', [1, 2]);
    const ids = (hashes: number[]) => index.candidates(hashes, query).map((c) => c.id);
    expect(ids([1])).toEqual(['a']);
    index.add('a', [3]);
    index.add('b', [1, 3]);
    expect(ids([1, 3])).toEqual(['b', 'a']);
    index.remove('b');
    expect(index.size).toBe(1);
    expect(ids([1, 3])).toEqual(['a']);
    index.clear();
    expect(index.size).toBe(0);
    expect(ids([1, 3])).toEqual([]);
  });

  it('handles the largest 32-bit hashes and many articles', () => {
    const index = new FingerprintIndex();
    for (let i = 0; i < 5000; i++) index.add(`doc${i}`, [0xffffffff - i, i]);
    expect(index.candidates([0xffffffff - 4321, 4321], query)).toEqual([{ id: 'doc4321', shared: 2, weight: 2 }]);
    for (let i = 0; i < 4000; i++) index.remove(`doc${i}`);
    expect(index.candidates([0xffffffff - 1234, 1234, 4999], query).map((c) => c.id)).toEqual(['doc4999']);
  });

  describe('snapshots', () => {
    /** An index with replacements, removals and hashes shared by several articles. */
    function busyIndex(): FingerprintIndex {
      const index = new FingerprintIndex();
      for (let i = 0; i < 300; i++) index.add(`doc${i}`, [i, i + 1, 1000 + (i % 7), 0xffffffff - i]);
      for (let i = 0; i < 300; i += 3) index.remove(`doc${i}`);
      for (let i = 1; i < 300; i += 5) index.add(`doc${i}`, [i, 5000 + i, 1000 + (i % 7)]);
      index.add('ünïcode id, with "quotes"', [42, 43, 44]);
      return index;
    }
    const probes = [[1, 2, 3], [42, 43], [1003, 5006, 6], [0xffffffff - 7, 7, 8], [1000, 1001, 1002]];

    it('a restored snapshot (through structured clone) finds what the original finds', () => {
      const original = busyIndex();
      const snapshot = structuredClone(original.toSnapshot());
      const restored = new FingerprintIndex();
      restored.restore(snapshot);
      expect(restored.size).toBe(original.size);
      expect(probes.map((hashes) => original.candidates(hashes, query).length)).toEqual([2, 2, 10, 2, 10]);
      for (const hashes of probes) expect(restored.candidates(hashes, query)).toEqual(original.candidates(hashes, query));
      // Both stay usable: the snapshot's arrays are not written by either index.
      original.add('late', [1, 2, 3]);
      restored.add('late', [1, 2, 3]);
      restored.remove('doc2');
      original.remove('doc2');
      for (const hashes of probes) expect(restored.candidates(hashes, query)).toEqual(original.candidates(hashes, query));
    });

    it('holds articles with no hashes: they are never candidates, and a snapshot of them restores', () => {
      for (const hashed of [0, 600]) {
        const index = new FingerprintIndex();
        for (let i = 0; i < hashed; i++) index.add(`doc${i}`, [i, i + 1, 5000]);
        if (hashed > 0) index.toSnapshot();
        // More than the slots of the buckets folded so far (1,024 before the next bit).
        for (let i = 0; i < 1_100; i++) index.add(`empty${i}`, []);
        const restored = new FingerprintIndex();
        restored.restore(structuredClone(index.toSnapshot()));
        expect(restored.size).toBe(hashed + 1_100);
        for (const hashes of [[5000], [1, 2], [7]]) expect(restored.candidates(hashes, query)).toEqual(index.candidates(hashes, query));
        // The limit (10) of the articles sharing hash 5000, none of them an empty one.
        expect(restored.candidates([5000], query).map((candidate) => candidate.id.startsWith('doc'))).toEqual(Array(hashed === 0 ? 0 : 10).fill(true));
      }
    });

    it('rejects a corrupt snapshot and keeps its contents', () => {
      const snapshot = busyIndex().toSnapshot();
      const index = new FingerprintIndex();
      index.add('kept', [1, 2, 3]);
      const broken = [
        { ...snapshot, format: 99 },
        { ...snapshot, postings: Array.from(snapshot.postings) },
        { ...snapshot, postings: Float64Array.from(snapshot.postings) },
        { ...snapshot, postings: snapshot.postings.slice().reverse() },
        { ...snapshot, postings: snapshot.postings.slice(1) },
        { ...snapshot, counts: snapshot.counts.slice(1) },
        { ...snapshot, ids: snapshot.ids.slice(1) },
        { ...snapshot, ids: 'x'.repeat(snapshot.ids.length) },
        null,
      ];
      for (const bad of broken) {
        expect(() => index.restore(bad as never)).toThrow(/snapshot/);
        expect(index.candidates([1, 2, 3], query).map((c) => c.id)).toEqual(['kept']);
      }
    });
  });
});
