/**
 * bench:content: the content script's long tasks on real pages, beside what Readability's own
 * parse costs on the same page in the same run (issue 13, point 5). Built extension in Chromium
 * (`npx wxt build` first); pages from ../shared/eval-data (never copied into the project),
 * served on 127.0.0.1 with their scripts removed, so that long tasks after DOMContentLoaded (the
 * content script runs at document_idle, after it) are the extension's or the page's rendering.
 * For each page: the longest task (over 50 ms, the Long Tasks API's threshold; 0 when none) until
 * the tab's result settles, then, in the same page, Readability alone on a clone of it
 * (`new Readability(clone).parse()`, clone included: extraction needs one too).
 * Baseline in the same run: the same page, served the same way, in a Chromium without the
 * extension, watched for as long (the page's own rendering tasks).
 * Prints per page and a summary: pages where the extension's longest task is over 50 ms, over
 * Readability's own time and over the page's own longest task without the extension.
 * Usage: npm run bench:content [-- --limit N]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { launchExtension } from '../e2e/harness';

/** ../shared beside the checkout (a worktree sits one level deeper). */
const EVAL_DATA = ['../../../shared', '../../../../shared']
  .map((up) => resolve(import.meta.dirname, up, 'eval-data/scrapinghub-article-extraction-benchmark/html'))
  .find((dir) => existsSync(dir))!;
const READABILITY = resolve(import.meta.dirname, '../../node_modules/@mozilla/readability/Readability.js');
const LONG_TASK_MS = 50;
const limitArg = process.argv.indexOf('--limit');
const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 40;

const OBSERVER = `<script>window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });</script>`;

function servedHtml(file: string): string {
  const html = gunzipSync(readFileSync(file)).toString('utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + OBSERVER) : OBSERVER + html;
}

/** The longest task (0 when none over 50 ms) after DOMContentLoaded. */
const longestTask = (page: Page) =>
  page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const tasks = (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks;
    return Math.max(0, ...tasks.filter(([start]) => start >= navigation.domContentLoadedEventEnd).map(([, duration]) => duration));
  });

const harness = await launchExtension();
const plain = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const rows: Array<{ name: string; status: string; extensionMs: number; readabilityMs: number; pageMs: number }> = [];
try {
  const files = readdirSync(EVAL_DATA).filter((name) => name.endsWith('.html.gz')).sort().slice(0, limit);
  for (const name of files) {
    const path = `/bench/${name.replace(/\.gz$/, '')}`;
    harness.servePage(path, servedHtml(join(EVAL_DATA, name)));
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
    const extensionMs = await longestTask(page);
    const bare = await plain.newPage();
    await bare.goto(harness.url(path));
    await bare.waitForTimeout(watchedMs);
    const pageMs = await longestTask(bare);
    await bare.close();
    await page.addScriptTag({ path: READABILITY });
    const readabilityMs = await page.evaluate(() => {
      const started = performance.now();
      new (window as unknown as { Readability: new (doc: Document) => { parse(): unknown } }).Readability(document.cloneNode(true) as Document).parse();
      return performance.now() - started;
    });
    rows.push({ name, status, extensionMs, readabilityMs, pageMs });
    console.log(`${name.slice(0, 12)}\t${status}\tlongest task after DOMContentLoaded ${extensionMs.toFixed(0)} ms (without the extension ${pageMs.toFixed(0)} ms)\tReadability alone ${readabilityMs.toFixed(0)} ms`);
    await page.close();
  }
} finally {
  await harness.close();
  await plain.close();
}
const over = rows.filter((row) => row.extensionMs > LONG_TASK_MS && row.extensionMs > row.readabilityMs && row.extensionMs > row.pageMs);
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(`\n${rows.length} pages: longest task after DOMContentLoaded median ${median(rows.map((row) => row.extensionMs)).toFixed(0)} ms, max ${Math.max(...rows.map((row) => row.extensionMs)).toFixed(0)} ms; without the extension max ${Math.max(...rows.map((row) => row.pageMs)).toFixed(0)} ms; Readability alone median ${median(rows.map((row) => row.readabilityMs)).toFixed(0)} ms, max ${Math.max(...rows.map((row) => row.readabilityMs)).toFixed(0)} ms`);
console.log(`pages with a task over ${LONG_TASK_MS} ms, over Readability's own time and over the page's own: ${over.length}${over.length ? ` (${over.map((row) => row.name.slice(0, 12)).join(', ')})` : ''}`);
