/** Prints one library size's figures of bench:browser as a Markdown table: figure, value, floor or baseline of the same run, ratio, target. */
import { statusCounts, summarize, workerMs, type Sample, type Summary } from './phases';
import { availableParallelism } from 'node:os';
import type { SizeFigures, TimedImport } from './run-size';
import type { WorkerHeap } from './worker-heap';

const count = (n: number) => Math.round(n).toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (value: number) => `${count(value)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const spread = (summary: Summary | null, last: 'p95' | 'max' = 'p95') => (summary ? `${ms(summary.p50)} / ${ms(summary[last])} (p50 / ${last}, ${summary.count})` : 'none');

function duringRow(label: string, samples: readonly Sample[], warm: Summary | null): string {
  if (samples.length === 0) return `| ${label} | no check (the phase ended first) | | | ≤ 1 s |`;
  const verdicts = summarize(samples.map((sample) => sample.verdictMs));
  const worker = summarize(samples.map(workerMs));
  return `| ${label}: from navigation to verdict | ${spread(verdicts, 'max')}; worker's part ${spread(worker, 'max')}; ${statusCounts(samples)} | warm: ${spread(warm)} | max ${warm && verdicts ? ratio(verdicts.max, warm.p50) : '–'} of warm p50 | ≤ 1 s |`;
}

/** The worker's own memory: JS heap + ArrayBuffer backing stores after a GC, when both were read. */
function workerOwn(heap: WorkerHeap | null): string {
  if (!heap) return 'JS heap not read';
  const js = `JS heap ${mb(heap.usedBytes)} (${mb(heap.usedAfterGcBytes)} after a GC)`;
  if (heap.backingAfterGcBytes === undefined) return `${js}; backing stores not reported by this browser`;
  return `worker's own ${mb(heap.usedAfterGcBytes + heap.backingAfterGcBytes)} after a GC (${js}, ArrayBuffer backing stores ${mb(heap.backingAfterGcBytes)})`;
}

/** An import's processor time per article, by process kind, and the share of the machine it took. */
function processorPerArticle({ processor, ms: elapsed }: TimedImport, size: number): string {
  const us = (value: number) => `${count((value * 1000) / size)} µs`;
  const total = processor.browser + processor.extension + processor.other;
  // The processor time includes opening the options page, just before the import's clock starts.
  const busy = `${(total / elapsed).toFixed(1)} of ${availableParallelism()} cores busy`;
  return `processor time per article ${us(total)} (browser process ${us(processor.browser)}, extension's ${us(processor.extension)}, others ${us(processor.other)}; ${busy})`;
}

export function sizeReport(figures: SizeFigures): string {
  const { size, importedAlone, imported, rawPutMs, disk, textBytes, searchable, warm, cold } = figures;
  const aloneRate = (size / importedAlone.ms) * 1000;
  const importRate = (size / imported.ms) * 1000;
  const rawRate = (size / rawPutMs) * 1000;
  const warmVerdict = summarize(warm.map((v) => v.verdictMs));
  const warmWorker = summarize(warm.map(workerMs));
  const coldVerdict = summarize(cold.map((v) => v.verdictMs));
  const coldWorker = summarize(cold.map(workerMs));
  const estimateIdb = disk.estimateIndexedDbBytes !== undefined ? ` (IndexedDB ${mb(disk.estimateIndexedDbBytes)})` : '';
  const memory = ({ process, heap }: SizeFigures['memory']) =>
    `RSS ${mb(process.rssBytes)}${process.pssBytes !== undefined ? `, PSS ${mb(process.pssBytes)}` : ''}; ${workerOwn(heap)}`;
  const found = searchable.foundMs === null ? 'not found within the search timeout' : `found ${s(searchable.foundMs)} after the import ended`;
  const indexed = searchable.indexedMs === null ? '' : `; library/stats: no word pending ${s(searchable.indexedMs)} after`;
  return [
    `| figure (${count(size)} articles, ${mb(textBytes)} of text) | value | floor / baseline (same run) | ratio | target |`,
    '| --- | --- | --- | --- | --- |',
    `| 1. import through the options page, no page checked meanwhile (a profile of its own) | ${count(size)} in ${s(importedAlone.ms)} = ${count(aloneRate)} articles/s; ${processorPerArticle(importedAlone, size)} | raw IndexedDB puts of the same records: ${count(rawRate)} articles/s | ${ratio(aloneRate, rawRate)} | ≥ 2,000/s and ≥ 0.75× |`,
    `| 1. … with a page checked every second (each loading page holds the writes back: target 2) | ${count(size)} in ${s(imported.ms)} = ${count(importRate)} articles/s; ${processorPerArticle(imported, size)} | the import alone: ${count(aloneRate)} articles/s | ${ratio(importRate, aloneRate)} | |`,
    duringRow('2. a page checked during the import', figures.duringImport, warmVerdict),
    duringRow('2. a page checked during the search-word indexing', figures.duringIndexing, warmVerdict),
    `| 3. first check after a service-worker stop: from navigation to verdict | ${spread(coldVerdict, 'max')}; worker's part ${spread(coldWorker, 'max')}; ${statusCounts(cold)} | warm: ${spread(warmVerdict)}; worker's part ${spread(warmWorker)} | p50 ${coldVerdict && warmVerdict ? ratio(coldVerdict.p50, warmVerdict.p50) : '–'} of warm | ≤ 250 ms at 100k |`,
    `| 4. warm check, the worker's part (its "checking" record to the stored result) | ${spread(warmWorker)}; ${statusCounts(warm)} | from navigation to verdict: ${spread(warmVerdict)} | | p95 ≤ 20 ms at 100k |`,
    `| 16.1 disk: the extension's IndexedDB folder | ${mb(disk.indexedDbBytes)}; storage.estimate() ${mb(disk.estimateBytes)}${estimateIdb} | article text ${mb(textBytes)} | ${ratio(disk.indexedDbBytes, textBytes)} | ≤ 1.5× |`,
    `| 16.2 the options search finds an imported article by a word of its text | ${found}${indexed} | | | ≤ 60 s |`,
    `| 16.3 the service worker's process (extension pages closed) | ${memory(figures.memory)} | with the five seeds: ${memory(figures.seedsMemory)} | RSS ${ratio(figures.memory.process.rssBytes, figures.seedsMemory.process.rssBytes)} | ≤ 150 MB at 100k |`,
    `| 16.3 … after the service-worker stops (a worker started afresh, index restored; process ${figures.restartedMemory.process.pid === figures.memory.process.pid ? 'the same' : 'a new one'}) | ${memory(figures.restartedMemory)} | with the five seeds: ${memory(figures.seedsMemory)} | RSS ${ratio(figures.restartedMemory.process.rssBytes, figures.seedsMemory.process.rssBytes)} | ≤ 150 MB at 100k |`,
  ]
    .concat(
      searchable.foundMs === null
        ? ['', 'The search did not find the article within the search timeout: figures 3, 4, 16.1 and 16.3 were measured while the word indexing still ran.']
        : [],
    )
    .join('\n');
}
