/**
 * The imports the background is running, all-or-nothing per file. The options page reads and
 * prepares the articles (hash, fingerprint: on its own thread); the background only checks
 * them and writes each batch once into the library (import-journal.ts keeps what is needed to
 * undo it). Duplicates and id clashes are found in memory: the ids and text hashes of the
 * library are read once (one key request, one key cursor) and kept up to date by every write
 * made through the library service, so no article costs an index lookup.
 */
import type { LibraryDb } from './db';
import { LibraryFormatError, locationLabel } from './format';
import { importedMeta, revalidatePreparedArticle, type PreparedImportArticle } from './import-entry';
import { closeJournal, openJournal, rollbackImport, writeImportBatch } from './import-journal';
import type { DeletedEntry } from './entry-writes';
import { IMPORT_GONE } from './messages';
import { yieldToEvents } from './foreground';
import type { EntryToStore } from './prepared';
import { metaRecord, type EntryRecord } from './records';

export interface BatchResult {
  /** Articles written to the library. */
  written: number;
  /** Articles whose text is already in the library or earlier in the same file. */
  duplicates: number;
  /** "file:line: reason" for each article that cannot be imported. Any makes the file fail. */
  rejected: string[];
}

/** The ids and normalized-text hashes in the library, plus those claimed by open imports. */
interface TakenKeys {
  ids: Set<string>;
  hashes: Set<string>;
}

/** Articles per write transaction: a page's check arriving meanwhile waits for the one under
 *  way (its reads queue behind it), so it is kept to about a tenth of a second of writing. */
export const WRITE_TRANSACTION_ARTICLES = 100;
/** Articles checked between two yields to the event loop (a few ms of work each). */
const CHECK_SLICE = 100;

/** How long the taken keys are kept after the last import ends: the next file of a
 *  multi-file import begins at once and reuses them; then the memory is given back. */
const KEEP_TAKEN_MS = 60_000;

class ImportSession {
  /** Ids this file wrote (or is writing), with where each came from and its text hash. */
  readonly claims = new Map<string, { where: string; hash: string }>();
  /** Journal rows written (one per write transaction). */
  journalRows = 0;
  /** The last operation queued on this import: batches' writes, commit and abort run one at a time. */
  tail: Promise<unknown> = Promise.resolve();
  /** The last batch check queued: checks run one at a time, in the order batches arrive. */
  private checked: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string, private readonly taken: TakenKeys) {}

  /** Claims an article's id and text, or says why it cannot be imported ('duplicate': skip it). */
  claim(id: string, hash: string, where: string): 'duplicate' | string | undefined {
    if (this.taken.hashes.has(hash)) return 'duplicate';
    const earlier = this.claims.get(id)?.where;
    if (earlier !== undefined) return `${where} id "${id}" is already used by ${earlier.replace(/:$/, '')} of this file`;
    if (this.taken.ids.has(id)) return `${where} id "${id}" is already used by another article in the library`;
    this.claims.set(id, { where, hash });
    this.taken.ids.add(id);
    this.taken.hashes.add(hash);
    return undefined;
  }

  /** Runs `check` after the checks of the batches that arrived before. */
  checkNext<T>(check: () => Promise<T>): Promise<T> {
    const done = this.checked.then(check);
    this.checked = done.catch(() => undefined);
    return done;
  }

  /** Gives claims back (their entries were not written, or were deleted again). */
  release(ids: Iterable<string>): void {
    for (const id of ids) {
      const claim = this.claims.get(id);
      if (!claim) continue;
      this.claims.delete(id);
      this.taken.ids.delete(id);
      this.taken.hashes.delete(claim.hash);
    }
  }
}

export class LibraryImports {
  private readonly sessions = new Map<string, ImportSession>();
  private taken?: Promise<TakenKeys>;
  private forget?: ReturnType<typeof setTimeout>;

  /** `beforeWrite`: awaited before each batch's transaction (matches go first, foreground.ts). */
  constructor(
    private readonly db: LibraryDb,
    private readonly beforeWrite: () => Promise<void> = async () => undefined,
  ) {}

  async begin(file: string): Promise<string> {
    clearTimeout(this.forget);
    const taken = await this.takenKeys();
    const importId = crypto.randomUUID();
    await openJournal(this.db, importId, file);
    this.sessions.set(importId, new ImportSession(file, taken));
    return importId;
  }

  /**
   * Checks a batch of prepared articles and writes the fresh ones; returns what happened and
   * the entries written (for the engine). A batch with any rejected article writes nothing:
   * its file will be rolled back. Throws IMPORT_GONE for an import this background does not
   * hold (never begun, finished, or begun before a restart).
   */
  write(importId: string, articles: readonly PreparedImportArticle[], now: string = new Date().toISOString()): Promise<{ result: BatchResult; written: EntryToStore[] }> {
    const session = this.session(importId);
    // Pipelined: this batch is checked while the one before it is still being written (its
    // transaction commits in the browser, leaving this thread idle), and written after it.
    const checked = session.checkNext(() => this.check(session, articles, now));
    return this.queue(session, async () => {
      const { result, fresh } = await checked;
      const ids = fresh.map((item) => item.record.id);
      if (result.rejected.length > 0 || fresh.length === 0) {
        session.release(ids);
        return { result, written: [] };
      }
      try {
        // In short transactions, each after any match under way: a page's check waits for at
        // most one of them (its reads queue behind a write transaction of the same stores).
        for (let start = 0; start < fresh.length; start += WRITE_TRANSACTION_ARTICLES) {
          await this.beforeWrite();
          // The library may have been emptied while this waited (its open imports with it).
          if (!this.sessions.has(importId)) throw new Error(IMPORT_GONE);
          await writeImportBatch(this.db, importId, ++session.journalRows, fresh.slice(start, start + WRITE_TRANSACTION_ARTICLES));
        }
      } catch (error) {
        session.release(ids);
        throw error;
      }
      result.written = fresh.length;
      return { result, written: fresh };
    });
  }

  /** Checks a batch and claims the ids and texts of its fresh articles (in file order: batches
   *  are checked one at a time). */
  private async check(session: ImportSession, articles: readonly PreparedImportArticle[], now: string): Promise<{ result: BatchResult; fresh: EntryToStore[] }> {
    const result: BatchResult = { written: 0, duplicates: 0, rejected: [] };
    const fresh: EntryToStore[] = [];
    for (const [n, input] of articles.entries()) {
      // A page's check arriving meanwhile runs between slices, not after the whole batch.
      if (n > 0 && n % CHECK_SLICE === 0) await yieldToEvents();
      try {
        const { article, size, textHash, fingerprint, body, ...position } = revalidatePreparedArticle(input, session.file);
        const verdict = session.claim(article.id, textHash, locationLabel({ file: session.file, ...position }));
        if (verdict === 'duplicate') result.duplicates++;
        else if (verdict !== undefined) result.rejected.push(verdict);
        else fresh.push({ record: metaRecord(importedMeta(article, session.file, now), size, textHash), body, fingerprint });
      } catch (error) {
        result.rejected.push(error instanceof LibraryFormatError ? error.message : `${session.file}: ${String(error)}`);
      }
    }
    return { result, fresh };
  }

  /** Makes an import final; returns the ids it added. */
  commit(importId: string): Promise<string[]> {
    const session = this.session(importId);
    return this.queue(session, async () => {
      await closeJournal(this.db, importId);
      this.end(importId);
      return [...session.claims.keys()];
    });
  }

  /**
   * Undoes an import: deletes what it wrote (found in its journal, so this works after a
   * restart too); returns the records deleted. Harmless for an import committed or aborted.
   */
  async abort(importId: string): Promise<DeletedEntry[]> {
    const session = this.sessions.get(importId);
    if (session) await session.tail;
    this.end(importId);
    const deleted = await rollbackImport(this.db, importId);
    session?.release(session.claims.keys());
    return deleted;
  }

  /** Entries written by the service itself (added, restored, learned) are taken too. */
  written(records: ReadonlyArray<Pick<EntryRecord, 'id' | 'textHash'>>): void {
    void this.taken?.then((taken) => records.forEach(({ id, textHash }) => (taken.ids.add(id), taken.hashes.add(textHash))));
  }

  /** Deleted entries free their id and text. */
  deleted(records: ReadonlyArray<Pick<EntryRecord, 'id' | 'textHash'>>): void {
    void this.taken?.then((taken) => records.forEach(({ id, textHash }) => (taken.ids.delete(id), taken.hashes.delete(textHash))));
  }

  /** After the library was emptied: open imports are gone (their next batch is told so). */
  cleared(): void {
    this.sessions.clear();
    this.taken = undefined;
  }

  private session(importId: string): ImportSession {
    const session = this.sessions.get(importId);
    if (!session) throw new Error(IMPORT_GONE);
    return session;
  }

  private queue<T>(session: ImportSession, work: () => Promise<T>): Promise<T> {
    const done = session.tail.then(work);
    session.tail = done.catch(() => undefined);
    return done;
  }

  private end(importId: string): void {
    this.sessions.delete(importId);
    if (this.sessions.size > 0) return;
    clearTimeout(this.forget);
    this.forget = setTimeout(() => {
      if (this.sessions.size === 0) this.taken = undefined;
    }, KEEP_TAKEN_MS);
  }

  private takenKeys(): Promise<TakenKeys> {
    this.taken ??= readTakenKeys(this.db).catch((error: unknown) => {
      this.taken = undefined;
      throw error;
    });
    return this.taken;
  }
}

async function readTakenKeys(db: LibraryDb): Promise<TakenKeys> {
  const tx = db.transaction('entries');
  const ids = new Set(await tx.store.getAllKeys());
  const hashes = new Set<string>();
  for (let cursor = await tx.store.index('hash').openKeyCursor(); cursor; cursor = await cursor.continue()) hashes.add(cursor.key);
  return { ids, hashes };
}
