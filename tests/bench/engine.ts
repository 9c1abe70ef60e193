/**
 * bench:engine — `npm run bench:engine` (tsx --expose-gc tests/bench/engine.ts).
 * Prints, for the engine and the MinHash/LSH baseline in the same run:
 * - fingerprinting throughput (MB of UTF-8 text per second);
 * - retrieval + alignment latency (p50, p95) over mixed queries with libraries of 1,000,
 *   10,000 and 100,000 generated articles held in memory;
 * - index memory per article (heap + typed arrays after a full GC, and the index's own arrays);
 * - as a sanity check, how often the right article is the top match per query kind;
 * - the index snapshot a restarted service worker restores instead of rebuilding (its size, a
 *   structured clone of it as IndexedDB makes, and the restore with its checks), beside the
 *   index build from the same articles.
 * Articles are generated (engine-corpus.ts), never taken from eval-data.
 * `--sizes 1000,10000` runs fewer library sizes; `--engine-only` skips the (slow) baseline;
 * `--baseline-100k` also runs the baseline at 100,000 articles (about 6 more minutes).
 */
import { Engine } from '../../lib/core/engine';
import { fingerprintText } from '../../lib/core/fingerprint';
import { MinHashBaseline, signature } from './baseline-minhash';
import { libraryArticle, makeQuery, type Query, type QueryKind } from './engine-corpus';

const QUERY_KINDS: QueryKind[] = ['verbatim', 'spun', 'partial', 'unrelated'];
const QUERIES_PER_KIND = 50;
const THROUGHPUT_ARTICLES = 3000;
const BASELINE_THROUGHPUT_ARTICLES = 300;
/**
 * The baseline computes 128 permutations per shingle (about 2.5 MB/s): beyond this library
 * size it runs only with --baseline-100k, to keep the default run within about 5 minutes.
 */
const BASELINE_DEFAULT_MAX = 10_000;

interface Matcher {
  /** Ids of the matches, best first. */
  match(query: Query): Promise<string[]>;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Live memory after a full GC. Freed typed-array stores are swept on a background thread: give it time. */
async function memory(): Promise<{ heap: number; arrays: number }> {
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 300));
  gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, arrays: usage.arrayBuffers };
}

const mb = (bytes: number) => bytes / 1e6;
const seconds = (ms: number) => ms / 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function throughput(label: string, articles: number, run: (text: string) => unknown): void {
  const texts = Array.from({ length: articles }, (_, i) => libraryArticle(1_000_000 + i));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  for (const text of texts.slice(0, 50)) run(text); // warm the JIT
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const text of texts) run(text);
  const cpuUsed = process.cpuUsage(cpu);
  const wall = mb(bytes) / seconds(performance.now() - started);
  // CPU time too: on a shared machine wall time also measures the neighbours.
  const onCpu = mb(bytes) / ((cpuUsed.user + cpuUsed.system) / 1e6);
  console.log(
    `  ${label.padEnd(28)} ${wall.toFixed(1).padStart(7)} MB/s wall, ${onCpu.toFixed(1).padStart(7)} MB/s CPU time  (${mb(bytes).toFixed(1)} MB)`,
  );
}

async function timeQueries(matcher: Matcher, queries: Query[]) {
  for (const query of queries) await matcher.match(query); // warm-up: JIT, text cache
  const times: number[] = [];
  const found = new Map<QueryKind, number>();
  for (const query of queries) {
    const started = performance.now();
    const ids = await matcher.match(query);
    times.push(performance.now() - started);
    const right = query.sourceIndex === undefined ? ids.length === 0 : ids[0] === `a${query.sourceIndex}`;
    if (right) found.set(query.kind, (found.get(query.kind) ?? 0) + 1);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), found };
}

function engineMatcher(engine: Engine): Matcher {
  const texts = new Map<string, string>();
  const load = (id: string) => {
    let text = texts.get(id);
    if (text === undefined) {
      text = libraryArticle(Number(id.slice(1)));
      texts.set(id, text);
    }
    return { id, text };
  };
  return { match: async (query) => (await engine.match({ id: 'page', text: query.text }, load)).map((m) => m.id) };
}

function baselineMatcher(baseline: MinHashBaseline): Matcher {
  return { match: async (query) => baseline.match({ id: 'page', text: query.text }).map((m) => m.id) };
}

async function measureSize(size: number, system: 'engine' | 'baseline') {
  const before = await memory();
  const started = performance.now();
  let engine: Engine | undefined;
  let baseline: MinHashBaseline | undefined;
  if (system === 'engine') {
    engine = new Engine();
    for (let i = 0; i < size; i++) engine.addFingerprint(`a${i}`, fingerprintText(libraryArticle(i)));
  } else {
    baseline = new MinHashBaseline();
    for (let i = 0; i < size; i++) baseline.add({ id: `a${i}`, text: libraryArticle(i) });
  }
  const matcher = engine ? engineMatcher(engine) : baselineMatcher(baseline!);
  const queries = QUERY_KINDS.flatMap((kind) =>
    Array.from({ length: QUERIES_PER_KIND }, (_, q) => makeQuery(kind, size, `${size}-${kind}-${q}`)),
  );
  // The first query builds the index's sorted arrays: part of indexing, not of a lookup.
  await matcher.match(queries[0]);
  const buildSeconds = seconds(performance.now() - started);
  const after = await memory();
  const heapPerArticle = (after.heap - before.heap) / size;
  const typedArraysPerArticle = (after.arrays - before.arrays) / size;
  const arraysPerArticle = engine ? engine.indexBytes / size : undefined;
  const result = await timeQueries(matcher, queries);
  const found = QUERY_KINDS.map((kind) => `${kind} ${result.found.get(kind) ?? 0}/${QUERIES_PER_KIND}`).join(', ');
  console.log(
    `  ${system.padEnd(8)} ${String(size).padStart(7)}  p50 ${result.p50.toFixed(2).padStart(6)} ms  p95 ${result.p95
      .toFixed(2)
      .padStart(6)} ms  memory ${((heapPerArticle + typedArraysPerArticle) / 1024).toFixed(2).padStart(6)} KB/article ` +
      `(heap ${(heapPerArticle / 1024).toFixed(2)}, typed arrays ${(typedArraysPerArticle / 1024).toFixed(2)}` +
      (arraysPerArticle === undefined ? ')' : `, of which index arrays ${(arraysPerArticle / 1024).toFixed(2)})`) +
      `  build ${buildSeconds.toFixed(1)} s  right top match: ${found}`,
  );
  if (engine) snapshotFigures(engine, size, buildSeconds);
}

function snapshotFigures(engine: Engine, size: number, buildSeconds: number): void {
  const taken = performance.now();
  const snapshot = engine.snapshot();
  const takeMs = performance.now() - taken;
  const cloned = performance.now();
  const copy = structuredClone(snapshot);
  const cloneMs = performance.now() - cloned;
  const restored = performance.now();
  new Engine().restore(copy);
  const restoreMs = performance.now() - restored;
  const bytes = snapshot.postings.byteLength + snapshot.offsets.byteLength + snapshot.counts.byteLength + snapshot.idLengths.byteLength + snapshot.ids.length * 2;
  console.log(
    `  snapshot ${String(size).padStart(7)}  ${mb(bytes).toFixed(1)} MB (${(bytes / size).toFixed(0)} bytes/article)  take ${takeMs.toFixed(0)} ms, ` +
      `structured clone ${cloneMs.toFixed(0)} ms, restore ${restoreMs.toFixed(0)} ms  (index build: ${(buildSeconds * 1000).toFixed(0)} ms)`,
  );
}

async function main() {
  const sizesArgument = process.argv.indexOf('--sizes');
  const sizes =
    sizesArgument > 0 ? process.argv[sizesArgument + 1].split(',').map(Number) : [1_000, 10_000, 100_000];
  if (!gc) console.log('(run with --expose-gc for exact memory figures)');
  console.log(`bench:engine  ${new Date().toISOString()}  node ${process.version}`);
  console.log('Fingerprinting throughput (generated news-like text):');
  throughput('engine fingerprintText', THROUGHPUT_ARTICLES, fingerprintText);
  throughput('baseline MinHash 128 perm', BASELINE_THROUGHPUT_ARTICLES, signature);
  console.log(
    `Retrieval + alignment per query (${QUERY_KINDS.length} kinds × ${QUERIES_PER_KIND}: ${QUERY_KINDS.join(', ')}), memory per article:`,
  );
  const engineOnly = process.argv.includes('--engine-only');
  const baselineFull = process.argv.includes('--baseline-100k');
  for (const size of sizes) {
    await measureSize(size, 'engine');
    if (engineOnly) continue;
    if (size > BASELINE_DEFAULT_MAX && !baselineFull) {
      console.log(`  baseline ${String(size).padStart(7)}  skipped: indexing alone takes ~6 minutes here; add --baseline-100k`);
    } else {
      await measureSize(size, 'baseline');
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
