/**
 * Pack entries as match candidates, like library articles, with their labels in memory (the
 * scan command, tests, benchmarks): an EntryIndex (entry-index.ts) plus each row's pack name and
 * labels. Entries of several packs live side by side; a match names its pack. The extension
 * keeps entries, labels and postings in IndexedDB instead and gives the same matches
 * (lib/packs/live-packs.ts, disk-match.ts).
 */
import type { Match } from '../core/types';
import { articleKeys, entrySource, type ArticleKeys, type PackEntry } from './entry';
import { EntryIndex } from './entry-index';
import type { PackEstimate } from './estimate';
import { PACK_MATCH, type PackMatchTuning } from './tuning';

/** Kind, score, shares, direction and reason mean what they mean for a library match (lib/core/types). */
export interface PackMatch extends Pick<Match, 'kind' | 'score' | 'coverage' | 'sourceCoverage' | 'direction' | 'reason'> {
  /** The entry's id in its pack. */
  id: string;
  /** The pack's name (its header's `name`). */
  pack: string;
  title?: string;
  url?: string;
  /** The site: the URL's host. */
  source?: string;
  publishedAt?: string;
}

/** The labels of an entry (what a match names) and its pack. */
export type EntryLabels = Pick<PackEntry, 'id' | 'title' | 'url' | 'publishedAt'>;

/** A match from an entry's labels and the estimate. */
export function packMatchOf(pack: string, entry: EntryLabels, estimate: PackEstimate): PackMatch {
  const source = entrySource(entry);
  return {
    id: entry.id,
    pack,
    ...(entry.title ? { title: entry.title } : {}),
    ...(entry.url ? { url: entry.url } : {}),
    ...(source ? { source } : {}),
    ...(entry.publishedAt ? { publishedAt: entry.publishedAt } : {}),
    ...estimate,
    direction: 'copies',
  };
}

interface Held {
  pack: string;
  entry: EntryLabels;
}

export class PackIndex {
  private readonly rows: EntryIndex;
  private readonly held: Held[] = [];

  constructor(tuning: PackMatchTuning = PACK_MATCH) {
    this.rows = new EntryIndex(tuning);
  }

  get size(): number {
    return this.held.length;
  }

  /** Adds one entry of pack `pack`. Entries are never removed one by one: a pack goes as a whole (new index). */
  add(pack: string, entry: PackEntry): void {
    this.rows.add(entry);
    const { id, title, url, publishedAt } = entry;
    this.held.push({ pack, entry: { id, title, url, publishedAt } });
  }

  /**
   * Pack entries the page reuses, best first. `keys`: the page's keys (articleKeys of its text).
   * `skip(pack, entry)`: entries to leave out (e.g. also in the library, which reports them itself).
   */
  match(keys: ArticleKeys, skip?: (pack: string, entry: EntryLabels) => boolean): PackMatch[] {
    const skipRow = skip ? (row: number) => skip(this.held[row].pack, this.held[row].entry) : undefined;
    return this.rows.match(keys, skipRow).map(({ row, estimate }) => packMatchOf(this.held[row].pack, this.held[row].entry, estimate));
  }

  /** `match` from a page's text. */
  matchText(text: string, skip?: (pack: string, entry: EntryLabels) => boolean): PackMatch[] {
    return this.match(articleKeys(text), skip);
  }
}
