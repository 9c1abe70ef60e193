/**
 * All-or-nothing imports. The options page sends a file's articles in batches; they wait in
 * the `staging` store, invisible to the library, until the whole file has passed and one
 * transaction moves them in. A rejected file, a cancel, a closed page or a restarted service
 * worker leaves the library exactly as it was (stale staging is dropped when the library opens).
 */
import type { LibraryDb, StagedEntry } from './db';
import { LibraryFormatError } from './format';
import { importedEntry, revalidateImportArticle, type ImportArticle } from './import-entry';
import { allOrNothing, ENTRY_STORES, prepareEntry, putPrepared, type PreparedEntry } from './prepared';

export interface StageResult {
  staged: number;
  /** Articles whose text is already in the library or earlier in the same file. */
  duplicates: number;
  /** "file:line: reason" for each article that cannot be imported. Any makes the file fail. */
  rejected: string[];
}

const importKey = (importId: string) => `import:${importId}`;

export async function beginImport(db: LibraryDb, file: string): Promise<string> {
  const importId = crypto.randomUUID();
  await db.put('meta', { file, startedAt: Date.now() }, importKey(importId));
  return importId;
}

async function importFile(db: LibraryDb, importId: string): Promise<string> {
  const info = (await db.get('meta', importKey(importId))) as { file: string } | undefined;
  if (!info) throw new Error('This import is no longer open (the extension restarted or it was cancelled). Nothing from the file was added; please import it again.');
  return info.file;
}

export async function stageBatch(
  db: LibraryDb,
  importId: string,
  articles: readonly ImportArticle[],
  now: string = new Date().toISOString(),
): Promise<StageResult> {
  const file = await importFile(db, importId);
  const result: StageResult = { staged: 0, duplicates: 0, rejected: [] };
  const prepared: Array<{ line: number; item: PreparedEntry }> = [];
  for (const input of articles) {
    try {
      const { line, article } = revalidateImportArticle(input, file);
      prepared.push({ line, item: await prepareEntry(importedEntry(article, file, now)) });
    } catch (error) {
      result.rejected.push(error instanceof LibraryFormatError ? error.message : `${file}: ${String(error)}`);
    }
  }
  const tx = db.transaction(['entries', 'staging'], 'readwrite');
  const staging = tx.objectStore('staging');
  await allOrNothing(tx, async () => {
    for (const { line, item } of prepared) {
      const { id, textHash } = item.record;
      if (
        (await tx.objectStore('entries').index('hash').getKey(textHash)) !== undefined ||
        (await staging.index('import-hash').getKey([importId, textHash])) !== undefined
      ) {
        result.duplicates++;
        continue;
      }
      const sameId = (await tx.objectStore('entries').getKey(id)) !== undefined;
      const earlier = await staging.index('import-id').get([importId, id]);
      if (sameId || earlier) {
        const where = earlier ? `line ${earlier.seq} of this file` : 'another article in the library';
        result.rejected.push(`${file}:${line}: id "${id}" is already used by ${where}`);
        continue;
      }
      const staged: StagedEntry = { importId, seq: line, ...item };
      await staging.put(staged);
      result.staged++;
    }
  });
  return result;
}

/** Moves a staged file into the library in one transaction; returns what was added (for the
 *  engine's index). Entries that became duplicates since staging are skipped. */
export async function commitImport(db: LibraryDb, importId: string): Promise<PreparedEntry[]> {
  await importFile(db, importId);
  const tx = db.transaction([...ENTRY_STORES, 'staging', 'meta'], 'readwrite');
  const added: PreparedEntry[] = [];
  await allOrNothing(tx, async () => {
    let cursor = await tx.objectStore('staging').openCursor(stagedRange(importId));
    while (cursor) {
      const { record, text, words, fingerprint } = cursor.value;
      const duplicate =
        (await tx.objectStore('entries').index('hash').getKey(record.textHash)) !== undefined ||
        (await tx.objectStore('entries').getKey(record.id)) !== undefined;
      if (!duplicate) {
        const item = { record, text, words, fingerprint };
        await putPrepared(tx, item);
        added.push(item);
      }
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.objectStore('meta').delete(importKey(importId));
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
