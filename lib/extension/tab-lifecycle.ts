/**
 * Forgets a tab's result when the tab loads another page or closes. Uses only `tabs` events
 * that need no permission: without the "tabs" permission the browser does not always tell us
 * the new URL, so any load that is not visibly the same page clears the result (the content
 * script of the new page reports again).
 */
import { browser } from 'wxt/browser';
import type { StoredTabResult } from '../protocol';
import type { TabResults } from './tab-results';

type ShowBadge = (tabId: number, result: StoredTabResult | null, enabled: boolean) => Promise<void>;

const withoutHash = (url: string) => url.replace(/#.*$/, '');

/** Same page: only the fragment changed (the browser told us the new URL). */
export function isSamePage(stored: StoredTabResult | null, newUrl: string | undefined): boolean {
  return stored !== null && newUrl !== undefined && withoutHash(stored.url) === withoutHash(newUrl);
}

/** `onLeave`: called when a tab loads another page or closes (drop what is kept in memory for it). */
export function watchTabs(tabResults: TabResults, showBadge: ShowBadge, onLeave: (tabId: number) => void = () => {}): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void (async () => {
      if (isSamePage(await tabResults.get(tabId), change.url)) return;
      onLeave(tabId);
      await tabResults.clear(tabId);
      await showBadge(tabId, null, false);
    })();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    onLeave(tabId);
    void tabResults.clear(tabId);
  });
}

/**
 * After a service-worker restart: every tab still "checking" was being checked by the worker
 * that stopped. `lookAt` (the 'tab/result' handler) recognises each as stale and has its
 * page read again, so no tab waits for a check that will never end.
 */
export async function recheckInterrupted(tabResults: TabResults, lookAt: (tabId: number) => Promise<unknown>): Promise<void> {
  for (const [tabId, result] of await tabResults.all()) {
    if (result.status === 'checking') await lookAt(tabId).catch(() => undefined);
  }
}

/** After a service-worker restart: drop results of tabs closed while it was not running. */
export async function forgetClosedTabs(tabResults: TabResults): Promise<void> {
  const tabs = await browser.tabs.query({});
  await tabResults.keepOnly(new Set(tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]))));
}
