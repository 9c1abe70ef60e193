/**
 * One library size of bench:browser: the import alone in a profile of its own, then in a fresh
 * browser profile: the five seeds' memory, the import through the options page with checks
 * sampled during it and during the search-word
 * indexing after it, the time until the options search finds an imported article, warm and
 * cold checks, memory and disk with the library, and last the raw IndexedDB put floor.
 */
import { launchExtension, type ExtensionHarness } from '../../e2e/harness';
import { RARE_WORD } from '../../e2e/library-scale';
import { newsPage } from '../../e2e/pages/site-chrome';
import { seed } from '../../e2e/pages/seeds';
import { diskFigures, extensionProcessMemory, type DiskFigures, type ProcessMemory } from './footprint';
import { workerHeap, type WorkerHeap } from './worker-heap';
import { writeLibraryFile, type LibraryFile } from './library-file';
import { importThroughOptions, waitUntilSearchable, type ImportOutcome, type SearchableFigures } from './options-ui';
import { afterCheckAlone, coldSeries, sampleWhile, series, summarize, workerMs, type Sample } from './phases';
import { rawPutMs } from './raw-floor';
import { processorTimeBetween, processorTimes, type ProcessorTime } from './cpu-time';
import { queryPage, VerdictWatch } from './verdicts';

export interface RunOptions {
  /** Warm checks (the p50/p95 series). */
  warmPages: number;
  /** Checks right after a service-worker stop. */
  coldRounds: number;
  /** How long the import, and then the search, may take before the step fails / is given up. */
  importTimeoutMs: number;
  searchTimeoutMs: number;
  /** How long one page may wait for its verdict. */
  verdictTimeoutMs: number;
}

export interface WorkerMemory {
  process: ProcessMemory;
  /** Null when the protocol could not reach the worker (the reason is logged). */
  heap: WorkerHeap | null;
}

/** An import with the processor time the browser's processes spent meanwhile. */
export type TimedImport = ImportOutcome & { processor: ProcessorTime };

export interface SizeFigures {
  size: number;
  textBytes: number;
  fileBytes: number;
  seedsMemory: WorkerMemory;
  /** The same file imported first in a profile of its own, no page checked meanwhile. */
  importedAlone: TimedImport;
  imported: TimedImport;
  duringImport: Sample[];
  searchable: SearchableFigures;
  duringIndexing: Sample[];
  warm: Sample[];
  memory: WorkerMemory;
  /** The same after the cold checks: a worker started afresh, with its index restored. */
  restartedMemory: WorkerMemory;
  cold: Sample[];
  disk: DiskFigures;
  rawPutMs: number;
}

const seed002 = seed('002');
const seedCopy = newsPage({ site: 'Copy Desk', headline: seed002.title, paragraphs: seed002.text.split('\n\n') });
/** The extension process's memory, then the worker's heap (read second: it collects garbage). */
async function workerMemory(harness: ExtensionHarness): Promise<WorkerMemory> {
  const process = extensionProcessMemory(harness);
  const heap = await workerHeap(harness).catch((error: unknown) => {
    console.warn(`  (the worker's heap could not be read: ${(error as Error).message})`);
    return null;
  });
  return { process, heap };
}

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Imports `path` through the options page, reading the processor time spent meanwhile. */
async function timedImport(harness: ExtensionHarness, path: string, size: number, timeoutMs: number): Promise<TimedImport> {
  const before = processorTimes(harness);
  const outcome = await importThroughOptions(harness, path, size, timeoutMs);
  return { ...outcome, processor: processorTimeBetween(before, processorTimes(harness)) };
}

/** The import's own speed (target 1), in a fresh profile with nothing else to do: in the main
 *  run a page is checked every second, and each loading page holds the import's writes back. */
async function importAlone(path: string, size: number, timeoutMs: number): Promise<TimedImport> {
  const harness = await launchExtension();
  try {
    return await timedImport(harness, path, size, timeoutMs);
  } finally {
    await harness.close();
  }
}

export async function runSize(size: number, options: RunOptions): Promise<SizeFigures> {
  log(`${size}: writing the library file`);
  const file = await writeLibraryFile(size);
  try {
    log(`${size}: importing ${(file.fileBytes / 1e6).toFixed(0)} MB through the options page alone, in a profile of its own`);
    const importedAlone = await importAlone(file.path, size, options.importTimeoutMs);
    log(`${size}: imported alone in ${(importedAlone.ms / 1000).toFixed(1)} s, processor ms ${JSON.stringify(importedAlone.processor)}`);
    return { ...(await withPagesChecked(file, options)), importedAlone };
  } finally {
    await file.remove();
  }
}

/** Every figure but the import alone, in a fresh profile. */
async function withPagesChecked(file: LibraryFile, options: RunOptions): Promise<Omit<SizeFigures, 'importedAlone'>> {
  const size = file.count;
  const harness = await launchExtension();
  try {
    const visitor = (watch: VerdictWatch, phase: string) => (n: number) =>
      watch.visit(`/${phase}/${n}.html`, queryPage(size, phase, n), options.verdictTimeoutMs);

    log(`${size}: memory with the five seeds`);
    const seedsMemory = await afterCheckAlone(harness, '/seeds/copy.html', seedCopy, () => workerMemory(harness));
    let watch = await VerdictWatch.open(harness);

    log(`${size}: importing ${(file.fileBytes / 1e6).toFixed(0)} MB through the options page, checking pages meanwhile`);
    const importing = timedImport(harness, file.path, size, options.importTimeoutMs);
    // Nothing of the import is matchable before it commits: every other page copies a seed, so matching work is measured too.
    const duringImportVisit = (n: number) =>
      n % 2 ? watch.visit(`/during-import/${n}.html`, seedCopy, options.verdictTimeoutMs) : visitor(watch, 'during-import')(n);
    const { value: imported, samples: duringImport } = await sampleWhile(importing, duringImportVisit, 1_000, options.verdictTimeoutMs);
    const importEnd = Date.now();
    log(`${size}: ${duringImport.length} checks during the import, verdict ${JSON.stringify(summarize(duringImport.map((v) => v.verdictMs)))}`);
    log(`${size}: imported in ${(imported.ms / 1000).toFixed(1)} s (${imported.totals}); searching "${RARE_WORD}" until found`);
    const searching = waitUntilSearchable(harness, RARE_WORD, file.marked.title, importEnd, options.searchTimeoutMs);
    const { value: searchable, samples: duringIndexing } = await sampleWhile(searching, visitor(watch, 'during-indexing'), 1_000, options.verdictTimeoutMs);

    log(`${size}: search: ${JSON.stringify(searchable)}; ${duringIndexing.length} checks meanwhile, verdict ${JSON.stringify(summarize(duringIndexing.map((v) => v.verdictMs)))}`);
    log(`${size}: ${options.warmPages} warm checks`);
    await series(1, visitor(watch, 'warm-up'), options.verdictTimeoutMs);
    const warm = await series(options.warmPages, visitor(watch, 'warm'), options.verdictTimeoutMs);

    log(`${size}: warm verdict ${JSON.stringify(summarize(warm.map((v) => v.verdictMs)))}, worker's part ${JSON.stringify(summarize(warm.map(workerMs)))}`);
    log(`${size}: memory with the library`);
    const memory = await afterCheckAlone(harness, '/library/copy.html', queryPage(size, 'memory', 0), () => workerMemory(harness));
    watch = await VerdictWatch.open(harness);

    log(`${size}: memory ${JSON.stringify(memory)}`);
    log(`${size}: ${options.coldRounds} checks after a service-worker stop`);
    const cold = await coldSeries(watch, options.coldRounds, visitor(watch, 'cold'), options.verdictTimeoutMs);
    await watch.close();
    // The last cold check ran in a worker started afresh (index restored from its snapshot), the
    // state most first pages of a browsing session meet; its process may be new or the old one (pid).
    const restartedMemory = await afterCheckAlone(harness, '/library/after-restart.html', queryPage(size, 'memory', 1), () => workerMemory(harness));
    log(`${size}: memory after the restarts ${JSON.stringify(restartedMemory)}`);

    log(`${size}: cold verdict ${JSON.stringify(summarize(cold.map((v) => v.verdictMs)))}, worker's part ${JSON.stringify(summarize(cold.map(workerMs)))}`);
    log(`${size}: disk, then the raw IndexedDB put floor`);
    const disk = await diskFigures(harness);
    log(`${size}: disk ${JSON.stringify({ ...disk, folders: undefined })}`);
    const putMs = await rawPutMs(harness, size);
    return { size, textBytes: file.textBytes, fileBytes: file.fileBytes, seedsMemory, imported, duringImport, searchable, duringIndexing, warm, memory, restartedMemory, cold, disk, rawPutMs: putMs };
  } finally {
    await harness.close();
  }
}
