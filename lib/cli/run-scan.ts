/**
 * The scan command's body: parse arguments, load and index the library once, then read,
 * extract and match every input in turn. Returns the exit status instead of exiting, so
 * tests can run it in-process.
 *   0  every input was read (whether or not anything matched)
 *   1  at least one input could not be read or scanned (each still gets its line, with an "error" field)
 *   2  bad arguments, or a library that cannot be read or has a malformed line
 */
import { LibraryFormatError } from '../library/format';
import { parseScanArgs, USAGE, UsageError } from './args';
import { InputError, readScanInput } from './inputs';
import { LibraryFileError, loadScanLibrary, type ScanLibrary } from './library';
import { detectSpin } from '../spin';
import { loadScanPacks, PackFileError } from './pack-library';
import { formatJsonLine, formatReadableReport, type ScanResult } from './report';
import type { PackIndex } from '../packs/match';

export interface ScanIO {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_UNREADABLE_INPUT = 1;
export const EXIT_USAGE_OR_LIBRARY = 2;

async function scanOne(input: string, library: ScanLibrary, packs: PackIndex): Promise<ScanResult> {
  const titles = new Map<string, string | undefined>();
  const page = await readScanInput(input);
  const matches =
    page.text.length === 0
      ? []
      : await library.engine.match({ id: input, title: page.title, text: page.text, publishedAt: page.publishedAt }, (id) => library.articles.get(id));
  for (const match of matches) titles.set(match.id, library.articles.get(match.id)?.title);
  // An article also in the library is reported from the library (with passages and swaps), not again from a pack.
  const inLibrary = (_pack: string, entry: { id: string; url?: string }) => library.articles.has(entry.id) || (entry.url !== undefined && library.urls.has(entry.url));
  const packMatches = packs.size === 0 || page.text.length === 0 ? [] : packs.matchText(page.text, inLibrary);
  return { input, title: page.title, matches, titles, packMatches, spin: detectSpin(page.text) };
}

export async function runScan(argv: readonly string[], io: ScanIO): Promise<number> {
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
  let library: ScanLibrary;
  try {
    library = await loadScanLibrary(args, (message) => io.stderr(`scan: warning: ${message}`));
  } catch (error) {
    if (error instanceof LibraryFormatError) io.stderr(`scan: malformed library line: ${error.message}`);
    else if (error instanceof LibraryFileError) io.stderr(`scan: ${error.message}`);
    else throw error;
    return EXIT_USAGE_OR_LIBRARY;
  }
  let packs: PackIndex;
  try {
    packs = await loadScanPacks(args.packs);
  } catch (error) {
    if (!(error instanceof PackFileError)) throw error;
    io.stderr(`scan: ${error.message}`);
    return EXIT_USAGE_OR_LIBRARY;
  }
  if (library.articles.size === 0 && packs.size === 0) io.stderr('scan: warning: the library is empty: nothing can match');
  if (packs.size > 0) io.stderr(`scan: ${packs.size} pack entries from ${args.packs.length} pack(s) indexed`);
  io.stderr(`scan: library of ${library.articles.size} articles indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  let unreadable = 0;
  for (const input of args.inputs) {
    let result: ScanResult;
    try {
      result = await scanOne(input, library, packs);
    } catch (error) {
      // One bad input must not cost the others their results: report it and go on.
      const reason = error instanceof InputError ? error.reason : `could not be scanned (${error instanceof Error ? error.message : String(error)})`;
      unreadable++;
      io.stderr(`scan: ${input}: ${reason}`);
      result = { input, title: '', matches: [], titles: new Map(), error: reason };
    }
    io.stdout(args.json ? formatJsonLine(result) : `${formatReadableReport(result)}\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stderr(`scan: ${args.inputs.length} input(s) in ${seconds} s${unreadable > 0 ? `; ${unreadable} could not be read` : ''}`);
  return unreadable > 0 ? EXIT_UNREADABLE_INPUT : EXIT_OK;
}
