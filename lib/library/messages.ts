/**
 * Library operations the options page (and popup) ask the background for. Part of the
 * protocol in lib/protocol.ts; only extension pages may send them, never content scripts.
 * They go through the background so its in-memory engine index stays in step with the db.
 */
import { t } from '../i18n';
import type { RecentMatch } from './db';
import type { PreparedImportArticle } from './import-entry';
import type { BatchResult } from './import-session';
import type { ListPage, ListQuery } from './listing';
import type { ExportPage, LibraryStats } from './service';
import type { StorageUse } from './storage-use';
import type { TextDropFigures } from './text-drop';
import type { LibraryEntry } from './types';

/** The background's words when an import it no longer holds is named: the runner recognises them to start the file again (both read the same UI language). */
export const IMPORT_GONE = t('errorImportGone');

/** The words shown on the popup and the options page when the database was left by a newer version (the options page recognises them). */
export const LIBRARY_TOO_NEW = t('tooNewMessage');

export interface LibraryMessages {
  'library/get': { request: { id: string }; response: LibraryEntry | null };
  /** One page of the browse list. */
  'library/list': { request: { query: ListQuery }; response: ListPage };
  'library/recent-matches': { request: { id: string }; response: RecentMatch[] };
  /** Several entries in full (an export of a selection, or what an undo puts back). */
  'library/entries': { request: { ids: string[] }; response: LibraryEntry[] };
  /** Pasted text. */
  'library/add': {
    request: { title: string; text: string; source: string; url?: string; publishedAt?: string };
    response: { id: string; added: boolean };
  };
  'library/delete': { request: { ids: string[] }; response: { deleted: number } };
  /** The undo of a delete. */
  'library/restore': { request: { entries: LibraryEntry[] }; response: { restored: number } };
  'library/clear': { request: Record<string, never>; response: null };
  'library/reset-to-seeds': { request: Record<string, never>; response: null };
  'library/stats': { request: Record<string, never>; response: LibraryStats };
  /** What takes the library's space, by kind of data (reads the whole library: seconds at 100,000 entries). */
  'library/storage-use': { request: Record<string, never>; response: StorageUse };
  /** Reclaims space: deletes the learned entries added more than `days` days ago. */
  'library/delete-learned-older': { request: { days: number }; response: { deleted: number } };
  /** What dropping the texts of the learned entries added more than `days` days ago would free (reads only). */
  'library/learned-texts-older': { request: { days: number }; response: TextDropFigures };
  /** Reclaims space and keeps recognising copies: drops those texts, keeping entries and fingerprints. */
  'library/drop-learned-texts': { request: { days: number }; response: TextDropFigures };
  /** The whole library as export lines, one page at a time (`after`: the previous `next`). */
  'library/export': { request: { after?: string; limit: number }; response: ExportPage };
  /** An all-or-nothing import of one file: begin, write batches of articles the page prepared
   *  (hash, fingerprint), then commit, or abort (which deletes what the batches wrote). */
  'library/import-begin': { request: { file: string }; response: { importId: string } };
  'library/import-batch': { request: { importId: string; articles: PreparedImportArticle[] }; response: BatchResult };
  'library/import-commit': { request: { importId: string }; response: { added: number } };
  'library/import-abort': { request: { importId: string }; response: null };
  /** Only when the database was left by a newer version: deletes it and opens a new library (after the user exported what could be read). */
  'library/rebuild': { request: Record<string, never>; response: null };
}
