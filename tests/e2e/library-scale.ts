/**
 * Drives a large library through the options page: generated articles imported from a file
 * chosen in its Import tab, then the list queries the Library tab makes. Shared by the
 * end-to-end test (are the answers right at scale?) and `npm run bench:library-scale` (how
 * fast, beside floors measured in the same browser).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ListPage } from '../../lib/library/listing';
import { generatedArticles } from './options-fixtures';

declare const chrome: typeof import('wxt/browser').browser;

/** The word only one generated article carries, and that article's index. */
export const RARE_WORD = 'quillfeather';

/** The Library tab's queries: a page of 50 in several orders, filtered and searched. */
export const LIST_QUERIES: ReadonlyArray<readonly [string, object]> = [
  ['date desc, page 1', { sort: 'date', descending: true, limit: 50 }],
  ['title asc', { sort: 'title', limit: 50 }],
  ['size desc, origin imported', { sort: 'size', descending: true, origin: 'imported', limit: 50 }],
  ['source', { sort: 'date', source: 'scale', limit: 50 }],
  ['rare word', { sort: 'date', words: RARE_WORD, limit: 50 }],
  ['common word', { sort: 'title', words: 'council', limit: 50 }],
  ['two words', { sort: 'date', words: 'fenwick footbridge', limit: 50 }],
];

/** Sends one message from the options page and returns its value (throws the reply's error). */
export function sendFromPage<T>(options: Page, message: object): Promise<T> {
  return options.evaluate(async (request) => {
    const reply = (await chrome.runtime.sendMessage(request)) as { ok: boolean; value?: unknown; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }, message) as Promise<T>;
}

export interface ImportFigures {
  added: number;
  /** From choosing the file to the import's summary. */
  importMs: number;
  /** Until the background's search-word index caught up with the import. */
  wordIndexMs: number;
}

/** Writes `count` generated articles (one marked with RARE_WORD), or `articles`, as an NDJSON file; returns its path. */
export function generatedFile(count: number, articles = generatedArticles(count, RARE_WORD, Math.floor(count / 2))): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rn-scale-')), 'scale.ndjson');
  writeFileSync(path, `${articles.map((article) => JSON.stringify(article)).join('\n')}\n`);
  return path;
}

/**
 * Imports an NDJSON file through the options page as a user does (the Import tab's file
 * input: read, prepared and sent in batches by the page), waits for its summary, then for the
 * word index. `phase` is told when the import ends and when the word index has caught up.
 */
export async function importFile(options: Page, path: string, phase?: (name: 'indexing' | 'idle') => void): Promise<ImportFigures> {
  await options.locator('a[href="#import"]').click();
  const started = Date.now();
  await options.locator('input[type=file]').setInputFiles(path);
  const totals = options.locator('.import-totals');
  await totals.waitFor({ timeout: 3_600_000 });
  const importMs = Date.now() - started;
  phase?.('indexing');
  const added = Number((await totals.innerText()).split(' added')[0].replace(/\D/g, ''));
  const indexing = Date.now();
  for (;;) {
    const { wordsPending } = await sendFromPage<{ wordsPending: number }>(options, { type: 'library/stats' });
    if (wordsPending === 0) break;
    await new Promise((done) => setTimeout(done, 500));
  }
  phase?.('idle');
  return { added, importMs, wordIndexMs: Date.now() - indexing };
}

/** Imports `count` generated articles (one marked with RARE_WORD), or `articles`, through the options page. */
export function importGenerated(options: Page, count: number, articles?: ReturnType<typeof generatedArticles>): Promise<ImportFigures> {
  return importFile(options, generatedFile(count, articles));
}

/** Runs every LIST_QUERIES query once from the page; the first page of each, and its time in ms. */
export async function runListQueries(options: Page): Promise<Array<{ name: string; page: ListPage; ms: number }>> {
  const out: Array<{ name: string; page: ListPage; ms: number }> = [];
  for (const [name, query] of LIST_QUERIES) {
    const started = Date.now();
    const page = await sendFromPage<ListPage>(options, { type: 'library/list', query });
    out.push({ name, page, ms: Date.now() - started });
  }
  return out;
}
