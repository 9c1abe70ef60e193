/**
 * Spun copies by a spinner that picks only SHORTER synonyms ("eatery" for "restaurant"),
 * nothing dated: the engine must still tell the copy from the original (issue 9, point 6),
 * which a vote by word length alone gets backwards. Both ways round: the page is the spun
 * copy (`copies`), and the library holds the spun copy of the page (`copied-by`).
 */
import type { SourceText } from '../../lib/core/types';
import { copiedByCase, spunCase, type SpinContext } from './cases-spun';
import type { BenchCase } from './cases-types';
import type { Article } from './quality-data';

/** Share of tokens changed: a shorter-only spinner has fewer swaps on offer than a free one. */
export const SHORTER_SPIN_RATE = 0.15;
export const SHORTER_SPIN_VARIANT = 'spun-shorter-words';
export const SHORTER_COPIED_BY_VARIANT = 'copied-by-shorter-words';

/**
 * Up to `wanted` page-side spun copies of `sources` (library articles) and up to `wanted`
 * library-side spun copies of `originals` (articles kept out of the library, whose spun copies
 * the library then holds: `entries`; each must be kept out of every other case). `ctx.spinner`
 * must be a shorter-only spinner.
 */
export function shorterSpinCases(
  sources: readonly Article[],
  originals: readonly Article[],
  wanted: number,
  ctx: SpinContext,
): { cases: BenchCase[]; entries: SourceText[] } {
  const cases: BenchCase[] = [];
  for (const source of ctx.random.shuffle([...sources])) {
    if (cases.length >= wanted) break;
    if (ctx.spinner.maxRate(source.text) < SHORTER_SPIN_RATE + 0.02) continue;
    const made = spunCase(source, SHORTER_SPIN_RATE, `${SHORTER_SPIN_VARIANT}-${cases.length}`, ctx);
    if (made) cases.push({ ...made, variant: SHORTER_SPIN_VARIANT });
  }
  const entries: SourceText[] = [];
  let copiedBy = 0;
  for (const original of originals) {
    if (copiedBy >= wanted) break;
    const made = copiedByCase(original, SHORTER_SPIN_RATE, `${SHORTER_COPIED_BY_VARIANT}-${copiedBy}`, ctx);
    if (!made) continue;
    entries.push(made.entry);
    cases.push({ ...made.benchCase, variant: SHORTER_COPIED_BY_VARIANT });
    copiedBy++;
  }
  return { cases, entries };
}
