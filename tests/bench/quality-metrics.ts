/** Turns per-case results into the benchmark's figures: recall, kind and direction accuracy, FP rate, swap P/R. */
import type { CaseGroup } from './cases-types';
import type { CaseResult, RunResult } from './quality-runner';
import { scoreSubstitutions, type SubstitutionScore } from './quality-substitutions';

export interface Tally {
  cases: number;
  /** Positives: the true source is among the matches. Negatives: the page drew any match. */
  hits: number;
  kindCorrect: number;
  directionCorrect: number;
  /** Positives with a match to a library article that is not a source of the page. */
  wrongExtra: number;
  substitutions: { correct: number; reported: number; recalled: number; recorded: number };
}

export interface Figures {
  matcher: string;
  byVariant: Map<string, Tally>;
  byGroup: Map<CaseGroup, Tally>;
  positives: Tally;
  indexMs: number;
  totalMs: number;
  p50Ms: number;
  p95Ms: number;
  /** Per-case substitution scores, for the failure listing. */
  substitutionScores: Map<string, SubstitutionScore>;
}

function emptyTally(): Tally {
  return { cases: 0, hits: 0, kindCorrect: 0, directionCorrect: 0, wrongExtra: 0, substitutions: { correct: 0, reported: 0, recalled: 0, recorded: 0 } };
}

export function computeFigures(run: RunResult): Figures {
  const byVariant = new Map<string, Tally>();
  const byGroup = new Map<CaseGroup, Tally>();
  const positives = emptyTally();
  const substitutionScores = new Map<string, SubstitutionScore>();
  for (const result of run.results) {
    const { benchCase } = result;
    const tallies = [tallyFor(byVariant, benchCase.variant), tallyFor(byGroup, benchCase.group)];
    if (benchCase.expected) tallies.push(positives);
    const outcome = judge(result);
    if (outcome.substitutions) substitutionScores.set(benchCase.id, outcome.substitutions);
    for (const tally of tallies) {
      tally.cases++;
      tally.hits += outcome.hit ? 1 : 0;
      tally.kindCorrect += outcome.kindCorrect ? 1 : 0;
      tally.directionCorrect += outcome.directionCorrect ? 1 : 0;
      tally.wrongExtra += outcome.wrongExtra ? 1 : 0;
      if (outcome.substitutions) {
        tally.substitutions.correct += outcome.substitutions.correct;
        tally.substitutions.reported += outcome.substitutions.reported;
        tally.substitutions.recalled += outcome.substitutions.recalled;
        tally.substitutions.recorded += outcome.substitutions.recorded;
      }
    }
  }
  const times = run.results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    matcher: run.matcher,
    byVariant,
    byGroup,
    positives,
    indexMs: run.indexMs,
    totalMs: times.reduce((a, b) => a + b, 0),
    p50Ms: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    substitutionScores,
  };
}

interface Outcome {
  hit: boolean;
  kindCorrect: boolean;
  directionCorrect: boolean;
  wrongExtra: boolean;
  substitutions?: SubstitutionScore;
}

/** What one case's matches say, against what the case expects. */
export function judge(result: CaseResult): Outcome {
  const expected = result.benchCase.expected;
  if (!expected) return { hit: result.matches.length > 0, kindCorrect: false, directionCorrect: false, wrongExtra: false };
  const match = result.matches.find((m) => m.id === expected.sourceId);
  const allowed = new Set([expected.sourceId, ...expected.alsoAllowed]);
  return {
    hit: match !== undefined,
    kindCorrect: match?.kind === expected.kind,
    directionCorrect: match !== undefined && (match.direction ?? 'copies') === expected.direction,
    wrongExtra: result.matches.some((m) => !allowed.has(m.id)),
    substitutions: match && expected.substitutions ? scoreSubstitutions(expected.substitutions, match.substitutions ?? []) : undefined,
  };
}

function tallyFor<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = emptyTally();
    map.set(key, tally);
  }
  return tally;
}

/** The `q` quantile (0..1) of ascending `sorted` values (nearest rank; 0 when empty). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
