/**
 * One pack's update check, in the background (on the user's request or the schedule they
 * turned on). For a pack added from an address:
 * 1. the update from the installed copy, if the publisher serves one (diffAddress): applied to
 *    the installed pack in the store (store-update.ts), atomically; a diff that does not apply
 *    (made from another pack, corrupt, not giving the promised pack) is reported and dropped;
 * 2. otherwise, or when the diff did not apply, the whole pack at its address, as when it was
 *    added: with the validators of the copy installed (a 304 costs nothing), and read only
 *    as far as its header when that announces the checksum installed (the copy a diff gave)
 *    or a pack its publisher made before the installed one (a diff to a new version can be
 *    online before the new version replaces the old file: that is no update).
 */
import { PackFormatError } from '../packs/bytes';
import type { PackHeader } from '../packs/header';
import type { PackUpdateReport } from '../packs/messages';
import { peekHeader } from '../packs/reader';
import { importPack, markChecked } from '../packs/store';
import type { InstalledPack, PacksDb } from '../packs/store-db';
import { applyStoredUpdate } from '../packs/store-update';
import { diffAddress, download, downloadDiff } from './pack-download';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Is the ISO date `a` before `b`? */
function isOlder(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

/** Does the update `header` (fitting `pack` or not) give the pack installed, i.e. the same body? */
function givesInstalled(header: PackHeader, pack: InstalledPack): boolean {
  return header.kind === 'update' && header.checksum === pack.checksum && header.targetArticles === pack.articles && header.base?.checksum === pack.checksum;
}

/** Checks `pack` for an update and installs it; never throws (a failure is the report's `error`). */
export async function checkPackUpdate(db: PacksDb, pack: InstalledPack, fetchImpl: typeof fetch): Promise<PackUpdateReport> {
  const report = { slot: pack.slot, name: pack.name };
  const origin = pack.origin;
  if (origin.kind !== 'url') return { ...report, outcome: 'not-updatable' };
  const url = new URL(origin.url);
  let diffError: string | undefined;
  const diffUrl = diffAddress(url, pack.checksum);
  let diff: AsyncGenerator<Uint8Array> | undefined;
  try {
    diff = await downloadDiff(diffUrl, fetchImpl);
    if (diff) {
      const peeked = await peekHeader(diff);
      if (givesInstalled(peeked.header, pack)) {
        // A release with the same entries (a new date only) keeps the checksum, so its diff
        // sits at this same address and every check finds it: nothing to apply.
        await markChecked(db, pack.slot, Date.now());
        return { ...report, outcome: 'unchanged' };
      }
      // The validators described the old whole pack: the next check learns the new ones.
      const { counts } = await applyStoredUpdate(db, pack.slot, peeked.chunks, { origin: { kind: 'url', url: origin.url } });
      return { ...report, outcome: 'updated', diff: counts };
    }
  } catch (error) {
    diffError = error instanceof PackFormatError ? `${diffUrl.href}: ${error.message}` : reason(error);
  } finally {
    // A diff left before its end (refused, or nothing to apply) stops downloading.
    await diff?.return(undefined);
  }
  const withDiffError = diffError === undefined ? {} : { diffError };
  try {
    const fetched = await download(url, { known: origin }, fetchImpl);
    if (fetched.unchanged) {
      await markChecked(db, pack.slot, Date.now());
      return { ...report, outcome: 'unchanged', ...withDiffError };
    }
    const peeked = await peekHeader(fetched.chunks);
    if (peeked.header.kind === 'pack' && (peeked.header.checksum === pack.checksum || isOlder(peeked.header.createdAt, pack.createdAt))) {
      await peeked.close();
      await markChecked(db, pack.slot, Date.now(), fetched.origin);
      return { ...report, outcome: 'unchanged', ...withDiffError };
    }
    await importPack(db, peeked.chunks, { origin: fetched.origin, replace: pack.slot });
    return { ...report, outcome: 'updated', ...withDiffError };
  } catch (error) {
    const message = error instanceof PackFormatError ? `${url.href}: ${error.message}` : reason(error);
    return { ...report, outcome: 'failed', error: message, ...withDiffError };
  }
}
