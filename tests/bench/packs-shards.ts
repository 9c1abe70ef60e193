/**
 * `npm run bench:packs-shards`: the sharded build of a large pack, as a batch engine would run it.
 * The generated articles of bench:packs (packs-articles.ts) are cut into shards; each shard is
 * a generator process piped straight into a `pack build` process (no NDJSON on disk), a few
 * shards at a time; then `pack merge` joins the shard packs and `pack inspect` reads the result
 * whole. The pack command and the generator are bundled first (esbuild), so every process starts
 * as plain JavaScript instead of compiling the TypeScript sources under tsx.
 * Prints per-shard and merge times, bytes per article, and peak memory (the largest resident
 * set of any one process, and of all processes running at once). Linux only (reads /proc).
 * Each shard build sorts its shard in one run (`--run-entries` = the shard's size), so a
 * shard's memory is bounded by the shard size: pick shards small enough (200,000 articles:
 * about 300 MB per build process, measured).
 * Options: --articles=N (10,000,000), --shards=K (50), --parallel=P (2 shards at a time),
 * --workers=W (worker threads per shard build, 1), --dir=DIR (for the shard packs; a fresh
 * temporary folder by default), --keep (keep the packs). Shard packs are deleted at the end.
 * Run again with the same --dir, it keeps the shard packs already there (a pack appears under
 * its name only once complete), so an interrupted run resumes where it stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function whole(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const CREATED = '2026-11-30T00:00:00Z';

/** Bundles the pack command (with its worker beside it) and the generator into `dir`. */
async function bundle(dir: string): Promise<{ pack: string; generate: string }> {
  await build({
    entryPoints: { pack: join(root, 'lib/cli/pack.ts'), 'pack-worker': join(root, 'lib/cli/pack-worker.ts'), generate: join(root, 'tests/bench/packs-generate.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: dir,
    logLevel: 'warning',
  });
  return { pack: join(dir, 'pack.js'), generate: join(dir, 'generate.js') };
}

/** Resident set sizes of running processes, from /proc: the current one and the high-water mark. */
function memoryOf(pid: number | undefined): { rss: number; peak: number } {
  if (pid === undefined) return { rss: 0, peak: 0 };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 }; // exited between two samples
  }
}

const running = new Set<ChildProcess>();
const peaks = { process: 0, all: 0 };
const sampler = setInterval(() => {
  let all = 0;
  for (const child of running) {
    const { rss, peak } = memoryOf(child.pid);
    all += rss;
    peaks.process = Math.max(peaks.process, peak);
  }
  peaks.all = Math.max(peaks.all, all);
}, 250);

function finished(child: ChildProcess, label: string): Promise<void> {
  running.add(child);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit status ${code}`})`));
    });
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const articles = whole('articles', 10_000_000);
  const shards = whole('shards', 50);
  const parallel = whole('parallel', 2);
  const workers = whole('workers', 1);
  const dir = option('dir') ?? mkdtempSync(join(tmpdir(), 'bench-packs-shards-'));
  mkdirSync(dir, { recursive: true });
  const tools = await bundle(join(dir, 'tools'));
  const node = process.execPath;
  const shardPath = (s: number) => join(dir, `shard-${String(s).padStart(3, '0')}.pack`);
  const range = (s: number) => [Math.floor((s * articles) / shards), Math.floor(((s + 1) * articles) / shards)];
  console.log(`Sharded build: ${articles.toLocaleString('en')} generated articles in ${shards} shards, ${parallel} at a time, ${workers} worker thread(s) per shard; packs in ${dir}`);

  const started = performance.now();
  let built = 0;
  const buildShard = async (s: number) => {
    const [from, to] = range(s);
    if (existsSync(shardPath(s))) {
      console.log(`  shard ${s + 1}/${shards}: kept from an earlier run`);
      return;
    }
    const { seconds } = await timed(async () => {
      const generator = spawn(node, [tools.generate, String(from), String(to)], { stdio: ['ignore', 'pipe', 'inherit'] });
      const build = ['build', '--out', shardPath(s), '--name', 'bench-shards', '--created', CREATED, '--workers', String(workers), '--run-entries', String(to - from), '-'];
      const builder = spawn(node, [tools.pack, ...build], { stdio: [generator.stdout!, 'ignore', 'inherit'] });
      await Promise.all([finished(generator, `generator of shard ${s}`), finished(builder, `build of shard ${s}`)]);
    });
    const bytes = statSync(shardPath(s)).size;
    built += to - from;
    console.log(`  shard ${s + 1}/${shards} (articles ${from.toLocaleString('en')}–${(to - 1).toLocaleString('en')}): ${seconds.toFixed(0)} s, ${((to - from) / seconds).toFixed(0)} articles/s, ${(bytes / (to - from)).toFixed(1)} bytes/article; load average ${loadavg()[0].toFixed(1)}; at ${((performance.now() - started) / 1000).toFixed(0)} s`);
  };
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(parallel, shards) }, async () => {
    while (next < shards) await buildShard(next++);
  }));
  const shardSeconds = (performance.now() - started) / 1000;
  console.log(`  shards built in this run: ${built.toLocaleString('en')} articles in ${shardSeconds.toFixed(0)} s, ${(built / shardSeconds).toFixed(0)} articles/s`);

  const merged = join(dir, 'merged.pack');
  const merge = await timed(() => finished(spawn(node, [tools.pack, 'merge', '--out', merged, '--name', 'bench-shards', '--created', CREATED, ...Array.from({ length: shards }, (_, s) => shardPath(s))], { stdio: ['ignore', 'ignore', 'inherit'] }), 'merge'));
  console.log(`  merge: ${merge.seconds.toFixed(0)} s`);
  let report = '';
  const inspect = await timed(async () => {
    const child = spawn(node, [tools.pack, 'inspect', merged], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (chunk) => (report += chunk));
    await finished(child, 'inspect');
  });
  clearInterval(sampler);
  const size = statSync(merged).size;
  const total = (performance.now() - started) / 1000;
  console.log(`  inspect: ${inspect.seconds.toFixed(0)} s\n${report.trimEnd().replace(/^/gm, '    ')}`);
  console.log(`  total (shards built in this run and merge): ${(shardSeconds + merge.seconds).toFixed(0)} s; with inspect ${total.toFixed(0)} s`);
  console.log(`  pack: ${(size / 1e6).toFixed(1)} MB, ${(size / articles).toFixed(1)} bytes per article with title, URL and date`);
  console.log(`  peak memory (RSS): ${(peaks.process / 1e6).toFixed(0)} MB in one process, ${(peaks.all / 1e6).toFixed(0)} MB for all processes at once`);
  console.log(`  load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 shared cores)`);
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  console.log(`(${new Date().toISOString()})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
