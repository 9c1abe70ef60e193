/**
 * Builds an export in the options page: the whole library page by page, or a selection, as
 * NDJSON lines (the library format plus source, origin and addedAt), ready for a Blob.
 */
import { exportLine } from './import-entry';
import type { LibrarySend } from './import-runner';

export const EXPORT_PAGE = 500;

/**
 * NDJSON chunks (each ends with a newline) for `new Blob(chunks)`: the whole library, or the
 * entries of `selection`. Entries whose text was dropped to reclaim space are left out (the
 * library format requires a text: such a line would not import again); `onTextDropped` is told
 * how many, when there were any.
 */
export async function exportLibrary(send: LibrarySend, selection?: readonly string[], onTextDropped?: (entries: number) => void): Promise<string[]> {
  const chunks: string[] = [];
  let textDropped = 0;
  const push = (lines: string[]) => {
    if (lines.length) chunks.push(`${lines.join('\n')}\n`);
  };
  if (selection) {
    for (let start = 0; start < selection.length; start += EXPORT_PAGE) {
      const entries = await send('library/entries', { ids: selection.slice(start, start + EXPORT_PAGE) });
      const kept = entries.filter((entry) => entry.textDroppedAt === undefined);
      textDropped += entries.length - kept.length;
      push(kept.map(exportLine));
    }
  } else {
    let after: string | undefined;
    do {
      const page = await send('library/export', { after, limit: EXPORT_PAGE });
      push(page.lines);
      textDropped += page.textDropped ?? 0;
      after = page.next;
    } while (after !== undefined);
  }
  if (textDropped > 0) onTextDropped?.(textDropped);
  return chunks;
}

/** A file name that sorts by date: recycled-news-library-2025-01-31.ndjson. */
export function exportFileName(now: Date = new Date()): string {
  return `recycled-news-library-${now.toISOString().slice(0, 10)}.ndjson`;
}
