/**
 * Heavy and padded pages in Chromium: padding cannot hide a copy, a 10 MB page is called "too
 * large to check" without a long task on its main thread, a 5,000-level deep page gets its
 * verdict, and the tab and the service worker stay responsive throughout.
 * Long tasks are observed in the page itself (PerformanceObserver, 'longtask').
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/protocol';
import { useExtension, type ExtensionHarness } from './harness';
import { deepPage, hugePage, paddedPage } from './pages/hostile';
import { seed } from './pages/seeds';

type Done = Extract<TabResult, { status: 'done' }>;

/** A long task, as the HTML standard and the Long Tasks API define it: over 50 ms. */
const LONG_TASK_MS = 50;

/** Long tasks that started after the page's load event ended (the parser's own are before it), as [start, duration]. */
async function longTasksAfterLoad(page: Page): Promise<Array<[number, number]>> {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const tasks = (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks;
    return tasks.filter(([start]) => start >= navigation.loadEventEnd);
  });
}

/** The tab answers script and the service worker answers messages. */
async function expectResponsive(harness: ExtensionHarness, page: Page) {
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  expect(await harness.inServiceWorker(() => 'alive', undefined)).toBe('alive');
}

describe('heavy pages', () => {
  const extension = useExtension();

  it('flags a copy padded with 46,000 hidden empty elements', async () => {
    const harness = extension();
    harness.servePage('/farm/padded.html', paddedPage('002', 46_000));
    const started = Date.now();
    const { tabId } = await harness.openPage('/farm/padded.html');
    const result = await harness.waitForResult(tabId);
    console.log(`padded page: verdict ${Date.now() - started} ms after navigation began`);
    expect(result.status).toBe('done');
    expect((result as Done).matches.map((match) => [match.id, match.kind])).toEqual([[seed('002').id, 'verbatim']]);
    expect(await harness.badgeText(tabId)).toBe('COPY');
  });

  it('calls a 10 MB page "too large to check", adding no long task to it', async () => {
    const harness = extension();
    harness.servePage('/forum/huge.html', hugePage('002', 10));
    const started = Date.now();
    const { page, tabId } = await harness.openPage('/forum/huge.html');
    expect((await harness.waitForResult(tabId, undefined, 60_000)).status).toBe('too-large');
    console.log(`10 MB page: "too large" ${Date.now() - started} ms after navigation began`);
    await expectResponsive(harness, page);
    const tasks = await longTasksAfterLoad(page);
    console.log(`10 MB page: long tasks after load ${JSON.stringify(tasks)}`);
    expect(tasks.filter(([, duration]) => duration > LONG_TASK_MS)).toEqual([]);
    const popup = await harness.openPopup(tabId);
    expect(await popup.locator('.verdict__headline').innerText()).toBe('Too large to check');
    await harness.screenshot(popup, 'popup-too-large');
  });

  it('gives a 5,000-level deep page its verdict and stays responsive', async () => {
    const harness = extension();
    harness.servePage('/farm/deep.html', deepPage('002', 5_000));
    const started = Date.now();
    const { page, tabId } = await harness.openPage('/farm/deep.html');
    expect(await page.evaluate(() => {
      let depth = 0;
      for (let element: Element | null = document.querySelector('article'); element; element = element.parentElement) depth++;
      return depth;
    })).toBeGreaterThanOrEqual(512);
    const result = await harness.waitForResult(tabId, undefined, 60_000);
    console.log(`5,000-level page: verdict ${Date.now() - started} ms after navigation began`);
    expect(result.status).toBe('done');
    expect((result as Done).matches.map((match) => match.id)).toEqual([seed('002').id]);
    await expectResponsive(harness, page);
    console.log(`5,000-level page: long tasks after load ${JSON.stringify(await longTasksAfterLoad(page))}`);
  });
});
