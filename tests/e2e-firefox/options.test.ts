/**
 * The options page in real Firefox ESR with the Firefox build: the seeded library, an import of
 * a generated library file through the file input (IndexedDB in Firefox's extension process),
 * a search in the imported entries, and the popup's "Manage library" link
 * (runtime.openOptionsPage), and "only when I click" mode. This browser runs in dark mode (the popup tests in light); screenshots
 * go to test-artifacts/firefox-options-*-dark.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedArticles } from '../e2e/options-fixtures';
import { GARDEN_ARTICLE } from '../e2e/pages/articles';
import { seed } from '../e2e/pages/seeds';
import { newsPage } from '../e2e/pages/site-chrome';
import { FirefoxHarness } from './harness';

const IMPORTED = 300;
const MARKER = 'quillfeather';
const SEEDS = 5;

declare const browser: import('webextension-polyfill').Browser;

describe('options page in Firefox', () => {
  let harness: FirefoxHarness;
  let options: Page;
  const workDir = mkdtempSync(join(tmpdir(), 'rn-firefox-options-'));

  beforeAll(async () => {
    harness = await FirefoxHarness.launch({ colorScheme: 'dark' });
    options = await harness.openOptions();
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  const textOf = (selector: string) => options.$eval(selector, (element) => (element as HTMLElement).innerText);
  const waitForText = (selector: string, expected: string) =>
    options.waitForFunction(
      (where: string, text: string) => (document.querySelector(where) as HTMLElement | null)?.innerText === text,
      {},
      selector,
      expected,
    );
  const goTo = (tab: 'library' | 'import' | 'settings') => options.locator(`a[href="#${tab}"]`).click();

  it('shows the seeded library', async () => {
    await options.waitForSelector('table.entries');
    await waitForText('.pager-range', `1–${SEEDS} of ${SEEDS}`);
    expect(await textOf('table.entries')).toContain('Seed corpus');
    await harness.screenshot(options, 'firefox-options-library-seeds-dark');
  });

  it('imports a file of a few hundred articles and finds one of them by a word of its text', async () => {
    const path = join(workDir, 'generated.ndjson');
    writeFileSync(path, generatedArticles(IMPORTED, MARKER, 137).map((article) => JSON.stringify(article)).join('\n'));
    // The articles are prepared in the page's import workers (prepare-pool.ts), in Firefox too.
    const workers: string[] = [];
    options.on('workercreated', (worker) => workers.push(worker.url()));
    await goTo('import');
    const input = (await options.waitForSelector('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    await options.waitForSelector('.import-totals', { timeout: 60_000 });
    expect(await textOf('.import-totals')).toBe(`${IMPORTED} added · 0 duplicates skipped · 0 files not imported`);
    const script = workers.find((url) => url.includes('prepare-worker'));
    expect(script).toBeDefined();
    // That script really prepares articles here (a worker failing to run would leave the page to
    // prepare them, and the import would pass all the same).
    const reply = await options.evaluate(
      (url: string) =>
        new Promise<unknown>((resolve, reject) => {
          const worker = new Worker(url);
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({ id: 7, articles: [{ line: 1, article: { id: 'probe', title: 'Probe', text: 'A short text of a few words for the import worker to prepare.' } }] });
        }),
      script!,
    );
    expect(reply).toMatchObject({ id: 7, prepared: [{ line: 1, article: { id: 'probe' }, textHash: expect.stringMatching(/^[0-9a-f]{64}$/) }] });
    await harness.screenshot(options, 'firefox-options-import-summary-dark');

    await goTo('library');
    await waitForText('.pager-range', `1–50 of ${IMPORTED + SEEDS}`);
    await harness.screenshot(options, 'firefox-options-library-full-dark', { fullPage: false });
    await options.locator('input[type=search]').fill(MARKER);
    await options.waitForFunction(() => document.querySelectorAll('table.entries tbody tr').length === 1);
    expect(await textOf('.entry-title')).toContain('(137)');
  });

  it('opens the options page from the popup\'s "Manage library" (runtime.openOptionsPage)', async () => {
    harness.servePage('/local/orchard.html', newsPage({ site: 'Eastfield Gazette', ...GARDEN_ARTICLE }));
    const { tabId } = await harness.openPage('/local/orchard.html');
    await harness.waitForResult(tabId);
    const popup = await harness.openPopup(tabId);
    await harness.screenshot(popup, 'firefox-popup-clean-dark');
    const activeUrl = () => harness.inExtension(async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url, undefined);
    expect(await activeUrl()).toMatch(/\/popup\.html\?tabId=/);
    await popup.locator('button::-p-text(Manage library)').click();
    // Firefox focuses an options tab already open, or opens one: either way it becomes the active tab.
    await expect.poll(activeUrl).toMatch(/^moz-extension:\/\/[^/]+\/options\.html/);
  });

  it('in "only when I click" mode, scans nothing until the toolbar button opens the popup', async () => {
    await options.bringToFront();
    await goTo('settings');
    await options.locator('input[name=scan-mode][value=click]').click();
    await expect.poll(() => harness.inExtension(async () => (await browser.storage.local.get('scanMode')).scanMode, undefined)).toBe('click');

    // Seed 000 is a spun copy of seed 001: a page the badge flags.
    const briefing = seed('000');
    harness.servePage('/live/briefing.html', newsPage({ site: 'Another Gazette', headline: briefing.title, paragraphs: briefing.text.split('\n\n') }));
    const { tabId } = await harness.openPage('/live/briefing.html');
    expect(await harness.waitForResult(tabId)).toMatchObject({ status: 'disabled', why: 'click-to-scan' });
    // Opening the popup is the click: the check starts at once, no second button.
    const popup = await harness.openPopup(tabId);
    const result = await harness.waitForResult(tabId, (stored) => stored.status === 'done');
    await harness.screenshot(popup, 'firefox-popup-click-to-scan-dark');
    expect(result.status === 'done' && result.matches.map((match) => match.id)).toContain(seed('001').id);
    expect(await harness.badgeText(tabId)).toBe('SPUN');
  });
});
