/**
 * All-or-nothing imports. The options page sends a file's articles in batches; they wait in
 * the `staging` store, invisible to the library, until the whole file has passed and one
 * transaction moves them in. A rejected file, a cancel, a closed page or a restarted service
 * worker leaves the library exactly as it was (stale staging is dropped when the library opens).
 */
import type { LibraryDb, StagedEntry } from './db';
import { LibraryFormatError, locationLabel } from './format';
import { importedEntry, revalidateImportArticle, type ImportArticle } from './import-entry';
import { adjustCounts, allOrNothing, ENTRY_STORES, putPrepared, RequestBatch, tally } from './entry-writes';
import { IMPORT_GONE } from './messages';
import { prepareEntry, type PreparedEntry } from './prepared';

export interface StageResult {
  staged: number;
  /** Articles whose text is already in the library or earlier in the same file. */
  duplicates: number;
  /** "file:line: reason" for each article that cannot be imported. Any makes the file fail. */
  rejected: string[];
}

const importKey = (importId: string) => `import:${importId}`;

/** An open import, in `meta`. `staged`: articles received so far, which numbers each staged
 *  row (its key), so two articles never share a key whatever lines they came from. */
interface OpenImport {
  file: string;
  startedAt: number;
  staged: number;
}


export async function beginImport(db: LibraryDb, file: string): Promise<string> {
  const importId = crypto.randomUUID();
  const open: OpenImport = { file, startedAt: Date.now(), staged: 0 };
  await db.put('meta', open, importKey(importId));
  return importId;
}

async function openImport(meta: { get(key: string): Promise<unknown> }, importId: string): Promise<OpenImport> {
  const info = (await meta.get(importKey(importId))) as OpenImport | undefined;
  if (!info) throw new Error(IMPORT_GONE);
  return info;
}

export async function stageBatch(
  db: LibraryDb,
  importId: string,
  articles: readonly ImportArticle[],
  now: string = new Date().toISOString(),
): Promise<StageResult> {
  const { file } = await openImport(db.transaction('meta').store, importId);
  const result: StageResult = { staged: 0, duplicates: 0, rejected: [] };
  const prepared: Array<{ where: string; item: PreparedEntry }> = [];
  for (const input of articles) {
    try {
      const { article, ...position } = revalidateImportArticle(input, file);
      const where = locationLabel({ file, ...position });
      prepared.push({ where, item: await prepareEntry(importedEntry(article, file, now)) });
    } catch (error) {
      result.rejected.push(error instanceof LibraryFormatError ? error.message : `${file}: ${String(error)}`);
    }
  }
  const tx = db.transaction(['entries', 'staging', 'meta'], 'readwrite');
  const staging = tx.objectStore('staging');
  const entries = tx.objectStore('entries');
  await allOrNothing(tx, async () => {
    // Read again inside the transaction: the count must not be shared by two batches.
    const open = await openImport(tx.objectStore('meta'), importId);
    const reads = new RequestBatch();
    const lookups = prepared.map(({ item: { record } }) => ({
      hashInLibrary: reads.add(entries.index('hash').getKey(record.textHash)),
      hashStaged: reads.add(staging.index('import-hash').getKey([importId, record.textHash])),
      idInLibrary: reads.add(entries.getKey(record.id)),
      idStaged: reads.add(staging.index('import-id').get([importId, record.id])),
    }));
    await reads.settle();
    // Earlier articles of this same batch count as staged too.
    const batchHashes = new Set<string>();
    const batchIds = new Map<string, string>();
    const writes = new RequestBatch();
    for (const [index, { where, item }] of prepared.entries()) {
      const { id, textHash } = item.record;
      const lookup = lookups[index];
      if ((await lookup.hashInLibrary) !== undefined || (await lookup.hashStaged) !== undefined || batchHashes.has(textHash)) {
        result.duplicates++;
        continue;
      }
      const earlier = (await lookup.idStaged)?.where ?? batchIds.get(id);
      if ((await lookup.idInLibrary) !== undefined || earlier !== undefined) {
        const other = earlier !== undefined ? `${earlier.replace(/:$/, '')} of this file` : 'another article in the library';
        result.rejected.push(`${where} id "${id}" is already used by ${other}`);
        continue;
      }
      batchHashes.add(textHash);
      batchIds.set(id, where);
      open.staged++;
      const staged: StagedEntry = { importId, seq: open.staged, where, ...item };
      // add, not put: a key already taken is a bug to surface, never an article to overwrite.
      writes.add(staging.add(staged));
      result.staged++;
    }
    writes.add(tx.objectStore('meta').put(open, importKey(importId)));
    await writes.settle();
  });
  return result;
}

/** Staged entries moved per step of a commit: bounds memory, whatever the file's size. */
const COMMIT_CHUNK = 500;

/** Moves a staged file into the library in one transaction; returns what was added (for the
 *  engine's index). Entries that became duplicates since staging are skipped. */
export async function commitImport(db: LibraryDb, importId: string): Promise<PreparedEntry[]> {
  await openImport(db.transaction('meta').store, importId);
  const tx = db.transaction([...ENTRY_STORES, 'staging', 'meta'], 'readwrite');
  const added: PreparedEntry[] = [];
  await allOrNothing(tx, async () => {
    const entries = tx.objectStore('entries');
    let after = -Infinity;
    for (;;) {
      const range = IDBKeyRange.bound([importId, after], [importId, Infinity], true, false);
      const chunk = await tx.objectStore('staging').getAll(range, COMMIT_CHUNK);
      if (chunk.length === 0) break;
      const reads = new RequestBatch();
      const taken = chunk.map(({ record }) =>
        Promise.all([reads.add(entries.index('hash').getKey(record.textHash)), reads.add(entries.getKey(record.id))]),
      );
      await reads.settle();
      const writes = new RequestBatch();
      for (const [index, { record, text, fingerprint }] of chunk.entries()) {
        const [sameText, sameId] = await taken[index];
        if (sameText !== undefined || sameId !== undefined) continue;
        const item = { record, text, fingerprint };
        putPrepared(writes, tx, item);
        added.push(item);
      }
      await writes.settle();
      after = chunk[chunk.length - 1].seq;
    }
    await tx.objectStore('staging').delete(stagedRange(importId));
    await tx.objectStore('meta').delete(importKey(importId));
    await adjustCounts(tx, tally(added.map((item) => item.record.origin)));
  });
  return added;
}

export async function abortImport(db: LibraryDb, importId: string): Promise<void> {
  const tx = db.transaction(['staging', 'meta'], 'readwrite');
  await tx.objectStore('staging').delete(stagedRange(importId));
  await tx.objectStore('meta').delete(importKey(importId));
  await tx.done;
}

/** Drops every unfinished import: called when the library opens, since no page can still be
 *  sending batches to a background that just started. */
export async function dropStaleImports(db: LibraryDb): Promise<void> {
  const tx = db.transaction(['staging', 'meta'], 'readwrite');
  await tx.objectStore('staging').clear();
  const keys = await tx.objectStore('meta').getAllKeys(IDBKeyRange.bound('import:', 'import:\uffff'));
  for (const key of keys) await tx.objectStore('meta').delete(key);
  await tx.done;
}

function stagedRange(importId: string): IDBKeyRange {
  return IDBKeyRange.bound([importId, -Infinity], [importId, Infinity]);
}
