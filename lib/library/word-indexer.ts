/**
 * Fills the search index (search-segments.ts) after an import's entries are committed, in the
 * background: entries are read a few hundred at a time (so matching is never held up for
 * long), and every SMALL_SEGMENT of them become one segment, written in one short transaction.
 * Entries added one by one get their words at once (entry-writes.ts); small segments are
 * merged here. Search may miss the newest entries for a moment; `pending` says how many.
 * Entries left unindexed by a stopped service worker are found again when the library opens.
 */
import type { LibraryDb } from './db';
import { RequestBatch } from './entry-writes';
import { journaledIds } from './import-journal';
import { forgetEntries, idsInSegments, mergeSmallSegments, putSegment, SEARCH_STORES, SMALL_SEGMENT } from './search-index';
import { SegmentBuilder } from './search-segments';
import { searchWords } from './search-words';
import { yieldToEvents } from './foreground';
import { readableText } from './text-codec';

/** Entries read per transaction: short enough not to hold up matching. */
const READ_BATCH = 250;
/** Entries whose words are added to a segment between two yields (a few ms of work): a page's
 *  check arriving meanwhile is answered before the indexing goes on (matches go first). */
const WORDS_SLICE = 25;

/** An entry to index: its id (its title and text are read from the library), or the entry
 *  itself when the caller still holds its text (an import just committed: no read, no inflate). */
export type IndexItem = string | { id: string; title: string; text: string };

export class WordIndexer {
  private queue: IndexItem[] = [];
  /** Queue entries before this are done (a moving start instead of shifting 100,000 items). */
  private done = 0;
  private running: Promise<void> | null = null;
  /** Small segments may have to be merged. */
  private mergeWanted = false;
  /** The scan for entries in no segment is due (see scheduleMissing), or waits for its timer. */
  private scanWanted = false;
  private scanTimer: ReturnType<typeof setTimeout> | undefined;

  /** `beforeBatch`: awaited before each batch (the service lets matches go first, foreground.ts). */
  constructor(
    private readonly db: LibraryDb,
    private readonly beforeBatch: () => Promise<void> = async () => undefined,
  ) {}

  /** How many entries wait for their words to be indexed. */
  get pending(): number {
    return this.queue.length - this.done;
  }

  schedule(items: readonly IndexItem[]): void {
    // Not push(...items): an import of 100,000 entries would overflow the call stack.
    for (const item of items) this.queue.push(item);
    this.kick();
  }

  /**
   * In `delayMs`, queues every entry that is in no segment yet (left so by a worker stopped
   * mid-way) and forgets entries deleted while they were being indexed. The scan reads every
   * entry's key and every segment's ids (0.4–1 s at 100,000 entries in a worker just started),
   * so the library's opening leaves it for later: a restarted worker's first match does not
   * wait for it. Until it has run, `pending` leaves those entries out; `idle` runs it at once.
   */
  scheduleMissing(delayMs = 0): void {
    clearTimeout(this.scanTimer);
    this.scanTimer = setTimeout(() => this.scanNow(), delayMs);
  }

  /** Resolves when the queue is empty (tests, and callers that need search up to date). */
  async idle(): Promise<void> {
    if (this.scanTimer !== undefined) this.scanNow();
    while (this.running) await this.running;
  }

  private scanNow(): void {
    clearTimeout(this.scanTimer);
    this.scanTimer = undefined;
    this.scanWanted = true;
    this.kick();
  }

  /** The scan of scheduleMissing. It runs inside the work loop, never beside a segment being
   *  written, and skips the entries already queued and those of imports under way (their
   *  commit queues them). Segments, entries and journal are read in one transaction, so an
   *  entry written meanwhile with its words (entry-writes.ts) is seen with them or not at all. */
  private async findMissing(): Promise<void> {
    const read = this.db.transaction(['search-segments', 'entries', 'meta']);
    const [indexed, entries, importing] = await Promise.all([
      idsInSegments(read.objectStore('search-segments')),
      read.objectStore('entries').getAllKeys(),
      journaledIds(read.objectStore('meta')),
    ]);
    const present = new Set(entries);
    const orphans = [...indexed].filter((id) => !present.has(id));
    if (orphans.length > 0) {
      const tx = this.db.transaction([...SEARCH_STORES], 'readwrite');
      await Promise.all([forgetEntries(tx, orphans), tx.done]);
    }
    const queued = new Set(this.queue.slice(this.done).map((item) => (typeof item === 'string' ? item : item.id)));
    this.schedule(entries.filter((id) => !indexed.has(id) && !queued.has(id) && !importing.has(id)));
  }

  /** Entries added one by one wrote a small segment each: merges them when there are enough. */
  mergeSoon(): void {
    this.mergeWanted = true;
    this.kick();
  }

  private kick(): void {
    this.running ??= this.work().finally(() => {
      this.running = null;
    });
  }

  /** Indexes what is queued, then merges; loops while either has work (more may be queued meanwhile). */
  private async work(): Promise<void> {
    for (;;) {
      if (this.scanWanted) {
        this.scanWanted = false;
        try {
          await this.beforeBatch();
          await this.findMissing();
        } catch (error) {
          // A connection closed meanwhile (given up for an upgrade, or the library reopened) leaves it to the next opening.
          if ((error as { name?: string })?.name !== 'InvalidStateError') console.warn('Recycled News: could not look for entries without search words', error);
        }
        continue;
      }
      if (this.pending > 0) {
        const items = this.queue.slice(this.done, this.done + SMALL_SEGMENT);
        try {
          await this.beforeBatch();
          await this.indexSegment(items);
        } catch (error) {
          // These entries stay unsearchable until the next open retries them.
          console.warn('Recycled News: could not index search words', error);
        }
        this.done += items.length;
        this.mergeWanted = true;
        continue;
      }
      this.queue = [];
      this.done = 0;
      if (!this.mergeWanted) return;
      this.mergeWanted = false;
      try {
        for (;;) {
          await this.beforeBatch();
          if (!(await mergeSmallSegments(this.db))) break;
        }
      } catch (error) {
        console.warn('Recycled News: could not merge search segments', error);
      }
    }
  }

  /** Reads in short read-only transactions and writes in one: a read-write transaction over
   *  the entries would hold up every list and match while it runs. */
  private async indexSegment(items: IndexItem[]): Promise<void> {
    const segment = new SegmentBuilder();
    for (let start = 0; start < items.length; start += READ_BATCH) {
      if (start > 0) await this.beforeBatch();
      const chunk = items.slice(start, start + READ_BATCH);
      const read = this.db.transaction('entries').store;
      const reads = new RequestBatch();
      // Entries held in memory are only checked to be still there (deleted meanwhile: skipped).
      const rows = chunk.map((item) =>
        typeof item === 'string'
          ? reads.add(read.get(item)).then((record) =>
              // A text dropped, or damaged and unreadable, leaves the title's words: the entry is
              // indexed, so it is not looked for as missing at every opening.
              record ? { id: record.id, title: record.title, text: readableText(record.body) ?? '' } : undefined,
            )
          : reads.add(read.getKey(item.id)).then((key) => (key === undefined ? undefined : item)),
      );
      await reads.settle();
      for (const [n, row] of (await Promise.all(rows)).entries()) {
        if (n > 0 && n % WORDS_SLICE === 0) {
          await yieldToEvents();
          await this.beforeBatch();
        }
        if (row) segment.add(row.id, searchWords(row.title, row.text));
      }
    }
    await yieldToEvents();
    await this.beforeBatch();
    const write = this.db.transaction([...SEARCH_STORES], 'readwrite');
    await Promise.all([putSegment(write, segment.build()), write.done]);
  }
}
