/** The search index's segments: postings round-trip, prefixes across blocks, merging, deletion. */
import { describe, expect, test } from 'vitest';
import { blocksFor, buildSegment, decodePostings, mergeSegments, wordsWithPrefix, type BuiltSegment } from '../../../lib/library/search-segments';
import { article, openService } from './helpers';

/** Every entry id holding a word that starts with `prefix`, read as a search reads it. */
function lookup({ head, blocks }: BuiltSegment, prefix: string): string[] {
  const ids = new Set<string>();
  for (const n of blocksFor(head, prefix)) {
    for (const w of wordsWithPrefix(blocks[n], prefix)) for (const doc of decodePostings(blocks[n], w)) if (head.ids[doc]) ids.add(head.ids[doc]);
  }
  return [...ids].sort();
}

/** 20,000 entries: entry n holds "all", "w<n>" and "m<n mod 7>", so postings gap by 1, 7 and thousands. */
const DOCS = Array.from({ length: 20_000 }, (_, n) => ({ id: `d${String(n).padStart(5, '0')}`, words: ['all', `w${n}`, `m${n % 7}`] }));

describe('segments', () => {
  const segment = buildSegment(DOCS);

  test('split into blocks, every word found with exactly its entries', () => {
    expect(segment.blocks.length).toBeGreaterThan(1);
    expect(lookup(segment, 'all')).toHaveLength(20_000);
    expect(lookup(segment, 'm3')).toEqual(DOCS.filter((_, n) => n % 7 === 3).map((d) => d.id));
    expect(lookup(segment, 'w2999')).toEqual(['d02999']);
    expect(lookup(segment, 'zebra')).toEqual([]);
    expect(lookup(segment, 'a')).toHaveLength(20_000);
  });

  test('a prefix whose words span several blocks finds them all', () => {
    // "w1" starts w1, w10…w19, …, w10000…w19999: 11,111 words, more than one block holds.
    const expected = DOCS.filter((_, n) => String(n).startsWith('1')).map((d) => d.id);
    expect(blocksFor(segment.head, 'w1').length).toBeGreaterThan(1);
    expect(lookup(segment, 'w1')).toEqual(expected);
  });

  test('merging keeps live entries and leaves out deleted ones', () => {
    const other = buildSegment([{ id: 'x1', words: ['all', 'extra'] }]);
    const deleted = { ...segment, head: { ...segment.head, ids: segment.head.ids.map((id, n) => (n % 2 ? '' : id)) } };
    const merged = mergeSegments([deleted, other]);
    expect(merged.head.live).toBe(10_001);
    expect(lookup(merged, 'all')).toEqual([...DOCS.filter((_, n) => n % 2 === 0).map((d) => d.id), 'x1'].sort());
    expect(lookup(merged, 'w1')).toEqual(DOCS.filter((_, n) => n % 2 === 0 && String(n).startsWith('1')).map((d) => d.id));
    expect(lookup(merged, 'w2999')).toEqual([]);
    expect(lookup(merged, 'extra')).toEqual(['x1']);
  });
});

describe('the search index in the library', () => {
  test('a deleted entry is not found, and its count is not in the total', async () => {
    const { service } = await openService([]);
    const added = [];
    for (let n = 0; n < 3; n++) added.push((await service.add({ title: `Harbour ${n}`, text: article(n), source: 's', origin: 'pasted' })).id);
    await service.wordsIndexed();
    expect((await service.list({ sort: 'date', words: 'harbour', limit: 10 })).total).toBe(3);
    await service.delete([added[1]]);
    const page = await service.list({ sort: 'date', words: 'harbour', limit: 10 });
    expect(page.items.map((item) => item.id).sort()).toEqual([added[0], added[2]].sort());
    expect(page.total).toBe(2);
  });

  test('entries added one by one are merged into few segments and stay searchable', async () => {
    const { db, service } = await openService([]);
    for (let n = 0; n < 20; n++) await service.add({ title: `Entry ${n} token${n}`, text: article(n), source: 's', origin: 'pasted' });
    await service.wordsIndexed();
    expect(await db.count('search-segments')).toBeLessThan(8);
    // "token1" is also a prefix of token10…token19.
    for (let n = 0; n < 20; n++) expect((await service.list({ sort: 'date', words: `token${n}`, limit: 20 })).total, `token${n}`).toBe(n === 1 ? 11 : 1);
  });
});
