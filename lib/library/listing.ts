/**
 * The browse list: one page of entries in a chosen order, filtered by origin, source, date
 * and words, read through indexes with cursors so 100,000 entries cost about what 100 do.
 */
import type { LibraryDb, SortField } from './db';
import { libraryCounts } from './entry-writes';
import { ORIGINS, sortKey, toSummary, type EntryRecord, type EntrySummary } from './records';
import { queryWords } from './search-words';
import type { EntryOrigin } from './types';

export interface ListQuery {
  sort: SortField;
  descending?: boolean;
  origin?: EntryOrigin;
  /** Entries whose source starts with this (case-insensitive). */
  source?: string;
  /** Inclusive bounds on the shown date (published, else added), ISO 8601 prefixes: "2024" or "2024-05-01". */
  dateFrom?: string;
  dateTo?: string;
  /** Words each entry must contain in its title or text (each word also matches as a prefix). */
  words?: string;
  limit: number;
  /** Where the previous page ended (its `next`); absent for the first page. */
  after?: ListCursor;
}

/** The index key of the last entry of a page: the next page starts just past it. */
export type ListCursor = IDBValidKey[];

export interface ListPage {
  items: EntrySummary[];
  /** Absent on the last page. */
  next?: ListCursor;
  /** How many entries match the filters, when that is cheap to know, else null. */
  total: number | null;
}

/**
 * A search word held by at most this many entries is read from the word index as a set of
 * ids, and such a set is sorted in memory. A broader word is checked entry by entry while
 * walking the sort index instead: it is common, so a page fills after a short walk.
 */
const SMALL_MATCH_SET = 2_000;

/** Search words split by cost: ids holding every narrow word (if any), and the broad words
 *  still to check on each entry. */
interface WordFilter {
  candidates?: Set<string>;
  broad: string[];
}

/** `smallMatchSet`: see SMALL_MATCH_SET (tests pass 0 to exercise the index walk). */
export async function listEntries(db: LibraryDb, query: ListQuery, smallMatchSet = SMALL_MATCH_SET): Promise<ListPage> {
  const words = await wordFilter(db, queryWords(query.words ?? ''), smallMatchSet);
  const keep = recordFilter(query);
  if (words.candidates) return listFromSet(db, query, words, keep);

  const indexName = query.origin ? (`origin-${query.sort}` as const) : query.sort;
  const prefix: IDBValidKey[] = query.origin ? [query.origin] : [];
  const tx = db.transaction(['entries', 'words']);
  const index = tx.objectStore('entries').index(indexName);
  const items: EntrySummary[] = [];
  let last: ListCursor | undefined;
  let more = false;
  let cursor = await index.openCursor(cursorRange(prefix, query), query.descending ? 'prev' : 'next');
  while (cursor) {
    if (items.length === query.limit) {
      more = true;
      break;
    }
    const record = cursor.value;
    if (keep(record) && (await hasBroadWords(words.broad, () => tx.objectStore('words').get(record.id)))) {
      items.push(toSummary(record));
      last = cursor.key as ListCursor;
    }
    cursor = await cursor.continue();
  }
  // Totals come from the stored per-origin counts: counting an index walks all of it.
  const countable = words.broad.length === 0 && !query.source && !query.dateFrom && !query.dateTo;
  const counts = countable ? await libraryCounts(db) : undefined;
  const total = counts ? (query.origin ? counts[query.origin] : ORIGINS.reduce((sum, origin) => sum + counts[origin], 0)) : null;
  return { items, next: more ? last : undefined, total };
}

/** The key range of the sort index, starting after `after` in the walking direction. */
function cursorRange(prefix: IDBValidKey[], query: ListQuery): IDBKeyRange | undefined {
  // An array key sorts after every number, date and string: `[]` as the last component
  // bounds "everything with this prefix".
  const lowest = prefix.length ? [...prefix] : undefined;
  const highest = prefix.length ? [...prefix, []] : undefined;
  if (!query.after) return lowest && highest ? IDBKeyRange.bound(lowest, highest) : undefined;
  if (query.descending) {
    return lowest ? IDBKeyRange.bound(lowest, query.after, false, true) : IDBKeyRange.upperBound(query.after, true);
  }
  return highest ? IDBKeyRange.bound(query.after, highest, true, false) : IDBKeyRange.lowerBound(query.after, true);
}

function recordFilter(query: ListQuery): (record: EntryRecord) => boolean {
  const source = query.source ? sortKey(query.source) : '';
  const dateTo = query.dateTo ? `${query.dateTo}\uffff` : undefined;
  return (record) =>
    (!query.origin || record.origin === query.origin) &&
    (!source || record.sourceKey.startsWith(source)) &&
    (!query.dateFrom || record.dateKey >= query.dateFrom) &&
    (!dateTo || record.dateKey <= dateTo);
}

const prefixRange = (word: string) => IDBKeyRange.bound(word, `${word}\uffff`);

async function wordFilter(db: LibraryDb, words: string[], smallMatchSet: number): Promise<WordFilter> {
  if (words.length === 0) return { broad: [] };
  const index = db.transaction('words').store.index('word');
  // At most one more than "small": enough to tell a narrow word from a broad one.
  const hits = await Promise.all(words.map((word) => index.getAllKeys(prefixRange(word), smallMatchSet + 1)));
  const narrow = hits.filter((ids) => ids.length <= smallMatchSet).map((ids) => new Set(ids));
  const broad = words.filter((_, i) => hits[i].length > smallMatchSet);
  if (narrow.length === 0) return { broad };
  narrow.sort((a, b) => a.size - b.size);
  const [smallest, ...others] = narrow;
  return { candidates: new Set([...smallest].filter((id) => others.every((set) => set.has(id)))), broad };
}

async function hasBroadWords(broad: string[], load: () => Promise<{ words: string[] } | undefined>): Promise<boolean> {
  if (broad.length === 0) return true;
  const words = (await load())?.words ?? [];
  return broad.every((query) => words.some((word) => word.startsWith(query)));
}

const SORT_VALUE: Record<SortField, (record: EntryRecord) => string | number> = {
  title: (r) => r.titleKey,
  source: (r) => r.sourceKey,
  date: (r) => r.dateKey,
  size: (r) => r.size,
  added: (r) => r.addedAt,
};

/** The same order and cursor semantics as walking the index, for a small set of ids. */
async function listFromSet(db: LibraryDb, query: ListQuery, words: WordFilter, keep: (record: EntryRecord) => boolean): Promise<ListPage> {
  const tx = db.transaction(['entries', 'words']);
  const ids = [...(words.candidates ?? [])];
  const [records, wordLists] = await Promise.all([
    Promise.all(ids.map((id) => tx.objectStore('entries').get(id))),
    words.broad.length ? Promise.all(ids.map((id) => tx.objectStore('words').get(id))) : [],
  ]);
  const kept: EntryRecord[] = [];
  for (const [i, record] of records.entries()) {
    if (record && keep(record) && (await hasBroadWords(words.broad, async () => wordLists[i]))) kept.push(record);
  }
  const keyOf = (record: EntryRecord): ListCursor =>
    query.origin ? [record.origin, SORT_VALUE[query.sort](record), record.id] : [SORT_VALUE[query.sort](record), record.id];
  const sign = query.descending ? -1 : 1;
  const keyed = kept.map((record) => ({ record, key: keyOf(record) }));
  keyed.sort((a, b) => sign * indexedDB.cmp(a.key, b.key));
  const after = query.after;
  const start = after ? keyed.findIndex(({ key }) => sign * indexedDB.cmp(key, after) > 0) : 0;
  const from = start < 0 ? keyed.length : start;
  const page = keyed.slice(from, from + query.limit);
  const more = from + query.limit < keyed.length;
  return { items: page.map(({ record }) => toSummary(record)), next: more ? page[page.length - 1]?.key : undefined, total: keyed.length };
}
