/** The pages that recently matched each library entry, shown when the entry is opened. */
import type { Direction, MatchKind } from '../core/types';
import type { LibraryDb, RecentMatch } from './db';

/** Enough to show a pattern without keeping a browsing history. */
export const RECENT_MATCHES_PER_ENTRY = 20;

export function entryMatchesRange(entryId: string): IDBKeyRange {
  return IDBKeyRange.bound([entryId, -Infinity], [entryId, Infinity]);
}

export async function recordRecentMatches(
  db: LibraryDb,
  page: { url: string; title: string },
  matches: ReadonlyArray<{ id: string; kind: MatchKind; direction: Direction }>,
  at: number = Date.now(),
): Promise<void> {
  const tx = db.transaction(['matches', 'entries'], 'readwrite');
  const store = tx.objectStore('matches');
  for (const { id: entryId, kind, direction } of matches) {
    // A match for an entry deleted meanwhile would be an orphan: skip it.
    if (!(await tx.objectStore('entries').getKey(entryId))) continue;
    const keys = await store.index('entry').getAllKeys(entryMatchesRange(entryId));
    // The same page seen again replaces its older sighting instead of filling the list.
    for (const key of keys) {
      const previous = await store.get(key);
      if (previous?.url === page.url) await store.delete(key);
    }
    await store.add({ entryId, url: page.url, title: page.title, at, kind, direction });
    const all = await store.index('entry').getAllKeys(entryMatchesRange(entryId));
    // Keys come in time order (the index ends with `at`): drop the oldest beyond the limit.
    for (const key of all.slice(0, Math.max(0, all.length - RECENT_MATCHES_PER_ENTRY))) await store.delete(key);
  }
  await tx.done;
}

/** Newest first. */
export async function recentMatches(db: LibraryDb, entryId: string): Promise<RecentMatch[]> {
  const found = await db.getAllFromIndex('matches', 'entry', entryMatchesRange(entryId));
  return found.reverse();
}
