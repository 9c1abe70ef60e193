/**
 * The content script's behaviour on one tab: scan the page when the settings allow it (else
 * say why not), scan again when a single-page site changes URL or the article arrives late,
 * and scan on request (the user's click). All page work runs in idle callbacks, never while
 * the page is busy.
 */
import { isProbablyArticle } from '../../extract';
import type { sendMessage } from '../../messaging/client';
import { scansAutomatically, type Settings } from '../../settings';
import { watchForLateArticle, type Timers } from './late-article-watch';
import { readPage } from './read-page';

/** How long a single-page site gets to render its new view before we read it. */
export const SPA_RENDER_DELAY_MS = 1_000;
/** Idle callbacks run at the latest after this long, so a never-idle page is still scanned. */
const IDLE_TIMEOUT_MS = 3_000;

export interface ContentHost extends Timers {
  requestIdleCallback(callback: () => void, options?: { timeout?: number }): number;
  /** Calls back when the page's URL changes without a load (history API, back/forward). */
  onLocationChange(callback: () => void): void;
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
}

export function startContentScanner(deps: ContentScannerDeps): ContentScanner {
  const { document, host } = deps;
  let stopLateWatch: (() => void) | undefined;

  function report<K extends 'page/article' | 'page/not-article' | 'page/skipped'>(type: K, request: Parameters<typeof sendMessage<K>>[1]) {
    // A refusal or a background restart is not the page's problem: never throw into it.
    deps.send(type, request).catch((error: unknown) => console.debug('Recycled News:', error));
  }

  function scan({ force = false } = {}) {
    host.requestIdleCallback(
      () => {
        const page = readPage(document, deps.currentUrl(), { force });
        report(page.type, page.request);
        if (page.type === 'page/not-article' && !stopLateWatch) {
          stopLateWatch = watchForLateArticle(document.documentElement, host, () => {
            if (!isProbablyArticle(document)) return false;
            scan();
            return true;
          });
        }
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  }

  async function begin() {
    stopLateWatch?.();
    stopLateWatch = undefined;
    const url = deps.currentUrl();
    const settings = await deps.loadSettings();
    if (scansAutomatically(url, settings)) scan();
    else report('page/skipped', { url, why: settings.scanMode === 'click' ? 'click-to-scan' : 'excluded' });
  }

  host.onLocationChange(() => host.setTimeout(() => void begin(), SPA_RENDER_DELAY_MS));
  void begin();
  return { scanNow: scan };
}
