/**
 * Each tab's latest result, in `storage.session`: it survives a restart of the MV3 service
 * worker (which may happen between a page load and the user opening the popup) and is gone
 * when the browser closes. Results are small (no page text: see page-texts.ts). Beside each
 * result a flag says whether this visit of the tab has already taught the library an article.
 */
import { browser } from 'wxt/browser';
import type { StoredTabResult } from '../protocol';
import { TAB_LEARNED_PREFIX, TAB_RESULT_PREFIX, tabLearnedKey, tabResultKey } from './tab-result-key';

export interface TabResults {
  get(tabId: number): Promise<StoredTabResult | null>;
  set(tabId: number, result: StoredTabResult): Promise<void>;
  /** Forgets the tab's result and its visit (a new page loads, or the tab closed). */
  clear(tabId: number): Promise<void>;
  /** Every stored result, by tab id. */
  all(): Promise<Map<number, StoredTabResult>>;
  /**
   * Drops results of tabs that no longer exist (closed while the worker was asleep). The stored
   * keys are read before `openTabIds` is asked, so a tab that opens and stores its result in
   * between is never taken for a closed one.
   */
  keepOnly(openTabIds: () => Promise<ReadonlySet<number>>): Promise<void>;
  /** True once this visit of the tab (until it loads another page) has taught the library an article. */
  learnedThisVisit(tabId: number): Promise<boolean>;
  markLearned(tabId: number): Promise<void>;
}

const PREFIXES = [TAB_RESULT_PREFIX, TAB_LEARNED_PREFIX];
const tabOfKey = (key: string) => {
  const prefix = PREFIXES.find((candidate) => key.startsWith(candidate));
  return prefix === undefined ? undefined : Number(key.slice(prefix.length));
};

export const sessionTabResults: TabResults = {
  async get(tabId) {
    const key = tabResultKey(tabId);
    const stored = await browser.storage.session.get(key);
    return (stored[key] as StoredTabResult | undefined) ?? null;
  },
  async set(tabId, result) {
    await browser.storage.session.set({ [tabResultKey(tabId)]: result });
  },
  async clear(tabId) {
    await browser.storage.session.remove([tabResultKey(tabId), tabLearnedKey(tabId)]);
  },
  async all() {
    const everything = await browser.storage.session.get(null);
    const results = new Map<number, StoredTabResult>();
    for (const [key, value] of Object.entries(everything)) {
      if (key.startsWith(TAB_RESULT_PREFIX)) results.set(Number(key.slice(TAB_RESULT_PREFIX.length)), value as StoredTabResult);
    }
    return results;
  },
  async keepOnly(openTabIds) {
    const everything = await browser.storage.session.get(null);
    const open = await openTabIds();
    const stale = Object.keys(everything).filter((key) => {
      const tabId = tabOfKey(key);
      return tabId !== undefined && !open.has(tabId);
    });
    if (stale.length > 0) await browser.storage.session.remove(stale);
  },
  async learnedThisVisit(tabId) {
    const key = tabLearnedKey(tabId);
    return (await browser.storage.session.get(key))[key] === true;
  },
  async markLearned(tabId) {
    await browser.storage.session.set({ [tabLearnedKey(tabId)]: true });
  },
};
