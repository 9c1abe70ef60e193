/**
 * The library as the background uses it: the IndexedDB records (the truth) and the engine's
 * in-memory index (derived from them), kept in step by doing every change through here.
 */
import { Engine, type MatchOptions } from '../core/engine';
import { fingerprintText } from '../core/fingerprint';
import type { Direction, MatchKind, SourceText } from '../core/types';
import type { MatchView, PageArticle } from '../protocol';
import type { LearningSettings } from '../settings';
import type { LibraryDb, RecentMatch } from './db';
import { sameArticleAddress } from './canonical-url';
import { loadEngineIndex } from './engine-index';
import { measureStorage, type StorageUse } from './storage-use';
import { IndexSnapshotKeeper } from './index-snapshot';
import { clearEntries, deleteEntries, ensureCounts, libraryCounts, writeEntries } from './entry-writes';
import { exportLine } from './import-entry';
import { ForegroundGate } from './foreground';
import type { PreparedImportArticle } from './import-entry';
import { rollbackUnfinishedImports } from './import-journal';
import { LibraryImports, type BatchResult } from './import-session';
import { learnedAddedBefore, learnedBeyondCap, shouldLearn } from './learning';
import { listEntries, type ListPage, type ListQuery } from './listing';
import { prepareEntry, type PreparedEntry } from './prepared';
import { unpackText } from './text-codec';
import { dropTexts, previewTextDrop, type TextDropFigures } from './text-drop';
import { matchKeptKeys } from './textless-match';
import { WordIndexer } from './word-indexer';
import { recentMatches, recordRecentMatches } from './recent-matches';
import { ORIGINS, toEntry, type EntryRecord } from './records';
import { addMissingSeeds, forgetSeeds, type SeedFile } from './seeding';
import type { EntryOrigin, LibraryEntry } from './types';

export interface AddInput {
  title: string;
  text: string;
  source: string;
  url?: string;
  publishedAt?: string;
  origin: EntryOrigin;
}

export interface LibraryStats {
  total: number;
  byOrigin: Record<EntryOrigin, number>;
  /** Entries whose words are not searchable yet (indexing runs in the background). */
  wordsPending: number;
}

export interface ExportPage {
  lines: string[];
  /** Entries of this page left out because their text was dropped (the library format needs a text). */
  textDropped?: number;
  /** The id to continue after; absent when the export is complete. */
  next?: string;
}

/** After the library opens, the wait before looking for entries left without search words
 *  (word-indexer.ts): past a restarted worker's first match, well within its 30 s idle life. */
const MISSING_WORDS_DELAY_MS = 5_000;
/** The longest a loading page holds an import's writes back (foreground.ts) when it never
 *  reports, and the longest one write waits for loading pages: a warm page reports within
 *  about half a second of its navigation. */
const PAGE_LOAD_HOLD_MS = 3_000;

/** How `open` filled the engine: from the saved snapshot (`replayed`: ids changed since it,
 *  read again), or from the library's entries (`refingerprinted`: texts whose fingerprints
 *  were computed). */
export type IndexLoad = { from: 'snapshot'; replayed: number } | { from: 'entries'; refingerprinted: number };

export class LibraryService {
  private readonly words: WordIndexer;
  private readonly imports: LibraryImports;
  /** Matches run first; background writes wait for them, an import's also for loading pages (foreground.ts). */
  private readonly foreground = new ForegroundGate();

  private constructor(
    readonly db: LibraryDb,
    private readonly engine: Engine,
    private readonly seedFiles: readonly SeedFile[],
    private readonly snapshots: IndexSnapshotKeeper,
    readonly indexLoad: IndexLoad,
  ) {
    this.words = new WordIndexer(db, () => this.foreground.idle());
    this.imports = new LibraryImports(db, () => this.foreground.quiet(PAGE_LOAD_HOLD_MS));
  }

  /** Opens the library: rolls back imports a previous run left unfinished, adds seeds not added
   *  before, and fills the engine from the saved index snapshot if it still matches the
   *  library after those steps (its read runs beside them), else from the entries (their
   *  texts fingerprinted again), then saves a fresh snapshot a little later. Entries left
   *  without search words are looked for MISSING_WORDS_DELAY_MS later, off the first match. */
  static async open(db: LibraryDb, seedFiles: readonly SeedFile[]): Promise<LibraryService> {
    const engine = new Engine();
    const snapshots = new IndexSnapshotKeeper(db, engine);
    // The snapshot's read (the longest step of a restart) runs beside these.
    const startUp = (async () => {
      await rollbackUnfinishedImports(db);
      await ensureCounts(db);
      await addMissingSeeds(db, seedFiles);
    })();
    const replayed = await snapshots.restore(startUp);
    let load: IndexLoad;
    if (replayed !== undefined) load = { from: 'snapshot', replayed };
    else {
      load = { from: 'entries', refingerprinted: await loadEngineIndex(db, engine) };
      snapshots.schedule();
    }
    const service = new LibraryService(db, engine, seedFiles, snapshots, load);
    service.words.scheduleMissing(MISSING_WORDS_DELAY_MS);
    return service;
  }

  /** Saves the index snapshot now instead of after the quiet time; false while a change is
   *  under way. */
  saveIndexSnapshot(): Promise<boolean> {
    return this.snapshots.save();
  }

  /** What takes the library's space, by kind (storage-use.ts). A snapshot still waiting for its
   *  quiet time is saved first, so the fingerprints it holds are counted. */
  async storageUse(): Promise<StorageUse> {
    // The figures matter most on a full disk, where the save may fail: it is tried again later.
    await this.snapshots.save().catch((error: unknown) => {
      console.warn('Recycled News: could not save the index snapshot', error);
      this.snapshots.schedule();
    });
    return measureStorage(this.db);
  }

  /** A page started loading in tab `tabId` (`since`: the number of the last page report then,
   *  tab-lifecycle.ts PageReports): an import's next write waits until it reports
   *  (`pageReported`), at most PAGE_LOAD_HOLD_MS, so its load, extraction and match do not
   *  share the processor with the import (foreground.ts). */
  pageLoading(tabId: number, since = 0): void {
    this.foreground.hold(tabId, PAGE_LOAD_HOLD_MS, since);
  }

  /** A page of tab `tabId` reported (an article, no article, or a skip; `report`: the report's
   *  number, so a late report of the page before does not count), or the tab closed (no number). */
  pageReported(tabId: number, report?: number): void {
    this.foreground.release(tabId, report);
  }

  /** Library articles the page reuses or is reused by, with what the popup shows of them.
   *  An entry saved from this very article's address (`page.id`, or any of `alsoAt`, e.g. its
   *  canonical URL), once normalized (canonical-url.ts), is not a copy of it: it comes back
   *  marked `sameAddress`. `options` (the user's sensitivity per kind) go to the engine as they are. */
  match(page: SourceText, options?: MatchOptions, alsoAt: readonly string[] = []): Promise<MatchView[]> {
    return this.foreground.run(() => this.matchNow(page, options, alsoAt));
  }

  private async matchNow(page: SourceText, options: MatchOptions | undefined, alsoAt: readonly string[]): Promise<MatchView[]> {
    // The candidates' entries, read once: for their texts, then for what the popup shows.
    const read = new Map<string, LibraryEntry>();
    // Candidates whose text was dropped: nothing to align, judged from their kept keys instead.
    const textless: LibraryEntry[] = [];
    const load = async (id: string): Promise<SourceText | undefined> => {
      const entry = await this.getEntry(id);
      if (!entry) return undefined; // deleted since the index was asked
      if (entry.textDroppedAt !== undefined) {
        textless.push(entry);
        return undefined;
      }
      read.set(id, entry);
      return { id, text: entry.text, title: entry.title, publishedAt: entry.publishedAt };
    };
    const matches = await this.engine.match(page, load, fingerprintText(page.text), options);
    const views: MatchView[] = [];
    for (const match of matches) {
      const record = read.get(match.id);
      if (!record) continue;
      const { id, title, source, url, publishedAt, origin } = record;
      views.push({ ...match, entry: { id, title, source, url, publishedAt, origin } });
    }
    views.push(...(await matchKeptKeys(this.db, page, textless)));
    for (const view of views) if (sameArticleAddress(view.entry.url, [page.id, ...alsoAt])) view.sameAddress = true;
    // Stable: equal scores keep the engine's order.
    return views.sort((a, b) => b.score - a.score);
  }

  /** Adds an article unless its normalized text is already in the library (then returns that
   *  entry's id with `added: false`). */
  async add(input: AddInput): Promise<{ id: string; added: boolean }> {
    const probe = await prepareEntry({ ...input, id: '', addedAt: new Date().toISOString() });
    const existing = await this.db.getKeyFromIndex('entries', 'hash', probe.record.textHash);
    if (existing !== undefined) return { id: existing, added: false };
    // Ids follow from the text, so the same article added on two devices gets the same id.
    const id = `${input.origin}-${probe.record.textHash.slice(0, 16)}`;
    await this.store([{ ...probe, record: { ...probe.record, id } }]);
    return { id, added: true };
  }

  async getEntry(id: string): Promise<LibraryEntry | undefined> {
    const record = await this.db.get('entries', id);
    if (!record) return undefined;
    if (record.body) return toEntry(record, unpackText(record.body));
    // Text dropped to reclaim space (text-drop.ts): the entry stays, with an empty text.
    return record.textDroppedAt !== undefined ? toEntry(record, '') : undefined;
  }

  async getEntries(ids: readonly string[]): Promise<LibraryEntry[]> {
    const found = await Promise.all(ids.map((id) => this.getEntry(id)));
    return found.filter((entry): entry is LibraryEntry => entry !== undefined);
  }

  /** Remembers that `page` matched these entries, and how (the entry's "pages that recently matched it"). */
  recordMatches(page: { url: string; title: string }, matches: ReadonlyArray<{ id: string; kind: MatchKind; direction: Direction }>): Promise<void> {
    return recordRecentMatches(this.db, page, matches);
  }

  recentMatches(id: string): Promise<RecentMatch[]> {
    return recentMatches(this.db, id);
  }

  /** Adds a read article as `learned` when the settings allow it, then trims learned entries
   *  to the cap (oldest first). Call after matching the page, so it is not its own match. */
  async learn(article: PageArticle, settings: LearningSettings): Promise<{ id: string; added: boolean } | null> {
    if (!shouldLearn(article.url, article.text, settings)) return null;
    const result = await this.add({
      title: article.title,
      text: article.text,
      source: article.siteName || new URL(article.url).hostname.replace(/^www\./, ''),
      url: article.url,
      publishedAt: article.publishedAt,
      origin: 'learned',
    });
    await this.delete(await learnedBeyondCap(this.db, settings.cap));
    return result;
  }

  list(query: ListQuery): Promise<ListPage> {
    return listEntries(this.db, query);
  }

  async delete(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.snapshots.change(async () => {
      const deleted = await deleteEntries(this.db, ids);
      this.unindex(deleted);
      return deleted.length;
    });
  }

  /** Deletes the learned entries added more than `days` days before `now`; returns how many. */
  async deleteLearnedOlderThan(days: number, now: Date = new Date()): Promise<number> {
    return this.delete(await learnedAddedBefore(this.db, daysBefore(days, now)));
  }

  /** The learned entries added more than `days` days before `now` whose text is still stored,
   *  and about how many bytes dropping those texts would free. */
  async learnedTextsOlderThan(days: number, now: Date = new Date()): Promise<TextDropFigures> {
    return previewTextDrop(this.db, await learnedAddedBefore(this.db, daysBefore(days, now)));
  }

  /** Drops the texts of the learned entries added more than `days` days before `now`, keeping
   *  their entries and fingerprints (text-drop.ts): copies of them are still recognised, from
   *  fingerprints only. Entries already without text are skipped. */
  async dropLearnedTextsOlderThan(days: number, now: Date = new Date()): Promise<TextDropFigures> {
    const ids = await learnedAddedBefore(this.db, daysBefore(days, now));
    return dropTexts(this.db, ids, now, () => this.foreground.idle());
  }

  /** Puts deleted entries back as they were (same ids, origins and dates): the undo of a
   *  delete. Entries whose text or id is in the library again meanwhile are skipped. */
  async restore(entries: readonly LibraryEntry[]): Promise<number> {
    const prepared = await Promise.all(entries.filter(isRestorable).map((entry) => prepareEntry(entry)));
    const fresh: PreparedEntry[] = [];
    for (const item of prepared) {
      const taken =
        (await this.db.getKey('entries', item.record.id)) ?? (await this.db.getKeyFromIndex('entries', 'hash', item.record.textHash));
      if (taken === undefined) fresh.push(item);
    }
    await this.store(fresh);
    return fresh.length;
  }

  /** Empties the library: entries, texts, derived data and recent matches. */
  clear(): Promise<void> {
    return this.snapshots.change(async () => {
      await clearEntries(this.db);
      this.imports.cleared();
      this.engine.clear();
      this.snapshots.note('all');
    });
  }

  /** The library becomes the seed corpus alone. */
  async resetToSeeds(): Promise<void> {
    await this.clear();
    await forgetSeeds(this.db);
    await this.snapshots.change(async () => this.index(await addMissingSeeds(this.db, this.seedFiles)));
  }

  async stats(): Promise<LibraryStats> {
    const byOrigin = await libraryCounts(this.db);
    return { total: ORIGINS.reduce((sum, origin) => sum + byOrigin[origin], 0), byOrigin, wordsPending: this.words.pending };
  }

  /** One page of the whole library as export lines, in id order. */
  async exportPage(after: string | undefined, limit: number): Promise<ExportPage> {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const lines: string[] = [];
    let cursor = await this.db.transaction('entries').store.openCursor(range);
    let last: string | undefined;
    let textDropped = 0;
    while (cursor && lines.length < limit) {
      const { body } = cursor.value;
      if (body) lines.push(exportLine(toEntry(cursor.value, unpackText(body))));
      else if (cursor.value.textDroppedAt !== undefined) textDropped++;
      last = cursor.key;
      cursor = await cursor.continue();
    }
    return { lines, next: cursor ? last : undefined, ...(textDropped > 0 ? { textDropped } : {}) };
  }

  /** Begins an all-or-nothing import of one file (import-session.ts); returns its id. */
  beginImport(file: string): Promise<string> {
    return this.imports.begin(file);
  }

  /** Writes a batch of an import's prepared articles. They are part of the library (listed,
   *  counted, matched) from then on, and deleted again unless the import is committed. */
  importBatch(importId: string, articles: readonly PreparedImportArticle[]): Promise<BatchResult> {
    return this.snapshots.change(async () => {
      const { result, written } = await this.imports.write(importId, articles);
      this.index(written);
      return result;
    });
  }

  /** Makes an import final and queues its search words; returns how many entries it added. */
  async commitImport(importId: string): Promise<number> {
    const ids = await this.imports.commit(importId);
    this.words.schedule(ids);
    return ids.length;
  }

  /** Deletes what an import wrote. Harmless for an import already committed or aborted. */
  abortImport(importId: string): Promise<void> {
    return this.snapshots.change(async () => this.unindex(await this.imports.abort(importId)));
  }

  private store(prepared: readonly PreparedEntry[]): Promise<void> {
    return this.snapshots.change(async () => {
      await writeEntries(this.db, prepared);
      this.imports.written(prepared.map((item) => item.record));
      this.index(prepared);
      this.words.mergeSoon();
    });
  }

  /** Takes deleted entries out of the engine and the import's duplicate checks (run inside a snapshot change). */
  private unindex(deleted: ReadonlyArray<Pick<EntryRecord, 'id' | 'textHash'>>): void {
    for (const { id } of deleted) this.engine.remove(id);
    this.imports.deleted(deleted);
    this.snapshots.note(deleted.map(({ id }) => id));
  }

  /** Resolves once every stored entry can be found by its words. */
  wordsIndexed(): Promise<void> {
    return this.words.idle();
  }

  /** Makes stored entries matchable (within a change: see IndexSnapshotKeeper). */
  private index(prepared: ReadonlyArray<Pick<PreparedEntry, 'record' | 'fingerprint'>>): void {
    for (const { record, fingerprint } of prepared) this.engine.addFingerprint(record.id, fingerprint);
    this.snapshots.note(prepared.map((item) => item.record.id));
  }
}

/** `days` days before `now`, as ISO 8601. */
function daysBefore(days: number, now: Date): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

/** An entry whose text was dropped cannot be put back: its fingerprints went with the delete. */
function isRestorable(entry: LibraryEntry): boolean {
  return typeof entry?.id === 'string' && typeof entry.text === 'string' && entry.textDroppedAt === undefined && ORIGINS.includes(entry.origin);
}
