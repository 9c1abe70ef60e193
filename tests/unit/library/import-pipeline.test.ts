import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { openLibraryDb } from '../../../lib/library/db';
import { LibraryImports, WRITE_TRANSACTION_ARTICLES } from '../../../lib/library/import-session';
import { entriesWithWords } from '../../../lib/library/search-index';
import { WordIndexer } from '../../../lib/library/word-indexer';
import { article, freshDbName, preparedBatch } from './helpers';

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: `b${from + i}`, text: article(from + i) }));

describe('an import batch is checked while the one before it is written', () => {
  test('the second batch claims its ids before the first is written, and is written after it', async () => {
    const db = await openLibraryDb(freshDbName());
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    let writes = 0;
    // The first write waits (as behind a match) until released; later ones go at once.
    const imports = new LibraryImports(db, async () => {
      const n = ++writes;
      order.push(`write ${n} starts`);
      if (n === 1) await held;
    });
    const first = await imports.begin('first.ndjson');
    const one = imports.write(first, await preparedBatch(rows(0, 3)));
    const two = imports.write(first, await preparedBatch(rows(3, 3)));
    // Another file's article with an id of the second batch is refused while the first batch
    // still waits to be written: the second batch was already checked and claimed.
    const other = await imports.begin('other.ndjson');
    const clash = await imports.write(other, await preparedBatch([{ id: 'b4', text: article(99) }]));
    expect(clash.result.rejected[0]).toMatch(/id "b4" is already used by another article in the library/);
    expect(await db.count('entries')).toBe(0);
    expect(order).toEqual(['write 1 starts']);
    release();
    expect((await one).result.written).toBe(3);
    expect((await two).result.written).toBe(3);
    expect(order).toEqual(['write 1 starts', 'write 2 starts']);
    expect(await imports.commit(first)).toHaveLength(6);
    expect(await db.count('entries')).toBe(6);
  });

  test('a batch is written in short transactions, each after the matches under way', async () => {
    const db = await openLibraryDb(freshDbName());
    const count = 2 * WRITE_TRANSACTION_ARTICLES + 1;
    const seen: number[] = [];
    // Each time the import asks to write, the entries already stored are what a match
    // running then would have waited for.
    const imports = new LibraryImports(db, async () => void seen.push(await db.count('entries')));
    const importId = await imports.begin('long.ndjson');
    const { result } = await imports.write(importId, await preparedBatch(rows(0, count)));
    expect(result.written).toBe(count);
    expect(seen).toEqual([0, WRITE_TRANSACTION_ARTICLES, 2 * WRITE_TRANSACTION_ARTICLES]);
    // Each transaction journals its own ids, so an abort finds them all.
    expect(await db.getAllKeys('meta', IDBKeyRange.bound(`import:${importId}:`, `import:${importId}:\uffff`))).toHaveLength(3);
    expect(await imports.abort(importId)).toHaveLength(count);
    expect(await db.count('entries')).toBe(0);
  });
});

describe('the word indexing after an import lets matches go first', () => {
  test("a segment's words are added a slice at a time, each after the matches under way", async () => {
    const db = await openLibraryDb(freshDbName());
    const imports = new LibraryImports(db);
    const importId = await imports.begin('words.ndjson');
    const count = 120;
    await imports.write(importId, await preparedBatch(rows(0, count)));
    const ids = await imports.commit(importId);
    let waits = 0;
    const words = new WordIndexer(db, async () => void waits++);
    words.schedule(ids);
    await words.idle();
    // One segment of 120 entries: a wait before it, before each slice of 25 after the first,
    // and before its write, instead of one for the whole segment.
    expect(waits).toBeGreaterThanOrEqual(1 + Math.ceil(count / 25));
    const holding = new Set(ids.filter((_, n) => /harbour/i.test(article(n))));
    expect(holding.size).toBeGreaterThan(0);
    expect(await entriesWithWords(db, ['harbour'])).toEqual(holding);
  });
});
