/**
 * Runs the real scan command as a child process, exactly as the contract's evaluators call it,
 * and turns its JSON lines back into the quality benchmark's per-case results. Also checks the
 * output's shape: one line per input, `input` as given, nothing but JSON on stdout.
 */
import { spawn } from 'node:child_process';
import type { Substitution } from '../../lib/core/types';
import type { BenchMatch, RunResult } from './quality-runner';
import type { ScanCase } from './scan-quality-inputs';

export interface ScanRun {
  run: RunResult;
  wallMs: number;
  exitCode: number | null;
  /** Violations of the output contract (empty when the output is well-formed). */
  problems: string[];
  stderrTail: string;
}

interface JsonMatch {
  id: string;
  kind: string;
  score: number;
  coverage?: number;
  sourceCoverage?: number;
  direction?: 'copies' | 'copied-by';
  reason?: string;
  substitutions?: Substitution[];
}

function runCommand(command: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk);
      process.stderr.write(chunk); // progress stays visible during the minutes the scan takes
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code }));
  });
}

/** Best first, as evaluators read them: by score, ties in the command's order. */
function asBenchMatches(matches: JsonMatch[]): BenchMatch[] {
  return matches
    .map((m, order) => ({ m, order }))
    .sort((a, b) => b.m.score - a.m.score || a.order - b.order)
    .map(({ m }) => ({
      id: m.id,
      kind: m.kind as BenchMatch['kind'],
      score: m.score,
      coverage: m.coverage,
      sourceCoverage: m.sourceCoverage,
      direction: m.direction,
      reason: m.reason,
      substitutions: m.substitutions ?? [],
    }));
}

export async function runScanCommand(projectDir: string, libraryPath: string, cases: readonly ScanCase[]): Promise<ScanRun> {
  const args = ['run', '--silent', 'scan', '--', '--no-seed', '--library', libraryPath, '--json', ...cases.map((c) => c.path)];
  const started = performance.now();
  const { stdout, stderr, code } = await runCommand('npm', args, projectDir);
  const wallMs = performance.now() - started;
  const problems: string[] = [];
  const byInput = new Map<string, JsonMatch[]>();
  for (const line of stdout.split('\n').filter((l) => l.trim().length > 0)) {
    try {
      const parsed = JSON.parse(line) as { input: string; matches: JsonMatch[] };
      if (byInput.has(parsed.input)) problems.push(`two lines for ${parsed.input}`);
      byInput.set(parsed.input, parsed.matches);
    } catch {
      problems.push(`not JSON on stdout: ${line.slice(0, 120)}`);
    }
  }
  for (const c of cases) if (!byInput.has(c.path)) problems.push(`no line for ${c.path}`);
  if (code !== 0) problems.push(`exit status ${code}`);
  const indexSeconds = /library of \d+ articles indexed in ([\d.]+) s/.exec(stderr)?.[1];
  const perInput = wallMs / Math.max(1, cases.length);
  return {
    run: {
      matcher: 'scan',
      indexMs: indexSeconds ? Number(indexSeconds) * 1000 : NaN,
      results: cases.map((c) => ({ benchCase: c.benchCase, matches: asBenchMatches(byInput.get(c.path) ?? []), ms: perInput })),
    },
    wallMs,
    exitCode: code,
    problems,
    stderrTail: stderr.trim().split('\n').slice(-3).join('\n'),
  };
}
