/**
 * `pack build`: NDJSON (library format) → pack. The main thread reads the input as bytes and
 * hands batches of whole lines to worker threads (one per core), transferring the buffers
 * instead of copying strings; the workers parse, fingerprint and encode the entries and hand
 * them back the same way. Entries are taken in input order and fill a sorted run of at most
 * RUN_ENTRIES entries, written to a temporary pack; the runs are then merged (an external merge
 * sort, with the same merge as `pack merge`). The workers also deflate the blocks of the runs
 * and of the pack, while the main thread fills the next ones. Memory holds one run and the batches in flight,
 * whatever the input size. Of two lines with the same id the later wins.
 */
import { createReadStream } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync, mkdtempSync } from 'node:fs';
import { locationLabel } from '../library/format';
import { mergePacks } from '../packs/merge';
import { compareIds, packHeader, type PackMeta } from '../packs/pack';
import type { PackHeader } from '../packs/header';
import { DEFLATE_BACKLOG, type DeflateLevel, type PackBodyWriter } from '../packs/writer';
import { readPackFile, writePackFile } from './pack-files';
import type { BuildBatch, BuildReply, DeflateReply, DeflateRequest } from './pack-worker';
import { packWorkerScript } from './pack-worker-script';
import { startWorker } from './start-worker';

/** Bytes of whole lines per batch: about a hundred articles of 5 KB. */
const BATCH_BYTES = 512 * 1024;
/** Entries per sorted run by default (bounds memory: about 1 KB of resident memory each while a run fills, measured). */
export const RUN_ENTRIES = 100_000;
const IN_FLIGHT_PER_WORKER = 4;
/** Runs are read back once, at once: a fast deflate level (the pack itself gets level 6). */
const RUN_DEFLATE_LEVEL = 1;

/** A bad input line: the message is `FILE:LINE: reason`. */
export class BuildInputError extends Error {}

/** A fresh buffer holding `parts` one after the other (a transferable copy). */
function joined(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Batches of whole lines (at least BATCH_BYTES unless an input ends), with their input's index and name. */
async function* batchesOf(inputs: readonly string[]): AsyncGenerator<{ input: number; file: string; bytes: Uint8Array }> {
  for (const [index, input] of inputs.entries()) {
    const file = input === '-' ? 'stdin' : input;
    const stream: AsyncIterable<Uint8Array> = input === '-' ? process.stdin : createReadStream(input, { highWaterMark: BATCH_BYTES });
    let parts: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of stream) {
      const lastBreak = size + chunk.length >= BATCH_BYTES ? chunk.lastIndexOf(0x0a) : -1;
      if (lastBreak < 0) {
        parts.push(chunk);
        size += chunk.length;
        continue;
      }
      parts.push(chunk.subarray(0, lastBreak + 1));
      yield { input: index, file, bytes: joined(parts, size + lastBreak + 1) };
      const rest = chunk.subarray(lastBreak + 1);
      parts = [rest];
      size = rest.length;
    }
    if (size > 0) yield { input: index, file, bytes: joined(parts, size) };
  }
}

/** Encoded entries of a run as the workers sent them, in input order. */
class Run {
  ids: string[] = [];
  entries: Uint8Array[] = [];

  add(reply: Extract<BuildReply, { ids: string[] }>): void {
    for (let i = 0; i < reply.ids.length; i++) {
      this.ids.push(reply.ids[i]);
      this.entries.push(reply.bytes.subarray(i === 0 ? 0 : reply.ends[i - 1], reply.ends[i]));
    }
  }

  /** Puts the entries into `body` sorted by id, the later of equal ids winning; empties the run. */
  async writeSorted(body: PackBodyWriter): Promise<void> {
    const { ids, entries } = this;
    this.ids = [];
    this.entries = [];
    const order = Array.from(ids.keys()).sort((a, b) => compareIds(ids[a], ids[b]) || a - b);
    for (let i = 0; i < order.length; i++) {
      if (i + 1 < order.length && ids[order[i + 1]] === ids[order[i]]) continue;
      body.putEncoded(ids[order[i]], entries[order[i]]);
      if (body.backlog > DEFLATE_BACKLOG) await body.settle(DEFLATE_BACKLOG);
    }
  }
}

/** A built pack: its header, and the input lines read (more than its articles when ids repeat). */
export interface BuiltPack {
  header: PackHeader;
  linesRead: number;
}

/** Builds `out` from `inputs` (paths, `-` for standard input). Throws BuildInputError on a bad line. */
export async function buildPack(
  inputs: readonly string[],
  out: string,
  meta: PackMeta,
  workers = Math.max(1, availableParallelism()),
  runEntries = RUN_ENTRIES,
): Promise<BuiltPack> {
  const tempDir = mkdtempSync(join(tmpdir(), 'pack-build-'));
  const runs: string[] = [];
  const pool: Worker[] = [];
  try {
    const script = await packWorkerScript(tempDir);
    for (let i = 0; i < workers; i++) pool.push(startWorker(script));
    const run = new Run();
    const flushRun = async () => {
      if (run.ids.length === 0) return;
      const path = join(tempDir, `run-${runs.length}.pack`);
      await writePackFile(path, (body) => run.writeSorted(body), (summary) => packHeader(meta, summary), { deflateLevel: RUN_DEFLATE_LEVEL, deflate });
      runs.push(path);
    };
    const replies = new Map<number, BuildReply>();
    const waiting = new Map<number, () => void>();
    const deflated = new Map<number, (compressed: Uint8Array) => void>();
    pool.forEach((worker) =>
      worker.on('message', (reply: BuildReply | DeflateReply) => {
        if ('compressed' in reply) {
          deflated.get(reply.block)!(reply.compressed);
          deflated.delete(reply.block);
          return;
        }
        replies.set(reply.batch, reply);
        waiting.get(reply.batch)?.();
      }),
    );
    const failure = new Promise<never>((_, reject) => pool.forEach((worker) => worker.on('error', reject)));
    failure.catch(() => undefined); // Observed through replyTo; a worker failing while none is awaited must not crash the process.
    let blocks = 0;
    /** Deflates a pack block in a worker (round robin), for the pack writer. */
    const deflate = (raw: Uint8Array, level: DeflateLevel): Promise<Uint8Array> => {
      const block = blocks++;
      const done = new Promise<Uint8Array>((resolve) => deflated.set(block, resolve));
      pool[block % workers].postMessage({ block, raw, level } satisfies DeflateRequest, [raw.buffer as ArrayBuffer]);
      return Promise.race([done, failure]);
    };
    const replyTo = (batch: number) => (replies.has(batch) ? Promise.resolve() : Promise.race([new Promise<void>((resolve) => waiting.set(batch, resolve)), failure]));

    /** The input of each batch in flight; where the next batch taken starts. */
    const sources = new Map<number, { input: number; file: string }>();
    let at = { input: -1, line: 1 };
    let sent = 0;
    let taken = 0;
    let linesRead = 0;
    const take = async () => {
      await replyTo(taken);
      const reply = replies.get(taken)!;
      const { input, file } = sources.get(taken)!;
      replies.delete(taken);
      waiting.delete(taken);
      sources.delete(taken);
      taken++;
      if (input !== at.input) at = { input, line: 1 };
      if ('reason' in reply) throw new BuildInputError(`${locationLabel({ file, line: at.line + reply.line })} ${reply.reason}`);
      at.line += reply.lines;
      linesRead += reply.ids.length;
      run.add(reply);
      if (run.ids.length >= runEntries) await flushRun();
    };
    for await (const { input, file, bytes } of batchesOf(inputs)) {
      sources.set(sent, { input, file });
      pool[sent % workers].postMessage({ batch: sent, bytes } satisfies BuildBatch, [bytes.buffer as ArrayBuffer]);
      sent++;
      if (sent - taken >= workers * IN_FLIGHT_PER_WORKER) await take();
    }
    while (taken < sent) await take();
    if (runs.length === 0) {
      // Everything fit in one run: write it as the pack, without a temporary run to merge.
      const header = await writePackFile(out, (body) => run.writeSorted(body), (summary) => packHeader(meta, summary), { deflate });
      return { header, linesRead };
    }
    await flushRun();
    const opened = await Promise.all(runs.map((path) => readPackFile(path)));
    const header = await writePackFile(out, (body) => mergePacks(opened.map((pack) => pack.records), body, true), (summary) => packHeader(meta, summary), { deflate });
    return { header, linesRead };
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
    rmSync(tempDir, { recursive: true, force: true });
  }
}
