/**
 * A library this version cannot open: its database was left by a newer version of the
 * extension (after a downgrade, or an update rolled back), and IndexedDB refuses to open a
 * database at a lower version than it has (a VersionError). Nothing is changed behind the
 * user's back: what can be read is exported on request, and the library is rebuilt only
 * when the user asks.
 */
import { deleteDB, openDB } from 'idb';
import { LIBRARY_TOO_NEW } from './messages';
import { ORIGINS } from './records';
import type { LibraryEntry } from './types';
import { readableText, type PackedText } from './text-codec';


export class LibraryTooNewError extends Error {
  constructor() {
    super(LIBRARY_TOO_NEW);
    this.name = 'LibraryTooNewError';
  }
}

/** True for IndexedDB's refusal to open a database at a lower version than it has. */
export function isVersionError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'VersionError';
}

/**
 * One page of export lines read from the database as it is, whatever its version: entries
 * whose record and text can still be read, in id order (`after`: the previous page's `next`).
 * Records that no longer look like entries are skipped and counted.
 */
export async function rescueExportPage(
  name: string,
  after: string | undefined,
  limit: number,
): Promise<{ lines: string[]; next?: string; skipped: number }> {
  // No version: opens the database at the version it has, without upgrading anything.
  const db = await openDB(name);
  try {
    if (!db.objectStoreNames.contains('entries')) return { lines: [], skipped: 0 };
    // A newer version's layout grew from this one's: each entry's text is in its `body`.
    let cursor = await db.transaction('entries').store.openCursor(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true));
    const lines: string[] = [];
    let skipped = 0;
    let last: string | undefined;
    while (cursor && lines.length < limit) {
      const record = cursor.value as Partial<LibraryEntry> & { body?: PackedText };
      const text = readableText(record?.body);
      if (typeof record?.id === 'string' && text !== undefined) lines.push(rescuedLine(record, text));
      else skipped++;
      last = String(cursor.key);
      cursor = await cursor.continue();
    }
    return { lines, next: cursor ? last : undefined, skipped };
  } finally {
    db.close();
  }
}

/** The export line (import-entry's exportLine layout) of a record of unknown shape: fields
 *  that are not what this version expects are left out, so the line imports cleanly. */
function rescuedLine(record: Partial<LibraryEntry>, text: string): string {
  const label = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const date = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined);
  const origin = ORIGINS.includes(record.origin as LibraryEntry['origin']) ? record.origin : undefined;
  const { id, title, url, publishedAt, source, addedAt } = record;
  return JSON.stringify({ id, title: label(title), url: label(url), publishedAt: date(publishedAt), source: label(source), origin, addedAt: date(addedAt), text });
}

/** Deletes the database (the user asked to rebuild, after exporting what could be read). */
export async function deleteLibraryDb(name: string): Promise<void> {
  await deleteDB(name);
}

