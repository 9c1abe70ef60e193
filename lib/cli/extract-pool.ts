/**
 * Worker threads that extract the scan command's inputs (extract-worker.ts), so a batch uses
 * every core while the main thread matches. A worker takes one input at a time; a worker that
 * dies (out of memory on a pathological page) fails only the input it held and is replaced.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { ExtractReply, ExtractTask } from './extract-input';
import { startWorker } from './start-worker';

/** Workers that died before a pool gives up (then every input left gets the reason): a broken install must not respawn forever. */
const MAX_RESTARTS = 8;

interface Job {
  task: ExtractTask;
  resolve: (reply: ExtractReply) => void;
}

export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private readonly script = new URL(`./extract-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  private closed = false;
  private restarts = 0;
  /** Set when workers kept dying: the reason every later input gets. */
  private broken: string | undefined;

  /** Starts `size` worker threads (they load their modules while the caller loads the library). */
  constructor(size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.start());
  }

  /** Extracts one input in the first free worker. Never rejects: failures are replies with an error. */
  run(task: ExtractTask): Promise<ExtractReply> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  /** Stops the workers; inputs not yet extracted get no reply. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.idle, ...this.busy.keys()].map((worker) => worker.terminate()));
  }

  private start(): Worker {
    const worker = startWorker(this.script);
    let failure: Error | undefined;
    worker.on('message', (reply: ExtractReply) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      job?.resolve(reply);
      this.dispatch();
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (this.closed) return;
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      const reason = `could not be scanned (the extraction thread stopped: ${failure?.message ?? `exit code ${code}`})`;
      job?.resolve({ error: reason });
      if (++this.restarts > MAX_RESTARTS) this.broken = reason;
      else this.idle.push(this.start());
      this.dispatch();
    });
    return worker;
  }

  private dispatch(): void {
    if (this.broken) for (const job of this.queue.splice(0)) job.resolve({ error: this.broken });
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.task);
    }
  }
}
