/**
 * bench:scan: times the scan command the way evaluators call it (`npm run --silent scan --
 * --json --library LIB INPUT...`, ../shared/docs/SCAN-CONTRACT.md): about 200 generated pages of
 * about 250 KB each (a ~6 KB article inside heavy site furniture), against a generated library
 * of 1,100 articles, in one call. In the same run, on the same files, it times the baseline: a
 * plain word 5-gram Jaccard script (scan-jaccard.ts) as its own process, and prints the scan
 * command's speed as a multiple of the baseline's (>= 1.0 is the target of issue 13). Also times
 * one call with a single input (the cost of starting the command).
 * Usage: npm run bench:scan [-- --inputs N --library-size N --before DIR]
 *   --before DIR: also time the scan command of another checkout (e.g. an older commit's files), same inputs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { article, page, writeGeneratedLibrary } from './scan-generated';

const ROOT = resolve(import.meta.dirname, '../..');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

interface Timed {
  seconds: number;
  /** CPU seconds of the command and everything it started (all threads), when the system says (Linux); else undefined. */
  cpuSeconds: number | undefined;
  status: number | null;
  lines: string[];
  stderr: string;
}

/**
 * CPU seconds of this process's waited-for children so far (utime + stime of children in
 * /proc/self/stat, which include their own waited-for children): on a shared machine, wall time
 * depends on the other jobs, CPU time much less.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: state is field 3 of stat, cutime and cstime fields 16 and 17; clock ticks of 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function timed(command: string, args: string[], cwd: string): Timed {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { seconds, cpuSeconds, status: result.status, lines: result.stdout.trim().split('\n').filter(Boolean), stderr: result.stderr };
}

const withMatches = (run: Timed) => run.lines.filter((line) => (JSON.parse(line) as { matches: unknown[] }).matches.length > 0).length;

function main(): void {
  const inputCount = Number(option('--inputs') ?? 200);
  const librarySize = Number(option('--library-size') ?? 1100);
  const before = option('--before');
  const dir = mkdtempSync(join(tmpdir(), 'scan-timing-'));
  try {
    const libraryPath = join(dir, 'library.ndjson');
    const texts = writeGeneratedLibrary(libraryPath, librarySize, 12, Math.min(inputCount, librarySize));
    const inputs: string[] = [];
    let bytes = 0;
    for (let index = 0; index < inputCount; index++) {
      // Every other page copies a library article: the engine does its full work on those.
      const paragraphs = index % 2 === 0 ? texts[index % texts.length].split('\n\n') : article(12);
      const html = page(`Page ${index}`, paragraphs);
      bytes += html.length;
      const path = join(dir, `page-${index}.html`);
      writeFileSync(path, html);
      inputs.push(path);
    }
    console.log(`bench:scan (${new Date().toISOString().slice(0, 10)}): ${inputCount} pages, ${Math.round(bytes / inputCount / 1024)} KB each on average; library of ${librarySize} articles`);
    const scanArgs = ['run', '--silent', 'scan', '--', '--json', '--no-seed', '--library', libraryPath];
    const baseline = timed('npx', ['tsx', join(ROOT, 'tests/bench/scan-jaccard.ts'), '--library', libraryPath, ...inputs], ROOT);
    const scan = timed('npm', [...scanArgs, ...inputs], ROOT);
    const single = timed('npm', [...scanArgs, inputs[0]], ROOT);
    const old = before ? timed('npm', [...scanArgs, ...inputs], before) : undefined;
    const cpu = (run: Timed) => (run.cpuSeconds === undefined ? '' : `, CPU ${run.cpuSeconds.toFixed(1)} s`);
    const rate = (run: Timed) => `${(inputCount / run.seconds).toFixed(1)} inputs/s (${run.seconds.toFixed(1)} s, ${((run.seconds * 1000) / inputCount).toFixed(0)} ms per input${cpu(run)})`;
    console.log(`baseline, word 5-gram Jaccard script: ${rate(baseline)}; exit ${baseline.status}; ${baseline.lines.length} lines, ${withMatches(baseline)} with matches`);
    console.log(`scan command:                        ${rate(scan)}; exit ${scan.status}; ${scan.lines.length} lines, ${withMatches(scan)} with matches (expected ${Math.ceil(inputCount / 2)})`);
    console.log(`  ratio to the baseline: ${(baseline.seconds / scan.seconds).toFixed(2)}x (target >= 1.0)`);
    console.log(`  ${scan.stderr.trim().split('\n').filter((line) => line.startsWith('scan: library') || line.includes('input(s)')).join('\n  ')}`);
    console.log(`scan command, one call with a single input: ${single.seconds.toFixed(2)} s`);
    if (old) {
      console.log(`scan command of ${before}: ${rate(old)}; exit ${old.status}; ${withMatches(old)} with matches; ratio to the baseline ${(baseline.seconds / old.seconds).toFixed(2)}x`);
      const same = old.lines.join('\n') === scan.lines.join('\n');
      console.log(`  same output bytes as this checkout: ${same ? 'yes' : 'no'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
