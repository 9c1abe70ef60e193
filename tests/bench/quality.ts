/**
 * `npm run bench:quality`: builds verbatim, partial, spun and hard-negative cases from real
 * articles in ../shared/eval-data and the seed corpus, runs the engine and the MinHash baseline
 * over the same cases in the same run, and prints their figures side by side with the targets.
 * Failing cases go to /tmp/quality-failures-<matcher>.txt for diagnosis.
 *
 * Options: --quick (a third of the cases, for a fast look), --seed=<label> (another sample).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBenchmark, DEFAULT_OPTIONS, type BenchmarkOptions } from './cases';
import { MinHashBaseline } from './baseline-minhash';
import { loadEvalArticles, loadSeedArticles } from './quality-data';
import { engineMatcher } from './quality-engine-matcher';
import { writeFailures } from './quality-failures';
import { computeFigures } from './quality-metrics';
import { formatTable, reportRows } from './quality-report';
import { runMatcher, type BenchMatcher } from './quality-runner';
import { Spinner } from './spinner';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const evalDir = resolve(projectDir, '..', 'shared', 'eval-data');

function baselineMatcher(): BenchMatcher {
  const baseline = new MinHashBaseline();
  return { name: 'minhash-baseline', add: (doc) => baseline.add(doc), match: async (query) => baseline.match(query) };
}

function optionsFromArgs(args: readonly string[]): BenchmarkOptions {
  // Spinners that pick shorter words (issue 9, point 6) are measured here only: bench:scan-quality dates its pages.
  const options: BenchmarkOptions = { ...DEFAULT_OPTIONS, perShorterSpin: 20 };
  for (const arg of args) {
    if (arg === '--quick') {
      Object.assign(options, { verbatim: 30, partialPerStyle: 15, perSpinRate: 15, copiedBy: 6, perNegativeVariant: 15, perShorterSpin: 6 });
    } else if (arg.startsWith('--seed=')) options.seed = arg.slice('--seed='.length);
    else throw new Error(`Unknown argument ${arg}: use --quick and/or --seed=<label>`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = optionsFromArgs(process.argv.slice(2));
  const started = performance.now();
  const loaded = loadEvalArticles(evalDir);
  if (loaded.absence) console.log(`NOTE: ${loaded.absence}.`);
  const seeds = loadSeedArticles(join(projectDir, 'public', 'corpus'));
  console.log(
    `Articles: ${loaded.articles.length} real English articles from ${evalDir} ` +
      `(skipped ${loaded.skipped.short} under 150 words, ${loaded.skipped.nonEnglish} not English, ${loaded.skipped.duplicate} duplicates, ${loaded.skipped.overlapping} sharing passages with an earlier one) + ${seeds.length} seeds.`,
  );
  const benchmark = buildBenchmark(loaded.articles, seeds, new Spinner(), options);
  const variants = [...new Set(benchmark.cases.map((c) => c.variant))];
  console.log(`Library: ${benchmark.library.length} entries. Cases: ${benchmark.cases.length} (a seeded sample, seed "${options.seed}"), built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  for (const note of benchmark.notes) console.log(`NOTE: ${note}`);

  const figures = [];
  for (const matcher of [engineMatcher(), baselineMatcher()]) {
    const run = await runMatcher(matcher, benchmark.library, benchmark.cases, (done) => {
      if (done % 50 === 0) process.stderr.write(`  ${matcher.name}: ${done}/${benchmark.cases.length}\r`);
    });
    const fig = computeFigures(run);
    const path = `/tmp/quality-failures-${matcher.name}.txt`;
    const failing = writeFailures(run, fig, path);
    const errors = run.results.filter((r) => r.error).length;
    console.log(`${matcher.name}: ${failing} failing cases written to ${path}${errors > 0 ? ` (${errors} threw)` : ''}`);
    figures.push(fig);
  }
  console.log('');
  const spinVariants = variants.filter((v) => v.startsWith('spun-'));
  const negativeVariants = variants.filter((v) => benchmark.cases.some((c) => c.variant === v && c.group === 'negative'));
  console.log(formatTable(reportRows(spinVariants, negativeVariants), figures));
  console.log(`\nTotal run time ${((performance.now() - started) / 1000).toFixed(1)} s (${new Date().toISOString().slice(0, 10)}).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
