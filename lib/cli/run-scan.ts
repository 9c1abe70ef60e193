/**
 * The scan command's body: parse arguments, load and index the library once, then read,
 * extract and match every input in turn. Returns the exit status instead of exiting, so
 * tests can run it in-process.
 *   0  every input was read (whether or not anything matched)
 *   1  at least one input could not be read or scanned (each still gets its line, with an "error" field)
 *   2  bad arguments, or a library that cannot be read or has a malformed line
 */
import { availableParallelism } from 'node:os';
import type { SourceText } from '../core/types';
import { LibraryFormatError } from '../library/format';
import type { PackIndex } from '../packs/match';
import type { SpinHint } from '../spin';
import { parseScanArgs, USAGE, UsageError } from './args';
import { extractInput, type ExtractReply, type ExtractTask } from './extract-input';
import { ExtractPool } from './extract-pool';
import { readInputBytes, type ScanInput } from './inputs';
import { LibraryFileError, loadScanLibrary, type ScanLibrary } from './library';
import { loadScanPacks, PackFileError } from './pack-library';
import { inputPath, invocationDir } from './paths';
import { formatJsonLine, formatReadableReport, type ScanResult } from './report';

export interface ScanIO {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export interface ScanOptions {
  /** Extraction worker threads; default one per core, none for fewer than MIN_INPUTS_FOR_WORKERS inputs. */
  workers?: number;
  /** Folder that relative paths are read from (default: invocationDir(), INIT_CWD under npm). */
  baseDir?: string;
}

export const EXIT_OK = 0;
export const EXIT_UNREADABLE_INPUT = 1;
export const EXIT_USAGE_OR_LIBRARY = 2;

/** Below this many inputs, starting worker threads costs more than it saves. */
const MIN_INPUTS_FOR_WORKERS = 4;
/** Inputs extracted ahead of the one being matched, per worker: keeps the workers busy, memory bounded. */
const AHEAD_PER_WORKER = 8;

async function matchPage(input: string, page: ScanInput, spin: SpinHint, library: ScanLibrary, packs: PackIndex): Promise<ScanResult> {
  // Texts read back for this input's candidates: the matches' titles come from them.
  const loaded = new Map<string, SourceText>();
  const load = async (id: string) => {
    const article = await library.article(id);
    if (article) loaded.set(id, article);
    return article;
  };
  const matches =
    page.text.length === 0 ? [] : await library.engine.match({ id: input, title: page.title, text: page.text, publishedAt: page.publishedAt }, load);
  const titles = new Map(matches.map((match) => [match.id, loaded.get(match.id)?.title]));
  // An article also in the library is reported from the library (with passages and swaps), not again from a pack.
  const inLibrary = (_pack: string, entry: { id: string; url?: string }) => library.has(entry.id) || (entry.url !== undefined && library.urls.has(entry.url));
  const packMatches = packs.size === 0 || page.text.length === 0 ? [] : packs.matchText(page.text, inLibrary);
  return { input, title: page.title, matches, titles, packMatches, spin };
}

async function scanReply(input: string, reply: ExtractReply, library: ScanLibrary, packs: PackIndex): Promise<ScanResult> {
  if ('error' in reply) return { input, title: '', matches: [], titles: new Map(), error: reply.error };
  try {
    return await matchPage(input, reply.page, reply.spin, library, packs);
  } catch (error) {
    const reason = error instanceof LibraryFileError ? error.message : `could not be scanned (${error instanceof Error ? error.message : String(error)})`;
    return { input, title: '', matches: [], titles: new Map(), error: reason };
  }
}

function workerCount(inputs: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.min(requested, inputs);
  return inputs < MIN_INPUTS_FOR_WORKERS || availableParallelism() < 2 ? 0 : Math.min(availableParallelism(), inputs);
}

/**
 * Extracts the inputs (in worker threads when there are several) and yields their replies in
 * input order, whatever order the workers finish in, so the output's bytes do not depend on
 * threads. Standard input is read here: workers cannot read it. With workers and no standard
 * input, the first inputs are sent at once, so the workers extract while this thread loads the
 * library; otherwise nothing starts before the first reply is asked for (a library that fails
 * to load must not leave the command waiting for standard input or extracting in this thread).
 */
function extractInOrder(tasks: ExtractTask[], pool: ExtractPool | undefined, workers: number): AsyncGenerator<ExtractReply> {
  const extract = (task: ExtractTask) => (pool ? pool.run(task) : extractInput(task));
  const ahead = pool ? workers * AHEAD_PER_WORKER : 1;
  const replies: Array<Promise<ExtractReply> | undefined> = [];
  const submit = async (index: number) => {
    const task = tasks[index];
    if (task.path === '-') {
      try {
        task.bytes = await readInputBytes(task.input, '-');
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    }
    return extract(task);
  };
  const start = () => {
    for (let index = 0; index < Math.min(ahead, tasks.length); index++) replies[index] = submit(index);
  };
  const eager = pool !== undefined && tasks.every((task) => task.path !== '-');
  if (eager) start();
  return (async function* () {
    if (!eager) start();
    for (let index = 0; index < tasks.length; index++) {
      const reply = await replies[index]!;
      replies[index] = undefined;
      if (index + ahead < tasks.length) replies[index + ahead] = submit(index + ahead);
      yield reply;
    }
  })();
}

/**
 * Runs the scan command on `argv` (without node and the script). Never exits the process; the
 * result is the exit status. Lines go to `io`, in input order.
 */
export async function runScan(argv: readonly string[], io: ScanIO, options: ScanOptions = {}): Promise<number> {
  let args;
  try {
    args = parseScanArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`scan: ${error.message}\n${USAGE}`);
    return EXIT_USAGE_OR_LIBRARY;
  }
  if (args.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }

  const started = performance.now();
  const baseDir = options.baseDir ?? invocationDir();
  const workers = workerCount(args.inputs.length, options.workers);
  // Started first: the workers load their modules and extract the first inputs while this thread loads the library.
  const pool = workers > 0 ? new ExtractPool(workers) : undefined;
  try {
    const tasks = args.inputs.map((input) => ({ input, path: inputPath(input, baseDir) }));
    const replies = extractInOrder(tasks, pool, workers);
    let library: ScanLibrary;
    try {
      library = await loadScanLibrary({ ...args, baseDir, urls: args.packs.length > 0 }, (message) => io.stderr(`scan: warning: ${message}`));
    } catch (error) {
      if (error instanceof LibraryFormatError) io.stderr(`scan: malformed library line: ${error.message}`);
      else if (error instanceof LibraryFileError) io.stderr(`scan: ${error.message}`);
      else throw error;
      return EXIT_USAGE_OR_LIBRARY;
    }
    try {
      return await scanInputs(args, library, replies, { io, workers, baseDir, started });
    } finally {
      await library.close();
    }
  } finally {
    await pool?.close();
  }
}

async function scanInputs(
  args: ReturnType<typeof parseScanArgs>,
  library: ScanLibrary,
  replies: AsyncGenerator<ExtractReply>,
  run: { io: ScanIO; workers: number; baseDir: string; started: number },
): Promise<number> {
  const { io, started } = run;
  let packs: PackIndex;
  try {
    packs = await loadScanPacks(args.packs.map((file) => inputPath(file, run.baseDir)));
  } catch (error) {
    if (!(error instanceof PackFileError)) throw error;
    io.stderr(`scan: ${error.message}`);
    return EXIT_USAGE_OR_LIBRARY;
  }
  if (library.size === 0 && packs.size === 0) io.stderr('scan: warning: the library is empty: nothing can match');
  if (packs.size > 0) io.stderr(`scan: ${packs.size} pack entries from ${args.packs.length} pack(s) indexed`);
  io.stderr(`scan: library of ${library.size} articles indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  let unreadable = 0;
  let index = 0;
  for await (const reply of replies) {
    const input = args.inputs[index++];
    const result = await scanReply(input, reply, library, packs);
    if (result.error) {
      unreadable++;
      io.stderr(`scan: ${input}: ${result.error}`);
    }
    io.stdout(args.json ? formatJsonLine(result) : `${formatReadableReport(result)}\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // maxRSS counts every thread of the process, in KiB: the figure bench:scan-memory reads.
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  io.stderr(
    `scan: ${args.inputs.length} input(s) in ${seconds} s${run.workers > 0 ? ` (${run.workers} extraction threads)` : ''}; peak memory ${peakMb} MB` +
      `${unreadable > 0 ? `; ${unreadable} could not be read` : ''}`,
  );
  return unreadable > 0 ? EXIT_UNREADABLE_INPUT : EXIT_OK;
}
