/**
 * `npm run bench:scan-quality`: the quality benchmark through the scan command, as the hidden
 * evaluation runs it (../shared/docs/SCAN-CONTRACT.md). Writes into a temp dir a library NDJSON
 * (eval-data articles as bench:quality loads them, with its spun copies, plus generated 1987
 * earnings tables and dividend notices) and about 200 inputs: .txt files, content-farm pages in
 * several templates (some with a lying <meta charset>) and real crawled pages; runs
 * `npm run --silent scan -- --no-seed --library LIB --json INPUT...` once, and scores its lines
 * like the contract: recall by kind, kind accuracy, false positives, swap P/R, direction, time.
 * Failing cases go to /tmp/scan-quality-failures.txt.
 *
 * Options: --seed=<label> (another sample), --keep (keep the temp dir for diagnosis).
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBenchmark, DEFAULT_OPTIONS, type BenchmarkOptions } from './cases';
import { headlineFrom } from './cases-text';
import { loadEvalArticles, loadSeedArticles } from './quality-data';
import { writeFailures } from './quality-failures';
import { computeFigures, judge } from './quality-metrics';
import { SeededRandom } from './quality-prng';
import { formatTable, reportRows } from './quality-report';
import { writeCaseInputs, writeLibrary, writeRealPageInputs, type LibraryArticle, type ScanCase } from './scan-quality-inputs';
import { runScanCommand } from './scan-quality-run';
import { wireCases, wireItems } from './scan-quality-wire';
import { Spinner } from './spinner';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const evalDir = resolve(projectDir, '..', 'shared', 'eval-data');
const FAILURES_PATH = '/tmp/scan-quality-failures.txt';

/** About 140 text cases from the quality benchmark's builders; the rest come from wire items and real pages. */
const SCAN_OPTIONS: Omit<BenchmarkOptions, 'seed'> = {
  ...DEFAULT_OPTIONS,
  verbatim: 30,
  partialPerStyle: 13,
  perSpinRate: 7,
  copiedBy: 8,
  perNegativeVariant: 6,
  perDisguise: 4,
};
/** Enough formulaic items that the library reaches the evaluation's ~1,100 articles. */
const WIRE_LIBRARY_ITEMS = 900;
const WIRE_COPIES = 10;
const WIRE_OTHER_FIGURES = 20;
const REAL_PAGES = 24;
/** The date copying pages show: later than every library article. */
const PAGE_DATE = '2025-06-12T09:30:00Z';

/**
 * Library entries carry dates, as the evaluation's do: real articles 2001-2007 (before the crawled
 * pages that reproduce them, dated 2009-2019, and the copying pages of PAGE_DATE); the spun copies
 * of copied-by cases after PAGE_DATE (they copied the page); seeds none.
 */
function libraryDate(id: string, random: SeededRandom): string | undefined {
  if (id.startsWith('spun-copy-of-')) return '2025-09-01T08:00:00Z';
  if (!/^(np3k|shub)-/.test(id)) return undefined;
  return `${random.int(2001, 2007)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}T12:00:00Z`;
}

/** Per input format: positives found with the right kind, negatives flagged. */
function formatBreakdown(cases: readonly ScanCase[], results: ReturnType<typeof judge>[]): string {
  const rows = new Map<string, { pos: number; found: number; kind: number; neg: number; fp: number }>();
  cases.forEach((c, i) => {
    const row = rows.get(c.format) ?? { pos: 0, found: 0, kind: 0, neg: 0, fp: 0 };
    const outcome = results[i];
    if (c.benchCase.expected) {
      row.pos++;
      row.found += outcome.hit ? 1 : 0;
      row.kind += outcome.kindCorrect ? 1 : 0;
    } else {
      row.neg++;
      row.fp += outcome.hit ? 1 : 0;
    }
    rows.set(c.format, row);
  });
  const lines = [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([format, r]) => `${format.padEnd(36)} positives found ${r.found}/${r.pos}, right kind ${r.kind}/${r.pos}; negatives flagged ${r.fp}/${r.neg}`);
  return ['By input format:', ...lines].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const keep = args.includes('--keep');
  const seed = args.find((a) => a.startsWith('--seed='))?.slice('--seed='.length) ?? 'scan-quality-v1';
  for (const arg of args) if (arg !== '--keep' && !arg.startsWith('--seed=')) throw new Error(`Unknown argument ${arg}: use --seed=<label> and/or --keep`);
  const started = performance.now();
  const loaded = loadEvalArticles(evalDir);
  if (loaded.absence) console.log(`NOTE: ${loaded.absence}; real-page inputs are left out.`);
  const seeds = loadSeedArticles(join(projectDir, 'public', 'corpus'));
  const benchmark = buildBenchmark(loaded.articles, seeds, new Spinner(), { ...SCAN_OPTIONS, seed });
  for (const note of benchmark.notes) console.log(`NOTE: ${note}`);

  const random = new SeededRandom(`${seed}/scan`);
  const wire = wireItems(random, WIRE_LIBRARY_ITEMS, 'wire87');
  const library: LibraryArticle[] = [...benchmark.library.map((a) => ({ ...a, publishedAt: libraryDate(a.id, random) })), ...wire.map(({ id, title, text, publishedAt }) => ({ id, title, text, publishedAt }))];
  const headlines = library.map((a) => a.title ?? headlineFrom(a.text));

  const dir = mkdtempSync(join(tmpdir(), 'scan-quality-'));
  try {
    const libraryPath = writeLibrary(dir, library);
    const cases = [
      ...writeCaseInputs(dir, [...benchmark.cases, ...wireCases(wire, random, WIRE_COPIES, WIRE_OTHER_FIGURES)], headlines, random, PAGE_DATE),
      ...writeRealPageInputs(dir, evalDir, benchmark.library, REAL_PAGES, random),
    ];
    const positives = cases.filter((c) => c.benchCase.expected).length;
    console.log(
      `Library: ${library.length} articles (${benchmark.library.length} from eval-data, seeds and spun copies; ${wire.length} 1987 wire items). ` +
        `Inputs: ${cases.length} (${positives} positives, ${cases.length - positives} negatives), built in ${((performance.now() - started) / 1000).toFixed(1)} s in ${dir}.`,
    );

    const scan = await runScanCommand(projectDir, libraryPath, cases);
    for (const problem of scan.problems.slice(0, 20)) console.log(`CONTRACT: ${problem}`);
    const figures = computeFigures(scan.run);
    const failing = writeFailures(scan.run, figures, FAILURES_PATH);
    appendFileSync(FAILURES_PATH, `\n# Input files (${keep ? 'kept' : 'deleted; rerun with --keep to look at them'})\n${cases.map((c) => `${c.benchCase.id}\t${c.format}\t${c.path}`).join('\n')}\n`);
    console.log(`${failing} failing cases written to ${FAILURES_PATH}\n`);

    const variants = [...new Set(cases.map((c) => c.benchCase.variant))];
    const spinVariants = variants.filter((v) => v.startsWith('spun-'));
    const negativeVariants = variants.filter((v) => cases.some((c) => c.benchCase.variant === v && !c.benchCase.expected));
    console.log(formatTable(reportRows(spinVariants, negativeVariants), [figures]));
    const verbatimVariants = variants.filter((v) => cases.some((c) => c.benchCase.variant === v && c.benchCase.group === 'verbatim'));
    for (const v of verbatimVariants) {
      const tally = figures.byVariant.get(v)!;
      console.log(`verbatim ${v}: found ${tally.hits}/${tally.cases}, right kind ${tally.kindCorrect}/${tally.hits}`);
    }
    console.log(`\n${formatBreakdown(cases, scan.run.results.map(judge))}`);
    console.log(`\nScan call: exit ${scan.exitCode}, wall ${(scan.wallMs / 1000).toFixed(1)} s for ${cases.length} inputs (${(scan.wallMs / cases.length).toFixed(0)} ms each, library indexing ${(scan.run.indexMs / 1000).toFixed(1)} s).`);
    console.log(`Total run time ${((performance.now() - started) / 1000).toFixed(1)} s (${new Date().toISOString().slice(0, 10)}, seed "${seed}").`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
