/**
 * The packs' own IndexedDB database ("recycled-news-packs"), apart from the library's, with
 * versioned upgrades. Entries are kept per generation: an import writes a new generation and
 * switches the pack's pointer to it in one final transaction (store.ts), so a reader sees the
 * old pack or the new one, never a mix. Each generation also has its postings, grouped in
 * buckets by key prefix (buckets.ts), and a summary, so a match reads only what it needs.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { GenerationSummary, StoredBucket } from './buckets';
import type { PackEntry } from './entry';

export const PACKS_DB_NAME = 'recycled-news-packs';
/** 2: buckets and summaries (packs installed under version 1 get theirs rebuilt on first load: buckets.ts). */
export const PACKS_DB_VERSION = 2;

/** Where a pack came from: a file the user chose, or an https address (which updates re-read). */
export type PackOrigin =
  | { kind: 'file'; file: string }
  | {
      kind: 'url';
      url: string;
      /** The server's validators for the copy installed: an update check sends them, and an unchanged pack is not downloaded again. */
      etag?: string;
      lastModified?: string;
    };

/** A pack as installed: its header's description, and the generation its entries are written under. */
export interface InstalledPack {
  /** Stable id of the installed pack (kept across updates). */
  slot: string;
  generation: number;
  name: string;
  description: string;
  /** The publisher's creation date (ISO 8601). */
  createdAt: string;
  articles: number;
  /** Size of the pack file in bytes. */
  bytes: number;
  checksum: string;
  origin: PackOrigin;
  /** Epoch milliseconds. */
  addedAt: number;
  updatedAt: number;
  /** Last update check (epoch milliseconds). */
  checkedAt?: number;
}

/** One pack entry as stored: its labels, and its keys in typed arrays (exact keys first, then robust). */
export interface StoredPackEntry extends Pick<PackEntry, 'id' | 'title' | 'url' | 'publishedAt' | 'tokens' | 'exactTotal' | 'robustTotal'> {
  generation: number;
  /** The entry's place in its pack (0, 1, …, in id order). */
  seq: number;
  exactCount: number;
  keys: Uint32Array;
  exactAt: Uint8Array;
}

export interface PacksSchema extends DBSchema {
  packs: { key: string; value: InstalledPack };
  entries: { key: [number, number]; value: StoredPackEntry };
  /** Generations being written, or replaced and waiting to be deleted: not referenced by any pack. */
  pending: { key: number; value: { generation: number; at: number } };
  /** A generation's postings by key prefix, in parts (one per flush of the importer). */
  buckets: { key: [number, number, number]; value: StoredBucket };
  /** Per generation, written after its last bucket: which buckets exist, and its frequent keys. */
  summaries: { key: number; value: GenerationSummary };
  /** `nextGeneration`: the counter generations are taken from. */
  meta: { key: string; value: number };
}

export type PacksDb = IDBPDatabase<PacksSchema>;

/**
 * Opens (creating or upgrading) the packs database. `onReleased`: called when this connection
 * was closed to let another version upgrade it; the caller opens it again on next use.
 */
export function openPacksDb(name: string = PACKS_DB_NAME, onReleased?: () => void): Promise<PacksDb> {
  return openDB<PacksSchema>(name, PACKS_DB_VERSION, {
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      onReleased?.();
    },
    upgrade(db, oldVersion) {
      // One block per schema version, applied in order.
      if (oldVersion < 1) {
        db.createObjectStore('packs', { keyPath: 'slot' });
        db.createObjectStore('entries', { keyPath: ['generation', 'seq'] });
        db.createObjectStore('pending', { keyPath: 'generation' });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        db.createObjectStore('buckets', { keyPath: ['generation', 'bucket', 'part'] });
        db.createObjectStore('summaries', { keyPath: 'generation' });
      }
    },
  });
}

/** Every key of generation `generation` in the entries or the buckets store (arrays starting with it). */
export function generationRange(generation: number): IDBKeyRange {
  return IDBKeyRange.bound([generation], [generation, Infinity]);
}
