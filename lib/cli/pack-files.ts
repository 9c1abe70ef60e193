/**
 * Pack files on disk for the pack command: read as a stream (a pack larger than memory is
 * fine), written through a temporary body file so the header, which holds the body's length and
 * checksum, can come first; the output appears under its name only when complete (rename).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { encodeHeader, type PackHeader } from '../packs/header';
import { openPack, type OpenedPack } from '../packs/reader';
import { PackBodyWriter, type BodySummary } from '../packs/writer';

/** Opens a pack or update file; throws PackFormatError (bad pack) or a file system error. */
export function readPackFile(path: string, checkEngine = true): Promise<OpenedPack> {
  return openPack(createReadStream(path, { highWaterMark: 1 << 20 }), checkEngine);
}

/**
 * Writes `path` atomically: `fill` puts entries into the body writer, `header` turns the body's
 * summary into the header. On any error nothing is left behind.
 */
export async function writePackFile(
  path: string,
  fill: (body: PackBodyWriter) => Promise<void>,
  header: (summary: BodySummary) => PackHeader,
  update = false,
): Promise<PackHeader> {
  const bodyPath = `${path}.body.tmp`;
  const partPath = `${path}.tmp`;
  const fd = openSync(bodyPath, 'w');
  try {
    const body = new PackBodyWriter((chunk) => writeSync(fd, chunk), update);
    await fill(body);
    const finished = header(body.finish());
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
