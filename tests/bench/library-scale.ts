/**
 * bench:library-scale: the options page's import and list queries with a large library, in the
 * built extension in Debian's Chromium (run `npx wxt build` first). Prints each figure beside a
 * floor measured in the same browser and the same run, so the ratios hold on a busy machine:
 * - import rate beside the raw IndexedDB put rate of the same records (a scratch database in
 *   the options page, batches of 500, no staging, no fingerprints);
 * - each list query beside the round trip of the cheapest message (`library/stats`).
 * Usage: npm run bench:library-scale [-- --entries 100000]   (default 20,000)
 */
import { launchExtension } from '../e2e/harness';
import { importGenerated, runListQueries, sendFromPage } from '../e2e/library-scale';
import { generatedArticles } from '../e2e/options-fixtures';

const flag = process.argv.indexOf('--entries');
const ENTRIES = flag >= 0 ? Number(process.argv[flag + 1]) : 20_000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const harness = await launchExtension();
try {
  const options = await harness.openOptions();

  // Floor 1: raw IndexedDB puts of the same records in the same browser.
  const records = generatedArticles(ENTRIES, 'floor', 0);
  const rawStarted = Date.now();
  for (let start = 0; start < records.length; start += 500) {
    await options.evaluate(async (batch) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open('bench-floor', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('articles', { keyPath: 'id' });
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const tx = db.transaction('articles', 'readwrite');
      for (const record of batch) tx.objectStore('articles').put(record);
      await new Promise((done, fail) => ((tx.oncomplete = done), (tx.onerror = () => fail(tx.error))));
      db.close();
    }, records.slice(start, start + 500));
  }
  const rawMs = Date.now() - rawStarted;
  await options.evaluate(() => new Promise((done) => (indexedDB.deleteDatabase('bench-floor').onsuccess = done)));

  const imported = await importGenerated(options, ENTRIES);
  const importMs = imported.stagingMs + imported.commitMs;
  const rate = (ms: number) => Math.round((ENTRIES / ms) * 1000);
  console.log(`library scale, ${ENTRIES} generated articles (${new Date().toISOString().slice(0, 10)})`);
  console.log(`import: ${importMs} ms (staging ${imported.stagingMs}, commit ${imported.commitMs}) = ${rate(importMs)} articles/s`);
  console.log(`floor, raw IndexedDB puts: ${rawMs} ms = ${rate(rawMs)} articles/s; import / floor rate: ${(rawMs / importMs).toFixed(2)}x`);
  console.log(`search words indexed ${imported.wordIndexMs} ms after the commit`);

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
