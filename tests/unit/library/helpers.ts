/** Shared set-up for library tests: a fresh fake-indexeddb database per test, the real seeds. */
import { readdirSync, readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { openLibraryDb, type LibraryDb } from '../../../lib/library/db';
import type { ImportArticle } from '../../../lib/library/import-entry';
import { createLibraryHandlers } from '../../../lib/library/handlers';
import type { LibrarySend } from '../../../lib/library/import-runner';
import { prepareImportArticle } from '../../../lib/library/prepared';
import { LibraryService } from '../../../lib/library/service';
import type { SeedFile } from '../../../lib/library/seeding';

export const SEED_FILES: SeedFile[] = readdirSync('public/corpus')
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((fileName) => ({ fileName, content: readFileSync(`public/corpus/${fileName}`, 'utf8') }));

let counter = 0;
export function freshDbName(): string {
  return `library-test-${process.pid}-${++counter}`;
}

export async function openService(seeds: SeedFile[] = SEED_FILES, name = freshDbName()) {
  const db = await openLibraryDb(name);
  return { db, service: await LibraryService.open(db, seeds), name };
}

/** A `send` that goes through the real handlers, with payloads cloned as messaging would. */
export function sendThrough(service: LibraryService): LibrarySend {
  const handlers = createLibraryHandlers(async () => service);
  return (async (type, payload) => {
    const handler = handlers[type] as (request: unknown) => Promise<unknown>;
    return structuredClone(await handler(structuredClone(payload)));
  }) as LibrarySend;
}

/** A plausible news paragraph that differs per `n`, so generated articles are not duplicates. */
export function article(n: number, paragraphs = 4): string {
  const words = ['harbour', 'council', 'budget', 'ferry', 'terminal', 'inquiry', 'minister', 'contract', 'union', 'tender', 'delay', 'report'];
  return Array.from({ length: paragraphs }, (_, p) => {
    const w = (k: number) => words[(n * 7 + p * 3 + k) % words.length];
    return `Article ${n} paragraph ${p}: the ${w(0)} said on day ${n + p} that the ${w(1)} would review the ${w(2)} after the ${w(3)} was questioned by the ${w(4)}, and officials promised a full ${w(5)} within ${n % 12 + 2} weeks.`;
  }).join('\n\n');
}

/** Rows an unfinished import left in `meta` (its head and journaled batches): 0 once every
 *  import was committed or rolled back. */
export async function openImportRows(db: LibraryDb): Promise<number> {
  return db.count('meta', IDBKeyRange.bound('import:', 'import:\uffff'));
}

/** Articles as the options page sends them: numbered by line and prepared (hash, fingerprint). */
export function preparedBatch(articles: ReadonlyArray<ImportArticle['article']>) {
  return Promise.all(articles.map((article, i) => prepareImportArticle({ line: i + 1, article })));
}

/** Makes the `nth` put into the object store `store` throw a QuotaExceededError, as a full disk
 *  would. `puts()`: the puts into `store` so far; `restore()` puts IndexedDB back. */
export function failNthPut(store: string, nth: number): { puts(): number; restore(): void } {
  const put = IDBObjectStore.prototype.put;
  let puts = 0;
  const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === store && ++puts === nth) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args as Parameters<typeof put>);
  });
  return { puts: () => puts, restore: () => spy.mockRestore() };
}
