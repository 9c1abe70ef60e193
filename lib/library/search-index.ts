/**
 * The search index in IndexedDB (search-segments.ts has its layout): writing a segment,
 * finding the entries that hold words, forgetting deleted entries, merging small segments.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { LibraryDb, LibrarySchema } from './db';
import { blocksFor, decodePostings, mergeSegments, wordsWithPrefix, type BuiltSegment, type SegmentBlock, type SegmentHead } from './search-segments';

export const SEARCH_STORES = ['search-segments', 'search-blocks'] as const;
type SearchTx = IDBPTransaction<LibrarySchema, ArrayLike<StoreNames<LibrarySchema>>, 'readwrite'>;

/** Segments holding fewer live entries than this are merged once there are MERGE_COUNT of them. */
export const SMALL_SEGMENT = 2_000;
const MERGE_COUNT = 8;

/** Queues the writes of a new segment in `tx` (which must include SEARCH_STORES). */
export async function putSegment(tx: SearchTx, segment: BuiltSegment): Promise<void> {
  if (segment.head.ids.length === 0) return;
  const { id: _unassigned, ...head } = segment.head;
  const id = (await tx.objectStore('search-segments').add(head)) as number;
  await Promise.all(segment.blocks.map((block, n) => tx.objectStore('search-blocks').put(block, [id, n])));
}

/** Every block key of a segment. */
const segmentBlocks = (id: number) => IDBKeyRange.bound([id, 0], [id, Infinity]);

/**
 * The ids of the entries holding every word (each matching as a prefix of the entry's words),
 * or undefined for no words. Ids of entries deleted since are not in it.
 */
export async function entriesWithWords(db: LibraryDb, words: readonly string[]): Promise<Set<string> | undefined> {
  if (words.length === 0) return undefined;
  const tx = db.transaction([...SEARCH_STORES]);
  const heads = await tx.objectStore('search-segments').getAll();
  const blocks = tx.objectStore('search-blocks');
  const found = new Set<string>();
  // Intersected per segment on entry numbers (typed arrays), not on sets of id strings: a
  // common word's 50,000 entries then cost an array, not 50,000 strings.
  await Promise.all(
    heads.map(async (head) => {
      const held = new Uint32Array(head.ids.length);
      for (const [n, word] of words.entries()) {
        for (const doc of await entriesWithPrefix(blocks, head, word)) if (held[doc] === n) held[doc] = n + 1;
      }
      held.forEach((count, doc) => {
        if (count === words.length && head.ids[doc]) found.add(head.ids[doc]);
      });
    }),
  );
  return found;
}

/** The numbers of a segment's entries that hold a word starting with `prefix` (a number may repeat). */
async function entriesWithPrefix(
  blocks: { get(key: [number, number]): Promise<SegmentBlock | undefined> },
  head: SegmentHead,
  prefix: string,
): Promise<number[]> {
  const out: number[] = [];
  for (const n of blocksFor(head, prefix)) {
    const block = await blocks.get([head.id as number, n]);
    if (!block) continue;
    for (const w of wordsWithPrefix(block, prefix)) for (const doc of decodePostings(block, w)) out.push(doc);
  }
  return out;
}

/** Blanks deleted entries out of the segments that hold them (within the caller's transaction). */
export async function forgetEntries(tx: SearchTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const gone = new Set(ids);
  const store = tx.objectStore('search-segments');
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    const head = cursor.value;
    if (!head.ids.some((id) => gone.has(id))) continue;
    const kept = head.ids.map((id) => (gone.has(id) ? '' : id));
    const live = kept.filter((id) => id !== '').length;
    if (live === 0) {
      await store.delete(cursor.primaryKey);
      await tx.objectStore('search-blocks').delete(segmentBlocks(cursor.primaryKey));
    } else {
      await cursor.update({ ...head, ids: kept, live });
    }
  }
}

/** The ids of every entry in some segment. */
export function indexedEntries(db: LibraryDb): Promise<Set<string>> {
  return idsInSegments(db.transaction('search-segments').store);
}

/** The ids of every entry in the segments of `segments` (the search-segments store, in a transaction of the caller's). */
export async function idsInSegments(segments: { getAll(): Promise<Array<{ ids: ReadonlyArray<string | null> }>> }): Promise<Set<string>> {
  const out = new Set<string>();
  for (const head of await segments.getAll()) for (const id of head.ids) if (id) out.add(id);
  return out;
}

/**
 * Merges the small segments into one when there are MERGE_COUNT of them, so entries added one
 * by one (learned, pasted) do not leave thousands of segments for every search to read.
 * Returns whether it merged.
 */
export async function mergeSmallSegments(db: LibraryDb): Promise<boolean> {
  const tx = db.transaction([...SEARCH_STORES], 'readwrite');
  const heads = (await tx.objectStore('search-segments').getAll()).filter((head) => head.live < SMALL_SEGMENT);
  if (heads.length < MERGE_COUNT) {
    await tx.done;
    return false;
  }
  const parts = await Promise.all(
    heads.map(async (head) => ({ head, blocks: await tx.objectStore('search-blocks').getAll(segmentBlocks(head.id as number)) })),
  );
  const merged = mergeSegments(parts);
  await Promise.all([
    ...heads.flatMap((head) => [
      tx.objectStore('search-segments').delete(head.id as number),
      tx.objectStore('search-blocks').delete(segmentBlocks(head.id as number)),
    ]),
    putSegment(tx, merged),
    tx.done,
  ]);
  return true;
}
