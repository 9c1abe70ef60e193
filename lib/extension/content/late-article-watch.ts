/**
 * Watches for an article that arrives after the page loaded (rendered by script). Bounded so a
 * busy page (tickers, ads, infinite scroll) cannot keep us working: mutations are debounced,
 * only a few checks are made, and the watch ends after a fixed time.
 */

/** Quiet time after the last DOM change before checking again: lets a render finish. */
export const LATE_ARTICLE_DEBOUNCE_MS = 1_000;
/** Checks made at most per page: a late article usually arrives in one or two renders. */
export const LATE_ARTICLE_MAX_CHECKS = 3;
/** The watch ends after this long, article or not. */
export const LATE_ARTICLE_WATCH_MS = 20_000;

export interface Timers {
  setTimeout(handler: () => void, timeout?: number): number;
}

/**
 * Calls `check` (debounced) after DOM changes under `root`, until it returns true or the
 * bounds are reached. Returns a function that stops the watch.
 */
export function watchForLateArticle(root: Node, timers: Timers, check: () => boolean): () => void {
  let checksLeft = LATE_ARTICLE_MAX_CHECKS;
  let pending: number | undefined;
  let stopped = false;
  const observer = new MutationObserver(() => {
    if (pending !== undefined) clearTimeout(pending);
    pending = timers.setTimeout(run, LATE_ARTICLE_DEBOUNCE_MS);
  });
  function stop() {
    stopped = true;
    observer.disconnect();
    if (pending !== undefined) clearTimeout(pending);
  }
  function run() {
    pending = undefined;
    if (stopped) return;
    checksLeft -= 1;
    if (check() || checksLeft <= 0) stop();
  }
  observer.observe(root, { childList: true, subtree: true });
  timers.setTimeout(stop, LATE_ARTICLE_WATCH_MS);
  return stop;
}
