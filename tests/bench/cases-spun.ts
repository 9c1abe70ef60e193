/** Spun copies of library articles, and the reverse: a library entry that is a spun copy of the page. */
import type { SourceText } from '../../lib/core/types';
import type { BenchCase } from './cases-types';
import { wrapInPage } from './cases-furniture';
import { headlineFrom, paragraphsOf } from './cases-text';
import type { Article } from './quality-data';
import type { SeededRandom } from './quality-prng';
import type { SubstitutionTruth } from './quality-substitutions';
import type { SpinResult, Spinner } from './spinner';

export interface SpinContext {
  random: SeededRandom;
  spinner: Spinner;
  teasers: readonly string[];
}

/** How far the achieved rate may stray from the target before the case is dropped. */
export const RATE_TOLERANCE = 0.01;

/** A spun copy of `source` at `rate`, in another page; undefined when the text offers too few swaps. */
export function spunCase(source: Article, rate: number, id: string, ctx: SpinContext): BenchCase | undefined {
  const spin = ctx.spinner.spin(source.text, rate, id);
  if (Math.abs(spin.rate - rate) > RATE_TOLERANCE) return undefined;
  const headline = headlineFrom(spin.text);
  return {
    id,
    group: 'spun',
    variant: `spun-${Math.round(rate * 100)}`,
    query: { id, title: headline, text: wrapInPage({ headline, paragraphs: paragraphsOf(spin.text), teasers: ctx.teasers }, ctx.random) },
    expected: {
      sourceId: source.id,
      kind: 'spun',
      direction: 'copies',
      alsoAllowed: [],
      substitutions: forwardTruth(source.text, spin),
      spinRate: spin.rate,
    },
  };
}

/**
 * The page is the original and the library holds a spun copy of it: the engine should report
 * the library entry as `spun`, `copied-by`, with swaps from the library (spun) side to the page.
 */
export function copiedByCase(original: Article, rate: number, id: string, ctx: SpinContext): { entry: SourceText; benchCase: BenchCase } | undefined {
  const spin = ctx.spinner.spin(original.text, rate, id);
  if (Math.abs(spin.rate - rate) > RATE_TOLERANCE) return undefined;
  const entry: SourceText = { id: `spun-copy-of-${original.id}`, text: spin.text, title: headlineFrom(spin.text) };
  const headline = original.title ?? headlineFrom(original.text);
  return {
    entry,
    benchCase: {
      id,
      group: 'copied-by',
      variant: `copied-by-${Math.round(rate * 100)}`,
      query: { id, title: headline, text: wrapInPage({ headline, paragraphs: paragraphsOf(original.text), teasers: ctx.teasers }, ctx.random) },
      expected: {
        sourceId: entry.id,
        kind: 'spun',
        direction: 'copied-by',
        alsoAllowed: [],
        substitutions: {
          fromText: spin.text,
          toText: original.text,
          swaps: spin.swaps.map((s) => ({ fromStart: s.spunStart, fromEnd: s.spunEnd, toStart: s.sourceStart, toEnd: s.sourceEnd })),
        },
        spinRate: spin.rate,
      },
    },
  };
}

function forwardTruth(sourceText: string, spin: SpinResult): SubstitutionTruth {
  return {
    fromText: sourceText,
    toText: spin.text,
    swaps: spin.swaps.map((s) => ({ fromStart: s.sourceStart, fromEnd: s.sourceEnd, toStart: s.spunStart, toEnd: s.spunEnd })),
  };
}
