/**
 * Imports files the user chose, one after another, each all-or-nothing. The file is read and
 * its articles prepared here (text hash and fingerprint: the options page's own thread, so the
 * background's only work is to check and write them), then sent in batches, the next batch
 * prepared while the background writes the last. The background writes each batch once into
 * the library and journals it; the file is then committed, or aborted (its batches deleted
 * again) when any article was rejected, the user cancelled, or the background failed (e.g. out
 * of storage quota).
 */
import { IMPORT_GONE, type LibraryMessages } from './messages';
import { readImportFile, type ImportFileLike } from './import-file';
import type { PreparedImportArticle, ImportArticle } from './import-entry';
import { prepareImportBatch } from './prepared';
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
  /** Articles the background has checked and written (or skipped as duplicates): the work
   *  done, where bytes read run ahead of it. */
  articlesProcessed: number;
}

export interface ImportRunOptions {
  send: LibrarySend;
  parseHtml: (html: string) => Document;
  onProgress?: (progress: ImportProgress) => void;
  /** Called with each import's id as it begins (the options page ties it to its port, see import-watch.ts). */
  onBegin?: (importId: string) => void;
  signal?: AbortSignal;
  /** Prepares a batch of articles (prepared.ts prepareImportArticle on each): a worker pool
   *  (prepare-pool.ts) in the options page, this thread by default. */
  prepare?: (articles: ImportArticle[]) => Promise<PreparedImportArticle[]>;
}

/** Times a file is read again from the start after the background stopped under it. */
export const RESTARTS_PER_FILE = 2;

/** Articles per message, each batch one write transaction in the background: big enough that
 *  messaging and commits cost little per article, small enough that one message stays a few
 *  MB and a transaction is short (a match waits for at most the one under way). */
export const IMPORT_BATCH_ARTICLES = 500;
const IMPORT_BATCH_CHARS = 4_000_000;
/** Batches under way at once: one being prepared and two sent, so the background starts
 *  checking the next as soon as it has checked one (and writes it when the one before has
 *  committed) instead of waiting for a message to cross. */
const BATCHES_IN_FLIGHT = 3;
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
 * The browser may stop the extension's service worker at any time; an import it was writing
 * is then gone (rolled back when the library opens again). The file is read again from the
 * start, a few times.
 */
async function importWithRestarts(file: ImportFileLike, fileIndex: number, fileCount: number, options: ImportRunOptions): Promise<FileOutcome> {
  for (let attempt = 0; ; attempt++) {
    const { outcome, interrupted } = await importOne(file, fileIndex, fileCount, options);
    if (!interrupted || attempt >= RESTARTS_PER_FILE || options.signal?.aborted) return outcome;
  }
}

/** The browsers' words for a message whose background stopped or restarted: Chromium's first
 *  four, then Firefox's (an event page unloaded, or its listener's promise dropped). */
const BACKGROUND_GONE_WORDS =
  /message channel closed|receiving end does not exist|could not establish connection|extension context invalidated|message manager disconnected|promised response from onmessage listener went out of scope/i;

/** The messages a stopped or restarted background leaves: the browser's own words, or ours. */
export function isBackgroundGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return (
    BACKGROUND_GONE_WORDS.test(message) ||
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
  const prepare = options.prepare ?? prepareImportBatch;
  const result = outcome(file.name, 'added');
  const progress: ImportProgress = { fileIndex, fileCount, file: file.name, bytesRead: 0, bytesTotal: file.size, articlesRead: 0, articlesProcessed: 0 };
  const problem = (message: string) => {
    result.problemCount++;
    if (result.problems.length < MAX_PROBLEMS_SHOWN) result.problems.push(message);
  };
  let importId: string | undefined;
  // Batches being prepared or written, oldest first: at most BATCHES_IN_FLIGHT, so memory
  // stays bounded while the next batch is prepared (in a worker when there is one) as the
  // background writes the ones before it.
  const writing: Promise<void>[] = [];
  try {
    ({ importId } = await send('library/import-begin', { file: file.name }));
    options.onBegin?.(importId);
    let batch: ImportArticle[] = [];
    let batchChars = 0;
    // Resolves once the batch before was handed to `send`: batches go out in file order.
    let sentBefore: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (batch.length === 0 || result.problemCount > 0) return;
      const articles = batch;
      batch = [];
      batchChars = 0;
      while (writing.length >= BATCHES_IN_FLIGHT) await writing.shift();
      if (result.problemCount > 0) return;
      const preparing = prepare(articles);
      const turn = sentBefore;
      let handedOver = () => {};
      sentBefore = new Promise((resolve) => (handedOver = resolve));
      const task = (async () => {
        try {
          const prepared = await preparing;
          await turn;
          if (result.problemCount > 0) return;
          const sent = sendBatch(importId!, prepared);
          handedOver();
          await sent;
        } finally {
          handedOver();
        }
      })();
      // Observed now so a failure surfaces where it is awaited, never as an unhandled rejection.
      task.catch(() => undefined);
      writing.push(task);
    };
    const sendBatch = async (id: string, articles: PreparedImportArticle[]) => {
      const written = await send('library/import-batch', { importId: id, articles });
      result.duplicates += written.duplicates;
      written.rejected.forEach(problem);
      progress.articlesProcessed += articles.length;
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
    while (writing.length > 0) await writing.shift();
    if (signal?.aborted || result.problemCount > 0) {
      await send('library/import-abort', { importId });
      return { outcome: { ...result, status: signal?.aborted ? 'cancelled' : 'rejected', duplicates: 0 } };
    }
    const { added } = await send('library/import-commit', { importId });
    // A committed file had no rejections, so every article read was added or was a duplicate.
    return { outcome: { ...result, added, duplicates: progress.articlesRead - added } };
  } catch (error) {
    await Promise.allSettled(writing);
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
