/**
 * The library's IndexedDB schema, in one place, with versioned upgrades. Repositories and the
 * service receive the opened db as an argument, so tests hand them fake-indexeddb.
 */
import type { Direction, MatchKind } from '../core/types';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Fingerprint } from '../core/fingerprint';
import type { KeptKeys } from './kept-keys';
import { sortKey, type EntryRecord } from './records';
import type { EntryOrigin } from './types';
import { isVersionError, LibraryTooNewError } from './rescue';
import type { SegmentBlock, SegmentHead } from './search-segments';
import { packText, type PackedText, type StoredText } from './text-codec';

export const LIBRARY_DB_NAME = 'recycled-news-library';
export const LIBRARY_DB_VERSION = 5;

/**
 * An entry as the `entries` store keeps it since version 5: its record and its text in one
 * record, so an import puts one record per article, where versions 1-4 put three (one in each
 * of `entries`, `texts` and `fingerprints`: README, "One record per article"). Browsing reads
 * pages of 50 records, so carrying the text costs an unfiltered list little; a filtered one
 * walks records until 50 pass, reading their texts too.
 */
export interface StoredEntry extends EntryRecord {
  /** The text as text-codec.ts packs it; absent once dropped to reclaim space (text-drop.ts). */
  body?: PackedText;
  /** Only once the text was dropped (text-drop.ts): the engine's fingerprint, which can no
   *  longer be computed from the text (any other entry's is computed when needed,
   *  engine-index.ts), and the keys that judge a copy without the text. */
  fingerprint?: StoredFingerprint;
  keys?: KeptKeys;
}

/** A fingerprint as an entry keeps it: its hashes as 32-bit words, 4 bytes each, where the
 *  browser serializes a number array's hashes in up to 9 (most are beyond its small integers). */
export interface StoredFingerprint {
  v: number;
  hashes: Uint32Array;
}

/** A fingerprint as an entry keeps it (StoredFingerprint). */
export function storedFingerprint({ v, hashes }: Fingerprint): StoredFingerprint {
  return { v, hashes: Uint32Array.from(hashes) };
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
    value: StoredEntry;
    indexes: {
      'origin-title': [EntryOrigin, string, string];
      'origin-source': [EntryOrigin, string, string];
      'origin-date': [EntryOrigin, string, string];
      'origin-size': [EntryOrigin, number, string];
      'origin-added': [EntryOrigin, string, string];
      hash: string;
    };
  };
  /** The search index (search-segments.ts): segment heads, and their blocks under [segment, block]. */
  'search-segments': { key: number; value: SegmentHead };
  'search-blocks': { key: [number, number]; value: SegmentBlock };
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
        db.createObjectStore('matches', { autoIncrement: true }).createIndex('entry', ['entryId', 'at']);
        db.createObjectStore('meta');
      }
      if (oldVersion > 0 && oldVersion < 3) {
        // Version 3: imports write each article once into the library (import-journal.ts), so
        // the `staging` store of versions 1-2 goes; the search index is in segments (filled
        // again from the texts when the library opens, word-indexer.ts) instead of a
        // multiEntry index; texts are deflated (done below, with version 5's merge).
        if (legacy.objectStoreNames.contains('staging')) legacy.deleteObjectStore('staging');
        if (legacy.objectStoreNames.contains('words')) legacy.deleteObjectStore('words');
      }
      if (oldVersion < 3) {
        db.createObjectStore('search-segments', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('search-blocks');
      }
      if (oldVersion > 0 && oldVersion < 4) {
        // Version 4: the sort indexes without the origin go (five index entries fewer for
        // every entry an import writes); lists of all origins merge the per-origin indexes.
        const entries = transaction.objectStore('entries');
        for (const field of SORT_FIELDS) if ((entries.indexNames as DOMStringList).contains(field)) entries.deleteIndex(field);
      }
      if (oldVersion > 0 && oldVersion < 5) {
        // Version 5: each entry's text moves into its record (StoredEntry), with the fingerprint
        // and kept keys of one whose text was dropped; the `texts` and `fingerprints` stores go
        // once every entry has them. Versions 1-2 also get their sort keys folded (version 2)
        // and their texts deflated (version 3) in the same pass: two passes over the same
        // records would overwrite each other's updates. Any failure aborts the upgrade: the
        // library stays at its old version, as it was.
        mergeEntryStores(legacy, transaction as unknown as IDBPTransaction<unknown, string[], 'versionchange'>, oldVersion).catch(() => {
          transaction.done.catch(() => undefined); // the open's own rejection reports it
          try {
            transaction.abort();
          } catch {
            // Already aborted by the failing request.
          }
        });
      }
    },
  });
}

/** Entries read per request while version 5's upgrade merges the stores. */
const MERGE_CHUNK = 500;

/**
 * Version 5's upgrade, inside its transaction: every entry gets its text (deflated when long
 * enough) from the `texts` store, and an entry without text its fingerprint and kept keys from
 * the `fingerprints` store, chunk by chunk (the three stores are keyed by id, so one key range
 * reads the same entries' rows from each); then those stores are deleted.
 */
async function mergeEntryStores(db: IDBPDatabase, tx: IDBPTransaction<unknown, string[], 'versionchange'>, oldVersion: number): Promise<void> {
  const entries = tx.objectStore('entries');
  const texts = db.objectStoreNames.contains('texts') ? tx.objectStore('texts') : undefined;
  const fingerprints = db.objectStoreNames.contains('fingerprints') ? tx.objectStore('fingerprints') : undefined;
  let after: IDBKeyRange | undefined;
  for (;;) {
    const chunk = (await entries.getAll(after, MERGE_CHUNK)) as StoredEntry[];
    if (chunk.length === 0) break;
    const span = IDBKeyRange.bound(chunk[0].id, chunk[chunk.length - 1].id);
    const [textRows, printRows] = await Promise.all([texts?.getAll(span) ?? [], fingerprints?.getAll(span) ?? []]);
    const textOf = new Map((textRows as StoredText[]).map((row) => [row.id, row]));
    const printOf = new Map((printRows as LegacyFingerprint[]).map((row) => [row.id, row]));
    const writes = chunk.map((record) => entries.put(mergedEntry(record, textOf.get(record.id), printOf.get(record.id), oldVersion)));
    await Promise.all(writes);
    after = IDBKeyRange.lowerBound(chunk[chunk.length - 1].id, true);
  }
  if (texts) db.deleteObjectStore('texts');
  if (fingerprints) db.deleteObjectStore('fingerprints');
  // The engine version the stored fingerprints were made with: none is stored beside a text now.
  if (db.objectStoreNames.contains('meta')) await tx.objectStore('meta').delete('indexVersion');
}

/** A record of the `fingerprints` store of versions 1-4. */
interface LegacyFingerprint {
  id: string;
  fingerprint?: Fingerprint;
  keys?: KeptKeys;
}

function mergedEntry(record: StoredEntry, text: StoredText | undefined, print: LegacyFingerprint | undefined, oldVersion: number): StoredEntry {
  const merged: StoredEntry = oldVersion < 2 ? { ...record, titleKey: sortKey(record.title), sourceKey: sortKey(record.source) } : { ...record };
  if (text && typeof text.text === 'string') merged.body = packText(text.text);
  else if (text?.deflated instanceof Uint8Array) merged.body = { deflated: text.deflated };
  // Any other entry's fingerprint is computed from its text when needed (engine-index.ts).
  if (!merged.body && print?.fingerprint) merged.fingerprint = storedFingerprint(print.fingerprint);
  if (!merged.body && print?.keys) merged.keys = print.keys;
  return merged;
}
