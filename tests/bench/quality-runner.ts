/** Runs one matcher (the engine or the baseline) over every case, timing each query. */
import type { Match, SourceText } from '../../lib/core/types';
import type { BenchCase } from './cases-types';

/** What the benchmark reads from a match; the baseline fills only some of it. */
export type BenchMatch = Pick<Match, 'id' | 'kind' | 'score'> & Partial<Pick<Match, 'direction' | 'substitutions' | 'coverage' | 'sourceCoverage' | 'reason'>>;

export interface BenchMatcher {
  name: string;
  add(doc: SourceText): void;
  match(query: SourceText): Promise<BenchMatch[]>;
}

export interface CaseResult {
  benchCase: BenchCase;
  matches: BenchMatch[];
  ms: number;
  /** Set when the matcher threw: the case counts as a miss (or, for a negative, as clean) and is listed. */
  error?: string;
}

export interface RunResult {
  matcher: string;
  indexMs: number;
  results: CaseResult[];
}

export async function runMatcher(matcher: BenchMatcher, library: readonly SourceText[], cases: readonly BenchCase[], progress?: (done: number) => void): Promise<RunResult> {
  const indexStart = performance.now();
  for (const doc of library) matcher.add(doc);
  const indexMs = performance.now() - indexStart;
  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    const start = performance.now();
    try {
      const matches = await matcher.match(benchCase.query);
      results.push({ benchCase, matches, ms: performance.now() - start });
    } catch (error) {
      results.push({ benchCase, matches: [], ms: performance.now() - start, error: String(error instanceof Error ? error.stack : error) });
    }
    progress?.(results.length);
  }
  return { matcher: matcher.name, indexMs, results };
}
