/**
 * What takes the library's space, by kind of data: each store's records are read in chunks and
 * their bytes estimated as the browser serializes them (strings one byte per character when
 * Latin-1, else two; numbers up to 9; typed arrays and Blobs their bytes), and the entries' sort indexes
 * counted as the keys they copy. An entry's record holds three kinds (db.ts StoredEntry): its
 * text, its fingerprint and kept keys (only once its text was dropped), and its details. The
 * engine's fingerprints of the other entries are kept as the index snapshot, in `meta`, and
 * counted as fingerprints too. The browser's own total (navigator.storage.estimate) is the
 * figure on disk; these estimates say how it splits.
 */
import type { StoreNames } from 'idb';
import type { LibraryDb, LibrarySchema, StoredEntry } from './db';
import { SORT_FIELDS } from './db';
import { SNAPSHOT_KEYS } from './index-snapshot';

/** The kinds of data the options page names, and the stores that hold them (`entries` holds
 *  texts, fingerprints and details: entryBytes splits them; the index snapshot's records in
 *  `meta` are fingerprints). */
export const STORAGE_KINDS = {
  texts: [],
  fingerprints: [],
  search: ['search-segments', 'search-blocks'],
  details: ['entries'],
  other: ['matches', 'meta'],
} as const satisfies Record<string, ReadonlyArray<StoreNames<LibrarySchema>>>;
export type StorageKind = keyof typeof STORAGE_KINDS;

export interface StorageUse {
  /** Estimated bytes per kind of data. */
  bytes: Record<StorageKind, number>;
  /** The stored article texts' length in characters, uncompressed (UTF-8 bytes for English
   *  text); texts dropped to reclaim space (text-drop.ts) are not counted. */
  textChars: number;
  entries: number;
}

/** Records read per request: bounds memory whatever the library's size. */
const CHUNK = 1_000;
const LATIN1 = /^[\x00-\xff]*$/;

/** Bytes a value takes in the structured-clone serialization, approximately. */
export function serializedBytes(value: unknown): number {
  if (typeof value === 'string') return 2 + (LATIN1.test(value) ? value.length : value.length * 2);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 3 : 9;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (ArrayBuffer.isView(value)) return 8 + value.byteLength;
  // The index snapshot's arrays are one Blob (snapshot-blob.ts): the browser stores its bytes.
  if (value instanceof Blob) return 8 + value.size;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + serializedBytes(item), 3);
  if (typeof value === 'object') {
    let sum = 3;
    for (const [key, item] of Object.entries(value)) sum += serializedBytes(key) + serializedBytes(item);
    return sum;
  }
  return 0;
}

/** The keys an entry's indexes hold: each sort index copies the origin, its field and the id;
 *  the hash index the text hash and the id. */
function indexBytes(record: LibrarySchema['entries']['value']): number {
  const id = serializedBytes(record.id);
  const fields = [record.titleKey, record.sourceKey, record.dateKey, record.size, record.addedAt].map(serializedBytes);
  const origin = serializedBytes(record.origin);
  const perField = fields.reduce((sum, bytes) => sum + bytes + id, 0);
  return perField + origin * SORT_FIELDS.length + serializedBytes(record.textHash) + id;
}

/** An entry's serialized bytes split by kind: its packed text, its fingerprint and kept keys,
 *  and the rest (its details). */
export function entryBytes(entry: StoredEntry): { text: number; fingerprint: number; details: number } {
  const { body, fingerprint, keys, ...details } = entry;
  const field = (name: string, value: unknown) => (value === undefined ? 0 : serializedBytes(name) + serializedBytes(value));
  return { text: field('body', body), fingerprint: field('fingerprint', fingerprint) + field('keys', keys), details: serializedBytes(details) };
}

/** Reads the whole library once, in chunks (seconds for 100,000 entries). */
export async function measureStorage(db: LibraryDb): Promise<StorageUse> {
  const bytes = Object.fromEntries(Object.keys(STORAGE_KINDS).map((kind) => [kind, 0])) as Record<StorageKind, number>;
  let textChars = 0;
  let entries = 0;
  for (const [kind, stores] of Object.entries(STORAGE_KINDS) as Array<[StorageKind, ReadonlyArray<StoreNames<LibrarySchema>>]>) {
    for (const store of stores) {
      await eachChunk(db, store, (key, value) => {
        if (store !== 'entries') {
          bytes[store === 'meta' && SNAPSHOT_KEYS.includes(key as string) ? 'fingerprints' : kind] += serializedBytes(key) + serializedBytes(value);
          return;
        }
        const entry = value as StoredEntry;
        const split = entryBytes(entry);
        bytes.texts += split.text;
        bytes.fingerprints += split.fingerprint;
        bytes.details += serializedBytes(key) + split.details + indexBytes(entry);
        entries++;
        if (entry.textDroppedAt === undefined) textChars += entry.size;
      });
    }
  }
  return { bytes, textChars, entries };
}

async function eachChunk(db: LibraryDb, store: StoreNames<LibrarySchema>, visit: (key: IDBValidKey, value: unknown) => void): Promise<void> {
  let range: IDBKeyRange | undefined;
  for (;;) {
    const tx = db.transaction(store);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(range, CHUNK), tx.store.getAll(range, CHUNK)]);
    keys.forEach((key, i) => visit(key, values[i]));
    if (keys.length < CHUNK) return;
    range = IDBKeyRange.lowerBound(keys[keys.length - 1], true);
  }
}
