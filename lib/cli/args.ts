/**
 * Command-line arguments of the scan command (../shared/docs/SCAN-CONTRACT.md):
 *   [--library FILE.ndjson]... [--pack FILE.pack]... [--no-seed] [--json] INPUT...
 */

export interface ScanArgs {
  /** Library files, in the order given (may repeat). */
  libraries: string[];
  /** Fingerprint packs (lib/packs), in the order given. */
  packs: string[];
  /** Whether the embedded seed corpus is part of the library. */
  seed: boolean;
  /** One JSON line per input instead of the readable report. */
  json: boolean;
  /** Inputs exactly as given: paths, or `-` for standard input. */
  inputs: string[];
  help: boolean;
}

/** Bad arguments: the message says what is wrong; the caller adds the usage line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = 'Usage: npm run --silent scan -- [--library FILE.ndjson]... [--pack FILE.pack]... [--no-seed] [--json] INPUT...\n' +
  '  INPUT: a .html/.htm page, a .txt file (first line the headline), or - for text on standard input.';

/** Parses argv (without node and the script). `--` ends the options; `--library=FILE` works too. */
export function parseScanArgs(argv: readonly string[]): ScanArgs {
  const args: ScanArgs = { libraries: [], packs: [], seed: true, json: false, inputs: [], help: false };
  let optionsEnded = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      args.inputs.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--json') {
      args.json = true;
    } else if (arg === '--no-seed') {
      args.seed = false;
    } else if (arg === '-h' || arg === '--help') {
      args.help = true;
    } else if (arg === '--library') {
      const file = argv[index + 1];
      if (file === undefined || file.length === 0) throw new UsageError('--library needs a file name');
      args.libraries.push(file);
      index++;
    } else if (arg === '--pack' || arg.startsWith('--pack=')) {
      const file = arg === '--pack' ? argv[++index] : arg.slice('--pack='.length);
      if (file === undefined || file.length === 0) throw new UsageError('--pack needs a file name');
      args.packs.push(file);
    } else if (arg.startsWith('--library=')) {
      const file = arg.slice('--library='.length);
      if (file.length === 0) throw new UsageError('--library needs a file name');
      args.libraries.push(file);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (!args.help && args.inputs.length === 0) throw new UsageError('no INPUT given');
  if (args.inputs.filter((input) => input === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  return args;
}
