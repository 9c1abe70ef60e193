/**
 * bench:library-scale: the options page's import, matching while it runs, and the list queries
 * with a large library, in the built extension in Debian's Chromium (run `npx wxt build`
 * first). Prints each figure beside a floor measured in the same browser and the same run, so
 * the ratios hold on a busy machine:
 * - the import (an NDJSON file chosen in the Import tab, as a user does) beside the raw
 *   IndexedDB put rate of the same records: already in the page, one store, batches of 500,
 *   with the default durability and with the relaxed one the import's writes use;
 * - the verdict of a page opened while the import runs, and while its search words are
 *   indexed, beside the same page's verdict with the library idle;
 * - each list query beside the round trip of the cheapest message (`library/stats`).
 * Usage: npm run bench:library-scale [-- --entries 100000]   (default 20,000)
 */
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from '../e2e/harness';
import { ExtensionProbe, settled } from '../e2e/lifecycle-helpers';
import { generatedFile, importFile, runListQueries, sendFromPage } from '../e2e/library-scale';
import { generatedArticles } from '../e2e/options-fixtures';
import { seed } from '../e2e/pages/seeds';
import { newsPage } from '../e2e/pages/site-chrome';

const flag = process.argv.indexOf('--entries');
const ENTRIES = flag >= 0 ? Number(process.argv[flag + 1]) : 20_000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (ms: number) => Math.round((ENTRIES / ms) * 1000);

/** Raw puts of the generated records into a scratch database of the options page. */
async function rawPutMs(options: Page, durability: IDBTransactionDurability): Promise<number> {
  const records = generatedArticles(ENTRIES, 'floor', 0);
  await options.evaluate(() => ((globalThis as { floorRecords?: unknown[] }).floorRecords = []));
  // Moved into the page first (untimed): the floor is the puts alone.
  for (let start = 0; start < records.length; start += 5_000) {
    await options.evaluate((part) => (globalThis as { floorRecords?: unknown[] }).floorRecords!.push(...part), records.slice(start, start + 5_000));
  }
  return options.evaluate(async (mode) => {
    const all = (globalThis as { floorRecords?: unknown[] }).floorRecords!;
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('bench-floor', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('articles', { keyPath: 'id' });
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const started = performance.now();
    for (let start = 0; start < all.length; start += 500) {
      const tx = db.transaction('articles', 'readwrite', { durability: mode });
      for (const record of all.slice(start, start + 500)) tx.objectStore('articles').put(record);
      await new Promise((done, fail) => ((tx.oncomplete = done), (tx.onerror = () => fail(tx.error))));
    }
    const ms = performance.now() - started;
    db.close();
    delete (globalThis as { floorRecords?: unknown[] }).floorRecords;
    await new Promise((done) => (indexedDB.deleteDatabase('bench-floor').onsuccess = done));
    return Math.round(ms);
  }, durability);
}

/** Opens a page carrying a seed article and returns the ms until its verdict is stored
 *  (found by the page's address), or Infinity when none came within VERDICT_TIMEOUT_MS. */
const VERDICT_TIMEOUT_MS = 60_000;
let probes = 0;
async function verdictMs(harness: ExtensionHarness, probe: ExtensionProbe): Promise<number> {
  const article = seed('002');
  const url = harness.servePage(`/probe/${++probes}.html`, newsPage({ site: 'Probe', headline: article.title, paragraphs: article.text.split('\n\n') }));
  const started = Date.now();
  const page = await harness.context.newPage();
  try {
    await page.goto(url);
    await probe.waitForPage(url, settled, VERDICT_TIMEOUT_MS);
    return Date.now() - started;
  } catch {
    return Infinity;
  } finally {
    await page.close();
  }
}

const summary = (values: number[]) =>
  values.length === 0
    ? 'no probe'
    : `median ${median(values)} ms, max ${Math.max(...values)} ms (${values.length} pages${values.includes(Infinity) ? `, ${values.filter((v) => v === Infinity).length} with no verdict within ${VERDICT_TIMEOUT_MS} ms` : ''})`;

const harness = await launchExtension();
try {
  const options = await harness.openOptions();
  const path = generatedFile(ENTRIES);
  const rawDefaultMs = await rawPutMs(options, 'default');
  const rawRelaxedMs = await rawPutMs(options, 'relaxed');
  const probe = await ExtensionProbe.open(harness);
  const idle = [await verdictMs(harness, probe), await verdictMs(harness, probe), await verdictMs(harness, probe)];

  const now: { phase: 'importing' | 'indexing' | 'idle' } = { phase: 'importing' };
  const during: Record<'importing' | 'indexing', number[]> = { importing: [], indexing: [] };
  const importing = importFile(options, path, (next) => (now.phase = next));
  // Pages checked one after another while the import and then its word indexing run.
  const probing = (async () => {
    while (now.phase !== 'idle') {
      const at = now.phase;
      during[at].push(await verdictMs(harness, probe));
      await new Promise((done) => setTimeout(done, 1_000));
    }
  })();
  const imported = await importing;
  await probing;

  console.log(`library scale, ${ENTRIES} generated articles (${new Date().toISOString().slice(0, 10)}), ${imported.added} added`);
  console.log(`import through the options page: ${imported.importMs} ms = ${rate(imported.importMs)} articles/s`);
  console.log(`floor, raw IndexedDB puts (default durability): ${rawDefaultMs} ms = ${rate(rawDefaultMs)} articles/s; import / floor rate: ${(rawDefaultMs / imported.importMs).toFixed(2)}x`);
  console.log(`floor, raw IndexedDB puts (relaxed durability): ${rawRelaxedMs} ms = ${rate(rawRelaxedMs)} articles/s; import / floor rate: ${(rawRelaxedMs / imported.importMs).toFixed(2)}x`);
  console.log(`search words indexed ${imported.wordIndexMs} ms after the import`);
  console.log(`verdict of a page, library idle (floor): ${summary(idle)}`);
  console.log(`verdict of a page during the import: ${summary(during.importing)}`);
  console.log(`verdict of a page during the word indexing: ${summary(during.indexing)}`);

  // Floor 2: the cheapest round trip through the background.
  const roundTrips: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = Date.now();
    await sendFromPage(options, { type: 'library/stats' });
    roundTrips.push(Date.now() - started);
  }
  const floorMs = Math.max(median(roundTrips), 1);
  console.log(`floor, library/stats round trip (median of 7): ${median(roundTrips)} ms`);
  for (const { name, ms } of await runListQueries(options)) console.log(`list query "${name}": ${ms} ms (${(ms / floorMs).toFixed(1)}x the floor)`);
} finally {
  await harness.close();
}
