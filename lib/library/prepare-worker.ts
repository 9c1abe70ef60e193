/**
 * A dedicated worker of the options page that prepares import batches (prepared.ts:
 * hash, fingerprint, deflated text), so the page's own thread only reads the file and
 * sends. Messages: in `{ id, articles: ImportArticle[] }`, out `{ id, prepared }` or
 * `{ id, error }` (prepare-pool.ts).
 */
import type { ImportArticle } from './import-entry';
import { prepareImportBatch } from './prepared';

const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (event: MessageEvent<{ id: number; articles: ImportArticle[] }>) => {
  const { id, articles } = event.data;
  prepareImportBatch(articles).then(
    (prepared) => scope.postMessage({ id, prepared }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
