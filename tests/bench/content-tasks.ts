/**
 * bench:content: the content script's long tasks on real pages, beside what Readability's own
 * parse costs on the same page in the same run (issue 13, point 5). Built extension in Chromium
 * (`npx wxt build` first); pages from ../shared/eval-data (never copied into the project),
 * served on 127.0.0.1 with their scripts removed, so that long tasks after DOMContentLoaded (the
 * content script runs at document_idle, after it) are the extension's or the page's rendering.
 * For each page: the longest task (over 50 ms, the Long Tasks API's threshold; 0 when none) until
 * the tab's result settles, and the page's load end; then, in the same page, Readability alone
 * on a clone of it (`new Readability(clone).parse()`, clone included: extraction needs one too).
 * Baseline in the same run: the same page, served the same way, in a Chromium without the
 * extension, watched for as long (the page's own rendering tasks, its own load end).
 * `--before DIR`: another build of the extension (e.g. the previous commit's .output/chrome-mv3)
 * measured on the same pages in the same run, page by page, so both meet the same machine load;
 * its verdicts are compared with this build's.
 * Prints per page and a summary: pages where the extension's longest task is over 50 ms, over
 * Readability's own time and over the page's own longest task without the extension; load end
 * with the extension over load end without it (median, p95).
 * Usage: npm run bench:content [-- --limit N] [-- --before DIR]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from '../e2e/harness';

/** ../shared beside the checkout (a worktree sits one level deeper). */
const EVAL_DATA = ['../../../shared', '../../../../shared']
  .map((up) => resolve(import.meta.dirname, up, 'eval-data/scrapinghub-article-extraction-benchmark/html'))
  .find((dir) => existsSync(dir))!;
const READABILITY = resolve(import.meta.dirname, '../../node_modules/@mozilla/readability/Readability.js');
const LONG_TASK_MS = 50;
const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const limit = Number(argument('--limit') ?? 40);
const beforeDir = argument('--before');

const OBSERVER = `<script>window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });</script>`;

function servedHtml(file: string): string {
  const html = gunzipSync(readFileSync(file)).toString('utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + OBSERVER) : OBSERVER + html;
}

/** The longest task (0 when none over 50 ms) after DOMContentLoaded, and the load event's end (ms from navigation). */
const tasksAndLoad = (page: Page) =>
  page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const tasks = (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks;
    const longestMs = Math.max(0, ...tasks.filter(([start]) => start >= navigation.domContentLoadedEventEnd).map(([, duration]) => duration));
    return { longestMs, loadEndMs: navigation.loadEventEnd };
  });

interface Visit {
  status: string;
  longestMs: number;
  loadEndMs: number;
  watchedMs: number;
}

/** Opens `path` in `harness`'s browser and watches it until the tab's result settles (and 0.5 s more). */
async function visit(harness: ExtensionHarness, path: string, readability: boolean): Promise<Visit & { readabilityMs: number }> {
  const started = Date.now();
  const { page, tabId } = await harness.openPage(path);
  let status = 'timeout';
  try {
    status = (await harness.waitForResult(tabId, undefined, 30_000)).status;
  } catch {
    /* reported as a timeout */
  }
  await page.waitForTimeout(500);
  const watchedMs = Date.now() - started;
  const { longestMs, loadEndMs } = await tasksAndLoad(page);
  let readabilityMs = 0;
  if (readability) {
    await page.addScriptTag({ path: READABILITY });
    readabilityMs = await page.evaluate(() => {
      const started = performance.now();
      new (window as unknown as { Readability: new (doc: Document) => { parse(): unknown } }).Readability(document.cloneNode(true) as Document).parse();
      return performance.now() - started;
    });
  }
  await page.close();
  return { status, longestMs, loadEndMs, watchedMs, readabilityMs };
}

const harness = await launchExtension();
const previous = beforeDir ? await launchExtension({ extensionDir: resolve(beforeDir) }) : undefined;
const plain = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
interface Row {
  name: string;
  now: Visit;
  before?: Visit;
  readabilityMs: number;
  pageMs: number;
  pageLoadEndMs: number;
}
const rows: Row[] = [];
const ms = (value: number) => `${value.toFixed(0)} ms`;
try {
  const files = readdirSync(EVAL_DATA).filter((name) => name.endsWith('.html.gz')).sort().slice(0, limit);
  for (const name of files) {
    const path = `/bench/${name.replace(/\.gz$/, '')}`;
    const html = servedHtml(join(EVAL_DATA, name));
    harness.servePage(path, html);
    previous?.servePage(path, html);
    const { readabilityMs, ...now } = await visit(harness, path, true);
    const before = previous ? await visit(previous, path, false) : undefined;
    const bare = await plain.newPage();
    await bare.goto(harness.url(path));
    await bare.waitForTimeout(Math.max(now.watchedMs, before?.watchedMs ?? 0));
    const { longestMs: pageMs, loadEndMs: pageLoadEndMs } = await tasksAndLoad(bare);
    await bare.close();
    rows.push({ name, now, before, readabilityMs, pageMs, pageLoadEndMs });
    const beforeText = before ? `\tbefore: ${before.status}, ${ms(before.longestMs)}, load end ${ms(before.loadEndMs)}` : '';
    console.log(`${name.slice(0, 12)}\t${now.status}\tlongest task after DOMContentLoaded ${ms(now.longestMs)} (without the extension ${ms(pageMs)})\tReadability alone ${ms(readabilityMs)}\tload end ${ms(now.loadEndMs)} (without ${ms(pageLoadEndMs)})${beforeText}`);
  }
} finally {
  await harness.close();
  await previous?.close();
  await plain.close();
}
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? 0;
const median = (values: number[]) => quantile(values, 0.5);
console.log(`\n${rows.length} pages; without the extension: longest task max ${ms(Math.max(...rows.map((row) => row.pageMs)))}; Readability alone median ${ms(median(rows.map((row) => row.readabilityMs)))}, max ${ms(Math.max(...rows.map((row) => row.readabilityMs)))}`);
function summary(label: string, visitOf: (row: Row) => Visit | undefined) {
  const measured = rows.filter((row) => visitOf(row));
  if (measured.length === 0) return;
  const longest = measured.map((row) => visitOf(row)!.longestMs);
  const over = measured.filter((row) => visitOf(row)!.longestMs > LONG_TASK_MS && visitOf(row)!.longestMs > row.readabilityMs && visitOf(row)!.longestMs > row.pageMs);
  const loadRatios = measured.filter((row) => row.pageLoadEndMs > 0).map((row) => visitOf(row)!.loadEndMs / row.pageLoadEndMs);
  console.log(`${label}: longest task median ${ms(median(longest))}, max ${ms(Math.max(...longest))}; load end / without the extension: median ${median(loadRatios).toFixed(2)}x, p95 ${quantile(loadRatios, 0.95).toFixed(2)}x`);
  console.log(`  pages with a task over ${LONG_TASK_MS} ms, over Readability's own time and over the page's own: ${over.length}${over.length ? ` (${over.map((row) => `${row.name.slice(0, 12)} ${ms(visitOf(row)!.longestMs)} vs ${ms(row.readabilityMs)}`).join(', ')})` : ''}`);
}
summary('this build', (row) => row.now);
summary('before', (row) => row.before);
if (previous) {
  const differ = rows.filter((row) => row.before && row.before.status !== row.now.status);
  console.log(`verdicts differing between the builds: ${differ.length}${differ.length ? ` (${differ.map((row) => `${row.name.slice(0, 12)} ${row.before!.status} -> ${row.now.status}`).join(', ')})` : ''}`);
}
