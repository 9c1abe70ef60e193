/**
 * Every tunable of the detection engine, in one place, each with the reason for its value.
 * Callers pass a `Partial<Tuning>`; `resolveTuning` fills the defaults and rejects nonsense
 * with a message that names the parameter (datasketch-style: check parameters up front).
 *
 * Fingerprint parameters change what is stored in the index: they are fixed per
 * INDEX_VERSION and are deliberately NOT part of `Tuning`.
 */

/**
 * Version of the fingerprint format. Bump whenever tokenization, hashing or fingerprint
 * selection changes meaning: stored fingerprints with another `v` must be recomputed.
 */
export const INDEX_VERSION = 3;

/** Fixed fingerprint parameters (see INDEX_VERSION). */
export const FINGERPRINT = {
  /** Word k-gram length for exact reuse: 5 words rarely repeat by chance between articles. */
  exactK: 5,
  /**
   * Winnowing window for exact k-grams. Any shared run of >= exactWindow + exactK - 1 = 28
   * words is guaranteed to share a fingerprint (an 80-word partial copy shares ~5), at a
   * density of 2/(w+1) ≈ 8% of positions, which keeps the index within ~1 KB per article.
   */
  exactWindow: 24,
  /**
   * n-gram length over "immutable" tokens (function words, names, numbers: what synonym
   * spinners leave alone, after DSpin and Stamatatos' stopword n-grams).
   */
  robustN: 4,
  /** Winnowing window over immutable n-grams: denser than exact ones, spun copies share fewer. */
  robustWindow: 12,
  /** Upper bound of fingerprints stored per library article (the smallest hashes are kept). */
  maxPerDocument: 400,
} as const;

export interface Tuning {
  /** Hashes found in more library articles than this are ignored (boilerplate, formulae). */
  commonHashMaxDocs: number;
  /** …or in more than this share of the library, whichever is larger. */
  commonHashMaxShare: number;
  /** A library article needs at least this many shared fingerprints to be aligned at all. */
  minSharedHashes: number;
  /** How many of the best-ranked candidates are aligned per page. */
  maxCandidates: number;
  /** Word k-gram length of alignment anchors (exact runs that seed the alignment). */
  anchorK: number;
  /** Longest gap (in words, each side) that still joins two anchors into one passage. */
  maxGapWords: number;
  /** Longest substitution reported (words on either side); longer gaps are rewrites. */
  maxSubstitutionWords: number;
  /** A passage needs at least this many equal words to be kept. */
  minPassageWords: number;
  /** A passage needs at least this share of equal words over its length to be kept. */
  minPassageEqualShare: number;
  /** Verbatim: share of the smaller side's words present, in order, in the other. */
  verbatimCoverage: number;
  /** Verbatim: the larger side may carry this much extra text (share of its words) at most. */
  verbatimOtherCoverage: number;
  /** Spun: share of the article (either side) covered by aligned passages. */
  spunCoverage: number;
  /** Spun: minimum share of changed words inside the aligned passages (below: verbatim). */
  spunMinChanged: number;
  /** Spun: maximum share of changed words inside aligned passages (above: not the same text). */
  spunMaxChanged: number;
  /** Spun: at most this share of substitutions may change numbers or names (spinners don't). */
  spunMaxHardShare: number;
  /** Spun: at least this many swaps… */
  spunMinSwaps: number;
  /** …and at least this many per aligned source word (a few swaps in a long copy are edits). */
  spunMinSwapDensity: number;
  /** Verbatim and spun: share of the article's own (unquoted, non-boilerplate) words the page must hold equal. */
  minOwnShare: number;
  /** Partial: a paragraph counts as copied whole when this share of its words is aligned equal. */
  wholeParagraphShare: number;
  /** Partial: source passages this close (words) form one run, whatever the page puts between them. */
  runJoinWords: number;
  /** Alignment: largest difference (words, each side) crossed when a passage grows at its edges. */
  edgeGapWords: number;
  /** Direction: a spinner-artefact vote (-1..1) at least this one-sided outranks publication dates. */
  clearArtefacts: number;
  /** Direction: a weaker vote still says `copied-by` when its net count is this many standard deviations of chance. */
  weakArtefactsSigmas: number;
  /** Partial: consecutive copied words (a source-contiguous run) that make a partial copy. */
  partialRunWords: number;
  /** Partial: two whole consecutive paragraphs count when they hold at least this many words. */
  partialParagraphWords: number;
  /** Partial: runs of at least this many words, from several places of the article, add up to partialRunWords. */
  partialPieceWords: number;
  /** Partial: a whole short article (this share of it) inside a longer page counts… */
  partialWholeArticleCoverage: number;
  /** …from this many words. */
  partialWholeArticleWords: number;
}

export const DEFAULT_TUNING: Readonly<Tuning> = Object.freeze({
  commonHashMaxDocs: 20,
  commonHashMaxShare: 0.002,
  minSharedHashes: 3,
  maxCandidates: 8,
  anchorK: 3,
  maxGapWords: 40,
  maxSubstitutionWords: 8,
  minPassageWords: 8,
  minPassageEqualShare: 0.4,
  verbatimCoverage: 0.88,
  verbatimOtherCoverage: 0.6,
  spunCoverage: 0.5,
  spunMinChanged: 0.04,
  spunMaxChanged: 0.5,
  spunMaxHardShare: 0.25,
  spunMinSwaps: 3,
  spunMinSwapDensity: 0.03,
  minOwnShare: 0.3,
  wholeParagraphShare: 0.9,
  runJoinWords: 3,
  edgeGapWords: 4,
  clearArtefacts: 0.25,
  // One standard deviation of a fair sign test: below it, half the swaps odder each way is chance.
  weakArtefactsSigmas: 1,
  partialRunWords: 80,
  partialParagraphWords: 40,
  partialPieceWords: 20,
  // The same "nearly all of it" as a verbatim copy, but its own value: the kinds' sensitivities move apart.
  partialWholeArticleCoverage: 0.88,
  partialWholeArticleWords: 20,
});

type Rule = { integer?: boolean; min: number; max: number };

const RULES: Record<keyof Tuning, Rule> = {
  commonHashMaxDocs: { integer: true, min: 1, max: 1e9 },
  commonHashMaxShare: { min: 0, max: 1 },
  minSharedHashes: { integer: true, min: 1, max: 1000 },
  maxCandidates: { integer: true, min: 1, max: 1000 },
  anchorK: { integer: true, min: 1, max: 12 },
  maxGapWords: { integer: true, min: 0, max: 500 },
  maxSubstitutionWords: { integer: true, min: 1, max: 50 },
  minPassageWords: { integer: true, min: 1, max: 10000 },
  minPassageEqualShare: { min: 0, max: 1 },
  verbatimCoverage: { min: 0, max: 1 },
  verbatimOtherCoverage: { min: 0, max: 1 },
  spunCoverage: { min: 0, max: 1 },
  spunMinChanged: { min: 0, max: 1 },
  spunMaxChanged: { min: 0, max: 1 },
  spunMaxHardShare: { min: 0, max: 1 },
  spunMinSwaps: { integer: true, min: 1, max: 10000 },
  spunMinSwapDensity: { min: 0, max: 1 },
  minOwnShare: { min: 0, max: 1 },
  wholeParagraphShare: { min: 0, max: 1 },
  runJoinWords: { integer: true, min: 0, max: 1000 },
  edgeGapWords: { integer: true, min: 0, max: 50 },
  clearArtefacts: { min: 0, max: 1 },
  weakArtefactsSigmas: { min: 0, max: 100 },
  partialRunWords: { integer: true, min: 1, max: 100000 },
  partialParagraphWords: { integer: true, min: 1, max: 100000 },
  partialPieceWords: { integer: true, min: 1, max: 100000 },
  partialWholeArticleCoverage: { min: 0, max: 1 },
  partialWholeArticleWords: { integer: true, min: 1, max: 100000 },
};

/** `base` (the defaults) overlaid with `overrides`, every value checked; throws a RangeError naming the parameter. */
export function resolveTuning(overrides: Partial<Tuning> = {}, base: Readonly<Tuning> = DEFAULT_TUNING): Tuning {
  for (const key of Object.keys(overrides)) {
    if (!(key in RULES)) throw new RangeError(`Unknown tuning parameter "${key}"`);
  }
  const tuning: Tuning = { ...base };
  for (const key of Object.keys(RULES) as (keyof Tuning)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    const rule = RULES[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`Tuning "${key}" must be a finite number, got ${String(value)}`);
    }
    if (rule.integer && !Number.isInteger(value)) {
      throw new RangeError(`Tuning "${key}" must be an integer, got ${value}`);
    }
    if (value < rule.min || value > rule.max) {
      throw new RangeError(`Tuning "${key}" must be between ${rule.min} and ${rule.max}, got ${value}`);
    }
    tuning[key] = value;
  }
  if (tuning.spunMinChanged >= tuning.spunMaxChanged) {
    throw new RangeError(
      `Tuning "spunMinChanged" (${tuning.spunMinChanged}) must be below "spunMaxChanged" (${tuning.spunMaxChanged})`,
    );
  }
  return tuning;
}
