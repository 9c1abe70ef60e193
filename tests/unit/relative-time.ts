/**
 * Guards against hangs and quadratic blow-ups without wall-clock limits (a busy CI machine
 * makes absolute bounds fail at random): time the operation on a large input relative to the
 * same operation on a small one, measured in the same test, so machine load cancels out.
 */

/** Fastest of `runs` timings of `fn`, in milliseconds (the fastest is the least disturbed by load). */
export function fastestMs(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * How many times slower `large` is than `small` (each the fastest of a few runs; `small`
 * warmed up first). A linear operation on an input R times larger gives about R; a quadratic
 * one about R². Tests bound this generously between the two.
 */
export function slowdown(small: () => void, large: () => void): number {
  small();
  // 0.05 ms floor: a sub-timer-resolution small run must not make the ratio infinite.
  return fastestMs(large, 1) / Math.max(fastestMs(small), 0.05);
}
