/**
 * Matching comes first. A page's verdict needs a few reads of the library; background work
 * (search words indexed after an import, an import's writes) runs in transactions that hold
 * the database's one backend sequence while they commit. Each such transaction first waits
 * here until no match is running, so a match waits for at most the one transaction already
 * under way, never for a queue of them.
 */
export class ForegroundGate {
  private running = 0;
  private waiting: Array<() => void> = [];

  /** Runs `work` (a match) as foreground work. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      if (--this.running === 0) {
        const waiting = this.waiting;
        this.waiting = [];
        for (const resume of waiting) resume();
      }
    }
  }

  /** Resolves when no foreground work is running (at once if none is). */
  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resume) => this.waiting.push(resume));
  }
}
