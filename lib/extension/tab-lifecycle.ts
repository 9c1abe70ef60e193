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

/**
 * How long after the worker starts its events may come in any order. A stopped worker is
 * started by the first event for it, and the browser delivers what queued meanwhile (the tab's
 * "loading" and the new page's report) in no guaranteed order: a "loading" handled after the
 * new page's report used to wipe that page's result (issue 12: results lost after a restart).
 */
export const COLD_START_MS = 10_000;

/**
 * Which tabs' pages reported to this worker, and in what order relative to "loading" events.
 * During the cold start, a "loading" event handled after such a report is late (the report
 * came from the page that loaded) and must not clear it; "loading" events of a worker running
 * for longer come in order. Later, a "loading" whose handler is still waiting for the stored
 * result when the new page reports (a worker kept busy by an import) must not clear that
 * report's "checking" either: reports are numbered as they arrive, so the handler can tell.
 */
export class PageReports {
  private readonly startedAt: number;
  private readonly reported = new Map<number, number>();
  private count = 0;

  constructor(private readonly now: () => number = Date.now) {
    this.startedAt = now();
  }

  /** Call when a page of tab `tabId` reports (an article, no article, or a skip), before any
   *  await; returns the report's number. */
  mark(tabId: number): number {
    this.reported.set(tabId, ++this.count);
    return this.count;
  }

  /** The number of the last report so far: a "loading" handler notes it when the event comes. */
  get sequence(): number {
    return this.count;
  }

  /** Did a page of `tabId` report after the report numbered `sequence`? */
  reportedAfter(tabId: number, sequence: number): boolean {
    return (this.reported.get(tabId) ?? 0) > sequence;
  }

  isLateLoading(tabId: number): boolean {
    return this.now() - this.startedAt < COLD_START_MS && this.reported.has(tabId);
  }

  /** The tab closed. */
  forget(tabId: number): void {
    this.reported.delete(tabId);
  }
}

export interface WatchOptions {
  /** Called when a tab loads another page or closes (drop what is kept in memory for it). */
  onLeave?: (tabId: number) => void;
  reports?: PageReports;
  /** Called when a tab starts loading a page (not a late event of a cold start). `readable`:
   *  the content script may read it and report; false for a page whose address the browser
   *  shows us and that is not http(s), such as the extension's own pages. */
  onLoading?: (tabId: number, readable: boolean) => void;
  /** Called when a tab closes. */
  onClosed?: (tabId: number) => void;
}

/** What the library offers loading pages (LibraryService.pageLoading / pageReported). */
export interface PageHolds {
  pageLoading(tabId: number, since?: number): void;
  pageReported(tabId: number, report?: number): void;
}

/**
 * watchTabs's `onLoading` and `onClosed` for the library's loading-page holds (foreground.ts):
 * a page that may report holds an import back from its "loading", numbered after the reports
 * so far (so only a later report ends it); a tab showing a page that will not report (the
 * extension's own), or closed, ends its hold.
 */
export function pageHoldEvents(library: () => Promise<PageHolds>, reports: PageReports): Pick<WatchOptions, 'onLoading' | 'onClosed'> {
  const withLibrary = (use: (holds: PageHolds) => void) => void library().then(use, () => undefined);
  return {
    onLoading: (tabId, readable) => {
      const since = reports.sequence;
      withLibrary((holds) => (readable ? holds.pageLoading(tabId, since) : holds.pageReported(tabId)));
    },
    onClosed: (tabId) => withLibrary((holds) => holds.pageReported(tabId)),
  };
}

export function watchTabs(tabResults: TabResults, showBadge: ShowBadge, { onLeave = () => {}, reports, onLoading, onClosed }: WatchOptions = {}): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    if (reports?.isLateLoading(tabId)) return;
    // Without host permissions the browser hides http(s) addresses, but shows our own pages'.
    const address = change.url ?? tab?.url;
    onLoading?.(tabId, address === undefined || /^https?:/i.test(address));
    const seen = reports?.sequence ?? 0;
    void (async () => {
      if (isSamePage(await tabResults.get(tabId), change.url)) return;
      // The new page reported while this waited: what is stored now is its own.
      if (reports?.reportedAfter(tabId, seen)) return;
      onLeave(tabId);
      await tabResults.clear(tabId);
      await showBadge(tabId, null, false);
    })();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    reports?.forget(tabId);
    onLeave(tabId);
    onClosed?.(tabId);
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
  await tabResults.keepOnly(async () => {
    const tabs = await browser.tabs.query({});
    return new Set(tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id])));
  });
}
