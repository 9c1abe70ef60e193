/**
 * bench:scan-memory: the scan command's peak memory (resident set, all threads, as the command
 * reports it on stderr) with generated libraries of 0, 10,000 and 50,000 articles (about 3 KB of
 * text each), scanning the same 2 inputs (one copies a library article, so a text is read back).
 * Prints bytes of peak memory per library article over the empty library's peak: issue 16's
 * target is at most 1 KB per article.
 * Usage: npm run bench:scan-memory [-- --sizes 0,10000,50000 --before DIR]
 *   --before DIR: also measure the scan command of another checkout (e.g. an older commit's files).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { article, page, writeGeneratedLibrary } from './scan-generated';

const ROOT = resolve(import.meta.dirname, '../..');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/**
 * Peak resident memory in bytes of one scan call: GNU time's %M (the largest resident set among
 * the processes it waited for: the scan's node process, larger than npm's), else the command's
 * own "peak memory N MB" line (this checkout prints it; older ones do not).
 */
function peakBytes(root: string, libraryPath: string | undefined, inputs: string[]): { bytes: number; seconds: number; status: number | null } {
  const args = ['run', '--silent', 'scan', '--', '--json', '--no-seed', ...(libraryPath ? ['--library', libraryPath] : []), ...inputs];
  const started = performance.now();
  const result = spawnSync('/usr/bin/env', ['time', '-f', 'PEAK_KB %M', 'npm', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  const reported = /peak memory (\d+) MB/.exec(result.stderr)?.[1];
  const timed = /PEAK_KB (\d+)/.exec(result.stderr)?.[1];
  const bytes = timed ? Number(timed) * 1024 : reported ? Number(reported) * 1024 * 1024 : NaN;
  return { bytes, seconds, status: result.status };
}

function main(): void {
  const sizes = (option('--sizes') ?? '0,10000,50000').split(',').map(Number);
  const before = option('--before');
  const dir = mkdtempSync(join(tmpdir(), 'scan-memory-'));
  try {
    console.log(`bench:scan-memory (${new Date().toISOString().slice(0, 10)}): peak memory of one scan call with 2 inputs, by library size`);
    const largest = Math.max(...sizes);
    const libraryPath = join(dir, 'library-all.ndjson');
    const texts = largest > 0 ? writeGeneratedLibrary(libraryPath, largest, 6, 1) : [];
    const inputs = [join(dir, 'copy.html'), join(dir, 'other.html')];
    writeFileSync(inputs[0], page('A copy', texts[0]?.split('\n\n') ?? article(6)));
    writeFileSync(inputs[1], page('Another story', article(6)));
    const roots: Array<[string, string]> = [['this checkout', ROOT], ...(before ? [[before, before] as [string, string]] : [])];
    for (const [label, root] of roots) {
      let empty = NaN;
      for (const size of sizes) {
        let path: string | undefined;
        if (size > 0) {
          path = join(dir, `library-${size}.ndjson`);
          // The first `size` lines of the largest library: the same articles at every size.
          spawnSync('sh', ['-c', `head -n ${size} '${libraryPath}' > '${path}'`]);
        }
        const run = peakBytes(root, path, inputs);
        if (size === 0) empty = run.bytes;
        const perArticle = size > 0 ? ` ${Math.round((run.bytes - empty) / size)} bytes per article over the empty library` : '';
        const fileMb = path ? ` (library file ${(statSync(path).size / 1e6).toFixed(0)} MB)` : '';
        console.log(`${label}: ${String(size).padStart(6)} articles${fileMb}: peak ${(run.bytes / 1e6).toFixed(0)} MB in ${run.seconds.toFixed(1)} s, exit ${run.status};${perArticle}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
