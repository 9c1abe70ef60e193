/**
 * Helpers for the lifecycle end-to-end tests: stop the extension's service worker through the
 * DevTools protocol (as the browser does to an idle worker), and read tab results and badges
 * from an extension page, which keeps working while the worker is stopped or restarting
 * (the harness's own readers run inside the worker).
 */
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { TAB_RESULT_PREFIX, tabResultKey } from '../../lib/extension/tab-result-key';
import type { StoredTabResult } from '../../lib/protocol';
import type { ExtensionHarness } from './harness';

declare const chrome: typeof browser;

export class ExtensionProbe {
  private constructor(
    private readonly harness: ExtensionHarness,
    readonly page: Page,
  ) {}

  /** Opens an extension page to read from (the options page: it sends nothing about tabs). */
  static async open(harness: ExtensionHarness): Promise<ExtensionProbe> {
    const page = await harness.context.newPage();
    await page.goto(`chrome-extension://${harness.extensionId}/options.html#settings`);
    return new ExtensionProbe(harness, page);
  }

  /** Stops every service worker (ServiceWorker.stopAllWorkers), as the browser does to an idle one. */
  async stopWorkers(): Promise<void> {
    const session = await this.harness.context.newCDPSession(this.page);
    try {
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
    } finally {
      await session.detach();
    }
  }

  async tabResult(tabId: number): Promise<StoredTabResult | null> {
    const key = tabResultKey(tabId);
    return this.page.evaluate(async (storageKey) => ((await chrome.storage.session.get(storageKey))[storageKey] as StoredTabResult | undefined) ?? null, key);
  }

  async setTabResult(tabId: number, result: StoredTabResult): Promise<void> {
    await this.page.evaluate(([key, value]) => chrome.storage.session.set({ [key]: value }), [tabResultKey(tabId), result] as const);
  }

  async badgeText(tabId: number): Promise<string> {
    return this.page.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** The id of the tab showing `page`: made the active tab, then asked for (tab URLs need a permission we do not have). */
  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const id = await this.page.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    if (id === undefined) throw new Error('Could not find the id of the active tab.');
    return id;
  }

  /**
   * Waits for the result of the tab showing `url` (each test page has its own address), so no
   * tab id has to be guessed from which tab is active; returns the tab id and the result.
   */
  async waitForPage(url: string, until: (result: StoredTabResult) => boolean = settled, timeoutMs = 60_000): Promise<{ tabId: number; result: StoredTabResult }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.page.evaluate(
        async ([prefix, address]) =>
          Object.entries(await chrome.storage.session.get(null))
            .filter(([key, value]) => key.startsWith(prefix) && (value as StoredTabResult).url === address)
            .map(([key, value]) => ({ tabId: Number(key.slice(prefix.length)), result: value as StoredTabResult })),
        [TAB_RESULT_PREFIX, url] as const,
      );
      const match = found.find(({ result }) => until(result));
      if (match) return match;
      if (Date.now() > deadline) {
        const all = await this.page.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)).slice(0, 600));
        throw new Error(`${url}: no awaited result after ${timeoutMs} ms (seen: ${JSON.stringify(found).slice(0, 300)}; stored: ${all}).`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /** Waits until tab `tabId`'s stored result satisfies `until`; polls every 100 ms up to `timeoutMs`. */
  async waitForResult(tabId: number, until: (result: StoredTabResult) => boolean, timeoutMs = 60_000): Promise<StoredTabResult> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.tabResult(tabId);
      if (result && until(result)) return result;
      if (Date.now() > deadline) throw new Error(`Tab ${tabId}: no awaited result after ${timeoutMs} ms (last: ${JSON.stringify(result)?.slice(0, 300)}).`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

export const settled = (result: StoredTabResult) => result.status !== 'checking';
