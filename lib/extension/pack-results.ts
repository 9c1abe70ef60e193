/**
 * Pack matches beside the library's for one page. An article both in a pack and in the library
 * is shown once, from the library (which has its text: passages, swaps): a pack entry is left
 * out when a library match has its id or its address, or when the library holds an entry with
 * its id. An entry published at the page's own address (or its canonical one) is the page
 * itself, not a copy of it.
 */
import type { MatchView } from '../protocol';
import type { PackMatchView } from '../packs/messages';
import type { PackService } from './pack-service';

export interface PackMatchContext {
  text: string;
  /** The page's address and its canonical one. */
  addresses: readonly string[];
  libraryMatches: readonly MatchView[];
  /** Whether the library holds an entry with this id. */
  inLibrary(id: string): Promise<boolean>;
}

export async function packMatchesFor(packs: PackService, page: PackMatchContext): Promise<PackMatchView[]> {
  const urls = new Set<string>(page.addresses);
  const ids = new Set<string>();
  for (const match of page.libraryMatches) {
    ids.add(match.entry.id);
    if (match.entry.url) urls.add(match.entry.url);
  }
  const found = await packs.match(page.text, (labels) => ids.has(labels.id) || (labels.url !== undefined && urls.has(labels.url)));
  const shown: PackMatchView[] = [];
  for (const match of found) {
    if (await page.inLibrary(match.id)) continue;
    const { id, pack, slot, title, url, source, publishedAt, kind, coverage, sourceCoverage, score, direction } = match;
    shown.push({ id, pack, slot, title, url, source, publishedAt, kind, coverage, sourceCoverage, score, direction });
  }
  return shown;
}
