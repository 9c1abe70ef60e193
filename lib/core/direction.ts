/**
 * Who copied whom. For spun pairs, the spinner's artefacts: the original is the fluent text,
 * the copy uses the odd, longer words its synonym dictionary offered ("said" → "mentioned",
 * "war" → "warfare", "city" → "metropolis"). Dates, when both sides carry one, decide the
 * rest (a page template's date can be anything, so clear artefacts outrank them); a date on
 * the library side alone is never contradicted by containment. Without evidence the page is
 * taken to copy the library article, the usual case.
 */
import type { AlignmentFigures } from './measure';
import type { SubstitutionSummary } from './substitutions';
import { TokenFlag, tokenize } from './tokenize';
import type { Tuning } from './tuning';
import type { Direction, MatchKind, SourceText, Substitution } from './types';

/** Parsed ISO date in ms, or undefined. */
function time(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `copied-by` when the page was published before the library article; undefined when unknown. */
function directionFromDates(pageDate?: string, sourceDate?: string): Direction | undefined {
  const page = time(pageDate);
  const source = time(sourceDate);
  if (page === undefined || source === undefined || page === source) return undefined;
  return page < source ? 'copied-by' : 'copies';
}

/**
 * How odd a wording looks: content words cost their length, function words are free
 * (spinners seldom pick a function word where the writer used a content word).
 */
function oddness(wording: string): number {
  const tokens = tokenize(wording);
  let cost = 0;
  for (let i = 0; i < tokens.count; i++) {
    if (!(tokens.flags[i] & TokenFlag.Function)) cost += tokens.ends[i] - tokens.starts[i];
  }
  return cost;
}

/**
 * Spinner artefacts: each substitution votes +1 when its page side is the odder wording (the
 * page is the spun copy: `copies`), -1 when the library side is. `net` is the sum of the votes.
 */
function spinnerArtefacts(substitutions: readonly Substitution[]): { net: number; total: number } {
  let net = 0;
  let total = 0;
  for (const { from, to, count } of substitutions) {
    net += Math.sign(oddness(to) - oddness(from)) * count;
    total += count;
  }
  return { net, total };
}

/**
 * The library holds the page plus prose of its own (a scrape with leftovers): captions,
 * photo credits and gallery controls an extractor kept do not count as its own text.
 */
function libraryHoldsMore(figures: AlignmentFigures, tuning: Tuning): boolean {
  const words = figures.sourceWords - figures.sourceCaptionExtra;
  const extra = words - figures.sourceEqual;
  return extra > (1 - tuning.verbatimCoverage) * words;
}

/** Who copied whom, for a pair classified as `kind`. */
export function decideDirection(
  kind: MatchKind,
  figures: AlignmentFigures,
  subs: SubstitutionSummary,
  page: SourceText,
  source: SourceText,
  tuning: Tuning,
): Direction {
  const { net, total } = kind === 'spun' ? spinnerArtefacts(subs.substitutions) : { net: 0, total: 0 };
  const artefacts = total === 0 ? 0 : net / total;
  if (Math.abs(artefacts) >= tuning.clearArtefacts) return artefacts > 0 ? 'copies' : 'copied-by';
  const byDate = directionFromDates(page.publishedAt, source.publishedAt);
  if (byDate) return byDate;
  // A weaker vote counts only when chance would seldom give it: a light spin's few swaps,
  // half odder one way and half the other, say nothing (a fair sign test's deviation is √total).
  if (net < 0 && -net >= tuning.weakArtefactsSigmas * Math.sqrt(total)) return 'copied-by';
  // A date on the library side alone says it was there first: containment must not contradict it.
  const libraryDated = time(source.publishedAt) !== undefined && time(page.publishedAt) === undefined;
  if (kind === 'verbatim' && !libraryDated && libraryHoldsMore(figures, tuning)) return 'copied-by';
  return 'copies';
}
