/**
 * Learning while reading: each article the user reads becomes a library entry with origin
 * `learned`, so a later copy of it anywhere names it as the source. Off unless the user turns
 * it on; some sites can be left out; only the newest `cap` learned entries are kept.
 */
import { isSiteListed, type LearningSettings } from '../settings';
import type { LibraryDb } from './db';

/** Shorter texts are teasers or fragments, not articles worth remembering. */
export const MIN_LEARNED_CHARS = 500;

export function shouldLearn(url: string, text: string, settings: LearningSettings): boolean {
  if (!settings.enabled || text.trim().length < MIN_LEARNED_CHARS) return false;
  if (!/^https?:/i.test(url)) return false;
  return !isSiteListed(url, settings.excludedSites);
}

/** Ids of the learned entries beyond the cap, oldest first: the ones to delete. */
export async function learnedBeyondCap(db: LibraryDb, cap: number): Promise<string[]> {
  const index = db.transaction('entries').store.index('origin-added');
  const range = IDBKeyRange.bound(['learned'], ['learned', []]);
  const excess = (await index.count(range)) - Math.max(0, cap);
  if (excess <= 0) return [];
  const ids: string[] = [];
  let cursor = await index.openKeyCursor(range);
  while (cursor && ids.length < excess) {
    ids.push(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  return ids;
}
