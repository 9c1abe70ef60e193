/**
 * `pack build`: NDJSON (library format) → pack. The main thread reads lines and hands batches to
 * worker threads (one per core) that fingerprint them; entries come back in input order and fill
 * a sorted run of at most RUN_ENTRIES entries, written to a temporary pack; the runs are then
 * merged (an external merge sort, with the same merge as `pack merge`). Memory holds one run and
 * the batches in flight, whatever the input size. Of two lines with the same id the later wins.
 */
import { createReadStream } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { rmSync, mkdtempSync } from 'node:fs';
import type { PackEntry } from '../packs/entry';
import { mergePacks } from '../packs/merge';
import { compareIds, packHeader, type PackMeta } from '../packs/pack';
import type { PackHeader } from '../packs/header';
import { readPackFile, writePackFile } from './pack-files';
import type { BuildBatch, BuildReply } from './pack-worker';
import { startWorker } from './start-worker';

const BATCH_LINES = 256;
/** Entries per sorted run by default (bounds memory: about 1 KB each while a run fills). */
export const RUN_ENTRIES = 100_000;
const IN_FLIGHT_PER_WORKER = 4;

/** A bad input line: the message is `FILE:LINE: reason`. */
export class BuildInputError extends Error {}

async function* batchesOf(inputs: readonly string[]): AsyncGenerator<Omit<BuildBatch, 'batch'>> {
  for (const input of inputs) {
    const file = input === '-' ? 'stdin' : input;
    const stream = input === '-' ? process.stdin : createReadStream(input);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let pending: string[] = [];
    let firstLine = 1;
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      pending.push(line);
      if (pending.length >= BATCH_LINES) {
        yield { file, firstLine, lines: pending };
        pending = [];
        firstLine = lineNumber + 1;
      }
    }
    if (pending.length > 0) yield { file, firstLine, lines: pending };
  }
}

/** Sorts a run by id, the later of equal ids winning (the sort is stable). */
function sortedRun(entries: PackEntry[]): PackEntry[] {
  const sorted = entries.map((entry, order) => ({ entry, order })).sort((a, b) => compareIds(a.entry.id, b.entry.id) || a.order - b.order);
  const out: PackEntry[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i + 1 < sorted.length && sorted[i + 1].entry.id === sorted[i].entry.id) continue;
    out.push(sorted[i].entry);
  }
  return out;
}

/** Builds `out` from `inputs` (paths, `-` for standard input). Throws BuildInputError on a bad line. */
export async function buildPack(
  inputs: readonly string[],
  out: string,
  meta: PackMeta,
  workers = Math.max(1, availableParallelism()),
  runEntries = RUN_ENTRIES,
): Promise<PackHeader> {
  const tempDir = mkdtempSync(join(tmpdir(), 'pack-build-'));
  const script = new URL(`./pack-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  const pool = Array.from({ length: workers }, () => startWorker(script));
  const runs: string[] = [];
  try {
    let run: PackEntry[] = [];
    const flushRun = async () => {
      if (run.length === 0) return;
      const path = join(tempDir, `run-${runs.length}.pack`);
      const entries = sortedRun(run);
      run = [];
      await writePackFile(path, async (body) => entries.forEach((entry) => body.put(entry)), (summary) => packHeader(meta, summary));
      runs.push(path);
    };
    const replies = new Map<number, BuildReply>();
    const waiting = new Map<number, () => void>();
    pool.forEach((worker) =>
      worker.on('message', (reply: BuildReply) => {
        replies.set(reply.batch, reply);
        waiting.get(reply.batch)?.();
      }),
    );
    const failure = new Promise<never>((_, reject) => pool.forEach((worker) => worker.on('error', reject)));
    failure.catch(() => undefined); // Observed through replyTo; a worker failing while none is awaited must not crash the process.
    const replyTo = (batch: number) => (replies.has(batch) ? Promise.resolve() : Promise.race([new Promise<void>((resolve) => waiting.set(batch, resolve)), failure]));

    let sent = 0;
    let taken = 0;
    const take = async () => {
      await replyTo(taken);
      const reply = replies.get(taken)!;
      replies.delete(taken);
      waiting.delete(taken);
      taken++;
      if ('error' in reply) throw new BuildInputError(reply.error);
      for (const entry of reply.entries) run.push(entry);
      if (run.length >= runEntries) await flushRun();
    };
    for await (const batch of batchesOf(inputs)) {
      pool[sent % workers].postMessage({ ...batch, batch: sent } satisfies BuildBatch);
      sent++;
      if (sent - taken >= workers * IN_FLIGHT_PER_WORKER) await take();
    }
    while (taken < sent) await take();
    if (runs.length === 0) {
      // Everything fit in one run: write it as the pack, without a temporary run to merge.
      const entries = sortedRun(run);
      return await writePackFile(out, async (body) => entries.forEach((entry) => body.put(entry)), (summary) => packHeader(meta, summary));
    }
    await flushRun();
    const opened = await Promise.all(runs.map((path) => readPackFile(path)));
    return await writePackFile(out, (body) => mergePacks(opened.map((pack) => pack.records), body), (summary) => packHeader(meta, summary));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
    rmSync(tempDir, { recursive: true, force: true });
  }
}
