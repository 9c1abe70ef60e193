/** Verbatim and partial copies of a library article, set in other pages. */
import type { BenchCase } from './cases-types';
import { wrapInPage } from './cases-furniture';
import { headlineFrom, paragraphsOf } from './cases-text';
import type { Article } from './quality-data';
import { wordCount } from './quality-data';
import type { SeededRandom } from './quality-prng';

export interface CopyContext {
  random: SeededRandom;
  /** Headlines of non-library stories for teasers. */
  teasers: readonly string[];
  /** Non-library articles whose paragraphs serve as "other text" around partial copies. */
  filler: readonly Article[];
}

const DATELINES = ['NEW YORK —', 'LONDON (Reuters) -', 'WASHINGTON —', 'SAN FRANCISCO, Calif. —'];

/**
 * The whole article in another site's page, with the light edits the contract still calls
 * verbatim: another headline, a dateline, one short paragraph dropped.
 */
export function verbatimCase(source: Article, id: string, ctx: CopyContext): BenchCase {
  const { random } = ctx;
  const paragraphs = paragraphsOf(source.text);
  const edits: string[] = [];
  const total = wordCount(source.text);
  if (paragraphs.length >= 6 && random.next() < 0.4) {
    const short = paragraphs.map((p, i) => ({ p, i })).filter(({ p, i }) => i > 0 && wordCount(p) < total * 0.04);
    if (short.length > 0) {
      paragraphs.splice(random.pick(short).i, 1);
      edits.push('dropped a short paragraph');
    }
  }
  if (random.next() < 0.4) {
    paragraphs[0] = `${random.pick(DATELINES)} ${paragraphs[0]}`;
    edits.push('dateline');
  }
  const ownHeadline = source.title ?? headlineFrom(source.text);
  const headline = random.next() < 0.5 ? ownHeadline : `${random.pick(['WATCH:', 'Breaking:', 'Must read:'])} ${ownHeadline}`;
  return {
    id,
    group: 'verbatim',
    variant: edits.length > 0 ? 'template+edits' : 'template',
    query: { id, title: headline, text: wrapInPage({ headline, paragraphs, teasers: ctx.teasers }, random) },
    expected: { sourceId: source.id, kind: 'verbatim', direction: 'copies', alsoAllowed: [] },
  };
}

/**
 * 25–60% of the article's paragraphs among other text: one contiguous run, or two or three
 * runs from different places (each at least two paragraphs, so each is reuse on its own).
 * Returns undefined when the article's paragraphs cannot give such a copy.
 */
export function partialCase(source: Article, style: 'contiguous' | 'scattered', id: string, ctx: CopyContext): BenchCase | undefined {
  const { random } = ctx;
  const paragraphs = paragraphsOf(source.text);
  const n = paragraphs.length;
  const total = wordCount(source.text);
  for (let attempt = 0; attempt < 8; attempt++) {
    const k = Math.round((0.25 + random.next() * 0.35) * n);
    const runs = style === 'contiguous' ? (k >= 2 ? [k] : undefined) : splitRuns(k, random);
    if (!runs) return undefined;
    const starts = placeRuns(runs, n, random);
    if (!starts) continue;
    const copied = runs.map((len, r) => paragraphs.slice(starts[r], starts[r] + len));
    const copiedWords = copied.flat().reduce((sum, p) => sum + wordCount(p), 0);
    const share = copiedWords / total;
    if (copiedWords < 80 || share < 0.2 || share > 0.75) continue;
    const pieces = interleaveWithFiller(copied, copiedWords, ctx);
    const headline = headlineFrom(pieces.fillerSource.text);
    return {
      id,
      group: 'partial',
      variant: style,
      query: { id, title: headline, text: wrapInPage({ headline, paragraphs: pieces.paragraphs, teasers: ctx.teasers }, random) },
      expected: { sourceId: source.id, kind: 'partial', direction: 'copies', alsoAllowed: [] },
    };
  }
  return undefined;
}

/** k paragraphs as 2 or 3 runs of at least 2 paragraphs each; undefined when k is too small. */
function splitRuns(k: number, random: SeededRandom): number[] | undefined {
  if (k < 4) return undefined;
  const count = k >= 6 && random.next() < 0.5 ? 3 : 2;
  const runs = Array<number>(count).fill(2);
  for (let left = k - 2 * count; left > 0; left--) runs[random.int(0, count - 1)]++;
  return runs;
}

/** Start index of each run, in order, with at least one paragraph between runs. */
function placeRuns(runs: number[], n: number, random: SeededRandom): number[] | undefined {
  const used = runs.reduce((a, b) => a + b, 0);
  const spare = n - used - (runs.length - 1);
  if (spare < 0) return undefined;
  const gaps = Array<number>(runs.length + 1).fill(0);
  for (let i = 1; i < runs.length; i++) gaps[i] = 1;
  for (let left = spare; left > 0; left--) gaps[random.int(0, runs.length)]++;
  const starts: number[] = [];
  let at = gaps[0];
  runs.forEach((len, r) => {
    starts.push(at);
    at += len + gaps[r + 1];
  });
  return starts;
}

/** Copied runs with paragraphs of one other article before, between and after them. */
function interleaveWithFiller(copied: string[][], copiedWords: number, ctx: CopyContext): { paragraphs: string[]; fillerSource: Article } {
  const { random } = ctx;
  const fillerSource = random.pick(ctx.filler);
  const fillerParagraphs = paragraphsOf(fillerSource.text);
  const wanted = copiedWords * (0.6 + random.next() * 0.9);
  const slots = copied.length + 1;
  const out: string[] = [];
  let next = 0;
  let taken = 0;
  const takeFiller = (budget: number) => {
    let words = 0;
    while (next < fillerParagraphs.length && words < budget) {
      const p = fillerParagraphs[next++];
      out.push(p);
      words += wordCount(p);
    }
    taken += words;
  };
  copied.forEach((run) => {
    takeFiller((wanted - taken) / slots);
    out.push(...run);
  });
  takeFiller(wanted - taken);
  return { paragraphs: out, fillerSource };
}
