/**
 * One input of the scan command turned into what matching needs: the extracted article and
 * the spin hint judged from its own text. Runs in the extraction worker threads (or in the
 * main thread for a few inputs); everything it returns can be posted between threads.
 */
import { detectSpin, type SpinHint } from '../spin';
import { InputError, readInputBytes, scanInputFromBytes, type ScanInput } from './inputs';

export interface ExtractTask {
  /** The argument exactly as given. */
  input: string;
  /** The file to read (resolved as inputPath does), or `-` with `bytes` already read from standard input. */
  path: string;
  bytes?: Uint8Array;
}

export type ExtractReply = { page: ScanInput; spin: SpinHint } | { error: string };

/** Reads, extracts and judges one input; never throws: a failure is a reply with the reason in plain words. */
export async function extractInput(task: ExtractTask): Promise<ExtractReply> {
  try {
    const bytes = task.bytes ?? (await readInputBytes(task.input, task.path));
    const page = scanInputFromBytes(task.input, task.path, bytes);
    return { page, spin: detectSpin(page.text) };
  } catch (error) {
    // One bad input must not cost the others their results: its line says why.
    return { error: error instanceof InputError ? error.reason : `could not be scanned (${error instanceof Error ? error.message : String(error)})` };
  }
}
