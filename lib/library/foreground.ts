/**
 * Matching comes first. A page's verdict needs a few reads of the library; background work
 * (search words indexed after an import, an import's writes) runs in transactions that hold
 * the database's one backend sequence while they commit. Each such transaction first waits
 * here until no match is running, so a match waits for at most the one transaction already
 * under way, never for a queue of them.
 *
 * A page that is loading holds back an import's writes too (`hold`, `quiet`): on two cores, an
 * import (the options page's worker, this worker and the browser's storage) and the page's own
 * load and extraction share the processor, and a check during an import took up to twice as
 * long from navigation as a warm one (README, issue 13 target 2). The search-word indexing is
 * lighter (this worker alone) and waits for matches only, so search is not held up by browsing.
 */

/** Lets the event loop run (a page's check that arrived is taken in) before long background
 *  work goes on. setTimeout(0), not a MessageChannel: after five nested calls it sleeps 4 ms,
 *  which leaves the processor to the pages (README, "Tried and not kept"). */
export const yieldToEvents = (): Promise<void> => new Promise<void>((resume) => setTimeout(resume, 0));

/** A loading page's hold. */
interface Hold {
  /** Ends the hold when the page never reports. */
  timer: ReturnType<typeof setTimeout>;
  /** The number of the last page report before the page began loading. */
  since: number;
  /** Set once the tab has been held, without a report, for as long as one hold lasts: it
   *  keeps loading pages that never report (a page reloading itself) and counts no more. */
  stale: boolean;
  staleTimer: ReturnType<typeof setTimeout>;
}

/** Someone waiting for `ready()`; `timer` ends its wait for held pages at its limit. */
interface Waiter {
  ready: (expired: boolean) => boolean;
  resume: () => void;
  expired: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

export class ForegroundGate {
  private running = 0;
  private waiting: Waiter[] = [];
  /** Pages loading, by key (a tab id). */
  private readonly holds = new Map<number, Hold>();

  /** Runs `work` (a match) as foreground work. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.wake();
    }
  }

  /**
   * Counts a page loading under `key` as foreground work until `release(key, n)` with a report
   * numbered above `since` (the last report's number when the page began loading; see
   * tab-lifecycle.ts PageReports), or at the latest `ms` milliseconds from now (a page that is
   * never read reports nothing). Holding the same key again (its next page) restarts that
   * time, but a key held without a report for `ms` in all counts no more until it reports or
   * its hold ends: a tab that keeps reloading cannot hold background work back.
   */
  hold(key: number, ms: number, since = 0): void {
    const held = this.holds.get(key);
    clearTimeout(held?.timer);
    const timer = setTimeout(() => this.end(key), ms);
    if (held) {
      Object.assign(held, { timer, since });
      return;
    }
    const hold: Hold = { timer, since, stale: false, staleTimer: setTimeout(() => ((hold.stale = true), this.wake()), ms) };
    this.holds.set(key, hold);
  }

  /**
   * A page under `key` reported: ends the hold if the report (numbered `report`) came after the
   * held page began loading, so the late report of the page before it, whose check was still
   * running, does not end it. Without a number (the tab closed) the hold ends.
   */
  release(key: number, report = Number.POSITIVE_INFINITY): void {
    const hold = this.holds.get(key);
    if (hold && report > hold.since) this.end(key);
  }

  private end(key: number): void {
    const hold = this.holds.get(key);
    if (!hold) return;
    clearTimeout(hold.timer);
    clearTimeout(hold.staleTimer);
    this.holds.delete(key);
    this.wake();
  }

  /** Resolves when no match is running (at once if none is). */
  idle(): Promise<void> {
    return this.waitFor(() => this.running === 0);
  }

  /**
   * Resolves when no match is running and no page is held, or, with pages held, once
   * `limitMs` have passed since the call and no match is running: pages that keep loading one
   * after another slow what waits here, never stop it.
   */
  quiet(limitMs: number): Promise<void> {
    return this.waitFor((expired) => this.running === 0 && (expired || !this.anyPageHeld()), limitMs);
  }

  private anyPageHeld(): boolean {
    for (const hold of this.holds.values()) if (!hold.stale) return true;
    return false;
  }

  private waitFor(ready: (expired: boolean) => boolean, limitMs?: number): Promise<void> {
    if (ready(false)) return Promise.resolve();
    return new Promise((resume) => {
      const waiter: Waiter = { ready, resume, expired: false };
      if (limitMs !== undefined) {
        waiter.timer = setTimeout(() => {
          waiter.expired = true;
          this.wake();
        }, limitMs);
      }
      this.waiting.push(waiter);
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) {
      if (!waiter.ready(waiter.expired)) {
        this.waiting.push(waiter);
        continue;
      }
      clearTimeout(waiter.timer);
      waiter.resume();
    }
  }
}
