/**
 * The measuring steps of bench:browser that visit pages: checks sampled while other work runs
 * (an import, the search-word indexing after it), a series of warm checks, checks right after
 * the service worker was stopped, and the extension process's memory after a check.
 */
import type { ExtensionHarness } from '../../e2e/harness';
import { quantile } from '../quality-metrics';
import { type Verdict, VerdictWatch } from './verdicts';

/** A verdict, or none within the visit's timeout (verdictMs is then the timeout). */
export type Sample = Verdict | { status: 'no verdict'; matches: 0; verdictMs: number };

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** p50 / p95 / max of `values` (ms); null when there are none. */
export function summarize(values: ReadonlyArray<number | undefined>): Summary | null {
  const sorted = values.filter((value): value is number => value !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { count: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1] };
}

/** "done 48 (36 with a match), not-article 2" */
export function statusCounts(samples: readonly Sample[]): string {
  const counts = new Map<string, number>();
  for (const { status } of samples) counts.set(status, (counts.get(status) ?? 0) + 1);
  const matched = samples.filter((sample) => sample.matches > 0).length;
  return [...counts].map(([status, n]) => (status === 'done' ? `done ${n} (${matched} with a match)` : `${status} ${n}`)).join(', ');
}

/** The worker's part of a sample (none for a sample without a verdict). */
export const workerMs = (sample: Sample) => ('workerMs' in sample ? sample.workerMs : undefined);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Visit `n`, or a 'no verdict' sample (counted as `timeoutMs`) when it got none; the reason is logged. */
async function sample(visit: (n: number) => Promise<Verdict>, n: number, timeoutMs: number): Promise<Sample> {
  try {
    return await visit(n);
  } catch (error) {
    console.warn(`  (check ${n} got no verdict: ${(error as Error).message})`);
    return { status: 'no verdict', matches: 0, verdictMs: timeoutMs };
  }
}

/** Visits, one after another with `gapMs` between them, until `work` settles; returns its value and the samples. */
export async function sampleWhile<T>(work: Promise<T>, visit: (n: number) => Promise<Verdict>, gapMs: number, timeoutMs: number): Promise<{ value: T; samples: Sample[] }> {
  let finished = false;
  const settled = work.then(
    () => void (finished = true),
    () => void (finished = true),
  );
  const samples: Sample[] = [];
  for (let n = 0; !finished; n++) {
    samples.push(await sample(visit, n, timeoutMs));
    await Promise.race([settled, sleep(gapMs)]);
  }
  return { value: await work, samples };
}

/** `count` visits in a row. */
export async function series(count: number, visit: (n: number) => Promise<Verdict>, timeoutMs: number): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let n = 0; n < count; n++) out.push(await sample(visit, n, timeoutMs));
  return out;
}

/** `rounds` visits, each right after the service worker was stopped (and given a second to go). */
export async function coldSeries(watch: VerdictWatch, rounds: number, visit: (n: number) => Promise<Verdict>, timeoutMs: number): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let n = 0; n < rounds; n++) {
    await watch.stopWorker();
    await sleep(1_000);
    out.push(await sample(visit, n, timeoutMs));
  }
  return out;
}

/**
 * Closes every extension page (they share the extension's process with the service worker),
 * has `path` checked (so the worker is running with its index loaded), and returns what
 * `measure` reads then. The caller reopens what it needs.
 */
export async function afterCheckAlone<T>(harness: ExtensionHarness, path: string, html: string, measure: () => Promise<T>): Promise<T> {
  const extensionPages = harness.context.pages().filter((page) => page.url().startsWith(`chrome-extension://${harness.extensionId}/`));
  for (const page of extensionPages) await page.close();
  harness.servePage(path, html);
  const { page, tabId } = await harness.openPage(path);
  await harness.waitForResult(tabId, undefined, 120_000).catch((error: unknown) => {
    // The worker is running all the same (busy with this check): measured, and said.
    console.warn(`  (measured with the check unfinished: ${(error as Error).message})`);
  });
  await page.close();
  await sleep(2_000);
  return measure();
}
