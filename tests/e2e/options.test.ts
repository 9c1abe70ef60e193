/**
 * The options page in real Chromium with the built extension: import a generated library file
 * through the file input, search, open and delete an entry, export and re-import, learn while
 * reading, and click-to-scan mode. Screenshots of each view go to test-artifacts/.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/protocol';
import { launchExtension, type ExtensionHarness } from './harness';
import { generatedArticles, ORIGINAL_STORY, spin } from './options-fixtures';
import { newsPage } from './pages/site-chrome';

const IMPORTED = 300;
const MARKER = 'quillfeather';
const SEEDS = 5;

describe('options page in Chromium', () => {
  let harness: ExtensionHarness;
  let options: Page;
  const workDir = mkdtempSync(join(tmpdir(), 'rn-options-'));

  beforeAll(async () => {
    harness = await launchExtension();
    options = await harness.openOptions();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const goTo = async (tab: 'library' | 'import' | 'settings') => {
    await options.locator(`a[href="#${tab}"]`).click();
  };
  const rangeText = () => options.locator('.pager-range').innerText();
  const exportLibrary = async (): Promise<string> => {
    await goTo('import');
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export the library' }).click()]);
    const path = join(workDir, `export-${Date.now()}.ndjson`);
    await download.saveAs(path);
    return readFileSync(path, 'utf8');
  };
  const importFile = async (path: string) => {
    await goTo('import');
    // Record every progress report the page shows, however quick the import.
    await options.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('.import-progress-label');
        if (bar?.textContent) seen.push(bar.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await options.locator('input[type=file]').setInputFiles(path);
    await options.locator('.import-totals').waitFor({ timeout: 30_000 });
    return {
      totals: await options.locator('.import-totals').innerText(),
      progress: await options.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen),
    };
  };

  it('shows the seeded library', async () => {
    await options.locator('table.entries').waitFor();
    expect(await rangeText()).toBe(`1–${SEEDS} of ${SEEDS}`);
    expect(await options.locator('table.entries').innerText()).toContain('Seed corpus');
    await harness.screenshot(options, 'options-library-seeds');
  });

  it('imports a file of a few hundred articles with progress and a count', async () => {
    const path = join(workDir, 'generated.ndjson');
    writeFileSync(path, generatedArticles(IMPORTED, MARKER, 137).map((article) => JSON.stringify(article)).join('\n'));
    // The articles are prepared in the page's import workers (prepare-pool.ts), not on its thread.
    const workers: string[] = [];
    const warnings: string[] = [];
    options.on('worker', (worker) => workers.push(worker.url()));
    options.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    const { totals, progress } = await importFile(path);
    expect(totals).toBe(`${IMPORTED} added · 0 duplicates skipped · 0 files not imported`);
    expect(workers.some((url) => url.includes('prepare-worker'))).toBe(true);
    expect(warnings.filter((text) => text.includes('import worker'))).toEqual([]);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((text) => text.includes('generated.ndjson'))).toBe(true);
    await harness.screenshot(options, 'options-import-summary');
    await goTo('library');
    await expect.poll(rangeText).toBe(`1–50 of ${IMPORTED + SEEDS}`);
    await harness.screenshot(options, 'options-library-full');
  });

  it('finds an article by a word of its text, opens it, deletes it, undoes that, and deletes it from the list', async () => {
    await goTo('library');
    await options.getByRole('searchbox').fill(MARKER);
    await expect.poll(() => options.locator('table.entries tbody tr').count()).toBe(1);
    await harness.screenshot(options, 'options-search');
    const title = await options.locator('.entry-title').innerText();
    expect(title).toContain('(137)');
    await options.locator('.entry-title').click();
    await options.locator('.details').waitFor();
    expect(await options.locator('.details h2').innerText()).toBe(title);
    expect(await options.locator('.entry-text').innerText()).toContain(`The ${MARKER} committee`);
    await harness.screenshot(options, 'options-entry');
    await options.getByRole('button', { name: 'Delete this entry' }).click();
    await expect.poll(() => options.locator('.notice').innerText()).toContain('Deleted 1 entry.');
    expect(await options.locator('.notice').innerText()).toContain('Undo');
    await expect.poll(() => options.locator('.state').innerText()).toBe('No entry matches these filters.');
    await harness.screenshot(options, 'options-deleted');
    // Undo puts it back as it was; then delete it for good.
    await options.locator('.notice').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => options.locator('.notice').innerText()).toContain('Restored 1 entry.');
    await expect.poll(() => options.locator('.entry-title').innerText()).toBe(title);
    await options.locator('table.entries tbody input[type=checkbox]').check();
    await options.getByRole('button', { name: 'Delete selected' }).click();
    await expect.poll(() => options.locator('.notice').innerText()).toContain('Deleted 1 entry.');
    await options.getByRole('searchbox').fill('');
    await expect.poll(rangeText).toBe(`1–50 of ${IMPORTED + SEEDS - 1}`);
  });

  it('exports the library, empties it, and gets exactly the same library back by importing the export', async () => {
    const exported = await exportLibrary();
    const lines = exported.trim().split('\n');
    expect(lines).toHaveLength(IMPORTED + SEEDS - 1);

    await options.getByRole('button', { name: 'Delete every entry…' }).click();
    await options.getByRole('alertdialog').waitFor();
    await harness.screenshot(options, 'options-confirm-delete-all', { fullPage: false });
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => options.locator('.notice').innerText()).toContain('The library is empty.');
    await goTo('library');
    await expect.poll(() => options.locator('.state').innerText()).toContain('The library is empty.');
    await harness.screenshot(options, 'options-library-empty');

    const path = join(workDir, 'reimport.ndjson');
    writeFileSync(path, exported);
    const { totals } = await importFile(path);
    expect(totals).toBe(`${IMPORTED + SEEDS - 1} added · 0 duplicates skipped · 0 files not imported`);
    expect(await exportLibrary()).toBe(exported);
  });

  it('learns an article while reading, then names it as the source of a spun copy elsewhere', async () => {
    await goTo('settings');
    await options.locator('input[name=learning]').check();
    await expect.poll(() => harness.inServiceWorker(async () => ((await chrome.storage.local.get('learning')).learning as { enabled?: boolean } | undefined)?.enabled, null)).toBe(true);
    await harness.screenshot(options, 'options-settings');

    harness.servePage('/heritage/lighthouse.html', newsPage({ site: 'Coast Gazette', ...ORIGINAL_STORY }));
    const first = await harness.openPage('/heritage/lighthouse.html');
    expect(done(await harness.waitForResult(first.tabId)).matches).toEqual([]);
    // Learned once the reader has stayed on it a while (LEARN_AFTER_MS).
    await expect
      .poll(() => options.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'library/stats' })).value.byOrigin.learned), { timeout: 30_000 })
      .toBe(1);

    const spunStory = { ...ORIGINAL_STORY, paragraphs: spin(ORIGINAL_STORY.paragraphs), publishedAt: undefined };
    harness.servePage('/farm/lighthouse-museum.html', newsPage({ site: 'Viral Daily Buzz', ...spunStory }));
    const copy = await harness.openPage('/farm/lighthouse-museum.html');
    const result = done(await harness.waitForResult(copy.tabId));
    expect(result.matches[0]).toMatchObject({ kind: 'spun', entry: { origin: 'learned', title: ORIGINAL_STORY.headline } });
    const popup = await harness.openPopup(copy.tabId);
    expect(await popup.locator('.verdict__headline').innerText()).toContain('Spun copy of');
    expect(await popup.locator('body').innerText()).toContain(ORIGINAL_STORY.headline);
    await harness.screenshot(popup, 'popup-spun-of-learned');
    await popup.close();
    await first.page.close();
    await copy.page.close();
  });

  it('in "only when I click" mode, scans nothing until the toolbar button opens the popup', async () => {
    await goTo('settings');
    await options.locator('input[name=scan-mode][value=click]').check();
    await expect.poll(() => harness.inServiceWorker(async () => (await chrome.storage.local.get('scanMode')).scanMode, null)).toBe('click');

    harness.servePage('/copy/lighthouse-again.html', newsPage({ site: 'Another Copy', ...ORIGINAL_STORY }));
    const { tabId } = await harness.openPage('/copy/lighthouse-again.html');
    const waiting = await harness.waitForResult(tabId);
    expect(waiting).toMatchObject({ status: 'disabled', why: 'click-to-scan' });
    expect(await harness.badgeText(tabId)).toBe('');

    // Opening the popup is the click: it checks the page at once, no second button.
    const popup = await harness.openPopup(tabId);
    await harness.screenshot(popup, 'popup-click-to-scan');
    await expect
      .poll(async () => (await harness.tabResult(tabId))?.status, { timeout: 20_000 })
      .toBe('done');
    const result = done((await harness.tabResult(tabId))!);
    expect(result.matches[0]).toMatchObject({ kind: 'verbatim', entry: { origin: 'learned' } });
  });
});

declare const chrome: typeof import('wxt/browser').browser;

function done(result: TabResult): Extract<TabResult, { status: 'done' }> {
  expect(result.status).toBe('done');
  return result as Extract<TabResult, { status: 'done' }>;
}
