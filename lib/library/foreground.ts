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
export class ForegroundGate {
  private running = 0;
  private waiting: Array<{ ready: () => boolean; resume: () => void }> = [];
  /** Pages loading, by key (a tab id), with the timer that ends the hold if they never report. */
  private readonly holds = new Map<number, ReturnType<typeof setTimeout>>();
  /** Keys whose last hold ran out without a release: not held again until released once. A
   *  tab that keeps loading pages that never report (one that reloads itself, a page no
   *  content script reads) would otherwise hold background work back for ever. */
  private readonly unanswered = new Set<number>();

  /** Runs `work` (a match) as foreground work. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.wakeIfIdle();
    }
  }

  /**
   * Counts a page loading under `key` as foreground work until `release(key)` or, at the
   * latest, `ms` milliseconds from now (a page that is never read reports nothing). Holding
   * the same key again restarts its time; a key whose last hold ran out is not held again
   * before it is released once.
   */
  hold(key: number, ms: number): void {
    if (this.unanswered.has(key)) return;
    clearTimeout(this.holds.get(key));
    this.holds.set(
      key,
      setTimeout(() => {
        this.unanswered.add(key);
        this.end(key);
      }, ms),
    );
  }

  /** The page under `key` reported (or its tab closed): ends its hold, if any. */
  release(key: number): void {
    this.unanswered.delete(key);
    this.end(key);
  }

  private end(key: number): void {
    const timer = this.holds.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.holds.delete(key);
    this.wakeIfIdle();
  }

  /** Resolves when no match is running (at once if none is). */
  idle(): Promise<void> {
    return this.waitFor(() => this.running === 0);
  }

  /** Resolves when no match is running and no page is held (at once if so). */
  quiet(): Promise<void> {
    return this.waitFor(() => this.running === 0 && this.holds.size === 0);
  }

  private waitFor(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resume) => this.waiting.push({ ready, resume }));
  }

  private wakeIfIdle(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) {
      if (waiter.ready()) waiter.resume();
      else this.waiting.push(waiter);
    }
  }
}
