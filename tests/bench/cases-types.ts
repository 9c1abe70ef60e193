/** The shapes of the quality benchmark's cases: a library, and queries with what each should find. */
import type { Direction, MatchKind, SourceText } from '../../lib/core/types';
import type { SubstitutionTruth } from './quality-substitutions';

export type CaseGroup = 'verbatim' | 'partial' | 'spun' | 'copied-by' | 'negative';

export interface Expectation {
  sourceId: string;
  kind: MatchKind;
  direction: Direction;
  /** Library ids that may also match without counting as a wrong match (e.g. the seed pair). */
  alsoAllowed: string[];
  /** For spun cases: the spinner's record, as library-side → page-side swaps. */
  substitutions?: SubstitutionTruth;
  /** For spun cases: the share of tokens the spinner actually changed. */
  spinRate?: number;
}

export interface BenchCase {
  id: string;
  group: CaseGroup;
  /** Finer label for the report: "template", "scattered", "spun-22", "quotes", … */
  variant: string;
  query: SourceText;
  /** Absent for negatives: nothing in the library should match. */
  expected?: Expectation;
}

export interface Benchmark {
  library: SourceText[];
  cases: BenchCase[];
  /** Lines for the report: how the cases were built and what was left out. */
  notes: string[];
}
