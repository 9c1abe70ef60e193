/**
 * Who copied whom. Dates decide when both sides carry one. Otherwise, for spun pairs, the
 * spinner's artefacts: the original is the fluent text, the copy uses the odd, longer and
 * rarer words its synonym dictionary offered ("said" → "mentioned", "war" → "warfare",
 * "city" → "metropolis"). Without evidence the page is taken to copy the library article,
 * the usual case.
 */
import type { Direction, Substitution } from './types';
import { TokenFlag, tokenize } from './tokenize';

/** Parsed ISO date in ms, or undefined. */
function time(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `copied-by` when the page was published before the library article; undefined when unknown. */
export function directionFromDates(pageDate?: string, sourceDate?: string): Direction | undefined {
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

/** `copied-by` when the library side of the substitutions looks like the spinner's output. */
export function directionFromSubstitutions(substitutions: readonly Substitution[]): Direction {
  let pageOdder = 0;
  for (const { from, to, count } of substitutions) {
    pageOdder += Math.sign(oddness(to) - oddness(from)) * count;
  }
  return pageOdder < 0 ? 'copied-by' : 'copies';
}
