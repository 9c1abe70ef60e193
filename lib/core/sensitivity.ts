/**
 * Sensitivity per kind of copy: named threshold profiles that a caller picks per request
 * (the extension from the user's settings). `normal` is the engine's tuning as it stands, so
 * the scan command and the benchmarks, which pass no sensitivity, keep their exact behaviour.
 *
 * Each kind's profile moves only thresholds that the kind alone reads (classify.ts, and the
 * partial piece length in measure.ts), so the three levels combine freely. Thresholds that
 * separate the kinds (spunMinChanged: verbatim or spun), decide retrieval (minSharedHashes)
 * or the "own reporting" rule (minOwnShare) stay put. Classification still runs verbatim,
 * spun, partial in that order: a pair that fails a stricter kind may still qualify as a later
 * one (a copy missing a few paragraphs under `low` verbatim is still a partial copy).
 */
import { resolveTuning, type Tuning } from './tuning';
import type { MatchKind } from './types';

/** How readily one kind of copy is reported: `low` wants stronger evidence, `high` also reports lighter reuse. */
export type Sensitivity = 'low' | 'normal' | 'high';
export const SENSITIVITIES: readonly Sensitivity[] = ['low', 'normal', 'high'];
export type SensitivityByKind = Record<MatchKind, Sensitivity>;

type Profiles = Readonly<Record<MatchKind, Readonly<Record<Exclude<Sensitivity, 'normal'>, Partial<Tuning>>>>>;

export const SENSITIVITY_PROFILES: Profiles = {
  verbatim: {
    // Nearly every word of one side, and the other side adds almost nothing: a page that
    // copies an article but wraps it in commentary of its own is left to `partial`.
    low: { verbatimCoverage: 0.95, verbatimOtherCoverage: 0.8 },
    // Copies that dropped or reworded a few paragraphs, or that sit in a page with up to half
    // of its words added; a long partial copy may then be called verbatim.
    high: { verbatimCoverage: 0.8, verbatimOtherCoverage: 0.5 },
  },
  spun: {
    // Most of the article spun, with swaps densely spread and nearly no changed names or
    // numbers: an update of the same story, edited for length, no longer qualifies.
    low: { spunCoverage: 0.7, spunMinSwaps: 5, spunMinSwapDensity: 0.05, spunMaxHardShare: 0.15 },
    // Lighter spinning (a swap every 60-odd words), spun text padded with more of the page's
    // own, heavier rewording and more changed names; also flags lightly edited rewrites and
    // updates of one story, and templates with other names or figures. Still bound by the
    // shared thresholds above: a page must hold 30% of the article's own words unchanged.
    high: { spunCoverage: 0.35, spunMinSwaps: 2, spunMinSwapDensity: 0.015, spunMaxHardShare: 0.35, spunMaxChanged: 0.6 },
  },
  partial: {
    // Only substantial lifting: a run of several paragraphs (150 words), three or more whole
    // paragraphs, and whole wire items of 60 words or more.
    low: { partialRunWords: 150, partialParagraphWords: 80, partialPieceWords: 40, partialWholeArticleWords: 60 },
    // A single long paragraph (50 words: two or three sentences, still far beyond chance
    // agreement) or two short ones. This also flags credited excerpts ("As X reported: …")
    // and long stock passages, which the contract does not count as reuse. Lower run lengths
    // would mostly go unseen: retrieval needs a few shared fingerprints, one per ~24 words.
    high: { partialRunWords: 50, partialParagraphWords: 25, partialPieceWords: 15, partialWholeArticleWords: 20 },
  },
};

/** `tuning` with each kind's thresholds set to the profile of its level (absent or `normal`: unchanged). */
export function tuningForSensitivity(tuning: Tuning, sensitivity: Partial<SensitivityByKind> = {}): Tuning {
  const overrides: Partial<Tuning> = {};
  for (const kind of Object.keys(SENSITIVITY_PROFILES) as MatchKind[]) {
    const level = sensitivity[kind];
    if (level === 'low' || level === 'high') Object.assign(overrides, SENSITIVITY_PROFILES[kind][level]);
  }
  return resolveTuning(overrides, tuning);
}
