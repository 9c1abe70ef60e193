/**
 * Fills the `words` store (the search index) after an import's entries are committed, a few
 * hundred at a time in the background (entries added one by one get their words at once). Its multiEntry index costs about as much to write as everything
 * else about an entry together, so keeping it out of the import's one big transaction makes
 * imports several times faster and keeps that transaction, which holds the library, short.
 * Search may miss the newest entries for a moment; `pending` says how many. Entries left
 * unindexed by a stopped service worker are found again when the library opens.
 */
import type { LibraryDb } from './db';
import { RequestBatch } from './entry-writes';
import { searchWords } from './search-words';

/** Entries indexed per transaction: short enough not to hold up matching. */
const WORDS_BATCH = 200;

export class WordIndexer {
  private queue: string[] = [];
  /** Queue entries before this are done (a moving start instead of shifting 100,000 items). */
  private done = 0;
  private running: Promise<void> | null = null;

  /** `beforeBatch`: awaited before each batch (the service lets matches go first, foreground.ts). */
  constructor(
    private readonly db: LibraryDb,
    private readonly beforeBatch: () => Promise<void> = async () => undefined,
  ) {}

  /** How many entries wait for their words to be indexed. */
  get pending(): number {
    return this.queue.length - this.done;
  }

  schedule(ids: readonly string[]): void {
    // Not push(...ids): an import of 100,000 entries would overflow the call stack.
    for (const id of ids) this.queue.push(id);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Schedules every entry that has no words yet (after a restart mid-way), and drops words
   *  left by an entry deleted while it was being indexed. */
  async scheduleMissing(): Promise<void> {
    const indexed = new Set(await this.db.getAllKeys('words'));
    const entries = await this.db.getAllKeys('entries');
    const present = new Set(entries);
    const orphans = [...indexed].filter((id) => !present.has(id));
    if (orphans.length > 0) {
      const tx = this.db.transaction('words', 'readwrite');
      await Promise.all([...orphans.map((id) => tx.store.delete(id)), tx.done]);
    }
    this.schedule(entries.filter((id) => !indexed.has(id)));
  }

  /** Resolves when the queue is empty (tests, and callers that need search up to date). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending > 0) {
      const ids = this.queue.slice(this.done, this.done + WORDS_BATCH);
      try {
        await this.beforeBatch();
        await this.indexBatch(ids);
      } catch (error) {
        // The entries stay searchable by the words indexed so far; the next open retries.
        console.warn('Recycled News: could not index search words', error);
      }
      this.done += ids.length;
    }
    this.queue = [];
    this.done = 0;
  }

  /** Reads in one transaction and writes in another: a read-write transaction over the
   *  entries would hold up every list and match while it runs. */
  private async indexBatch(ids: string[]): Promise<void> {
    const read = this.db.transaction(['entries', 'texts']);
    const reads = new RequestBatch();
    const rows = ids.map((id) => Promise.all([reads.add(read.objectStore('entries').get(id)), reads.add(read.objectStore('texts').get(id))]));
    await reads.settle();
    const found: Array<{ id: string; words: string[] }> = [];
    for (const row of rows) {
      const [record, text] = await row;
      // Deleted meanwhile: nothing to index.
      if (record && text) found.push({ id: record.id, words: searchWords(record.title, text.text) });
    }
    const write = this.db.transaction('words', 'readwrite');
    await Promise.all([...found.map((row) => write.store.put(row)), write.done]);
  }
}
