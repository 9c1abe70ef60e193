/**
 * bench:browser (issues 13 and 16): the built extension in Debian's Chromium (run
 * `npm run build` or `npx wxt build` first) with generated libraries of 10,000 and 100,000
 * news-like articles (tests/bench/engine-corpus.ts, deterministic), each figure printed beside
 * its floor or baseline measured in the same run. For each size:
 * 1. import through the options page's file input, beside the raw IndexedDB put rate of the same
 *    records: alone, in a profile of its own, with the processor time of each kind of process;
 *    then in a fresh profile, with a page checked every second, where the steps below follow;
 * 2. pages checked during the import and during the search-word indexing after it (time to verdict);
 * 3. the first check after the service worker is stopped (DevTools protocol), beside warm checks;
 * 4. warm checks: the worker's own time, from its "checking" record to the stored result;
 * issue 16: the extension's IndexedDB on disk and storage.estimate() beside the article text,
 * the time until the options search finds an imported article, the worker's process memory
 * beside the same with the five seeds. Then 5: bench:content (tests/bench/content-tasks.ts),
 * the content script's long tasks beside Readability's own parse on real pages.
 *
 * Usage: npm run bench:browser [-- --sizes 10000,100000] [--warm 50] [--cold 5]
 *          [--search-timeout 3600] [--import-timeout 3600] [--content-pages 40]   (timeouts in seconds; --content-pages 0 skips 5)
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sizeReport } from './report';
import { runSize } from './run-size';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    warm: { type: 'string', default: '50' },
    cold: { type: 'string', default: '5' },
    'search-timeout': { type: 'string', default: '3600' },
    'import-timeout': { type: 'string', default: '3600' },
    'content-pages': { type: 'string', default: '40' },
  },
});
const number = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, not "${values[name]}".`);
  return value;
};
const sizes = String(values.sizes).split(',').map((size) => Number(size.trim()));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes takes whole numbers separated by commas, not "${values.sizes}".`);

const root = resolve(import.meta.dirname, '../../..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const version = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`bench:browser ${new Date().toISOString().slice(0, 10)}, ${version}, Node ${process.version}, sizes ${sizes.join(', ')}`);

const reports: string[] = [];
for (const size of sizes) {
  const figures = await runSize(size, {
    warmPages: number('warm'),
    coldRounds: number('cold'),
    importTimeoutMs: number('import-timeout') * 1000,
    searchTimeoutMs: number('search-timeout') * 1000,
    verdictTimeoutMs: 120_000,
  });
  reports.push(sizeReport(figures));
  console.log(`\n${reports[reports.length - 1]}\n`);
}

const contentPages = number('content-pages');
if (contentPages > 0) {
  console.log(`5. the content script's long tasks (bench:content, ${contentPages} pages of ../shared/eval-data):`);
  const content = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/content-tasks.ts', '--limit', String(contentPages)], { cwd: root, stdio: 'inherit' });
  if (content.status !== 0) console.log(`bench:content failed (exit status ${content.status}): figure 5 is missing from this run.`);
}
console.log(`\n${reports.join('\n\n')}`);
