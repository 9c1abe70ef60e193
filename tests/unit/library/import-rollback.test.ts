/**
 * Imports write each batch straight into the library, journaled: these are the ways one is
 * undone after batches were written (a late bad line, a failed write, two imports or a pasted
 * article claiming the same id or text), and the rule that matches go before background writes.
 */
import { describe, expect, test } from 'vitest';
import { ForegroundGate } from '../../../lib/library/foreground';
import { importFiles, type ImportProgress } from '../../../lib/library/import-runner';
import { WordIndexer } from '../../../lib/library/word-indexer';
import { indexedEntries, SEARCH_STORES } from '../../../lib/library/search-index';
import { article, failNthPut, openImportRows, openService, preparedBatch, sendThrough } from './helpers';

const noHtml = () => {
  throw new Error('no html in these tests');
};
const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: `b${from + i}`, text: article(from + i) }));
const lines = (items: object[]) => items.map((item) => JSON.stringify(item)).join('\n');

describe('an import rolled back after some of its batches were written', () => {
  test('a bad line after 2,100 good ones: the batches written before it are deleted again', async () => {
    const { service } = await openService([]);
    const progress: ImportProgress[] = [];
    const file = new File([`${lines(rows(0, 2100))}\n{"id": "late"\n`], 'late.ndjson');
    const [outcome] = await importFiles([file], { send: sendThrough(service), parseHtml: noHtml, onProgress: (p) => progress.push(p) });
    expect(outcome).toMatchObject({ status: 'rejected', added: 0 });
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatch(/^late\.ndjson:2101: not valid JSON/);
    // Three batches of 500 may be under way at once, so the fourth (lines 1501-2000) waited for
    // the first to be written and counted as processed before the bad line was read.
    expect(Math.max(...progress.map((p) => p.articlesProcessed))).toBeGreaterThanOrEqual(500);
    for (const store of ['entries', 'search-segments', 'search-blocks'] as const) expect(await service.db.count(store)).toBe(0);
    expect(await openImportRows(service.db)).toBe(0);
    expect((await service.stats()).total).toBe(0);
    expect(await service.match({ id: 'p', text: article(3) })).toEqual([]);
    // Nothing is left claimed: the same articles import cleanly afterwards.
    const [again] = await importFiles([new File([lines(rows(0, 1100))], 'fixed.ndjson')], { send: sendThrough(service), parseHtml: noHtml });
    expect(again).toMatchObject({ status: 'added', added: 1100, duplicates: 0 });
  }, 60_000);

  test('a write failing in the second batch deletes the first batch too', async () => {
    const { service } = await openService([]);
    const failing = failNthPut('entries', 503);
    try {
      const [outcome] = await importFiles([new File([lines(rows(0, 700))], 'full.ndjson')], { send: sendThrough(service), parseHtml: noHtml });
      expect(outcome.status).toBe('failed');
      expect(outcome.problems[0]).toMatch(/storage for the extension is full/);
    } finally {
      failing.restore();
    }
    expect(failing.puts()).toBeGreaterThan(500);
    expect(await service.db.count('entries')).toBe(0);
    expect(await openImportRows(service.db)).toBe(0);
    expect((await service.stats()).total).toBe(0);
  }, 60_000);
});

describe('what two writers claim at the same time', () => {
  test('two imports at once: the second cannot reuse an id the first wrote, and skips its texts as duplicates', async () => {
    const { service } = await openService([]);
    const send = sendThrough(service);
    const first = await send('library/import-begin', { file: 'one.ndjson' });
    const second = await send('library/import-begin', { file: 'two.ndjson' });
    expect(await send('library/import-batch', { importId: first.importId, articles: await preparedBatch(rows(0, 3)) })).toEqual({ written: 3, duplicates: 0, rejected: [] });
    const clash = await send('library/import-batch', { importId: second.importId, articles: await preparedBatch([{ id: 'b0', text: article(99) }]) });
    expect(clash.rejected).toEqual(['two.ndjson:1: id "b0" is already used by another article in the library']);
    const copy = await send('library/import-batch', { importId: second.importId, articles: await preparedBatch([{ id: 'other', text: article(1) }]) });
    expect(copy).toEqual({ written: 0, duplicates: 1, rejected: [] });
    await send('library/import-abort', { importId: second.importId });
    expect(await send('library/import-commit', { importId: first.importId })).toEqual({ added: 3 });
    expect((await service.stats()).total).toBe(3);
  });

  test('an article pasted while a file imports is a duplicate for the file; a deleted one is not', async () => {
    const { service } = await openService([]);
    const send = sendThrough(service);
    const { importId } = await send('library/import-begin', { file: 'f.ndjson' });
    await service.add({ title: 'Pasted', text: article(5), source: 'me', origin: 'pasted' });
    const result = await send('library/import-batch', { importId, articles: await preparedBatch(rows(4, 2)) });
    expect(result).toEqual({ written: 1, duplicates: 1, rejected: [] });
    await service.delete([(await service.db.getAllKeys('entries')).find((id) => id.startsWith('pasted-'))!]);
    expect(await send('library/import-batch', { importId, articles: await preparedBatch([{ id: 'again', text: article(5) }]) })).toEqual({ written: 1, duplicates: 0, rejected: [] });
    await send('library/import-commit', { importId });
    expect((await service.stats()).total).toBe(2);
  });

  test('a batch for an import another page already aborted is refused and writes nothing', async () => {
    const { service } = await openService([]);
    const send = sendThrough(service);
    const { importId } = await send('library/import-begin', { file: 'f.ndjson' });
    await send('library/import-abort', { importId });
    await expect(send('library/import-batch', { importId, articles: await preparedBatch(rows(0, 2)) })).rejects.toThrow(/no longer open/);
    expect(await service.db.count('entries')).toBe(0);
  });
});

describe('matches go before background writes', () => {
  test('the word indexer starts no batch while a match runs, and catches up after', async () => {
    const { db, service } = await openService([]);
    await importFiles([new File([lines(rows(0, 5))], 'w.ndjson')], { send: sendThrough(service), parseHtml: noHtml });
    await service.wordsIndexed();
    for (const store of SEARCH_STORES) await db.clear(store);
    const gate = new ForegroundGate();
    let release!: () => void;
    const match = gate.run(() => new Promise<void>((done) => (release = done)));
    const indexer = new WordIndexer(db, () => gate.idle());
    indexer.schedule((await db.getAllKeys('entries')) as string[]);
    // However long the match runs, the indexer waits: nothing is written meanwhile.
    for (let i = 0; i < 20; i++) await new Promise((done) => setTimeout(done, 0));
    expect((await indexedEntries(db)).size).toBe(0);
    expect(indexer.pending).toBe(5);
    release();
    await match;
    await indexer.idle();
    expect((await indexedEntries(db)).size).toBe(5);
  });
});
