/**
 * Imports files the user chose, one after another, each all-or-nothing: the file is read
 * and its articles sent to the background in batches (staged there, invisible), then
 * committed in one transaction, or aborted when any article was rejected, the user
 * cancelled, or the background failed (e.g. out of storage quota).
 */
import { IMPORT_GONE, type LibraryMessages } from './messages';
import { readImportFile, type ImportFileLike } from './import-file';
import type { ImportArticle } from './import-entry';
import { BACKGROUND_SILENT } from '../messaging/reply';
import { t } from '../i18n';

/** How the runner reaches the background (the typed client's `sendMessage`, or a test double). */
export type LibrarySend = <K extends keyof LibraryMessages>(
  type: K,
  payload: LibraryMessages[K]['request'],
) => Promise<LibraryMessages[K]['response']>;

export interface FileOutcome {
  file: string;
  status: 'added' | 'rejected' | 'cancelled' | 'failed';
  added: number;
  duplicates: number;
  /** "file:line: reason", at most MAX_PROBLEMS_SHOWN of them. */
  problems: string[];
  /** How many problems there were in all. */
  problemCount: number;
}

export interface ImportProgress {
  fileIndex: number;
  fileCount: number;
  file: string;
  bytesRead: number;
  bytesTotal: number;
  articlesRead: number;
  /** Articles the background has checked and staged: the work done, where bytes read run ahead of it. */
  articlesStaged: number;
}

export interface ImportRunOptions {
  send: LibrarySend;
  parseHtml: (html: string) => Document;
  onProgress?: (progress: ImportProgress) => void;
  /** Called with each import's id as it begins (the options page ties it to its port, see import-watch.ts). */
  onBegin?: (importId: string) => void;
  signal?: AbortSignal;
}

/** Times a file is read again from the start after the background stopped under it. */
export const RESTARTS_PER_FILE = 2;

/** Articles per message: big enough to keep messaging overhead low, small enough that one
 *  message stays a few MB. */
export const IMPORT_BATCH_ARTICLES = 200;
const IMPORT_BATCH_CHARS = 4_000_000;
export const MAX_PROBLEMS_SHOWN = 20;

export async function importFiles(files: readonly ImportFileLike[], options: ImportRunOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [fileIndex, file] of files.entries()) {
    if (options.signal?.aborted) {
      outcomes.push(outcome(file.name, 'cancelled'));
      continue;
    }
    outcomes.push(await importWithRestarts(file, fileIndex, files.length, options));
  }
  return outcomes;
}

/**
 * The browser may stop the extension's service worker at any time; an import it was staging
 * is then gone (nothing was added). The file is read again from the start, a few times.
 */
async function importWithRestarts(file: ImportFileLike, fileIndex: number, fileCount: number, options: ImportRunOptions): Promise<FileOutcome> {
  for (let attempt = 0; ; attempt++) {
    const { outcome, interrupted } = await importOne(file, fileIndex, fileCount, options);
    if (!interrupted || attempt >= RESTARTS_PER_FILE || options.signal?.aborted) return outcome;
  }
}

/** The messages a stopped or restarted background leaves: the browser's own words, or ours. */
export function isBackgroundGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return (
    /message channel closed|receiving end does not exist|could not establish connection|extension context invalidated/i.test(message) ||
    message === BACKGROUND_SILENT ||
    message === IMPORT_GONE
  );
}

function outcome(file: string, status: FileOutcome['status']): FileOutcome {
  return { file, status, added: 0, duplicates: 0, problems: [], problemCount: 0 };
}

async function importOne(
  file: ImportFileLike,
  fileIndex: number,
  fileCount: number,
  options: ImportRunOptions,
): Promise<{ outcome: FileOutcome; interrupted?: boolean }> {
  const { send, signal } = options;
  const result = outcome(file.name, 'added');
  const progress: ImportProgress = { fileIndex, fileCount, file: file.name, bytesRead: 0, bytesTotal: file.size, articlesRead: 0, articlesStaged: 0 };
  const problem = (message: string) => {
    result.problemCount++;
    if (result.problems.length < MAX_PROBLEMS_SHOWN) result.problems.push(message);
  };
  let importId: string | undefined;
  try {
    ({ importId } = await send('library/import-begin', { file: file.name }));
    options.onBegin?.(importId);
    let batch: ImportArticle[] = [];
    let batchChars = 0;
    const flush = async () => {
      if (batch.length === 0 || result.problemCount > 0) return;
      const staged = await send('library/import-batch', { importId: importId!, articles: batch });
      result.duplicates += staged.duplicates;
      staged.rejected.forEach(problem);
      progress.articlesStaged += batch.length;
      batch = [];
      batchChars = 0;
      options.onProgress?.({ ...progress });
    };
    const reading = readImportFile(file, {
      parseHtml: options.parseHtml,
      onBytes: (bytesRead) => {
        progress.bytesRead = bytesRead;
        options.onProgress?.({ ...progress });
      },
    });
    for await (const item of reading) {
      if (signal?.aborted) break;
      if ('problem' in item) {
        // Keep reading to list more problems, but stop sending: nothing will be committed.
        problem(item.problem);
        if (result.problemCount >= MAX_PROBLEMS_SHOWN) break;
        continue;
      }
      progress.articlesRead++;
      batch.push(item.article);
      batchChars += item.article.article.text.length;
      if (batch.length >= IMPORT_BATCH_ARTICLES || batchChars >= IMPORT_BATCH_CHARS) await flush();
    }
    if (!signal?.aborted) await flush();
    if (signal?.aborted || result.problemCount > 0) {
      await send('library/import-abort', { importId });
      return { outcome: { ...result, status: signal?.aborted ? 'cancelled' : 'rejected', duplicates: 0 } };
    }
    const { added } = await send('library/import-commit', { importId });
    // A committed file had no rejections, so every article read was added or was a duplicate
    // (found when staging, or at commit because another import added it meanwhile).
    return { outcome: { ...result, added, duplicates: progress.articlesRead - added } };
  } catch (error) {
    if (importId) await send('library/import-abort', { importId }).catch(() => undefined);
    problem(`${file.name}: ${describeFailure(error)}`);
    return { outcome: { ...result, status: 'failed', added: 0, duplicates: 0 }, interrupted: isBackgroundGone(error) };
  }
}

/** A full disk is the failure users can act on: say so plainly. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/quota/i.test(message)) {
    return t('importStorageFull');
  }
  if (isBackgroundGone(error)) {
    return t('importBackgroundStopped');
  }
  return t('importFailedNothingAdded', message);
}
