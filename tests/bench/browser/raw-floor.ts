/**
 * The floor for the import rate: the raw IndexedDB put rate of the same records in the same
 * browser. An extension page (the welcome page: it does nothing after it is shown) puts them,
 * as the file holds them, into a scratch database of one object store through idb (the
 * library's own IndexedDB wrapper, loaded into the page from node_modules), pipelined: each
 * chunk is split into transactions of 500 puts, all in flight at once. Only the puts are timed
 * (in the page); handing the records to the page is not. The scratch database is deleted after.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExtensionHarness } from '../../e2e/harness';
import { libraryRecords, type LibraryRecord } from './library-file';

const IDB_UMD = readFileSync(resolve(import.meta.dirname, '../../../node_modules/idb/build/umd.js'), 'utf8');
const CHUNK = 2_000;
const TRANSACTION = 500;
const SCRATCH = 'bench-raw-puts';

/** Puts the `count` library records into a scratch database; returns the time the puts took, in ms. */
export async function rawPutMs(harness: ExtensionHarness, count: number): Promise<number> {
  const page = await harness.context.newPage();
  try {
    await page.goto(`chrome-extension://${harness.extensionId}/welcome.html`);
    // Through the DevTools protocol, which the extension pages' script policy does not govern.
    await page.evaluate(IDB_UMD);
    // tsx keeps function names with an `__name` helper the page does not have.
    await page.evaluate('globalThis.__name = (target) => target');
    let totalMs = 0;
    let chunk: LibraryRecord[] = [];
    const flush = async () => {
      totalMs += await page.evaluate(
        async ([records, name, perTransaction]) => {
          const { openDB } = (globalThis as unknown as { idb: typeof import('idb') }).idb;
          const db = await openDB(name, 1, { upgrade: (database) => void database.createObjectStore('articles', { keyPath: 'id' }) });
          const started = performance.now();
          const transactions: Array<Promise<void>> = [];
          for (let start = 0; start < records.length; start += perTransaction) {
            const tx = db.transaction('articles', 'readwrite');
            for (const record of records.slice(start, start + perTransaction)) void tx.store.put(record);
            transactions.push(tx.done);
          }
          await Promise.all(transactions);
          const ms = performance.now() - started;
          db.close();
          return ms;
        },
        [chunk, SCRATCH, TRANSACTION] as const,
      );
      chunk = [];
    };
    for (const record of libraryRecords(count)) {
      chunk.push(record);
      if (chunk.length === CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
    await page.evaluate((name) => new Promise((done, fail) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: done, onerror: fail })), SCRATCH);
    return totalMs;
  } finally {
    await page.close();
  }
}
