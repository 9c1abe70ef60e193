/**
 * From the engine's character offsets (into the article text the extractor produced) back to
 * the page's text nodes: offsets in, DOM Ranges out. The extracted text is not the page's text
 * (furniture dropped, whitespace collapsed, paragraphs joined by blank lines), so each
 * extracted paragraph is found in the page's visible text (./page-text) in document order, and
 * a span is cut at paragraph edges into pieces mapped through their paragraph. A piece whose
 * paragraph is not on the page (changed since, or altered by the extractor) is looked for on
 * its own and taken only when its wording occurs exactly once; otherwise it is reported as not
 * found. The marked text therefore always reads exactly as the analysed text (whitespace aside).
 */
import type { TextSpan } from '../../../protocol';
import type { PageText } from './page-text';

export type { TextSpan };

export interface MappedSpan {
  /** The ranges of the pieces found (one per paragraph piece, split where the page holds text left out of the analysis), in document order. */
  ranges: Range[];
  /** `found`: every piece; `partly`: some pieces; `missing`: none. */
  status: 'found' | 'partly' | 'missing';
}

/** A piece found on its own must be this long (characters, whitespace collapsed): a word or two occurs anywhere. */
export const MIN_LONE_PIECE_CHARS = 24;

interface Collapsed {
  text: string;
  /** Index in the analysed text of each character of `text`. */
  at: number[];
}

/** `text[from, to)` with each whitespace run one space, trimmed; with each character's origin. */
function collapse(text: string, from: number, to: number): Collapsed {
  const chars: string[] = [];
  const at: number[] = [];
  let pendingSpace = -1;
  for (let i = from; i < to; i++) {
    if (/\s/.test(text[i])) {
      if (chars.length > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      chars.push(' ');
      at.push(pendingSpace);
      pendingSpace = -1;
    }
    chars.push(text[i]);
    at.push(i);
  }
  return { text: chars.join(''), at };
}

/** Paragraphs of the analysed text: separated by a blank line, as lib/extract joins them. */
function paragraphs(text: string): TextSpan[] {
  const result: TextSpan[] = [];
  const separator = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  for (let found = separator.exec(text); found; found = separator.exec(text)) {
    result.push({ start, end: found.index });
    start = found.index + found[0].length;
  }
  result.push({ start, end: text.length });
  return result;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when `haystack[index, index + length)` does not cut a word at either end. */
function onWordEdges(haystack: string, index: number, length: number, needle: string): boolean {
  const before = haystack[index - 1];
  const after = haystack[index + length];
  const cutsStart = before !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(needle[0]);
  const cutsEnd = after !== undefined && WORD_CHAR.test(after) && WORD_CHAR.test(needle[needle.length - 1]);
  return !cutsStart && !cutsEnd;
}

/** First occurrence at or after `from` on word edges, or -1. */
function find(haystack: string, needle: string, from: number): number {
  for (let index = haystack.indexOf(needle, from); index >= 0; index = haystack.indexOf(needle, index + 1)) {
    if (onWordEdges(haystack, index, needle.length, needle)) return index;
  }
  return -1;
}

/** The occurrence when there is exactly one, else -1. */
function findUnique(haystack: string, needle: string): number {
  const first = find(haystack, needle, 0);
  return first >= 0 && find(haystack, needle, first + 1) < 0 ? first : -1;
}

/** First index `i` with `values[i] >= target` (values ascending). */
function lowerBound(values: number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Maps each span of `analysed` (the text the engine saw) to ranges over the page's text nodes.
 * `page`: readPageText of the live document. Spans are independent; the order of the result
 * follows `spans`. Pure apart from creating Range objects on `doc` (nothing is attached).
 */
export function mapSpans(doc: Document, page: PageText, analysed: string, spans: readonly TextSpan[]): MappedSpan[] {
  const paras = paragraphs(analysed);
  const ends = paras.map((paragraph) => paragraph.end);
  // Where each paragraph starts in page.text (collapsed), found lazily in document order.
  const located = new Map<number, { at: number; collapsed: Collapsed } | null>();
  let cursor = 0;
  let locatedUpTo = -1;

  function locate(index: number) {
    // Paragraphs are located in order, so the cursor walks the page once.
    while (locatedUpTo < index) {
      locatedUpTo += 1;
      const { start, end } = paras[locatedUpTo];
      const collapsed = collapse(analysed, start, end);
      if (collapsed.text.length === 0) {
        located.set(locatedUpTo, null);
        continue;
      }
      let at = find(page.text, collapsed.text, cursor);
      if (at < 0) at = find(page.text, collapsed.text, 0);
      located.set(locatedUpTo, at < 0 ? null : { at, collapsed });
      if (at >= cursor) cursor = at + collapsed.text.length;
    }
    return located.get(index) ?? null;
  }

  /** Ranges over page.text[from, to), split where hidden or skipped content lies between (it must not be marked). */
  function toRanges(from: number, to: number): Range[] {
    const ranges: Range[] = [];
    let start = from;
    for (let i = from + 1; i <= to; i++) {
      if (i < to && page.gapBefore[i] === 0) continue;
      let first = start;
      let last = i - 1;
      while (first <= last && page.text[first] === ' ') first++;
      while (last >= first && page.text[last] === ' ') last--;
      if (first <= last) {
        const range = doc.createRange();
        range.setStart(page.nodes[page.node[first]], page.offset[first]);
        range.setEnd(page.nodes[page.node[last]], page.offset[last] + 1);
        ranges.push(range);
      }
      start = i;
    }
    return ranges;
  }

  /** The page ranges of analysed[start, end) inside paragraph `index`, or null. */
  function mapPiece(index: number, start: number, end: number): Range[] | null {
    const piece = collapse(analysed, start, end);
    if (piece.text.length === 0) return null;
    const paragraph = locate(index);
    if (paragraph) {
      const from = lowerBound(paragraph.collapsed.at, piece.at[0]);
      const to = from + piece.text.length;
      // Equal by construction; checked anyway, since marking other words would be worse than none.
      if (page.text.slice(paragraph.at + from, paragraph.at + to) === piece.text) return toRanges(paragraph.at + from, paragraph.at + to);
    }
    if (piece.text.length < MIN_LONE_PIECE_CHARS) return null;
    const alone = findUnique(page.text, piece.text);
    return alone < 0 ? null : toRanges(alone, alone + piece.text.length);
  }

  return spans.map(({ start, end }) => {
    const ranges: Range[] = [];
    let pieces = 0;
    let found = 0;
    for (let index = lowerBound(ends, start); index < paras.length && paras[index].start < end; index++) {
      const from = Math.max(start, paras[index].start);
      const to = Math.min(end, paras[index].end);
      if (to <= from || collapse(analysed, from, to).text.length === 0) continue;
      pieces += 1;
      const pieceRanges = mapPiece(index, from, to);
      if (!pieceRanges) continue;
      found += 1;
      ranges.push(...pieceRanges);
    }
    const status = found === 0 ? 'missing' : found === pieces ? 'found' : 'partly';
    return { ranges, status };
  });
}
