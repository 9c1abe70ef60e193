/**
 * Who copied whom. For spun pairs, the spinner's artefacts: the original is the fluent text,
 * the copy uses the odd, longer words its synonym dictionary offered ("said" → "mentioned",
 * "war" → "warfare", "city" → "metropolis"). Dates, when both sides carry one, decide the
 * rest (a page template's date can be anything, so clear artefacts outrank them). Without
 * evidence the page is taken to copy the library article, the usual case.
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
 * Spinner artefacts as a vote in -1..1: positive when the page side of the substitutions is
 * the odder wording (the page is the spun copy: `copies`), negative when the library side is.
 */
function spinnerArtefacts(substitutions: readonly Substitution[]): number {
  let votes = 0;
  let total = 0;
  for (const { from, to, count } of substitutions) {
    votes += Math.sign(oddness(to) - oddness(from)) * count;
    total += count;
  }
  return total === 0 ? 0 : votes / total;
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
  const artefacts = kind === 'spun' ? spinnerArtefacts(subs.substitutions) : 0;
  if (Math.abs(artefacts) >= tuning.clearArtefacts) return artefacts > 0 ? 'copies' : 'copied-by';
  const byDate = directionFromDates(page.publishedAt, source.publishedAt);
  if (byDate) return byDate;
  if (artefacts < 0) return 'copied-by';
  if (kind === 'verbatim' && figures.sourceEqual < figures.sourceWords * tuning.verbatimCoverage) {
    // The library article holds the page plus text of its own: it is the copy (a scrape with leftovers).
    return 'copied-by';
  }
  return 'copies';
}
