/** Worker thread of the scan command: extracts the inputs it is sent, one at a time (extract-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { extractInput, type ExtractTask } from './extract-input';

parentPort?.on('message', async (task: ExtractTask) => {
  parentPort!.postMessage(await extractInput(task));
});
