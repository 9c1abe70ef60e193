/**
 * `npm run --silent pack -- build|merge|diff|apply|inspect ...`: the pack builder. Returns the
 * exit status (0 done, 1 bad input: a malformed line or a bad pack, 2 bad arguments).
 */
import { PackFormatError, PackMisfitError } from '../packs/bytes';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type PackHeader } from '../packs/header';
import { packFingerprintParameters } from '../packs/entry';
import { applyUpdate, diffPacks, mergePacks, type UpdateCounts } from '../packs/merge';
import { packHeader, type PackMeta } from '../packs/pack';
import { appliedHeader, checkUpdateFits, updateHeader } from '../packs/update';
import { buildPack, BuildInputError } from './pack-build';
import { readNamedPackFile, writePackFile } from './pack-files';
import { fileErrorReason } from './file-error';
import { inputPath } from './paths';

export const PACK_USAGE = `Usage:
  npm run --silent pack -- build --out FILE.pack [--name NAME] [--description TEXT] [--created ISO-DATE] [--workers N] [--run-entries N] INPUT.ndjson... (or - for standard input)
  npm run --silent pack -- merge --out FILE.pack [--name NAME] [--description TEXT] [--created ISO-DATE] PACK...
  npm run --silent pack -- diff --out UPDATE.pack OLD.pack NEW.pack
  npm run --silent pack -- apply --out NEW.pack OLD.pack UPDATE.pack
  npm run --silent pack -- inspect PACK`;

interface PackArgs {
  command: string;
  out?: string;
  name?: string;
  description?: string;
  created?: string;
  workers?: number;
  runEntries?: number;
  files: string[];
}

class PackUsageError extends Error {}

function parseArgs(argv: readonly string[]): PackArgs {
  const [command, ...rest] = argv;
  if (!command || !['build', 'merge', 'diff', 'apply', 'inspect'].includes(command)) throw new PackUsageError(command ? `unknown command ${command}` : 'no command given');
  const args: PackArgs = { command, files: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined || next.length === 0) throw new PackUsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--out') args.out = value();
    else if (arg === '--name') args.name = value();
    else if (arg === '--description') args.description = value();
    else if (arg === '--created') args.created = value();
    else if (arg === '--workers') args.workers = Number(value());
    else if (arg === '--run-entries') args.runEntries = Number(value());
    else if (arg.startsWith('--')) throw new PackUsageError(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  // npm runs the script in the package's folder: relative names are the user's folder's.
  args.files = args.files.map((file) => inputPath(file));
  if (args.out !== undefined) args.out = inputPath(args.out);
  if (args.created !== undefined && Number.isNaN(Date.parse(args.created))) throw new PackUsageError('--created needs an ISO 8601 date');
  if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1 || args.workers > 64)) throw new PackUsageError('--workers needs a number from 1 to 64');
  if (args.runEntries !== undefined && (!Number.isInteger(args.runEntries) || args.runEntries < 1)) throw new PackUsageError('--run-entries needs a positive whole number');
  if (command !== 'inspect' && !args.out) throw new PackUsageError(`${command} needs --out FILE`);
  const needed = { build: 0, merge: 1, diff: 2, apply: 2, inspect: 1 }[command]!;
  if (args.files.length < needed || ((command === 'diff' || command === 'apply' || command === 'inspect') && args.files.length !== needed)) {
    throw new PackUsageError(`${command} takes ${command === 'merge' ? 'one or more packs' : `${needed} file(s)`}`);
  }
  return args;
}

function metaOf(args: PackArgs, fallback?: PackHeader): PackMeta {
  return {
    name: args.name ?? fallback?.name ?? 'Unnamed pack',
    description: args.description ?? fallback?.description ?? '',
    createdAt: args.created ?? new Date().toISOString(),
  };
}

/** Lines `inspect` prints: the header's fields, then what reading the whole body found. */
function describe(header: PackHeader): string[] {
  const { fingerprint, ...rest } = header;
  return [...Object.entries(rest).map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`), `fingerprint: ${JSON.stringify(fingerprint)}`];
}

/** Opens packs that must be full packs (not updates). */
async function readPacks(files: readonly string[]) {
  const packs = await Promise.all(files.map((file) => readNamedPackFile(file)));
  packs.forEach((pack, i) => {
    if (pack.header.kind !== 'pack') throw new PackFormatError(`${files[i]} is a pack update, not a pack: apply it to its pack first`);
  });
  return packs;
}

async function run(args: PackArgs, io: { stdout: (line: string) => void; stderr: (line: string) => void }): Promise<void> {
  const out = args.out!;
  if (args.command === 'build') {
    const { header, linesRead } = await buildPack(args.files.length > 0 ? args.files : ['-'], out, metaOf(args), args.workers, args.runEntries);
    io.stderr(`pack: ${out}: ${header.articles} articles, ${header.bodyBytes} bytes of entries`);
    const repeated = linesRead - header.articles;
    if (repeated > 0) io.stderr(`pack: warning: ${repeated} ${repeated === 1 ? 'line repeats an id' : 'lines repeat ids'} of earlier lines; for each id the last line was kept`);
  } else if (args.command === 'merge') {
    const packs = await readPacks(args.files);
    const header = await writePackFile(out, (body) => mergePacks(packs.map((pack) => pack.records), body), (summary) => packHeader(metaOf(args, packs[0].header), summary));
    io.stderr(`pack: ${out}: ${header.articles} articles from ${packs.length} packs`);
  } else if (args.command === 'diff') {
    const [old, next] = await readPacks(args.files);
    const header = await writePackFile(out, (body) => diffPacks(old.records, next.records, body), (summary) => updateHeader(old.header, next.header, summary), { update: true });
    io.stderr(`pack: ${out}: update with ${header.articles} entries added or changed, ${header.removed} removed`);
  } else if (args.command === 'apply') {
    const [[old], update] = await Promise.all([readPacks(args.files.slice(0, 1)), readNamedPackFile(args.files[1])]);
    // A misfit is found before any entry is read (checkUpdateFits) or on the way (a removal of
    // an id the pack lacks, a result that is not the promised pack): either way both files are named.
    const named = (error: unknown) => (error instanceof PackMisfitError ? new PackFormatError(`${args.files[1]} does not fit ${args.files[0]}: ${error.message}`) : error);
    let counts: UpdateCounts | undefined;
    const header = await writePackFile(
      out,
      async (body) => {
        checkUpdateFits(update.header, old.header);
        counts = await applyUpdate(old.records, update.records, (entry) => body.put(entry));
      },
      (summary) => appliedHeader(update.header, summary),
    ).catch((error: unknown) => {
      throw named(error);
    });
    io.stderr(`pack: ${out}: ${header.articles} articles (${counts!.added} added, ${counts!.changed} changed, ${counts!.removed} removed)`);
  } else {
    const pack = await readNamedPackFile(args.files[0], false);
    const ours = packFingerprintParameters();
    let puts = 0;
    let removals = 0;
    // Read the whole body first: a pack that fails its checks prints only the error.
    for await (const record of pack.records) record.op === 'put' ? puts++ : removals++;
    for (const line of describe(pack.header)) io.stdout(line);
    io.stdout(`read: ${puts} entries${pack.header.kind === 'update' ? `, ${removals} removals` : ''}; length and checksum verified (format ${PACK_FORMAT} ${PACK_FORMAT_VERSION})`);
    if (pack.header.fingerprint.indexVersion !== ours.indexVersion) io.stdout(`note: built with fingerprint version ${pack.header.fingerprint.indexVersion}; this engine uses ${ours.indexVersion}: it cannot be matched until rebuilt`);
  }
}

export async function runPack(argv: readonly string[], io: { stdout: (line: string) => void; stderr: (line: string) => void }): Promise<number> {
  // Asked for, the usage is the answer (stdout, success), whatever else the line holds.
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(PACK_USAGE);
    return 0;
  }
  let args: PackArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof PackUsageError)) throw error;
    io.stderr(`pack: ${error.message}\n${PACK_USAGE}`);
    return 2;
  }
  try {
    await run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof BuildInputError) io.stderr(`pack: malformed line: ${error.message}`);
    else if (error instanceof PackFormatError) io.stderr(`pack: ${error.message}`);
    else if ((error as NodeJS.ErrnoException).code) io.stderr(`pack: ${(error as NodeJS.ErrnoException).path ?? ''}: ${fileErrorReason(error)}`);
    else throw error;
    return 1;
  }
}
