/**
 * The equal and changed wording of one shared passage, side by side (the popup marks a
 * spinner's swaps in place). The passage's two slices are tokenized and aligned by the
 * engine's own code, so a word counts as equal exactly when the engine saw it as equal
 * (NFKC, case, ’ vs ' …), and the work stays bounded like the engine's alignment.
 */
import { align } from './align';
import { tokenize, type Tokens } from './tokenize';
import { resolveTuning } from './tuning';
import type { Passage } from './types';

/** Characters [start, end) of the whole text (page or library), equal on both sides or not. */
export interface WordRun {
  start: number;
  end: number;
  changed: boolean;
}

export interface PassageWords {
  /** Contiguous runs covering the passage (up to the cut); punctuation and spaces between an
   *  equal and a changed word go to the equal run, so a changed run starts and ends on words. */
  page: WordRun[];
  source: WordRun[];
  /** The passage went on past `maxWords` page words (or source words): both sides were cut. */
  cut: boolean;
}

/**
 * Every equal run is kept, however short: the passage was already found and kept by the
 * engine, it is only its inside that is re-aligned here.
 */
const INSIDE_PASSAGE = resolveTuning({ minPassageWords: 1, minPassageEqualShare: 0 });

/**
 * `maxWords`: words shown per side at most. A longer page side is cut after its first
 * `maxWords` words, the source side after the partner of the last equal word kept, so both
 * sides show the same stretch.
 */
export function passageWords(pageText: string, sourceText: string, passage: Passage, maxWords = Infinity): PassageWords {
  const pageSlice = pageText.slice(passage.inputStart, passage.inputEnd);
  const sourceSlice = sourceText.slice(passage.sourceStart, passage.sourceEnd);
  const page = tokenize(pageSlice);
  const source = tokenize(sourceSlice);
  const pageEqual = new Uint8Array(page.count);
  const sourceEqual = new Uint8Array(source.count);
  const pageStop = Math.min(page.count, maxWords);
  // Source tokens up to the partner of the last equal page word kept.
  let partnerStop = 0;
  for (const aligned of align(page, source, INSIDE_PASSAGE)) {
    for (const block of aligned.blocks) {
      pageEqual.fill(1, block.page, block.page + block.length);
      sourceEqual.fill(1, block.source, block.source + block.length);
      const keptLength = Math.min(block.length, pageStop - block.page);
      if (keptLength > 0) partnerStop = Math.max(partnerStop, block.source + keptLength);
    }
  }
  const pageCut = pageStop < page.count;
  // With no equal word kept (not a passage the engine would report), the source is cut like the page.
  const sourceStop = Math.min(source.count, maxWords, pageCut && partnerStop > 0 ? partnerStop : source.count);
  return {
    page: runs(page, pageEqual, pageStop, passage.inputStart, pageSlice.length, pageCut),
    source: runs(source, sourceEqual, sourceStop, passage.sourceStart, sourceSlice.length, sourceStop < source.count),
    cut: pageCut || sourceStop < source.count,
  };
}

/** Runs of tokens [0, stop) of a slice `length` long (all of it when not cut), moved by `offset` into the whole text. */
function runs(tokens: Tokens, equal: Uint8Array, stop: number, offset: number, length: number, cut: boolean): WordRun[] {
  const result: WordRun[] = [];
  const add = (start: number, runEnd: number, changed: boolean) => {
    if (runEnd <= start) return;
    const last = result[result.length - 1];
    if (last && last.changed === changed && last.end === start) last.end = runEnd;
    else result.push({ start, end: runEnd, changed });
  };
  let position = offset;
  for (let i = 0; i < stop; i++) {
    const changed = equal[i] === 0;
    const start = offset + tokens.starts[i];
    // The text between two changed words is changed; any other goes to the equal side.
    add(position, start, changed && i > 0 && equal[i - 1] === 0);
    add(start, offset + tokens.ends[i], changed);
    position = offset + tokens.ends[i];
  }
  if (!cut) add(position, offset + length, false);
  return result;
}

/** One swap inside a passage: page characters [pageStart, pageEnd) replace source characters [sourceStart, sourceEnd). */
export interface PassageSwap {
  pageStart: number;
  pageEnd: number;
  sourceStart: number;
  sourceEnd: number;
}

/**
 * The page's differing wording in a shared passage, each paired with the source wording it
 * stands for (a spinner's swap in place: "mentioned" where the source says "said"). Offsets
 * index the whole texts. Hunks between two equal runs only: words the page added with no
 * source counterpart (or dropped) are not swaps. Same tokenizer and alignment as `passageWords`.
 */
export function passageSwaps(pageText: string, sourceText: string, passage: Passage): PassageSwap[] {
  const pageSlice = pageText.slice(passage.inputStart, passage.inputEnd);
  const sourceSlice = sourceText.slice(passage.sourceStart, passage.sourceEnd);
  const page = tokenize(pageSlice);
  const source = tokenize(sourceSlice);
  const swaps: PassageSwap[] = [];
  for (const aligned of align(page, source, INSIDE_PASSAGE)) {
    // Empty blocks mark a passage edge, so a swap of a paragraph's first or last words counts.
    const { blocks } = aligned;
    for (let i = 1; i < blocks.length; i++) {
      const pageFrom = blocks[i - 1].page + blocks[i - 1].length;
      const sourceFrom = blocks[i - 1].source + blocks[i - 1].length;
      const pageTo = blocks[i].page;
      const sourceTo = blocks[i].source;
      if (pageTo <= pageFrom || sourceTo <= sourceFrom) continue;
      swaps.push({
        pageStart: passage.inputStart + page.starts[pageFrom],
        pageEnd: passage.inputStart + page.ends[pageTo - 1],
        sourceStart: passage.sourceStart + source.starts[sourceFrom],
        sourceEnd: passage.sourceStart + source.ends[sourceTo - 1],
      });
    }
  }
  return swaps;
}
