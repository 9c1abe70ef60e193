/**
 * When a read article is learned: only once the reader has stayed on it a while (a page that
 * rewrites its article and address every few hundred milliseconds never settles long enough),
 * and at most one article per visit of a tab (the flag lives with the tab's result, see
 * tab-results.ts). A newer article offered by the same tab replaces the one waiting.
 */

/** How long a page must stay the tab's checked page before it is learned. Below the MV3
 *  worker's 30 s idle limit, so the timer outlives no worker that just answered a page. */
export const LEARN_AFTER_MS = 10_000;

export interface Timer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: Timer = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

export class LearningScheduler {
  private readonly waiting = new Map<number, unknown>();

  constructor(
    private readonly delayMs: number = LEARN_AFTER_MS,
    private readonly timer: Timer = realTimer,
  ) {}

  /** Runs `learn` for tab `tabId` after the delay, unless another offer for the tab comes first. */
  offer(tabId: number, learn: () => Promise<void>): void {
    this.cancel(tabId);
    const handle = this.timer.set(() => {
      this.waiting.delete(tabId);
      learn().catch((error: unknown) => console.warn('Recycled News: could not learn the page', error));
    }, this.delayMs);
    this.waiting.set(tabId, handle);
  }

  cancel(tabId: number): void {
    if (!this.waiting.has(tabId)) return;
    this.timer.clear(this.waiting.get(tabId));
    this.waiting.delete(tabId);
  }
}
