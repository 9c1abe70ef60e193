/**
 * Thresholds of pack matching (lib/packs/estimate.ts), each with its reason. Shares are
 * estimates from ~20 sampled keys per family, so thresholds sit well inside the gaps between
 * kinds rather than on the engine's exact boundaries.
 */
export interface PackMatchTuning {
  /** Shared exact keys needed to call a verbatim or partial copy. */
  minSharedExact: number;
  /** Shared robust keys needed to call a spun copy. */
  minSharedRobust: number;
  /** Verbatim: the larger of the two exact shares at least this… */
  verbatimShare: number;
  /** …and the smaller at least this (the other side may carry extra text: page furniture, an intro). */
  verbatimOtherShare: number;
  /** Spun: both robust shares at least this (the whole text was taken, then reworded). */
  spunRobustShare: number;
  /** Reworded (spun) when the exact share is at most this times the robust share (intact copies keep both alike)… */
  spunExactToRobust: number;
  /** …or when shared exact keys are broken by lost ones at least this often per shared key (breaksPerFound). */
  spunBreaks: number;
  /** Partial: share of the source's sampled exact keys found, at least this (a teaser or excerpt is less). */
  partialShare: number;
  /** Shared exact keys in the same order on both sides, as a share of all shared ones. */
  minInOrder: number;
}

export const PACK_MATCH: PackMatchTuning = {
  minSharedExact: 4,
  minSharedRobust: 4,
  verbatimShare: 0.75,
  verbatimOtherShare: 0.5,
  spunRobustShare: 0.3,
  spunExactToRobust: 0.5,
  spunBreaks: 0.25,
  partialShare: 0.2,
  minInOrder: 0.7,
};
