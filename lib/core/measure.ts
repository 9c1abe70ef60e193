/**
 * Figures of one alignment that the classifier decides on. Words in boilerplate paragraphs
 * (boilerplate.ts) count on neither side; equal words inside quotation marks (on either
 * side) count as aligned but not as the article's "own" reporting, since outlets quote the
 * same speakers without copying each other.
 */
import type { AlignedPassage } from './align';
import { paragraphEnd, TokenFlag, type Tokens } from './tokenize';
import type { Tuning } from './tuning';

export interface AlignmentFigures {
  /** Words outside boilerplate, per side. */
  pageWords: number;
  sourceWords: number;
  /** Of those, aligned equal. */
  pageEqual: number;
  sourceEqual: number;
  /** Of those, inside aligned passages (equal or substituted). */
  pageSpan: number;
  sourceSpan: number;
  /** Source words that are neither quoted nor boilerplate: the article's own reporting. */
  sourceOwnWords: number;
  /** Of those, aligned equal (and not quoted on the page either). */
  ownEqual: number;
  /** Share of words inside passages that differ (both sides counted). */
  changedShare: number;
  /** Equal words of the longest run of source-consecutive passages (mostly the article's own text). */
  longestRun: number;
  /** Equal words of all such runs of at least partialPieceWords: copies from several places add up. */
  piecesWords: number;
  /** Words of the largest group of >= 2 consecutive source paragraphs copied whole (0: none). */
  wholeParagraphWords: number;
  /** Source words outside boilerplate, not aligned equal, in captions, credits or gallery controls (captions.ts). */
  sourceCaptionExtra: number;
  /** Reported coverage over all words, boilerplate included: page side and source side. */
  coverage: number;
  sourceCoverage: number;
}

export function measure(
  passages: readonly AlignedPassage[],
  page: Tokens,
  pageBoilerplate: Uint8Array,
  source: Tokens,
  sourceBoilerplate: Uint8Array,
  sourceCaptions: Uint8Array,
  tuning: Tuning,
): AlignmentFigures {
  const pageEqualMask = new Uint8Array(page.count);
  const sourceEqualMask = new Uint8Array(source.count);
  const sourceOwnMask = new Uint8Array(source.count);
  const pageSpanMask = new Uint8Array(page.count);
  const sourceSpanMask = new Uint8Array(source.count);
  // Equal-aligned token on the other side, -1 for none.
  const pageOf = new Int32Array(source.count).fill(-1);
  const sourceOf = new Int32Array(page.count).fill(-1);
  let spanWords = 0;
  let spanEqual = 0;
  for (const passage of passages) {
    pageSpanMask.fill(1, passage.pageStart, passage.pageEnd);
    sourceSpanMask.fill(1, passage.sourceStart, passage.sourceEnd);
    spanWords += passage.pageEnd - passage.pageStart + passage.sourceEnd - passage.sourceStart;
    spanEqual += 2 * passage.equal;
    for (const block of passage.blocks) {
      for (let t = 0; t < block.length; t++) {
        const p = block.page + t;
        const s = block.source + t;
        pageEqualMask[p] = 1;
        sourceEqualMask[s] = 1;
        pageOf[s] = p;
        sourceOf[p] = s;
        const quoted = ((page.flags[p] | source.flags[s]) & TokenFlag.Quoted) !== 0;
        if (!quoted && !pageBoilerplate[p] && !sourceBoilerplate[s]) sourceOwnMask[s] = 1;
      }
    }
  }
  const pageCounts = countMasked(page.count, pageBoilerplate, pageEqualMask, pageSpanMask);
  const sourceCounts = countMasked(source.count, sourceBoilerplate, sourceEqualMask, sourceSpanMask);
  const runs = copiedRuns(passages, sourceEqualMask, sourceBoilerplate, sourceOwnMask, tuning);
  let ownEqual = 0;
  let sourceOwnWords = 0;
  let sourceCaptionExtra = 0;
  for (let i = 0; i < source.count; i++) {
    ownEqual += sourceOwnMask[i];
    if (sourceBoilerplate[i]) continue;
    if (!(source.flags[i] & TokenFlag.Quoted)) sourceOwnWords++;
    if (sourceCaptions[i] && !sourceEqualMask[i]) sourceCaptionExtra++;
  }
  return {
    pageWords: pageCounts.words,
    sourceWords: sourceCounts.words,
    pageEqual: pageCounts.equal,
    sourceEqual: sourceCounts.equal,
    pageSpan: pageCounts.span,
    sourceSpan: sourceCounts.span,
    sourceOwnWords,
    ownEqual,
    changedShare: spanWords === 0 ? 0 : 1 - spanEqual / spanWords,
    longestRun: runs.reduce((best, run) => Math.max(best, run.equal), 0),
    piecesWords: runs.filter((run) => run.equal >= tuning.partialPieceWords).reduce((sum, run) => sum + run.equal, 0),
    sourceCaptionExtra,
    wholeParagraphWords: wholeParagraphWords(
      source,
      sourceBoilerplate,
      sourceEqualMask,
      sourceOwnMask,
      tuning.wholeParagraphShare,
      (start, end) => landsAlone(start, end, pageOf, sourceOf, page, pageBoilerplate),
    ),
    coverage: page.count === 0 ? 0 : pageCounts.spanAll / page.count,
    sourceCoverage: source.count === 0 ? 0 : sourceCounts.spanAll / source.count,
  };
}

function countMasked(count: number, boilerplate: Uint8Array, equal: Uint8Array, span: Uint8Array) {
  let words = 0;
  let equalWords = 0;
  let spanWords = 0;
  let spanAll = 0;
  for (let i = 0; i < count; i++) {
    spanAll += span[i];
    if (boilerplate[i]) continue;
    words++;
    equalWords += equal[i];
    spanWords += span[i];
  }
  return { words, equal: equalWords, span: spanWords, spanAll };
}

interface Run {
  /** Equal source words outside boilerplate. */
  equal: number;
  /** Of which neither quoted nor boilerplate. */
  own: number;
}

/**
 * Runs: passages that follow each other in the source add up, even with page furniture
 * between them on the page. A run is measured from its first to its last own (unquoted)
 * equal word: a quote inside copied reporting counts, a quote with only its attribution
 * around it does not; a run made mostly of quoted words is not the article's reporting.
 */
function copiedRuns(
  passages: readonly AlignedPassage[],
  sourceEqualMask: Uint8Array,
  sourceBoilerplate: Uint8Array,
  sourceOwnMask: Uint8Array,
  tuning: Tuning,
): Run[] {
  const bySource = [...passages].sort((a, b) => a.sourceStart - b.sourceStart);
  const ranges: [number, number][] = [];
  for (const passage of bySource) {
    const last = ranges[ranges.length - 1];
    if (last && passage.sourceStart - last[1] <= tuning.runJoinWords) last[1] = Math.max(last[1], passage.sourceEnd);
    else ranges.push([passage.sourceStart, passage.sourceEnd]);
  }
  const runs: Run[] = [];
  for (const [from, to] of ranges) {
    let first = from;
    while (first < to && !sourceOwnMask[first]) first++;
    let last = to - 1;
    while (last > first && !sourceOwnMask[last]) last--;
    const run = { equal: 0, own: 0 };
    for (let s = first; s <= last && s < to; s++) {
      if (sourceBoilerplate[s]) continue;
      run.equal += sourceEqualMask[s];
      run.own += sourceOwnMask[s];
    }
    if (run.equal > 0 && run.own >= tuning.minOwnShare * run.equal) runs.push(run);
  }
  return runs;
}

/**
 * Does source paragraph [start, end) land on the page as a paragraph of its own: every page
 * word of the paragraph its copy sits in (boilerplate aside) aligned into it? Then the page
 * copied the paragraph, not a statement it quotes: re-attributing a quote adds words of the
 * page's own around it.
 */
function landsAlone(start: number, end: number, pageOf: Int32Array, sourceOf: Int32Array, page: Tokens, pageBoilerplate: Uint8Array): boolean {
  let landing = -1;
  for (let s = start; s < end && landing < 0; s++) landing = pageOf[s];
  if (landing < 0) return false;
  let from = landing;
  while (from > 0 && page.paragraphs[from - 1] === page.paragraphs[landing]) from--;
  const to = paragraphEnd(page, from);
  for (let p = from; p < to; p++) {
    if (!pageBoilerplate[p] && (sourceOf[p] < start || sourceOf[p] >= end)) return false;
  }
  return true;
}

/**
 * Words of the largest group of >= 2 consecutive source paragraphs copied whole (0: none).
 * `landsAlone(start, end)`: is that paragraph a paragraph of its own on the page too?
 */
function wholeParagraphWords(
  source: Tokens,
  boilerplate: Uint8Array,
  equalMask: Uint8Array,
  ownMask: Uint8Array,
  wholeShare: number,
  landsAlone: (start: number, end: number) => boolean,
): number {
  let best = 0;
  let groupWords = 0;
  let groupParagraphs = 0;
  let start = 0;
  while (start < source.count) {
    const end = paragraphEnd(source, start);
    let words = 0;
    let equal = 0;
    let ownWords = 0;
    let own = 0;
    for (let i = start; i < end; i++) {
      if (boilerplate[i]) continue;
      words++;
      equal += equalMask[i];
      if (source.flags[i] & TokenFlag.Quoted) continue;
      ownWords++;
      own += ownMask[i];
    }
    // Whole: its words present, and either its own (unquoted) words too or, whatever its quotes,
    // the paragraph copied as a paragraph; a quote re-attributed in the page's words is no paragraph copy.
    const ownPresent = ownWords > 0 && own >= wholeShare * ownWords;
    if (words > 0 && equal >= wholeShare * words && (ownPresent || landsAlone(start, end))) {
      groupWords += words;
      groupParagraphs++;
      if (groupParagraphs >= 2) best = Math.max(best, groupWords);
    } else if (words > 0) {
      groupWords = 0;
      groupParagraphs = 0;
    }
    start = end;
  }
  return best;
}
