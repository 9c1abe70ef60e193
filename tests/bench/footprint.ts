/**
 * bench:footprint: the library's size on disk beside the size of its article text, and how long
 * after an import its words are searchable, in the built extension in Debian's Chromium (run
 * `npx wxt build` first). Generated articles are imported through the options page's messages;
 * then it prints:
 * - the article text (UTF-8 bytes, as imported): the baseline every other figure is divided by;
 * - the browser's usage for the extension (navigator.storage.estimate: IndexedDB's files on disk),
 *   after the import and again after a pause (LevelDB compacts in the background), minus the
 *   usage before the import (the seeds);
 * - the library's size on disk as written afresh: every store (with its indexes) is copied into a
 *   database of its own from the options page (same origin as the background) and the usage
 *   grows by that much; this leaves out what LevelDB has not compacted yet (the import's staged
 *   copies, deleted but still on disk until a compaction drops them). Per store the growth is
 *   not reliable (the library's own compactions run meanwhile), so only the total is printed;
 * - the library's own estimate per kind of data (library/storage-use, what the options page shows);
 * - the time from the commit to every word being searchable, and the list queries' times.
 * Usage: npm run bench:footprint [-- --entries 100000] [-- --long]   (default 10,000)
 * --long: each article is four generated ones joined (about 4 KB, a news article's length; the
 * generated ones alone are about 1 KB, where each entry's fixed cost weighs four times more).
 */
import { launchExtension } from '../e2e/harness';
import { importGenerated, RARE_WORD, runListQueries, sendFromPage } from '../e2e/library-scale';
import { generatedArticles } from '../e2e/options-fixtures';
import type { StorageUse } from '../../lib/library/storage-use';

const flag = process.argv.indexOf('--entries');
const ENTRIES = flag >= 0 ? Number(process.argv[flag + 1]) : 10_000;
const SETTLE_MS = 30_000;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const LONG = process.argv.includes('--long');
const generated = generatedArticles(LONG ? ENTRIES * 4 : ENTRIES, RARE_WORD, Math.floor(ENTRIES / 2));
const articles = LONG
  ? Array.from({ length: ENTRIES }, (_, i) => ({ ...generated[i], text: generated.slice(i * 4, i * 4 + 4).map((a) => a.text).join('\n\n') }))
  : generated;
const encoder = new TextEncoder();
const textBytes = articles.reduce((sum, article) => sum + encoder.encode(article.text).length, 0);

const harness = await launchExtension();
try {
  const options = await harness.openOptions();
  const usage = () => options.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const before = await usage();
  const imported = await importGenerated(options, ENTRIES, articles);
  const afterImport = (await usage()) - before;
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  const settled = (await usage()) - before;
  const use = await sendFromPage<StorageUse>(options, { type: 'library/storage-use' });
  const stores = await options.evaluate(
    () =>
      new Promise<string[]>((done) => {
        const open = indexedDB.open('recycled-news-library');
        open.onsuccess = () => {
          done([...open.result.objectStoreNames]);
          open.result.close();
        };
      }),
  );
  // tsx names inner functions through a `__name` helper that the page does not have.
  await options.evaluate('globalThis.__name = (fn) => fn');
  // Usage moves while LevelDB compacts: each reading waits until two in a row, a second apart, agree.
  const steadyUsage = async () => {
    let last = await usage();
    for (let tries = 0; tries < 30; tries++) {
      await new Promise((done) => setTimeout(done, 1_000));
      const now = await usage();
      if (now === last) return now;
      last = now;
    }
    return last;
  };
  const copiesStart = await steadyUsage();
  for (const store of stores) await options.evaluate(copyStore, store);
  const copiesTotal = (await steadyUsage()) - copiesStart;
  for (const store of stores) {
    await options.evaluate((name) => new Promise((done) => (indexedDB.deleteDatabase(`footprint-${name}`).onsuccess = done)), store);
  }

  console.log(`library footprint, ${ENTRIES} generated articles${LONG ? ' of four joined' : ''} (${new Date().toISOString().slice(0, 10)})`);
  console.log(`article text (baseline): ${MB(textBytes)} = ${Math.round(textBytes / ENTRIES)} bytes per article`);
  console.log(`on disk after the import and indexing: ${MB(afterImport)} = ${(afterImport / textBytes).toFixed(2)}x the text`);
  console.log(`on disk ${SETTLE_MS / 1000} s later: ${MB(settled)} = ${(settled / textBytes).toFixed(2)}x the text`);
  console.log(`on disk, the stores copied afresh: ${MB(copiesTotal)} = ${(copiesTotal / textBytes).toFixed(2)}x the text`);
  const total = Object.values(use.bytes).reduce((sum, bytes) => sum + bytes, 0);
  console.log(`the library's estimate by kind (${use.entries} entries, seeds included): ${MB(total)} = ${(total / textBytes).toFixed(2)}x the text`);
  for (const [kind, bytes] of Object.entries(use.bytes)) {
    console.log(`  ${kind}: ${MB(bytes)}, ${Math.round(bytes / use.entries)} bytes per article, ${(bytes / textBytes).toFixed(2)}x the text`);
  }
  console.log(`import: staging ${imported.stagingMs} ms, commit ${imported.commitMs} ms`);
  console.log(`every word searchable ${imported.wordIndexMs} ms after the commit (polled each second)`);
  for (const { name, ms, page } of await runListQueries(options)) console.log(`list query "${name}": ${ms} ms, ${page.total ?? '?'} found`);
} finally {
  await harness.close();
}

/** Copies one store of the library, its indexes included, into a database `footprint-<store>`
 *  (runs in the page: everything it uses is defined inside). */
async function copyStore(name: string): Promise<void> {
  const open = (db: string, version?: number, upgrade?: (db: IDBDatabase) => void) =>
    new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open(db, version);
      request.onupgradeneeded = () => upgrade?.(request.result);
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
  const ask = <T>(request: IDBRequest<T>) => new Promise<T>((done, fail) => ((request.onsuccess = () => done(request.result)), (request.onerror = () => fail(request.error))));
  const source = await open('recycled-news-library');
  const shape = source.transaction(name).objectStore(name);
  const indexes = [...shape.indexNames].map((index) => shape.index(index));
  const target = await open(`footprint-${name}`, 1, (db) => {
    const store = db.createObjectStore(name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
    for (const index of indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
  });
  const inline = shape.keyPath !== null;
  let range: IDBKeyRange | undefined;
  for (;;) {
    const read = source.transaction(name).objectStore(name);
    const [keys, values] = await Promise.all([ask(read.getAllKeys(range, 1_000)), ask(read.getAll(range, 1_000))]);
    const write = target.transaction(name, 'readwrite');
    values.forEach((value, i) => (inline ? write.objectStore(name).put(value) : write.objectStore(name).put(value, keys[i])));
    await new Promise((done, fail) => ((write.oncomplete = done), (write.onerror = () => fail(write.error))));
    if (keys.length < 1_000) break;
    range = IDBKeyRange.lowerBound(keys[keys.length - 1], true);
  }
  source.close();
  target.close();
}
