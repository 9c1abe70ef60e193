/**
 * Word-level alignment of a page with one library article (anchored diff, as in Passim and
 * the PAN text-alignment systems: seed, extend, then fill the gaps):
 * 1. anchors: exact runs of >= anchorK equal words, found through a k-gram table of the
 *    source and extended greedily along the page (preferring runs that continue the
 *    previous one, so a repeated phrase elsewhere does not derail a passage);
 * 2. passages: anchors in order on both sides with gaps of <= maxGapWords words;
 * 3. gaps: a small LCS diff between consecutive anchors recovers the one- and two-word
 *    equal runs left between a spinner's substitutions.
 * Work is bounded: the k-gram table keeps a few positions per k-gram and each gap is at
 * most maxGapWords², so a 1 MB page cannot hang the engine.
 */
import { hashRun } from './hash';
import type { Tokens } from './tokenize';
import type { Tuning } from './tuning';

/** An exact run of equal tokens: page[page..page+length) = source[source..source+length). */
export interface Block {
  page: number;
  source: number;
  length: number;
}

/**
 * Blocks in order on both sides; the tokens between consecutive blocks are the differences.
 * The first and last block may be empty (length 0): they mark a passage edge at a paragraph
 * edge, so that a swap of the paragraph's first or last words is a difference like any other.
 */
export interface AlignedPassage {
  blocks: Block[];
  /** Token ranges, end exclusive. */
  pageStart: number;
  pageEnd: number;
  sourceStart: number;
  sourceEnd: number;
  /** Equal tokens (sum of block lengths). */
  equal: number;
}

/** Positions kept per source k-gram: repeated boilerplate must not make lookups quadratic. */
const MAX_POSITIONS_PER_KGRAM = 16;
/** Passages still open for new anchors (anchors arrive in page order). */
const OPEN_PASSAGES = 8;

export function align(page: Tokens, source: Tokens, tuning: Tuning): AlignedPassage[] {
  const anchors = findAnchors(page, source, tuning.anchorK, tuning.maxGapWords);
  const passages: AlignedPassage[] = [];
  for (const chain of chainAnchors(anchors, tuning.maxGapWords)) {
    const passage = fillGaps(chain, page.ids, source.ids);
    const span = Math.max(passage.pageEnd - passage.pageStart, passage.sourceEnd - passage.sourceStart);
    if (passage.equal >= tuning.minPassageWords && passage.equal >= tuning.minPassageEqualShare * span) {
      passages.push(passage);
    }
  }
  passages.sort((a, b) => a.pageStart - b.pageStart);
  let pageLow = 0;
  return passages.map((passage, i) => {
    const pageHigh = i + 1 < passages.length ? passages[i + 1].pageStart : page.count;
    const extended = extendEdges(passage, page, source, pageLow, Math.max(pageHigh, passage.pageEnd), tuning);
    pageLow = Math.max(pageLow, extended.pageEnd);
    return extended;
  });
}

/**
 * Grow a passage at both ends, past the first and last anchors, through equal words that a
 * spinner left between its swaps (an LCS over a window of `window` words, taken while the
 * differences stay short), and up to the paragraph's edge when only a short swap remains:
 * heavy spinning leaves no 3-word anchor in a sentence's first or last words.
 * Page tokens outside [pageLow, pageHigh) belong to other passages and are not used.
 */
function extendEdges(
  passage: AlignedPassage,
  page: Tokens,
  source: Tokens,
  pageLow: number,
  pageHigh: number,
  tuning: Tuning,
): AlignedPassage {
  const window = tuning.maxGapWords;
  const maxGap = tuning.edgeGapWords;
  // Words on both sides, few on each: a swap, not an insertion or a different sentence.
  const isShortSwap = (pageWords: number, sourceWords: number) =>
    pageWords > 0 && sourceWords > 0 && pageWords <= maxGap && sourceWords <= maxGap;
  const p = page.ids;
  const s = source.ids;
  const blocks = passage.blocks.slice();
  let first = blocks[0];
  const before = lcsBlocks(p, Math.max(pageLow, first.page - window), first.page, s, Math.max(0, first.source - window), first.source);
  for (let i = before.length - 1; i >= 0; i--) {
    const block = before[i];
    if (first.page - (block.page + block.length) > maxGap || first.source - (block.source + block.length) > maxGap) break;
    blocks.unshift(block);
    first = block;
  }
  const pageStart = paragraphEdge(page, first.page, -1);
  const sourceStart = paragraphEdge(source, first.source, -1);
  if (isShortSwap(first.page - pageStart, first.source - sourceStart) && pageStart >= pageLow) {
    blocks.unshift({ page: pageStart, source: sourceStart, length: 0 });
  }
  let last = blocks[blocks.length - 1];
  const lastEnd = () => [last.page + last.length, last.source + last.length];
  const [pageFrom, sourceFrom] = lastEnd();
  const after = lcsBlocks(p, pageFrom, Math.min(pageHigh, pageFrom + window), s, sourceFrom, Math.min(source.count, sourceFrom + window));
  for (const block of after) {
    const [pageEnd, sourceEnd] = lastEnd();
    if (block.page - pageEnd > maxGap || block.source - sourceEnd > maxGap) break;
    blocks.push(block);
    last = block;
  }
  const [pageEnd, sourceEnd] = lastEnd();
  const pageStop = paragraphEdge(page, pageEnd - 1, 1);
  const sourceStop = paragraphEdge(source, sourceEnd - 1, 1);
  if (isShortSwap(pageStop - pageEnd, sourceStop - sourceEnd) && pageStop <= pageHigh) {
    blocks.push({ page: pageStop, source: sourceStop, length: 0 });
  }
  return passageOf(blocks);
}

/** Index of the first token of token i's paragraph (direction -1), or one past its last (+1). */
function paragraphEdge(tokens: Tokens, i: number, direction: -1 | 1): number {
  const paragraph = tokens.paragraphs[i];
  let j = i;
  if (direction < 0) {
    while (j > 0 && tokens.paragraphs[j - 1] === paragraph) j--;
    return j;
  }
  while (j + 1 < tokens.count && tokens.paragraphs[j + 1] === paragraph) j++;
  return j + 1;
}

function findAnchors(page: Tokens, source: Tokens, k: number, maxGap: number): Block[] {
  const p = page.ids;
  const s = source.ids;
  const m = page.count;
  const n = source.count;
  if (m < k || n < k) return [];
  const table = new Map<number, number[]>();
  for (let j = 0; j + k <= n; j++) {
    const key = hashRun(s, j, k, 0);
    const positions = table.get(key);
    if (!positions) table.set(key, [j]);
    else if (positions.length < MAX_POSITIONS_PER_KGRAM) positions.push(j);
  }
  const anchors: Block[] = [];
  let pageEnd = -Infinity;
  let sourceEnd = -Infinity;
  let i = 0;
  while (i + k <= m) {
    const positions = table.get(hashRun(p, i, k, 0));
    let best = -1;
    let bestLength = 0;
    let bestScore = 0;
    if (positions) {
      for (const j of positions) {
        let length = 0;
        while (i + length < m && j + length < n && p[i + length] === s[j + length]) length++;
        if (length < k) continue; // a hash collision, or the run is shorter than k
        const continues = j >= sourceEnd && j - sourceEnd <= maxGap && i - pageEnd <= maxGap;
        const score = length + (continues ? maxGap + k : 0);
        if (score > bestScore) {
          best = j;
          bestLength = length;
          bestScore = score;
        }
      }
    }
    if (best < 0) {
      i++;
      continue;
    }
    // Equal words just before the anchor (a run shorter than k preceding it) belong to it.
    let back = 0;
    while (i - back > Math.max(0, pageEnd) && best - back > 0 && p[i - back - 1] === s[best - back - 1]) back++;
    anchors.push({ page: i - back, source: best - back, length: bestLength + back });
    i += bestLength;
    pageEnd = i;
    sourceEnd = best + bestLength;
  }
  return anchors;
}

/** Group anchors (in page order) into chains that advance on both sides with bounded gaps. */
function chainAnchors(anchors: Block[], maxGap: number): Block[][] {
  const chains: Block[][] = [];
  for (const anchor of anchors) {
    let bestChain: Block[] | undefined;
    let bestGap = Infinity;
    for (let c = chains.length - 1; c >= Math.max(0, chains.length - OPEN_PASSAGES); c--) {
      const last = chains[c][chains[c].length - 1];
      const pageGap = anchor.page - (last.page + last.length);
      const sourceGap = anchor.source - (last.source + last.length);
      if (pageGap < 0 || sourceGap < 0 || pageGap > maxGap || sourceGap > maxGap) continue;
      if (pageGap + sourceGap < bestGap) {
        bestGap = pageGap + sourceGap;
        bestChain = chains[c];
      }
    }
    if (bestChain) bestChain.push(anchor);
    else chains.push([anchor]);
  }
  return chains;
}

/** Passage from a chain of anchors, with the equal words inside each gap recovered by LCS. */
function fillGaps(chain: Block[], p: Int32Array, s: Int32Array): AlignedPassage {
  const blocks: Block[] = [chain[0]];
  for (let c = 1; c < chain.length; c++) {
    const prev = chain[c - 1];
    const next = chain[c];
    blocks.push(...lcsBlocks(p, prev.page + prev.length, next.page, s, prev.source + prev.length, next.source));
    blocks.push(next);
  }
  return passageOf(blocks);
}

/** The passage spanned by blocks in order (at least one). */
function passageOf(blocks: Block[]): AlignedPassage {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  return {
    blocks,
    pageStart: first.page,
    pageEnd: last.page + last.length,
    sourceStart: first.source,
    sourceEnd: last.source + last.length,
    equal: blocks.reduce((sum, block) => sum + block.length, 0),
  };
}

/** Equal runs of a longest common subsequence of p[pFrom..pTo) and s[sFrom..sTo). */
function lcsBlocks(p: Int32Array, pFrom: number, pTo: number, s: Int32Array, sFrom: number, sTo: number): Block[] {
  const a = pTo - pFrom;
  const b = sTo - sFrom;
  // Empty (or, between overlapping passages, inverted) windows have nothing in common.
  if (a <= 0 || b <= 0) return [];
  // suffix[i][j] = LCS length of p[pFrom+i..pTo) and s[sFrom+j..sTo).
  const width = b + 1;
  const suffix = new Uint16Array((a + 1) * width);
  for (let i = a - 1; i >= 0; i--) {
    for (let j = b - 1; j >= 0; j--) {
      suffix[i * width + j] =
        p[pFrom + i] === s[sFrom + j]
          ? suffix[(i + 1) * width + j + 1] + 1
          : Math.max(suffix[(i + 1) * width + j], suffix[i * width + j + 1]);
    }
  }
  const blocks: Block[] = [];
  let i = 0;
  let j = 0;
  while (i < a && j < b) {
    if (p[pFrom + i] === s[sFrom + j]) {
      const last = blocks[blocks.length - 1];
      if (last && last.page + last.length === pFrom + i && last.source + last.length === sFrom + j) last.length++;
      else blocks.push({ page: pFrom + i, source: sFrom + j, length: 1 });
      i++;
      j++;
    } else if (suffix[(i + 1) * width + j] >= suffix[i * width + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return blocks;
}
