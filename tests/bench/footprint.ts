/**
 * bench:footprint: the library's size on disk beside the size of its article text, and how long
 * after an import its words are searchable, in the built extension in Debian's Chromium (run
 * `npx wxt build` first). Generated articles are imported through the options page's messages;
 * then it prints:
 * - the article text (UTF-8 bytes, as imported): the baseline every other figure is divided by;
 * - the browser's usage for the extension (navigator.storage.estimate: IndexedDB's files on disk),
 *   after the import and again after a pause (LevelDB compacts in the background), minus the
 *   usage before the import (the seeds);
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
  console.log(`library footprint, ${ENTRIES} generated articles${LONG ? ' of four joined' : ''} (${new Date().toISOString().slice(0, 10)})`);
  console.log(`article text (baseline): ${MB(textBytes)} = ${Math.round(textBytes / ENTRIES)} bytes per article`);
  console.log(`on disk after the import and indexing: ${MB(afterImport)} = ${(afterImport / textBytes).toFixed(2)}x the text`);
  console.log(`on disk ${SETTLE_MS / 1000} s later: ${MB(settled)} = ${(settled / textBytes).toFixed(2)}x the text`);
  const total = Object.values(use.bytes).reduce((sum, bytes) => sum + bytes, 0);
  console.log(`the library's estimate by kind (${use.entries} entries, seeds included): ${MB(total)} = ${(total / textBytes).toFixed(2)}x the text`);
  for (const [kind, bytes] of Object.entries(use.bytes)) {
    console.log(`  ${kind}: ${MB(bytes)}, ${Math.round(bytes / use.entries)} bytes per article, ${(bytes / textBytes).toFixed(2)}x the text`);
  }
  console.log(`import through the options page: ${imported.importMs} ms`);
  console.log(`every word searchable ${imported.wordIndexMs} ms after the import ended (polled each second)`);
  for (const { name, ms, page } of await runListQueries(options)) console.log(`list query "${name}": ${ms} ms, ${page.total ?? '?'} found`);
} finally {
  await harness.close();
}
