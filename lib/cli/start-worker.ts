/** Starting a worker thread from the scan and pack commands, whether they run from TypeScript sources or built JavaScript. */
import { Worker } from 'node:worker_threads';

/** Run from TypeScript sources (tsx), a worker registers tsx's loader before loading its script. */
export function startWorker(script: URL): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`, { eval: true });
}
