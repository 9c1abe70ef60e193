/**
 * Learning while reading: each article the user reads becomes a library entry with origin
 * `learned`, so a later copy of it anywhere names it as the source. Off unless the user turns
 * it on; some sites can be left out; only the newest `cap` learned entries are kept, and no
 * site may hold more than its share of them, so one site (a single-page site rewriting its
 * article over and over, say) can never push out what the reader learned elsewhere.
 */
import { isSiteListed, normalizeSite, type LearningSettings } from '../settings';
import type { LibraryDb } from './db';

/** Shorter texts are teasers or fragments, not articles worth remembering. */
export const MIN_LEARNED_CHARS = 500;
/** Most of the learned entries one site may hold, as a share of the cap (at least one entry). */
export const SITE_SHARE_OF_CAP = 0.2;

export function shouldLearn(url: string, text: string, settings: LearningSettings): boolean {
  if (!settings.enabled || text.trim().length < MIN_LEARNED_CHARS) return false;
  if (!/^https?:/i.test(url)) return false;
  return !isSiteListed(url, settings.excludedSites);
}

/** How many learned entries one site may hold under `cap`. */
export function siteCap(cap: number): number {
  return Math.max(1, Math.floor(cap * SITE_SHARE_OF_CAP));
}

/** Learned records read per request: each carries its text, so memory stays bounded. */
const READ_CHUNK = 200;

/**
 * Ids of the learned entries to delete, oldest first within each site: first every site's
 * entries beyond its share (siteCap), then, while more than `cap` remain, the oldest entry of
 * the site holding the most. Counts the learned entries first: while they are no more than a
 * site's share, nothing can be over; otherwise reads their records (with their texts, since
 * version 5: README, "One record per article") in chunks, keeping only ids and sites.
 */
export async function learnedBeyondCap(db: LibraryDb, cap: number): Promise<string[]> {
  const perSite = siteCap(Math.max(0, cap));
  const learnedRange = IDBKeyRange.bound(['learned'], ['learned', []]);
  const total = await db.countFromIndex('entries', 'origin-added', learnedRange);
  if (total <= Math.min(perSite, cap)) return [];
  // Oldest first (the index's order), grouped by site.
  const bySite = new Map<string, string[]>();
  for (let after: IDBValidKey | undefined; ; ) {
    const index = db.transaction('entries').store.index('origin-added');
    const range = after === undefined ? learnedRange : IDBKeyRange.bound(after, ['learned', []], true);
    const records = await index.getAll(range, READ_CHUNK);
    for (const record of records) {
      const site = normalizeSite(record.url ?? '') || record.source;
      const ids = bySite.get(site) ?? [];
      ids.push(record.id);
      bySite.set(site, ids);
    }
    if (records.length < READ_CHUNK) break;
    const last = records[records.length - 1];
    after = ['learned', last.addedAt, last.id];
  }
  const evicted: string[] = [];
  for (const ids of bySite.values()) evicted.push(...ids.splice(0, Math.max(0, ids.length - perSite)));
  let remaining = [...bySite.values()].reduce((sum, ids) => sum + ids.length, 0);
  while (remaining > Math.max(0, cap)) {
    const largest = [...bySite.values()].reduce((most, ids) => (ids.length > most.length ? ids : most));
    evicted.push(largest.shift()!);
    remaining--;
  }
  return evicted;
}

/** The learned entries added before `before` (ISO 8601), oldest first: what the storage panel
 *  offers to delete to reclaim space. */
export async function learnedAddedBefore(db: LibraryDb, before: string): Promise<string[]> {
  const index = db.transaction('entries').store.index('origin-added');
  return (await index.getAllKeys(IDBKeyRange.bound(['learned'], ['learned', before], false, true))) as string[];
}
