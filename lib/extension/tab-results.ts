/**
 * Each tab's latest result, in `storage.session`: it survives a restart of the MV3 service
 * worker (which may happen between a page load and the user opening the popup) and is gone
 * when the browser closes.
 */
import { browser } from 'wxt/browser';
import type { TabResult } from '../protocol';
import { TAB_RESULT_PREFIX, tabResultKey } from './tab-result-key';

export interface TabResults {
  get(tabId: number): Promise<TabResult | null>;
  set(tabId: number, result: TabResult): Promise<void>;
  clear(tabId: number): Promise<void>;
  /** Drops results of tabs that no longer exist (closed while the worker was asleep). */
  keepOnly(openTabIds: ReadonlySet<number>): Promise<void>;
}

export const sessionTabResults: TabResults = {
  async get(tabId) {
    const key = tabResultKey(tabId);
    const stored = await browser.storage.session.get(key);
    return (stored[key] as TabResult | undefined) ?? null;
  },
  async set(tabId, result) {
    await browser.storage.session.set({ [tabResultKey(tabId)]: result });
  },
  async clear(tabId) {
    await browser.storage.session.remove(tabResultKey(tabId));
  },
  async keepOnly(openTabIds) {
    const everything = await browser.storage.session.get(null);
    const stale = Object.keys(everything).filter(
      (key) => key.startsWith(TAB_RESULT_PREFIX) && !openTabIds.has(Number(key.slice(TAB_RESULT_PREFIX.length))),
    );
    if (stale.length > 0) await browser.storage.session.remove(stale);
  },
};
