/**
 * The library's IndexedDB schema, in one place, with versioned upgrades. Repositories and the
 * service receive the opened db as an argument, so tests hand them fake-indexeddb.
 */
import type { Direction, MatchKind } from '../core/types';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type StoreNames } from 'idb';
import type { Fingerprint } from '../core/fingerprint';
import type { KeptKeys } from './kept-keys';
import { sortKey, type EntryRecord } from './records';
import type { EntryOrigin } from './types';
import { isVersionError, LibraryTooNewError } from './rescue';
import type { SegmentBlock, SegmentHead } from './search-segments';
import { packText, type StoredText } from './text-codec';

export const LIBRARY_DB_NAME = 'recycled-news-library';
export const LIBRARY_DB_VERSION = 4;

/** Everything the engine's in-memory index needs about an entry, in one record, so loading
 *  the index reads this store alone. */
export interface StoredFingerprint {
  id: string;
  version: number;
  fingerprint: Fingerprint;
  publishedAt?: string;
  /** Only once the entry's text was dropped (text-drop.ts): the keys that judge a copy without it. */
  keys?: KeptKeys;
}

export interface RecentMatch {
  entryId: string;
  url: string;
  title: string;
  /** Epoch milliseconds. */
  at: number;
  /** How the page matched; absent in sightings recorded before it was kept. */
  kind?: MatchKind;
  direction?: Direction;
}

export interface LibrarySchema extends DBSchema {
  entries: {
    key: string;
    value: EntryRecord;
    indexes: {
      'origin-title': [EntryOrigin, string, string];
      'origin-source': [EntryOrigin, string, string];
      'origin-date': [EntryOrigin, string, string];
      'origin-size': [EntryOrigin, number, string];
      'origin-added': [EntryOrigin, string, string];
      hash: string;
    };
  };
  /** Deflated when long enough (text-codec.ts). */
  texts: { key: string; value: StoredText };
  /** The search index (search-segments.ts): segment heads, and their blocks under [segment, block]. */
  'search-segments': { key: number; value: SegmentHead };
  'search-blocks': { key: [number, number]; value: SegmentBlock };
  /** Derived data: rebuilt from `texts` when its version differs from the engine's INDEX_VERSION. */
  fingerprints: { key: string; value: StoredFingerprint };
  matches: { key: number; value: RecentMatch; indexes: { entry: [string, number] } };
  meta: { key: string; value: unknown };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;

/** Sort fields of the browse list; each has an index after origin (`origin-<field>`): a list of
 *  one origin walks it, a list of all origins merges the walks of each origin (listing.ts). */
export const SORT_FIELDS = ['title', 'source', 'date', 'size', 'added'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
const SORT_KEY_PATHS: Record<SortField, keyof EntryRecord> = {
  title: 'titleKey',
  source: 'sourceKey',
  date: 'dateKey',
  size: 'size',
  added: 'addedAt',
};

/** Opens (creating or upgrading) the library. A database left by a newer version rejects
 *  with a LibraryTooNewError (plain words; see rescue.ts for the way out). */
/**
 * `onReleased`: called when this connection was closed because another one (a newer version of
 * the extension after an update, or a rollback's leftover) asked to upgrade the database: the
 * caller must open it again before its next use. Without closing, that upgrade would wait
 * ("blocked") for as long as this worker lives.
 */
export function openLibraryDb(name: string = LIBRARY_DB_NAME, onReleased?: () => void): Promise<LibraryDb> {
  return openCurrent(name, onReleased).catch((error: unknown) => {
    throw isVersionError(error) ? new LibraryTooNewError() : error;
  });
}

function openCurrent(name: string, onReleased?: () => void): Promise<LibraryDb> {
  return openDB<LibrarySchema>(name, LIBRARY_DB_VERSION, {
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      onReleased?.();
    },
    upgrade(db, oldVersion, _newVersion, transaction) {
      // One block per schema version, applied in order: a user several versions behind
      // passes through each step.
      /** The database without the current schema's types, for stores of earlier versions. */
      const legacy = db as unknown as IDBPDatabase;
      if (oldVersion < 1) {
        const entries = db.createObjectStore('entries', { keyPath: 'id' });
        // The id ends each key so entries with equal sort values keep a stable order, which
        // paging by "the last key seen" relies on. (Versions 1-3 also had each field's index
        // without the origin: version 4 drops them, below.)
        for (const field of SORT_FIELDS) entries.createIndex(`origin-${field}`, ['origin', SORT_KEY_PATHS[field], 'id']);
        entries.createIndex('hash', 'textHash');
        db.createObjectStore('texts', { keyPath: 'id' });
        db.createObjectStore('fingerprints', { keyPath: 'id' });
        db.createObjectStore('matches', { autoIncrement: true }).createIndex('entry', ['entryId', 'at']);
        db.createObjectStore('meta');
      }
      if (oldVersion === 1) {
        // Version 2: sort keys fold accents (records.ts sortKey); the entries' keys are recomputed.
        void recomputeSortKeys(transaction.objectStore('entries'));
      }
      if (oldVersion < 3) {
        // Version 3: imports write each article once into the library (import-journal.ts), so
        // the `staging` store of versions 1-2 goes; the search index is in segments (filled
        // again from the texts when the library opens, search-indexer.ts) instead of a
        // multiEntry index; texts are deflated.
        if (legacy.objectStoreNames.contains('staging')) legacy.deleteObjectStore('staging');
        if (legacy.objectStoreNames.contains('words')) legacy.deleteObjectStore('words');
        db.createObjectStore('search-segments', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('search-blocks');
        if (oldVersion > 0 && legacy.objectStoreNames.contains('texts')) void packTexts(transaction.objectStore('texts'));
      }
      if (oldVersion > 0 && oldVersion < 4) {
        // Version 4: the sort indexes without the origin go (five index entries fewer for
        // every entry an import writes); lists of all origins merge the per-origin indexes.
        const entries = transaction.objectStore('entries');
        for (const field of SORT_FIELDS) if ((entries.indexNames as DOMStringList).contains(field)) entries.deleteIndex(field);
      }
    },
  });
}

/** Rewrites each entry's title and source sort keys inside the upgrade transaction. */
async function recomputeSortKeys(entries: IDBPObjectStore<LibrarySchema, ArrayLike<StoreNames<LibrarySchema>>, 'entries', 'versionchange'>): Promise<void> {
  for (let cursor = await entries.openCursor(); cursor; cursor = await cursor.continue()) {
    const record = cursor.value;
    await cursor.update({ ...record, titleKey: sortKey(record.title), sourceKey: sortKey(record.source) });
  }
}

/** Deflates the texts stored plain, inside the upgrade transaction. */
async function packTexts(texts: IDBPObjectStore<LibrarySchema, ArrayLike<StoreNames<LibrarySchema>>, 'texts', 'versionchange'>): Promise<void> {
  for (let cursor = await texts.openCursor(); cursor; cursor = await cursor.continue()) {
    const { id, text } = cursor.value;
    if (typeof text === 'string') await cursor.update(packText(id, text));
  }
}
