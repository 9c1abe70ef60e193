/**
 * The options page as a user drives it: an import through the real file input (progress,
 * then the summary), and the Library tab's word search. Only the page's controls and the
 * protocol's `library/stats` are used, so the benchmark keeps working while the import,
 * the storage and the search behind them change.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { LibraryStats } from '../../../lib/library/service';
import type { ExtensionHarness } from '../../e2e/harness';
import { sendFromPage } from '../../e2e/library-scale';

const MESSAGES = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

export interface ImportOutcome {
  ms: number;
  /** The summary's totals line ("10,000 added · 0 duplicates skipped · 0 files not imported"). */
  totals: string;
}

/**
 * Opens a fresh options page on its import tab and imports `path` through the file input;
 * resolves when the summary shows (throws, with the summary, unless `count` articles were added).
 */
export async function importThroughOptions(harness: ExtensionHarness, path: string, count: number, timeoutMs: number): Promise<ImportOutcome> {
  const options = await harness.openOptions();
  try {
    await options.locator('a[href="#import"]').click();
    const input = options.locator('input[type=file]');
    await input.waitFor({ state: 'attached' });
    const started = Date.now();
    await input.setInputFiles(path);
    await options.locator('.import-totals').waitFor({ timeout: timeoutMs }).catch(async () => {
      const progress = await options.locator('.import-progress').innerText().catch(() => '(no progress shown)');
      throw new Error(`The import did not finish within ${timeoutMs / 1000} s; the page shows: ${progress}`);
    });
    const ms = Date.now() - started;
    const totals = await options.locator('.import-totals').innerText();
    if (!totals.includes(`${count.toLocaleString('en')} added`)) {
      throw new Error(`The import did not add ${count} articles: ${await options.locator('.import-summary').innerText()}`);
    }
    return { ms, totals };
  } finally {
    await options.close();
  }
}

/** True when the Library tab, searching `word`, lists exactly the entry titled `title`; false when it says nothing matches. */
async function searchFinds(options: Page, word: string, title: string, timeoutMs: number): Promise<boolean> {
  await options.reload();
  await options.getByRole('searchbox').fill(word);
  const noMatch = MESSAGES.libraryNoMatch.message;
  const handle = await options
    .waitForFunction(
    ([expected, none]) => {
      const titles = [...document.querySelectorAll('table.entries tbody .entry-title')].map((cell) => cell.textContent?.trim());
      if (titles.length === 1 && titles[0] === expected) return 'found';
      if ([...document.querySelectorAll('.state')].some((state) => state.textContent?.includes(none))) return 'none';
      return false;
    },
    [title, noMatch] as const,
      { polling: 200, timeout: timeoutMs },
    )
    .catch(() => null); // no answer in time: not found yet
  return (await handle?.jsonValue()) === 'found';
}

export interface SearchableFigures {
  /** From `since` until the search first listed the entry; null when it did not within the timeout. */
  foundMs: number | null;
  /** From `since` until `library/stats` reported no entry waiting for word indexing (null: not within the timeout, or no such count any more). */
  indexedMs: number | null;
}

/**
 * Searches `word` in the options page's Library tab (a fresh load each time, every 2 s) until
 * it lists the entry titled `title`, then waits for `library/stats` to report no words pending.
 */
export async function waitUntilSearchable(harness: ExtensionHarness, word: string, title: string, since: number, timeoutMs: number): Promise<SearchableFigures> {
  const options = await harness.openOptions();
  const deadline = since + timeoutMs;
  try {
    await options.goto(`chrome-extension://${harness.extensionId}/options.html#library`);
    let foundMs: number | null = null;
    while (Date.now() < deadline) {
      if (await searchFinds(options, word, title, Math.max(1_000, deadline - Date.now()))) {
        foundMs = Date.now() - since;
        break;
      }
      await options.waitForTimeout(2_000);
    }
    let indexedMs: number | null = null;
    while (foundMs !== null && Date.now() < deadline) {
      const stats = await sendFromPage<Partial<LibraryStats>>(options, { type: 'library/stats' }).catch(() => null);
      const wordsPending = stats?.wordsPending;
      if (typeof wordsPending !== 'number') break;
      if (wordsPending === 0) {
        indexedMs = Date.now() - since;
        break;
      }
      await options.waitForTimeout(1_000);
    }
    return { foundMs, indexedMs };
  } finally {
    await options.close();
  }
}
