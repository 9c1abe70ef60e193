/**
 * Drives a large library through the options page's own messages: generated articles imported
 * in batches as the import does, then the list queries the Library tab makes. Shared by the
 * end-to-end test (are the answers right at scale?) and `npm run bench:library-scale` (how
 * fast, beside floors measured in the same browser).
 */
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
  stagingMs: number;
  commitMs: number;
  /** Until the background's search-word index caught up with the import. */
  wordIndexMs: number;
}

/** Imports `count` generated articles (one marked with RARE_WORD), or `articles`, and waits for the word index. */
export async function importGenerated(
  options: Page,
  count: number,
  articles = generatedArticles(count, RARE_WORD, Math.floor(count / 2)),
): Promise<ImportFigures> {
  const started = Date.now();
  const { importId } = await sendFromPage<{ importId: string }>(options, { type: 'library/import-begin', file: 'scale.ndjson' });
  // Sent in batches, as the import does (one big argument would not cross the DevTools protocol).
  for (let start = 0; start < articles.length; start += 500) {
    const batch = articles.slice(start, start + 500).map((article, i) => ({ line: start + i + 1, article }));
    await sendFromPage(options, { type: 'library/import-batch', importId, articles: batch });
  }
  const stagingMs = Date.now() - started;
  const { added } = await sendFromPage<{ added: number }>(options, { type: 'library/import-commit', importId });
  const commitMs = Date.now() - started - stagingMs;
  const indexing = Date.now();
  for (;;) {
    const { wordsPending } = await sendFromPage<{ wordsPending: number }>(options, { type: 'library/stats' });
    if (wordsPending === 0) break;
    await new Promise((done) => setTimeout(done, 1_000));
  }
  return { added, stagingMs, commitMs, wordIndexMs: Date.now() - indexing };
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
