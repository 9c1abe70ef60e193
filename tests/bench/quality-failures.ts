/** Writes every failing case of one matcher to a file, with enough context to diagnose it. */
import { writeFileSync } from 'node:fs';
import type { Figures } from './quality-metrics';
import { judge } from './quality-metrics';
import type { BenchMatch, CaseResult, RunResult } from './quality-runner';

const EXCERPT_CHARS = 600;
const SWAPS_LISTED = 20;

/** Returns the number of failing cases written. */
export function writeFailures(run: RunResult, figures: Figures, path: string): number {
  const sections: string[] = [];
  for (const result of run.results) {
    const labels = failureLabels(result);
    if (labels.length === 0) continue;
    const { benchCase } = result;
    const lines = [`## ${benchCase.id} [${labels.join(', ')}]`];
    const expected = benchCase.expected;
    lines.push(expected ? `expected: ${expected.sourceId} ${expected.kind} ${expected.direction}${expected.spinRate ? ` (spin rate ${expected.spinRate.toFixed(3)})` : ''}` : 'expected: no match');
    lines.push(...(result.matches.length > 0 ? result.matches.map(describe) : ['matches: none']));
    if (result.error) lines.push(`error: ${result.error}`);
    const subs = figures.substitutionScores.get(benchCase.id);
    if (subs && (subs.wrong.length > 0 || subs.missed.length > 0)) {
      lines.push(`substitutions: ${subs.correct}/${subs.reported} reported correct, ${subs.recalled}/${subs.recorded} recalled`);
      lines.push(`  wrong: ${subs.wrong.slice(0, SWAPS_LISTED).join(' | ')}`);
      lines.push(`  missed: ${subs.missed.slice(0, SWAPS_LISTED).join(' | ')}`);
    }
    lines.push('query:', benchCase.query.text.slice(0, EXCERPT_CHARS).replace(/\n\n/g, ' ¶ '));
    sections.push(lines.join('\n'));
  }
  writeFileSync(path, `# Failing cases of ${run.matcher}: ${sections.length}\n\n${sections.join('\n\n')}\n`);
  return sections.length;
}

function failureLabels(result: CaseResult): string[] {
  const outcome = judge(result);
  const expected = result.benchCase.expected;
  const labels: string[] = [];
  if (result.error) labels.push('error');
  if (!expected) return outcome.hit ? [...labels, 'false positive'] : labels;
  if (!outcome.hit) labels.push('miss');
  else {
    if (!outcome.kindCorrect) labels.push('wrong kind');
    if (!outcome.directionCorrect) labels.push('wrong direction');
  }
  if (outcome.wrongExtra) labels.push('wrong extra match');
  const subs = outcome.substitutions;
  if (subs && subs.reported > 0 && subs.correct / subs.reported < 0.95) labels.push('swap precision');
  if (subs && subs.recorded > 0 && subs.recalled / subs.recorded < 0.9) labels.push('swap recall');
  return labels;
}

function describe(m: BenchMatch): string {
  const cov = m.coverage !== undefined ? ` cov ${m.coverage.toFixed(2)}/${(m.sourceCoverage ?? 0).toFixed(2)}` : '';
  return `match: ${m.id} ${m.kind} score ${m.score.toFixed(3)}${cov} ${m.direction ?? ''} ${m.reason ?? ''}`.trimEnd();
}
