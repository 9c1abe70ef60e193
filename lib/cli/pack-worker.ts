/**
 * Worker thread of `pack build`: parses NDJSON lines (lib/library/format) and turns each article
 * into a pack entry (fingerprints of lib/core; the text stays here). Replies per batch with the
 * entries, or with the first bad line.
 */
import { parentPort } from 'node:worker_threads';
import { LibraryFormatError, isBlankLibraryLine, parseLibraryLine } from '../library/format';
import { packEntryOf, type PackEntry } from '../packs/entry';
import { entryProblem } from '../packs/record';

export interface BuildBatch {
  batch: number;
  file: string;
  firstLine: number;
  lines: string[];
}

export type BuildReply = { batch: number; entries: PackEntry[] } | { batch: number; error: string };

parentPort?.on('message', (message: BuildBatch) => {
  const entries: PackEntry[] = [];
  try {
    message.lines.forEach((line, index) => {
      if (isBlankLibraryLine(line)) return;
      const where = { file: message.file, line: message.firstLine + index };
      const article = parseLibraryLine(line, where);
      const problem = entryProblem(article);
      if (problem) throw new LibraryFormatError(where, problem);
      entries.push(packEntryOf(article));
    });
    parentPort!.postMessage({ batch: message.batch, entries } satisfies BuildReply);
  } catch (error) {
    const text = error instanceof LibraryFormatError ? error.message : `${message.file}:${message.firstLine}: ${error instanceof Error ? error.message : String(error)}`;
    parentPort!.postMessage({ batch: message.batch, error: text } satisfies BuildReply);
  }
});
