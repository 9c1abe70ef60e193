/**
 * The browse list: one page of entries in a chosen order, filtered by origin, source, date
 * and words, read through indexes with cursors so 100,000 entries cost about what 100 do.
 */
import type { IDBPIndex } from 'idb';
import type { LibraryDb, LibrarySchema, SortField } from './db';
import { libraryCounts } from './entry-writes';
import { ORIGINS, toSummary, type EntryRecord, type EntrySummary } from './records';
import { entriesWithWords } from './search-index';
import { foldForSearch, queryWords } from './search-words';
import type { EntryOrigin } from './types';

export interface ListQuery {
  sort: SortField;
  descending?: boolean;
  origin?: EntryOrigin;
  /** Entries whose source contains this anywhere, ignoring case and accents ("guardian" finds "The Guardian"). */
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
 * How a word search is run: the ids holding every word come from the search index
 * (search-index.ts); when at most `small` remain they are sorted in memory, else the sort
 * index is walked keeping those ids (they are many, so a page fills quickly).
 */
export interface SearchLimits {
  small: number;
}
const SEARCH_LIMITS: SearchLimits = { small: 2_000 };

/** `limits`: see SearchLimits (tests lower them to exercise every path). */
export async function listEntries(db: LibraryDb, query: ListQuery, limits: Partial<SearchLimits> = {}): Promise<ListPage> {
  const { small } = { ...SEARCH_LIMITS, ...limits };
  const candidates = await entriesWithWords(db, queryWords(query.words ?? ''));
  const keepRecord = recordFilter(query);
  if (candidates && candidates.size <= small) return listFromSet(db, query, candidates, keepRecord);

  // Each origin's sort index, walked from the previous page's end; a list of all origins
  // merges the walks (five short ones: one index per field serves both kinds of list).
  const origins = query.origin ? [query.origin] : ORIGINS;
  const index = db.transaction('entries').store.index(`origin-${query.sort}`);
  const keep = (record: EntryRecord) => keepRecord(record) && (!candidates || candidates.has(record.id));
  const walks = await Promise.all(origins.map((origin) => walkOrigin(index, origin, query, keep)));
  // A page's key without the origin when the list has every origin: the key's order is then
  // the sort's (value, id).
  const listKey = (key: ListCursor): ListCursor => (query.origin ? key : key.slice(1));
  const sign = query.descending ? -1 : 1;
  const merged = walks.flatMap((walk) => walk.found).sort((a, b) => sign * indexedDB.cmp(listKey(a.key), listKey(b.key)));
  const page = merged.slice(0, query.limit);
  const more = merged.length > query.limit || (page.length === query.limit && walks.some((walk) => walk.more));
  const last = page[page.length - 1];
  return {
    items: page.map(({ record }) => toSummary(record)),
    next: more && last ? listKey(last.key) : undefined,
    total: await cheapTotal(db, query, candidates),
  };
}

type SortIndex = IDBPIndex<LibrarySchema, ['entries'], 'entries', `origin-${SortField}`>;

/** Up to `query.limit` records of one origin that `keep` accepts, in the list's order from
 *  the previous page's end, with their index keys; `more` when the walk stopped early. */
async function walkOrigin(index: SortIndex, origin: EntryOrigin, query: ListQuery, keep: (record: EntryRecord) => boolean) {
  const found: Array<{ record: EntryRecord; key: ListCursor }> = [];
  let more = false;
  let cursor = await index.openCursor(cursorRange(origin, query), query.descending ? 'prev' : 'next');
  while (cursor) {
    if (found.length === query.limit) {
      more = true;
      break;
    }
    if (keep(cursor.value)) found.push({ record: cursor.value, key: cursor.key as ListCursor });
    cursor = await cursor.continue();
  }
  return { found, more };
}

/** The number of matches when it is known without walking: from the stored per-origin counts
 *  (counting an index walks all of it) or the size of the word search's id set. */
async function cheapTotal(db: LibraryDb, query: ListQuery, candidates: Set<string> | undefined): Promise<number | null> {
  if (query.source || query.dateFrom || query.dateTo) return null;
  if (candidates) return query.origin ? null : candidates.size;
  const counts = await libraryCounts(db);
  return query.origin ? counts[query.origin] : ORIGINS.reduce((sum, origin) => sum + counts[origin], 0);
}

/** The key range of `origin` in its sort index, starting after `after` (the previous page's
 *  last key: with the origin for a list of one origin, without it for a list of all) in the
 *  walking direction. */
function cursorRange(origin: EntryOrigin, query: ListQuery): IDBKeyRange {
  // An array key sorts after every number, date and string: `[origin, []]` bounds
  // "everything of this origin".
  const lowest = [origin];
  const highest = [origin, []];
  if (!query.after) return IDBKeyRange.bound(lowest, highest);
  const after = query.origin ? query.after : [origin, ...query.after];
  return query.descending ? IDBKeyRange.bound(lowest, after, false, true) : IDBKeyRange.bound(after, highest, true, false);
}

function recordFilter(query: ListQuery): (record: EntryRecord) => boolean {
  const source = query.source ? foldForSearch(query.source.trim()) : '';
  const dateTo = query.dateTo ? `${query.dateTo}\uffff` : undefined;
  return (record) =>
    (!query.origin || record.origin === query.origin) &&
    (!source || foldForSearch(record.sourceKey).includes(source)) &&
    (!query.dateFrom || record.dateKey >= query.dateFrom) &&
    (!dateTo || record.dateKey <= dateTo);
}

const SORT_VALUE: Record<SortField, (record: EntryRecord) => string | number> = {
  title: (r) => r.titleKey,
  source: (r) => r.sourceKey,
  date: (r) => r.dateKey,
  size: (r) => r.size,
  added: (r) => r.addedAt,
};

/** The same order and cursor semantics as walking the index, for a small set of ids. */
async function listFromSet(db: LibraryDb, query: ListQuery, candidates: Set<string>, keep: (record: EntryRecord) => boolean): Promise<ListPage> {
  const store = db.transaction('entries').store;
  const records = await Promise.all([...candidates].map((id) => store.get(id)));
  const kept = records.filter((record): record is EntryRecord => record !== undefined && keep(record));
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
