import { describe, expect, it } from 'vitest';
import { FingerprintIndex } from '../../../lib/core/index';

const query = { maxDocs: 1000, maxShare: 1, minShared: 1, limit: 10 };

describe('FingerprintIndex', () => {
  it('ranks candidates by shared hashes and breaks ties by id', () => {
    const index = new FingerprintIndex();
    index.add('b', [1, 2, 3]);
    index.add('a', [1, 2]);
    index.add('c', [2, 3, 4, 5]);
    index.add('d', [9]);
    expect(index.candidates([1, 2, 3, 4], query)).toEqual([
      { id: 'b', shared: 3 },
      { id: 'c', shared: 3 },
      { id: 'a', shared: 2 },
    ]);
  });

  it('ignores hashes held by too many articles', () => {
    const index = new FingerprintIndex();
    for (let i = 0; i < 30; i++) index.add(`doc${i}`, [7, 100 + i]);
    const found = index.candidates([7, 105], { ...query, maxDocs: 20, maxShare: 0 });
    expect(found).toEqual([{ id: 'doc5', shared: 1 }]);
  });

  it('replaces, removes and clears articles, interleaved with lookups', () => {
    const index = new FingerprintIndex();
    index.add('a', [1, 2]);
    expect(index.candidates([1], query)).toEqual([{ id: 'a', shared: 1 }]);
    index.add('a', [3]);
    index.add('b', [1, 3]);
    expect(index.candidates([1, 3], query)).toEqual([
      { id: 'b', shared: 2 },
      { id: 'a', shared: 1 },
    ]);
    index.remove('b');
    expect(index.size).toBe(1);
    expect(index.candidates([1, 3], query)).toEqual([{ id: 'a', shared: 1 }]);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.candidates([1, 3], query)).toEqual([]);
  });

  it('handles the largest 32-bit hashes and many articles', () => {
    const index = new FingerprintIndex();
    for (let i = 0; i < 5000; i++) index.add(`doc${i}`, [0xffffffff - i, i]);
    expect(index.candidates([0xffffffff - 4321, 4321], query)).toEqual([{ id: 'doc4321', shared: 2 }]);
    for (let i = 0; i < 4000; i++) index.remove(`doc${i}`);
    expect(index.candidates([0xffffffff - 1234, 1234, 4999], query)).toEqual([{ id: 'doc4999', shared: 1 }]);
  });
});
