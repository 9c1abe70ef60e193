/**
 * The content script's behaviour on one tab: scan the page when the settings allow it (else
 * say why not), scan again when the article arrives late or a single-page site shows a new
 * story at a new address, and scan on request (the user's click). The first scan waits for the
 * page's load event, so it never competes with the page's own loading; all page work runs in
 * idle callbacks, cut into short tasks (see read-page.ts).
 */
import { isProbablyArticle } from '../../extract';
import type { sendMessage } from '../../messaging/client';
import { scansAutomatically, type Settings } from '../../settings';
import { LATE_ARTICLE_BOUNDS, watchDom, type Timers, type WatchBounds } from './late-article-watch';
import { readPage, type IdleScheduler, type PageReport } from './read-page';

/** How long a single-page site gets to render its new view before the first look. */
export const SPA_RENDER_DELAY_MS = 500;
/**
 * After a URL change, a site may keep the old story on screen while it fetches the new one:
 * the page is looked at again after each render until its article changes, within these
 * bounds; then whatever it shows is reported for the new address.
 */
export const SPA_CHANGE_BOUNDS: WatchBounds = { debounceMs: 300, maxChecks: 8, watchMs: 10_000 };
/** Idle callbacks run at the latest after this long, so a never-idle page is still scanned. */
const IDLE_TIMEOUT_MS = 3_000;

export interface ContentHost extends Timers {
  requestIdleCallback(callback: () => void, options?: { timeout?: number }): number;
  /** Calls back once the page has loaded (its load event, at once when it already has), or after a bound if its load never ends. */
  afterLoad(callback: () => void): void;
  /** Calls back when the page's URL changes without a load (history API, back/forward). */
  onLocationChange(callback: () => void): void;
  /** A monotonic clock in milliseconds (performance.now). */
  now(): number;
}

export interface ContentScannerDeps {
  document: Document;
  currentUrl(): string;
  loadSettings(): Promise<Pick<Settings, 'scanMode' | 'excludedSites'>>;
  send: typeof sendMessage;
  host: ContentHost;
}

export interface ContentScanner {
  /** Scan now whatever the settings say: the user asked for it. */
  /** `force`: read the page even if it does not look like an article. */
  scanNow(options?: { force?: boolean }): void;
  /** Stops every watch (the script is retired). */
  stop(): void;
}

export function startContentScanner(deps: ContentScannerDeps): ContentScanner {
  const { document, host } = deps;
  const scheduler: IdleScheduler = {
    idle: (work) =>
      new Promise((resolve, reject) => {
        host.requestIdleCallback(
          () => {
            try {
              resolve(work());
            } catch (error) {
              reject(error);
            }
          },
          { timeout: IDLE_TIMEOUT_MS },
        );
      }),
    now: () => host.now(),
  };
  /** Bumped by every new scan: a slower, older read never reports over a newer one. */
  let generation = 0;
  let stopWatch: (() => void) | undefined;
  /** The article text last reported, to tell a single-page site's new story from the old one. */
  let reportedText: string | undefined;

  function stopWatching() {
    stopWatch?.();
    stopWatch = undefined;
  }

  function report<K extends 'page/article' | 'page/not-article' | 'page/too-large' | 'page/skipped'>(type: K, request: Parameters<typeof sendMessage<K>>[1]) {
    // A refusal or a background restart is not the page's problem: never throw into it.
    deps.send(type, request).catch((error: unknown) => console.debug('Recycled News:', error));
  }

  function deliver(page: PageReport) {
    report(page.type, page.request);
    reportedText = page.type === 'page/article' ? page.request.article.text : undefined;
    if (page.type === 'page/not-article') {
      stopWatch = watchDom(document.documentElement, host, LATE_ARTICLE_BOUNDS, () => {
        if (!isProbablyArticle(document)) return false;
        scan();
        return true;
      });
    }
  }

  /** Reads the page and reports it, unless a newer scan started meanwhile. */
  function scan({ force = false } = {}) {
    stopWatching();
    const run = ++generation;
    void read(force).then((page) => {
      if (page && run === generation) deliver(page);
    });
  }

  async function read(force = false): Promise<PageReport | undefined> {
    try {
      return await readPage(document, deps.currentUrl(), scheduler, { force });
    } catch (error) {
      console.debug('Recycled News:', error);
      return undefined;
    }
  }

  /** After a URL change: report the new article, but not the old one while it is still on screen. */
  function scanWhenChanged(previousText: string) {
    stopWatching();
    const run = ++generation;
    const isNewStory = (page: PageReport | undefined) => page !== undefined && !(page.type === 'page/article' && page.request.article.text === previousText);
    void read().then((first) => {
      if (run !== generation) return;
      if (isNewStory(first)) return deliver(first!);
      stopWatch = watchDom(
        document.documentElement,
        host,
        SPA_CHANGE_BOUNDS,
        async () => {
          const page = await read();
          if (run !== generation) return true;
          if (isNewStory(page)) deliver(page!);
          return isNewStory(page);
        },
        // Bounds reached: the address shows what is on screen now, even the same story.
        () => void read().then((page) => run === generation && page && deliver(page)),
      );
    });
  }

  async function begin(previousText?: string) {
    stopWatching();
    generation++;
    const url = deps.currentUrl();
    const settings = await deps.loadSettings();
    if (!scansAutomatically(url, settings)) report('page/skipped', { url, why: settings.scanMode === 'click' ? 'click-to-scan' : 'excluded' });
    else if (previousText === undefined) scan();
    else scanWhenChanged(previousText);
  }

  host.onLocationChange(() => {
    const previousText = reportedText;
    stopWatching();
    generation++;
    host.setTimeout(() => void begin(previousText), SPA_RENDER_DELAY_MS);
  });
  host.afterLoad(() => void begin());
  return {
    scanNow: scan,
    stop() {
      stopWatching();
      generation++;
    },
  };
}
