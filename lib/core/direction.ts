/**
 * Who copied whom. For spun pairs, the spinner's artefacts: the original is the fluent text,
 * the copy holds the words a synonym dictionary offered. What the spin hint's word tables
 * (lib/spin) know decides each swap first: a rare synonym of the other side's common word
 * ("metropolis" for "city", "eatery" for "restaurant": longer or shorter), a known spun phrase ("press
 * convention"), a proper adjective written in lower case. Dates, when both sides carry one,
 * decide the rest (a page template's date can be anything, so clear artefacts outrank them),
 * compared at the precision both have. Without evidence the page is taken to copy the library
 * article, the usual case.
 *
 * lib/spin is pure too (no browser, no DOM) and imports nothing from lib/core, so there is no
 * cycle; its tables load only where the engine runs (the background service worker and the
 * scan command), which already load them for the spin hint, and are parsed on first use.
 */
import { spinnerSide } from '../spin/wording';
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

const DAY_MS = 86_400_000;
/** A calendar date with no time of day ("2025-03-11"): its precision is the day. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Local time runs from UTC-12 to UTC+14: the calendar day a UTC instant falls on somewhere. */
const EARLIEST_OFFSET_MS = -12 * 3_600_000;
const LATEST_OFFSET_MS = 14 * 3_600_000;

/**
 * Which came first, at the precision both dates have: two date-times compare as instants; a
 * calendar date (no time) compares by day, and a date-time counts as every calendar day it
 * is somewhere on Earth, so a date on the same day as a date-time says nothing. -1: `a`
 * first, 1: `b` first, 0: unknown or the same.
 */
export function compareDates(a: string | undefined, b: string | undefined): -1 | 0 | 1 {
  const at = time(a);
  const bt = time(b);
  if (at === undefined || bt === undefined) return 0;
  const aDay = DATE_ONLY.test(a!.trim());
  const bDay = DATE_ONLY.test(b!.trim());
  if (!aDay && !bDay) return at === bt ? 0 : at < bt ? -1 : 1;
  // Days as [first, last] UTC-midnight values: a calendar date is itself; a date-time spans its possible local days.
  const days = (ms: number, dateOnly: boolean): [number, number] =>
    dateOnly
      ? [ms, ms]
      : [Math.floor((ms + EARLIEST_OFFSET_MS) / DAY_MS) * DAY_MS, Math.floor((ms + LATEST_OFFSET_MS) / DAY_MS) * DAY_MS];
  const [aFirst, aLast] = days(at, aDay);
  const [bFirst, bLast] = days(bt, bDay);
  if (aLast < bFirst) return -1;
  if (bLast < aFirst) return 1;
  return 0;
}

/** `copied-by` when the page was published before the library article; undefined when unknown. */
function directionFromDates(pageDate?: string, sourceDate?: string): Direction | undefined {
  const order = compareDates(pageDate, sourceDate);
  return order === 0 ? undefined : order < 0 ? 'copied-by' : 'copies';
}

/**
 * How odd a wording looks when the spin tables know neither side: content words cost their
 * length, function words are free (spinners seldom pick a function word where the writer used
 * a content word). Only a weak fallback: thesauri offer longer words more often than shorter
 * ones, but a spinner that picks shorter synonyms ("eatery" for "restaurant", "cite" for
 * "mention") turns this vote around, so it weighs LENGTH_VOTE of a table-backed vote.
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
 * Weight of a swap's length vote beside a vote the spin tables back (1), when both kinds are
 * summed (the fallback below): a few table-backed swaps outvote many length-only ones. A pair
 * the tables know nothing of votes as before, since every vote then has the same weight and
 * only ratios and the sign test (which scales with the weights) count.
 */
const LENGTH_VOTE = 0.25;
/** Fewest table-backed swaps that may decide on their own: one or two odd words prove little. */
const MIN_KNOWN_VOTES = 3;

interface Votes {
  /** Weighted sum of the votes: + for the page as the spun copy (`copies`), − for the library article. */
  net: number;
  /** Sum of the weights. */
  total: number;
  /** Standard deviation of `net` under a fair coin: √ of the sum of squared weights. */
  spread: number;
}

/**
 * Spinner artefacts: each substitution votes by the spin tables when they know a side
 * (`known`, weight 1), else by oddness (weight LENGTH_VOTE); `all` sums both kinds.
 */
function spinnerArtefacts(substitutions: readonly Substitution[]): { known: Votes; all: Votes } {
  const known = { net: 0, total: 0, spread: 0 };
  const all = { net: 0, total: 0, spread: 0 };
  for (const { from, to, count } of substitutions) {
    const side = spinnerSide(from, to);
    const [vote, weight] = side !== 0 ? [side, 1] : [Math.sign(oddness(to) - oddness(from)), LENGTH_VOTE];
    if (side !== 0) {
      known.net += vote * count;
      known.total += count;
    }
    all.net += vote * weight * count;
    all.total += weight * count;
    all.spread += weight * weight * count;
  }
  known.spread = Math.sqrt(known.total);
  all.spread = Math.sqrt(all.spread);
  return { known, all };
}

/** `copies`/`copied-by` when `votes` lean clearly one way (a share of at least `clear`), else undefined. */
function clearVote(votes: Votes, clear: number): Direction | undefined {
  const share = votes.total === 0 ? 0 : votes.net / votes.total;
  return Math.abs(share) >= clear ? (share > 0 ? 'copies' : 'copied-by') : undefined;
}

/** Who copied whom, for a pair classified as `kind`. */
export function decideDirection(
  kind: MatchKind,
  subs: SubstitutionSummary,
  page: SourceText,
  source: SourceText,
  tuning: Tuning,
): Direction {
  const none = { net: 0, total: 0, spread: 0 };
  const { known, all } = kind === 'spun' ? spinnerArtefacts(subs.substitutions) : { known: none, all: none };
  // What the spin tables know decides first, whatever the lengths, when it is clear and
  // beyond chance (a fair sign test's deviation is `spread`).
  const byTables = clearVote(known, tuning.clearArtefacts);
  if (byTables && known.total >= MIN_KNOWN_VOTES && Math.abs(known.net) >= tuning.weakArtefactsSigmas * known.spread) return byTables;
  const byArtefacts = clearVote(all, tuning.clearArtefacts);
  if (byArtefacts) return byArtefacts;
  const byDate = directionFromDates(page.publishedAt, source.publishedAt);
  if (byDate) return byDate;
  // A weaker vote counts only when chance would seldom give it: a light spin's few swaps,
  // half odder one way and half the other, say nothing.
  if (all.net < 0 && -all.net >= tuning.weakArtefactsSigmas * all.spread) return 'copied-by';
  // Containment says nothing more: a page inside a longer library article may be its
  // original or a shortened copy, and classify only calls it verbatim when dates say the page came first.
  return 'copies';
}
