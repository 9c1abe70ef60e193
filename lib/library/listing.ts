/**
 * The browse list: one page of entries in a chosen order, filtered by origin, source, date
 * and words, read through indexes with cursors so 100,000 entries cost no more than 100.
 */
import type { LibraryDb, SortField } from './db';
import { sortKey, toSummary, type EntryRecord, type EntrySummary } from './records';
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
  /** How many entries match the filters, when that is cheap to know (an index count), else null. */
  total: number | null;
}

/** A word search matching at most this many entries is sorted in memory; a broader one is
 *  filtered while walking the sort index (it fills a page quickly, since matches are many). */
const SMALL_MATCH_SET = 2_000;

/** `smallMatchSet`: see SMALL_MATCH_SET (tests pass 0 to exercise the index walk). */
export async function listEntries(db: LibraryDb, query: ListQuery, smallMatchSet = SMALL_MATCH_SET): Promise<ListPage> {
  const words = queryWords(query.words ?? '');
  const matching = words.length > 0 ? await idsWithAllWords(db, words) : undefined;
  const keep = recordFilter(query, matching);
  if (matching && matching.size <= smallMatchSet) return listFromSet(db, query, matching, keep);

  const indexName = query.origin ? (`origin-${query.sort}` as const) : query.sort;
  const prefix: IDBValidKey[] = query.origin ? [query.origin] : [];
  const range = cursorRange(prefix, query);
  const index = db.transaction('entries').store.index(indexName);
  const items: EntrySummary[] = [];
  let last: ListCursor | undefined;
  let more = false;
  let cursor = await index.openCursor(range, query.descending ? 'prev' : 'next');
  while (cursor) {
    if (items.length === query.limit) {
      more = true;
      break;
    }
    if (keep(cursor.value)) {
      items.push(toSummary(cursor.value));
      last = cursor.key as ListCursor;
    }
    cursor = await cursor.continue();
  }
  const countable = !matching && !query.source && !(query.dateFrom || query.dateTo);
  const total = countable ? await index.count(cursorRange(prefix, { ...query, after: undefined })) : null;
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

function recordFilter(query: ListQuery, matching: Set<string> | undefined): (record: EntryRecord) => boolean {
  const source = query.source ? sortKey(query.source) : '';
  const dateTo = query.dateTo ? `${query.dateTo}\uffff` : undefined;
  return (record) =>
    (!matching || matching.has(record.id)) &&
    (!query.origin || record.origin === query.origin) &&
    (!source || record.sourceKey.startsWith(source)) &&
    (!query.dateFrom || record.dateKey >= query.dateFrom) &&
    (!dateTo || record.dateKey <= dateTo);
}

/** Ids of entries holding every word (as a word or a word's prefix). Starts from the rarest
 *  word so the intersection stays small. */
async function idsWithAllWords(db: LibraryDb, words: string[]): Promise<Set<string>> {
  const index = db.transaction('words').store.index('word');
  const sets = await Promise.all(
    words.map(async (word) => new Set(await index.getAllKeys(IDBKeyRange.bound(word, `${word}\uffff`)))),
  );
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...others] = sets;
  return new Set([...smallest].filter((id) => others.every((set) => set.has(id))));
}

const SORT_VALUE: Record<SortField, (record: EntryRecord) => string | number> = {
  title: (r) => r.titleKey,
  source: (r) => r.sourceKey,
  date: (r) => r.dateKey,
  size: (r) => r.size,
  added: (r) => r.addedAt,
};

/** The same order and cursor semantics as walking the index, for a small set of ids. */
async function listFromSet(
  db: LibraryDb,
  query: ListQuery,
  ids: Set<string>,
  keep: (record: EntryRecord) => boolean,
): Promise<ListPage> {
  const store = db.transaction('entries').store;
  const records = (await Promise.all([...ids].map((id) => store.get(id)))).filter(
    (record): record is EntryRecord => record !== undefined && keep(record),
  );
  const keyOf = (record: EntryRecord): ListCursor =>
    query.origin ? [record.origin, SORT_VALUE[query.sort](record), record.id] : [SORT_VALUE[query.sort](record), record.id];
  const sign = query.descending ? -1 : 1;
  const keyed = records.map((record) => ({ record, key: keyOf(record) }));
  keyed.sort((a, b) => sign * indexedDB.cmp(a.key, b.key));
  const after = query.after;
  const start = after ? keyed.findIndex(({ key }) => sign * indexedDB.cmp(key, after) > 0) : 0;
  const from = start < 0 ? keyed.length : start;
  const page = keyed.slice(from, from + query.limit);
  const more = from + query.limit < keyed.length;
  return { items: page.map(({ record }) => toSummary(record)), next: more ? page[page.length - 1]?.key : undefined, total: keyed.length };
}
