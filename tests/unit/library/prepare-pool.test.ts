import { describe, expect, test, vi } from 'vitest';
import type { ImportArticle } from '../../../lib/library/import-entry';
import { importFiles } from '../../../lib/library/import-runner';
import { PreparePool, prepareWorkerCount, type PrepareWorker } from '../../../lib/library/prepare-pool';
import { prepareImportBatch } from '../../../lib/library/prepared';
import { article, openService, sendThrough } from './helpers';

type Listener = (event: { data?: unknown }) => void;

/** A worker in this thread: answers each batch as prepare-worker.ts does (or fails, when told to). */
class FakeWorker implements PrepareWorker {
  readonly batches: number[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  terminated = false;

  constructor(private readonly behaviour: 'works' | 'crashes' | 'silent' = 'works') {}

  postMessage({ id, articles }: { id: number; articles: ImportArticle[] }): void {
    this.batches.push(id);
    if (this.behaviour === 'crashes') queueMicrotask(() => this.emit('error', { data: undefined }));
    if (this.behaviour === 'works') void prepareImportBatch(structuredClone(articles)).then((prepared) => this.emit('message', { data: structuredClone({ id, prepared }) }));
  }

  addEventListener(type: 'message' | 'error', listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  private emit(type: string, event: { data: unknown }): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const items = (from: number, count: number): ImportArticle[] =>
  Array.from({ length: count }, (_, i) => ({ line: from + i + 1, article: { id: `p${from + i}`, text: article(from + i) } }));

describe('import batches prepared in workers', () => {
  test('batches go to the workers in turn and come back as this thread would prepare them', async () => {
    const workers = [new FakeWorker(), new FakeWorker()];
    let started = 0;
    const pool = new PreparePool(() => workers[started++], 2);
    const batches = [items(0, 3), items(3, 3), items(6, 3)];
    const prepared = await Promise.all(batches.map((batch) => pool.prepare(batch)));
    expect(workers.map((worker) => worker.batches)).toEqual([[0, 2], [1]]);
    for (const [n, batch] of batches.entries()) expect(prepared[n]).toEqual(await prepareImportBatch(batch));
    pool.close();
    expect(workers.every((worker) => worker.terminated)).toBe(true);
  });

  test('a worker that fails hands its batches, and every later one, to this thread', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const worker = new FakeWorker('crashes');
    const pool = new PreparePool(() => worker, 1);
    const batch = items(0, 2);
    expect(await pool.prepare(batch)).toEqual(await prepareImportBatch(batch));
    expect(worker.terminated).toBe(true);
    expect(await pool.prepare(items(2, 1))).toEqual(await prepareImportBatch(items(2, 1)));
    expect(worker.batches).toHaveLength(1);
    warn.mockRestore();
  });

  test('a worker that cannot start leaves the pool preparing on this thread', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pool = new PreparePool(() => {
      throw new Error('no workers here');
    }, 2);
    expect(await pool.prepare(items(0, 2))).toEqual(await prepareImportBatch(items(0, 2)));
    warn.mockRestore();
  });

  test('closing the pool with batches still in a worker prepares them here', async () => {
    const worker = new FakeWorker('silent');
    const pool = new PreparePool(() => worker, 1);
    const pending = pool.prepare(items(0, 2));
    pool.close();
    expect(await pending).toEqual(await prepareImportBatch(items(0, 2)));
  });

  test('one or two workers, leaving a core to the page and the background', () => {
    expect([1, 2, 3, 4, 16].map(prepareWorkerCount)).toEqual([1, 1, 2, 2, 2]);
  });

  test('an import prepared through the pool adds every article, in file order', async () => {
    const { service } = await openService([]);
    const pool = new PreparePool(() => new FakeWorker(), 2);
    const rows = Array.from({ length: 1_200 }, (_, i) => JSON.stringify({ id: `f${i}`, text: article(i) }));
    const [outcome] = await importFiles([new File([rows.join('\n')], 'pool.ndjson')], {
      send: sendThrough(service),
      parseHtml: () => {
        throw new Error('no html');
      },
      prepare: (batch) => pool.prepare(batch),
    });
    expect(outcome).toMatchObject({ status: 'added', added: 1_200, duplicates: 0 });
    expect((await service.getEntry('f1199'))?.text).toBe(article(1199));
  }, 60_000);
});
