/**
 * Watches the page's DOM for a change worth a new look: an article that arrives after the page
 * loaded (rendered by script), or a single-page site's new story replacing the old one after
 * a URL change. Bounded so a busy page (tickers, ads, infinite scroll) cannot keep us working:
 * mutations are debounced, only a few checks are made, and the watch ends after a fixed time.
 */

/** Quiet time after the last DOM change before checking again: lets a render finish. */
export const LATE_ARTICLE_DEBOUNCE_MS = 1_000;
/** Checks made at most per page: a late article usually arrives in one or two renders. */
export const LATE_ARTICLE_MAX_CHECKS = 3;
/** The watch ends after this long, article or not. */
export const LATE_ARTICLE_WATCH_MS = 20_000;

export interface Timers {
  setTimeout(handler: () => void, timeout?: number): number;
  clearTimeout(id: number): void;
}

export interface WatchBounds {
  /** Quiet time after the last DOM change before a check. */
  debounceMs: number;
  /** Checks made at most. */
  maxChecks: number;
  /** The watch ends after this long. */
  watchMs: number;
}

export const LATE_ARTICLE_BOUNDS: WatchBounds = {
  debounceMs: LATE_ARTICLE_DEBOUNCE_MS,
  maxChecks: LATE_ARTICLE_MAX_CHECKS,
  watchMs: LATE_ARTICLE_WATCH_MS,
};

/**
 * Calls `check` (debounced, never two at once) after DOM changes under `root`, until it
 * resolves to true or the bounds are reached; `onGiveUp` runs when the bounds end the watch
 * first. Returns a function that stops the watch (without `onGiveUp`).
 */
export function watchDom(
  root: Node,
  timers: Timers,
  bounds: WatchBounds,
  check: () => boolean | Promise<boolean>,
  onGiveUp?: () => void,
): () => void {
  let checksLeft = bounds.maxChecks;
  let pending: number | undefined;
  let checking = false;
  let stopped = false;
  const observer = new MutationObserver(schedule);
  function schedule() {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = timers.setTimeout(run, bounds.debounceMs);
  }
  function stop() {
    stopped = true;
    observer.disconnect();
    if (pending !== undefined) timers.clearTimeout(pending);
    timers.clearTimeout(deadline);
  }
  function giveUp() {
    if (stopped) return;
    stop();
    onGiveUp?.();
  }
  async function run() {
    pending = undefined;
    if (stopped) return;
    if (checking) return schedule();
    checking = true;
    checksLeft -= 1;
    const found = await check();
    checking = false;
    if (stopped) return;
    if (found) stop();
    else if (checksLeft <= 0) giveUp();
  }
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const deadline = timers.setTimeout(giveUp, bounds.watchMs);
  return stop;
}
