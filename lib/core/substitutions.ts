/**
 * The differences inside aligned passages, as a spinner's swaps (source wording → page
 * wording), multi-word where the spinner swapped a phrase ("last year" → "final 12 months").
 * - A stretch between two equal runs is a hunk. Whole paragraphs inside it that belong to
 *   neither neighbour (an "Advertisement" line the copying page put between two sentences)
 *   are furniture, not wording: they are cut out, and a hunk that spans a paragraph break on
 *   both sides is split in two.
 * - Expansions that keep the original word ("use" → "make use of", "different" →
 *   "completely different") look like insertions to a diff: they are reported with the
 *   kept word, so the pair reads as the spinner's swap.
 * - Hunks where numbers or names differ on BOTH sides are "hard": spinners leave those alone,
 *   so they point at a template filled with other facts (earnings tables, dividend notices).
 *   Number-for-number changes are never reported as swaps.
 */
import type { AlignedPassage, Block } from './align';
import { normalizeText } from './normalize';
import { TokenFlag, type Tokens } from './tokenize';
import type { Substitution } from './types';

/** Token ranges [start, end) on each side; a side may have two pieces when furniture was cut out. */
export interface Hunk {
  page: [number, number][];
  source: [number, number][];
  /** The equal runs around it. */
  before: Block;
  after: Block;
}

export interface SubstitutionSummary {
  /** Grouped by normalized wording, most frequent first (ties: source wording). */
  substitutions: Substitution[];
  /** Short substitutions found (counting repeats), hard ones included. */
  count: number;
  /** Of which change numbers or names on both sides. */
  hard: number;
  /** Source tokens replaced by short substitutions. */
  sourceTokens: number;
}

/** Longest insertion or deletion reported as an expansion of its neighbouring word. */
const MAX_EXPANSION_WORDS = 2;

const width = (ranges: [number, number][]) => ranges.reduce((sum, [from, to]) => sum + to - from, 0);

/** The hunks of a passage: stretches between equal runs, furniture paragraphs cut out. */
export function passageHunks(passage: AlignedPassage, page: Tokens, source: Tokens): Hunk[] {
  const blocks = withoutLoneWords(passage.blocks);
  const hunks: Hunk[] = [];
  for (let b = 1; b < blocks.length; b++) {
    hunks.push(...splitAtParagraphs(blocks[b - 1], blocks[b], page, source));
  }
  return hunks.filter((hunk) => width(hunk.page) > 0 || width(hunk.source) > 0);
}

/**
 * Drop one-word equal runs that sit between two differences, one of them one-sided: the word
 * belongs to a spinner's expansion ("use" inside "make use of"), not to the unchanged text.
 */
function withoutLoneWords(blocks: readonly Block[]): Block[] {
  const kept: Block[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const prev = kept[kept.length - 1];
    const next = blocks[b + 1];
    if (block.length === 1 && prev && next) {
      const before = [block.page - (prev.page + prev.length), block.source - (prev.source + prev.length)];
      const after = [next.page - (block.page + 1), next.source - (block.source + 1)];
      const bothDiffer = before[0] + before[1] > 0 && after[0] + after[1] > 0;
      const oneSided = before.includes(0) || after.includes(0);
      if (bothDiffer && oneSided) continue;
    }
    kept.push(block);
  }
  return kept;
}

/** Tokens [from, to) of one side, split into the part in paragraph `first`, the part in `last`, the rest dropped. */
function keepEnds(tokens: Tokens, from: number, to: number, first: number, last: number): [[number, number], [number, number]] {
  let head = from;
  while (head < to && tokens.paragraphs[head] === first) head++;
  let tail = to;
  while (tail > head && tokens.paragraphs[tail - 1] === last) tail--;
  return [
    [from, head],
    [tail, to],
  ];
}

function splitAtParagraphs(prev: Block, next: Block, page: Tokens, source: Tokens): Hunk[] {
  const pageFrom = prev.page + prev.length;
  const sourceFrom = prev.source + prev.length;
  const pageParagraphs = [page.paragraphs[pageFrom - 1], page.paragraphs[next.page]];
  const sourceParagraphs = [source.paragraphs[sourceFrom - 1], source.paragraphs[next.source]];
  const [pageHead, pageTail] = keepEnds(page, pageFrom, next.page, pageParagraphs[0], pageParagraphs[1]);
  const [sourceHead, sourceTail] = keepEnds(source, sourceFrom, next.source, sourceParagraphs[0], sourceParagraphs[1]);
  const nonEmpty = (ranges: [number, number][]) => ranges.filter(([from, to]) => to > from);
  if (pageParagraphs[0] !== pageParagraphs[1] && sourceParagraphs[0] !== sourceParagraphs[1]) {
    // A paragraph break on both sides: the end of one paragraph, then the start of the next.
    return [
      { page: nonEmpty([pageHead]), source: nonEmpty([sourceHead]), before: prev, after: next },
      { page: nonEmpty([pageTail]), source: nonEmpty([sourceTail]), before: prev, after: next },
    ];
  }
  return [{ page: nonEmpty([pageHead, pageTail]), source: nonEmpty([sourceHead, sourceTail]), before: prev, after: next }];
}

export function summarizeSubstitutions(
  passages: readonly AlignedPassage[],
  page: Tokens,
  pageText: string,
  source: Tokens,
  sourceText: string,
  maxWords: number,
): SubstitutionSummary {
  const groups = new Map<string, Substitution>();
  let count = 0;
  let hard = 0;
  let sourceTokens = 0;
  const record = (from: string, to: string) => {
    const key = `${normalizeText(from)}\u0000${normalizeText(to)}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { from, to, count: 1 });
  };
  for (const passage of passages) {
    for (const hunk of passageHunks(passage, page, source)) {
      const pageWords = width(hunk.page);
      const sourceWords = width(hunk.source);
      if (pageWords === 0 || sourceWords === 0) {
        const expansion = expandedWording(hunk, page, pageText, source, sourceText);
        if (expansion) record(expansion.from, expansion.to);
        continue;
      }
      if (pageWords > maxWords || sourceWords > maxWords) continue;
      count++;
      sourceTokens += sourceWords;
      if (hasFixed(source, hunk.source) && hasFixed(page, hunk.page)) {
        hard++;
        if (hasNumber(source, hunk.source) && hasNumber(page, hunk.page)) continue;
      }
      record(wording(sourceText, source, hunk.source), wording(pageText, page, hunk.page));
    }
  }
  const substitutions = [...groups.values()].sort(
    (a, b) => b.count - a.count || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1),
  );
  return { substitutions, count, hard, sourceTokens };
}

/** The text of token ranges: a slice of the original, pieces joined by a space when furniture was cut. */
function wording(text: string, tokens: Tokens, ranges: [number, number][]): string {
  return ranges.map(([from, to]) => text.slice(tokens.starts[from], tokens.ends[to - 1])).join(' ');
}

/**
 * A short one-sided hunk inside a paragraph, reported with the unchanged word before it
 * ("whether" → "whether or not") or, at a paragraph start, after it ("different" →
 * "completely different"). Undefined when it is no such expansion.
 */
function expandedWording(
  hunk: Hunk,
  page: Tokens,
  pageText: string,
  source: Tokens,
  sourceText: string,
): { from: string; to: string } | undefined {
  const ranges = hunk.page.length > 0 ? hunk.page : hunk.source;
  if (ranges.length !== 1) return undefined;
  const [from, to] = ranges[0];
  if (to - from > MAX_EXPANSION_WORDS) return undefined;
  const onPage = hunk.page.length > 0;
  const own = onPage ? page : source;
  // The equal word just before (or after) the inserted words, on this side and on the other.
  const block = (onPage ? hunk.before.page + hunk.before.length : hunk.before.source + hunk.before.length) === from ? hunk.before : undefined;
  const after = (onPage ? hunk.after.page : hunk.after.source) === to ? hunk.after : undefined;
  let pageRange: [number, number];
  let sourceRange: [number, number];
  if (block && block.length > 0 && own.paragraphs[from - 1] === own.paragraphs[from]) {
    const p = block.page + block.length - 1;
    const s = block.source + block.length - 1;
    pageRange = onPage ? [p, to] : [p, p + 1];
    sourceRange = onPage ? [s, s + 1] : [s, to];
  } else if (after && after.length > 0 && own.paragraphs[to] === own.paragraphs[to - 1]) {
    pageRange = onPage ? [from, after.page + 1] : [after.page, after.page + 1];
    sourceRange = onPage ? [after.source, after.source + 1] : [from, after.source + 1];
  } else {
    return undefined;
  }
  return { from: wording(sourceText, source, [sourceRange]), to: wording(pageText, page, [pageRange]) };
}

/** Does a range hold a number, or a capitalized word that does not start a sentence (a name)? */
function hasFixed(tokens: Tokens, ranges: [number, number][]): boolean {
  return ranges.some(([from, to]) => {
    for (let i = from; i < to; i++) {
      const flags = tokens.flags[i];
      if (flags & TokenFlag.Numeric) return true;
      if ((flags & (TokenFlag.Capitalized | TokenFlag.SentenceStart)) === TokenFlag.Capitalized) return true;
    }
    return false;
  });
}

function hasNumber(tokens: Tokens, ranges: [number, number][]): boolean {
  return ranges.some(([from, to]) => {
    for (let i = from; i < to; i++) if (tokens.flags[i] & TokenFlag.Numeric) return true;
    return false;
  });
}
