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
/** A loading page's hold: its timer, and the number of the last page report before it began. */
interface Hold {
  timer: ReturnType<typeof setTimeout>;
  since: number;
}

/** Someone waiting for `ready()`; `timer` wakes it at its time limit, if it has one. */
interface Waiter {
  ready: () => boolean;
  resume: () => void;
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
   * never read reports nothing). Holding the same key again (its next page) starts again.
   */
  hold(key: number, ms: number, since = 0): void {
    clearTimeout(this.holds.get(key)?.timer);
    this.holds.set(key, { since, timer: setTimeout(() => this.end(key), ms) });
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
    clearTimeout(this.holds.get(key)?.timer);
    if (this.holds.delete(key)) this.wake();
  }

  /** Resolves when no match is running (at once if none is). */
  idle(): Promise<void> {
    return this.waitFor(() => this.running === 0);
  }

  /**
   * Resolves when no match is running and no page is held, or, with pages held, once
   * `limitMs` have passed since the call and no match is running: pages that keep loading (a
   * tab reloading itself, one after another) slow what waits here, never stop it.
   */
  quiet(limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    return this.waitFor(() => this.running === 0 && (this.holds.size === 0 || Date.now() >= deadline), limitMs);
  }

  private waitFor(ready: () => boolean, limitMs?: number): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resume) => {
      const waiter: Waiter = { ready, resume };
      if (limitMs !== undefined) waiter.timer = setTimeout(() => this.wake(), limitMs);
      this.waiting.push(waiter);
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) {
      if (!waiter.ready()) {
        this.waiting.push(waiter);
        continue;
      }
      clearTimeout(waiter.timer);
      waiter.resume();
    }
  }
}
