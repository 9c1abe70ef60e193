/**
 * Pack files on disk for the pack command: read as a stream (a pack larger than memory is
 * fine), written through a temporary body file so the header, which holds the body's length and
 * checksum, can come first; the output appears under its name only when complete (rename).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { encodeHeader, type PackHeader } from '../packs/header';
import { PackFormatError } from '../packs/bytes';
import { openPack, type OpenedPack } from '../packs/reader';
import { PackBodyWriter, type BodySummary, type DeflateLevel } from '../packs/writer';

/** Opens a pack or update file; throws PackFormatError (bad pack) or a file system error. */
export function readPackFile(path: string, checkEngine = true): Promise<OpenedPack> {
  return openPack(createReadStream(path, { highWaterMark: 1 << 20 }), checkEngine);
}

/**
 * `readPackFile`, with the file's path before the reason of every PackFormatError, from the
 * header or from any entry read later: for commands that name several packs.
 */
export async function readNamedPackFile(path: string, checkEngine = true): Promise<OpenedPack> {
  const named = (error: unknown) => {
    if (error instanceof PackFormatError) return new PackFormatError(`${path}: ${error.message}`);
    // Some file system errors (reading a folder) come without the path.
    if ((error as NodeJS.ErrnoException)?.code && !(error as NodeJS.ErrnoException).path) (error as NodeJS.ErrnoException).path = path;
    return error;
  };
  async function* records(opened: OpenedPack): OpenedPack['records'] {
    try {
      yield* opened.records;
    } catch (error) {
      throw named(error);
    }
  }
  try {
    const opened = await readPackFile(path, checkEngine);
    return { ...opened, records: records(opened) };
  } catch (error) {
    throw named(error);
  }
}

/**
 * Writes `path` atomically: `fill` puts entries into the body writer, `header` turns the body's
 * summary into the header; `update`, `deflateLevel` and `deflate` are the body writer's.
 * On any error nothing is left behind.
 */
export async function writePackFile(
  path: string,
  fill: (body: PackBodyWriter) => Promise<void>,
  header: (summary: BodySummary) => PackHeader,
  { update = false, deflateLevel, deflate }: { update?: boolean; deflateLevel?: DeflateLevel; deflate?: (raw: Uint8Array, level: DeflateLevel) => Promise<Uint8Array> } = {},
): Promise<PackHeader> {
  const bodyPath = `${path}.body.tmp`;
  const partPath = `${path}.tmp`;
  let fd: number;
  try {
    fd = openSync(bodyPath, 'w');
  } catch (error) {
    // Name the file asked for, not our temporary one beside it, and say that it could not be
    // written: "no such file" alone reads as if an input were missing.
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'cannot write the pack: its folder does not exist' : code === 'EACCES' ? 'cannot write the pack: permission denied' : undefined;
    if (why) throw Object.assign(new Error(why), { path, code: 'EPACKWRITE' });
    (error as NodeJS.ErrnoException).path = path;
    throw error;
  }
  try {
    const body = new PackBodyWriter((chunk) => writeSync(fd, chunk), update, deflateLevel, deflate);
    await fill(body);
    const finished = header(await body.close());
    closeSync(fd);
    const out = createWriteStream(partPath);
    out.write(encodeHeader(finished));
    await pipeline(createReadStream(bodyPath), out);
    renameSync(partPath, path);
    return finished;
  } catch (error) {
    rmSync(partPath, { force: true });
    throw error;
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Already closed on success.
    }
    rmSync(bodyPath, { force: true });
  }
}
