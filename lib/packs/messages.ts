/**
 * Pack operations the options page asks the background for (part of lib/protocol.ts; extension
 * pages only). Adding a pack is done by the page itself, which holds the file or the download
 * (with progress and cancel) and writes the packs database (store.ts); it then tells the
 * background, which reloads its view of the installed packs from the store.
 */
import type { InstalledPackMatch } from './live-packs';
import type { UpdateCounts } from './merge';
import type { InstalledPack } from './store-db';

/** A pack match as the popup shows it (the entry's labels, the pack, the estimate; never any text). */
export type PackMatchView = Pick<
  InstalledPackMatch,
  'id' | 'pack' | 'slot' | 'title' | 'url' | 'source' | 'publishedAt' | 'kind' | 'coverage' | 'sourceCoverage' | 'score' | 'direction'
>;

/** What an update check found for one pack. */
export interface PackUpdateReport {
  slot: string;
  name: string;
  outcome: 'updated' | 'unchanged' | 'not-updatable' | 'failed';
  /** For `failed`: why, in plain words. */
  error?: string;
  /** For `updated` from the publisher's diff (not the whole pack): what it added, changed and removed. */
  diff?: UpdateCounts;
  /** The publisher offered a diff that could not be used (why, in plain words): the whole pack was checked instead. */
  diffError?: string;
}

export interface PackMessages {
  'packs/list': { request: Record<string, never>; response: InstalledPack[] };
  /** A page added or updated a pack in the store: the background reloads its index. */
  'packs/changed': { request: Record<string, never>; response: { entries: number } };
  'packs/remove': { request: { slot: string }; response: { removed: boolean } };
  /** Re-reads each pack added from an address (all, or `slot` only), replacing those that changed. */
  'packs/check-updates': { request: { slot?: string }; response: PackUpdateReport[] };
}
