/**
 * Pack updates (diffs) as both the command line and the extension use them: the header of an
 * update made from two packs, the checks that an update fits the pack it is applied to, and the
 * header of the pack an applied update gives, checked against what the update promised. The
 * entry-by-entry walk is merge.ts's `diffPacks` / `applyUpdate`.
 */
import { PackMisfitError } from './bytes';
import { checksumLabel, encodeHeader, type PackHeader } from './header';
import { diffPacks } from './merge';
import { concat, packHeader } from './pack';
import { openPack } from './reader';
import { PackBodyWriter, type BodySummary } from './writer';

/** The header of the update turning pack `old` into pack `next`, whose body `summary` describes. */
export function updateHeader(old: PackHeader, next: PackHeader, summary: BodySummary): PackHeader {
  return {
    ...packHeader(next, { articles: 0, removed: 0, bodyBytes: 0, crc: 0 }),
    checksum: next.checksum,
    kind: 'update',
    articles: summary.articles,
    removed: summary.removed,
    base: { checksum: old.checksum, articles: old.articles },
    targetArticles: next.articles,
    bodyBytes: summary.bodyBytes,
    updateChecksum: checksumLabel(summary.crc),
  };
}

/**
 * Throws a PackMisfitError (a PackFormatError), in plain words, unless `update` is an update made for the pack
 * `base` (its checksum and article count). Checked before any entry is read: an update made
 * from another pack is refused at once.
 */
export function checkUpdateFits(update: PackHeader, base: { checksum: string; articles: number }): void {
  if (update.kind !== 'update') throw new PackMisfitError('this is a whole pack, not an update (a diff)');
  if (update.base!.checksum !== base.checksum || update.base!.articles !== base.articles) {
    throw new PackMisfitError(
      `the update was made for another version of the pack (${update.base!.checksum}, ${update.base!.articles} articles), not for this one (${base.checksum}, ${base.articles} articles)`,
    );
  }
}

/**
 * The header of the pack that applying `update` gave, whose body (encoded by PackBodyWriter at
 * its default level) `summary` describes. Throws a PackMisfitError when it is not the pack the
 * update promised (another article count or checksum): the update or the pack it was applied
 * to is not what its header says.
 */
export function appliedHeader(update: PackHeader, summary: BodySummary): PackHeader {
  const { name, description, createdAt } = update;
  const header = packHeader({ name, description, createdAt }, summary);
  if (header.articles !== update.targetArticles || header.checksum !== update.checksum) {
    throw new PackMisfitError(
      `the updated pack is not the one the update promised (${header.articles} articles with checksum ${header.checksum}, expected ${update.targetArticles} with ${update.checksum})`,
    );
  }
  return header;
}

/** The update turning pack `old` into pack `next`, both whole in memory (tests, small packs); throws PackFormatError on a bad pack. */
export async function encodeUpdate(old: Uint8Array, next: Uint8Array): Promise<Uint8Array> {
  const [before, after] = await Promise.all([openPack([old]), openPack([next])]);
  const chunks: Uint8Array[] = [];
  const body = new PackBodyWriter((chunk) => chunks.push(chunk), true);
  await diffPacks(before.records, after.records, body);
  return concat([encodeHeader(updateHeader(before.header, after.header, body.finish())), ...chunks]);
}
