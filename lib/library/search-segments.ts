/**
 * The search index's data: an inverted index in segments, as Lucene keeps one (Cutting & Pedersen,
 * "Optimizations for dynamic inverted index maintenance", SIGIR 1990). A segment indexes a
 * group of entries (an import's batch, or entries added by hand) and is never changed except
 * to forget deleted entries; small segments are merged into larger ones.
 *
 * A segment is a head (its entries' ids, and the first word of each block) and blocks of
 * words in code-point order, each word with its posting list: the entries holding it, as
 * numbers into the head's ids, ascending, delta-coded as LEB128 varints. A search reads the
 * heads and, per segment, only the block(s) where its word can be: a few kilobytes each.
 * This replaces a multiEntry index of one key per (word, entry), which cost about as much
 * disk as the texts themselves and an hour to build for 100,000 articles.
 */

/** A segment's head, in the `search-segments` store. */
export interface SegmentHead {
  /** Assigned by the store (autoIncrement). */
  id?: number;
  /** Entry ids by number; '' where an entry was deleted since. */
  ids: string[];
  /** How many of `ids` are not ''. */
  live: number;
  /** The first word of each block, ascending: block n holds words from firsts[n] up to firsts[n + 1]. */
  firsts: string[];
}

/** One block of a segment, in the `search-blocks` store under [segment id, block number]. */
export interface SegmentBlock {
  words: string[];
  /** Where each word's postings end in `postings`. */
  ends: Uint32Array;
  postings: Uint8Array;
}

/** Postings bytes per block: small enough that a search reads little, large enough that a
 *  segment of thousands of entries is a few hundred records. */
const BLOCK_BYTES = 8 * 1024;

export interface BuiltSegment {
  head: SegmentHead;
  blocks: SegmentBlock[];
}

/**
 * Builds a segment from entries and their distinct words (search-words.ts searchWords).
 * `docs` may be in any order; entry numbers follow it.
 */
export function buildSegment(docs: ReadonlyArray<{ id: string; words: readonly string[] }>): BuiltSegment {
  const builder = new SegmentBuilder();
  for (const { id, words } of docs) builder.add(id, words);
  return builder.build();
}

/** A segment built one entry at a time (so a caller can yield between entries), then
 *  assembled; the same segment as buildSegment of the entries in the order added. */
export class SegmentBuilder {
  private readonly ids: string[] = [];
  private readonly postings = new Map<string, number[]>();

  /** Adds an entry with its distinct words. */
  add(id: string, words: readonly string[]): void {
    const n = this.ids.push(id) - 1;
    for (const word of words) {
      const list = this.postings.get(word);
      if (list) list.push(n);
      else this.postings.set(word, [n]);
    }
  }

  build(): BuiltSegment {
    return assemble(this.ids, this.postings);
  }
}

/** Merges segments into one, leaving out deleted entries. */
export function mergeSegments(parts: ReadonlyArray<{ head: SegmentHead; blocks: readonly SegmentBlock[] }>): BuiltSegment {
  const ids: string[] = [];
  const postings = new Map<string, number[]>();
  for (const { head, blocks } of parts) {
    const renumber = head.ids.map((id) => (id === '' ? -1 : ids.push(id) - 1));
    for (const block of blocks) {
      block.words.forEach((word, w) => {
        const kept = decodePostings(block, w)
          .map((n) => renumber[n])
          .filter((n) => n >= 0);
        if (kept.length === 0) return;
        const list = postings.get(word);
        if (list) for (const n of kept) list.push(n);
        else postings.set(word, kept);
      });
    }
  }
  return assemble(ids, postings);
}

function assemble(ids: string[], postings: Map<string, number[]>): BuiltSegment {
  const words = [...postings.keys()].sort(compareWords);
  const blocks: SegmentBlock[] = [];
  let start = 0;
  let bytes = new Varints();
  const ends: number[] = [];
  const flush = (end: number) => {
    if (end === start) return;
    blocks.push({ words: words.slice(start, end), ends: Uint32Array.from(ends), postings: bytes.take() });
    start = end;
    ends.length = 0;
    bytes = new Varints();
  };
  words.forEach((word, w) => {
    if (bytes.length >= BLOCK_BYTES) flush(w);
    let previous = -1;
    for (const n of postings.get(word) ?? []) {
      bytes.push(n - previous);
      previous = n;
    }
    ends.push(bytes.length);
  });
  flush(words.length);
  return { head: { ids, live: ids.filter((id) => id !== '').length, firsts: blocks.map((block) => block.words[0]) }, blocks };
}

/** The entry numbers of the block's `w`-th word, ascending. */
export function decodePostings(block: SegmentBlock, w: number): number[] {
  const out: number[] = [];
  let at = w === 0 ? 0 : block.ends[w - 1];
  const end = block.ends[w];
  let previous = -1;
  while (at < end) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = block.postings[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    previous += value;
    out.push(previous);
  }
  return out;
}

/** The block numbers of a head that can hold words starting with `prefix`. */
export function blocksFor(head: SegmentHead, prefix: string): number[] {
  const { firsts } = head;
  // The last block whose first word is at most the prefix: words sorting after it start there.
  let low = 0;
  let high = firsts.length - 1;
  let from = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (compareWords(firsts[mid], prefix) <= 0) {
      from = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const out: number[] = [];
  for (let n = from; n < firsts.length && (n === from || firsts[n].startsWith(prefix)); n++) out.push(n);
  return out;
}

/** The numbers of the block's words that start with `prefix`. */
export function wordsWithPrefix(block: SegmentBlock, prefix: string): number[] {
  let low = 0;
  let high = block.words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareWords(block.words[mid], prefix) < 0) low = mid + 1;
    else high = mid;
  }
  const out: number[] = [];
  for (let w = low; w < block.words.length && block.words[w].startsWith(prefix); w++) out.push(w);
  return out;
}

/** UTF-16 code-unit order: any fixed lexicographic order keeps the words that share a prefix together. */
function compareWords(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A growing byte buffer of unsigned LEB128 varints. */
class Varints {
  private bytes = new Uint8Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  /** The bytes written, in an array of their own size. */
  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}
