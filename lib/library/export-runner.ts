/**
 * Builds an export in the options page: the whole library page by page, or a selection, as
 * NDJSON lines (the library format plus source, origin and addedAt), ready for a Blob.
 */
import { exportLine } from './import-entry';
import type { LibrarySend } from './import-runner';

export const EXPORT_PAGE = 500;

/** NDJSON chunks (each ends with a newline) for `new Blob(chunks)`. */
export async function exportLibrary(send: LibrarySend, selection?: readonly string[]): Promise<string[]> {
  const chunks: string[] = [];
  const push = (lines: string[]) => {
    if (lines.length) chunks.push(`${lines.join('\n')}\n`);
  };
  if (selection) {
    for (let start = 0; start < selection.length; start += EXPORT_PAGE) {
      const entries = await send('library/entries', { ids: selection.slice(start, start + EXPORT_PAGE) });
      push(entries.map(exportLine));
    }
    return chunks;
  }
  let after: string | undefined;
  do {
    const page = await send('library/export', { after, limit: EXPORT_PAGE });
    push(page.lines);
    after = page.next;
  } while (after !== undefined);
  return chunks;
}

/** A file name that sorts by date: recycled-news-library-2025-01-31.ndjson. */
export function exportFileName(now: Date = new Date()): string {
  return `recycled-news-library-${now.toISOString().slice(0, 10)}.ndjson`;
}
