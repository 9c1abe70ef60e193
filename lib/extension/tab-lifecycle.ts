/**
 * Forgets a tab's result when the tab loads another page or closes. Uses only `tabs` events
 * that need no permission: without the "tabs" permission the browser does not always tell us
 * the new URL, so any load that is not visibly the same page clears the result (the content
 * script of the new page reports again).
 */
import { browser } from 'wxt/browser';
import type { TabResult } from '../protocol';
import type { TabResults } from './tab-results';

type ShowBadge = (tabId: number, result: TabResult | null, enabled: boolean) => Promise<void>;

const withoutHash = (url: string) => url.replace(/#.*$/, '');

/** Same page: only the fragment changed (the browser told us the new URL). */
export function isSamePage(stored: TabResult | null, newUrl: string | undefined): boolean {
  return stored !== null && newUrl !== undefined && withoutHash(stored.url) === withoutHash(newUrl);
}

export function watchTabs(tabResults: TabResults, showBadge: ShowBadge): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void (async () => {
      if (isSamePage(await tabResults.get(tabId), change.url)) return;
      await tabResults.clear(tabId);
      await showBadge(tabId, null, false);
    })();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabResults.clear(tabId);
  });
}

/**
 * Draws every open tab's badge again from its stored result: after the badge setting is turned
 * back on, pages already checked show their badge without being reloaded (and lose it when off).
 */
export async function redrawBadges(tabResults: TabResults, showBadge: ShowBadge, enabled: boolean): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap((tab) => (tab.id === undefined ? [] : [tabResults.get(tab.id).then((result) => showBadge(tab.id!, result, enabled))])),
  );
}

/** After a service-worker restart: drop results of tabs closed while it was not running. */
export async function forgetClosedTabs(tabResults: TabResults): Promise<void> {
  const tabs = await browser.tabs.query({});
  await tabResults.keepOnly(new Set(tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]))));
}
