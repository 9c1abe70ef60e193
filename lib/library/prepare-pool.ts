/**
 * Import batches prepared in dedicated workers (prepare-worker.ts) instead of the options
 * page's own thread: deflating, hashing and fingerprinting an article take about 0.5 ms, more
 * than reading it, so the page would otherwise be the import's slowest step. A worker that
 * cannot start or fails leaves its batches (and every later one) to the page's thread, so an
 * import never fails for want of a worker.
 */
import type { ImportArticle, PreparedImportArticle } from './import-entry';
import { prepareImportBatch } from './prepared';
import PrepareWorkerScript from './prepare-worker?worker';

type Reply = { id: number; prepared?: PreparedImportArticle[]; error?: string };

/** The part of a Worker the pool uses (a test passes a double). */
export interface PrepareWorker {
  postMessage(message: { id: number; articles: ImportArticle[] }): void;
  /** 'message' events carry a Reply as their data. */
  addEventListener(type: 'message' | 'error', listener: (event: { data?: unknown }) => void): void;
  terminate(): void;
}

interface Pending {
  articles: ImportArticle[];
  resolve: (prepared: PreparedImportArticle[]) => void;
  reject: (error: unknown) => void;
}

export class PreparePool {
  private readonly workers: PrepareWorker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private broken = false;

  /** `start`: creates one worker (throws if it cannot); `size`: how many. */
  constructor(start: () => PrepareWorker, size: number) {
    try {
      for (let n = 0; n < size; n++) this.workers.push(this.watch(start()));
    } catch (error) {
      console.warn('Recycled News: import workers could not start; articles are prepared on the page', error);
      this.fail();
    }
  }

  /** Prepares `articles` (in a worker, batches handed out in turn); resolves in their order. */
  prepare(articles: ImportArticle[]): Promise<PreparedImportArticle[]> {
    if (this.broken || this.workers.length === 0) return prepareImportBatch(articles);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { articles, resolve, reject });
      this.workers[id % this.workers.length].postMessage({ id, articles });
    });
  }

  /** Stops the workers (batches still pending are prepared here). */
  close(): void {
    this.fail();
  }

  private watch(worker: PrepareWorker): PrepareWorker {
    worker.addEventListener('message', (event) => {
      const data = event.data as Reply;
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      this.pending.delete(data.id);
      if (data.prepared) waiting.resolve(data.prepared);
      else waiting.reject(new Error(data.error ?? 'the import worker sent no articles'));
    });
    worker.addEventListener('error', (event) => {
      console.warn('Recycled News: an import worker failed; articles are prepared on the page', event);
      this.fail();
    });
    return worker;
  }

  /** From now on everything is prepared on this thread, including what the workers held. */
  private fail(): void {
    this.broken = true;
    for (const worker of this.workers.splice(0)) worker.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { articles, resolve, reject } of pending) prepareImportBatch(articles).then(resolve, reject);
  }
}

/** Workers for a machine of `cores` cores: the page's thread, the background and the browser's
 *  storage need the rest. */
export function prepareWorkerCount(cores: number): number {
  return Math.max(1, Math.min(2, cores - 1));
}

/** A pool of the options page's import workers. */
export function startPreparePool(): PreparePool {
  return new PreparePool(
    () => new PrepareWorkerScript() as unknown as PrepareWorker,
    prepareWorkerCount(navigator.hardwareConcurrency || 2),
  );
}
