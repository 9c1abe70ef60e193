/**
 * The packs of one scan call (`--pack FILE`, repeatable): each read whole and checked before any
 * of its entries is used, then indexed for matching (lib/packs/match). A bad pack stops the call.
 */
import { PackFormatError } from '../packs/bytes';
import { PackIndex } from '../packs/match';
import type { PackEntry } from '../packs/entry';
import { fileErrorReason } from './file-error';
import { readPackFile } from './pack-files';

/** A pack file that cannot be used: missing, unreadable, or failing the format's checks. */
export class PackFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`cannot use pack ${file}: ${reason}`);
    this.name = 'PackFileError';
  }
}

/** Reads every pack, then indexes them all; the match names each entry's pack by its header's name. */
export async function loadScanPacks(files: readonly string[]): Promise<PackIndex> {
  const index = new PackIndex();
  for (const file of files) {
    const entries: PackEntry[] = [];
    let name: string;
    try {
      const pack = await readPackFile(file);
      if (pack.header.kind !== 'pack') throw new PackFormatError('this is a pack update, not a pack: apply it first (npm run pack -- apply)');
      name = pack.header.name;
      for await (const record of pack.records) if (record.op === 'put') entries.push(record.entry);
    } catch (error) {
      throw new PackFileError(file, error instanceof PackFormatError ? error.message : fileErrorReason(error));
    }
    for (const entry of entries) index.add(name, entry);
  }
  return index;
}
