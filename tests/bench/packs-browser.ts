/**
 * bench:packs-browser (issue 8, Chromium targets): a pack of N generated articles
 * (tests/bench/packs-corpus.ts, built with `pack build` unless --pack-dir already holds it)
 * added through the options page's Packs tab in the built extension (run `npx wxt build`
 * first), in Debian's Chromium. In one fresh profile, first without any pack (the baseline:
 * the same library, the five seeds), then with the pack:
 * - pages checked (copies of pack articles: verbatim, spun, partial; and unrelated pages, in
 *   turn): the worker's time from its "checking" record to the result, p50 / p95;
 * - the first check after ServiceWorker.stopAllWorkers (worker's time and time to verdict);
 * - the worker's memory: the extension process's RSS / PSS (/proc), its JavaScript heap after
 *   a collection and its ArrayBuffer backing stores (Runtime.getHeapUsage);
 * - IndexedDB space: the origin's folders in the profile and navigator.storage.estimate();
 * - with the pack only: the import time (file chosen → the pack listed), and whether copies
 *   were found (pack matches of one page per kind).
 *
 * Usage: npm run bench:packs-browser [-- --sizes 100000,1000000] [--pages 40] [--cold 5]
 *          [--pack-dir DIR] [--import-timeout 10800]   (seconds)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchExtension, type ExtensionHarness } from '../e2e/harness';
import { diskFigures, extensionProcessMemory, type DiskFigures, type ProcessMemory } from './browser/footprint';
import { afterCheckAlone, coldSeries, series, summarize, workerMs, type Sample, type Summary } from './browser/phases';
import { queryPage, VerdictWatch } from './browser/verdicts';
import { workerHeap, type WorkerHeap } from './browser/worker-heap';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    pages: { type: 'string', default: '40' },
    cold: { type: 'string', default: '5' },
    'pack-dir': { type: 'string' },
    'import-timeout': { type: 'string', default: '10800' },
  },
});
const whole = (name: 'pages' | 'cold' | 'import-timeout') => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number, not "${values[name]}".`);
  return value;
};
const sizes = String(values.sizes).split(',').map((size) => Number(size.trim()));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes takes whole numbers separated by commas, not "${values.sizes}".`);
const PAGES = whole('pages');
const COLD = whole('cold');
const IMPORT_TIMEOUT_MS = whole('import-timeout') * 1000;
const VERDICT_TIMEOUT_MS = 120_000;
const root = resolve(import.meta.dirname, '../..');
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** The pack of `size` generated articles in `dir` (built when missing); its build time when built now. */
function packFile(size: number, dir: string): { path: string; buildSeconds?: number } {
  const path = join(dir, `bench-${size}.pack`);
  if (existsSync(path)) return { path };
  log(`${size}: building the pack (pack build, all cores)`);
  const started = Date.now();
  const built = spawnSync('bash', ['-c', `npx tsx tests/bench/packs-corpus.ts ${size} | npm run --silent pack -- build --out '${path}' --name 'bench-${size}' --created 2026-11-30T00:00:00Z -`], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`pack build failed (exit status ${built.status})`);
  return { path, buildSeconds: (Date.now() - started) / 1000 };
}

interface Memory {
  process: ProcessMemory;
  heap: WorkerHeap | null;
}

interface Phase {
  warm: Sample[];
  cold: Sample[];
  memory: Memory;
  disk: DiskFigures;
}

/** The worker alone in its process after a check: process memory, then its heap (read second: it collects garbage). */
function memoryAfterCheck(harness: ExtensionHarness, size: number, label: string): Promise<Memory> {
  return afterCheckAlone(harness, `/${label}/memory.html`, queryPage(size, 'memory', 0), async () => ({
    process: extensionProcessMemory(harness),
    heap: await workerHeap(harness).catch((error: unknown) => {
      console.warn(`  (the worker's heap could not be read: ${(error as Error).message})`);
      return null;
    }),
  }));
}

/** Pages checked, memory, checks after a worker stop, disk: one phase (without or with the pack). */
async function phase(harness: ExtensionHarness, size: number, label: string): Promise<Phase> {
  let watch = await VerdictWatch.open(harness);
  // The same pages in both phases (query n of the pack's articles), served at the phase's own addresses.
  const visit = (what: string) => (n: number) => watch.visit(`/${label}/${what}/${n}.html`, queryPage(size, what, n), VERDICT_TIMEOUT_MS);
  await series(1, visit('warm-up'), VERDICT_TIMEOUT_MS);
  const warm = await series(PAGES, visit('page'), VERDICT_TIMEOUT_MS);
  log(`${label}: worker ${JSON.stringify(summarize(warm.map(workerMs)))}`);
  await watch.close();
  const memory = await memoryAfterCheck(harness, size, label);
  log(`${label}: memory ${JSON.stringify(memory)}`);
  watch = await VerdictWatch.open(harness);
  const cold = await coldSeries(watch, COLD, visit('cold'), VERDICT_TIMEOUT_MS);
  await watch.close();
  log(`${label}: after a worker stop ${JSON.stringify(summarize(cold.map(workerMs)))}`);
  const disk = await diskFigures(harness);
  return { warm, cold, memory, disk };
}

/** Adds the pack through the options page's Packs tab; milliseconds from choosing the file to the pack listed. */
async function addPack(harness: ExtensionHarness, path: string, name: string): Promise<number> {
  const options = await harness.openOptions();
  try {
    await options.goto(`chrome-extension://${harness.extensionId}/options.html#packs`);
    await options.locator('.packs-none').waitFor();
    const started = Date.now();
    await options.locator('input[type=file]').setInputFiles(path);
    await options.locator('.packs-table tbody tr', { hasText: name }).waitFor({ timeout: IMPORT_TIMEOUT_MS });
    return Date.now() - started;
  } finally {
    await options.close();
  }
}

/** Pack matches of one page of each kind (verbatim, spun, partial copy, unrelated), as the tab's result holds them. */
async function packMatchesByKind(harness: ExtensionHarness, size: number): Promise<string> {
  const found: string[] = [];
  for (const [n, kind] of ['verbatim', 'spun', 'partial', 'unrelated'].entries()) {
    harness.servePage(`/check/${n}.html`, queryPage(size, 'check', n));
    const { page, tabId } = await harness.openPage(`/check/${n}.html`);
    const result = await harness.waitForResult(tabId, undefined, VERDICT_TIMEOUT_MS);
    const matches = result.status === 'done' ? (result.packMatches ?? []) : [];
    found.push(`${kind}: ${matches.map((match) => `${match.id} (${match.kind})`).join(', ') || 'none'}`);
    await page.close();
  }
  return found.join('; ');
}

const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1e6).toFixed(1)} MB`);
const ms = (summary: Summary | null, key: 'p50' | 'p95' | 'max') => (summary ? `${summary[key].toFixed(0)} ms` : '—');

function report(size: number, packBytes: number, importMs: number, found: string, without: Phase, withPack: Phase): string {
  const rows: Array<[string, (p: Phase) => string, string]> = [
    ['worker per page, p50', (p) => ms(summarize(p.warm.map(workerMs)), 'p50'), ''],
    ['worker per page, p95', (p) => ms(summarize(p.warm.map(workerMs)), 'p95'), size >= 1_000_000 ? '≤ 100 ms' : '≤ 30 ms (100,000)'],
    ['first check after a worker stop: worker, max', (p) => ms(summarize(p.cold.map(workerMs)), 'max'), '≤ 1 s'],
    ['first check after a worker stop: time to verdict, max', (p) => ms(summarize(p.cold.map((s) => s.verdictMs)), 'max'), ''],
    ['extension process RSS / PSS', (p) => `${mb(p.memory.process.rssBytes)} / ${mb(p.memory.process.pssBytes)}`, '≤ 150 MB'],
    ['worker heap after GC + ArrayBuffers', (p) => `${mb(p.memory.heap?.usedAfterGcBytes)} + ${mb(p.memory.heap?.backingAfterGcBytes)}`, ''],
    ['IndexedDB folders / storage.estimate()', (p) => `${mb(p.disk.indexedDbBytes)} / ${mb(p.disk.estimateBytes)}`, ''],
  ];
  const lines = [
    `Pack of ${size.toLocaleString('en')} generated articles (${mb(packBytes)}), ${PAGES} pages and ${COLD} worker stops per column`,
    `  import through the Packs tab: ${(importMs / 1000).toFixed(1)} s (${Math.round(size / (importMs / 1000)).toLocaleString('en')} entries/s)`,
    `  pack matches, one page per kind: ${found}`,
    '',
    `| figure | no pack (baseline) | with the pack | goal |`,
    `|---|---|---|---|`,
    ...rows.map(([label, pick, goal]) => `| ${label} | ${pick(without)} | ${pick(withPack)} | ${goal} |`),
  ];
  return lines.join('\n');
}

async function runSize(size: number, dir: string): Promise<string> {
  const pack = packFile(size, dir);
  const packBytes = statSync(pack.path).size;
  if (pack.buildSeconds !== undefined) log(`${size}: pack built in ${pack.buildSeconds.toFixed(0)} s`);
  const harness = await launchExtension();
  try {
    log(`${size}: without a pack`);
    const without = await phase(harness, size, 'without');
    log(`${size}: adding the pack (${mb(packBytes)}) through the Packs tab`);
    const importMs = await addPack(harness, pack.path, `bench-${size}`);
    log(`${size}: imported in ${(importMs / 1000).toFixed(1)} s`);
    const found = await packMatchesByKind(harness, size);
    log(`${size}: ${found}`);
    const withPack = await phase(harness, size, 'with-pack');
    return report(size, packBytes, importMs, found, without, withPack);
  } finally {
    await harness.close();
  }
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const version = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`bench:packs-browser ${new Date().toISOString().slice(0, 10)}, ${version}, Node ${process.version}, sizes ${sizes.join(', ')}`);
const own = values['pack-dir'] === undefined;
const dir = values['pack-dir'] ?? mkdtempSync(join(tmpdir(), 'bench-packs-browser-'));
try {
  const reports: string[] = [];
  for (const size of sizes) {
    reports.push(await runSize(size, dir));
    console.log(`\n${reports[reports.length - 1]}\n`);
  }
  console.log(`\n${reports.join('\n\n')}`);
} finally {
  if (own) rmSync(dir, { recursive: true, force: true });
}
