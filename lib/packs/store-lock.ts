/**
 * One writer of the pack store at a time, across the extension's contexts (options page,
 * background): the Web Locks API (`navigator.locks`), whose locks a context holds until it
 * finishes the callback or dies. That death is what makes leftovers safe to drop: a generation
 * still marked pending while nobody holds the lock belongs to an import whose page closed or
 * whose worker stopped (store.ts). Outside a browser (Node, unit tests) an in-process queue
 * stands in, with the same semantics for one process.
 */

const LOCK_NAME = 'recycled-news-pack-store';

interface LockLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

let queue: Promise<unknown> = Promise.resolve();
let held = false;

const inProcess: LockLike = {
  request<T>(_name: string, optionsOrCallback: unknown, maybeCallback?: unknown): Promise<T> {
    if (typeof optionsOrCallback === 'function') {
      const run = queue.then(async () => {
        held = true;
        try {
          return await (optionsOrCallback as () => Promise<T>)();
        } finally {
          held = false;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    }
    const callback = maybeCallback as (lock: unknown) => Promise<T>;
    return held ? callback(null) : withStoreLock(() => callback({}));
  },
};

function locks(): LockLike {
  const api = (globalThis as { navigator?: { locks?: LockLike } }).navigator?.locks;
  return api ?? inProcess;
}

/** Runs `work` holding the pack store's write lock (waiting for the holder, if any). */
export function withStoreLock<T>(work: () => Promise<T>): Promise<T> {
  return locks().request(LOCK_NAME, work);
}

/** Runs `work` with the lock if nobody holds it; otherwise resolves to undefined at once. */
export function ifStoreIdle<T>(work: () => Promise<T>): Promise<T | undefined> {
  return locks().request(LOCK_NAME, { ifAvailable: true }, (lock) => (lock ? work() : Promise.resolve(undefined)));
}
