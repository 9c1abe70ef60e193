/**
 * Kind and share of reuse from fingerprints alone (no text, so no alignment). For one pack
 * entry and a page, both sides are compared on the same key range (keys up to the entry's
 * largest sampled key, the bottom-k rule of Broder 1997), which makes "shared / sampled" an
 * unbiased estimate of the share of the source found in the page, and "shared / the page's keys
 * in that range" of the share of the page taken from the source.
 * - Exact keys (word 5-grams) survive only where the wording is intact; robust keys (n-grams of
 *   function words, names, numbers) survive synonym spinning too. A verbatim or partial copy keeps
 *   both families alike; a spun copy keeps the robust family and loses much of the exact one.
 * - Position bytes of the exact keys tell whether shared keys appear in the same order on both
 *   sides (a copy) or scattered (chance hits, shared stock phrases), and whether the found ones
 *   come in unbroken stretches (verbatim, or a partial copy of some paragraphs) or alternate with
 *   lost ones (a spinner changed words all along the text).
 * Thresholds: tuning.ts; figures on the bench:quality cases in the README ("Fingerprint packs").
 */
import type { MatchKind } from '../core/types';
import type { ArticleKeys, PackEntry } from './entry';
import { PACK_MATCH, type PackMatchTuning } from './tuning';

export interface PackEstimate {
  kind: MatchKind;
  /** Estimated share of the page taken from the entry (0..1). */
  coverage: number;
  /** Estimated share of the entry found in the page (0..1). */
  sourceCoverage: number;
  score: number;
  reason: string;
}

/** The page's keys as sets, built once per page. */
export interface PageKeys {
  exactAt: Map<number, number>;
  exact: number[];
  robust: number[];
  robustSet: Set<number>;
}

export function pageKeysOf(keys: ArticleKeys): PageKeys {
  return {
    exact: keys.exact,
    exactAt: new Map(keys.exact.map((key, i) => [key, keys.exactAt[i]])),
    robust: keys.robust,
    robustSet: new Set(keys.robust),
  };
}

/** How many of the ascending `keys` are ≤ `limit` (binary search). */
function countUpTo(keys: readonly number[], limit: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Length of the longest increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tails[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
  }
  return tails.length;
}

/**
 * Stretches of lost keys between found ones, per found key, in article order: near 0 when the
 * found keys come in a few unbroken stretches (a verbatim or partial copy), high when lost and
 * found keys alternate (a spinner changed words everywhere).
 */
function breaksPerFound(found: readonly boolean[]): number {
  const first = found.indexOf(true);
  const last = found.lastIndexOf(true);
  if (first < 0) return 0;
  let breaks = 0;
  for (let i = first + 1; i <= last; i++) if (!found[i] && found[i - 1]) breaks++;
  return breaks / found.filter(Boolean).length;
}

interface FamilyShare {
  shared: number;
  sampled: number;
  /** Page keys in the sampled range. */
  pageInRange: number;
}

/** Shared keys of one family; the range is the whole key space when the entry kept every key. */
function family(sampled: readonly number[], total: number, page: readonly number[], has: (key: number) => boolean, skip: (key: number) => boolean): FamilyShare {
  let shared = 0;
  let counted = 0;
  for (const key of sampled) {
    if (skip(key)) continue;
    counted++;
    if (has(key)) shared++;
  }
  const limit = sampled.length < total ? sampled[sampled.length - 1] : Infinity;
  return { shared, sampled: counted, pageInRange: countUpTo(page, limit) };
}

const ratio = (a: number, b: number) => (b > 0 ? Math.min(1, a / b) : 0);

/** What the fingerprints of one entry and a page say, before any verdict. */
export interface ReuseFigures {
  sharedExact: number;
  sharedRobust: number;
  /** Estimated shares: of the source found in the page / of the page from the source, per family. */
  srcExact: number;
  pageExact: number;
  srcRobust: number;
  pageRobust: number;
  /** Share of the shared exact keys in the same order on both sides. */
  inOrder: number;
  /** Breaks in the stretches of shared exact keys, per shared key, in source order (see breaksPerFound). */
  breaks: number;
}

/** `isCommon(key)`: keys that many entries hold (boilerplate, stock phrases) are left out. */
export function reuseFigures(entry: PackEntry, page: PageKeys, isCommon: (key: number) => boolean): ReuseFigures {
  const exact = family(entry.exact, entry.exactTotal, page.exact, (key) => page.exactAt.has(key), isCommon);
  const robust = family(entry.robust, entry.robustTotal, page.robust, (key) => page.robustSet.has(key), isCommon);
  const pairs: Array<[number, number]> = [];
  entry.exact.forEach((key, i) => {
    const at = page.exactAt.get(key);
    if (at !== undefined && !isCommon(key)) pairs.push([entry.exactAt[i], at]);
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const inArticleOrder = entry.exact
    .map((key, i) => ({ key, at: entry.exactAt[i] }))
    .filter(({ key }) => !isCommon(key))
    .sort((a, b) => a.at - b.at)
    .map(({ key }) => page.exactAt.has(key));
  return {
    sharedExact: exact.shared,
    sharedRobust: robust.shared,
    srcExact: ratio(exact.shared, exact.sampled),
    pageExact: ratio(exact.shared, exact.pageInRange),
    srcRobust: ratio(robust.shared, robust.sampled),
    pageRobust: ratio(robust.shared, robust.pageInRange),
    inOrder: ratio(longestIncreasing(pairs.map(([, at]) => at)), pairs.length),
    breaks: breaksPerFound(inArticleOrder),
  };
}

/** Why a text is absent from a comparison, as the reason of a pack match words it. */
const NOT_IN_PACK = 'the text is not in the pack';

/** The verdict for one entry's figures, or null when the evidence is too thin to call a copy.
 *  `textAbsent`: why there was no text to align, for the reason (a pack, or a library entry whose text was dropped). */
export function classifyReuse(figures: ReuseFigures, tuning: PackMatchTuning = PACK_MATCH, textAbsent: string = NOT_IN_PACK): PackEstimate | null {
  const { srcExact, pageExact, srcRobust, pageRobust, inOrder } = figures;
  const ordered = figures.sharedExact < 3 || inOrder >= tuning.minInOrder;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  // Reworded: lost exact keys alternate with found ones, or hardly any exact key survived at all.
  const reworded = figures.breaks >= tuning.spunBreaks || srcExact <= srcRobust * tuning.spunExactToRobust;
  const larger = Math.max(srcExact, pageExact);
  const intact = ordered && figures.sharedExact >= tuning.minSharedExact;
  if (intact && !reworded && larger >= tuning.verbatimShare && Math.min(srcExact, pageExact) >= tuning.verbatimOtherShare) {
    return verdict('verbatim', pageExact, srcExact, `about ${percent(srcExact)} of the original's fingerprints appear, in the same order, word for word`);
  }
  if (reworded && figures.sharedRobust >= tuning.minSharedRobust && Math.min(srcRobust, pageRobust) >= tuning.spunRobustShare) {
    return verdict('spun', pageRobust, srcRobust, `about ${percent(srcRobust)} of the original's names, numbers and function-word patterns reappear, but only ${percent(srcExact)} of its exact wording: reworded`);
  }
  if (intact && srcExact >= tuning.partialShare) {
    return verdict('partial', pageExact, srcExact, `about ${percent(srcExact)} of the original is copied word for word, in the same order`);
  }
  return null;

  function verdict(kind: MatchKind, coverage: number, sourceCoverage: number, reason: string): PackEstimate {
    const round = (value: number) => Math.round(value * 1000) / 1000;
    return { kind, coverage: round(coverage), sourceCoverage: round(sourceCoverage), score: round(Math.max(coverage, sourceCoverage)), reason: `From fingerprints only (${textAbsent}): ${reason}.` };
  }
}
