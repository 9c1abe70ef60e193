/**
 * Library candidates whose text was dropped (text-drop.ts), judged from their kept keys as a
 * fingerprint pack's entries are (lib/packs/estimate.ts): kind and estimated shares, reported
 * as a library match marked `textDropped`, with no passages and no swapped words.
 */
import { compareDates } from '../core/direction';
import type { SourceText } from '../core/types';
import { articleKeys } from '../packs/entry';
import { pageKeysOf } from '../packs/estimate';
import type { MatchView } from '../protocol';
import type { LibraryDb } from './db';
import { estimateFromKeptKeys, keptKeysCurrent } from './kept-keys';
import type { LibraryEntry } from './types';

/**
 * Matches of `page` among `entries` (candidates the engine found whose text is gone), best
 * first. An entry whose keys are missing or from another engine version cannot be judged and
 * is left out. Direction: the page copies the entry unless its date says it came first (the
 * swapped words that decide a spun pair's direction need both texts).
 */
export async function matchKeptKeys(db: LibraryDb, page: SourceText, entries: readonly LibraryEntry[]): Promise<MatchView[]> {
  if (entries.length === 0) return [];
  const tx = db.transaction('entries');
  const stored = await Promise.all(entries.map((entry) => tx.store.get(entry.id)));
  const keys = pageKeysOf(articleKeys(page.text));
  const views: MatchView[] = [];
  entries.forEach((entry, i) => {
    const kept = stored[i]?.keys;
    if (!keptKeysCurrent(kept)) return;
    const estimate = estimateFromKeptKeys(kept, keys);
    if (!estimate) return;
    const { id, title, source, url, publishedAt, origin } = entry;
    views.push({
      id,
      ...estimate,
      direction: compareDates(page.publishedAt, publishedAt) < 0 ? 'copied-by' : 'copies',
      substitutions: [],
      passages: [],
      entry: { id, title, source, url, publishedAt, origin },
      textDropped: true,
    });
  });
  return views.sort((a, b) => b.score - a.score);
}
