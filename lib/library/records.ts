/**
 * What the library stores besides an entry's own fields: the keys its indexes sort and
 * search on, and the hash that recognises the same text imported twice.
 */
import type { EntryOrigin, LibraryEntry } from './types';
import { foldForSearch } from './search-words';

/** An entry's record: its metadata, plus the sort keys of its indexes (the `entries` store
 *  keeps it with its text, db.ts StoredEntry). */
export interface EntryRecord extends Omit<LibraryEntry, 'text'> {
  titleKey: string;
  sourceKey: string;
  /** publishedAt when the article states it, else addedAt: the date the list shows and sorts on. */
  dateKey: string;
  /** Length of the text in characters. */
  size: number;
  /** SHA-256 of the normalized text: the duplicate check. */
  textHash: string;
}

/** What a browse list shows of one entry. */
export type EntrySummary = Omit<EntryRecord, 'titleKey' | 'sourceKey' | 'textHash'>;

/** Case, Unicode form, quote and dash styles and spacing do not make two texts different. */
export function normalizeForDuplicates(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    // Only runs that are not already one plain space: news text has a match every few
    // hundred characters instead of one per word, which halves the cost of an import's hash.
    .replace(/ \s+|[^\S ]\s*/g, ' ')
    .trim();
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The SHA-256 of the normalized text (normalizeForDuplicates), as 64 lowercase hex digits. */
export async function textHash(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(normalizeForDuplicates(text));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += HEX_BYTES[byte];
  return hex;
}

/**
 * Sort keys compare without case or accents, so "apple", "Apple" and "Ápple" sit together and
 * "Émile" sorts among the e's, as dictionaries of French, German or Spanish order them
 * (IndexedDB orders index keys by code point and has no collation of its own).
 */
export function sortKey(value: string): string {
  return foldForSearch(value).trim();
}

export function toRecord(entry: LibraryEntry, hash: string): EntryRecord {
  const { text, ...meta } = entry;
  return metaRecord(meta, text.length, hash);
}

/** The record of an entry known by its fields, its text's length in characters (`size`) and
 *  its text hash: an imported article, whose text crossed messaging deflated. */
export function metaRecord(meta: Omit<LibraryEntry, 'text'>, size: number, hash: string): EntryRecord {
  return {
    ...meta,
    titleKey: sortKey(meta.title),
    sourceKey: sortKey(meta.source),
    dateKey: meta.publishedAt ?? meta.addedAt,
    size,
    textHash: hash,
  };
}

/** What a list shows of a record (a stored entry's text and fingerprint are left out too). */
export function toSummary(record: EntryRecord): EntrySummary {
  const { id, title, url, publishedAt, source, addedAt, origin, textDroppedAt, dateKey, size } = record;
  return withoutUndefined({ id, title, url, publishedAt, source, addedAt, origin, textDroppedAt, dateKey, size });
}

/** The library entry of a record, with its text (a stored entry's packed text and fingerprint are left out). */
export function toEntry(record: EntryRecord, text: string): LibraryEntry {
  const { id, title, url, publishedAt, source, addedAt, origin, textDroppedAt } = record;
  return { ...withoutUndefined({ id, title, url, publishedAt, source, addedAt, origin, textDroppedAt }), text };
}

/** The object without its undefined fields (absent fields stay absent, as the record had them). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export const ORIGINS: readonly EntryOrigin[] = ['seed', 'imported', 'page', 'pasted', 'learned'];
