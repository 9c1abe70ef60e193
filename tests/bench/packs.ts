/**
 * `npm run bench:packs`: fingerprint packs.
 * 1. Build: N generated articles (bench:engine's corpus, with title, URL and date) as NDJSON →
 *    `pack build` in-process with worker threads; articles/s beside one thread fingerprinting
 *    the same articles in the same run (the baseline), bytes per article, peak memory.
 * 2. Quality: the bench:quality cases with the sources only as pack entries, beside the same
 *    cases with the texts in the library (packs-quality.ts).
 * Options: --articles=N (default 20000), --quick (fewer quality cases), --seed=<label>,
 * --build-only (skip the quality figures).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPack } from '../../lib/cli/pack-build';
import { packEntryOf } from '../../lib/packs/entry';
import { formatLibraryLine } from '../../lib/library/format';
import { DEFAULT_OPTIONS } from './cases';
import { packArticle as article } from './packs-articles';
import { packQuality } from './packs-quality';
import type { Tally } from './quality-metrics';

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}


async function buildFigures(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-packs-'));
  try {
    const input = join(dir, 'articles.ndjson');
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(formatLibraryLine(article(i)));
    writeFileSync(input, `${lines.join('\n')}\n`);
    const inputBytes = statSync(input).size;
    lines.length = 0;

    const sample = Math.min(count, 2000);
    const texts = Array.from({ length: sample }, (_, i) => article(i));
    const oneStart = performance.now();
    const oneCpu = process.cpuUsage();
    for (const text of texts) packEntryOf(text);
    const oneCpuUsed = process.cpuUsage(oneCpu);
    const oneRate = sample / ((performance.now() - oneStart) / 1000);
    const oneCpuRate = sample / ((oneCpuUsed.user + oneCpuUsed.system) / 1e6);

    // Drop the generated input from memory first: the figure is the build's, not the generator's.
    texts.length = 0;
    (globalThis as { gc?: () => void }).gc?.();
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const out = join(dir, 'bench.pack');
    const workers = Math.max(1, availableParallelism());
    const timed = async (inputPath: string) => {
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      await buildPack([inputPath], out, { name: 'bench', description: '', createdAt: '2026-11-30T00:00:00Z' }, workers);
      const cpu = process.cpuUsage(cpuStart);
      return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    };
    // A quarter-size build first: the difference to the full one is the rate without the fixed
    // start-up (worker threads loading and compiling the TypeScript sources under tsx).
    const quarter = Math.floor(count / 4);
    const quarterInput = join(dir, 'quarter.ndjson');
    writeFileSync(quarterInput, `${Array.from({ length: quarter }, (_, i) => formatLibraryLine(article(i))).join('\n')}\n`);
    const small = await timed(quarterInput);
    const full = await timed(input);
    clearInterval(timer);
    const seconds = full.seconds;
    const cpuSeconds = full.cpuSeconds;
    const size = statSync(out).size;
    console.log(`Build: ${count.toLocaleString('en')} generated articles (${(inputBytes / 1e6).toFixed(0)} MB of NDJSON), ${workers} worker threads`);
    const marginal = count - quarter;
    console.log(`  pack build:                 ${(count / seconds).toFixed(0)} articles/s wall (${seconds.toFixed(1)} s); ${(count / cpuSeconds).toFixed(0)} articles per CPU-second (${cpuSeconds.toFixed(1)} s CPU, all threads)   goal ≥ 5,000/s`);
    console.log(`  without start-up (${count} minus ${quarter} articles): ${(marginal / (full.seconds - small.seconds)).toFixed(0)} articles/s wall; ${(marginal / (full.cpuSeconds - small.cpuSeconds)).toFixed(0)} per CPU-second`);
    console.log(`  load average during the run: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores (other jobs share the machine)`);
    console.log(`  baseline, one thread:       ${oneRate.toFixed(0)} articles/s wall, ${oneCpuRate.toFixed(0)} per CPU-second (fingerprinting only, ${sample} articles, main thread)`);
    console.log(`  size:                       ${(size / count).toFixed(1)} bytes per article with title, URL and date (${(size / 1e6).toFixed(2)} MB)   goal ≤ 200`);
    console.log(`  peak memory (RSS, process with its workers): ${(peak / 1e6).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ratio(tally: Tally | undefined): string {
  return tally ? `${(tally.hits / tally.cases).toFixed(3)} (${tally.hits}/${tally.cases})` : 'n/a';
}

async function qualityFigures(quick: boolean, seed: string): Promise<void> {
  const options = quick ? { ...DEFAULT_OPTIONS, seed, verbatim: 30, partialPerStyle: 15, perSpinRate: 15, copiedBy: 6, perNegativeVariant: 15 } : { ...DEFAULT_OPTIONS, seed };
  const run = await packQuality(options);
  console.log(`\nQuality: ${run.notes[0]}`);
  const [library, packOnly] = run.figures;
  const rows: Array<[string, (f: typeof library) => Tally | undefined, string]> = [
    ['recall verbatim', (f) => f.byGroup.get('verbatim'), '≥ 0.98'],
    ['recall partial (25-60 %)', (f) => f.byGroup.get('partial'), '≥ 0.85'],
    ...run.variants.filter((v) => /^spun-\d+$/.test(v)).map((v): [string, (f: typeof library) => Tally | undefined, string] => [`recall ${v}`, (f) => f.byVariant.get(v), v === 'spun-22' ? '≥ 0.90' : '']),
    ['recall copied-by', (f) => f.byGroup.get('copied-by'), ''],
    ['false positives on negatives', (f) => f.byGroup.get('negative'), '≤ 0.005'],
  ];
  console.log(`| figure | texts in the library | sources only in a pack | goal (pack) |\n|---|---|---|---|`);
  for (const [label, pick, goal] of rows) console.log(`| ${label} | ${ratio(pick(library))} | ${ratio(pick(packOnly))} | ${goal} |`);
  const kind = (f: typeof library) => `${(f.positives.kindCorrect / Math.max(1, f.positives.hits)).toFixed(3)}`;
  console.log(`| kind accuracy (found sources) | ${kind(library)} | ${kind(packOnly)} | |`);
  console.log(`| query p50 / p95 | ${library.p50Ms.toFixed(2)} / ${library.p95Ms.toFixed(2)} ms | ${packOnly.p50Ms.toFixed(2)} / ${packOnly.p95Ms.toFixed(2)} ms | |`);
}

async function main(): Promise<void> {
  const count = Number(option('articles') ?? 20000);
  if (!Number.isInteger(count) || count < 1) throw new Error('--articles needs a positive whole number');
  await buildFigures(count);
  if (!process.argv.includes('--build-only')) await qualityFigures(process.argv.includes('--quick'), option('seed') ?? DEFAULT_OPTIONS.seed);
  console.log(`\n(${new Date().toISOString().slice(0, 10)})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
